"""3.5 weight decay: predict ||w|| and the test loss's answer to lambda, then find the smallest
lambda that is nearly as good as the best. All three read one batch: every lambda the page's
slider offers, trained together (the batched engine takes 101 models in well under a second)."""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

import numpy as np
import torch

from mlp_lab.controls import controls_of
from mlp_lab.experiments import weight_decay as exp
from mlp_lab.learn import Answer, Check, Finding, Verdict, challenge, exercise, prediction
from mlp_lab.store import Progress

_SLIDER = controls_of(exp.WDSettings)["lambd"]
SLIDER_LAMBDAS = tuple(
    round(_SLIDER.lo + i * _SLIDER.step, 10) for i in range(round((_SLIDER.hi - _SLIDER.lo) / _SLIDER.step) + 1)
)
WITHIN = 0.10  # the challenge: a test loss at most 10 % above the best one


def slider_lambdas(config: exp.WDConfig, progress: Progress | None = None) -> exp.WDRuns:
    """From scratch, ``config``'s penalty and seed, at every lambda of the slider (one batch)."""
    return exp.train_lambdas(config, SLIDER_LAMBDAS, progress=progress)


def _plan(s: exp.WDSettings) -> tuple:
    return slider_lambdas, replace(s.sweep(), implementation="scratch")


def _at(runs: exp.WDRuns, lambd: float) -> int:
    return int(np.argmin(np.abs(np.array(runs.lambdas) - lambd)))


def _norm(runs: exp.WDRuns, s: exp.WDSettings) -> Answer:
    i = _at(runs, s.lambd)
    norm, start = float(runs.norms[0, i]), float(np.linalg.norm(exp.initial_params(runs.config, s.seed)[:-1]))
    shrink = 1 - runs.config.sgd.lr * s.lambd
    return Answer(
        norm, {"norm": norm, "start": start, "lambd": s.lambd, "shrink": shrink, "penalty": s.penalty},
        why="why0" if s.lambd == 0 else "why", x=runs.lambdas, y=tuple(float(v) for v in runs.norms[0]),
        x_title="wd.lambda", y_title="wd.norm", at=runs.lambdas[i],
    )  # fmt: skip


prediction(
    "wd.norm", section="3.5", plan=_plan, answer=_norm, lo=0.0, hi=20.0, step=0.5, start=10.0, digits=2, tol=1.0,
    ask=lambda s: {"lambd": s.lambd, "penalty": s.penalty}, label="wd.training",
)  # fmt: skip

TEST_EFFECTS = ("falls", "same", "rises")
SAME = 0.10  # "about the same": the two test losses within 10 % of each other


def _test_effect(runs: exp.WDRuns, s: exp.WDSettings) -> Answer:
    test = runs.test_loss[-1, 0]
    t0, t3 = float(test[_at(runs, 0.0)]), float(test[_at(runs, 3.0)])
    effect = "same" if abs(t3 / t0 - 1) <= SAME else ("falls" if t3 < t0 else "rises")
    finite = [(lam, float(v)) for lam, v in zip(runs.lambdas, test, strict=True) if math.isfinite(v)]
    return Answer(
        effect, {"t0": t0, "t3": t3, "ratio": t0 / t3 if t3 else math.inf, "penalty": s.penalty},
        why=f"why_{effect}", x=tuple(x for x, _ in finite), y=tuple(v for _, v in finite),
        x_title="wd.lambda", y_title="metric.test_loss", log_y=True,
    )  # fmt: skip


prediction(
    "wd.test_effect", section="3.5", plan=_plan, answer=_test_effect, choices=TEST_EFFECTS,
    ask=lambda s: {"penalty": s.penalty, "seed": s.seed}, label="wd.training",
)  # fmt: skip


def smallest_within(runs: exp.WDRuns) -> tuple[float, float]:
    """The best test loss over the slider's lambdas, and the smallest lambda within WITHIN of it."""
    test = np.where(np.isfinite(runs.test_loss[-1, 0]), runs.test_loss[-1, 0], np.inf)
    best = float(test.min())
    return best, runs.lambdas[int(np.argmax(test <= (1 + WITHIN) * best))]


def _check_smallest(runs: exp.WDRuns, s: exp.WDSettings) -> Verdict:
    best, answer = smallest_within(runs)
    test = float(runs.test_loss[-1, 0, _at(runs, s.lambd)])
    above = test / best - 1 if math.isfinite(test) else math.inf
    numbers: dict[str, Any] = {"lambd": s.lambd, "test": test, "best": best, "above": above, "times": above + 1,
                               "within": WITHIN}  # fmt: skip
    if above > WITHIN:
        return Verdict(False, numbers, "off")
    if s.lambd > answer + 1e-9:
        return Verdict(False, numbers, "lower")
    return Verdict(True, numbers)


challenge(
    "wd.smallest_within", section="3.5", plan=_plan, check=_check_smallest,
    ask=lambda s: {"within": WITHIN, "penalty": s.penalty}, label="wd.training",
)  # fmt: skip


# --- the book's exercises ------------------------------------------------------------------------
def _sweep_plan(s: exp.WDSettings) -> tuple:
    """The page's own lambda sweep (the same cache entry as the chart above it)."""
    return exp.lambda_sweep, s.sweep()


def _read_sweep(sweep: exp.LambdaSweep, s: exp.WDSettings) -> Finding:
    runs = sweep.runs
    train, test = runs.train_loss[-1, 0], runs.test_loss[-1, 0]
    best = int(np.argmin(np.where(np.isfinite(test), test, np.inf)))
    numbers = {"best": runs.lambdas[best], "test": float(test[best]), "test0": sweep.test_at(0.0),
               "train0": float(train[0]), "penalty": s.penalty, "count": len(runs.lambdas)}  # fmt: skip
    return Finding(
        numbers, x=runs.lambdas, series={"train": tuple(map(float, train)), "test": tuple(map(float, test))},
        x_title="wd.lambda", y_title="metric.loss", log_y=True,
    )  # fmt: skip


exercise("3.5.1", plan=_sweep_plan, read=_read_sweep, controls=("wd_penalty",), label="wd.training")


# 3.5.2: the validation set picks lambda; is it the test set's best, and does it matter?
def _val_plan(s: exp.WDSettings) -> tuple:
    return exp.val_pick_seeds, s.sweep()


def _read_val(runs: exp.WDRuns, s: exp.WDSettings) -> Finding:
    test, val = runs.test_loss[-1], runs.val_loss  # (S, L)
    finite = lambda v: np.where(np.isfinite(v), v, np.inf)  # noqa: E731
    picked = [int(np.argmin(finite(val[i]))) for i in range(len(runs.seeds))]
    best = [int(np.argmin(finite(test[i]))) for i in range(len(runs.seeds))]
    excess = [float(test[i, p] / test[i, b] - 1) for i, (p, b) in enumerate(zip(picked, best, strict=True))]
    same = sum(p == b for p, b in zip(picked, best, strict=True))
    p0, b0 = picked[0], best[0]
    numbers = {"val": runs.lambdas[p0], "best": runs.lambdas[b0], "test_val": float(test[0, p0]),
               "test_best": float(test[0, b0]), "excess": excess[0], "test0": float(test[0, 0]),
               "same": same, "seeds": len(runs.seeds), "median": float(np.median(excess)), "worst": max(excess),
               "first": runs.seeds[0], "last": runs.seeds[-1], "penalty": s.penalty}  # fmt: skip
    return Finding(
        numbers, says="finding_same" if p0 == b0 else "finding", x=runs.lambdas,
        series={"val": tuple(map(float, val[0])), "test": tuple(map(float, test[0]))},
        x_title="wd.lambda", y_title="metric.loss", log_y=True,
    )  # fmt: skip


exercise("3.5.2", plan=_val_plan, read=_read_val, controls=("wd_penalty",), label="wd.training")


# 3.5.3: the L1 update: a subgradient step (the page's engine takes the proximal form of it).
def _l1_data() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    config = exp.WDConfig()
    x, y = exp.wd_data(config).train
    return exp.with_bias(x).astype(np.float64), y, exp.initial_params(config, config.seed).astype(np.float64)


L1_LAMBDA = 3.0  # the checks' lambda (the book's)


def _l1_autograd(_: object) -> tuple[float, dict]:
    """autograd's gradient of the loss + lambda * sum |w_i| against the derived one, on the page's data."""
    x, y, theta = _l1_data()
    t = torch.tensor(theta, requires_grad=True)
    xt, yt = torch.tensor(x), torch.tensor(y)
    loss = ((xt @ t - yt) ** 2 / 2).mean() + L1_LAMBDA * t[:-1].abs().sum()
    loss.backward()
    derived = exp.squared_loss_gradient(x, y, theta)
    derived[:-1] += exp.l1_subgradient(theta[:-1], L1_LAMBDA)
    gap = float(np.abs(t.grad.numpy() - derived).max())
    return gap, {"lambd": L1_LAMBDA, "count": len(theta)}


def _l1_engine(_: object) -> tuple[float, dict]:
    """One full-batch step of the page's engine (soft-thresholding) against the derived subgradient step,
    on the weights the step does not carry across 0; it sets the others to exactly 0."""
    x, y, theta = _l1_data()
    lr = exp.WDConfig().lr
    sgd = exp.SGDSettings(lr, len(y), 1, half_loss=True, bias_last=True)
    problems = exp.stack_problems([(x.astype(exp.DTYPE), y, x[:1].astype(exp.DTYPE), y[:1])])
    runs = exp.train_many(problems, theta[None, :, None].astype(exp.DTYPE), sgd, np.random.default_rng(0),
                          l1=np.array([L1_LAMBDA]))  # fmt: skip
    engine = runs.weights[0, :, 0].astype(np.float64)
    derived = exp.l1_step(x, y, theta, lr, L1_LAMBDA)
    plain = theta - lr * exp.squared_loss_gradient(x, y, theta)
    # where the plain step neither crosses 0 nor lands within lr * lambda of it, the soft threshold is
    # the subgradient step; elsewhere it stops the weight at exactly 0
    away = (np.abs(plain[:-1]) > lr * L1_LAMBDA) & (np.sign(plain[:-1]) == np.sign(theta[:-1]))
    gap = float(np.abs(engine[:-1][away] - derived[:-1][away]).max())
    zeros = int((engine[:-1] == 0).sum())
    return gap, {"lambd": L1_LAMBDA, "lr": lr, "away": int(away.sum()), "zeros": zeros}


def _l1_plan(s: exp.WDSettings) -> tuple:
    return exp.penalty_sweeps, s.sweep()


def _read_l1(r: exp.PenaltySweeps, s: exp.WDSettings) -> Finding:
    l1, l2 = r.l1.runs, r.l2.runs
    i = _at(l1, s.lambd)
    zeros1, zeros2 = (tuple(int(v) for v in runs.zeros[0]) for runs in (l1, l2))
    half = [lam for lam, z in zip(l1.lambdas, zeros1, strict=True) if z >= exp.NUM_INPUTS / 2]
    numbers = {"lambd": l1.lambdas[i], "zeros1": zeros1[i], "zeros2": zeros2[i], "d": exp.NUM_INPUTS,
               "test1": float(l1.test_loss[-1, 0, i]), "test2": float(l2.test_loss[-1, 0, i]),
               "half": half[0] if half else 0.0}  # fmt: skip
    return Finding(numbers, x=l1.lambdas, series={"zeros_l1": zeros1, "zeros_l2": zeros2},
                   x_title="wd.lambda", y_title="wd.zeros")  # fmt: skip


exercise(
    "3.5.3", plan=_l1_plan, read=_read_l1, controls=("wd_lambda",), label="wd.training",
    checks=(Check("autograd", _l1_autograd, tol=1e-9), Check("engine", _l1_engine, tol=1e-5)),
)  # fmt: skip


# 3.5.4: the Frobenius norm, ||W||_F^2 = trace(W^T W) = sum of squares, gradient 2W.
FROBENIUS_SHAPE = (256, 784)  # a hidden layer's weights on Fashion-MNIST (3.2)


def _frobenius_w() -> torch.Tensor:
    return torch.randn(FROBENIUS_SHAPE, dtype=torch.float64, generator=torch.Generator().manual_seed(0))


def _frobenius_identity(_: object) -> tuple[float, dict]:
    w = _frobenius_w()
    norm = float(torch.linalg.matrix_norm(w, "fro") ** 2)
    trace, squares = float(exp.frobenius_trace(w)), float((w**2).sum())
    gap = max(abs(trace - norm), abs(squares - norm)) / norm
    return gap, {"rows": FROBENIUS_SHAPE[0], "cols": FROBENIUS_SHAPE[1], "norm": norm, "trace": trace}


def _frobenius_gradient(_: object) -> tuple[float, dict]:
    w = _frobenius_w().requires_grad_(True)
    (torch.linalg.matrix_norm(w, "fro") ** 2).backward()
    gap = float((w.grad - exp.frobenius_grad(w.detach())).abs().max())
    return gap, {"rows": FROBENIUS_SHAPE[0], "cols": FROBENIUS_SHAPE[1]}


exercise("3.5.4", checks=(Check("identity", _frobenius_identity, tol=1e-12), Check("gradient", _frobenius_gradient)))


# 3.5.5: other remedies: early stopping and noise injection on the page's lambda = 0 run.
def _remedy_plan(s: exp.RemedySettings) -> tuple:
    return exp.remedies, s.config()


HELPS = 0.9  # a remedy "helps" when it brings the final test loss at least 10 % down


def _read_remedies(r: exp.Remedies, s: exp.RemedySettings) -> Finding:
    e = r.stop_epoch
    numbers = {"epochs": len(r.test_loss), "test": float(r.test_loss[-1]), "stop": e,
               "test_stop": float(r.test_loss[e - 1]), "stop_change": float(r.test_loss[e - 1] / r.test_loss[-1] - 1),
               "noise": s.noise, "noisy": float(r.noisy_test_loss[-1]),
               "norm": r.norm, "noisy_norm": r.noisy_norm, "copies": exp.NOISE_COPIES,
               "train": float(r.train_loss[-1])}  # fmt: skip
    epochs = tuple(range(1, len(r.test_loss) + 1))
    series = {"test": tuple(map(float, r.test_loss)), "val": tuple(map(float, r.val_loss)),
              "noisy": tuple(map(float, r.noisy_test_loss))}  # fmt: skip
    return Finding(numbers, says="finding" if r.noisy_test_loss[-1] <= HELPS * r.test_loss[-1] else "finding_noise_not",
                   x=epochs, series=series, x_title="chart.epoch", y_title="metric.loss", log_y=True)  # fmt: skip


exercise("3.5.5", plan=_remedy_plan, read=_read_remedies, controls=("x35_noise",), settings=exp.RemedySettings,
         layout=("noise",), label="wd.training")  # fmt: skip


# 3.5.6: a Gaussian prior on w is L2 regularisation.
def _prior_data() -> tuple[np.ndarray, np.ndarray]:
    x, y = exp.wd_data(exp.WDConfig()).train
    return exp.with_bias(x).astype(np.float64), y


def _prior_gradient(s: exp.PriorSettings) -> tuple[float, dict]:
    """(noise^2 / n) x the gradient of -log N(w; 0, sigma^2 I) (autograd) against lambda w."""
    x, _ = _prior_data()
    n, noise = len(x), exp.NOISE
    sigma = exp.matching_sigma(s.lambd, n, noise)
    w = torch.tensor(exp.initial_params(exp.WDConfig(), 0)[:-1].astype(np.float64), requires_grad=True)
    (
        -torch.distributions.Normal(torch.tensor(0.0, dtype=torch.float64), torch.tensor(sigma, dtype=torch.float64))
        .log_prob(w)
        .sum()
        * noise**2
        / n
    ).backward()
    gap = float((w.grad - s.lambd * w.detach()).abs().max() / (s.lambd * w.detach().abs().max()))
    return gap, {"lambd": s.lambd, "sigma": sigma, "n": n, "noise": noise}


def _prior_map(s: exp.PriorSettings) -> tuple[float, dict]:
    """The weight-decay minimiser against the posterior mean under the matching prior, on the page's data."""
    x, y = _prior_data()
    n, noise = len(x), exp.NOISE
    sigma = exp.matching_sigma(s.lambd, n, noise)
    ridge, bayes = exp.ridge_solution(x, y, s.lambd), exp.posterior_mean(x, y, noise, sigma)
    gap = float(np.abs(ridge - bayes).max() / np.abs(ridge).max())
    return gap, {"lambd": s.lambd, "sigma": sigma, "n": n, "norm": float(np.linalg.norm(ridge[:-1]))}


exercise("3.5.6", checks=(Check("gradient", _prior_gradient, tol=1e-9), Check("map", _prior_map, tol=1e-9)),
         controls=("x35_prior_lambda",), settings=exp.PriorSettings, layout=("lambd",))  # fmt: skip
