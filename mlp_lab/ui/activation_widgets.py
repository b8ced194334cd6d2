"""Views of the activation page: each function with its formula and charts, the claims table, the
monotone example, the approximation ladder with its spread over seeds, and depth against width.

Every sentence that says what a chart shows is built here from the run's numbers, and chosen by the
experiment's predicate (``error_falls``, ``line_misses_the_bend``); every chart gets a description
with those numbers (``a11y``)."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from mlp_lab.experiments import activations as exp
from mlp_lab.ui import a11y, runner
from mlp_lab.ui.activation_charts import approximation, curve_table, depth, function_and_derivative, monotone, overlay
from mlp_lab.ui.i18n import t


def _names(summaries: list[exp.CurveSummary], kind: str) -> str:
    return t("act.sep").join(s.name for s in summaries if s.has(kind))


# --- the functions and their derivatives ---------------------------------------------------------
def describe_curve(s: exp.CurveSummary, span: tuple[float, float]) -> str:
    """One chart's description: ranges, the largest derivative, and each flat stretch with its kind."""
    peak = t("act.alt_peak", x=s.x_at_grad_max) if s.x_at_grad_max is not None else ""
    flats = [t(f"act.alt_flat_{f.kind}", a=f.x0, b=f.x1) for f in s.flats] or [t("act.alt_no_flat")]
    return t("act.alt_curve", name=s.name, ymin=s.y_min, ymax=s.y_max, x0=span[0], x1=span[1], gmin=s.grad_min,
             gmax=s.grad_max, peak=peak, flats="; ".join(flats))  # fmt: skip


def flat_caption(summaries: list[exp.CurveSummary]) -> str:
    """What the shading means for the functions on screen: saturation, no gradient, or a turn."""
    parts = [t("act.flat_shade")]
    if tails := _names(summaries, "tail"):
        parts.append(t("act.flat_tail", names=tails))
    if zeros := _names(summaries, "zero"):
        parts.append(t("act.flat_zero", names=zeros))
    for s in summaries:
        parts += [t("act.flat_turn", name=s.name, x=f.x0) for f in s.flats if f.kind == "turn"]
    return " ".join(parts)


def curve_charts(curves: list[exp.Curve], span: tuple[float, float], overlaid: bool) -> None:
    """All curves in one pair of charts, or each with its formula (in the book or beyond it); then
    what the shading means for these functions."""
    summaries = [exp.summarize(c) for c in curves]
    if overlaid:
        alt = t("act.alt_overlay", curves=" · ".join(describe_curve(s, span) for s in summaries))
        a11y.chart(overlay(curves), alt, curve_table(curves))
    else:
        for curve, summary in zip(curves, summaries, strict=True):
            tag = t("act.in_book") if curve.name in exp.IN_BOOK else t("act.beyond")
            st.latex(exp.FORMULAS[curve.name] + rf"\qquad\text{{({tag})}}")
            a11y.chart(function_and_derivative(curve), describe_curve(summary, span), curve_table([curve]))
    st.info(flat_caption(summaries), icon="🔎")


def claims_table(claims: list[exp.Claim]) -> None:
    rows = [
        {
            t("act.claim"): t(f"act.claim.{c.key}"),
            t("act.measured"): f"{c.measured:.6g}",
            t("act.error"): f"{c.error:.1e}",
            t("act.holds"): "✅" if c.holds else "❌",
        }
        for c in claims
    ]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")


# --- 3.1.1: linear models force monotone effects --------------------------------------------------
def monotone_sentence(r: exp.MonotoneResult, hint_seed: int | None = None) -> str:
    """The verdict on the monotone example, chosen by ``line_misses_the_bend``."""
    c = r.config
    if exp.line_misses_the_bend(r):
        rising = r.slope > 0
        return t("act.mono_shows", slope=r.slope, direction=t("act.mono_rises" if rising else "act.mono_falls"),
                 lo=c.lo, hi=c.hi, safest=c.lo if rising else c.hi, line=r.mse_line, dist=r.mse_distance,
                 hidden=r.mse_hidden, k=c.units, ratio=r.mse_line / r.mse_hidden)  # fmt: skip
    hint = t("act.try_seed", seed=hint_seed) if hint_seed is not None else t("act.mono_more_units")
    return t("act.mono_not", seed=c.seed, k=c.units, hidden=r.mse_hidden, line=r.mse_line, dist=r.mse_distance,
             hint=hint)  # fmt: skip


def monotone_section(config: exp.MonotoneConfig) -> None:
    """The example's chart, its verdict, and the same comparison over seeds 0-4 (cheap: no Adam
    on the lines, 300 steps on the hidden layer)."""
    result = runner.cached(exp.monotone_demo, config)
    chart, table = monotone(result)
    alt = t("act.alt_mono", n=config.n, lo=config.lo, hi=config.hi, slope=result.slope, line=result.mse_line,
            dist=result.mse_distance, hidden=result.mse_hidden, k=config.units)  # fmt: skip
    a11y.chart(chart, alt, table)
    spread = {s: runner.cached(exp.monotone_demo, replace(config, seed=s)) for s in exp.SPREAD_SEEDS}
    hint = next((s for s, r in spread.items() if exp.line_misses_the_bend(r)), None)
    st.markdown(monotone_sentence(result, hint))
    ratios = t("act.sep").join(f"{r.mse_line / r.mse_hidden:.1f}" for r in spread.values())
    shown = sum(exp.line_misses_the_bend(r) for r in spread.values())
    st.caption(t("act.mono_spread", lo=exp.SPREAD_SEEDS[0], hi=exp.SPREAD_SEEDS[-1], ratios=ratios, shown=shown,
                 n=len(spread), k=config.units))  # fmt: skip


# --- universal approximation ----------------------------------------------------------------------
def _errors(fits: list[exp.ApproxResult], field: str, fmt: str) -> str:
    return ", ".join(f"k = {r.config.units}: {getattr(r, field):{fmt}}" for r in fits)


def approximation_sentence(fits: list[exp.ApproxResult], hint_seed: int | None) -> str:
    """The verdict on the ladder, chosen by ``error_falls``; an honest one when this draw does not show it."""
    first, last = fits[0], fits[-1]
    if len(fits) == 1:
        return t("act.one_rung")
    if exp.error_falls(fits):
        return t("act.falls", first=first.mse, last=last.mse, k=last.config.units, seed=last.config.seed)
    hint = (
        t("act.try_seed", seed=hint_seed)
        if hint_seed is not None
        else t("act.no_seed", lo=exp.SPREAD_SEEDS[0], hi=exp.SPREAD_SEEDS[-1], steps=last.config.steps)
    )
    return t("act.not_falls", seed=last.config.seed, errors=_errors(fits, "mse", ".1e"), hint=hint)


def jump_note(fits: list[exp.ApproxResult]) -> str | None:
    """For a target with a jump: the theorem does not cover it; the largest error cannot fall below
    half the jump, while the mean squared error can still go down (measured here)."""
    target = fits[0].config.target
    if target not in exp.JUMPS:
        return None
    jump = exp.JUMPS[target]
    return t("act.jump", target=target, jump=jump, half=jump / 2, sups=_errors(fits, "max_error", ".2f"),
             first=fits[0].mse, last=fits[-1].mse, k=fits[-1].config.units)  # fmt: skip


def spread_table(settings: exp.ApproxConfig, ladders: dict[int, list[exp.ApproxResult]]) -> pd.DataFrame:
    k = settings.units
    return pd.DataFrame(
        [
            {
                t("act.col_seed"): f"{seed} ◀" if seed == settings.seed else str(seed),
                t("act.col_mse", k=1): f"{fits[0].mse:.2e}",
                t("act.col_mse", k=k): f"{fits[-1].mse:.2e}",
                t("act.col_max", k=k): f"{fits[-1].max_error:.3f}",
                t("act.col_falls"): "✅" if exp.error_falls(fits) else "—",
            }
            for seed, fits in ladders.items()
        ]
    )


def approximation_section(settings: exp.ApproxConfig) -> None:
    """The ladder of fits for the chosen k, its verdict, the note on jumps, and the spread over seeds."""
    fits = [runner.cached(exp.fit_one_hidden_layer, c) for c in settings.ladder()]
    chart, table = approximation(fits)
    alt = t("act.alt_approx", target=settings.target, n=settings.n_points, activation=settings.activation,
            ks=", ".join(str(r.config.units) for r in fits), mses=_errors(fits, "mse", ".1e"),
            sups=_errors(fits, "max_error", ".2f"))  # fmt: skip
    a11y.chart(chart, alt, table)
    ladders = {s: [runner.cached(exp.fit_one_hidden_layer, c) for c in replace(settings, seed=s).ladder()]
               for s in exp.SPREAD_SEEDS}  # fmt: skip
    hint = next((s for s, ladder in ladders.items() if exp.error_falls(ladder)), None)
    st.markdown(approximation_sentence(fits, hint))
    if note := jump_note(fits):
        st.warning(note, icon="⚠️")
    shown = sum(exp.error_falls(ladder) for ladder in ladders.values())
    st.caption(t("act.spread", n=len(ladders), shown=shown, lo=exp.SPREAD_SEEDS[0], hi=exp.SPREAD_SEEDS[-1]))
    st.dataframe(spread_table(settings, ladders), hide_index=True, width="stretch")


# --- why not one wide layer ---------------------------------------------------------------------
def depth_sentence(r: exp.DepthResult) -> str:
    """Pieces counted on the deep net against the most one layer of as many units can make."""
    cannot = r.pieces > r.shallow_max_pieces
    return t("act.depth_result", layers=r.config.depth, units=r.units, teeth=r.pieces // 2, pieces=r.pieces,
             most=r.shallow_max_pieces, verdict=t("act.depth_cannot" if cannot else "act.depth_can"), mse=r.mse,
             max=r.max_error, need=r.pieces - 1)  # fmt: skip


def depth_section(config: exp.DepthConfig) -> None:
    result = runner.cached(exp.depth_demo, config)
    chart, table = depth(result)
    alt = t("act.alt_depth", pieces=result.pieces, units=result.units, layers=config.depth, mse=result.mse,
            max=result.max_error)  # fmt: skip
    a11y.chart(chart, alt, table)
    st.markdown(depth_sentence(result))
