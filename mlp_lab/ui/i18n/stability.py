"""Strings of the numerical-stability and initialisation page (3.8)."""

STRINGS: dict[str, dict[str, str]] = {
    "page.stability": {"en": "3.8 Numerical stability and initialisation", "zh": "3.8 数值稳定性和模型初始化"},
    "stability.sep": {"en": "; ", "zh": "；"},  # between the parts of a sentence built from a run
    "stability.space": {"en": " ", "zh": ""},  # between two sentences
    "stability.intro": {
        "en": "How we start the parameters decides whether training works at all. The gradient of a deep "
        "network with respect to layer $l$'s weights is a product of $L - l$ matrices $\\mathbf{{M}}^{{(t)}}$ and one "
        "vector $\\mathbf{{v}}^{{(l)}}$: when the factors tend to shrink what they multiply, the product goes to 0 "
        "(**vanishing gradients**); when they tend to enlarge it, it grows without bound (**exploding gradients**); "
        "see the book's [3.8]({link}). Every experiment below runs live; the sidebar's seed fixes the random "
        "numbers, and every number quoted in the text comes from the run on screen.",
        "zh": "参数如何初始化，决定了训练能否顺利进行。深层网络关于第 $l$ 层权重的梯度，是 $L - l$ 个矩阵 "
        "$\\mathbf{{M}}^{{(t)}}$ 与梯度向量 $\\mathbf{{v}}^{{(l)}}$ 的乘积：这些矩阵如果总把向量缩小，乘积就趋于 0，"
        "即**梯度消失**；如果总把向量放大，乘积就急剧增大，即**梯度爆炸**（见书中 [3.8 节]({link})）。"
        "下面的每个实验都是实时运行的；侧边栏的随机种子固定了随机数，正文中引用的每个数字都来自页面上的这次运行。",
    },
    # vanishing
    "stability.vanish": {"en": "Vanishing gradients", "zh": "梯度消失"},
    "stability.vanish_text": {
        "en": "The sigmoid $1/(1+e^{-x})$ flattens out on both sides, and its gradient is never larger than "
        "$1/4$ (left, the book's figure). Every sigmoid layer multiplies the gradient passing back through it "
        "by such a slope, so the bottom of a deep stack may hear almost nothing (right: the RMS gradient of the "
        "first layer's weights in stacks of 1 to L layers of width 64; each activation with its matching "
        "initialisation, Xavier for sigmoid and tanh, Kaiming for ReLU).",
        "zh": "sigmoid 函数 $1/(1+e^{-x})$ 在两侧都趋于平坦，它的梯度最大也只有 $1/4$（左图，即书中的图）。"
        "梯度每反向穿过一个 sigmoid 层，就要乘上这样一个斜率，所以深层网络的底部可能几乎收不到梯度"
        "（右图：由 1 到 L 个宽度为 64 的层堆叠而成的网络中，第一层权重梯度的均方根；每种激活函数配以相应的初始化："
        "sigmoid 和 tanh 用 Xavier，ReLU 用 Kaiming）。",
    },
    "stability.sigmoid": {"en": "sigmoid(x)", "zh": "sigmoid(x)"},
    "stability.sigmoid_grad": {"en": "gradient of sigmoid", "zh": "sigmoid 的梯度"},
    "stability.alt_sigmoid": {
        "en": "Line chart: sigmoid rises from {lo:.4f} at x = {x0:.0f} to {hi:.4f} at x = {x1:.1f}; its gradient "
        "peaks at {top:.4f} at x = {at:.1f} and stays below 0.01 beyond |x| = {far:.1f}.",
        "zh": "折线图：sigmoid 从 x = {x0:.0f} 处的 {lo:.4f} 升到 x = {x1:.1f} 处的 {hi:.4f}；它的梯度在 x = {at:.1f} "
        "处达到最大值 {top:.4f}，|x| 超过 {far:.1f} 后一直低于 0.01。",
    },
    "stability.vdepth": {"en": "Deepest stack L", "zh": "最深的层数 L"},
    "stability.depth_axis": {"en": "layers in the stack", "zh": "网络的层数"},
    "stability.grad_axis": {"en": "RMS gradient of layer 1", "zh": "第 1 层梯度的均方根"},
    "stability.activation": {"en": "Activation", "zh": "激活函数"},
    "stability.alt_vanish": {
        "en": "Line chart, log scale: RMS gradient of layer 1 against the number of layers (1 to {depth}): {parts}.",
        "zh": "折线图（对数坐标）：第 1 层梯度的均方根随层数（1 到 {depth}）的变化：{parts}。",
    },
    "stability.alt_vanish_part": {
        "en": "{act} from {first:.1e} to {last:.1e}",
        "zh": "{act} 从 {first:.1e} 变为 {last:.1e}",
    },
    "stability.vanish_yes": {
        "en": "**The sigmoid's gradient vanishes.** In the {depth}-layer stack the first layer's gradient is "
        "{sigmoid:.0e} times what it is with one layer; ReLU's stays at {relu:.2f} times (tanh's: {tanh:.2g}). "
        "ReLU passes the gradient back unchanged wherever it is active, so depth alone does not shrink it.",
        "zh": "**sigmoid 出现了梯度消失。** 在 {depth} 层的网络中，第一层的梯度只有单层网络时的 {sigmoid:.0e} 倍；"
        "ReLU 的则保持在 {relu:.2f} 倍（tanh：{tanh:.2g} 倍）。ReLU 在激活的位置把梯度原样传回，"
        "所以单是层数增加并不会让梯度变小。",
    },
    "stability.vanish_no": {
        "en": "At {depth} layers this draw does not show the full effect: the sigmoid's first-layer gradient is "
        "still {sigmoid:.1e} times the one-layer value (we call it vanished below 1e-6), ReLU's {relu:.2f} times. "
        "{hint}",
        "zh": "在 {depth} 层时，这次抽样还看不出完整的效果：sigmoid 第一层的梯度仍是单层时的 {sigmoid:.1e} 倍"
        "（低于 1e-6 才算梯度消失），ReLU 的是 {relu:.2f} 倍。{hint}",
    },
    "stability.try_seeds": {"en": "Other seeds do: try seed {seeds}.", "zh": "其他种子可以：试试种子 {seeds}。"},
    "stability.vanish_deeper": {
        "en": "No seed of 0–4 does at this depth: make the stack deeper (30 layers do).",
        "zh": "在这个层数下，种子 0–4 都看不出来：请把网络加深（30 层即可）。",
    },
    "stability.vanish_spread": {
        "en": "Seeds 0–4 at {depth} layers, the sigmoid's first-layer gradient over its one-layer value: {ratios}.",
        "zh": "种子 0–4、{depth} 层时，sigmoid 第一层的梯度与单层时之比：{ratios}。",
    },
    # exploding
    "stability.explode": {"en": "Exploding gradients", "zh": "梯度爆炸"},
    "stability.explode_text": {
        "en": "The opposite can happen too. The book multiplies 100 random $4 \\times 4$ matrices with $N(0, 1)$ "
        "entries onto a first one and says the product explodes (its text prints no numbers; below is our run of "
        "its loop). Change the number of matrices, their size $n$ and their scale $\\sigma$: the norm grows or "
        "shrinks by about the same factor per matrix (left), and that factor crosses 1 at one scale, near "
        "$1/\\sqrt{n}$ (right).",
        "zh": "反过来，梯度也可能爆炸。书中生成 100 个元素服从 $N(0, 1)$ 的 $4 \\times 4$ 随机矩阵，"
        "把它们依次与一个初始矩阵相乘，并指出乘积发生了爆炸（书的正文没有印出数值；下面是我们运行这段循环的结果）。"
        "改变矩阵的个数、大小 $n$ 和尺度 $\\sigma$：每乘一个矩阵，范数都按大致相同的倍数增大或缩小（左图），"
        "而这个倍数在某个尺度处恰好为 1，接近 $1/\\sqrt{n}$（右图）。",
    },
    "stability.count": {"en": "Matrices multiplied on", "zh": "连乘的矩阵个数"},
    "stability.size": {"en": "Matrix size n", "zh": "矩阵大小 n"},
    "stability.sigma": {"en": "σ", "zh": "σ"},
    "stability.sigma_help": {
        "en": "Standard deviation of every entry: N(0, σ²).",
        "zh": "每个元素的标准差：N(0, σ²)。",
    },
    "stability.count_axis": {"en": "matrices multiplied on", "zh": "已乘的矩阵个数"},
    "stability.norm_axis": {"en": "log10 of the product's norm", "zh": "乘积范数的 log10"},
    "stability.growth_axis": {"en": "log10 growth per matrix", "zh": "每个矩阵带来的 log10 增长"},
    "stability.f32_max": {"en": "float32 overflows (inf)", "zh": "float32 上溢（inf）"},
    "stability.f32_tiny": {"en": "float32 underflows (0)", "zh": "float32 下溢（0）"},
    "stability.stable_measured": {"en": "stable σ measured here: {sigma:.3f}", "zh": "此处测得的稳定 σ：{sigma:.3f}"},
    "stability.stable_sqrt": {"en": "1/√{n} = {sigma:.3f}", "zh": "1/√{n} = {sigma:.3f}"},
    "stability.alt_product": {
        "en": "Line chart: log10 of the product's norm goes from {first:.1f} (the first matrix) to {last:.1f} after "
        "{count} more, about {per:+.3f} per matrix; dashed lines mark float32's limits (38.5 and −44.9).",
        "zh": "折线图：乘积范数的 log10 从 {first:.1f}（第一个矩阵）变为再乘 {count} 个矩阵之后的 {last:.1f}，"
        "每个矩阵约 {per:+.3f}；虚线标出 float32 的界限（38.5 与 −44.9）。",
    },
    "stability.alt_growth": {
        "en": "Line chart, σ on a log scale: the growth per matrix is a straight line in log σ, zero at "
        "σ = {stable:.3f} (measured; 1/√{n} = {sqrt:.3f}); at σ = {sigma:g} it is {growth:+.3f} in log10.",
        "zh": "折线图（σ 取对数坐标）：每个矩阵带来的增长随 log σ 呈一条直线，在 σ = {stable:.3f} 处为零"
        "（实测；1/√{n} = {sqrt:.3f}）；σ = {sigma:g} 时，log10 增长为 {growth:+.3f}。",
    },
    "stability.max_entry": {"en": "Largest |entry| of the product", "zh": "乘积中最大的 |元素|"},
    "stability.stable_sigma": {"en": "Stable σ, measured", "zh": "稳定的 σ（实测）"},
    "stability.stable_help": {
        "en": "Scaling every matrix by σ scales the product of k of them by σ^k exactly, so one run gives the "
        "growth per matrix for every σ; it is zero at this σ.",
        "zh": "每个矩阵乘以 σ，k 个矩阵的乘积就恰好乘以 σ^k，所以一次运行就能得到任意 σ 下每个矩阵带来的增长；"
        "在这个 σ 处增长为零。",
    },
    "stability.theory_sigma": {"en": "Stable σ, theory", "zh": "稳定的 σ（理论）"},
    "stability.theory_help": {
        "en": "The top Lyapunov exponent of products of Gaussian matrices is log σ + (log 2 + ψ(n/2))/2 "
        "(Newman, 1986); it is zero at this σ, which approaches 1/√n for large n.",
        "zh": "高斯随机矩阵乘积的最大李雅普诺夫指数为 log σ + (log 2 + ψ(n/2))/2（Newman，1986）；"
        "它在这个 σ 处为零，n 很大时这个 σ 趋近 1/√n。",
    },
    "stability.overflow": {
        "en": "This product is beyond float32's largest number (about 3.4e38): computed in float32, as the "
        "book's code does, it would print inf. We keep its scale as a logarithm instead.",
        "zh": "这个乘积超过了 float32 能表示的最大数（约 3.4e38）：像书中代码那样用 float32 计算，会输出 inf。"
        "我们改为以对数形式记录它的数量级。",
    },
    "stability.underflow": {
        "en": "This product is below float32's smallest positive number (about 1.4e-45): in float32 it would "
        "print 0. We keep its scale as a logarithm instead.",
        "zh": "这个乘积小于 float32 能表示的最小正数（约 1.4e-45）：用 float32 计算会输出 0。"
        "我们改为以对数形式记录它的数量级。",
    },
    "stability.product_print": {"en": "# the product of {k} matrices", "zh": "# {k} 个矩阵的乘积"},
    # number formats
    "stability.formats": {
        "en": "float16 against float32: underflow and overflow",
        "zh": "float16 与 float32：下溢和上溢",
    },
    "stability.formats_text": {
        "en": "Vanishing and exploding are not only a matter of learning: every number format has a smallest and "
        "a largest number. float32 (PyTorch's default) spans about $1.4\\times10^{-45}$ to $3.4\\times10^{38}$; "
        "float16, which halves the memory and is used to train large models faster, only about $6\\times10^{-8}$ "
        "to $65504$. Below, the product of matrices above and the gradient of the deepest sigmoid stack above are "
        "computed again in float16, float32 and float64, from the same random numbers. A line stops where its "
        "format gave up: inf (overflow) on the left, exactly 0 (underflow) on the right.",
        "zh": "梯度消失和梯度爆炸不只是学习上的问题：每种数值格式都有能表示的最小数和最大数。"
        "float32（PyTorch 的默认类型）大约能表示 $1.4\\times10^{-45}$ 到 $3.4\\times10^{38}$；"
        "float16 省一半内存，常用来加快大模型的训练，却只能表示大约 $6\\times10^{-8}$ 到 $65504$。"
        "下面用相同的随机数，把上面的矩阵连乘和上面最深的 sigmoid 网络的梯度，分别以 float16、float32 和 float64 "
        "重新计算一遍。某种格式算不下去时，它的曲线就中断：左图是变成 inf（上溢），右图是恰好变成 0（下溢）。",
    },
    "stability.entry_axis": {"en": "log10 of the largest |entry|", "zh": "最大 |元素| 的 log10"},
    "stability.grad_max_axis": {"en": "log10 of the largest |gradient|", "zh": "最大 |梯度| 的 log10"},
    "stability.layer_from_input": {
        "en": "layer (backpropagation runs from the top down)",
        "zh": "层（反向传播从最高层往下进行）",
    },
    "stability.f16_max": {"en": "float16 overflows (inf)", "zh": "float16 上溢（inf）"},
    "stability.f16_tiny": {"en": "float16 underflows (0)", "zh": "float16 下溢（0）"},
    "stability.fmt_inf": {"en": "{fmt} reaches inf at matrix {k}", "zh": "{fmt} 乘到第 {k} 个矩阵时变成 inf"},
    "stability.fmt_zero_at": {"en": "{fmt} reaches 0 at matrix {k}", "zh": "{fmt} 乘到第 {k} 个矩阵时变成 0"},
    "stability.fmt_holds": {
        "en": "{fmt} holds 1e{value:.1f} after {k} matrices",
        "zh": "{fmt} 乘完 {k} 个矩阵后为 1e{value:.1f}",
    },
    "stability.fmt_grad_zero": {
        "en": "{fmt}'s gradient is exactly 0 from layer {layer} down",
        "zh": "{fmt} 的梯度从第 {layer} 层往下恰好为 0",
    },
    "stability.fmt_grad_holds": {
        "en": "{fmt}'s gradient is still 1e{value:.1f} at layer 1",
        "zh": "{fmt} 的梯度在第 1 层仍为 1e{value:.1f}",
    },
    "stability.alt_precision": {
        "en": "Two line charts. Left, the product of {count} matrices: {products}. Right, the gradient through "
        "{depth} sigmoid layers: {grads}.",
        "zh": "两幅折线图。左图，{count} 个矩阵的乘积：{products}。右图，穿过 {depth} 个 sigmoid 层的梯度：{grads}。",
    },
    "stability.f16_yes": {
        "en": "**float16 gives up where float32 holds.** {f16}. float32 keeps both: {f32}. This is why training in "
        "16-bit floats needs care, for example scaling the loss up before backpropagation so that small gradients "
        "are not rounded to 0.",
        "zh": "**float16 算不下去的地方，float32 仍能表示。** {f16}。float32 两者都保住了：{f32}。"
        "所以用 16 位浮点数训练时要格外小心，例如在反向传播之前先把损失放大，免得小梯度被舍入为 0。",
    },
    "stability.f16_no": {
        "en": "In this run float16 does not give up before float32 does: {f16}; {f32}. At the defaults (100 "
        "matrices with σ = 1, 30 sigmoid layers) it does.",
        "zh": "在这次运行中，float16 并没有先于 float32 失效：{f16}；{f32}。在默认设置下"
        "（100 个 σ = 1 的矩阵，30 个 sigmoid 层）则会。",
    },
    "stability.f16_spread": {
        "en": "Seeds 0–4 in float16 (the matrix at which the product turns inf or 0 / the layer from which the "
        "gradient is 0; –: never): {cells}.",
        "zh": "种子 0–4 在 float16 下（乘积变成 inf 或 0 时的矩阵序号 / 梯度开始为 0 的层；–：没有发生）：{cells}。",
    },
    # symmetry
    "stability.symmetry": {"en": "Breaking the symmetry", "zh": "打破对称性"},
    "stability.permutation_text": {
        "en": "The hidden units of a layer have no fixed roles: renumber them, moving each unit's incoming weights, "
        "its bias and its outgoing weights together, and the network computes exactly the same function. The "
        "book calls this the **permutation symmetry** of the hidden units ([3.8]({link})). It is why the start "
        "matters: if two units start identical, nothing in the data or in the gradient can tell them apart.",
        "zh": "同一层的隐藏单元没有固定的分工：给它们重新编号，同时移动每个单元的输入权重、偏置和输出权重，"
        "网络计算的仍是完全相同的函数。书中称之为隐藏单元之间的**排列对称性**（[3.8 节]({link})）。"
        "这正是初始化要紧的原因：如果两个单元的初始值完全相同，数据和梯度都无法把它们区分开。",
    },
    "stability.perm_exact": {
        "en": "Checked on this seed's network with {n} hidden units: renumbering them {order} changes the outputs "
        "by {matched:.1g}, not at all; moving only the incoming weights and biases, not the outgoing weights, "
        "changes them by up to {one_side:.2f}.",
        "zh": "在本种子下有 {n} 个隐藏单元的网络上验证：按 {order} 给隐藏单元重新编号后，输出的变化为 {matched:.1g}，"
        "完全没有变化；如果只移动输入权重和偏置、不移动输出权重，输出最多改变 {one_side:.2f}。",
    },
    "stability.perm_rounding": {
        "en": "Checked on this seed's network with {n} hidden units: renumbering them {order} changes the outputs "
        "by at most {matched:.1e}, the float32 rounding of adding the units' contributions in another order; "
        "moving only the incoming weights and biases, not the outgoing weights, changes them by up to "
        "{one_side:.2f}.",
        "zh": "在本种子下有 {n} 个隐藏单元的网络上验证：按 {order} 给隐藏单元重新编号后，输出最多只变化 "
        "{matched:.1e}，这是以另一种顺序累加各单元贡献时的 float32 舍入误差；如果只移动输入权重和偏置、"
        "不移动输出权重，输出最多改变 {one_side:.2f}。",
    },
    "stability.symmetry_text": {
        "en": "Now start every weight of the Fashion-MNIST MLP at the same constant (0.01). All hidden units then "
        "compute the same value and receive the same gradient, so SGD moves them in lockstep and the layer "
        "behaves like a single unit. Dropout gives each unit its own random mask and breaks the tie (the book: "
        "minibatch SGD never breaks this symmetry, dropout can). Below: each hidden unit's weight from the centre "
        "pixel over the SGD steps, and at the end each unit's 784 weights as an image.",
        "zh": "现在把 Fashion-MNIST 多层感知机的所有权重都初始化为同一个常数（0.01）。于是所有隐藏单元算出相同的值，"
        "得到相同的梯度，SGD 让它们同步变化，整个隐藏层就像只有一个单元。暂退法给每个单元各自的随机掩码，"
        "从而打破了这种对称（书中说：小批量随机梯度下降不会打破这种对称性，暂退法却可以）。"
        "下图：每个隐藏单元与中心像素相连的权重随 SGD 步数的变化，以及训练结束时每个单元的 784 个权重构成的图像。",
    },
    "stability.units": {"en": "Hidden units", "zh": "隐藏单元数"},
    "stability.dropout": {"en": "Dropout probability", "zh": "暂退概率"},
    "stability.steps": {"en": "SGD steps", "zh": "SGD 步数"},
    "stability.symmetry_running": {
        "en": "Training from the constant start, without and with dropout…",
        "zh": "正在从常数初始化出发训练（不用和使用暂退法）……",
    },
    "stability.steps_help": {
        "en": "With more steps, tiny differences between the units, where the matrix library leaves any (the "
        "sentence under the pictures says whether it did), have time to grow: the symmetric start is an unstable "
        "balance. Dropout breaks the tie on purpose, and at once.",
        "zh": "步数越多，单元之间的微小差异（如果矩阵运算库留下了差异，图片下方的文字会说明）就有越多时间放大："
        "对称的起点是一种不稳定的平衡。暂退法则是有意地、立刻打破这种对称。",
    },
    "stability.no_dropout": {"en": "plain SGD", "zh": "普通 SGD"},
    "stability.with_dropout": {"en": "with dropout p = {p:.2f}", "zh": "暂退概率 p = {p:.2f}"},
    "stability.unit": {"en": "unit {i}", "zh": "单元 {i}"},
    "stability.images": {
        "en": "{run}: each unit's weights after training, as a 28 × 28 image (grey = 0).",
        "zh": "{run}：训练结束时每个单元的权重，显示为 28 × 28 的图像（灰色 = 0）。",
    },
    "stability.step_axis": {"en": "SGD step", "zh": "SGD 步数"},
    "stability.weight_axis": {"en": "centre-pixel weight", "zh": "中心像素的权重"},
    "stability.alt_symmetry": {
        "en": "Line chart, {run}: the centre-pixel weight of {units} hidden units over {steps} SGD steps, all "
        "starting at {start:.4f} and ending at {ends}; at the end the units' weights differ by at most {spread:.1e}.",
        "zh": "折线图，{run}：{units} 个隐藏单元与中心像素相连的权重在 {steps} 步 SGD 中的变化，都从 {start:.4f} 出发，"
        "最终为 {ends}；最后各单元权重之间的最大差异为 {spread:.1e}。",
    },
    "stability.alt_unit": {
        "en": "{run}, unit {i}: its 784 weights after {steps} steps as a 28 × 28 grey image (grey = 0), from "
        "{lo:.4f} to {hi:.4f}; largest difference from unit 1: {diff:.1e}.",
        "zh": "{run}，单元 {i}：{steps} 步后它的 784 个权重构成的 28 × 28 灰度图像（灰色 = 0），取值从 {lo:.4f} "
        "到 {hi:.4f}；与单元 1 的最大差异为 {diff:.1e}。",
    },
    "stability.sym_identical": {
        "en": "**Without dropout the units stayed identical, bit for bit,** after {steps} steps: this machine's "
        "matrix library rounded every unit's sums alike, so SGD kept them exactly in lockstep, as the book says. "
        "With dropout they differ by up to {dropped:.2g}.",
        "zh": "**不用暂退法时，{steps} 步之后各单元仍然逐位完全相同**：本机的矩阵运算库对每个单元的求和舍入方式完全一致，"
        "所以正如书中所说，SGD 让它们严格同步。使用暂退法时，它们最多相差 {dropped:.2g}。",
    },
    "stability.sym_rounding": {
        "en": "**Without dropout the units stay equal up to float32 rounding:** after {steps} steps they differ by at "
        "most {plain:.1e}. The book's argument is about exact arithmetic; this machine's matrix library sums some "
        "units' products in another order, which leaves them a rounding step apart (on another CPU or a GPU they "
        "may stay exactly equal). With dropout they differ by up to {dropped:.2g}, about {orders} orders of "
        "magnitude more.",
        "zh": "**不用暂退法时，各单元在 float32 的舍入误差以内保持相同**：{steps} 步之后最多相差 {plain:.1e}。"
        "书中的论证针对的是精确运算；本机的矩阵运算库对某些单元按另一种顺序求和，让它们相差一个舍入单位"
        "（换一种 CPU 或用 GPU，它们可能完全相同）。使用暂退法时，它们最多相差 {dropped:.2g}，大了约 {orders} 个数量级。",
    },
    "stability.sym_apart": {
        "en": "**Without dropout the units have drifted apart** after {steps} steps: they differ by up to "
        "{plain:.2g}. The matrix library left them a rounding step apart early on, and the symmetric start is an "
        "unstable balance, so that difference grew; the book's \u201cnever\u201d holds in exact arithmetic. With "
        "dropout they differ by up to {dropped:.2g}. At 100 steps the plain units are still equal up to rounding.",
        "zh": "**不用暂退法时，{steps} 步之后各单元已经分开了**：最多相差 {plain:.2g}。矩阵运算库早早就让它们相差一个"
        "舍入单位，而对称的起点是不稳定的平衡，这个差异于是不断放大；书中所说的“不会打破”是就精确运算而言的。"
        "使用暂退法时，它们最多相差 {dropped:.2g}。在 100 步时，不用暂退法的各单元仍在舍入误差以内相同。",
    },
    "stability.sym_dropout_weak": {
        "en": "This dropout run has not pulled the units far apart yet (at most {dropped:.2g}): a higher dropout "
        "probability or more steps does.",
        "zh": "这次使用暂退法的运行还没有把各单元明显拉开（最多相差 {dropped:.2g}）：提高暂退概率或增加步数即可。",
    },
    "stability.sym_spread": {
        "en": "Seeds 0–4 at {steps} steps, the largest difference between units without / with dropout: {cells}.",
        "zh": "种子 0–4、{steps} 步时，各单元之间的最大差异（不用 / 使用暂退法）：{cells}。",
    },
    # Xavier
    "stability.xavier": {
        "en": "Xavier initialisation: variance through the layers",
        "zh": "Xavier 初始化：方差逐层的变化",
    },
    "stability.xavier_text": {
        "en": "Treat every activation and gradient as a random variable. With weights of variance $\\gamma_t$ and "
        "no nonlinearity, each layer multiplies the forward variance by $n_{t-1}\\gamma_t$ and the backward one by "
        "$n_t\\gamma_t$; Xavier picks $\\gamma_t$ so that both are about 1. Below, $N(0, 1)$ inputs go through a "
        "stack of layers of equal width and an $N(0, 1)$ gradient comes back; dashed: the linear theory. Pick a "
        "scheme and an activation ($4\\,\\mathrm{sigmoid}(x) - 2$ is the chapter's fix of the sigmoid).",
        "zh": "把每个激活值和梯度都看作随机变量。权重的方差为 $\\gamma_t$、又没有非线性时，每一层把前向传播的方差乘以 "
        "$n_{t-1}\\gamma_t$，把反向传播的方差乘以 $n_t\\gamma_t$；Xavier 初始化选择 $\\gamma_t$，让两者都约等于 1。"
        "下面让 $N(0, 1)$ 的输入依次穿过若干个宽度相同的全连接层，再让 $N(0, 1)$ 的梯度反向传回来；"
        "虚线是线性推导给出的理论值。请选择一种初始化方案和一种激活函数"
        "（$4\\,\\mathrm{sigmoid}(x) - 2$ 是本章对 sigmoid 的修正）。",
    },
    "stability.xavier_assumptions": {
        "en": "**What the derivation assumes** ([3.8]({link})): the weights are drawn independently from one "
        "distribution with **zero mean** (any shape, as long as its variance exists); the layer's inputs are "
        "independent of the weights and of each other; and there is **no nonlinearity**, or the activation works "
        "in its linear regime near 0 with slope 1. Each can be broken here: a constant start is not random at "
        "all; the sigmoid's outputs have mean 1/2, not 0; tanh and $4\\,\\mathrm{{sigmoid}}(x)-2$ have slope 1 only "
        "near 0 and bend further out, so their variance slowly shrinks; ReLU zeroes half its inputs, which "
        "Kaiming's $2/n_\\mathrm{{in}}$ makes up for. The book notes that the no-nonlinearity assumption is easily "
        "violated in a network, and that Xavier works well in practice all the same.",
        "zh": "**推导所依赖的假设**（[3.8 节]({link})）：权重都从同一个分布中独立抽取，该分布**均值为零**"
        "（不必是高斯分布，只要方差存在）；层的输入与权重相互独立，输入之间也相互独立；而且**没有非线性**，"
        "或者激活函数工作在 0 附近斜率为 1 的线性区。这些假设在这里都可以被打破：常数初始化根本不是随机的；"
        "sigmoid 的输出均值是 1/2 而不是 0；tanh 和 $4\\,\\mathrm{{sigmoid}}(x)-2$ 只在 0 附近斜率为 1，"
        "离 0 越远越弯，所以方差会逐层缩小；ReLU 会把一半的输入置零，Kaiming 初始化的 $2/n_\\mathrm{{in}}$ "
        "正是为了弥补这一点。书中也指出，“不存在非线性”的假设在神经网络中很容易被违反，但 Xavier 初始化在实践中被证明是有效的。",
    },
    "stability.init": {"en": "Initialisation", "zh": "初始化方案"},
    "stability.init_normal": {
        "en": "normal: N(0, 0.01²), the book's from-scratch MLP (3.2).",
        "zh": "normal：N(0, 0.01²)，即书中从零实现的多层感知机（3.2 节）所用的初始化。",
    },
    "stability.init_normal1": {
        "en": "normal1: N(0, 1), the scale of the book's matrix loop.",
        "zh": "normal1：N(0, 1)，即书中矩阵连乘所用的尺度。",
    },
    "stability.init_xavier_normal": {
        "en": "xavier_normal: N(0, 2 / (n_in + n_out)).",
        "zh": "xavier_normal：N(0, 2 / (n_in + n_out))。",
    },
    "stability.init_xavier_uniform": {
        "en": "xavier_uniform: U(−a, a) with a = √(6 / (n_in + n_out)), the same variance.",
        "zh": "xavier_uniform：U(−a, a)，其中 a = √(6 / (n_in + n_out))，方差相同。",
    },
    "stability.init_kaiming": {
        "en": "kaiming: N(0, 2 / n_in), made for ReLU, which zeroes half its inputs.",
        "zh": "kaiming：N(0, 2 / n_in)，为 ReLU 设计（ReLU 会把一半的输入置零）。",
    },
    "stability.init_constant": {
        "en": "constant: every weight 0.01, the symmetric start (not random, so no theory line).",
        "zh": "constant：每个权重都是 0.01，即对称的起点（不是随机的，所以没有理论线）。",
    },
    "stability.act_linear": {"en": "linear: φ(x) = x.", "zh": "linear：φ(x) = x。"},
    "stability.act_tanh": {"en": "tanh: slope 1 at 0, saturates at ±1.", "zh": "tanh：在 0 处斜率为 1，在 ±1 处饱和。"},
    "stability.act_sigmoid": {
        "en": "sigmoid: slope 1/4 at 0 and an offset of 1/2, so no simple theory line.",
        "zh": "sigmoid：在 0 处斜率为 1/4，且有 1/2 的偏移，因此没有简单的理论线。",
    },
    "stability.act_sigmoid4": {
        "en": "sigmoid4: 4 sigmoid(x) − 2 = x − x³/12 + …, the chapter's fix: slope 1, centred at 0.",
        "zh": "sigmoid4：4 sigmoid(x) − 2 = x − x³/12 + …，本章的修正：斜率为 1，以 0 为中心。",
    },
    "stability.act_relu": {"en": "relu: max(x, 0).", "zh": "relu：max(x, 0)。"},
    "stability.depth": {"en": "Layers", "zh": "层数"},
    "stability.width": {"en": "Width n", "zh": "宽度 n"},
    "stability.forward": {"en": "activations (forward)", "zh": "激活值（前向传播）"},
    "stability.backward": {"en": "gradients (backward)", "zh": "梯度（反向传播）"},
    "stability.layer_axis": {"en": "layer t (0 = input)", "zh": "第 t 层（0 = 输入）"},
    "stability.var_axis": {"en": "variance", "zh": "方差"},
    "stability.var_kept": {
        "en": "{direction}: **kept**, every layer within a factor 2 of the start ({lo:.2f} to {hi:.2f} times) over "
        "{depth} layers.",
        "zh": "{direction}：**保持不变**，{depth} 层中每一层都在起点的 2 倍以内（{lo:.2f} 到 {hi:.2f} 倍）。",
    },
    "stability.var_grows": {
        "en": "{direction}: **explodes**, {end:.1e} times the start after {depth} layers.",
        "zh": "{direction}：**爆炸**，{depth} 层后变为起点的 {end:.1e} 倍。",
    },
    "stability.var_shrinks": {
        "en": "{direction}: **vanishes**, {end:.1e} times the start after {depth} layers.",
        "zh": "{direction}：**消失**，{depth} 层后只剩起点的 {end:.1e} 倍。",
    },
    "stability.var_drifts": {
        "en": "{direction}: drifts, between {lo:.2g} and {hi:.2g} times the start, ending at {end:.2g} times.",
        "zh": "{direction}：有所漂移，在起点的 {lo:.2g} 到 {hi:.2g} 倍之间，最终为 {end:.2g} 倍。",
    },
    "stability.var_spread": {
        "en": "Seeds 0–4, variance after {depth} layers over the start, activations / gradients: {cells}.",
        "zh": "种子 0–4，{depth} 层后方差与起点之比（激活值 / 梯度）：{cells}。",
    },
    "stability.theory_line": {
        "en": "Theory (the book's linear argument): each layer multiplies the variance by n·γ·(the activation's "
        "gain) = {gain:.4g}; Xavier with no nonlinearity gives exactly 1.",
        "zh": "理论（书中的线性推导）：每一层把方差乘以 n·γ·（激活函数的增益）= {gain:.4g}；"
        "Xavier 配合线性激活时恰好为 1。",
    },
    "stability.no_theory": {
        "en": "No simple theory line for this combination (constant weights are not random; the sigmoid is not "
        "centred at 0).",
        "zh": "这种组合没有简单的理论线（常数权重不是随机的；sigmoid 不以 0 为中心）。",
    },
    "stability.f32_over": {
        "en": "The {direction} pass exceeds float32's range from layer {layer} on: in float32 (PyTorch's default) it "
        "would be inf or NaN there. This study runs in float64 so you can see how far it goes.",
        "zh": "{direction}从第 {layer} 层起超出了 float32 的范围：在 float32（PyTorch 的默认类型）下，这里会变成 inf "
        "或 NaN。本实验用 float64 计算，好让你看到它走了多远。",
    },
    "stability.f32_under": {
        "en": "The {direction} pass falls below float32's smallest number from layer {layer} on: in float32 it "
        "would be exactly 0 there. This study runs in float64 so you can see how far it goes.",
        "zh": "{direction}从第 {layer} 层起小于 float32 能表示的最小数：在 float32 下，这里会恰好为 0。"
        "本实验用 float64 计算，好让你看到它走了多远。",
    },
    "stability.hist_panel": {"en": "{direction}, {layers} layer(s) in", "zh": "{direction}，经过 {layers} 层"},
    "stability.hist_count": {"en": "count", "zh": "个数"},
    "stability.alt_variance": {
        "en": "Line chart, log scale: the variance of the activations goes from {f0:.2g} (input) to {f1:.2g} after "
        "{depth} layers, that of the gradients from {b1:.2g} (fed in at the top) to {b0:.2g} at the input; {theory}.",
        "zh": "折线图（对数坐标）：激活值的方差从 {f0:.2g}（输入）变为 {depth} 层后的 {f1:.2g}，"
        "梯度的方差从 {b1:.2g}（在最高层输入）变为输入处的 {b0:.2g}；{theory}。",
    },
    "stability.alt_theory": {
        "en": "dashed: the theory, ×{gain:.4g} per layer",
        "zh": "虚线为理论值，每层乘以 {gain:.4g}",
    },
    "stability.alt_no_theory": {"en": "no theory line for this combination", "zh": "这种组合没有理论线"},
    "stability.alt_hist": {
        "en": "Histograms of activations and gradients after 1, half and all the layers; their standard deviations "
        "by layers travelled: activations {forward}; gradients {backward}.",
        "zh": "直方图：经过 1 层、一半层数和全部层数之后的激活值与梯度；按经过的层数列出的标准差："
        "激活值 {forward}；梯度 {backward}。",
    },
    # training
    "stability.train": {"en": "Training a deeper MLP under each scheme", "zh": "在各种初始化下训练更深的多层感知机"},
    "stability.train_text": {
        "en": "The Fashion-MNIST MLP with five hidden layers of 256 units (lr 0.1, batch 256), one run per scheme, "
        "with the trainer of the MLP page; only the starting weights differ. What to look for: too small a start "
        "may let the signal fade on its way up, too large a start may blow it up, and the constant start makes "
        "every unit of a layer the same, so that the network is one unit wide in effect (and with 256 inputs of "
        "weight 0.01, each layer also multiplies the mean of its input by 2.56). The sentence under the chart "
        "says what your runs did.",
        "zh": "有五个隐藏层、每层 256 个单元的 Fashion-MNIST 多层感知机（学习率 0.1，批量大小 256），"
        "每种初始化方案训练一次，使用与多层感知机页面相同的训练函数；各次运行只有初始权重不同。可以留意："
        "初始值太小，信号在向上传递时可能逐渐消失；太大则可能爆炸；常数初始化让一层中的所有单元完全相同，"
        "网络实际上只有一个单元宽（而且每层有 256 个权重为 0.01 的输入，会把输入的均值放大 2.56 倍）。"
        "图下方的文字会说明你的这几次运行实际发生了什么。",
    },
    "stability.schemes": {"en": "Schemes to train", "zh": "要训练的初始化方案"},
    "stability.epochs": {"en": "Epochs", "zh": "迭代周期数"},
    "stability.train_go": {"en": "Train the {n} networks", "zh": "训练这 {n} 个网络"},
    "stability.train_note": {
        "en": "Training takes a while on a CPU (about a minute per network and epoch on a small server). "
        "Results trained before on this server appear without pressing the button.",
        "zh": "在 CPU 上训练需要一些时间（在小型服务器上，每个网络每轮约一分钟）。"
        "本服务器之前训练过的结果无需点击按钮即可显示。",
    },
    "stability.diverged_init": {
        "en": "Here the learning rate is the MLP page's usual 0.1: it is this starting scale that blew up.",
        "zh": "这里的学习率是多层感知机页面常用的 0.1：导致发散的是这种初始尺度。",
    },
    "stability.pick_scheme": {"en": "Pick at least one scheme to train.", "zh": "请至少选择一种初始化方案。"},
    "stability.alt_train": {
        "en": "Two line charts by epoch, train loss (log scale) and test accuracy, one line per scheme: {parts}.",
        "zh": "两幅按迭代周期绘制的折线图，分别是训练损失（对数坐标）和测试精度，每种方案一条线：{parts}。",
    },
    "stability.alt_train_part": {
        "en": "{scheme} reaches test accuracy {acc:.3f} after {n} epochs",
        "zh": "{scheme} 在 {n} 个迭代周期后测试精度为 {acc:.3f}",
    },
    "stability.alt_train_diverged": {
        "en": "{scheme} diverged in epoch {epoch}",
        "zh": "{scheme} 在第 {epoch} 个迭代周期发散",
    },
    "stability.train_result": {"en": "What these runs did: {parts}.", "zh": "这几次运行的结果：{parts}。"},
    "stability.outcome_learned": {
        "en": "learned, final test accuracy {schemes}",
        "zh": "正常学习，最终测试精度 {schemes}",
    },
    "stability.outcome_chance": {
        "en": "stuck near chance (10% for ten classes): {schemes}",
        "zh": "停在随机猜测的水平（十个类别时约 10%）：{schemes}",
    },
    "stability.outcome_diverged": {"en": "blew up (diverged): {schemes}", "zh": "发散：{schemes}"},
}

# The words of this topic's rows of the reproduce registry (mlp_lab.checks): check.<id>.quantity,
# .source (what the source says, or for a claim the page's sentence) and .tolerance.
STRINGS |= {
    "check.stability.matrix_product_explodes.quantity": {
        "en": "log10 of the largest |entry| of the product of 101 random 4x4 N(0, 1) matrices (the book's loop, our run)",
        "zh": "101 个 4x4 N(0, 1) 随机矩阵之积（书中的循环，我们的运行）的最大元素绝对值的 log10",
    },
    "check.stability.matrix_product_explodes.source": {
        "en": "3.8: with variance σ² = 1 the product of the 100 matrices explodes (the book prints no number)",
        "zh": "3.8 节：方差 σ² = 1 时，这 100 个矩阵的乘积发生爆炸（书中没有印出数值）",
    },
    "check.stability.matrix_product_explodes.tolerance": {
        "en": "in [20, 32]: theory (Newman 1986) expects about 24.5 for the norm; seeds 0-9: 21.4 to 28.7",
        "zh": "在 [20, 32] 内：理论（Newman 1986）预计范数约为 1e24.5；种子 0-9：21.4 至 28.7",
    },
    "check.stability.xavier_preserves_variance.quantity": {
        "en": "20 linear layers of width 256: Var[h^t] / Var[x] under Xavier (min..max), N(0, 1) and N(0, 0.01) at t=20",
        "zh": "20 个宽 256 的线性层：Xavier 下 Var[h^t]/Var[x]（最小..最大），N(0,1) 与 N(0,0.01) 在第 20 层",
    },
    "check.stability.xavier_preserves_variance.source": {
        "en": "3.8: Var[o_i] = n_in σ² Var[x], so σ² = 2/(n_in + n_out) keeps it for equal widths, N(0, 1) multiplies it by 256 and N(0, 0.01) by 0.0256 per layer",
        "zh": "3.8 节：Var[o_i] = n_in σ² Var[x]，所以宽度相同时 σ² = 2/(n_in + n_out) 保持方差不变，N(0, 1) 每层把方差乘以 256，N(0, 0.01) 每层乘以 0.0256",
    },
    "check.stability.xavier_preserves_variance.tolerance": {
        "en": "Xavier every layer in [0.7, 1.3] (seeds 0-4: 0.83 to 1.08); N(0, 1) between 1e47x and 1e49.5x; N(0, 0.01) between 1e-33x and 1e-30.5x (theory 1e48.2x and 1e-31.8x; seeds 0-4: 1e48.1-1e48.2, 1e-31.9-1e-31.8)",
        "zh": "Xavier 每层都在 [0.7, 1.3] 内（种子 0-4：0.83 至 1.08）；N(0, 1) 在 1e47 倍到 1e49.5 倍之间；N(0, 0.01) 在 1e-33 倍到 1e-30.5 倍之间（理论值 1e48.2 倍与 1e-31.8 倍；种子 0-4：1e48.1-1e48.2，1e-31.9-1e-31.8）",
    },
    "check.stability.symmetry_constant_init.quantity": {
        "en": "largest difference between hidden units' weights after 100 SGD steps from a constant start, without / with dropout 0.5",
        "zh": "从常数初始化出发 SGD 100 步后隐藏单元权重之间的最大差异，不用暂退法 / 暂退概率 0.5",
    },
    "check.stability.symmetry_constant_init.source": {
        "en": "3.8: minibatch SGD never breaks the symmetry of a constant start; dropout can",
        "zh": "3.8 节：小批量随机梯度下降不会打破常数初始化的对称性，暂退法可以",
    },
    "check.stability.symmetry_constant_init.tolerance": {
        "en": "without: < 3e-6 (the book reasons in exact arithmetic; float32 rounding on this CPU, seeds 0-4: 8.6e-8 to 3.1e-7, another matrix library may give 0); with: > 0.01 (seeds 0-4: 0.024 to 0.053)",
        "zh": "不用暂退法：< 3e-6（书中的推理针对精确运算；本机 CPU 上的 float32 舍入，种子 0-4：8.6e-8 至 3.1e-7，换一个矩阵运算库可能为 0）；使用暂退法：> 0.01（种子 0-4：0.024 至 0.053）",
    },
    # claims: the page's sentences over seeds
    "check.stability.sigmoid_gradient_vanishes.quantity": {
        "en": "share of seeds 0-7 whose 30-layer stacks (width 64) show the sigmoid's first-layer gradient below 1e-6 of its one-layer value while ReLU's stays within 0.1 to 10 times",
        "zh": "种子 0-7 中，30 层（宽 64）的网络里 sigmoid 第一层梯度低于单层时的 1e-6 倍、而 ReLU 的保持在 0.1 到 10 倍之间的比例",
    },
    "check.stability.sigmoid_gradient_vanishes.source": {
        "en": "page: \u201cThe sigmoid's gradient vanishes\u201d; ReLU's keeps its size",
        "zh": "页面：“sigmoid 出现了梯度消失”；ReLU 的梯度保持原有大小",
    },
    "check.stability.sigmoid_gradient_vanishes.tolerance": {
        "en": "at least 75% of seeds 0-7 (measured: 8 of 8; sigmoid 5e-19 to 7e-19, ReLU 0.54 to 1.18)",
        "zh": "种子 0-7 中至少 75%（实测：8 个中 8 个；sigmoid 5e-19 至 7e-19，ReLU 0.54 至 1.18）",
    },
    "check.stability.float16_gives_up.quantity": {
        "en": "share of seeds 0-7 whose float16 run of the book's product (100 matrices) or of the 30-layer sigmoid stack's gradient gives inf or 0 while float32 holds both",
        "zh": "种子 0-7 中，用 float16 计算书中的矩阵连乘（100 个矩阵）或 30 层 sigmoid 网络的梯度时出现 inf 或 0、而 float32 两者都能表示的比例",
    },
    "check.stability.float16_gives_up.source": {
        "en": "page: \u201cfloat16 gives up where float32 holds\u201d",
        "zh": "页面：“float16 算不下去的地方，float32 仍能表示”",
    },
    "check.stability.float16_gives_up.tolerance": {
        "en": "at least 75% of seeds 0-7 (measured: 8 of 8; float16's product turns inf at matrix 16 to 21, its gradient is 0 from layer 17 or 18 down)",
        "zh": "种子 0-7 中至少 75%（实测：8 个中 8 个；float16 的乘积在第 16 至 21 个矩阵时变成 inf，梯度从第 17 或 18 层往下为 0）",
    },
    "check.stability.xavier_keeps_variance.quantity": {
        "en": "share of seeds 0-7 where, over 20 linear layers of width 256, Xavier keeps both passes' variance within a factor 2 at every layer, while N(0, 1) blows both up and N(0, 0.01²) lets both vanish",
        "zh": "种子 0-7 中，在 20 个宽 256 的线性层里，Xavier 让前向和反向的方差每层都保持在 2 倍以内、N(0, 1) 使两者都爆炸、N(0, 0.01²) 使两者都消失的比例",
    },
    "check.stability.xavier_keeps_variance.source": {
        "en": "page: Xavier \u201ckept\u201d; N(0, 1) \u201cexplodes\u201d; N(0, 0.01²) \u201cvanishes\u201d",
        "zh": "页面：Xavier“保持不变”；N(0, 1)“爆炸”；N(0, 0.01²)“消失”",
    },
    "check.stability.xavier_keeps_variance.tolerance": {
        "en": "at least 75% of seeds 0-7 (measured: 8 of 8; Xavier 0.85 to 1.12 times the start)",
        "zh": "种子 0-7 中至少 75%（实测：8 个中 8 个；Xavier 为起点的 0.85 至 1.12 倍）",
    },
    "check.stability.dropout_breaks_symmetry.quantity": {
        "en": "share of seeds 0-7 where, after 100 SGD steps from the constant start, the plain units stay equal (exactly, or within 3e-6) and the units trained with dropout 0.5 differ by more than 0.01",
        "zh": "种子 0-7 中，从常数初始化出发 SGD 100 步后，不用暂退法的各单元保持相同（完全相同或差异小于 3e-6）、使用暂退概率 0.5 的各单元差异大于 0.01 的比例",
    },
    "check.stability.dropout_breaks_symmetry.source": {
        "en": "page: without dropout the units stay equal (up to float32 rounding); with dropout they come apart",
        "zh": "页面：不用暂退法时各单元保持相同（在 float32 舍入误差以内）；使用暂退法时各单元分开",
    },
    "check.stability.dropout_breaks_symmetry.tolerance": {
        "en": "at least 75% of seeds 0-7 (measured on this CPU: 8 of 8; without 8.6e-8 to 6.8e-7, with 0.024 to 0.053)",
        "zh": "种子 0-7 中至少 75%（在本机 CPU 上实测：8 个中 8 个；不用暂退法 8.6e-8 至 6.8e-7，使用暂退法 0.024 至 0.053）",
    },
    # --- learn by doing (mlp_lab.activities.stability) ---------------------------------------------
    "learn.stability.axis_layer": {"en": "layer", "zh": "层"},
    "learn.stability.axis_grad": {"en": "log₁₀ gradient ÷ last layer's", "zh": "梯度与最后一层之比的 log₁₀"},
    "learn.stability.axis_k": {"en": "matrices multiplied", "zh": "已相乘的矩阵个数"},
    "learn.stability.axis_norm": {"en": "log₁₀ norm of the product", "zh": "乘积范数的 log₁₀"},
    "learn.stability.axis_var": {"en": "log₁₀ (variance / input variance)", "zh": "log₁₀（方差 / 输入方差）"},
    "learn.stability.first_layer.q": {
        "en": "One backward pass through a {depth}-layer sigmoid stack (Xavier start, 64 units per layer): the "
        "gradient of layer 1's weights is 10^k times that of layer {depth}'s. Guess k (0: the same size).",
        "zh": "在一个 {depth} 层的 sigmoid 网络（Xavier 初始化，每层 64 个单元）中做一次反向传播："
        "第 1 层权重的梯度是第 {depth} 层的 10^k 倍。猜猜 k 是多少（0 表示一样大）。",
    },
    "learn.stability.first_layer.why": {
        "en": "Layer 1 gets 10^{value:.1f} of layer {depth}'s gradient: on the way down every layer multiplies it by "
        "the sigmoid's slope (at most 1/4) and a Xavier matrix, about {factor:.1f}× smaller per layer, and "
        "{depth} layers compound that: the gradient vanishes.",
        "zh": "第 1 层得到的梯度只有第 {depth} 层的 10^{value:.1f}：向下传播时每一层都要乘以 sigmoid 的导数"
        "（至多 1/4）和一个 Xavier 矩阵，每层约缩小 {factor:.1f} 倍，{depth} 层累积起来就是梯度消失。",
    },
    "learn.stability.first_layer.why_up": {
        "en": "Layer 1 gets 10^{value:.1f} of layer {depth}'s gradient: with so few layers the per-layer factors "
        "have not compounded into a vanishing gradient yet.",
        "zh": "第 1 层得到的梯度是第 {depth} 层的 10^{value:.1f}：层数这么少，每层的缩放因子还没有累积成梯度消失。",
    },
    "learn.stability.product.q": {
        "en": "The book's loop: the product of {count} random {size}×{size} matrices whose entries are N(0, {sigma:g}²). "
        "Its norm is 10^k: guess k.",
        "zh": "书中的循环：{count} 个 {size}×{size} 随机矩阵（元素服从 N(0, {sigma:g}²)）相乘。乘积的范数是 10^k：猜猜 k。",
    },
    "learn.stability.product.why_up": {
        "en": "The norm reaches 10^{value:.1f}: each matrix multiplies it by about 10^{growth:.2f} on average, and "
        "{count} such factors compound: the gradient explodes. σ ≈ {stable:.3f} would hold it steady.",
        "zh": "范数达到 10^{value:.1f}：每个矩阵平均把它放大约 10^{growth:.2f} 倍，{count} 个因子累积起来就是梯度爆炸。"
        "σ ≈ {stable:.3f} 才能让它保持稳定。",
    },
    "learn.stability.product.why_down": {
        "en": "The norm falls to 10^{value:.1f}: at σ = {sigma:g} each matrix multiplies it by about 10^{growth:.2f}, "
        "and {count} such factors drive it towards 0. σ ≈ {stable:.3f} would hold it steady.",
        "zh": "范数降到 10^{value:.1f}：σ = {sigma:g} 时每个矩阵把它乘以约 10^{growth:.2f}，"
        "{count} 个因子把它推向 0。σ ≈ {stable:.3f} 才能让它保持稳定。",
    },
    "learn.stability.product.why_kept": {
        "en": "The norm stays near 10^{value:.1f}: σ = {sigma:g} is close to the steady σ ≈ {stable:.3f}, where "
        "growth and shrinkage balance.",
        "zh": "范数保持在 10^{value:.1f} 附近：σ = {sigma:g} 接近稳定值 σ ≈ {stable:.3f}，放大与缩小相互抵消。",
    },
    "learn.stability.variance.q": {
        "en": "{depth} layers of {width} units, {init} initialisation, activation {activation}: after the last "
        "layer the activations' variance is 10^k times the input's. Guess k.",
        "zh": "{depth} 层、每层 {width} 个单元、{init} 初始化、激活函数 {activation}：最后一层输出的方差是输入方差的 "
        "10^k 倍。猜猜 k。",
    },
    "learn.stability.variance.why_kept": {
        "en": "The variance ends at 10^{value:.2f} of the input's, about the same: this start makes each layer "
        "multiply the variance by about 1, which is what Xavier's γ = 2 / (n_in + n_out) is chosen for.",
        "zh": "最后的方差是输入的 10^{value:.2f} 倍，基本不变：这种初始化让每层把方差乘以约 1，"
        "这正是 Xavier 选择 γ = 2 / (n_in + n_out) 的目的。",
    },
    "learn.stability.variance.why_up": {
        "en": "The variance ends 10^{value:.1f} times the input's: each layer multiplies it by more than 1 and "
        "{depth} layers compound that. Xavier picks γ so that the factor is 1.",
        "zh": "最后的方差是输入的 10^{value:.1f} 倍：每层都把方差乘以大于 1 的因子，{depth} 层累积起来。"
        "Xavier 选择 γ 正是为了让这个因子等于 1。",
    },
    "learn.stability.variance.why_down": {
        "en": "The variance ends at 10^{value:.1f} of the input's: each layer multiplies it by less than 1 and "
        "{depth} layers compound that. Xavier picks γ so that the factor is 1.",
        "zh": "最后的方差只有输入的 10^{value:.1f}：每层都把方差乘以小于 1 的因子，{depth} 层累积起来。"
        "Xavier 选择 γ 正是为了让这个因子等于 1。",
    },
    "learn.stability.relu_init.goal": {
        "en": "Set the activation of the variance study to ReLU; then, changing only the initialisation (and at "
        "least {min_depth} layers), keep the variance of both passes, forward and backward, within a factor "
        "{limit:g} of where it started at every layer.",
        "zh": "把方差实验的激活函数设为 ReLU；然后只改变初始化方法（且至少 {min_depth} 层），"
        "让前向传播和反向传播的方差在每一层都保持在起点的 {limit:g} 倍以内。",
    },
    "learn.stability.relu_init.passed": {
        "en": "With {init} and ReLU over {depth} layers no layer strays further than a factor {factor:.2f} from "
        "where its pass started.",
        "zh": "使用 {init} 和 ReLU，{depth} 层中没有任何一层的方差偏离起点超过 {factor:.2f} 倍。",
    },
    "learn.stability.relu_init.off_forward": {
        "en": "With {init} the forward pass strays by a factor {factor:.3g} at worst; it must stay within {limit:g}.",
        "zh": "使用 {init} 时，前向传播的方差最多偏离了 {factor:.3g} 倍；需要保持在 {limit:g} 倍以内。",
    },
    "learn.stability.relu_init.off_backward": {
        "en": "With {init} the backward pass strays by a factor {factor:.3g} at worst; it must stay within {limit:g}.",
        "zh": "使用 {init} 时，反向传播的方差最多偏离了 {factor:.3g} 倍；需要保持在 {limit:g} 倍以内。",
    },
    "learn.stability.relu_init.rule_act": {
        "en": "The activation is {activation}: this challenge is about ReLU, so set the activation to relu first.",
        "zh": "当前激活函数是 {activation}：这个挑战针对 ReLU，请先把激活函数设为 relu。",
    },
    "learn.stability.relu_init.rule_depth": {
        "en": "{depth} layers is too shallow to count: keep at least {min_depth}.",
        "zh": "{depth} 层太浅，不算数：至少保留 {min_depth} 层。",
    },
    "learn.stability.relu_init.hint1": {
        "en": "ReLU zeroes about half of its inputs, so it keeps only half of the second moment: with Xavier's "
        "n·γ = 1 the signal halves at every layer.",
        "zh": "ReLU 大约把一半的输入置零，所以只保留一半的二阶矩：用 Xavier 的 n·γ = 1，信号每层减半。",
    },
    "learn.stability.relu_init.hint2": {
        "en": "Pick the scheme whose γ is 2 / n_in, twice Xavier's for a square layer (the caption under the "
        "initialisation control names each scheme's γ).",
        "zh": "选择 γ = 2 / n_in 的方法，对方形层来说是 Xavier 的两倍（初始化控件下方的说明写出了每种方法的 γ）。",
    },
}

# --- the book's exercises (3.8) ----------------------------------------------------------------------
STRINGS |= {
    "ex.3.8.1.title": {"en": "Other symmetries to break", "zh": "其他需要打破的对称性"},
    "ex.3.8.1.q": {
        "en": "Apart from swapping the hidden units of an MLP, where else can a network be symmetric in a way "
        "that training has to break?",
        "zh": "除了交换多层感知机的隐藏单元之外，神经网络还会在哪些地方出现需要在训练中打破的对称性？",
    },
    "ex.3.8.1.try": {
        "en": "The run trains a 784-u-u-10 tanh MLP (two hidden layers) by SGD from three starts on the same "
        "minibatches, in float64: every weight 0.01, every weight 0, and Xavier's random draw. Change the "
        "hidden units per layer and the steps.",
        "zh": "运行在相同的小批量上、以 float64 用 SGD 从三种起点训练一个 784-u-u-10 的 tanh 多层感知机"
        "（两个隐藏层）：所有权重都为 0.01、所有权重都为 0、Xavier 随机初始化。可以改变每层的隐藏单元数和步数。",
    },
    "ex.3.8.1.units": {"en": "hidden units per layer", "zh": "每层隐藏单元数"},
    "ex.3.8.1.steps": {"en": "SGD steps", "zh": "SGD 步数"},
    "ex.3.8.1.axis_step": {"en": "SGD step", "zh": "SGD 步"},
    "ex.3.8.1.s.constant": {"en": "every weight 0.01", "zh": "所有权重 0.01"},
    "ex.3.8.1.s.zero": {"en": "every weight 0", "zh": "所有权重 0"},
    "ex.3.8.1.s.random": {"en": "Xavier (random)", "zh": "Xavier（随机）"},
    "ex.3.8.1.finding": {
        "en": "after {steps} steps from every weight = 0.01, the {units} hidden units of layer 1 differ by at most "
        "{s1:.1e} and those of layer 2 by {s2:.1e} (Xavier's start: {r1:.2f} and {r2:.2f}): the symmetry holds in "
        "every layer, so each layer works as one unit (test accuracy {acc_const:.1%}, Xavier {acc_rand:.1%}). From "
        "every weight = 0 the hidden weights moved by {zero_move:.1e}: w = 0 is the fixed point of tanh's sign "
        "symmetry, its gradient is 0, and only the output bias learns (test accuracy {acc_zero:.1%}).",
        "zh": "从所有权重 = 0.01 出发训练 {steps} 步后，第 1 层的 {units} 个隐藏单元之间最多相差 {s1:.1e}，"
        "第 2 层相差 {s2:.1e}（Xavier 起点：{r1:.2f} 和 {r2:.2f}）：每一层都保持对称，所以每层只相当于一个单元"
        "（测试精度 {acc_const:.1%}，Xavier 为 {acc_rand:.1%}）。从所有权重 = 0 出发，隐藏层的权重只变化了 "
        "{zero_move:.1e}：w = 0 是 tanh 符号对称性的不动点，梯度为 0，只有输出层的偏置在学习（测试精度 {acc_zero:.1%}）。",
    },
    "ex.3.8.1.finding_apart": {
        "en": "after {steps} steps the units started equal differ by {s1:.1e} (layer 1) and {s2:.1e} (layer 2), "
        "and the all-zero start moved by {zero_move:.1e}: here rounding has already pulled them apart (Xavier's "
        "start: {r1:.2f} and {r2:.2f}; test accuracy {acc_const:.1%}, {acc_zero:.1%} and {acc_rand:.1%}).",
        "zh": "训练 {steps} 步后，起点相同的单元相差 {s1:.1e}（第 1 层）和 {s2:.1e}（第 2 层），全零起点变化了 "
        "{zero_move:.1e}：这里舍入误差已经让它们分开（Xavier 起点：{r1:.2f} 和 {r2:.2f}；测试精度 {acc_const:.1%}、"
        "{acc_zero:.1%} 和 {acc_rand:.1%}）。",
    },
    "ex.3.8.1.answer": {
        "en": "Symmetry appears wherever parts of a network are interchangeable and start out equal: they then "
        "receive equal gradients and stay equal.\n\n"
        "- **Every layer, not only the first.** Units of any hidden layer with equal incoming and outgoing "
        "weights stay equal (the run: both layers of the constant start).\n"
        "- **Channels of a convolutional layer, units of a recurrent state, heads of multi-head attention, "
        "experts of a mixture of experts**: all are permutable; identical filters, heads or experts get "
        "identical gradients.\n"
        "- **Sign symmetry.** With an odd activation (tanh), negating a unit's incoming and outgoing weights "
        "gives the same function. Its fixed point w = 0 is a stationary point: from all-zero weights the "
        "gradient of every hidden weight is 0 (the run's zero start never moves).\n"
        "- **Scaling symmetry of ReLU.** Multiplying a unit's incoming weights by a > 0 and its outgoing "
        "weights by 1/a leaves the function unchanged but not the gradients: the loss is flat along that "
        "curve, one reason per-layer step sizes (LARS, exercise 4) and normalisation help.\n"
        "- **Copies of a whole model**: ensemble members with the same seed and the same minibatches, or "
        "embedding vectors of different tokens started equal.\n\n"
        "What breaks it: random initialisation (weights, and for embeddings every row), dropout's random "
        "masks, different data orders per ensemble member.",
        "zh": "只要网络的某些部分可以互换且初始值相同，对称性就会出现：它们得到相同的梯度，于是一直相同。\n\n"
        "- **每一层，而不只是第一层。** 任何隐藏层中输入权重和输出权重都相同的单元都会保持相同"
        "（运行结果：常数起点的两个隐藏层）。\n"
        "- **卷积层的通道、循环网络状态的单元、多头注意力的头、混合专家模型的专家**：都可以互相置换；"
        "相同的卷积核、注意力头或专家得到相同的梯度。\n"
        "- **符号对称性。** 对奇函数激活（tanh），把一个单元的输入和输出权重同时取负，函数不变。"
        "它的不动点 w = 0 是驻点：从全零权重出发，每个隐藏层权重的梯度都是 0（运行中的全零起点一动不动）。\n"
        "- **ReLU 的缩放对称性。** 把一个单元的输入权重乘以 a > 0、输出权重乘以 1/a，函数不变但梯度改变："
        "损失沿这条曲线是平的，这也是逐层步长（LARS，练习 4）和规范化有用的原因之一。\n"
        "- **整个模型的副本**：用相同随机种子和相同小批量训练的集成成员，或初始值相同的不同词元的嵌入向量。\n\n"
        "打破对称性的办法：随机初始化（权重；嵌入要每一行都随机）、暂退法的随机掩码、每个集成成员使用不同的数据顺序。",
    },
    "ex.3.8.2.title": {"en": "Constant start for softmax regression", "zh": "softmax 回归的常数初始化"},
    "ex.3.8.2.q": {
        "en": "Could every weight of linear regression or softmax regression start at the same value?",
        "zh": "线性回归或 softmax 回归的所有权重能否初始化为同一个值？",
    },
    "ex.3.8.2.try": {
        "en": "The run trains softmax regression (784-10) on all 60,000 training images by SGD (learning rate "
        "0.1, minibatch 256), once from every weight = c and once from N(0, 0.01²); for contrast, the same "
        "for an MLP with one hidden layer of 64 ReLU units. Change c and the epochs.",
        "zh": "运行用 SGD（学习率 0.1，小批量 256）在全部 60,000 张训练图像上训练 softmax 回归（784-10），"
        "一次从所有权重 = c 出发，一次从 N(0, 0.01²) 出发；作为对照，对含一个 64 个 ReLU 单元隐藏层的"
        "多层感知机做同样的事。可以改变 c 和迭代周期数。",
    },
    "ex.3.8.2.constant": {"en": "c: the value every weight starts at", "zh": "c：所有权重的初始值"},
    "ex.3.8.2.epochs": {"en": "epochs", "zh": "迭代周期数"},
    "ex.3.8.2.axis_epoch": {"en": "epoch", "zh": "迭代周期"},
    "ex.3.8.2.s.softmax_constant": {"en": "softmax, every weight c", "zh": "softmax，所有权重 c"},
    "ex.3.8.2.s.softmax_random": {"en": "softmax, random", "zh": "softmax，随机"},
    "ex.3.8.2.s.mlp_constant": {"en": "MLP, every weight c", "zh": "多层感知机，所有权重 c"},
    "ex.3.8.2.s.mlp_random": {"en": "MLP, random", "zh": "多层感知机，随机"},
    "ex.3.8.2.finding": {
        "en": "after {epochs} epochs, softmax regression started at every weight = {c:g} reaches {soft_c:.1%} test "
        "accuracy, against {soft_r:.1%} from the random start: the constant start works. The MLP with {hidden} "
        "hidden units does not: {mlp_c:.1%} from the constant, {mlp_r:.1%} from the random start.",
        "zh": "训练 {epochs} 个迭代周期后，从所有权重 = {c:g} 出发的 softmax 回归测试精度为 {soft_c:.1%}，"
        "随机起点为 {soft_r:.1%}：常数初始化可行。含 {hidden} 个隐藏单元的多层感知机则不行："
        "常数起点 {mlp_c:.1%}，随机起点 {mlp_r:.1%}。",
    },
    "ex.3.8.2.finding_mlp_fine": {
        "en": "after {epochs} epochs, softmax regression started at every weight = {c:g} reaches {soft_c:.1%} test "
        "accuracy, against {soft_r:.1%} from the random start: the constant start works. In this run the MLP "
        "with {hidden} hidden units is not far behind either ({mlp_c:.1%} from the constant, {mlp_r:.1%} random), "
        "although its hidden units all stay equal.",
        "zh": "训练 {epochs} 个迭代周期后，从所有权重 = {c:g} 出发的 softmax 回归测试精度为 {soft_c:.1%}，"
        "随机起点为 {soft_r:.1%}：常数初始化可行。这次运行中含 {hidden} 个隐藏单元的多层感知机也相差不远"
        "（常数起点 {mlp_c:.1%}，随机起点 {mlp_r:.1%}），尽管它的隐藏单元始终相同。",
    },
    "ex.3.8.2.finding_apart": {
        "en": "after {epochs} epochs, softmax regression started at every weight = {c:g} reaches {soft_c:.1%} test "
        "accuracy and the random start {soft_r:.1%}: more than a point apart in this run. The MLP with {hidden} "
        "hidden units: {mlp_c:.1%} from the constant, {mlp_r:.1%} from the random start.",
        "zh": "训练 {epochs} 个迭代周期后，从所有权重 = {c:g} 出发的 softmax 回归测试精度为 {soft_c:.1%}，"
        "随机起点为 {soft_r:.1%}：这次相差超过一个百分点。含 {hidden} 个隐藏单元的多层感知机："
        "常数起点 {mlp_c:.1%}，随机起点 {mlp_r:.1%}。",
    },
    "ex.3.8.2.answer": {
        "en": "Yes. Softmax regression has no hidden units that could stay interchangeable: the gradient of "
        "output j's weights is $\\sum_i \\mathbf{x}_i (\\hat{y}_{ij} - y_{ij})$, and although every "
        "$\\hat{y}_{ij} = 1/q$ at a constant start, the labels $y_{ij}$ differ from class to class, so the "
        "columns of $\\mathbf{W}$ part at the first step. More: every weight equal to c adds the same "
        "$c \\sum_k x_k$ to every logit, which softmax ignores, so the gradients (and the predictions) are "
        "those of the all-zero start whatever c is; change c and watch softmax regression's accuracy stay put. "
        "The loss is convex, so the start barely matters. Linear regression is the same story with one "
        "output. The MLP is different: its hidden units start equal, get equal gradients and stay a single "
        "unit, copied.",
        "zh": "可以。softmax 回归没有可以互换的隐藏单元：第 j 个输出的权重梯度是 "
        "$\\sum_i \\mathbf{x}_i (\\hat{y}_{ij} - y_{ij})$，常数起点处虽然所有 $\\hat{y}_{ij} = 1/q$，"
        "但标签 $y_{ij}$ 因类别而异，所以 $\\mathbf{W}$ 的各列在第一步就分开了。而且所有权重都等于 c 时，"
        "每个未规范化的预测都加上同一个 $c \\sum_k x_k$，softmax 不受影响，所以无论 c 取何值，梯度（和预测）"
        "都与全零起点相同；改变 c，可以看到 softmax 回归的精度不变。损失是凸的，起点几乎无关紧要。"
        "线性回归同理，只是只有一个输出。多层感知机则不同：隐藏单元从相同的值出发、得到相同的梯度，"
        "始终只是一个单元的多份拷贝。",
    },
    "ex.3.8.3.title": {"en": "Bounds on a product's eigenvalues", "zh": "矩阵乘积特征值的界"},
    "ex.3.8.3.q": {
        "en": "What can be said analytically about the eigenvalues of a product of two matrices, and what does "
        "that mean for keeping the gradients of a deep network well conditioned?",
        "zh": "关于两个矩阵乘积的特征值，解析上能给出什么样的界？这对保证深度网络梯度的条件良好意味着什么？",
    },
    "ex.3.8.3.try": {
        "en": "The run reads the page's product above (its count, size n and σ) and compares its spectral "
        "norm and smallest singular value with the bounds at every step.",
        "zh": "运行读取上文页面中的矩阵乘积（矩阵个数、大小 n 和 σ），在每一步把它的谱范数和最小奇异值与界作比较。",
    },
    "ex.3.8.3.axis_log": {"en": "log₁₀ (singular value)", "zh": "log₁₀（奇异值）"},
    "ex.3.8.3.s.upper": {"en": "product of the norms (upper bound)", "zh": "范数之积（上界）"},
    "ex.3.8.3.s.norm": {"en": "norm of the product", "zh": "乘积的范数"},
    "ex.3.8.3.s.floor": {"en": "smallest singular value of the product", "zh": "乘积的最小奇异值"},
    "ex.3.8.3.s.lower": {"en": "product of the smallest singular values (lower bound)", "zh": "最小奇异值之积（下界）"},
    "ex.3.8.3.finding": {
        "en": "after {count} {size}×{size} matrices (σ = {sigma:g}), log₁₀ of the product's spectral norm is "
        "{actual:.1f}, under the bound {upper:.1f}; its smallest singular value, 10^{floor:.1f}, stays above "
        "10^{lower:.1f}. Per matrix the norm grows by 10^{growth:.3f} while the bound allows 10^{bound_growth:.3f}: "
        "the bounds hold but grow apart, which is why keeping each factor's singular values near 1 matters.",
        "zh": "{count} 个 {size}×{size} 矩阵（σ = {sigma:g}）相乘后，乘积谱范数的 log₁₀ 为 {actual:.1f}，"
        "低于上界 {upper:.1f}；其最小奇异值 10^{floor:.1f} 高于下界 10^{lower:.1f}。每乘一个矩阵，范数增长 "
        "10^{growth:.3f} 倍，而上界允许 10^{bound_growth:.3f} 倍：界成立，但与实际越差越远，"
        "所以要让每个因子的奇异值都接近 1。",
    },
    "ex.3.8.3.answer": {
        "en": "Eigenvalues alone bound nothing: $A = \\begin{pmatrix}0&1\\\\0&0\\end{pmatrix}$ and "
        "$B = A^\\top$ have only the eigenvalue 0, yet $AB = \\begin{pmatrix}1&0\\\\0&0\\end{pmatrix}$ "
        "has eigenvalue 1. The bounds come from the singular values (square roots of the eigenvalues of "
        "$A^\\top A$):\n\n"
        "- $\\|AB\\|_2 \\le \\|A\\|_2 \\|B\\|_2$, because "
        "$\\|AB\\mathbf{x}\\| \\le \\|A\\|_2 \\|B\\mathbf{x}\\| \\le \\|A\\|_2 \\|B\\|_2 \\|\\mathbf{x}\\|$;\n"
        "- $\\sigma_{\\min}(AB) \\ge \\sigma_{\\min}(A)\\,\\sigma_{\\min}(B)$ for square matrices, by the "
        "same chain from below;\n"
        "- so every eigenvalue λ of AB satisfies "
        "$\\sigma_{\\min}(A)\\sigma_{\\min}(B) \\le |\\lambda| \\le \\|A\\|_2\\|B\\|_2$, and the "
        "condition number obeys $\\kappa(AB) \\le \\kappa(A)\\,\\kappa(B)$ (Horn's inequalities refine "
        "this for the top k singular values).\n\n"
        "For a deep network the gradient reaching layer 1 is a product of L Jacobians "
        "$\\mathrm{diag}(\\sigma'(\\mathbf{z}^{(l)}))\\mathbf{W}^{(l)}$. If every factor's norm is below 1 "
        "(sigmoid's slope is at most 1/4) the gradient vanishes at least geometrically; if every factor's "
        "smallest singular value is above 1 it explodes; and the conditioning can degrade like the product "
        "of the factors' condition numbers. Keeping each layer's singular values near 1 (variance-preserving "
        "Xavier or Kaiming initialisation, orthogonal initialisation, activations of slope 1 near 0, "
        "normalisation) keeps both bounds near 1. For random matrices the upper bound is loose: a Gaussian "
        "n×n matrix has norm about $2\\sigma\\sqrt{n}$ but the product grows by only about "
        "$\\sigma\\sqrt{n}$ per factor, as the run and the checks show.",
        "zh": "单靠特征值给不出任何界：$A = \\begin{pmatrix}0&1\\\\0&0\\end{pmatrix}$ 和 $B = A^\\top$ "
        "的特征值都只有 0，而 $AB = \\begin{pmatrix}1&0\\\\0&0\\end{pmatrix}$ 的特征值有 1。"
        "界来自奇异值（$A^\\top A$ 特征值的平方根）：\n\n"
        "- $\\|AB\\|_2 \\le \\|A\\|_2 \\|B\\|_2$，因为 "
        "$\\|AB\\mathbf{x}\\| \\le \\|A\\|_2 \\|B\\mathbf{x}\\| \\le \\|A\\|_2 \\|B\\|_2 \\|\\mathbf{x}\\|$；\n"
        "- 对方阵，$\\sigma_{\\min}(AB) \\ge \\sigma_{\\min}(A)\\,\\sigma_{\\min}(B)$，从下方用同样的链式不等式；\n"
        "- 所以 AB 的每个特征值 λ 满足 "
        "$\\sigma_{\\min}(A)\\sigma_{\\min}(B) \\le |\\lambda| \\le \\|A\\|_2\\|B\\|_2$，"
        "条件数满足 $\\kappa(AB) \\le \\kappa(A)\\,\\kappa(B)$（Horn 不等式对前 k 个奇异值给出更细的结果）。\n\n"
        "在深度网络中，到达第 1 层的梯度是 L 个雅可比矩阵 "
        "$\\mathrm{diag}(\\sigma'(\\mathbf{z}^{(l)}))\\mathbf{W}^{(l)}$ 的乘积。如果每个因子的范数都小于 1"
        "（sigmoid 的斜率最多 1/4），梯度至少按几何级数衰减（梯度消失）；如果每个因子的最小奇异值都大于 1，就会梯度爆炸；"
        "条件数则可能像各因子条件数之积那样变差。让每层的奇异值都接近 1（保持方差的 Xavier 或 Kaiming 初始化、"
        "正交初始化、在 0 附近斜率为 1 的激活函数、规范化），两个界就都接近 1。对随机矩阵，上界很松："
        "n×n 的高斯矩阵范数约为 $2\\sigma\\sqrt{n}$，而乘积每乘一个因子只增长约 $\\sigma\\sqrt{n}$，"
        "运行和数值检验都显示了这一点。",
    },
    "ex.3.8.3.check.upper": {
        "en": "‖AB‖₂ ≤ ‖A‖₂‖B‖₂ on {count} random products of 2 and 3 matrices (Gaussian and upper triangular, "
        "which are not normal): the closest case is 10^{closest:.3f} below the bound.",
        "zh": "在 {count} 个 2 个或 3 个随机矩阵的乘积上（高斯矩阵和非正规的上三角矩阵）检验 ‖AB‖₂ ≤ ‖A‖₂‖B‖₂："
        "最接近的情形比上界低 10^{closest:.3f} 倍。",
    },
    "ex.3.8.3.check.lower": {
        "en": "σ_min(AB) ≥ σ_min(A)σ_min(B) on the same {count} products: the closest case is 10^{closest:.3f} "
        "above the bound.",
        "zh": "在同样的 {count} 个乘积上检验 σ_min(AB) ≥ σ_min(A)σ_min(B)：最接近的情形比下界高 10^{closest:.3f} 倍。",
    },
    "ex.3.8.3.check.page": {
        "en": "The page's product of {count} {size}×{size} matrices (σ = {sigma:g}), step by step: log₁₀ of its "
        "norm is {actual:.2f}, the product of the norms {bound:.2f} ({slack:.2f} orders of magnitude of slack).",
        "zh": "页面上 {count} 个 {size}×{size} 矩阵（σ = {sigma:g}）的乘积，逐步检验：其范数的 log₁₀ 为 "
        "{actual:.2f}，范数之积为 {bound:.2f}（相差 {slack:.2f} 个数量级）。",
    },
    "ex.3.8.4.title": {"en": "Fixing divergence after the fact", "zh": "事后修正发散"},
    "ex.3.8.4.q": {
        "en": "If we know some terms are going to diverge, can we repair that after the fact? (See layer-wise "
        "adaptive rate scaling, LARS.)",
        "zh": "如果知道某些项会发散，能否在事后修正？（参考逐层自适应学习率缩放 LARS。）",
    },
    "ex.3.8.4.try": {
        "en": "The run trains the page's deeper MLP (5 hidden layers of 256 ReLU units, Kaiming start) on "
        "20,000 training images three ways on the same minibatches: plain SGD, SGD with the whole gradient "
        "clipped to a norm, and LARS-style steps where each layer moves by learning rate × trust × its own "
        "norm. Raise and lower the learning rate.",
        "zh": "运行在 20,000 张训练图像上、用相同的小批量以三种方式训练页面上更深的多层感知机（5 个隐藏层，"
        "每层 256 个 ReLU 单元，Kaiming 初始化）：普通 SGD、把整个梯度裁剪到给定范数的 SGD、LARS 式步长"
        "（每层移动学习率 × 信任系数 × 该层自身的范数）。可以调高或调低学习率。",
    },
    "ex.3.8.4.lr": {"en": "learning rate", "zh": "学习率"},
    "ex.3.8.4.clip": {"en": "clip the gradient's norm at", "zh": "梯度范数裁剪阈值"},
    "ex.3.8.4.trust": {"en": "LARS trust coefficient", "zh": "LARS 信任系数"},
    "ex.3.8.4.trust_help": {
        "en": "Each layer's step is scaled to learning rate × trust × ‖w‖ / ‖∇w‖ times its gradient.",
        "zh": "每层的步长缩放为学习率 × 信任系数 × ‖w‖ / ‖∇w‖ 乘以该层的梯度。",
    },
    "ex.3.8.4.epochs": {"en": "epochs", "zh": "迭代周期数"},
    "ex.3.8.4.s.plain": {"en": "plain SGD", "zh": "普通 SGD"},
    "ex.3.8.4.s.clip": {"en": "gradient clipping", "zh": "梯度裁剪"},
    "ex.3.8.4.s.lars": {"en": "LARS-style", "zh": "LARS 式"},
    "ex.3.8.4.finding": {
        "en": "at learning rate {lr:g}, plain SGD {plain}. Rescaling the same steps after they are computed "
        "rescues the run: with the gradient clipped at norm {clip:g} it {clip_out}, with LARS-style per-layer "
        "steps (trust {trust:g}) it {lars_out} after {epochs} epochs.",
        "zh": "学习率为 {lr:g} 时，普通 SGD {plain}。在计算出步长之后再缩放它，可以挽救这次训练："
        "把梯度裁剪到范数 {clip:g} 时{clip_out}，用 LARS 式逐层步长（信任系数 {trust:g}）时{lars_out}"
        "（{epochs} 个迭代周期）。",
    },
    "ex.3.8.4.finding_stable": {
        "en": "at learning rate {lr:g}, plain SGD {plain} without diverging; with the gradient clipped at norm "
        "{clip:g} it {clip_out}, with LARS-style steps (trust {trust:g}) it {lars_out} after {epochs} epochs. "
        "Raise the learning rate to see what the fixes are for.",
        "zh": "学习率为 {lr:g} 时，普通 SGD 没有发散，{plain}；把梯度裁剪到范数 {clip:g} 时{clip_out}，"
        "用 LARS 式步长（信任系数 {trust:g}）时{lars_out}（{epochs} 个迭代周期）。调高学习率，看看这些修正有什么用。",
    },
    "ex.3.8.4.answer": {
        "en": "Partly. A step that has already produced inf or NaN cannot be undone (restart from a checkpoint), "
        "but the divergence can be prevented by rescaling each update after the gradient is computed, before "
        "it is applied:\n\n"
        "- **Gradient clipping**: $\\mathbf{g} \\leftarrow \\mathbf{g}\\,\\min(1, c/\\|\\mathbf{g}\\|)$ caps "
        "the length of every step and keeps its direction (standard for recurrent networks).\n"
        "- **LARS** (You, Gitman and Ginsburg, 2017): each layer l gets its own rate "
        "$\\eta\\,\\|\\mathbf{w}_l\\| / \\|\\nabla \\mathbf{w}_l\\|$, so every layer moves by a fixed "
        "fraction of its own size, whatever its gradient's size. The ratio $\\|\\mathbf{w}\\|/\\|\\nabla\\mathbf{w}\\|$ "
        "differs between layers by orders of magnitude, and one global learning rate large enough for the "
        "slow layers makes the fast ones diverge; LARS let ImageNet train with batches of 32k.\n"
        "- Kin of the same idea: loss scaling in mixed precision (skip the step and shrink the scale when an "
        "inf appears), learning-rate warm-up, adaptive optimisers such as Adam, normalisation layers.\n\n"
        "These treat the symptom: the steps are tamed, not the network's scale. A badly scaled start still "
        "trains slowly (compare the initialisations on the page above).",
        "zh": "可以部分修正。已经产生 inf 或 NaN 的一步无法撤销（只能从检查点重新开始），但可以在算出梯度之后、"
        "更新参数之前重新缩放每次更新，从而防止发散：\n\n"
        "- **梯度裁剪**：$\\mathbf{g} \\leftarrow \\mathbf{g}\\,\\min(1, c/\\|\\mathbf{g}\\|)$ 限制每一步的长度，"
        "方向不变（循环神经网络的标准做法）。\n"
        "- **LARS**（You、Gitman 和 Ginsburg，2017）：每层 l 有自己的学习率 "
        "$\\eta\\,\\|\\mathbf{w}_l\\| / \\|\\nabla \\mathbf{w}_l\\|$，于是每层每步移动自身大小的固定比例，"
        "与梯度大小无关。各层的 $\\|\\mathbf{w}\\|/\\|\\nabla\\mathbf{w}\\|$ 相差几个数量级，"
        "一个对慢的层足够大的全局学习率会让快的层发散；LARS 让 ImageNet 可以用 32k 的批量训练。\n"
        "- 同一思路的其他方法：混合精度中的损失缩放（出现 inf 时跳过这一步并减小缩放）、学习率预热、"
        "Adam 等自适应优化器、规范化层。\n\n"
        "这些方法治标：驯服的是步长，而不是网络本身的尺度。初始化尺度不好，训练仍然慢（对比上文页面中的各种初始化）。",
    },
}
