"""3.6's exercises as guided tasks on the dropout page: each explore task's finding is read from its own
runs at the controls set through the address bar (compared with the same trainings called directly),
and changes when a control does; the discuss task reveals its worked answer. Everything trains the
book's 784-256-256-10 net on small learnable data (``striped_data``) for one or two epochs."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
import torch

from mlp_lab import learn
from mlp_lab.activities import dropout as act
from mlp_lab.data import load_fashion_mnist
from mlp_lab.experiments import dropout as exp
from mlp_lab.training import train
from tests.conftest import private_world, striped_data
from tests.learn_helpers import exercise_box, finding_chart, reveal_answer, run_exercise
from tests.test_app import run_app

PAGE = "pages/dropout.py"
N = 1000  # of the 1024 striped training images


@pytest.fixture(scope="module")
def world() -> Iterator[None]:
    with private_world(striped_data()):
        yield


def open_page(lang: str = "en", **params: str):
    return run_app(lang, page=PAGE, timeout=120, **params)


def final(run: exp.NoiseRun) -> float:
    """``run``'s final test accuracy, trained here directly (not through the store)."""
    return exp.noise_run(run).history.test_acc[-1]


def curve(rows, label: str) -> list[float]:
    """One series of an exercise's chart rows (x, y, series)."""
    return rows[rows["series"] == label]["y"].tolist()


def pct(v: float) -> str:
    return f"{v:.2%}"


# --- the noise layers and the trainer ------------------------------------------------------------------
def test_the_dropout_run_is_the_pages_network_and_the_noises_leave_eval_mode_alone(world) -> None:
    run = exp.NoiseRun("dropout", (0.2, 0.5), N, 2)
    data = load_fashion_mnist().first(N)
    page_net = train(replace(exp.DropoutSettings().config(), epochs=2), data=data)
    assert exp.noise_run(run).history.test_acc == page_net.history.test_acc  # same start, same masks
    X = torch.rand(5, 784)
    for noise, levels in (("dropconnect", (0.5, 0.5)), ("gauss_mult", (1.0, 1.0)), ("gauss_add", (1.0, 1.0))):
        model = exp.noise_model(replace(run, noise=noise, levels=levels), torch.device("cpu"))
        model.generator = torch.Generator().manual_seed(0)
        model.eval()
        assert torch.equal(model(X), model(X))
        model.train()
        assert not torch.equal(model(X), model(X)), noise  # noisy in training


def test_dropconnect_and_gaussian_noise_keep_the_mean() -> None:
    gen = torch.Generator().manual_seed(0)
    W = torch.ones(400, 500)
    dropped = exp.drop_weights(W, 0.3, gen)
    assert (dropped == 0).float().mean().item() == pytest.approx(0.3, abs=0.01)
    assert dropped.mean().item() == pytest.approx(1.0, abs=0.01)
    noisy = exp.gaussian_noise(W, "gauss_mult", 1.0, gen)
    assert noisy.mean().item() == pytest.approx(1.0, abs=0.01) and noisy.std().item() == pytest.approx(1.0, abs=0.01)
    assert torch.equal(exp.drop_weights(W, 0.0), W) and torch.equal(exp.drop_weights(W, 1.0), torch.zeros_like(W))


# --- the explore tasks, through the page -------------------------------------------------------------------
def test_3_6_1_swapping_trains_both_orders_and_the_sentence_follows_the_run(world) -> None:
    at = open_page(x36_n=str(N), x36_epochs="2", x36_p1="0.1", x36_p2="0.6")
    text = run_exercise(at, "3.6.1")
    a = final(exp.NoiseRun("dropout", (0.1, 0.6), N, 2))
    b = final(exp.NoiseRun("dropout", (0.6, 0.1), N, 2))
    win, lose = max(a, b), min(a, b)
    assert f"reaches {pct(win)}" in text and f"({pct(lose)})" in text and f"{100 * (win - lose):.2f} points" in text
    assert ("after the second hidden layer" in text) == (b <= a)  # the winner's heavier p is where
    rows = finding_chart(at, "3.6.1")
    assert curve(rows, "p₁, p₂ as set")[-1] == pytest.approx(a) and curve(rows, "swapped")[-1] == pytest.approx(b)
    at.slider(key="x36_p2").set_value(0.1).run()  # p1 = p2: the swap is the same network
    same = run_exercise(at, "3.6.1")
    assert "swapping changes nothing" in same and pct(final(exp.NoiseRun("dropout", (0.1, 0.1), N, 2))) in same
    at.slider(key="x36_p2").set_value(0.6).run()
    next(w for w in at.get("button_group") if w.key == "x36_seeds").set_value(2).run()
    two = run_exercise(at, "3.6.1")
    b1 = final(exp.NoiseRun("dropout", (0.6, 0.1), N, 2, seed=1))
    a1 = final(exp.NoiseRun("dropout", (0.1, 0.6), N, 2, seed=1))
    gap, spread = abs(a + a1 - b - b1) / 2, max(abs(a - a1), abs(b - b1))
    assert ("cannot tell the two orders apart" in two) == (100 * gap <= 100 * spread + 1e-9)
    assert "averaged over 2 seeds" in two and f"{100 * spread:.2f} points" in two


def test_3_6_2_more_epochs_reads_both_runs(world) -> None:
    at = open_page(x36_long_n=str(N), x36_long_epochs="4")
    text = run_exercise(at, "3.6.2")
    w, o = (exp.noise_run(r).history for r in exp.LongerSettings(epochs=4, train_size=N).runs())
    assert f"tests at {pct(w.test_acc[-1])}" in text and f"without at {pct(o.test_acc[-1])}" in text
    assert ("points ahead" in text) == (w.test_acc[-1] > o.test_acc[-1])
    assert f"{pct(max(o.test_acc))} (epoch {o.test_acc.index(max(o.test_acc)) + 1}) without" in text
    assert len(finding_chart(at, "3.6.2")) == 4 * 4  # four curves, one point per epoch
    at.select_slider(key="x36_long_epochs").set_value(8).run()
    longer = run_exercise(at, "3.6.2")
    assert "after 8 epochs" in longer and longer != text


def test_3_6_3_variance_is_the_pages_measurement_on_the_subset(world) -> None:
    at = open_page(x36_var_n=str(N), x36_var_epochs="1")
    text = run_exercise(at, "3.6.3")
    s = exp.VarianceSettings(train_size=N, epochs=1)
    data = load_fashion_mnist().first(N)
    direct = {run: exp.activation_variance(c, data) for run, c in s.configs().items()}
    v1w, v2w = direct["with"].train_mode[-1]
    v1o, v2o = direct["without"].eval_mode[-1]
    assert f"{v1w:.3g} with dropout" in text and f"against {v1o:.3g} without" in text and f"{v2o:.3g}" in text
    assert ("is not the higher one" in text) == (not (v1w > v1o and v2w > v2o))
    rows = finding_chart(at, "3.6.3")
    assert len(rows) == 4 * 2 and curve(rows, "layer 2, dropout")[-1] == pytest.approx(v2w)
    at.select_slider(key="x36_var_epochs").set_value(2).run()
    assert "after 2 epochs" in run_exercise(at, "3.6.3")


def test_3_6_5_dropout_weight_decay_both_chooses_its_sentence_from_the_gains(world) -> None:
    at = open_page(x36_wd_n=str(N), x36_wd_epochs="1")
    text = run_exercise(at, "3.6.5")
    acc = {k: final(r) for k, r in exp.CombineSettings(train_size=N, epochs=1).runs().items()}
    gd, gw, gb = (100 * (acc[k] - acc["none"]) for k in ("dropout", "decay", "both"))
    want = "combining them costs" if gb < max(gd, gw) else "gains add up" if gb >= gd + gw else "gains overlap"
    assert want in text and f"both {pct(acc['both'])} ({gb:+.2f})" in text
    at.select_slider(key="x36_wd").set_value(1e-2).run()
    other = run_exercise(at, "3.6.5")
    assert "λ = 0.01" in other and other != text


def test_3_6_6_dropconnect_against_dropout(world) -> None:
    at = open_page(x36_dc_n=str(N), x36_dc_epochs="1")
    text = run_exercise(at, "3.6.6")
    runs = exp.DropConnectSettings(train_size=N, epochs=1).runs()
    dc, drop = final(runs["dropconnect"]), final(runs["dropout"])
    assert f"DropConnect tests at {pct(dc)}" in text and f"units at {pct(drop)}" in text
    assert ("points ahead of dropping units" in text) == (dc > drop)
    at.slider(key="x36_dc_p1").set_value(0.7).run()
    other = run_exercise(at, "3.6.6")
    assert "p₁ = 0.7" in other and other != text


def test_3_6_7_gaussian_noise_against_dropout(world) -> None:
    at = open_page(x36_noise_n=str(N), x36_noise_epochs="1", x36_sigma="1.0")
    text = run_exercise(at, "3.6.7")
    runs = exp.GaussSettings(sigma=1.0, train_size=N, epochs=1).runs()
    g, drop = final(runs["gauss"]), final(runs["dropout"])
    assert text.startswith("Your run: Multiplicative Gaussian noise with σ = 1 tests at " + pct(g))
    assert ("beats dropout" in text) == (g > drop)
    kind = next(w for w in at.get("button_group") if w.key == "x36_noise")
    kind.set_value("add").run()
    added = run_exercise(at, "3.6.7")
    g_add = final(exp.GaussSettings(kind="add", sigma=1.0, train_size=N, epochs=1).runs()["gauss"])
    assert "Additive Gaussian noise" in added and f"tests at {pct(g_add)}" in added


# --- the discuss task ------------------------------------------------------------------------------------
def test_3_6_4_dropout_left_on_at_test_time_and_the_worked_answer_in_chinese(world) -> None:
    at = open_page("zh", x36_test_n=str(N), x36_test_epochs="1", x36_passes="5")
    box = exercise_box(at, "3.6.4")
    assert "练习 3.6.4" in box.label and not box.info  # runs only when asked
    text = run_exercise(at, "3.6.4")
    s = exp.LeftOnSettings(passes=5, train_size=N, epochs=1)
    gap = exp.left_on_gap(s)  # the five passes evaluated again here
    assert gap.eval_acc == final(s.run())
    assert f"关闭暂退法时网络的测试精度为 {pct(gap.eval_acc)}" in text and f"{pct(gap.train_mean)}" in text
    assert ("每一次都低于评估模式" in text) == (max(gap.train_accs) < gap.eval_acc)
    answer, checks = reveal_answer(at, "3.6.4")
    assert "蒙特卡洛暂退法" in answer and "$\\frac{1}{1-p}$" in answer and not checks


def test_every_exercise_of_3_6_is_offered_once_in_book_order() -> None:
    assert [i for i in learn.EXERCISE_TASKS if i.startswith("3.6.")] == [f"3.6.{n}" for n in range(1, 8)]
    assert all(learn.EXERCISE_TASKS[f"3.6.{n}"].settings is not None for n in range(1, 8))
    assert act.KIND_WORDS.keys() == exp.GAUSS_BY_CHOICE.keys()
