"""Strings of the forward/backward propagation page (3.7)."""

BOOK_37 = "https://zh.d2l.ai/chapter_multilayer-perceptrons/backprop.html"

STRINGS: dict[str, dict[str, str]] = {
    "page.backprop": {"en": "3.7 Forward & backward propagation", "zh": "3.7 前向传播与反向传播"},
    "bp.intro": {
        "en": f"The network of [section 3.7]({BOOK_37}) takes one example $\\mathbf{{x}}\\in\\mathbb{{R}}^d$, has no "
        "bias, a hidden layer $\\mathbf{h}=\\phi(\\mathbf{W}^{(1)}\\mathbf{x})$, outputs "
        "$\\mathbf{o}=\\mathbf{W}^{(2)}\\mathbf{h}$, and minimises $J = L + s$: the loss plus the $L_2$ penalty "
        "$s$ (weight decay). **Forward propagation** computes and stores every intermediate variable in order, "
        "from the input to $J$; **backward propagation** walks the graph the other way and, by the chain rule, "
        "turns those stored values into gradients. Step through both below.",
        "zh": f"[3.7 节]({BOOK_37})的网络输入一个样本 $\\mathbf{{x}}\\in\\mathbb{{R}}^d$，不含偏置，隐藏层为 "
        "$\\mathbf{h}=\\phi(\\mathbf{W}^{(1)}\\mathbf{x})$，输出层变量为 $\\mathbf{o}=\\mathbf{W}^{(2)}\\mathbf{h}$，"
        "目标函数 $J = L + s$ 是损失项加上 $L_2$ 正则化项 $s$（即权重衰减）。**前向传播**按顺序（从输入到 $J$）"
        "计算并存储每个中间变量；**反向传播**按相反的顺序遍历计算图，依据链式法则把这些存储下来的值变成梯度。"
        "下面可以一步一步地走一遍。",
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
    "bp.lambda": {"en": "λ (hyperparameter of the L2 penalty)", "zh": "λ（L2 正则化项的超参数）"},
    "bp.lambda_help": {"en": "λ = 0 removes s from J.", "zh": "λ = 0 时 J 中不含 s。"},
    "bp.bias": {"en": "with bias", "zh": "加入偏置"},
    "bp.bias_help": {
        "en": "Exercise 2 of 3.7 adds a bias to the hidden layer, b⁽¹⁾, with no penalty on it; we add the output "
        "layer's b⁽²⁾ as well, unpenalised too.",
        "zh": "3.7 节练习 2：给隐藏层加上偏置 b⁽¹⁾，正则化项中不包含它；这里还给输出层加上了偏置 b⁽²⁾，同样不受惩罚。",
    },
    "bp.graph": {"en": "The computational graph", "zh": "计算图"},
    "bp.graph_caption": {
        "en": "As in the book's figure, squares are variables and circles operators. The step on screen has a thick "
        "border; boxes the forward pass has computed are blue; boxes the backward pass has reached are orange "
        "and show the gradient they now hold, and the edges turn dashed. Values come from the sidebar's seed.",
        "zh": "与书中的图一样，正方形表示变量，圆圈表示操作符。当前步骤的方框边框加粗；"
        "前向传播已算出的方框为蓝色；反向传播已到达的方框为橙色，并写出它此时得到的梯度，箭头也变为虚线。"
        "数值由侧边栏的随机种子决定。",
    },
    "bp.graph_alt": {
        "en": "Computational graph of the objective J = L + s, step {i} of {n} ({phase}): {nodes}.",
        "zh": "目标函数 J = L + s 的计算图，第 {i} / {n} 步（{phase}）：{nodes}。",
    },
    "bp.graph_words": {"en": "The graph in words", "zh": "用文字描述的计算图"},
    "bp.graph_state": {
        "en": "Before this step, the forward pass has computed: {forward}. The backward pass has reached: {backward}.",
        "zh": "在这一步之前，前向传播已算出：{forward}。反向传播已到达：{backward}。",
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
    "bp.step.z": {"en": "The hidden layer's intermediate variable z.", "zh": "隐藏层的中间变量 z。"},
    "bp.step.h": {
        "en": "The activation function φ, element by element: the hidden activations h.",
        "zh": "按元素应用激活函数 φ，得到隐藏激活向量 h。",
    },
    "bp.step.o": {"en": "The output layer's variable o.", "zh": "输出层变量 o。"},
    "bp.step.L": {
        "en": "The loss term L = l(o, y). The book keeps the loss l general; here it is softmax cross-entropy.",
        "zh": "损失项 L = l(o, y)。书中没有指定损失函数 l，这里取 softmax 交叉熵。",
    },
    "bp.step.s": {
        "en": "The regularisation term s: the L2 penalty on both weight matrices.",
        "zh": "正则化项 s：两个权重矩阵的 L2 惩罚。",
    },
    "bp.step.J": {
        "en": "The objective J. The forward pass ends here.",
        "zh": "目标函数 J。前向传播到此结束。",
    },
    "bp.step.dJ_dL": {"en": "Backward starts at J: J = L + s.", "zh": "反向传播从 J 开始：J = L + s。"},
    "bp.step.dJ_do": {
        "en": "Through the loss: for softmax cross-entropy, ∂L/∂o is the predicted probabilities minus the one-hot "
        "label.",
        "zh": "经过损失函数：对 softmax 交叉熵，∂L/∂o 等于预测概率减去标签的独热编码。",
    },
    "bp.step.dJ_dW2": {
        "en": "The output layer's weights: one path through o (needs h from the forward pass), one through s.",
        "zh": "输出层的权重：一条路径经过 o（需要前向传播存储的 h），另一条经过 s。",
    },
    "bp.step.dJ_db2": {
        "en": "The output bias: o depends on b⁽²⁾ with slope 1.",
        "zh": "输出层的偏置：o 对 b⁽²⁾ 的导数为 1。",
    },
    "bp.step.dJ_dh": {"en": "Back into the hidden layer, through W⁽²⁾.", "zh": "经过 W⁽²⁾ 回到隐藏层。"},
    "bp.step.dJ_dz": {
        "en": "Through the activation function: element-wise product with φ'(z) (needs z from the forward pass).",
        "zh": "经过激活函数：与 φ'(z) 按元素相乘（需要前向传播存储的 z）。",
    },
    "bp.step.dJ_dW1": {
        "en": "The hidden layer's weights: through z (needs x) and through s. The backward pass now has every "
        "gradient an SGD step needs.",
        "zh": "隐藏层的权重：一条路径经过 z（需要 x），另一条经过 s。至此，反向传播已得到一步随机梯度下降所需的全部梯度。",
    },
    "bp.step.dJ_db1": {
        "en": "The hidden bias: z depends on b⁽¹⁾ with slope 1.",
        "zh": "隐藏层的偏置：z 对 b⁽¹⁾ 的导数为 1。",
    },
    "bp.label_is": {"en": "Label y = {y} (classes counted from 0).", "zh": "标签 y = {y}（类别从 0 开始编号）。"},
    "bp.dJ_ds_note": {
        "en": "∂J/∂s = 1 as well: s reaches W⁽¹⁾ and W⁽²⁾ with ∂s/∂W = λW.",
        "zh": "同样有 ∂J/∂s = 1：s 通过 ∂s/∂W = λW 传到 W⁽¹⁾ 和 W⁽²⁾。",
    },
    "bp.writeup_slip": {
        "en": "The book prints this formula as above. The chapter write-up we follow prints ∂J/∂z = W⁽²⁾ᵀ ∂J/∂h ⊙ "
        "φ'(z) instead, with one W⁽²⁾ᵀ too many: it was already used to get ∂J/∂h. {here}",
        "zh": "书中印的就是上面的公式。我们所依据的本章学习笔记却写成 ∂J/∂z = W⁽²⁾ᵀ ∂J/∂h ⊙ φ'(z)，"
        "多了一个 W⁽²⁾ᵀ：它在求 ∂J/∂h 时已经用过了。{here}",
    },
    "bp.writeup_shapes": {
        "en": "With h = {h} and q = {q} that product does not even have matching shapes (W⁽²⁾ᵀ is {h} × {q}, "
        "∂J/∂h has {h} entries).",
        "zh": "当 h = {h}、q = {q} 时，这个乘积的形状甚至对不上（W⁽²⁾ᵀ 是 {h} × {q} 的矩阵，∂J/∂h 有 {h} 个元素）。",
    },
    "bp.writeup_wrong": {
        "en": "With h = q = {h} the shapes match, and it is still wrong: here it differs from the right ∂J/∂z "
        "by up to {error:.3f}.",
        "zh": "当 h = q = {h} 时形状对得上，但结果仍然是错的：这里它与正确的 ∂J/∂z 最多相差 {error:.3f}。",
    },
    "bp.check": {"en": "Are the hand-derived gradients right?", "zh": "手工推导的梯度对吗？"},
    "bp.check_text": {
        "en": "Each gradient of the walk-through against `torch.autograd` on the same J, and against central finite "
        "differences $(J(w+\\varepsilon)-J(w-\\varepsilon))/2\\varepsilon$ with $\\varepsilon = 10^{-6}$, one "
        "weight at a time, all in float64. Largest absolute difference per parameter:",
        "zh": "把上面推导出的每个梯度与同一个 J 上 `torch.autograd` 的结果比较，再与中心差分 "
        "$(J(w+\\varepsilon)-J(w-\\varepsilon))/2\\varepsilon$（$\\varepsilon = 10^{-6}$，逐个权重计算）比较，"
        "全部使用 float64。每个参数的最大绝对误差：",
    },
    "bp.col_param": {"en": "gradient", "zh": "梯度"},
    "bp.col_autograd": {"en": "max |hand − autograd|", "zh": "max |手工推导 − autograd|"},
    "bp.col_fd": {"en": "max |hand − finite difference|", "zh": "max |手工推导 − 有限差分|"},
    "bp.check_result": {
        "en": "The hand-derived gradients are right for this draw: largest error against autograd {auto:.1e} "
        "(rounding only, below {auto_tol:.0e}); against finite differences {fd:.1e} (the difference quotient's "
        "own error, below {fd_tol:.0e}).",
        "zh": "对这次抽样，手工推导的梯度是对的：与 autograd 的最大误差为 {auto:.1e}（仅为舍入误差，低于 {auto_tol:.0e}）；"
        "与有限差分的最大误差为 {fd:.1e}（差商本身的误差，低于 {fd_tol:.0e}）。",
    },
    "bp.check_failed": {
        "en": "The hand-derived gradients disagree for this draw: largest error against autograd {auto:.1e} "
        "(accepted below {auto_tol:.0e}), against finite differences {fd:.1e} (accepted below {fd_tol:.0e}).",
        "zh": "对这次抽样，手工推导的梯度对不上：与 autograd 的最大误差为 {auto:.1e}（应低于 {auto_tol:.0e}），"
        "与有限差分的最大误差为 {fd:.1e}（应低于 {fd_tol:.0e}）。",
    },
    "bp.check_spread": {
        "en": "The same check on seeds {lo}–{hi} at these settings (a new x, y and weights each): {shown} of {n} "
        "pass; largest errors against autograd {errors}.",
        "zh": "在这些设置下对种子 {lo}–{hi} 做同样的检验（每个种子抽取新的 x、y 和权重）：{n} 个中有 {shown} 个通过；"
        "与 autograd 的最大误差依次为 {errors}。",
    },
    "bp.sep": {"en": ", ", "zh": "、"},
    "bp.mem": {"en": "Training needs more memory than prediction", "zh": "训练比预测需要更多的内存"},
    "bp.mem_text": {
        "en": "Backward propagation reuses the intermediate values the forward pass stored, so training keeps them "
        "until backward is done; prediction can drop each one once the next layer has it. The book adds that "
        "these values grow roughly in proportion to the number of layers and the batch size. We count the bytes "
        "autograd really keeps (every tensor it saves for backward, via "
        "`torch.autograd.graph.saved_tensors_hooks`, parameters excluded) for the Fashion-MNIST MLP with "
        "256-unit hidden layers. The bytes depend only on the shapes, so random images stand in for the data.",
        "zh": "反向传播要重复利用前向传播中存储的中间值，所以训练时必须保留这些值，直到反向传播完成；"
        "预测时，每个中间值一旦交给下一层就可以丢弃。书中还指出，这些中间值的大小与网络层数和批量大小大致成正比。"
        "我们统计 autograd 实际保存的字节数（通过 `torch.autograd.graph.saved_tensors_hooks` 记录为反向传播保存的每个张量，"
        "不含参数本身），网络是隐藏层宽 256 的 Fashion-MNIST 多层感知机。字节数只取决于张量的形状，因此用随机图像代替数据。",
    },
    "bp.mem_model": {"en": "Implementation", "zh": "实现方式"},
    "bp.mem_model_help": {
        "en": "concise: nn.Linear + nn.ReLU. scratch: the book's relu = torch.max(X, zeros), which makes autograd "
        "keep its two inputs as well: the same maths, about three times the memory per hidden layer.",
        "zh": "concise：nn.Linear + nn.ReLU。scratch：书中的 relu = torch.max(X, zeros)，"
        "autograd 还要保存它的两个输入：数学上相同，每个隐藏层却要占用约三倍的内存。",
    },
    "bp.mem_progress": {"en": "Measuring…", "zh": "正在测量……"},
    "bp.mem_batch": {"en": "batch size", "zh": "批量大小"},
    "bp.mem_mib": {"en": "MiB kept for backward (log)", "zh": "为反向传播保存的 MiB（对数）"},
    "bp.mem_depth": {"en": "hidden layers", "zh": "隐藏层数"},
    "bp.mem_depth_n": {"en": "{n} hidden layer(s)", "zh": "{n} 个隐藏层"},
    "bp.mem_alt": {
        "en": "MiB autograd keeps for backward against the batch size, both on log scales, one line per number of "
        "hidden layers ({depths}): from {lo:.3g} MiB ({lo_depth} hidden layer, batch {lo_batch}) to {hi:.3g} "
        "MiB ({hi_depth} hidden layers, batch {hi_batch}); under torch.no_grad it keeps {predict} bytes.",
        "zh": "autograd 为反向传播保存的 MiB 随批量大小的变化，两轴均为对数坐标，每种隐藏层数（{depths}）一条线："
        "从 {lo:.3g} MiB（{lo_depth} 个隐藏层，批量 {lo_batch}）到 {hi:.3g} MiB（{hi_depth} 个隐藏层，批量 {hi_batch}）；"
        "在 torch.no_grad 下保存 {predict} 字节。",
    },
    "bp.mem_shows": {
        "en": "Straight lines of slope {slope:.3f} on the log-log chart: the memory is proportional to the batch "
        "size. Each added hidden layer keeps {per_layer:.0f} more bytes per example ({layer_floats:.0f} floats), "
        "so the memory grows linearly with depth (the input image is kept whatever the depth, hence "
        "“roughly proportional”). {depth} hidden layers at batch {batch}: {mib:.1f} MiB, that is {floats:.1f} "
        "floats per example (a plain count of what each operation keeps predicts {predicted}). Under "
        "torch.no_grad (prediction) autograd keeps {predict} bytes. The parameters themselves take {params:.2f} "
        "MiB, whatever the batch.",
        "zh": "在双对数坐标中是斜率为 {slope:.3f} 的直线：内存与批量大小成正比。每多一个隐藏层，每个样本多保存 "
        "{per_layer:.0f} 字节（{layer_floats:.0f} 个浮点数），所以内存随层数线性增长"
        "（无论多少层都要保存输入图像，所以说“大致”成正比）。{depth} 个隐藏层、批量 {batch}：{mib:.1f} MiB，"
        "即每个样本 {floats:.1f} 个浮点数（逐个运算统计应保存的量，预计为 {predicted}）。"
        "在 torch.no_grad 下（预测）autograd 保存 {predict} 字节。参数本身占 {params:.2f} MiB，与批量大小无关。",
    },
    "bp.mem_not": {
        "en": "This measurement does not show the pattern the book describes (3.7.4): log-log slopes against the batch size {slopes} "
        "(1 would be proportional), bytes per example added by each hidden layer {per_layer} (equal steps would "
        "be linear in depth), bytes kept under torch.no_grad {predict}. What autograd saves is PyTorch's choice "
        "and may differ between versions.",
        "zh": "这次测量没有呈现书中（3.7.4 节）所说的规律：对批量大小的双对数斜率为 {slopes}（正比时应为 1），"
        "每多一个隐藏层每个样本多保存的字节数为 {per_layer}（线性增长时应相等），在 torch.no_grad 下保存 {predict} 字节。"
        "autograd 保存哪些张量由 PyTorch 决定，不同版本可能不同。",
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
        "en": "the book's formulas (3.7.3)",
        "zh": "书中 3.7.3 节的公式",
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
        "en": "the book's formulas (3.7.3)",
        "zh": "书中 3.7.3 节的公式",
    },
    "check.backprop.hand_vs_finite_diff.tolerance": {
        "en": "< 1e-8 (seeds 0-9: 2.2e-10 to 3.6e-10)",
        "zh": "< 1e-8（种子 0-9：2.2e-10 至 3.6e-10）",
    },
}
STRINGS |= {
    "check.backprop.memory_as_the_book_says.quantity": {
        "en": "bytes autograd keeps for backward, concise Fashion-MNIST MLP (width 256, 1-8 hidden layers, batch "
        "1-4096): smallest log-log slope against the batch / bytes per example added by each hidden layer / "
        "bytes kept under torch.no_grad",
        "zh": "autograd 为反向传播保存的字节数，concise 版 Fashion-MNIST 多层感知机（宽 256，1-8 个隐藏层，批量 1-4096）："
        "对批量大小的最小双对数斜率 / 每多一个隐藏层每个样本多保存的字节数 / torch.no_grad 下保存的字节数",
    },
    "check.backprop.memory_as_the_book_says.source": {
        "en": "training needs more memory than prediction; the intermediate values grow roughly in proportion to "
        "the number of layers and the batch size",
        "zh": "训练比预测需要更多的内存；中间值的大小与网络层数和批量大小大致成正比",
    },
    "check.backprop.memory_as_the_book_says.tolerance": {
        "en": "slopes within 0.01 of 1, equal steps per layer (within 1%), 0 bytes under no_grad",
        "zh": "斜率与 1 相差不超过 0.01，每层增量相等（相差不超过 1%），no_grad 下 0 字节",
    },
    "check.backprop.hand_gradients_right.quantity": {
        "en": "seeds whose draw of the page's default graph (4-5-3, relu, λ = 0.1, no bias) passes the gradient "
        "check: hand-derived gradients within 1e-12 of autograd and 1e-8 of central differences",
        "zh": "本页默认计算图（4-5-3，relu，λ = 0.1，无偏置）的抽样通过梯度检验的种子："
        "手工推导的梯度与 autograd 相差小于 1e-12，与中心差分相差小于 1e-8",
    },
    "check.backprop.hand_gradients_right.source": {
        "en": "the page: “The hand-derived gradients are right for this draw”",
        "zh": "本页：“对这次抽样，手工推导的梯度是对的”",
    },
    "check.backprop.hand_gradients_right.tolerance": {
        "en": "all of seeds 0-7",
        "zh": "种子 0-7 全部通过",
    },
    "learn.bp.grad_shape.q": {
        "en": "With d = {d} inputs, h = {h} hidden units and q = {q} outputs: what shape does ∂J/∂W⁽¹⁾ have?",
        "zh": "d = {d} 个输入、h = {h} 个隐藏单元、q = {q} 个输出时：∂J/∂W⁽¹⁾ 的形状是什么？",
    },
    "learn.bp.grad_shape.c.h_d": {"en": "h × d", "zh": "h × d"},
    "learn.bp.grad_shape.c.d_h": {"en": "d × h", "zh": "d × h"},
    "learn.bp.grad_shape.c.h_1": {"en": "h (a vector, like z)", "zh": "h（向量，与 z 相同）"},
    "learn.bp.grad_shape.c.q_h": {"en": "q × h", "zh": "q × h"},
    "learn.bp.grad_shape.why": {
        "en": "∂J/∂W⁽¹⁾ = ∂J/∂z xᵀ + λW⁽¹⁾: an h-vector times a d-vector transposed, {rows} × {cols} ({n} numbers), "
        "exactly the shape of W⁽¹⁾, so a gradient step can subtract it entry by entry.",
        "zh": "∂J/∂W⁽¹⁾ = ∂J/∂z xᵀ + λW⁽¹⁾：h 维向量乘以 d 维向量的转置，得到 {rows} × {cols}（{n} 个数），"
        "正是 W⁽¹⁾ 的形状，所以梯度下降可以逐个元素地减去它。",
    },
    "learn.bp.grad_shape.why_square": {
        "en": "∂J/∂W⁽¹⁾ = ∂J/∂z xᵀ + λW⁽¹⁾ is {rows} × {cols} ({n} numbers), the shape of W⁽¹⁾; here h = d, so "
        "h × d and d × h look alike, but row i still belongs to hidden unit i. Make h ≠ d to tell them apart.",
        "zh": "∂J/∂W⁽¹⁾ = ∂J/∂z xᵀ + λW⁽¹⁾ 是 {rows} × {cols}（{n} 个数），与 W⁽¹⁾ 形状相同；这里 h = d，"
        "所以 h × d 和 d × h 看起来一样，但第 i 行仍属于第 i 个隐藏单元。让 h ≠ d 就能区分。",
    },
    "learn.bp.saved_mib.q": {
        "en": "Training the {model} MLP with {depth} hidden layers of {width} units on a batch of {batch} images: "
        "how many MiB does one forward pass keep for the backward pass, beyond what a prediction-only "
        "pass (under torch.no_grad) keeps?",
        "zh": "用 {batch} 张图像的批量训练 {model} 版多层感知机（{depth} 个隐藏层，每层 {width} 个单元）："
        "一次前向传播要为反向传播额外保存多少 MiB（与在 torch.no_grad 下只做预测的前向传播相比）？",
    },
    "learn.bp.saved_mib.y": {"en": "MiB kept for backward", "zh": "为反向传播保存的 MiB"},
    "learn.bp.saved_mib.why": {
        "en": "{floats:,.0f} floats per example times {batch} examples: {mib:.1f} MiB, {times:.0f} times the "
        "parameters' own {params:.1f} MiB, while prediction keeps {predict} bytes; the intermediate values, not "
        "the weights, fill the memory in training.",
        "zh": "每个样本 {floats:,.0f} 个浮点数，乘以 {batch} 个样本：{mib:.1f} MiB，是参数本身 {params:.1f} MiB 的 "
        "{times:.0f} 倍，而预测只保存 {predict} 字节；训练时占满内存的是中间变量，而不是权重。",
    },
    "learn.bp.still_w1.goal": {
        "en": "Using only the graph's controls at the top of the page, make every entry of ∂J/∂W⁽¹⁾ exactly 0: the first layer "
        "learns nothing from this example, although the loss is not 0.",
        "zh": "只用页面顶部计算图的控件，让 ∂J/∂W⁽¹⁾ 的每个元素都恰好为 0：尽管损失不为 0，"
        "第一层也从这个样本中学不到任何东西。",
    },
    "learn.bp.still_w1.passed": {
        "en": "∂J/∂W⁽¹⁾ is exactly 0 while the loss is {loss:.3f}: none of the {h} hidden units passes a gradient "
        "(φ′(z) = 0 for each) and λ = {lam:g} adds no λW⁽¹⁾.",
        "zh": "∂J/∂W⁽¹⁾ 恰好为 0，而损失为 {loss:.3f}：{h} 个隐藏单元都不传递梯度（每个的 φ′(z) = 0），"
        "且 λ = {lam:g} 不会加上 λW⁽¹⁾。",
    },
    "learn.bp.still_w1.off": {
        "en": "The largest entry of ∂J/∂W⁽¹⁾ is {largest:.3g}: {active} of {h} hidden units pass a gradient "
        "(φ′(z) ≠ 0 with {phi}) and λ = {lam:g}.",
        "zh": "∂J/∂W⁽¹⁾ 的最大元素为 {largest:.3g}：{h} 个隐藏单元中有 {active} 个传递梯度（{phi} 的 φ′(z) ≠ 0），"
        "且 λ = {lam:g}。",
    },
    "learn.bp.still_w1.penalty": {
        "en": "No hidden unit passes a gradient, yet ∂J/∂W⁽¹⁾ reaches {largest:.3g}: the penalty still adds "
        "λW⁽¹⁾ with λ = {lam:g}.",
        "zh": "没有隐藏单元传递梯度，但 ∂J/∂W⁽¹⁾ 仍达到 {largest:.3g}：惩罚项仍加上了 λW⁽¹⁾（λ = {lam:g}）。",
    },
    "learn.bp.still_w1.hint1": {
        "en": "∂J/∂W⁽¹⁾ = ∂J/∂z xᵀ + λW⁽¹⁾ has two terms: the penalty's λW⁽¹⁾ is there whatever the data, so "
        "set λ to 0.",
        "zh": "∂J/∂W⁽¹⁾ = ∂J/∂z xᵀ + λW⁽¹⁾ 有两项：惩罚项 λW⁽¹⁾ 与数据无关，始终存在，所以先把 λ 设为 0。",
    },
    "learn.bp.still_w1.hint2": {
        "en": "∂J/∂z = ∂J/∂h ⊙ φ′(z): only ReLU has φ′(z) = 0 (where z < 0). With fewer hidden units it is "
        "likelier that all of them are below 0; the walk-through's z step shows them.",
        "zh": "∂J/∂z = ∂J/∂h ⊙ φ′(z)：只有 ReLU 的 φ′(z) 会等于 0（在 z < 0 处）。隐藏单元越少，"
        "它们全都小于 0 的可能性越大；逐步演示中的 z 步骤会显示它们。",
    },
    # exercise 3.7.1
    "ex.3.7.1.title": {"en": "The shape of a gradient", "zh": "梯度的形状"},
    "ex.3.7.1.q": {
        "en": "A scalar function f takes an n × m matrix X as its input. What shape does the gradient of f with "
        "respect to X have?",
        "zh": "标量函数 f 的输入是一个 n × m 矩阵 X。f 关于 X 的梯度是什么形状？",
    },
    "ex.3.7.1.rows": {"en": "rows n of X", "zh": "X 的行数 n"},
    "ex.3.7.1.cols": {"en": "columns m of X", "zh": "X 的列数 m"},
    "ex.3.7.1.answer": {
        "en": "The gradient collects one partial derivative $\\partial f / \\partial x_{ij}$ for every entry of "
        "$\\mathbf{X}$: $n m$ numbers, arranged like $\\mathbf{X}$, so "
        "$\\nabla_{\\mathbf{X}} f \\in \\mathbb{R}^{n \\times m}$. That is what makes the update "
        "$\\mathbf{X} \\leftarrow \\mathbf{X} - \\eta \\nabla_{\\mathbf{X}} f$ work entry by entry. (Some texts "
        "write the derivative in the transposed, $m \\times n$, layout; the book and the frameworks keep the "
        "shape of $\\mathbf{X}$.) On this page: $J$ is a scalar and $\\mathbf{W}^{(1)}$ is $h \\times d$, so "
        "$\\partial J / \\partial \\mathbf{W}^{(1)}$ is $h \\times d$ too. The check below takes "
        "$f(\\mathbf{X}) = \\mathbf{u}^\\top \\tanh(\\mathbf{X}) \\mathbf{v} + \\tfrac{1}{2}\\|\\mathbf{X}\\|_F^2$ "
        "for the sizes you chose.",
        "zh": "梯度为 $\\mathbf{X}$ 的每个元素收集一个偏导数 $\\partial f / \\partial x_{ij}$：共 $n m$ 个数，"
        "按 $\\mathbf{X}$ 的形状排列，所以 $\\nabla_{\\mathbf{X}} f \\in \\mathbb{R}^{n \\times m}$。"
        "正因如此，更新 $\\mathbf{X} \\leftarrow \\mathbf{X} - \\eta \\nabla_{\\mathbf{X}} f$ 才能逐元素进行。"
        "（有些教材按转置的 $m \\times n$ 布局写导数；本书和深度学习框架都保持 $\\mathbf{X}$ 的形状。）"
        "在本页中：$J$ 是标量，$\\mathbf{W}^{(1)}$ 是 $h \\times d$ 矩阵，所以 "
        "$\\partial J / \\partial \\mathbf{W}^{(1)}$ 也是 $h \\times d$。下面的检查对你选的尺寸取 "
        "$f(\\mathbf{X}) = \\mathbf{u}^\\top \\tanh(\\mathbf{X}) \\mathbf{v} + \\tfrac{1}{2}\\|\\mathbf{X}\\|_F^2$。",
    },
    "ex.3.7.1.check.shape": {
        "en": "Autograd's ∂f/∂X for an X of {n} × {m} has shape {measured} ({entries} entries); the worked answer "
        "says {derived}.",
        "zh": "对 {n} × {m} 的 X，自动微分算出的 ∂f/∂X 形状为 {measured}（{entries} 个元素）；参考解答给出 {derived}。",
    },
    # exercise 3.7.2
    "ex.3.7.2.title": {"en": "A bias in the hidden layer", "zh": "给隐藏层加上偏置"},
    "ex.3.7.2.q": {
        "en": "Give the hidden layer of this section's model a bias b⁽¹⁾ (left out of the penalty). (a) Draw the "
        "computational graph. (b) Write the forward and backward propagation equations.",
        "zh": "给本节模型的隐藏层加上偏置 b⁽¹⁾（不放进正则化项）。(a) 画出计算图。(b) 写出前向传播和反向传播的方程。",
    },
    "ex.3.7.2.try": {
        "en": "Switch on the biases at the top of the page to see the graph and the walk-through with them "
        "(the page adds the output layer's b⁽²⁾ too); the checks use the page's sizes, activation and λ.",
        "zh": "打开页面顶部的偏置开关，就能看到带偏置的计算图和逐步演示（页面还加上了输出层的 b⁽²⁾）；"
        "下面的检查使用页面上的尺寸、激活函数和 λ。",
    },
    "ex.3.7.2.answer": {
        "en": "**(a) The graph.** One new input node, $\\mathbf{b}^{(1)}$, enters the node that computes "
        "$\\mathbf{z}$ next to $\\mathbf{W}^{(1)}\\mathbf{x}$; it has no edge to the penalty $s$:\n\n"
        "$\\mathbf{x}, \\mathbf{W}^{(1)}, \\mathbf{b}^{(1)} \\to \\mathbf{z} \\to \\mathbf{h} \\to \\mathbf{o} "
        "\\to L \\to J$, with $\\mathbf{W}^{(2)} \\to \\mathbf{o}$, $\\mathbf{W}^{(1)}, \\mathbf{W}^{(2)} \\to s "
        "\\to J$.\n\n"
        "**(b) Forward.** $\\mathbf{z} = \\mathbf{W}^{(1)}\\mathbf{x} + \\mathbf{b}^{(1)}$, "
        "$\\mathbf{h} = \\phi(\\mathbf{z})$, $\\mathbf{o} = \\mathbf{W}^{(2)}\\mathbf{h}$, $L = l(\\mathbf{o}, y)$, "
        "$s = \\frac{\\lambda}{2}(\\|\\mathbf{W}^{(1)}\\|_F^2 + \\|\\mathbf{W}^{(2)}\\|_F^2)$, $J = L + s$.\n\n"
        "**Backward.** As in the section, and one new line:\n\n"
        "$\\frac{\\partial J}{\\partial \\mathbf{o}} = \\frac{\\partial L}{\\partial \\mathbf{o}}$, "
        "$\\frac{\\partial J}{\\partial \\mathbf{W}^{(2)}} = \\frac{\\partial J}{\\partial \\mathbf{o}}\\mathbf{h}^\\top "
        "+ \\lambda \\mathbf{W}^{(2)}$, "
        "$\\frac{\\partial J}{\\partial \\mathbf{h}} = \\mathbf{W}^{(2)\\top}\\frac{\\partial J}{\\partial \\mathbf{o}}$, "
        "$\\frac{\\partial J}{\\partial \\mathbf{z}} = \\frac{\\partial J}{\\partial \\mathbf{h}} \\odot \\phi'(\\mathbf{z})$, "
        "$\\frac{\\partial J}{\\partial \\mathbf{W}^{(1)}} = \\frac{\\partial J}{\\partial \\mathbf{z}}\\mathbf{x}^\\top "
        "+ \\lambda \\mathbf{W}^{(1)}$, and\n\n"
        "$\\frac{\\partial J}{\\partial \\mathbf{b}^{(1)}} = \\frac{\\partial J}{\\partial \\mathbf{z}}$, because "
        "$\\partial \\mathbf{z} / \\partial \\mathbf{b}^{(1)}$ is the identity and $s$ does not contain "
        "$\\mathbf{b}^{(1)}$ (no $\\lambda$ term). The bias only shifts $\\mathbf{z}$, so every other formula "
        "keeps its form (their values change through $\\mathbf{z}$). For a minibatch, "
        "$\\partial J / \\partial \\mathbf{b}^{(1)}$ sums $\\partial J / \\partial \\mathbf{z}$ over the examples.",
        "zh": "**(a) 计算图。** 多了一个输入节点 $\\mathbf{b}^{(1)}$，它和 $\\mathbf{W}^{(1)}\\mathbf{x}$ 一起进入计算 "
        "$\\mathbf{z}$ 的节点；它与正则化项 $s$ 之间没有边：\n\n"
        "$\\mathbf{x}, \\mathbf{W}^{(1)}, \\mathbf{b}^{(1)} \\to \\mathbf{z} \\to \\mathbf{h} \\to \\mathbf{o} "
        "\\to L \\to J$，另有 $\\mathbf{W}^{(2)} \\to \\mathbf{o}$ 和 $\\mathbf{W}^{(1)}, \\mathbf{W}^{(2)} \\to s "
        "\\to J$。\n\n"
        "**(b) 前向传播。** $\\mathbf{z} = \\mathbf{W}^{(1)}\\mathbf{x} + \\mathbf{b}^{(1)}$，"
        "$\\mathbf{h} = \\phi(\\mathbf{z})$，$\\mathbf{o} = \\mathbf{W}^{(2)}\\mathbf{h}$，$L = l(\\mathbf{o}, y)$，"
        "$s = \\frac{\\lambda}{2}(\\|\\mathbf{W}^{(1)}\\|_F^2 + \\|\\mathbf{W}^{(2)}\\|_F^2)$，$J = L + s$。\n\n"
        "**反向传播。** 与本节相同，只多一行：\n\n"
        "$\\frac{\\partial J}{\\partial \\mathbf{o}} = \\frac{\\partial L}{\\partial \\mathbf{o}}$，"
        "$\\frac{\\partial J}{\\partial \\mathbf{W}^{(2)}} = \\frac{\\partial J}{\\partial \\mathbf{o}}\\mathbf{h}^\\top "
        "+ \\lambda \\mathbf{W}^{(2)}$，"
        "$\\frac{\\partial J}{\\partial \\mathbf{h}} = \\mathbf{W}^{(2)\\top}\\frac{\\partial J}{\\partial \\mathbf{o}}$，"
        "$\\frac{\\partial J}{\\partial \\mathbf{z}} = \\frac{\\partial J}{\\partial \\mathbf{h}} \\odot \\phi'(\\mathbf{z})$，"
        "$\\frac{\\partial J}{\\partial \\mathbf{W}^{(1)}} = \\frac{\\partial J}{\\partial \\mathbf{z}}\\mathbf{x}^\\top "
        "+ \\lambda \\mathbf{W}^{(1)}$，以及\n\n"
        "$\\frac{\\partial J}{\\partial \\mathbf{b}^{(1)}} = \\frac{\\partial J}{\\partial \\mathbf{z}}$，因为 "
        "$\\partial \\mathbf{z} / \\partial \\mathbf{b}^{(1)}$ 是单位矩阵，而 $s$ 不含 $\\mathbf{b}^{(1)}$"
        "（没有 $\\lambda$ 项）。偏置只是平移了 $\\mathbf{z}$，所以其他公式的形式都不变（它们的值通过 "
        "$\\mathbf{z}$ 改变）。对一个小批量，$\\partial J / \\partial \\mathbf{b}^{(1)}$ 是各样本的 "
        "$\\partial J / \\partial \\mathbf{z}$ 之和。",
    },
    "ex.3.7.2.check.forward": {
        "en": "J from the worked answer's forward equations: {J:.6f}; through torch's layers and cross-entropy: "
        "{reference:.6f}; gap {gap:.1e}.",
        "zh": "按参考解答的前向传播方程算出 J = {J:.6f}；用 torch 的层和交叉熵算出 {reference:.6f}；差距 {gap:.1e}。",
    },
    "ex.3.7.2.check.backward": {
        "en": "The worked answer's gradients against autograd ({phi}, λ = {lam:g}): largest gaps ∂J/∂b⁽¹⁾ {b1:.1e}, "
        "∂J/∂W⁽¹⁾ {W1:.1e}, ∂J/∂W⁽²⁾ {W2:.1e}.",
        "zh": "参考解答的梯度与自动微分比较（{phi}，λ = {lam:g}）：最大差距 ∂J/∂b⁽¹⁾ {b1:.1e}，"
        "∂J/∂W⁽¹⁾ {W1:.1e}，∂J/∂W⁽²⁾ {W2:.1e}。",
    },
    # exercise 3.7.3
    "ex.3.7.3.title": {"en": "Memory for training and for prediction", "zh": "训练和预测的内存占用"},
    "ex.3.7.3.q": {
        "en": "How much memory does this section's model need for training, and how much for prediction?",
        "zh": "本节的模型在训练时需要多少内存？预测时又需要多少？",
    },
    "ex.3.7.3.try": {
        "en": "Change d, h, q and the biases at the top of the page: the checks count what autograd keeps for "
        "those sizes. The memory section above measures the same for the Fashion-MNIST MLP and whole minibatches.",
        "zh": "改变页面顶部的 d、h、q 和偏置：下面的检查会按这些尺寸数出自动微分保留的内容。"
        "上面的内存部分对 Fashion-MNIST 多层感知机和整个小批量测量了同样的量。",
    },
    "ex.3.7.3.answer": {
        "en": "Count numbers for one example with sizes $d$, $h$, $q$ (times the bytes per number, and times the "
        "batch size $n$ for the intermediate values).\n\n"
        "**Training.** The parameters, $hd + qh$ (plus $h$ for $\\mathbf{b}^{(1)}$, $q$ for "
        "$\\mathbf{b}^{(2)}$), their gradients as many again (an optimiser with momentum keeps more), and what "
        "forward propagation must keep for the backward pass: $\\mathbf{x}$ (for "
        "$\\partial J/\\partial \\mathbf{W}^{(1)}$), $\\mathbf{h}$ (for $\\partial J/\\partial \\mathbf{W}^{(2)}$; "
        "for ReLU, sigmoid and tanh, $\\phi'(\\mathbf{z})$ can be computed from $\\mathbf{h}$, so $\\mathbf{z}$ "
        "need not be kept) and $\\operatorname{softmax}(\\mathbf{o})$ (for $\\partial J/\\partial \\mathbf{o}$), "
        "plus the label and the loss's divisor: $d + h + q + 2$ numbers per example. A naive count that keeps "
        "every node, $\\mathbf{z}$ and $\\mathbf{o}$ too, gives $d + 2h + 2q$.\n\n"
        "**Prediction.** Only the parameters, and the values of the layer being computed: each can be freed "
        "once the next layer has it, at most $\\max(d + h, h + q)$ numbers per example at a time, and nothing is "
        "kept for a backward pass.\n\n"
        "So training needs about twice the parameters plus an amount proportional to the batch size and to the "
        "depth, which is what the memory section above measures for the Fashion-MNIST MLP.",
        "zh": "对尺寸为 $d$、$h$、$q$ 的一个样本数一数要存多少个数（再乘以每个数的字节数；中间变量还要乘以批量大小 "
        "$n$）。\n\n"
        "**训练。** 参数 $hd + qh$ 个（有 $\\mathbf{b}^{(1)}$ 再加 $h$，有 $\\mathbf{b}^{(2)}$ 再加 $q$），"
        "同样多的梯度（带动量的优化器还要更多），以及前向传播必须为反向传播保留的值：$\\mathbf{x}$（用于 "
        "$\\partial J/\\partial \\mathbf{W}^{(1)}$）、$\\mathbf{h}$（用于 $\\partial J/\\partial \\mathbf{W}^{(2)}$；"
        "对 ReLU、sigmoid 和 tanh，$\\phi'(\\mathbf{z})$ 可以由 $\\mathbf{h}$ 算出，所以不必保留 $\\mathbf{z}$）"
        "和 $\\operatorname{softmax}(\\mathbf{o})$（用于 $\\partial J/\\partial \\mathbf{o}$），"
        "再加上标签和损失的除数：每个样本 $d + h + q + 2$ 个数。如果天真地保留每个节点，"
        "连同 $\\mathbf{z}$ 和 $\\mathbf{o}$，就是 $d + 2h + 2q$。\n\n"
        "**预测。** 只需要参数和正在计算的那一层的值：下一层一旦算出，前一层即可释放，"
        "每个样本同一时刻最多 $\\max(d + h, h + q)$ 个数，也不为反向传播保留任何东西。\n\n"
        "所以训练大约需要两倍的参数量，再加上与批量大小和层数成正比的部分，这正是上面内存部分对 "
        "Fashion-MNIST 多层感知机测量到的。",
    },
    "ex.3.7.3.check.kept": {
        "en": "Computing J for the page's graph (d = {d}, h = {h}, q = {q}), autograd keeps {tensors} tensors holding "
        "{measured} numbers for the backward pass (parameters aside); the worked answer counts d + h + q + 2 = "
        "{derived}.",
        "zh": "为页面上的计算图（d = {d}，h = {h}，q = {q}）计算 J 时，自动微分为反向传播保留了 {tensors} 个张量，"
        "共 {measured} 个数（参数除外）；参考解答数出 d + h + q + 2 = {derived}。",
    },
    "ex.3.7.3.check.params": {
        "en": "Numbers in the parameters: {params}; in their gradients after backward: {grads}; the worked answer "
        "counts {derived}.",
        "zh": "参数中的数：{params} 个；反向传播后梯度中的数：{grads} 个；参考解答数出 {derived} 个。",
    },
    "ex.3.7.3.check.predict": {
        "en": "Computing J for prediction (no gradients): autograd keeps {tensors} tensors, {measured} numbers.",
        "zh": "为预测计算 J（不求梯度）时：自动微分保留 {tensors} 个张量，共 {measured} 个数。",
    },
    # exercise 3.7.4
    "ex.3.7.4.title": {"en": "Second derivatives", "zh": "二阶导数"},
    "ex.3.7.4.q": {
        "en": "Suppose you want second derivatives. What happens to the computational graph, and how long do you "
        "expect the computation to take?",
        "zh": "假设想计算二阶导数。计算图会发生什么变化？预计计算要花多长时间？",
    },
    "ex.3.7.4.try": {
        "en": "Run on a Fashion-MNIST-sized MLP (tanh hidden layer): compare a gradient with a Hessian-vector "
        "product, then raise the hidden units and the batch size.",
        "zh": "在 Fashion-MNIST 大小的多层感知机（tanh 隐藏层）上运行：比较一次梯度和一次 Hessian-向量积，"
        "再增大隐藏单元数和批量大小。",
    },
    "ex.3.7.4.width": {"en": "hidden units", "zh": "隐藏单元数"},
    "ex.3.7.4.batch": {"en": "batch size", "zh": "批量大小"},
    "ex.3.7.4.running": {
        "en": "Timing gradients and Hessian-vector products…",
        "zh": "正在计时梯度和 Hessian-向量积……",
    },
    "ex.3.7.4.finding": {
        "en": "With {width} hidden units and a batch of {batch} ({params:,} parameters), the loss's computational "
        "graph has {nodes_loss} operations; the graph of the gradient dotted with a vector, which a second "
        "derivative differentiates, has {nodes_hvp}. One gradient took {grad_ms:.1f} ms, one Hessian-vector "
        "product {hvp_ms:.1f} ms ({ratio:.1f}×). The full Hessian needs {params:,} such products: about "
        "{hessian_hours:.2g} hours here, and {hessian_gb:,.0f} GB to store in float32.",
        "zh": "隐藏单元 {width} 个、批量大小 {batch}（{params:,} 个参数）时，损失的计算图有 {nodes_loss} 个运算；"
        "二阶导数要对“梯度与一个向量的内积”再求导，它的计算图有 {nodes_hvp} 个运算。一次梯度用了 {grad_ms:.1f} 毫秒，"
        "一次 Hessian-向量积用了 {hvp_ms:.1f} 毫秒（{ratio:.1f} 倍）。完整的 Hessian 矩阵需要 {params:,} 次这样的乘积："
        "在这里约 {hessian_hours:.2g} 小时，以 float32 存储需要 {hessian_gb:,.0f} GB。",
    },
    "ex.3.7.4.finding_noisy": {
        "en": "With {width} hidden units and a batch of {batch} ({params:,} parameters), the loss's computational "
        "graph has {nodes_loss} operations; the graph of the gradient dotted with a vector, which a second "
        "derivative differentiates, has {nodes_hvp}. One gradient took {grad_ms:.1f} ms and one Hessian-vector "
        "product {hvp_ms:.1f} ms: faster, though it does more work, so other work on the machine disturbed the "
        "timing (the fastest of {repeats} tries is kept); run again. The full Hessian needs {params:,} such "
        "products and {hessian_gb:,.0f} GB to store in float32.",
        "zh": "隐藏单元 {width} 个、批量大小 {batch}（{params:,} 个参数）时，损失的计算图有 {nodes_loss} 个运算；"
        "二阶导数要对“梯度与一个向量的内积”再求导，它的计算图有 {nodes_hvp} 个运算。一次梯度用了 {grad_ms:.1f} 毫秒，"
        "一次 Hessian-向量积用了 {hvp_ms:.1f} 毫秒：它做的工作更多却更快，说明机器上的其他任务干扰了计时"
        "（保留 {repeats} 次尝试中最快的一次）；请再运行一次。完整的 Hessian 矩阵需要 {params:,} 次这样的乘积，"
        "以 float32 存储需要 {hessian_gb:,.0f} GB。",
    },
    "ex.3.7.4.s.grad": {"en": "gradient", "zh": "梯度"},
    "ex.3.7.4.s.hvp": {"en": "Hessian-vector product", "zh": "Hessian-向量积"},
    "ex.3.7.4.x": {"en": "hidden units", "zh": "隐藏单元数"},
    "ex.3.7.4.y": {"en": "time (ms)", "zh": "时间（毫秒）"},
    "ex.3.7.4.answer": {
        "en": "To differentiate a gradient, the backward pass itself must be recorded: every operation of "
        "backpropagation becomes a node of a new graph (`create_graph=True` in PyTorch), which contains the "
        "forward graph and a mirrored backward one, so it is a few times larger and its intermediate values must "
        "be kept as well (the run counts the operations).\n\n"
        "One second derivative along a direction $\\mathbf{v}$, the Hessian-vector product "
        "$\\mathbf{H}\\mathbf{v} = \\nabla(\\nabla J \\cdot \\mathbf{v})$, then costs one more backward pass: a "
        "small constant times a gradient (the run times it). The full Hessian is another matter: with $P$ "
        "parameters it has $P^2$ entries and needs $P$ such products, one per column, so time grows like $P$ "
        "gradients and memory like $P^2$, out of reach for any sizeable network. This is why second-order "
        "information in deep learning is used through Hessian-vector products or cheap approximations (a "
        "diagonal, a low-rank estimate). Note also that with ReLU the second derivative is zero almost "
        "everywhere; the run uses tanh.",
        "zh": "要对梯度再求导，就必须把反向传播本身也记录下来：反向传播的每个运算都成为一个新计算图的节点"
        "（PyTorch 中的 `create_graph=True`），这个图包含前向计算图和一个镜像的反向计算图，所以大了好几倍，"
        "而且它的中间变量也必须保留（运行结果数出了运算的个数）。\n\n"
        "沿一个方向 $\\mathbf{v}$ 的二阶导数，即 Hessian-向量积 "
        "$\\mathbf{H}\\mathbf{v} = \\nabla(\\nabla J \\cdot \\mathbf{v})$，只需再做一次反向传播：代价是一次梯度的"
        "常数倍（运行结果给出了计时）。完整的 Hessian 矩阵则不同：有 $P$ 个参数时它有 $P^2$ 个元素，"
        "需要 $P$ 次这样的乘积（每列一次），所以时间按 $P$ 次梯度增长，内存按 $P^2$ 增长，对稍大的网络就无法承受。"
        "因此深度学习中的二阶信息通常通过 Hessian-向量积或廉价的近似（对角线、低秩估计）来使用。"
        "另外请注意，ReLU 的二阶导数几乎处处为零；这里的运行使用 tanh。",
    },
    # exercise 3.7.5
    "ex.3.7.5.title": {"en": "A graph too large for one GPU", "zh": "一个 GPU 放不下的计算图"},
    "ex.3.7.5.q": {
        "en": "The computational graph no longer fits on your GPU. (a) How could you split it across several GPUs? "
        "(b) What are the advantages and drawbacks compared with training on smaller minibatches?",
        "zh": "计算图太大，当前的 GPU 放不下。(a) 怎样把它划分到多个 GPU 上？(b) 与用更小的小批量训练相比，"
        "有哪些优点和缺点？",
    },
    "ex.3.7.5.try": {
        "en": "The memory section above shows what grows with the batch size (the kept intermediate values) and "
        "what does not (the parameters).",
        "zh": "上面的内存部分显示了哪些随批量大小增长（保留的中间变量），哪些不随之增长（参数）。",
    },
    "ex.3.7.5.answer": {
        "en": "**(a) Splitting the graph.** *By layers* (model or pipeline parallelism): GPU 1 holds "
        "$\\mathbf{W}^{(1)}$ and computes $\\mathbf{h}$, sends it to GPU 2, which holds $\\mathbf{W}^{(2)}$ and "
        "computes $\\mathbf{o}$ and $J$; backward runs the other way, GPU 2 sending "
        "$\\partial J / \\partial \\mathbf{h}$ back. Each GPU keeps only its layers' parameters, gradients and "
        "stored intermediates. Splitting the minibatch into micro-batches lets the GPUs work at the same time "
        "instead of waiting for each other. *Within a layer* (tensor parallelism): each GPU holds some rows of "
        "$\\mathbf{W}^{(1)}$ (some hidden units) and computes its part of $\\mathbf{h}$; the parts are gathered "
        "before the next layer. (Copying the whole model to each GPU and splitting the batch, data parallelism, "
        "only helps once the model itself fits.)\n\n"
        "**(b) Against smaller minibatches.** A smaller minibatch shrinks only the intermediate values, which are "
        "proportional to the batch size, not the parameters and their gradients; it needs no extra hardware or "
        "communication, but gives noisier gradients, uses the GPU less efficiently, may need another learning "
        "rate, and cannot help when the parameters alone do not fit. Splitting across GPUs keeps the batch and "
        "can hold models no single GPU can, but pays for communication at every cut, in both directions, leaves "
        "GPUs idle while they wait for each other unless the work is pipelined, needs a balanced split, and "
        "makes the code more complex.",
        "zh": "**(a) 划分计算图。** *按层划分*（模型并行或流水线并行）：GPU 1 存放 $\\mathbf{W}^{(1)}$ 并计算 "
        "$\\mathbf{h}$，把它发给 GPU 2；GPU 2 存放 $\\mathbf{W}^{(2)}$ 并计算 $\\mathbf{o}$ 和 $J$；"
        "反向传播按相反方向进行，GPU 2 把 $\\partial J / \\partial \\mathbf{h}$ 传回。每个 GPU 只保存自己那几层的参数、"
        "梯度和中间变量。把小批量再分成几个微批量，可以让各 GPU 同时工作，而不是互相等待。"
        "*在一层内部划分*（张量并行）：每个 GPU 存放 $\\mathbf{W}^{(1)}$ 的若干行（若干隐藏单元），"
        "计算 $\\mathbf{h}$ 的一部分；进入下一层之前把各部分汇总。（把整个模型复制到每个 GPU 上、"
        "只划分批量的数据并行，只有在模型本身放得下时才有用。）\n\n"
        "**(b) 与更小的小批量相比。** 更小的小批量只缩小中间变量（它们与批量大小成正比），"
        "不会缩小参数及其梯度；它不需要额外的硬件或通信，但梯度噪声更大、GPU 利用率更低、可能需要换一个学习率，"
        "而且参数本身就放不下时毫无帮助。划分到多个 GPU 上可以保持批量大小，能容纳单个 GPU 放不下的模型，"
        "但在每个切分处都要双向通信，除非用流水线，否则各 GPU 会互相等待而空闲，还需要均衡地划分，代码也更复杂。",
    },
}
