"""Strings of the activation-function page (3.1)."""

STRINGS: dict[str, dict[str, str]] = {
    "page.activations": {"en": "3.1 Activation functions", "zh": "3.1 激活函数"},
    "act.intro": {
        "en": "A hidden layer without a nonlinearity adds nothing: an affine function of an affine "
        "function is affine. The activation function $\\sigma$ applied after each hidden affine map "
        "is what lets an MLP model more than a linear model can. Below, each function is drawn with "
        "its derivative, which PyTorch's autograd computes, exactly as the book does with "
        "`y.backward(torch.ones_like(x))`.",
        "zh": "没有非线性的隐藏层不会带来任何新东西：仿射函数的仿射函数仍是仿射函数。"
        "在每个隐藏层的仿射变换之后施加激活函数 $\\sigma$，多层感知机才能表示线性模型表示不了的关系。"
        "下面画出每个函数及其导数，导数由 PyTorch 的自动微分计算，与书中 `y.backward(torch.ones_like(x))` 的做法一致。",
    },
    "act.functions": {"en": "Functions", "zh": "函数"},
    "act.functions_help": {
        "en": "ReLU, pReLU, sigmoid and tanh are in the book; GELU, SiLU (Swish), LeakyReLU and ELU go beyond it.",
        "zh": "ReLU、pReLU、sigmoid 和 tanh 是书中介绍的；GELU、SiLU（Swish）、LeakyReLU 和 ELU 是书外的扩展。",
    },
    "act.overlay": {"en": "Overlay in one chart", "zh": "叠加在同一张图中"},
    "act.alpha": {"en": "pReLU slope α", "zh": "pReLU 斜率 α"},
    "act.range": {"en": "Input range x", "zh": "输入范围 x"},
    "act.step": {"en": "Step of the grid", "zh": "网格步长"},
    "act.none": {"en": "Pick at least one function above.", "zh": "请在上方至少选择一个函数。"},
    "act.value": {"en": "f(x)", "zh": "f(x)"},
    "act.grad": {"en": "f′(x) by autograd", "zh": "自动微分得到的 f′(x)"},
    "act.saturated": {
        "en": "Shaded: |f′(x)| < 0.01, where the function saturates and the gradient barely passes.",
        "zh": "阴影区域：|f′(x)| < 0.01，函数在此饱和，梯度几乎无法通过。",
    },
    "act.in_book": {"en": "in the book", "zh": "书中"},
    "act.beyond": {"en": "beyond the book", "zh": "书外"},
    "act.claims": {"en": "The chapter's claims, measured", "zh": "实测本章的论断"},
    "act.claim": {"en": "Claim", "zh": "论断"},
    "act.measured": {"en": "Measured", "zh": "实测值"},
    "act.error": {"en": "Error", "zh": "误差"},
    "act.holds": {"en": "Holds", "zh": "成立"},
    "act.claim.affine_collapse": {
        "en": "Two affine layers without an activation are one: W = W1 W2, b = b1 W2 + b2 (max difference)",
        "zh": "没有激活函数的两个仿射层等于一个：W = W1 W2，b = b1 W2 + b2（最大差值）",
    },
    "act.claim.tanh_sigmoid": {
        "en": "tanh(x) + 1 = 2 sigmoid(2x) on -8..8 (max difference)",
        "zh": "在 -8 到 8 上 tanh(x) + 1 = 2 sigmoid(2x)（最大差值）",
    },
    "act.claim.sigmoid_grad0": {"en": "sigmoid′(0) = 0.25", "zh": "sigmoid′(0) = 0.25"},
    "act.claim.tanh_grad0": {"en": "tanh′(0) = 1", "zh": "tanh′(0) = 1"},
    "act.claim.relu_grad0": {
        "en": "ReLU is not differentiable at 0; PyTorch uses 0 there",
        "zh": "ReLU 在 0 处不可导；PyTorch 在该处取导数 0",
    },
    "act.uat": {"en": "Universal approximation, hands on", "zh": "亲手验证通用近似定理"},
    "act.uat_intro": {
        "en": "One hidden layer with enough units can approximate any continuous function on an "
        "interval. Fit k units to a target and watch the fit improve as k grows.",
        "zh": "只要隐藏单元足够多，单隐藏层网络就能在区间上逼近任意连续函数。"
        "用 k 个隐藏单元拟合一个目标函数，观察 k 增大时拟合如何变好。",
    },
    "act.units": {"en": "Hidden units k", "zh": "隐藏单元数 k"},
    "act.uat_activation": {"en": "Activation", "zh": "激活函数"},
    "act.target": {"en": "Target function", "zh": "目标函数"},
    "act.target_help": {
        "en": "sin, step, abs = |x|, sawtooth",
        "zh": "sin（正弦）、step（阶跃）、abs = |x|、sawtooth（锯齿波）",
    },
    "act.series_fit": {"en": "fit, k = {k}", "zh": "拟合，k = {k}"},
    "act.mse": {"en": "Mean squared error with k = {k}: {mse:.2e}", "zh": "k = {k} 时的均方误差：{mse:.2e}"},
}

# The words of this topic's rows of the reproduce registry (mlp_lab.checks): check.<id>.quantity,
# .book (what the source says, or for a claim what the page asserts) and .tolerance.
STRINGS |= {
    "check.activations.sigmoid_grad_at_0.quantity": {
        "en": "sigmoid'(0) by autograd",
        "zh": "sigmoid 在 0 处的导数（自动微分）",
    },
    "check.activations.sigmoid_grad_at_0.source": {
        "en": "0.25",
        "zh": "0.25",
    },
    "check.activations.sigmoid_grad_at_0.tolerance": {
        "en": "±1e-12",
        "zh": "±1e-12",
    },
    "check.activations.tanh_grad_at_0.quantity": {
        "en": "tanh'(0) by autograd",
        "zh": "tanh 在 0 处的导数（自动微分）",
    },
    "check.activations.tanh_grad_at_0.source": {
        "en": "1",
        "zh": "1",
    },
    "check.activations.tanh_grad_at_0.tolerance": {
        "en": "±1e-12",
        "zh": "±1e-12",
    },
    "check.activations.tanh_sigmoid_identity.quantity": {
        "en": "max |tanh(x) + 1 - 2 sigmoid(2x)| on -8..8",
        "zh": "在 -8 到 8 上 |tanh(x) + 1 - 2 sigmoid(2x)| 的最大值",
    },
    "check.activations.tanh_sigmoid_identity.source": {
        "en": "0 (an identity)",
        "zh": "0（恒等式）",
    },
    "check.activations.tanh_sigmoid_identity.tolerance": {
        "en": "<= 1e-12",
        "zh": "<= 1e-12",
    },
    "check.activations.affine_collapse.quantity": {
        "en": "max |two affine layers - one (W1 W2, b1 W2 + b2)|, float64",
        "zh": "两个仿射层与合并后一层（W1 W2，b1 W2 + b2）之差的最大值（float64）",
    },
    "check.activations.affine_collapse.source": {
        "en": "0 (an affine map of an affine map is affine)",
        "zh": "0（仿射映射的仿射映射仍是仿射的）",
    },
    "check.activations.affine_collapse.tolerance": {
        "en": "<= 1e-12 (seeds 0-4: 2.7e-15 to 4.4e-15)",
        "zh": "<= 1e-12（种子 0-4：2.7e-15 至 4.4e-15）",
    },
}
