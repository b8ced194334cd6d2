"""Views of the dropout page: the formula, input noise against ridge, the book's demo, the mask,
unbiasedness, the with/without comparison and train vs eval mode. Each sentence about a result is
chosen by the experiment's own predicate (``looks_unbiased``, ``noise_acts_as_ridge``, ...)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import numpy as np
import pandas as pd
import streamlit as st

from mlp_lab.experiments import dropout as exp
from mlp_lab.store import key_of
from mlp_lab.training import TrainConfig, TrainResult, train
from mlp_lab.ui import a11y, runner
from mlp_lab.ui import dropout_charts as charts
from mlp_lab.ui.charts import history_chart, history_frame
from mlp_lab.ui.controls import form
from mlp_lab.ui.i18n import t
from mlp_lab.ui.mlp_widgets import export_buttons

SECTION_URL = "https://zh.d2l.ai/chapter_multilayer-perceptrons/dropout.html"


def formula() -> str:
    """Inverted dropout (3.6's h') and why it is unbiased, as LaTeX in the learner's language."""
    cases = rf"0 & \text{{{t('dropout.prob_p')}}} \\ \dfrac{{h}}{{1-p}} & \text{{{t('dropout.otherwise')}}}"
    return rf"h' = \begin{{cases}} {cases} \end{{cases}} \qquad E[h'] = p\cdot 0 + (1-p)\dfrac{{h}}{{1-p}} = h"


def _pct(values: list[float]) -> str:
    return ", ".join(f"{v:.2%}" for v in values)


def noise_section(seed: int) -> None:
    """Bishop (1995): least squares on noisy inputs lands on ridge regression's weights."""
    st.subheader(t("dropout.noise"))
    st.markdown(t("dropout.noise_text", link=SECTION_URL))
    config = form(exp.NoiseConfig, [["sigma", "copies"]], seed=seed)
    res = runner.cached(exp.noise_vs_ridge, config)
    spread = exp.noise_spread(config)
    chart, alt_text, table = charts.noise_chart(res, config.sigma)
    fmt = dict(
        copies=config.copies,
        n=config.examples,
        sigma=config.sigma,
        lam=config.sigma**2,
        to_ridge=res.to_ridge,
        to_ls=res.to_least_squares,
    )
    if exp.noise_acts_as_ridge(res):
        st.markdown(t("dropout.noise_yes", **fmt))
    else:
        others = [s for s, r in zip(exp.SPREAD_SEEDS, spread, strict=True) if exp.noise_acts_as_ridge(r)]
        hint = t("dropout.noise_seeds", seeds=", ".join(map(str, others))) if others else t("dropout.noise_more")
        apart = float(np.linalg.norm(res.ridge - res.least_squares) / np.linalg.norm(res.ridge))
        st.markdown(t("dropout.noise_no", apart=apart, hint=hint, **fmt))
    a11y.chart(chart, alt_text, table)
    st.caption(t("dropout.noise_spread", n=len(spread)))
    st.dataframe(
        pd.DataFrame(
            {
                t("dropout.seed"): list(exp.SPREAD_SEEDS),
                t("dropout.noise_to_ridge"): [f"{r.to_ridge:.1%}" for r in spread],
                t("dropout.noise_to_ls"): [f"{r.to_least_squares:.1%}" for r in spread],
                t("dropout.shows"): ["✓" if exp.noise_acts_as_ridge(r) else "✗" for r in spread],
            }
        ),
        hide_index=True,
        width="content",  # four short columns: no need to span the page
    )


def demo_matrices(demo: dict[float, np.ndarray]) -> None:
    """The book's ``dropout_layer(X, p)`` outputs side by side, one column per p."""
    for col, (p, out) in zip(st.columns(len(demo)), demo.items(), strict=True):
        col.markdown(f"`dropout_layer(X, {p:g})`")
        rows = r" \\ ".join(" & ".join(f"{v:g}" for v in row) for row in out)
        col.latex(r"\begin{bmatrix}" + rows + r"\end{bmatrix}")


def mask_section(seed: int) -> float:
    """Co-adaptation in words, then one draw of the mask on a hidden layer; returns the chosen p."""
    st.markdown(t("dropout.coadapt", link=SECTION_URL))
    st.markdown(f"**{t('dropout.mask')}**")
    p = form(exp.UnbiasConfig, ["p"]).p
    pic = exp.mask_picture(p, seed)
    chart, alt_text, table = charts.mask_chart(pic, p)
    a11y.chart(chart, alt_text, table)
    st.caption(t("dropout.mask_caption", kept=pic.kept.mean(), expected=1 - p))
    return p


def unbias_section(p: float, seed: int) -> None:
    """The mean of many draws against h, the sentence chosen by ``exp.looks_unbiased``, the seeds' strip."""
    st.markdown(f"**{t('dropout.unbias')}**")
    config = form(exp.UnbiasConfig, ["draws"], p=p, seed=seed)
    res = runner.cached(exp.unbiasedness, config)
    theory = float(res.theory[-1])
    if p >= 1.0:
        st.warning(t("dropout.unbias_p1"), icon="⚠️")
        return
    if p <= 0.0:
        st.info(t("dropout.unbias_p0"), icon="ℹ️")
        return
    chart, alt_text, table = charts.unbiased_chart(res, p)
    fmt = dict(draws=config.draws, p=p, error=res.final_error, theory=theory)
    if exp.looks_unbiased(res, p):
        line = t("dropout.below_line") if res.final_error < 0.01 else t("dropout.above_line")
        st.markdown(t("dropout.unbias_yes", line=line, **fmt))
    else:
        st.markdown(t("dropout.unbias_no", ratio=res.final_error / theory, **fmt))
    a11y.chart(chart, alt_text, table)
    seeds = range(5)
    errors = exp.unbiasedness_spread(config, seeds)
    st.caption(t("dropout.unbias_spread", first=seeds[0], last=seeds[-1], errors=_pct(errors), theory=theory))


def _trained(config: TrainConfig) -> TrainResult | None:
    result = runner.result_store().get(key_of(train, config))
    return result if result is not None and len(result.history) else None


def seeds_that_show(net: exp.DropoutSettings, shows: Callable[[dict[str, TrainResult]], bool]) -> list[int]:
    """Seeds 0-7 whose two runs of ``net`` this server already has and that show the effect (no training)."""
    found = []
    for seed in range(8):
        if seed == net.seed:
            continue
        runs = {run: _trained(c) for run, c in replace(net, seed=seed).train_configs().items()}
        if all(r is not None for r in runs.values()) and shows(runs):
            found.append(seed)
    return found


def _others(seeds: list[int]) -> str:
    return t("dropout.other_seeds", seeds=", ".join(map(str, seeds))) if seeds else ""


def comparison(
    done: dict[str, TrainResult], labels: dict[str, str], short: dict[str, str], net: exp.DropoutSettings
) -> None:
    """Both finished runs on shared charts, the sentence chosen by ``exp.dropout_helps``, metrics, exports."""
    st.markdown(f"**{t('dropout.compare')}**")
    w, o = done["with"].history, done["without"].history
    fmt = dict(
        epochs=len(w), w_acc=w.test_acc[-1], o_acc=o.test_acc[-1], w_loss=w.test_loss[-1], o_loss=o.test_loss[-1]
    )
    if exp.dropout_helps(done["with"], done["without"]):
        st.markdown(t("dropout.helps_yes", **fmt))
    else:
        others = seeds_that_show(net, lambda runs: exp.dropout_helps(runs["with"], runs["without"]))
        st.markdown(t("dropout.helps_no", others=_others(others), **fmt))
    frame = pd.concat([history_frame(r.history, run=short[run]) for run, r in done.items()], ignore_index=True)
    alts = charts.comparison_alts(done, short)
    # Loss and accuracy in two columns: each chart then fits its column at any window width.
    panels = history_chart(frame, net.epochs).hconcat
    for col, chart, alt_text in zip(st.columns(2), panels, alts, strict=True):
        table = frame.drop(columns=["metric"])
        a11y.chart(charts.solid_with_dashed_without(chart, short), alt_text, table, where=col)
    for col, (run, r) in zip(st.columns(2), done.items(), strict=True):
        gap = r.history.train_acc[-1] - r.history.test_acc[-1]
        col.metric(t("dropout.test_acc", run=labels[run]), f"{r.history.test_acc[-1]:.2%}")
        col.metric(t("dropout.gap"), f"{gap:+.2%}", help=t("dropout.gap_help"))
    with st.expander(t("dropout.exports")):
        for run, r in done.items():
            st.caption(labels[run])
            export_buttons(r, key=f"dropout_export_{run}")


def modes_section(gap: exp.ModeGap) -> None:
    """Train mode against eval mode: the sentence chosen by ``exp.mode_gap_shows``, the chart."""
    below = sum(a < gap.eval_acc for a in gap.train_accs)
    fmt = dict(
        n=len(gap.train_accs),
        lo=min(gap.train_accs),
        hi=max(gap.train_accs),
        mean=gap.train_mean,
        eval=gap.eval_acc,
        below=below,
    )
    st.markdown(t("dropout.modes_yes" if exp.mode_gap_shows(gap) else "dropout.modes_no", **fmt))
    chart, alt_text, table = charts.mode_chart(gap)
    a11y.chart(chart, alt_text, table)
    st.caption(t("dropout.modes_result", eval=gap.eval_acc, mean=gap.train_mean, std=gap.train_std))


def variance_caption(res: exp.ActivationVarianceResult, ps: tuple[float, float]) -> str:
    """The variance charts' reading, chosen by ``exp.masks_add_variance`` on the run with dropout."""
    r1, r2 = exp.variance_ratios(res)
    key = "dropout.var_caption" if exp.masks_add_variance(res, ps) else "dropout.var_caption_no"
    return t(key, r1=r1, r2=r2, p1=ps[0], p2=ps[1])
