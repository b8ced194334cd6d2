"""Views of the stability page (3.8): each study's controls, charts, numbers and the sentence that
says what the run shows. Every such sentence is chosen by the experiment's own predicate
(``vanishes``, ``float16_gives_up``, ``symmetry_state``, ``variance_verdict``, ``training_outcome``)
and, where the draw matters, followed by the same study on the other seeds."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace
from typing import Any, TypeVar

import streamlit as st

from mlp_lab.controls import controls_of
from mlp_lab.experiments import stability as exp
from mlp_lab.training import TrainResult
from mlp_lab.ui import a11y
from mlp_lab.ui import stability_charts as charts
from mlp_lab.ui.controls import form, widget
from mlp_lab.ui.i18n import t
from mlp_lab.ui.runner import cached, gate
from mlp_lab.ui.train_panel import is_trained, training_panel

SECTION_URL = "https://zh.d2l.ai/chapter_multilayer-perceptrons/numerical-stability-and-init.html"
CHAIN_RULE = (
    r"\partial_{\mathbf{W}^{(l)}} \mathbf{o} = "
    r"\underbrace{\partial_{\mathbf{h}^{(L-1)}} \mathbf{h}^{(L)}}_{\mathbf{M}^{(L)}} \cdots "
    r"\underbrace{\partial_{\mathbf{h}^{(l)}} \mathbf{h}^{(l+1)}}_{\mathbf{M}^{(l+1)}}"
    r" \underbrace{\partial_{\mathbf{W}^{(l)}} \mathbf{h}^{(l)}}_{\mathbf{v}^{(l)}}"
)
PRODUCT_LOOP = (  # the book's loop in 3.8.1, which the exploding-gradient study runs
    "M = torch.normal(0, 1, size=(4, 4))\nfor i in range(100):\n    M = torch.mm(M, torch.normal(0, 1, size=(4, 4)))"
)
XAVIER = (
    r"\mathrm{Var}[h_i^{(t)}] = n_{t-1}\,\gamma_t\,\mathrm{Var}[h_j^{(t-1)}],\qquad "
    r"\frac{1}{2}(n_{t-1}+n_t)\,\gamma_t = 1 \;\Rightarrow\; \gamma_t = \frac{2}{n_{t-1}+n_t}"
)
PRINT_UP_TO = 4  # the product is printed, as torch would, for matrices up to this size
C = TypeVar("C")


def _seeds(values: list[Any]) -> str:
    return ", ".join(map(str, values))


def others_that_show(config: C, fn: Callable[[C], Any], shows: Callable[[Any], bool]) -> list[int]:
    """The spread seeds other than this one whose run of ``config`` shows the effect (computed)."""
    seed = config.seed  # type: ignore[attr-defined]
    return [s for s in exp.SPREAD_SEEDS if s != seed and shows(cached(fn, replace(config, seed=s)))]


def _hint(seeds: list[int], fallback: str) -> str:
    return t("stability.try_seeds", seeds=_seeds(seeds)) if seeds else t(fallback)


def vanishing_section(seed: int) -> exp.VanishingConfig:
    """The book's sigmoid figure, then the first layer's gradient against depth, said in words."""
    left, right = st.columns(2)
    curve = exp.sigmoid_curve()
    a11y.chart(*charts.sigmoid_chart(curve), where=left)
    config = form(exp.VanishingConfig, ["max_depth"], where=right, seed=seed)
    result = cached(exp.vanishing_gradients, config)
    a11y.chart(*charts.vanishing_chart(result), where=right)
    fmt = dict(
        depth=config.max_depth,
        sigmoid=exp.depth_ratio(result, "sigmoid"),
        relu=exp.depth_ratio(result, "relu"),
        tanh=exp.depth_ratio(result, "tanh"),
    )
    if exp.vanishes(result):
        st.markdown(t("stability.vanish_yes", **fmt))
    else:
        others = others_that_show(config, exp.vanishing_gradients, exp.vanishes)
        st.markdown(t("stability.vanish_no", hint=_hint(others, "stability.vanish_deeper"), **fmt))
    ratios = [exp.depth_ratio(cached(exp.vanishing_gradients, replace(config, seed=s)), "sigmoid")
              for s in exp.SPREAD_SEEDS]  # fmt: skip
    st.caption(t("stability.vanish_spread", depth=config.max_depth, ratios=", ".join(f"{r:.0e}" for r in ratios)))
    return config


def product_view(product: exp.MatrixProductResult) -> None:
    """The product's norm and growth, its largest entry, the stable sigma, float32's limits."""
    config = product.config
    left, right = st.columns(2)
    a11y.chart(*charts.product_chart(product), where=left)
    a11y.chart(*charts.growth_chart(product), where=right)
    m1, m2, m3 = st.columns(3)
    m1.metric(t("stability.max_entry"), f"1e{product.log10_max_entry:+.1f}")
    m2.metric(t("stability.stable_sigma"), f"{product.stable_sigma:.3f}", help=t("stability.stable_help"))
    theory = exp.lyapunov_stable_sigma(config.size)
    m3.metric(t("stability.theory_sigma"), f"{theory:.3f}", help=t("stability.theory_help"))
    if product.log10_max_entry > exp.FLOAT32_MAX_LOG10:
        st.warning(t("stability.overflow"), icon="💥")
    elif product.log10_max_entry < exp.FLOAT32_TINY_LOG10:
        st.warning(t("stability.underflow"), icon="🕳️")
    if config.size <= PRINT_UP_TO:
        st.code("\n".join([t("stability.product_print", k=config.count + 1), *product.printed()]), language=None)


def precision_section(product: exp.MatrixProductConfig, vanishing: exp.VanishingConfig) -> None:
    """The product above and the sigmoid stack above, computed in float16, float32 and float64."""
    config = exp.precision_config(product, vanishing)
    result = cached(exp.number_formats, config)
    st.markdown(precision_sentence(result))
    a11y.chart(*charts.precision_chart(result))
    spread = [cached(exp.number_formats, replace(config, seed=s)) for s in exp.SPREAD_SEEDS]
    cells = [
        f"{s}: {r.overflow_at('float16') if r.overflow_at('float16') is not None else '–'}"
        f" / {r.underflow_layer('float16') if r.underflow_layer('float16') is not None else '–'}"
        for s, r in zip(exp.SPREAD_SEEDS, spread, strict=True)
    ]
    st.caption(t("stability.f16_spread", cells=t("stability.sep").join(cells)))


def precision_sentence(result: exp.PrecisionResult) -> str:
    """What float16 made of the product and the gradient, against float32, chosen by the run."""
    f16, f32 = charts.precision_parts(result, "float16"), charts.precision_parts(result, "float32")
    key = "stability.f16_yes" if exp.float16_gives_up(result) else "stability.f16_no"
    return t(key, f16=t("stability.sep").join(f16), f32=t("stability.sep").join(f32))


def permutation_view(config: exp.SymmetryConfig) -> None:
    """Renumbering hidden units (in and out together) leaves the function as it was."""
    result = cached(exp.permutation, exp.PermutationConfig(hidden=config.hidden, seed=config.seed))
    path = [0]  # follow unit 1 around the renumbering: where it goes, where that one goes, ...
    while (nxt := result.order.index(path[-1])) != 0:
        path.append(nxt)
    order = " → ".join(str(i + 1) for i in (*path, 0))
    key = "stability.perm_exact" if result.matched == 0 else "stability.perm_rounding"
    st.markdown(t(key, order=order, matched=result.matched, one_side=result.input_side_only, n=config.hidden))


def symmetry_view(sym: exp.SymmetryResult) -> None:
    """Both runs side by side: the tracked weights, each unit's weights as an image, and in words."""
    config = sym.config
    labels = (t("stability.no_dropout"), t("stability.with_dropout", p=config.dropout))
    for col, label, run in zip(st.columns(2), labels, (sym.plain, sym.with_dropout), strict=True):
        col.markdown(f"**{label}**")
        a11y.chart(*charts.symmetry_chart(run, label), where=col)
        units = [t("stability.unit", i=i + 1) for i in range(config.hidden)]
        col.image(exp.unit_images(run), width=84, caption=units, alt=charts.unit_alts(run, label, config.steps))
        col.caption(t("stability.images", run=label))
    state = exp.symmetry_state(sym.plain)
    plain, dropped = sym.plain.final_spread, sym.with_dropout.final_spread
    orders = round(math.log10(dropped / plain)) if plain > 0 and dropped > 0 else 0
    fmt = dict(steps=config.steps, plain=plain, dropped=dropped, orders=orders)
    st.markdown(t(f"stability.sym_{state}", **fmt))
    if sym.with_dropout.final_spread <= exp.BROKEN_MIN:
        st.markdown(t("stability.sym_dropout_weak", **fmt))


def symmetry_spread(config: exp.SymmetryConfig) -> None:
    """The same two runs on the other seeds: one line, plain / with dropout."""
    runs = [cached(exp.symmetry, replace(config, seed=s), label="stability.symmetry_running") for s in exp.SPREAD_SEEDS]
    cells = [f"{s}: {r.plain.final_spread:.1e} / {r.with_dropout.final_spread:.2g}"
             for s, r in zip(exp.SPREAD_SEEDS, runs, strict=True)]  # fmt: skip
    st.caption(t("stability.sym_spread", steps=config.steps, cells=t("stability.sep").join(cells)))


def variance_form(seed: int) -> exp.LayerVarianceConfig:
    """The variance study's controls, each choice explained under its control."""
    specs = controls_of(exp.LayerVarianceConfig)
    init = widget(specs["init"])
    st.caption(t(f"stability.init_{init}"))
    activation = widget(specs["activation"])
    st.caption(t(f"stability.act_{activation}"))
    return form(exp.LayerVarianceConfig, [["depth", "width"]], init=init, activation=activation, seed=seed)


def _pass_sentence(var: exp.LayerVarianceResult, direction: str) -> str:
    ratios = exp.direction_ratios(var, direction)
    verdict = exp.direction_verdict(ratios)
    return t(
        f"stability.var_{verdict}",
        direction=t(f"stability.{direction}"),
        depth=var.config.depth,
        end=float(ratios[-1]),
        lo=float(ratios.min()),
        hi=float(ratios.max()),
    )


def variance_view(var: exp.LayerVarianceResult) -> None:
    """Variance per layer against the theory line, in words; where float32 would give up; the histograms."""
    a11y.chart(*charts.variance_chart(var))
    st.markdown(t("stability.space").join(_pass_sentence(var, d) for d in ("forward", "backward")))
    gain = var.gain_per_layer
    st.caption(t("stability.theory_line", gain=gain) if gain else t("stability.no_theory"))
    for direction, values in (("forward", var.forward_max), ("backward", var.backward_max)):
        over, under = exp.float32_overflow_layer(values), exp.float32_underflow_layer(values)
        for kind, layer in (("over", over), ("under", under)):
            if layer is not None:
                st.info(t(f"stability.f32_{kind}", layer=layer, direction=t(f"stability.{direction}")), icon="🔢")
    a11y.chart(*charts.histogram_chart(var), width="content")
    spread = [cached(exp.layer_variances, replace(var.config, seed=s)) for s in exp.SPREAD_SEEDS]
    cells = [f"{s}: {exp.direction_ratios(r, 'forward')[-1]:.3g} / {exp.direction_ratios(r, 'backward')[-1]:.3g}"
             for s, r in zip(exp.SPREAD_SEEDS, spread, strict=True)]  # fmt: skip
    st.caption(t("stability.var_spread", depth=var.config.depth, cells=t("stability.sep").join(cells)))


def training_section(settings: exp.DeepTrainSettings, columns: int = 3) -> None:
    """One live panel per chosen scheme (after a click, or at once when all are stored), then the comparison."""
    configs = settings.train_configs()
    if not configs:
        st.info(t("stability.pick_scheme"), icon="👆")
        return
    ready = all(is_trained(c) for c in configs.values())
    if not gate("stability_train", ready, label="stability.train_go", note="stability.train_note", n=len(configs)):
        return
    results: dict[str, TrainResult | None] = {}
    for i, (scheme, config) in enumerate(configs.items()):
        if i % columns == 0:
            cols = st.columns(columns)
        with cols[i % columns]:
            st.markdown(f"**{scheme}**")
            results[scheme] = result = training_panel(config, key=f"stability_train_{scheme}", show_chart=False)
            if result is not None and result.diverged:
                st.caption(t("stability.diverged_init"))  # the panel blames the learning rate; here it is the start
    done = {s: r for s, r in results.items() if r is not None and (len(r.history) or r.diverged)}
    if any(len(r.history) for r in done.values()):  # something to draw: at least one finished epoch
        a11y.chart(*charts.training_compare_chart(done, settings.epochs))
    if done:
        st.markdown(training_sentence(done))


def training_sentence(done: dict[str, TrainResult]) -> str:
    """Which schemes learned, which stayed at chance, which blew up: read off the runs on screen."""
    groups: dict[str, list[str]] = {"learned": [], "chance": [], "diverged": []}
    for scheme, result in done.items():
        outcome = exp.training_outcome(result)
        acc = result.history.test_acc[-1] if result.history.test_acc else float("nan")
        groups[outcome].append(scheme if outcome == "diverged" else f"{scheme} ({acc:.1%})")
    parts = [t(f"stability.outcome_{k}", schemes=", ".join(v)) for k, v in groups.items() if v]
    return t("stability.train_result", parts=t("stability.sep").join(parts))
