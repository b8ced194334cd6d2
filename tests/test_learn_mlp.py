"""3.2 and 3.3's predictions and challenges, through the MLP page: each revealed answer and verdict
comes from the page's own training at its current settings (change a control: they follow).

Few epochs only (Fashion-MNIST trains for real); the configs are shared between the tests, so the
store trains each once: B = from scratch, 2 epochs; A = from scratch, batch 64, 3 epochs; the same
two epochs concise; C = concise, 3 hidden layers, 2 epochs (the book's init); D = C with kaiming.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from mlp_lab.activities import mlp as act
from mlp_lab.data import class_names
from mlp_lab.experiments import mlp as exp
from mlp_lab.learn import CHALLENGES, PREDICTIONS, answer_of, verdict_of
from mlp_lab.store import cached
from mlp_lab.training import train
from tests.learn_helpers import challenge_verdict, guess_and_reveal, knots, overlay, texts
from tests.test_app import run_app

PAGE = "pages/mlp.py"
T = 600  # seconds per script run: a shared, loaded CPU trains slowly (each config trains once)
pytestmark = pytest.mark.usefixtures("fmnist")

B = exp.MLPSettings(epochs=2)
A = replace(B, batch_size=64, epochs=3)
C = exp.MLPSettings(model="concise", layers=3, epochs=2)
D = replace(C, init="kaiming")


def run_of(s: exp.MLPSettings, model: str):
    """The page's own training for ``model`` at ``s``, through the shared store (the panel's key)."""
    return cached(train, act.config_of(s, model))


def test_scratch_accuracy_is_the_pages_run_and_follows_the_controls() -> None:
    at = run_app("en", page=PAGE, timeout=T, mlp_epochs="2")
    assert not at.exception
    assert not any("Your guess 40.0%" in c.proto.alt for c in at.get("vega_lite_chart"))  # nothing before the commit
    guess_and_reveal(at, "mlp.scratch_acc", 40.0)
    acc = run_of(B, "scratch").history.test_acc  # the run the page trained: a cache hit
    expected = 100 * acc[-1]
    alt, rows = overlay(at, "Your guess 40.0%")
    assert f"{expected:.1f}%" in alt
    assert list(rows["y"][: len(acc)]) == pytest.approx([100 * a for a in acc])  # the run's curve, per epoch
    assert f"off by {abs(expected - 40.0):.1f}%" in texts(at)
    assert answer_of(PREDICTIONS["mlp.scratch_acc"], B).value == pytest.approx(expected)
    # smaller batches, one more epoch: the guess stays committed, the answer is the new run's
    at.slider(key="mlp_epochs").set_value(3)
    at.select_slider(key="mlp_batch").set_value(64).run()
    assert not at.exception
    new = 100 * run_of(A, "scratch").history.test_acc[-1]
    assert new != pytest.approx(expected)
    alt, rows = overlay(at, "Your guess 40.0%")
    assert f"{new:.1f}%" in alt and rows["x"].max() == 3


def test_hardest_class_is_read_from_the_runs_confusion_matrix() -> None:
    at = run_app("zh", page=PAGE, timeout=T, mlp_epochs="2")
    guess_and_reveal(at, "mlp.hardest", "sandal", "zh")
    labels = exp.fmnist_test_labels()
    matrix = exp.confusion(run_of(B, "scratch").test_pred, labels)
    report = exp.class_report(matrix)
    names = class_names("zh")
    assert report.hardest != 5  # sandals are easy: the guess is wrong
    assert f"你选了 凉鞋；运行结果是 {names[report.hardest]}" in texts(at)
    assert f"{names[report.hardest]} 只有 {report.hardest_acc:.0%} 被认对" in texts(at)
    _, rows = overlay(at, "凉鞋")
    assert list(rows["y"][:10]) == pytest.approx(list(100 * exp.per_class_accuracy(matrix)))  # one bar a class
    at.slider(key="mlp_epochs").set_value(3)
    at.select_slider(key="mlp_batch").set_value(64).run()
    other = exp.class_report(exp.confusion(run_of(A, "scratch").test_pred, labels))
    assert other.hardest_acc != pytest.approx(report.hardest_acc)
    assert f"{names[other.hardest]} 只有 {other.hardest_acc:.0%} 被认对" in texts(at)


def test_concise_gap_compares_the_two_runs_the_page_shows() -> None:
    at = run_app("en", page=PAGE, timeout=T, mlp_impl="both", mlp_epochs="2")
    assert not at.exception
    guess_and_reveal(at, "mlp.concise_gap", 5.0)
    scratch, concise = run_of(B, "scratch").history.test_acc, run_of(B, "concise").history.test_acc
    gap = 100 * abs(scratch[-1] - concise[-1])
    assert gap < 1.0  # the same network: the point of 3.3
    alt, rows = overlay(at, "Your guess 5.00")
    assert f"{gap:.2f}" in alt
    gaps = [100 * abs(s - c) for s, c in zip(scratch, concise, strict=True)]
    assert list(rows["y"][: len(gaps)]) == pytest.approx(gaps)
    assert f"{scratch[-1]:.2%} against {concise[-1]:.2%}" in texts(at)


def test_concise_first_epoch_follows_the_initialisation() -> None:
    at = run_app("en", page=PAGE, timeout=T, mlp_impl="concise", mlp_layers="3", mlp_epochs="2")
    assert not at.exception
    guess_and_reveal(at, "mlp.concise_first", 60.0)
    first = 100 * run_of(C, "concise").history.test_acc[0]
    assert first < act.STUCK  # three layers of N(0, 0.01^2): stuck near chance after one epoch
    alt, _ = overlay(at, "Your guess 60.0%")
    assert f"{first:.1f}%" in alt
    assert f"Only {first:.1f}% after a whole epoch" in texts(at)
    at.selectbox(key="mlp_init").set_value("kaiming").run()
    learned = 100 * run_of(D, "concise").history.test_acc[0]
    assert learned > 60
    alt, _ = overlay(at, "Your guess 60.0%")
    assert f"{learned:.1f}%" in alt and f"The first pass already reaches {learned:.1f}%" in texts(at)


def test_fast85_challenge_fails_at_two_epochs_and_passes_with_smaller_batches() -> None:
    at = run_app("en", page=PAGE, timeout=T, mlp_epochs="2")
    passed, text = challenge_verdict(at, "mlp.fast85")
    acc = run_of(B, "scratch").history.test_acc[-1]
    assert not passed and f"{acc:.2%} after 2 epoch(s)" in text and "points short of 85%" in text
    at = run_app("en", page=PAGE, timeout=T, mlp_epochs="3", mlp_batch="64")
    passed, text = challenge_verdict(at, "mlp.fast85")
    acc = run_of(A, "scratch").history.test_acc[-1]
    assert passed and acc >= act.FAST_ACC and f"{acc:.2%} after 3 epoch(s)" in text
    # the rules, on the same run: too many epochs, or the concise network only
    c = CHALLENGES["mlp.fast85"]
    assert verdict_of(c, replace(A, epochs=6), lambda fn, cfg: run_of(A, "scratch")).says == "epochs"
    assert verdict_of(c, replace(A, model="concise"), lambda fn, cfg: run_of(A, "scratch")).says == "scratch"


def test_deep_challenge_fails_with_the_books_init_and_passes_with_kaiming() -> None:
    at = run_app("en", page=PAGE, timeout=T, mlp_impl="concise", mlp_layers="3", mlp_epochs="2")
    passed, text = challenge_verdict(at, "mlp.deep")
    acc = run_of(C, "concise").history.test_acc[-1]
    assert not passed and f"{acc:.2%} after 2 epoch(s) with 3 hidden layers" in text
    at.selectbox(key="mlp_init").set_value("kaiming").run()
    passed, text = challenge_verdict(at, "mlp.deep")
    acc = run_of(D, "concise").history.test_acc[-1]
    assert passed and acc >= act.DEEP_ACC and f"{acc:.2%}" in text
    c, result = CHALLENGES["mlp.deep"], run_of(D, "concise")
    assert c.check(result, replace(D, layers=2)).says == "layers"  # the page's default depth is not deep
    assert c.check(result, replace(D, model="scratch")).says == "concise"


def test_the_defaults_do_not_pass_either_challenge() -> None:
    """At the page's defaults (10 epochs, one hidden layer) both checks refuse, whatever the run."""
    s = exp.MLPSettings()
    result = run_of(B, "scratch")
    assert CHALLENGES["mlp.fast85"].check(result, s).says == "epochs"
    assert CHALLENGES["mlp.deep"].check(result, s).says == "concise"
    assert CHALLENGES["mlp.deep"].check(result, replace(s, model="concise")).says == "layers"


def test_answers_and_verdicts_break_with_their_ingredients(monkeypatch) -> None:
    """The answers read the run and the constants: break one and what the learner is told changes."""
    result, d = run_of(A, "scratch"), run_of(D, "concise")
    assert act._check_fast(result, A).passed
    monkeypatch.setattr(act, "FAST_ACC", 0.99)
    assert not act._check_fast(result, A).passed
    assert act._check_deep(d, D).passed
    monkeypatch.setattr(act, "DEEP_ACC", 0.99)
    assert not act._check_deep(d, D).passed
    stuck = act._first_epoch(run_of(C, "concise"), C)
    assert stuck.why == "why_stuck"
    monkeypatch.setattr(act, "STUCK", 0.0)
    assert act._first_epoch(run_of(C, "concise"), C).why == "why"
    hardest = act._hardest(result, A)
    labels = exp.fmnist_test_labels()
    monkeypatch.setattr(exp, "fmnist_test_labels", lambda: np.roll(labels, 1))  # predictions no longer line up
    assert act._hardest(result, A).numbers["acc"] != pytest.approx(hardest.numbers["acc"])


def test_accuracy_sketch_is_compared_with_the_pages_run_epoch_by_epoch_in_chinese() -> None:
    at = run_app("zh", page=PAGE, timeout=T, mlp_epochs="2")
    assert knots(at, "mlp.acc_sketch") == ["第 1 个迭代周期", "第 2 个迭代周期"]  # one point per epoch
    guess_and_reveal(at, "mlp.acc_sketch", [70.0, 80.0], "zh")
    acc = 100 * np.array(run_of(B, "scratch").history.test_acc)  # the run the page trained: a cache hit
    off = np.abs(np.array([70.0, 80.0]) - acc).mean()
    alt, rows = overlay(at, "你的草图（虚线）")
    run = rows[rows["who"] == "运行结果"]
    assert list(run["y"]) == pytest.approx(list(acc)) and list(run["x"]) == [1, 2]
    assert f"平均相差 {off:.1f}%" in alt
    assert f"仅第 1 个迭代周期就让网络从随机猜测（10%）升到 {acc[0]:.1f}%" in texts(at)
    # one more epoch at batch 64 (run A): the curve is the new run's, the committed sketch compared on its epochs
    at.slider(key="mlp_epochs").set_value(3)
    at.select_slider(key="mlp_batch").set_value(64).run()
    assert not at.exception
    new = 100 * np.array(run_of(A, "scratch").history.test_acc)
    alt, rows = overlay(at, "你的草图（虚线）")
    assert list(rows[rows["who"] == "运行结果"]["y"]) == pytest.approx(list(new))
    assert f"平均相差 {np.abs(np.array([70.0, 80.0]) - new[:2]).mean():.1f}%" in alt


def test_accuracy_sketch_knots_and_a_diverged_run() -> None:
    p = PREDICTIONS["mlp.acc_sketch"]
    assert p.knots(exp.MLPSettings(epochs=3)) == (1.0, 2.0, 3.0)
    long = p.knots(exp.MLPSettings(epochs=50))  # a long run: ten points spread over it, first and last kept
    assert len(long) == act.SKETCH_MOST and long[0] == 1 and long[-1] == 50
    result = run_of(B, "scratch")
    nothing = replace(result, history=replace(result.history, train_loss=[], train_acc=[], test_loss=[], test_acc=[]),
                      diverged=True, diverged_epoch=1)  # fmt: skip
    answer = act._acc_curve(nothing, B)
    assert answer.why == "why_diverged" and answer.x == () and not p.close(((1.0, 10.0),), answer)
    assert act._acc_curve(result, B).why == "why"
