"""Dropout (3.6): the layer, its unbiasedness, measurements inside the network, and the page."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
import torch
from streamlit.testing.v1 import AppTest

from mlp_lab import reproduce
from mlp_lab.controls import controls_of
from mlp_lab.experiments import dropout as exp
from mlp_lab.models import ScratchMLP, build_concise, build_model, dropout_layer
from mlp_lab.store import ResultStore, key_of, shared_store
from mlp_lab.training import TrainConfig, train
from mlp_lab.ui.i18n import lookup
from mlp_lab.ui.runner import WARMING_KEY
from tests.conftest import private_world, striped_data
from tests.test_app import run_app

ROOT = Path(__file__).resolve().parent.parent


# --- the layer -------------------------------------------------------------------------------------
def test_book_demo_p0_identity_p1_zeros_p05_doubles_survivors() -> None:
    demo = exp.book_demo(seed=3)
    X = exp.demo_input().numpy()
    np.testing.assert_array_equal(demo[0.0], X)
    np.testing.assert_array_equal(demo[1.0], np.zeros_like(X))
    half = demo[0.5]
    assert np.all((half == 0) | (half == 2 * X))
    assert 0 < np.count_nonzero(half) < X.size


def test_dropout_layer_rejects_probabilities_outside_0_1() -> None:
    for bad in (-0.1, 1.5):
        with pytest.raises(ValueError):
            dropout_layer(torch.ones(3), bad)


def test_mask_picture_is_the_mask_that_made_h_prime() -> None:
    for p in (0.0, 0.3, 0.5, 1.0):
        pic = exp.mask_picture(p, seed=1)
        assert set(np.unique(pic.kept)) <= {0.0, 1.0}
        expected = pic.kept * pic.hidden / (1 - p) if p < 1 else np.zeros_like(pic.hidden)
        np.testing.assert_allclose(pic.dropped_out, expected, rtol=1e-6)
    assert abs(exp.mask_picture(0.3, seed=2, examples=64, units=64).kept.mean() - 0.7) < 0.03


def test_unbiasedness_error_shrinks_like_one_over_sqrt_n() -> None:
    res = exp.unbiasedness(exp.UnbiasConfig(p=0.5, draws=100_000, seed=0))
    assert res.final_error < 0.01
    assert res.rel_error[-1] < res.rel_error[0] / 30
    # Within a small factor of the root-mean-square law at every checkpoint past the first few.
    ratio = res.rel_error[5:] / res.theory[5:]
    assert np.all(ratio < 3.5) and np.median(ratio) > 0.3
    np.testing.assert_allclose(res.mean, res.h, rtol=0, atol=0.05 * np.abs(res.h).max())


def test_unbiasedness_edge_probabilities() -> None:
    assert exp.unbiasedness(exp.UnbiasConfig(p=0.0, draws=100)).final_error == 0.0
    assert exp.unbiasedness(exp.UnbiasConfig(p=1.0, draws=100)).final_error == pytest.approx(1.0)


# --- inside the network ----------------------------------------------------------------------------
@pytest.mark.parametrize("kind", ["scratch", "concise"])
def test_forward_parts_matches_the_model_and_leaves_its_randomness_alone(kind: str) -> None:
    gen = torch.Generator().manual_seed(0)
    model = build_model(kind, (32, 16), dropout=(0.2, 0.5), generator=gen).eval()
    X = torch.rand(8, 1, 28, 28, generator=gen)
    hiddens, logits = exp.forward_parts(model, X, dropout_on=False)
    torch.testing.assert_close(logits, model(X))
    assert [h.shape for h in hiddens] == [(8, 32), (8, 16)]
    state = torch.get_rng_state()
    mine = torch.Generator().manual_seed(5)
    on_a, _ = exp.forward_parts(model, X, dropout_on=True, generator=mine)
    assert torch.equal(torch.get_rng_state(), state)  # the global stream nn.Dropout uses is untouched
    kept = (on_a[1] != 0).float().mean().item()
    assert 0.2 < kept < 0.8  # p2 = 0.5 (units that ReLU zeroed count as dropped here)


def test_concise_dropout_probabilities_are_read_per_hidden_layer() -> None:
    assert exp._concise_dropouts(build_concise((8, 8, 8), dropout=(0.1, 0.0, 0.3))) == [0.1, 0.0, 0.3]
    assert exp._concise_dropouts(build_concise((8,))) == [0.0]
    assert ScratchMLP((8, 8), dropout=(0.4,)).dropout == (0.4, 0.0)


def test_settings_build_the_chapters_network_and_its_twin() -> None:
    configs = exp.DropoutSettings().train_configs()
    assert list(configs) == ["with", "without"]
    c = configs["with"]
    assert (c.hiddens, c.dropout, c.lr, c.batch_size, c.epochs) == ((256, 256), (0.2, 0.5), 0.5, 256, 10)
    assert configs["without"] == replace(c, dropout=())
    swapped = exp.DropoutSettings(model="concise", epochs=20, p1=0.5, p2=0.2, weight_decay=1e-3, seed=4)
    c = swapped.train_configs()["with"]
    assert (c.model, c.epochs, c.dropout, c.weight_decay, c.seed) == ("concise", 20, (0.5, 0.2), 1e-3, 4)


def test_controls_keep_their_address_bar_keys_and_the_books_defaults() -> None:
    specs = {s.key: s for s in [*controls_of(exp.DropoutSettings).values(), *controls_of(exp.UnbiasConfig).values()]}
    keys = ("dropout_model", "dropout_epochs", "dropout_p1", "dropout_p2", "dropout_wd", "dropout_p", "dropout_draws")
    assert set(specs) == set(keys)
    assert specs["dropout_wd"].parse("0.001") == 1e-3 and specs["dropout_draws"].parse("1000") == 1000
    assert (specs["dropout_p1"].default, specs["dropout_p2"].default, specs["dropout_p"].default) == (0.2, 0.5, 0.5)


@contextlib.contextmanager
def fresh_world() -> Iterator[ResultStore]:
    """``private_world`` on small learnable data, with the store's list of computations emptied too
    (so a test sees exactly what it caused), all restored afterwards."""
    with private_world(striped_data()):
        store = shared_store()
        saved, store.computed = store.computed, []
        try:
            yield store
        finally:
            store.computed = saved


def _small(config: TrainConfig) -> TrainConfig:
    return replace(config, hiddens=(64, 64), epochs=2, batch_size=32, init="kaiming", lr=0.1)


def test_activation_variance_measures_without_changing_the_run(synthetic_data) -> None:
    config = _small(exp.DropoutSettings().config())
    fractions: list[float] = []
    res = exp.activation_variance(config, data=synthetic_data, progress=fractions.append)
    assert len(res.train_mode) == len(res.eval_mode) == config.epochs + 1  # + the initialisation
    assert all(len(row) == 2 for row in res.train_mode)
    # Dropout masks raise the second moment by 1/(1-p); the variance goes up too.
    assert all(tr[1] > ev[1] for tr, ev in zip(res.train_mode[1:], res.eval_mode[1:], strict=True))
    assert res.test_acc == train(config, data=synthetic_data).history.test_acc  # measuring did not perturb it
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    twin = _small(exp.DropoutSettings(model="concise").config(with_dropout=False))
    plain = exp.activation_variance(twin, data=synthetic_data)
    assert plain.train_mode == plain.eval_mode
    assert {r["mode"] for r in res.rows()} == {"train", "eval"}


def test_train_mode_accuracy_is_noisy_and_eval_mode_is_not() -> None:
    config = _small(exp.DropoutSettings(model="concise", p1=0.5, p2=0.5).config())
    with fresh_world() as store:
        gap = exp.mode_gap(config, passes=6)
        assert store.computed == [key_of(train, config)]  # the net comes from the one cached training
        assert len(set(gap.train_accs)) > 1 and gap.train_std > 0
        assert gap == exp.mode_gap(config, passes=6)  # seeded
        assert gap.eval_acc == pytest.approx(store.get(key_of(train, config)).history.test_acc[-1], abs=1e-6)
        plain = exp.mode_gap(_small(exp.DropoutSettings().config(with_dropout=False)), passes=3)
        assert plain.train_accs == [plain.eval_acc] * 3


def test_one_real_epoch_of_the_books_dropout_net_learns(fmnist) -> None:
    config = exp.DropoutSettings(model="concise").config()
    result = train(replace(config, epochs=1), data=fmnist)
    assert result.history.test_acc[-1] > 0.7
    gap = exp.mode_gap(replace(config, epochs=1), passes=2)
    assert gap.eval_acc == pytest.approx(result.history.test_acc[-1], abs=1e-6)
    assert gap.train_mean < gap.eval_acc


# --- reproduce rows ---------------------------------------------------------------------------------
def test_reproduce_rows_are_registered_with_the_issue_ids() -> None:
    ids = {c.id for c in reproduce.select("dropout.")}
    assert ids == {"dropout.layer_unbiased", "dropout.layer_p1_zeros", "dropout.unbiased", "dropout.noise_is_ridge"}


@pytest.mark.parametrize("check_id", ["dropout.layer_unbiased", "dropout.layer_p1_zeros"])
def test_fast_reproduce_rows_pass(check_id: str) -> None:
    (check,) = [c for c in reproduce.select(check_id)]
    row = reproduce.run_check(check)
    assert row.ok, row


def test_unbiasedness_row_shares_the_pages_default_result() -> None:
    with fresh_world() as store:
        reproduce.run_check(next(iter(reproduce.select("dropout.layer_unbiased"))))
        assert key_of(exp.unbiasedness, exp.UnbiasConfig()) in store.computed


# --- the page ---------------------------------------------------------------------------------------
@pytest.fixture
def world() -> Iterator[ResultStore]:
    """Small learnable data behind every loader and an empty result store, for one page test."""
    with fresh_world() as store:
        yield store


def open_page(lang: str = "en", **params: str) -> AppTest:
    return run_app(lang, page="pages/dropout.py", timeout=120, **params)


def trained(store: ResultStore) -> list[TrainConfig]:
    return [config for fn, config in store.computed if fn == "mlp_lab.training.train"]


def test_page_defaults_ask_then_train_both_nets_and_compare(world: ResultStore) -> None:
    at = open_page()
    assert not at.exception and not at.error
    assert at.title[0].value == "3.6 Dropout"
    assert at.slider(key="dropout_p1").value == 0.2 and at.slider(key="dropout_p2").value == 0.5
    assert {b.key: b.value for b in at.get("button_group")}["dropout_model"] == "scratch"  # the book's first net
    assert not trained(world)  # a cold server asks before two full trainings
    assert len(at.get("vega_lite_chart")) == 3  # input noise against ridge, the mask, unbiasedness
    at.button(key="dropout_go__go").click().run()
    assert not at.exception and not at.error
    assert trained(world) == list(exp.DropoutSettings().train_configs().values())
    # noise, mask, unbiasedness, one per panel, the comparison (two), train vs eval mode
    assert len(at.get("vega_lite_chart")) == 8
    assert any("Eval mode" in c.value for c in at.caption)
    # the comparison's and the mode gap's sentences are chosen from the runs on screen
    runs = {run: world.get(key_of(train, c)) for run, c in exp.DropoutSettings().train_configs().items()}
    gap = world.get(key_of(exp.mode_gap, exp.DropoutSettings().config()))
    helps = exp.dropout_helps(runs["with"], runs["without"])
    text = " ".join(m.value for m in at.markdown)
    assert ("in this run dropout generalised better" in text) == helps
    assert ("did not come out ahead" in text) == (not helps)
    assert f"{runs['with'].history.test_acc[-1]:.2%}" in text and f"{runs['without'].history.test_loss[-1]:.3f}" in text
    assert ("passes with dropout on score below eval mode:" in text) == exp.mode_gap_shows(gap)
    assert f"{gap.eval_acc:.4f}" in text
    captions = " ".join(c.value for c in at.caption)  # the comparison charts' text alternatives
    assert f"Test accuracy at the end: {runs['with'].history.test_acc[-1]:.2%} with dropout" in captions
    assert len(at.get("download_button")) == 6
    assert at.button(key="dropout_var__go")  # the variance waits for its own click
    assert at.button(key="book_box_dropout__go")  # the one book box
    assert not any("dropout masks on" in str(c.proto.spec) for c in at.get("vega_lite_chart"))
    at.button(key="dropout_var__go").click().run()
    assert not at.exception and not at.error
    assert "dropout masks on" in str([c.proto.spec for c in at.get("vega_lite_chart")])
    variance = world.get(key_of(exp.activation_variance, exp.DropoutSettings().config()))
    r1, r2 = exp.variance_ratios(variance)
    wanted = "most after the layer with the" if exp.masks_add_variance(variance, (0.2, 0.5)) else "did not raise"
    assert any(wanted in c.value and f"layer 1 by {r1:.2f}" in c.value and f"{r2:.2f}" in c.value for c in at.caption)
    assert sum(fn == "mlp_lab.experiments.dropout.activation_variance" for fn, _ in world.computed) == 2


def test_warm_visit_opens_every_gate(world: ResultStore) -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.session_state[WARMING_KEY] = True
    at.switch_page("pages/dropout.py")
    at.run()
    assert not at.exception and not at.error
    computed = {fn.rsplit(".", 1)[-1] for fn, _ in world.computed}
    assert {"train", "mode_gap", "activation_variance", "unbiasedness"} <= computed
    # A second visitor gets everything at once, without a button, and computes nothing.
    before = list(world.computed)
    again = open_page("zh")
    assert not again.exception and not again.error
    assert not {"dropout_go__go", "dropout_var__go", "book_box_dropout__go"} & {b.key for b in again.button}
    assert len(again.get("vega_lite_chart")) == 10  # the eight of a trained page and the two variance charts
    assert world.computed == before


def test_page_p_at_0_and_1(world: ResultStore) -> None:
    at = open_page(dropout_p="1.0", dropout_p1="1.0")
    assert not at.exception and not at.error
    assert at.slider(key="dropout_p").value == 1.0
    warnings = {w.value for w in at.warning}  # unbiasedness needs p < 1; a whole layer dropped cannot learn
    assert {lookup("dropout.unbias_p1", "en"), lookup("dropout.p_is_1", "en")} <= warnings
    for key in ("dropout_p", "dropout_p1", "dropout_p2"):
        at.slider(key=key).set_value(0.0)
    at.run()
    assert not at.exception
    assert any("h' = h exactly" in i.value for i in at.info)
    assert any("same network" in i.value for i in at.info)


def test_page_url_values_change_what_is_computed(world: ResultStore) -> None:
    params = {"dropout_p1": "0.5", "dropout_p2": "0.2", "dropout_model": "concise", "dropout_wd": "0.001"}
    at = open_page(**params, dropout_epochs="20", dropout_draws="1000", dropout_p="0.3")
    assert not at.exception and not at.error
    assert (at.slider(key="dropout_p1").value, at.slider(key="dropout_p2").value) == (0.5, 0.2)
    assert at.query_params["dropout_model"] == "concise"
    assert key_of(exp.unbiasedness, exp.UnbiasConfig(0.3, 1000)) in world.computed
    at.button(key="dropout_go__go").click().run()
    assert not at.exception and not at.error
    wanted = exp.DropoutSettings("concise", 20, 0.5, 0.2, 1e-3)
    assert trained(world) == list(wanted.train_configs().values())
    at.slider(key="dropout_p2").set_value(0.3).run()  # the widget: only the run with dropout trains again
    assert trained(world)[2:] == [replace(wanted, p2=0.3).config()]


@pytest.mark.parametrize(
    "params",
    [
        {"dropout_p1": "abc", "dropout_p2": "-1", "dropout_p": "7"},
        {"dropout_model": "<script>", "dropout_epochs": "13", "dropout_wd": "nan", "dropout_draws": "0"},
    ],
)
def test_page_bad_url_values_fall_back(world: ResultStore, params: dict[str, str]) -> None:
    at = open_page(**params)
    assert not at.exception
    assert at.slider(key="dropout_p1").value == 0.2
    assert at.select_slider(key="dropout_epochs").value == 10
    assert at.select_slider(key="dropout_draws").value == 100_000


def test_page_in_chinese(world: ResultStore) -> None:
    at = open_page("zh")
    assert not at.exception and not at.error
    assert "暂退法" in at.title[0].value


def test_page_sentences_at_the_defaults_follow_the_result(world: ResultStore) -> None:
    """Before any training: the input-noise and the unbiasedness sentences are the effect's, with the
    numbers of the results on screen; the per-seed strips are there too."""
    at = open_page()
    assert not at.exception and not at.error
    noise = shared_store().get(key_of(exp.noise_vs_ridge, exp.NoiseConfig()))
    unbias = shared_store().get(key_of(exp.unbiasedness, exp.UnbiasConfig()))
    text = " ".join(m.value for m in at.markdown)
    assert exp.noise_acts_as_ridge(noise) and exp.looks_unbiased(unbias, 0.5)
    assert f"the weights land {noise.to_ridge:.1%}" in text and f"{noise.to_least_squares:.1%} from plain" in text
    assert "acted as an $L_2$ penalty" in text and "not clearly closer" not in text
    assert f"misses h by {unbias.final_error:.3%} of ‖h‖; noise alone predicts about" in text
    assert "below the dotted 1 % line" in text
    captions = " ".join(c.value for c in at.caption)
    assert f"they lie {noise.to_ridge:.1%} from ridge's" in captions  # the chart's text alternative
    assert f"to {unbias.final_error:.3%} after 100,000 draws" in captions
    strip = next(d.value for d in at.dataframe if "from ridge" in d.value.columns)
    assert len(strip) == 8 and list(strip["shows it"]) == ["✓"] * 8
    for name in ("co-adaptation", "Bishop", "close to the input layer"):
        assert name in text
    assert "https://zh.d2l.ai/chapter_multilayer-perceptrons/dropout.html" in text


def test_page_says_so_when_a_draw_does_not_show_the_effect(world: ResultStore) -> None:
    """Seed 3 with only 10 noisy copies: not clearly closer to ridge; the page says so and names the
    seeds that do show it at these settings. The alt text follows the run."""
    default = open_page()
    at = open_page(seed="3", dropout_noise_copies="10")
    assert not at.exception and not at.error
    res = shared_store().get(key_of(exp.noise_vs_ridge, exp.NoiseConfig(copies=10, seed=3)))
    assert not exp.noise_acts_as_ridge(res)
    text = " ".join(m.value for m in at.markdown)
    assert "not clearly closer to ridge" in text and f"({res.to_ridge:.1%} of ‖w_ridge‖ away)" in text
    showing = [s for s in range(8) if exp.noise_acts_as_ridge(exp.noise_vs_ridge(exp.NoiseConfig(copies=10, seed=s)))]
    assert f"seeds {', '.join(map(str, showing))} do show it" in text
    alts = [c.value for c in at.caption if c.value.startswith("Weights of 10 features")]
    before = [c.value for c in default.caption if c.value.startswith("Weights of 10 features")]
    assert alts and before and alts != before


def test_page_with_no_dropout_says_dropout_did_not_help(world: ResultStore) -> None:
    """p1 = p2 = 0: both nets are the same, so neither the comparison nor the mode gap shows an effect."""
    at = open_page(dropout_p1="0.0", dropout_p2="0.0")
    at.button(key="dropout_go__go").click().run()
    assert not at.exception and not at.error
    text = " ".join(m.value for m in at.markdown)
    assert "did not come out ahead" in text
    assert "0 of 10 passes with dropout on score below eval mode" in text


def test_mask_alt_text_follows_p(world: ResultStore) -> None:
    alts = {}
    for p in ("0.5", "0.2"):
        at = open_page(dropout_p=p)
        pic = exp.mask_picture(float(p), 0)
        (alts[p],) = [c.value for c in at.caption if c.value.startswith("Three heat maps")]
        assert f"keeps {int(pic.kept.sum())} of 256 units" in alts[p]
    assert alts["0.5"] != alts["0.2"]


def test_masks_add_variance_reads_the_ratios() -> None:
    res = exp.ActivationVarianceResult(TrainConfig(), train_mode=[[1, 1], [1.3, 2.4]], eval_mode=[[1, 1], [1.0, 1.0]])
    assert exp.variance_ratios(res) == [1.3, 2.4]
    assert exp.masks_add_variance(res, (0.2, 0.5))
    assert not exp.masks_add_variance(res, (0.5, 0.2))  # the larger p gained less
    assert not exp.masks_add_variance(res, (0.0, 0.0))  # no dropout, no claim
    lower = exp.ActivationVarianceResult(TrainConfig(), train_mode=[[0.9, 2.4]], eval_mode=[[1.0, 1.0]])
    assert not exp.masks_add_variance(lower, (0.2, 0.5))  # a dropped layer whose variance fell
