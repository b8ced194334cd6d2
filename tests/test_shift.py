"""3.9 experiments: logistic regression, the three corrections, and their edge cases (small sizes)."""

import numpy as np
import pytest
import torch

from mlp_lab.controls import controls_of
from mlp_lab.experiments import shift as exp
from mlp_lab.reproduce import select


def _blobs(n: int = 400, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((n, 2))
    y = (rng.random(n) < 1 / (1 + np.exp(-(2 * x[:, 0] - x[:, 1] + 0.5)))).astype(float)
    return exp.features(x, "linear"), y


def test_logistic_regression_reaches_the_optimum() -> None:
    X, y = _blobs()
    theta = exp.logistic_regression(X, y, l2=0.0)
    p = exp.predict_proba(theta, X)
    assert np.abs(X.T @ (p - y) / len(y)).max() < 1e-9  # the gradient of the mean log loss vanishes
    assert theta[1] == pytest.approx(2, abs=0.6) and theta[2] == pytest.approx(-1, abs=0.5)


def test_a_weight_of_two_is_a_duplicated_point() -> None:
    X, y = _blobs(100)
    weights = np.ones(100)
    weights[:10] = 2
    weighted = exp.logistic_regression(X, y, weights)
    duplicated = exp.logistic_regression(np.concatenate([X, X[:10]]), np.concatenate([y, y[:10]]))
    np.testing.assert_allclose(weighted, duplicated, atol=1e-8)


def test_features_and_line_points() -> None:
    x = np.array([[1.0, 2.0]])
    np.testing.assert_allclose(exp.features(x, "quadratic"), [[1, 1, 2, 1, 2, 4]])
    with pytest.raises(ValueError):
        exp.features(x, "cubic")
    for theta in (np.array([0.5, 1.0, -2.0]), np.array([0.5, 3.0, 0.1]), np.array([0.0, 0.0, 1.0])):
        pts = exp.line_points(theta)
        assert len(pts) > 0
        np.testing.assert_allclose(theta[0] + pts @ theta[1:], 0, atol=1e-9)
        assert (pts >= exp.BOX[0]).all() and (pts <= exp.BOX[1]).all()
    assert len(exp.line_points(np.array([1.0, 0.0, 0.0]))) == 0


def test_source_vs_target_classifier_estimates_the_density_ratio() -> None:
    result = exp.covariate_shift(exp.CovariateConfig(n_source=2000, n_target=2000))
    corr = np.corrcoef(np.log(result.beta), np.log(result.true_beta))[0, 1]
    assert corr > 0.9
    assert np.median(result.beta / result.true_beta) == pytest.approx(1, abs=0.5)


def test_reweighting_helps_the_straight_line_and_hardly_matters_for_the_quadratic() -> None:
    result = exp.covariate_shift(exp.CovariateConfig())
    assert result.gain("linear") > 0.15
    assert abs(result.gain("quadratic")) < 0.03
    assert result.fits[("linear", True)].target_loss < result.fits[("linear", False)].target_loss
    assert result.fits[("quadratic", False)].target_acc <= result.bayes_acc + 0.02


def test_clipping_caps_beta_and_far_targets_stay_finite() -> None:
    far = exp.covariate_shift(exp.CovariateConfig(target_x1=3.0, target_x2=3.0, target_spread=0.3, clip=5.0))
    assert far.beta.max() <= 5.0
    assert all(np.isfinite(f.target_loss) and np.isfinite(f.theta).all() for f in far.fits.values())
    with pytest.raises(ValueError):
        exp.CovariateConfig(target_spread=0.0)


def test_label_shift_system_recovers_p_and_the_safeguard_clips() -> None:
    C = np.eye(3) * 0.8 + 0.1
    p = np.array([0.6, 0.3, 0.1])
    raw, safe, used = exp.solve_label_shift(C, C.T @ p)
    np.testing.assert_allclose(raw, p, atol=1e-12)
    np.testing.assert_allclose(safe, p, atol=1e-12)
    assert not used
    mu = np.array([0.02, 0.49, 0.49])  # below what any p can give for class 0: the raw solution goes negative
    raw, safe, used = exp.solve_label_shift(C, mu)
    assert raw.min() < 0 and used and safe.min() >= 0 and safe.sum() == pytest.approx(1)
    singular = np.zeros((3, 3))
    singular[:, 0] = 1.0  # everything predicted as class 0
    _, safe, _ = exp.solve_label_shift(singular, np.array([1.0, 0, 0]))
    assert np.isfinite(safe).all() and safe.sum() == pytest.approx(1)


def test_confusion_matrix_has_a_row_per_true_class_as_scikit_learn() -> None:
    pred, labels = np.array([0, 1, 1, 2]), np.array([0, 1, 2, 2])
    C = exp.confusion_matrix(pred, labels, k=4)
    np.testing.assert_allclose(C[:3].sum(axis=1), 1)
    assert C[2, 1] == 0.5 and C[2, 2] == 0.5  # true class 2: once predicted as 1, once as 2
    assert C[1, 2] == 0 and C[3].sum() == 0  # a class absent from validation: an empty row


def test_label_shift_recovers_p_with_a_lopsided_confusion_matrix() -> None:
    """Predictions drawn from a known, non-symmetric C (row = true class): the measured C and the
    target's mean prediction give back the target's p(y) only when the system is C^T p = mu."""
    rng = np.random.default_rng(0)
    truth = np.array([[0.9, 0.1, 0.0], [0.4, 0.6, 0.0], [0.0, 0.3, 0.7]])

    def predict(labels: np.ndarray) -> np.ndarray:
        return np.array([rng.choice(3, p=truth[y]) for y in labels])

    val = rng.integers(0, 3, 20000)
    C = exp.confusion_matrix(predict(val), val, k=3)
    np.testing.assert_allclose(C, truth, atol=0.02)
    p = np.array([0.1, 0.2, 0.7])
    target = rng.choice(3, size=20000, p=p)
    mu = np.bincount(predict(target), minlength=3) / len(target)
    _, estimate, _ = exp.solve_label_shift(C, mu)
    np.testing.assert_allclose(estimate, p, atol=0.02)


def test_reweighted_posteriors_never_divide_by_zero() -> None:
    probs = np.array([[1.0, 0.0], [0.3, 0.7]])
    out = exp.reweight_posteriors(probs, np.array([0.0, 1.0]))
    assert np.isfinite(out).all()
    np.testing.assert_allclose(out.sum(axis=1), 1)
    np.testing.assert_allclose(exp.reweight_posteriors(probs, np.zeros(2)), 0.5)


def test_target_config_checks_the_distribution() -> None:
    np.testing.assert_allclose(exp.TargetConfig(p_y=(1,) * 10).distribution(), 0.1)
    for bad in ((0,) * 10, (1,) * 9, (-1,) + (1,) * 9, (float("nan"),) + (1,) * 9):
        with pytest.raises(ValueError):
            exp.TargetConfig(p_y=bad).distribution()


@pytest.fixture
def small_classifier(synthetic_data) -> exp.LabelClassifier:
    config = exp.LabelClassifierConfig(train_size=800, val_size=224, epochs=6, lr=1.0)
    return exp.train_label_classifier(config, synthetic_data)


def test_label_classifier_measures_c_and_q(small_classifier, synthetic_data) -> None:
    clf = small_classifier
    assert clf.q_y.sum() == pytest.approx(1) and clf.confusion.shape == (10, 10)
    present = clf.confusion.sum(axis=1) > 0  # a row per true class
    np.testing.assert_allclose(clf.confusion.sum(axis=1)[present], 1)
    assert clf.test_probs.shape == (256, 10)
    np.testing.assert_allclose(clf.test_probs.sum(axis=1), 1, rtol=1e-5)
    assert clf.val_acc > 0.9 and len(clf.history) == 6  # the stripes are easy
    with pytest.raises(exp.TooFewImages, match="exceeds the 1024 training images"):
        exp.train_label_classifier(exp.LabelClassifierConfig(train_size=1000, val_size=100), synthetic_data)
    with pytest.raises(ValueError):
        exp.LabelClassifierConfig(epochs=0)


def test_label_classifier_reports_its_progress(synthetic_data) -> None:
    seen: list[float] = []
    config = exp.LabelClassifierConfig(train_size=800, val_size=224, epochs=2)
    exp.train_label_classifier(config, synthetic_data, progress=lambda p: seen.append(p.fraction))
    assert seen and seen == sorted(seen) and seen[-1] == pytest.approx(1.0)


def test_label_shift_estimates_a_one_class_target(small_classifier) -> None:
    target = exp.TargetConfig(p_y=exp.PRESETS["bags"], n=300)
    result = exp.label_shift(small_classifier, target)
    assert (result.target_labels == 8).all()
    assert result.l1_error < 0.3
    assert result.estimate.sum() == pytest.approx(1) and result.estimate.min() >= 0
    # The classifier as trained, recomputed from its stored outputs on the drawn images.
    probs = small_classifier.test_probs[exp.draw_target(small_classifier, target)]
    assert result.plain.accuracy == pytest.approx(np.mean(probs.argmax(axis=1) == 8))
    assert result.plain.loss == pytest.approx(-np.mean(np.log(np.clip(probs[:, 8], 1e-12, None))))
    # The oracle's p(y) / q(y) is 0 for every class but bags: every posterior becomes one-hot on bags.
    assert result.oracle.accuracy == 1.0 and result.oracle.loss == pytest.approx(0, abs=1e-9)
    # The estimate's largest ratio is bags' too, so reweighting keeps every right answer.
    assert np.argmax(result.estimate / small_classifier.q_y) == 8
    assert result.reweighted.accuracy >= result.plain.accuracy


def test_a_weak_classifier_gives_a_singular_c_and_still_an_answer(synthetic_data) -> None:
    weak = exp.train_label_classifier(exp.LabelClassifierConfig(train_size=800, val_size=224, epochs=1), synthetic_data)
    result = exp.label_shift(weak, exp.TargetConfig(p_y=exp.PRESETS["shoes"], n=500))
    assert result.condition_number > 1e6  # some class is never predicted: a zero column in C
    assert np.isfinite(result.estimate).all() and result.estimate.sum() == pytest.approx(1)
    assert np.isfinite(result.reweighted.loss)


def test_target_draw_follows_p_y(small_classifier) -> None:
    idx = exp.draw_target(small_classifier, exp.TargetConfig(p_y=(3, 1, 0, 0, 0, 0, 0, 0, 0, 0), n=4000))
    labels = small_classifier.test_labels[idx]
    assert set(np.unique(labels)) == {0, 1}
    assert np.mean(labels == 0) == pytest.approx(0.75, abs=0.03)


def test_frozen_model_falls_behind_and_updated_one_keeps_up() -> None:
    result = exp.concept_shift(exp.ConceptConfig(rounds=30, drift_degrees=6.0))
    assert result.frozen_acc[0] > 0.95 and result.frozen_acc[-5:].mean() < 0.3
    assert result.updated_acc[-10:].mean() > 0.8
    assert abs(result.updated_angle[-1] - result.rule_angle[-1]) < 30
    still = exp.concept_shift(exp.ConceptConfig(rounds=10, drift_degrees=0.0))
    assert still.frozen_acc.min() > 0.9
    frozen_too = exp.concept_shift(exp.ConceptConfig(rounds=10, update_steps=0))
    np.testing.assert_allclose(frozen_too.updated_acc, frozen_too.frozen_acc)


def test_shift_pictures_have_source_and_target() -> None:
    pics = exp.shift_pictures(n=20)
    assert set(pics) == {"covariate", "label", "concept"}
    for kind in pics.values():
        for x, y in kind.values():
            assert x.shape == (20, 2) and y.shape == (20,)
    assert pics["label"]["target"][1].mean() > pics["label"]["source"][1].mean()


def test_reproduce_rows_are_registered_with_the_issue_ids() -> None:
    kinds = {c.id: c.kind for c in select("shift.")}
    assert kinds == {
        "shift.covariate_density_ratio": "book",
        "shift.label_shift_estimate": "book",
        "shift.covariate_line_corrected": "claim",
        "shift.covariate_support": "claim",
        "shift.label_weighted_training_helps": "claim",
        "shift.concept_update_keeps_up": "claim",
    }
    assert all(c.section == "3.9" for c in select("shift."))


def test_target_settings_pick_a_preset_or_the_ten_weights() -> None:
    shirts = exp.TargetSettings()
    assert shirts.preset == exp.DEFAULT_TARGET == "shirts"
    assert shirts.target() == exp.TargetConfig(p_y=exp.PRESETS["shirts"], n=5000) == exp.CorrectionConfig().target
    assert exp.TargetSettings(preset="bags", w3=7).weights == exp.PRESETS["bags"]  # weights only for custom
    custom = exp.TargetSettings(preset="custom", n=500, w3=4, w8=0, seed=2)
    assert custom.weights == (1, 1, 1, 4, 1, 1, 1, 1, 0, 1)
    assert custom.target() == exp.TargetConfig(p_y=custom.weights, n=500, seed=2)
    zeros = exp.TargetSettings(preset="custom", **{f"w{k}": 0 for k in range(10)})
    with pytest.raises(ValueError):
        zeros.target().distribution()


def test_controls_keep_the_address_bar_keys_and_the_defaults() -> None:
    settings = (exp.CovariateConfig, exp.LabelClassifierConfig, exp.TargetSettings, exp.ConceptConfig)
    keys = {spec.key for s in settings for spec in controls_of(s).values()}
    assert keys == {
        "shift_x1", "shift_x2", "shift_spread", "shift_clip", "shift_train_size", "shift_epochs", "shift_preset",
        "shift_n", "shift_drift", "shift_updates", *(f"shift_w{k}" for k in range(10)),
    }  # fmt: skip
    clip = controls_of(exp.CovariateConfig)["clip"]
    assert clip.parse("100") == 100.0 and clip.parse("0") == 0.0
    assert exp.LabelClassifierConfig().train_size + exp.LabelClassifierConfig().val_size == 60000
    assert exp.ConceptConfig().drift_degrees == 5.0 and exp.CovariateConfig().target_x1 == 1.5


def test_covariate_predicates_read_the_run() -> None:
    result = exp.covariate_shift(exp.CovariateConfig())
    assert exp.line_corrected(result) and exp.quadratic_unmoved(result) and not exp.weights_collapse(result)
    assert result.effective_size == pytest.approx(result.beta.sum() ** 2 / (result.beta**2).sum())
    far = exp.covariate_shift(exp.CovariateConfig(target_x1=2.5, target_x2=2.0, target_spread=0.5))
    assert exp.weights_collapse(far)  # a handful of points carry the weights: the target is off the source
    unweighted = exp.covariate_shift(exp.CovariateConfig())
    unweighted.fits[("linear", True)] = unweighted.fits[("linear", False)]
    assert not exp.line_corrected(unweighted)


def test_multiplying_outputs_by_beta_of_x_changes_no_prediction() -> None:
    result = exp.covariate_shift(exp.CovariateConfig(seed=3))
    for kind in ("linear", "quadratic"):
        assert result.output_reweighted_acc[kind] == result.fits[(kind, False)].target_acc
    assert result.gain("linear") > 0.15  # whereas weighted training moves the line


def test_a_source_cut_short_cannot_be_reweighted_into_the_target() -> None:
    config = exp.CovariateConfig()
    cut = exp.covariate_shift(exp.support_config(config, 0.5))
    assert (cut.source_x[:, 0] <= 0.5).all() and len(cut.source_x) == config.n_source
    assert 0.8 < cut.target_beyond_cut < 1.0
    full = exp.covariate_shift(config)
    assert exp.support_fails(cut, full) and not exp.support_fails(full, full)
    assert exp.covariate_shift(config).target_beyond_cut == 0.0


def test_updated_keeps_up_reads_the_stream() -> None:
    assert exp.updated_keeps_up(exp.concept_shift(exp.ConceptConfig()))
    assert not exp.updated_keeps_up(exp.concept_shift(exp.ConceptConfig(update_steps=0)))
    assert not exp.updated_keeps_up(exp.concept_shift(exp.ConceptConfig(drift_degrees=0.0)))  # nothing to keep up with


def test_weighted_training_of_the_output_layer(small_classifier, synthetic_data, monkeypatch) -> None:
    from mlp_lab import store

    monkeypatch.setattr(store, "_shared", store.ResultStore())
    store.shared_store().put(store.key_of(exp.train_label_classifier, small_classifier.config), small_classifier)
    config = exp.CorrectionConfig(
        classifier=small_classifier.config, target=exp.TargetConfig(p_y=exp.PRESETS["bags"], n=300)
    )
    result = exp.label_corrections(config, synthetic_data)
    assert result.shift.l1_error == exp.label_shift(small_classifier, config.target).l1_error
    assert result.plain == result.shift.plain
    # weighting by a target of bags only makes the output layer say "bag" more: never less right on bags
    assert result.weighted_oracle.accuracy >= result.control.accuracy
    # one step by hand: the weighted risk's gradient is the beta-weighted mean of the per-example gradients
    H = torch.randn(6, 4)
    y = torch.tensor([0, 1, 2, 0, 1, 2])
    start = (torch.zeros(4, 3), torch.zeros(3))
    beta = np.array([3.0, 1.0, 0.0])
    one = exp.CorrectionConfig(epochs=1, lr=1.0, batch_size=6)
    W, b = exp.train_output_layer(H, y, start, beta, one)
    w = torch.tensor(beta, dtype=torch.float32)[y]
    w = w / w.mean()
    Wr, br = start[0].clone().requires_grad_(True), start[1].clone().requires_grad_(True)
    (w * torch.nn.functional.cross_entropy(H @ Wr + br, y, reduction="none")).mean().backward()
    torch.testing.assert_close(W, -Wr.grad)
    torch.testing.assert_close(b, -br.grad)
    assert b[2] < b[0]  # class 2 has weight 0: its logit is pushed down, class 0's up
