"""3.7 forward and backward propagation: predict the shape of dJ/dW1 and the memory a training
forward pass keeps for backward, then stop the first layer's gradient on the page's graph. Each
reads the page's own computations (its forward/backward pass by hand, its memory sweep) at the
page's current settings."""

from __future__ import annotations

from mlp_lab.experiments import backprop as exp
from mlp_lab.learn import Answer, Verdict, challenge, prediction

MIB = 2**20


def graph_pass(config: exp.GraphConfig) -> exp.Pass:
    """The page's forward and backward pass (3.7.1-3.7.3) on its example, by hand."""
    return exp.forward_backward(exp.make_example(config), config)


def _graph_plan(s: exp.GraphConfig) -> tuple:
    return graph_pass, s


# --- the shape of dJ/dW1 --------------------------------------------------------------------------
SHAPES = ("h_d", "d_h", "h_1", "q_h")


def _shape_choice(shape: tuple[int, ...], s: exp.GraphConfig) -> str | None:
    """Which choice names ``shape`` (the first, when h = d makes two alike)."""
    sizes = {"h_d": (s.hidden, s.inputs), "d_h": (s.inputs, s.hidden), "h_1": (s.hidden,), "q_h": (s.outputs, s.hidden)}
    return next((c for c in SHAPES if sizes[c] == tuple(shape)), None)


def _grad_shape(v: exp.Pass, s: exp.GraphConfig) -> Answer:
    shape = tuple(v.dJ_dW1.shape)
    choice = _shape_choice(shape, s)
    if choice is None:  # never with the book's graph; say what the run gave rather than guess
        raise ValueError(f"dJ/dW1 has shape {shape}, none of {SHAPES}")
    rows, cols = (*shape, 1)[:2]
    return Answer(
        choice,
        {"rows": rows, "cols": cols, "h": s.hidden, "d": s.inputs, "n": v.dJ_dW1.numel()},
        why="why_square" if s.hidden == s.inputs else "why",
    )


prediction(
    "bp.grad_shape",
    section="3.7",
    plan=_graph_plan,
    answer=_grad_shape,
    choices=SHAPES,
    ask=lambda s: {"d": s.inputs, "h": s.hidden, "q": s.outputs},
)


# --- memory kept for backward ----------------------------------------------------------------------
def _memory_plan(s: exp.MemoryConfig) -> tuple:
    return exp.backward_memory, s  # looked up at call time: the page's sweep, whatever it is


def _saved_mib(points: list[exp.MemoryPoint], s: exp.MemoryConfig) -> Answer:
    big = max(points, key=lambda p: (p.depth, p.batch_size))
    line = sorted((p for p in points if p.batch_size == big.batch_size), key=lambda p: p.depth)
    mib = big.saved_bytes / MIB
    return Answer(
        mib,
        {
            "mib": mib,
            "params": big.param_bytes / MIB,
            "times": big.saved_bytes / big.param_bytes,
            "floats": big.saved_bytes / big.batch_size / 4,
            "predict": big.predict_bytes,
            "batch": big.batch_size,
            "depth": big.depth,
            "model": s.model,
        },
        x=tuple(p.depth for p in line),
        y=tuple(p.saved_bytes / MIB for p in line),
        x_title="bp.mem_depth",
        y_title="learn.bp.saved_mib.y",
        at=big.depth,
    )


prediction(
    "bp.saved_mib",
    section="3.7",
    plan=_memory_plan,
    answer=_saved_mib,
    lo=0.0,
    hi=150.0,
    step=1.0,
    start=10.0,
    digits=1,
    tol=5.0,
    ask=lambda s: {"depth": max(s.depths), "width": s.width, "batch": max(s.batch_sizes), "model": s.model},
    label="bp.mem_progress",
)


# --- challenge: the first layer gets no gradient -----------------------------------------------------
ZERO = 0.0  # every entry of dJ/dW1 exactly zero (a product with phi'(z) = 0 and lambda = 0 is exact)


def _check_still(v: exp.Pass, s: exp.GraphConfig) -> Verdict:
    largest = float(v.dJ_dW1.abs().max())
    active = int((v.dphi != 0).sum())
    numbers = {
        "largest": largest,
        "active": active,
        "h": s.hidden,
        "lam": s.lam,
        "loss": float(v.L),
        "phi": s.activation,
    }
    if largest <= ZERO:
        return Verdict(True, numbers)
    return Verdict(False, numbers, "penalty" if active == 0 else "off")


challenge(
    "bp.still_w1",
    section="3.7",
    plan=_graph_plan,
    check=_check_still,
)
