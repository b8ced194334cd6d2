"""3.7 forward and backward propagation: predict the shape of dJ/dW1 and the memory a training
forward pass keeps for backward, then stop the first layer's gradient on the page's graph. Each
reads the page's own computations (its forward/backward pass by hand, its memory sweep) at the
page's current settings."""

from __future__ import annotations

from dataclasses import replace

import torch

from mlp_lab.experiments import backprop as exp
from mlp_lab.learn import Answer, Check, Finding, Verdict, challenge, exercise, prediction

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


# --- the book's exercises ------------------------------------------------------------------------
# 3.7.1: the shape of the gradient of a scalar function of a matrix
def grad_shape(rows: int, cols: int) -> tuple[int, int]:
    """The worked answer: df/dX has one entry per entry of X, arranged like X."""
    return (rows, cols)


def _shape_check(s: exp.ShapeExercise) -> tuple[float, dict]:
    shape, entries = exp.autograd_shape(s)
    derived = grad_shape(s.rows, s.cols)
    return (0.0 if tuple(shape) == tuple(derived) else 1.0), {
        "n": s.rows, "m": s.cols, "measured": " × ".join(map(str, shape)), "derived": " × ".join(map(str, derived)),
        "entries": entries,
    }  # fmt: skip


exercise(
    "3.7.1",
    checks=(Check("shape", _shape_check, tol=0.0),),
    controls=("x37_n", "x37_m"),
    settings=exp.ShapeExercise,
    layout=(["rows", "cols"],),
)


# 3.7.2: a bias in the hidden layer
def hidden_pre_activation(W1: torch.Tensor, x: torch.Tensor, b1: torch.Tensor) -> torch.Tensor:
    """The worked answer's forward step: z = W1 x + b1."""
    return W1 @ x + b1


def bias_gradient(dJ_dh: torch.Tensor, dphi: torch.Tensor) -> torch.Tensor:
    """The worked answer's new backward step: dJ/db1 = dJ/dz = dJ/dh ⊙ phi'(z) (no penalty on b1)."""
    return dJ_dh * dphi


def with_hidden_bias(config: exp.GraphConfig) -> tuple[exp.Example, exp.GraphConfig]:
    """The page's example with the hidden layer's bias b1 only (the exercise's model)."""
    c = replace(config, bias=True)
    return replace(exp.make_example(c), b2=None), c


def bias_forward_backward(ex: exp.Example, c: exp.GraphConfig) -> tuple[torch.Tensor, dict[str, torch.Tensor]]:
    """J and its gradients for the model with b1, written out from the worked answer's equations."""
    z = hidden_pre_activation(ex.W1, ex.x, ex.b1)
    h = exp.phi(c.activation, z)
    o = ex.W2 @ h
    p = torch.softmax(o, dim=0)
    J = -torch.log(p[ex.y]) + c.lam / 2 * ((ex.W1**2).sum() + (ex.W2**2).sum())
    dJ_do = p - torch.nn.functional.one_hot(torch.tensor(ex.y), o.shape[0]).to(p.dtype)
    dJ_dh = ex.W2.T @ dJ_do
    dJ_dz = bias_gradient(dJ_dh, exp.phi_prime(c.activation, z))
    grads = {"W1": torch.outer(dJ_dz, ex.x) + c.lam * ex.W1, "b1": dJ_dz, "W2": torch.outer(dJ_do, h) + c.lam * ex.W2}
    return J, grads


def _bias_forward_check(s: exp.GraphConfig) -> tuple[float, dict]:
    ex, c = with_hidden_bias(s)
    J, _ = bias_forward_backward(ex, c)
    reference = exp.objective(ex, c)  # the same J through torch's layers and cross-entropy
    return abs(float(J - reference)), {"J": float(J), "reference": float(reference)}


def _bias_backward_check(s: exp.GraphConfig) -> tuple[float, dict]:
    ex, c = with_hidden_bias(s)
    _, hand = bias_forward_backward(ex, c)
    auto = exp.autograd_grads(ex, c)
    gaps = {k: float((hand[k] - auto[k]).abs().max()) for k in auto}
    return max(gaps.values()), {"b1": gaps["b1"], "W1": gaps["W1"], "W2": gaps["W2"], "phi": c.activation, "lam": c.lam}


exercise(
    "3.7.2",
    checks=(Check("forward", _bias_forward_check, tol=1e-12), Check("backward", _bias_backward_check, tol=1e-12)),
    controls=("bp_bias", "bp_phi"),
)


# 3.7.3: memory for training and for prediction
def kept_values(d: int, h: int, q: int) -> int:
    """The worked answer: for one example, backward needs x (for dJ/dW1), h (for dJ/dW2 and, for relu,
    sigmoid and tanh, phi'(z) too), softmax(o) (for dJ/do, kept as its log), the label and the
    loss's divisor (one number each)."""
    return d + h + q + 2


def param_count(d: int, h: int, q: int, bias: bool) -> int:
    """W1 (h x d), W2 (q x h), and the biases b1 (h) and b2 (q) when the graph has them."""
    return h * d + q * h + ((h + q) if bias else 0)


def _saved(s: exp.GraphConfig, grad: bool) -> tuple[int, int, int, int]:
    """(tensors, numbers) autograd keeps for backward while computing the page's J (parameters left
    out), and the numbers in the parameters and in their gradients after backward."""
    ex = exp.make_example(s)
    params = {k: v.clone().requires_grad_(True) for k, v in ex.params().items()}
    own = {p.untyped_storage().data_ptr() for p in params.values()}
    seen: dict[int, int] = {}

    def pack(t: torch.Tensor) -> torch.Tensor:
        if t.untyped_storage().data_ptr() not in own:
            seen[t.untyped_storage().data_ptr()] = t.numel()
        return t

    with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t), torch.set_grad_enabled(grad):
        J = exp.objective(ex, s, params)
    if grad:
        J.backward()
    grads = sum(p.grad.numel() for p in params.values() if p.grad is not None)
    return len(seen), sum(seen.values()), sum(p.numel() for p in params.values()), grads


def _kept_check(s: exp.GraphConfig) -> tuple[float, dict]:
    tensors, measured, _, _ = _saved(s, grad=True)
    derived = kept_values(s.inputs, s.hidden, s.outputs)
    return float(abs(measured - derived)), {"tensors": tensors, "measured": measured, "derived": derived,
                                            "d": s.inputs, "h": s.hidden, "q": s.outputs}  # fmt: skip


def _params_check(s: exp.GraphConfig) -> tuple[float, dict]:
    _, _, params, grads = _saved(s, grad=True)
    derived = param_count(s.inputs, s.hidden, s.outputs, s.bias)
    return float(max(abs(params - derived), abs(grads - derived))), {
        "params": params, "grads": grads, "derived": derived
    }  # fmt: skip


def kept_for_prediction(d: int, h: int, q: int) -> int:
    """The worked answer: prediction keeps nothing for a backward pass."""
    return 0


def _predict_check(s: exp.GraphConfig) -> tuple[float, dict]:
    tensors, measured, _, _ = _saved(s, grad=False)
    derived = kept_for_prediction(s.inputs, s.hidden, s.outputs)
    return float(abs(measured - derived)), {"tensors": tensors, "measured": measured, "derived": derived}


exercise(
    "3.7.3",
    checks=(
        Check("kept", _kept_check, tol=0.0),
        Check("params", _params_check, tol=0.0),
        Check("predict", _predict_check, tol=0.0),
    ),
    controls=("bp_d", "bp_h", "bp_q", "bp_bias"),
)


# 3.7.4: second derivatives
def _second_plan(s: exp.SecondOrderExercise) -> tuple:
    return exp.second_order, s


def _second_read(points: list[exp.SecondOrderPoint], s: exp.SecondOrderExercise) -> Finding:
    p = points[-1]
    hvp_s = p.hvp_ms / 1000
    return Finding(
        {"width": p.width, "batch": s.batch, "grad_ms": p.grad_ms, "hvp_ms": p.hvp_ms,
         "ratio": p.hvp_ms / p.grad_ms, "nodes_loss": p.nodes_loss, "nodes_hvp": p.nodes_hvp,
         "params": p.params, "hessian_hours": p.params * hvp_s / 3600, "hessian_gb": p.params**2 * 4 / 1e9,
         "repeats": s.repeats},
        says="finding" if p.hvp_ms >= p.grad_ms else "finding_noisy",
        x=tuple(q.width for q in points),
        series={"grad": tuple(q.grad_ms for q in points), "hvp": tuple(q.hvp_ms for q in points)},
        x_title="ex.3.7.4.x",
        y_title="ex.3.7.4.y",
        log_x=True,
        log_y=True,
    )  # fmt: skip


exercise(
    "3.7.4",
    plan=_second_plan,
    read=_second_read,
    controls=("x37_width", "x37_batch"),
    settings=exp.SecondOrderExercise,
    layout=(["width", "batch"],),
    label="ex.3.7.4.running",
)


# 3.7.5: a graph too large for one GPU (a worked answer; the page's memory section is the evidence)
exercise("3.7.5", controls=("bp_mem_model",))
