"""Strings of the forward/backward propagation page (3.7)."""

STRINGS: dict[str, dict[str, str]] = {
    "page.backprop": {"en": "3.7 Forward & backward propagation", "zh": "3.7 前向传播与反向传播"},
    "bp.intro": {
        "en": "The chapter's network takes one example $\\mathbf{x}\\in\\mathbb{R}^d$, has no bias, a hidden layer "
        "$\\mathbf{h}=\\phi(\\mathbf{W}^{(1)}\\mathbf{x})$, outputs $\\mathbf{o}=\\mathbf{W}^{(2)}\\mathbf{h}$, "
        "and minimises $J = L + s$: the loss plus the $L_2$ penalty $s$. **Forward propagation** computes and "
        "keeps every intermediate value from the input to $J$; **backward propagation** walks the graph the other "
        "way and, by the chain rule, turns those kept values into gradients. Step through both below.",
        "zh": "本章的网络输入一个样本 $\\mathbf{x}\\in\\mathbb{R}^d$，没有偏置，隐藏层为 "
        "$\\mathbf{h}=\\phi(\\mathbf{W}^{(1)}\\mathbf{x})$，输出 $\\mathbf{o}=\\mathbf{W}^{(2)}\\mathbf{h}$，"
        "目标是最小化 $J = L + s$：损失加上 $L_2$ 惩罚项 $s$。**前向传播**从输入到 $J$ 依次计算并保存每个中间变量；"
        "**反向传播**沿相反方向遍历计算图，用链式法则把这些保存下来的值变成梯度。下面可以一步一步地走一遍。",
    },
    "bp.inputs": {"en": "inputs d", "zh": "输入数 d"},
    "bp.hidden": {"en": "hidden units h", "zh": "隐藏单元数 h"},
    "bp.outputs": {"en": "outputs q", "zh": "输出数 q"},
    "bp.phi": {"en": "activation φ", "zh": "激活函数 φ"},
    "bp.phi_help": {
        "en": "Its derivative φ' is the one thing backprop needs from it: relu' = 1 where z > 0, "
        "sigmoid' = σ(1 − σ), tanh' = 1 − tanh².",
        "zh": "反向传播只需要它的导数 φ'：relu' 在 z > 0 处为 1，sigmoid' = σ(1 − σ)，tanh' = 1 − tanh²。",
    },
    "bp.lambda": {"en": "λ (weight of the L2 penalty)", "zh": "λ（L2 惩罚项的权重）"},
    "bp.lambda_help": {"en": "λ = 0 removes s from J.", "zh": "λ = 0 时 J 中不含 s。"},
    "bp.bias": {"en": "with bias", "zh": "加入偏置"},
    "bp.bias_help": {
        "en": "Exercise 2: add b⁽¹⁾ and b⁽²⁾ to the graph (they get no penalty, as in 3.5).",
        "zh": "练习 2：在计算图中加入 b⁽¹⁾ 和 b⁽²⁾（与 3.5 节一样，偏置不受惩罚）。",
    },
    "bp.graph": {"en": "The computational graph", "zh": "计算图"},
    "bp.graph_caption": {
        "en": "Boxes are variables, circles operators. Blue: forward pass (dark = this step, light = done); "
        "orange: backward pass, with the gradient each box now holds. Values come from the sidebar's seed.",
        "zh": "方框表示变量，圆圈表示运算符。蓝色：前向传播（深色 = 当前步骤，浅色 = 已完成）；"
        "橙色：反向传播，方框中写出它此时已得到的梯度。数值由侧边栏的种子决定。",
    },
    "bp.prev": {"en": "◀ Previous", "zh": "◀ 上一步"},
    "bp.next": {"en": "Next ▶", "zh": "下一步 ▶"},
    "bp.step": {"en": "step", "zh": "步骤"},
    "bp.step_of": {"en": "Step {i} of {n} · {phase}", "zh": "第 {i} / {n} 步 · {phase}"},
    "bp.phase_forward": {"en": "forward", "zh": "前向传播"},
    "bp.phase_backward": {"en": "backward", "zh": "反向传播"},
    "bp.step.inputs": {
        "en": "The inputs: the example x, its label y, the parameters and λ.",
        "zh": "输入：样本 x、它的标签 y、模型参数和 λ。",
    },
    "bp.step.z": {"en": "The hidden layer's pre-activation z.", "zh": "隐藏层的中间变量 z。"},
    "bp.step.h": {"en": "The activation φ, element by element.", "zh": "按元素作用的激活函数 φ。"},
    "bp.step.o": {"en": "The output layer o.", "zh": "输出层变量 o。"},
    "bp.step.L": {
        "en": "The loss: softmax cross-entropy with the label y.",
        "zh": "损失：与标签 y 的 softmax 交叉熵。",
    },
    "bp.step.s": {"en": "The L2 penalty on both weight matrices.", "zh": "两个权重矩阵的 L2 惩罚项。"},
    "bp.step.J": {"en": "The objective J. The forward pass ends here.", "zh": "目标函数 J。前向传播到此结束。"},
    "bp.step.dJ_dL": {"en": "Backward starts at J: J = L + s.", "zh": "反向传播从 J 开始：J = L + s。"},
    "bp.step.dJ_do": {
        "en": "Through the loss: for softmax cross-entropy, ∂L/∂o is the predicted probabilities minus the one-hot "
        "label.",
        "zh": "穿过损失函数：对 softmax 交叉熵，∂L/∂o 等于预测概率减去独热编码的标签。",
    },
    "bp.step.dJ_dW2": {
        "en": "The output layer's weights: one path through o (needs h from the forward pass), one through s.",
        "zh": "输出层权重：一条路径经过 o（需要前向传播保存的 h），另一条经过 s。",
    },
    "bp.step.dJ_db2": {
        "en": "The output bias: o depends on b⁽²⁾ with slope 1.",
        "zh": "输出层偏置：o 对 b⁽²⁾ 的导数为 1。",
    },
    "bp.step.dJ_dh": {"en": "Back into the hidden layer, through W⁽²⁾.", "zh": "经过 W⁽²⁾ 回到隐藏层。"},
    "bp.step.dJ_dz": {
        "en": "Through the activation: element-wise product with φ'(z) (needs z from the forward pass).",
        "zh": "穿过激活函数：与 φ'(z) 按元素相乘（需要前向传播保存的 z）。",
    },
    "bp.step.dJ_dW1": {
        "en": "The hidden layer's weights: through z (needs x) and through s. The backward pass has what it "
        "needs for an SGD step.",
        "zh": "隐藏层权重：一条路径经过 z（需要 x），另一条经过 s。至此反向传播已得到 SGD 一步所需的全部梯度。",
    },
    "bp.step.dJ_db1": {
        "en": "The hidden bias: z depends on b⁽¹⁾ with slope 1.",
        "zh": "隐藏层偏置：z 对 b⁽¹⁾ 的导数为 1。",
    },
    "bp.label_is": {"en": "Label y = {y} (classes counted from 0).", "zh": "标签 y = {y}（类别从 0 开始编号）。"},
    "bp.dJ_ds_note": {
        "en": "∂J/∂s = 1 as well: s reaches W⁽¹⁾ and W⁽²⁾ with ∂s/∂W = λW.",
        "zh": "同样 ∂J/∂s = 1：s 通过 ∂s/∂W = λW 传到 W⁽¹⁾ 和 W⁽²⁾。",
    },
    "bp.book_typo": {
        "en": "The chapter prints ∂J/∂z = W⁽²⁾ᵀ ∂J/∂h ⊙ φ'(z), with one W⁽²⁾ᵀ too many (it was already used for "
        "∂J/∂h). The right formula is the one above; the gradient check below confirms it.",
        "zh": "书中印的是 ∂J/∂z = W⁽²⁾ᵀ ∂J/∂h ⊙ φ'(z)，多了一个 W⁽²⁾ᵀ（它在计算 ∂J/∂h 时已经用过了）。"
        "正确的公式如上，下面的梯度检验也证实了这一点。",
    },
    "bp.check": {"en": "Are the hand-derived gradients right?", "zh": "手推的梯度对吗？"},
    "bp.check_text": {
        "en": "Each gradient of the walk-through against `torch.autograd` on the same J, and against central finite "
        "differences $(J(w+\\varepsilon)-J(w-\\varepsilon))/2\\varepsilon$ with $\\varepsilon = 10^{-6}$, one "
        "weight at a time, all in float64. Largest absolute difference per parameter:",
        "zh": "把演示中的每个梯度与同一个 J 上 `torch.autograd` 的结果比较，并与中心差分 "
        "$(J(w+\\varepsilon)-J(w-\\varepsilon))/2\\varepsilon$（$\\varepsilon = 10^{-6}$，逐个权重计算）比较，"
        "全部使用 float64。每个参数的最大绝对误差：",
    },
    "bp.col_param": {"en": "gradient", "zh": "梯度"},
    "bp.col_autograd": {"en": "max |hand − autograd|", "zh": "max |手推 − autograd|"},
    "bp.col_fd": {"en": "max |hand − finite difference|", "zh": "max |手推 − 有限差分|"},
    "bp.check_result": {
        "en": "Largest error against autograd: {auto:.1e} (rounding only); against finite differences: {fd:.1e} "
        "(the difference quotient's own error).",
        "zh": "与 autograd 的最大误差：{auto:.1e}（仅为舍入误差）；与有限差分的最大误差：{fd:.1e}（差商本身的误差）。",
    },
    "bp.mem": {"en": "Training needs more memory than prediction", "zh": "训练比预测需要更多内存"},
    "bp.mem_text": {
        "en": "Backward needs the forward pass's intermediate values, so training keeps them until the gradients are "
        "computed; prediction throws each one away once the next layer has it. We count the bytes autograd "
        "really keeps (every tensor it saves for backward, via `torch.autograd.graph.saved_tensors_hooks`, "
        "parameters excluded) for the Fashion-MNIST MLP with 256-unit hidden layers. The bytes depend only on "
        "the shapes, so random images stand in for the data.",
        "zh": "反向传播需要前向传播的中间值，所以训练时要把它们一直保存到梯度算完；"
        "预测时每个中间值一旦交给下一层就可以丢弃。我们统计 autograd 真正保存的字节数"
        "（通过 `torch.autograd.graph.saved_tensors_hooks` 记录为反向传播保存的每个张量，不含参数本身），"
        "网络是隐藏层宽 256 的 Fashion-MNIST 多层感知机。字节数只取决于张量形状，因此用随机图像代替数据。",
    },
    "bp.mem_model": {"en": "Implementation", "zh": "实现方式"},
    "bp.mem_model_help": {
        "en": "concise: nn.Linear + nn.ReLU. scratch: the book's relu = torch.max(X, zeros), which makes autograd "
        "keep its two inputs as well: the same maths, about three times the memory per hidden layer.",
        "zh": "concise：nn.Linear + nn.ReLU。scratch：书中的 relu = torch.max(X, zeros)，"
        "autograd 还要保存它的两个输入："
        "数学上相同，但每个隐藏层约占三倍内存。",
    },
    "bp.mem_progress": {"en": "Measuring…", "zh": "正在测量……"},
    "bp.mem_batch": {"en": "batch size", "zh": "批量大小"},
    "bp.mem_mib": {"en": "MiB kept for backward (log scale)", "zh": "为反向传播保存的 MiB（对数坐标）"},
    "bp.mem_depth": {"en": "hidden layers", "zh": "隐藏层数"},
    "bp.mem_depth_n": {"en": "{n} hidden layer(s)", "zh": "{n} 个隐藏层"},
    "bp.mem_caption": {
        "en": "Straight lines of slope 1: the memory is proportional to the batch size, and grows linearly with "
        "depth. {depth} hidden layers at batch {batch}: {mib:.1f} MiB, that is {floats:.1f} floats per example "
        "(a plain count of what each operation keeps predicts {predicted}). Under torch.no_grad (prediction) "
        "autograd keeps {predict} bytes. The parameters themselves take {params:.2f} MiB, whatever the batch.",
        "zh": "斜率为 1 的直线：内存与批量大小成正比，并随层数线性增长。{depth} 个隐藏层、批量 {batch}：{mib:.1f} MiB，"
        "即每个样本 {floats:.1f} 个浮点数（逐个运算统计应保存的量，预测为 {predicted}）。在 torch.no_grad 下（预测），"
        "autograd 保存 {predict} 字节。参数本身占 {params:.2f} MiB，与批量无关。",
    },
}

# The words of this topic's rows of the reproduce registry (mlp_lab.checks): check.<id>.quantity,
# .book (what the source says, or for a claim what the page asserts) and .tolerance.
STRINGS |= {
    "check.backprop.hand_vs_autograd.quantity": {
        "en": "max |hand-derived gradient - torch.autograd| (4-5-3 net, relu/sigmoid/tanh, with and without bias, float64)",
        "zh": "手推梯度与 torch.autograd 的最大绝对误差（4-5-3 网络，relu/sigmoid/tanh，有无偏置，float64）",
    },
    "check.backprop.hand_vs_autograd.source": {
        "en": "3.7.2 formulas",
        "zh": "3.7.2 节的公式",
    },
    "check.backprop.hand_vs_autograd.tolerance": {
        "en": "< 1e-12 (seeds 0-9: up to 1.1e-16)",
        "zh": "< 1e-12（种子 0-9：最大 1.1e-16）",
    },
    "check.backprop.hand_vs_finite_diff.quantity": {
        "en": "max |hand-derived gradient - central finite difference| (same cases, eps 1e-6, float64)",
        "zh": "手推梯度与中心差分的最大绝对误差（相同情形，eps 1e-6，float64）",
    },
    "check.backprop.hand_vs_finite_diff.source": {
        "en": "3.7.2 formulas",
        "zh": "3.7.2 节的公式",
    },
    "check.backprop.hand_vs_finite_diff.tolerance": {
        "en": "< 1e-8 (seeds 0-9: 2.2e-10 to 3.6e-10)",
        "zh": "< 1e-8（种子 0-9：2.2e-10 至 3.6e-10）",
    },
}
