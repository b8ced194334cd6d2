"""Strings of the numerical-stability and initialisation page (3.8)."""

STRINGS: dict[str, dict[str, str]] = {
    "page.stability": {"en": "3.8 Numerical stability and initialisation", "zh": "3.8 数值稳定性和模型初始化"},
    "stability.intro": {
        "en": "How we start the parameters decides whether training works at all. The gradient of a deep "
        "network with respect to layer $l$ is a product of $L - l$ matrices $\\mathbf{M}^{(t)}$ and one vector: "
        "if the factors tend to be smaller than 1 the product **vanishes**, if larger it **explodes**. "
        "Every experiment below runs live; the sidebar's seed fixes the random numbers.",
        "zh": "参数如何初始化，决定了训练能否进行。深层网络关于第 $l$ 层参数的梯度是 $L - l$ 个矩阵 "
        "$\\mathbf{M}^{(t)}$ 与一个向量的乘积：因子普遍小于 1，乘积就会**消失**；普遍大于 1，乘积就会**爆炸**。"
        "下面每个实验都是实时运行的；侧边栏的种子固定了随机数。",
    },
    # vanishing
    "stability.vanish": {"en": "Vanishing gradients", "zh": "梯度消失"},
    "stability.vanish_text": {
        "en": "The sigmoid $1/(1+e^{-x})$ flattens out on both sides, and its gradient is never larger than "
        "$1/4$ (left, the book's figure). Every sigmoid layer multiplies the gradient passing back through it "
        "by such a slope, so the bottom of a deep stack hears almost nothing (right: the RMS gradient of the "
        "first layer's weights in stacks of 1 to L layers of width 64; each activation with its matching "
        "initialisation, Xavier for sigmoid and tanh, Kaiming for ReLU).",
        "zh": "sigmoid 函数 $1/(1+e^{-x})$ 在两侧都趋于平坦，其梯度从不超过 $1/4$（左图，即书中的图）。"
        "梯度每向回穿过一个 sigmoid 层，就要乘上这样一个斜率，因此深层网络的底部几乎收不到梯度"
        "（右图：由 1 到 L 个宽 64 的层堆成的网络中，第一层权重梯度的均方根；每种激活函数使用与之匹配的初始化："
        "sigmoid 与 tanh 用 Xavier，ReLU 用 Kaiming）。",
    },
    "stability.sigmoid": {"en": "sigmoid(x)", "zh": "sigmoid(x)"},
    "stability.sigmoid_grad": {"en": "gradient of sigmoid", "zh": "sigmoid 的梯度"},
    "stability.sigmoid_caption": {
        "en": "Largest gradient: {top:.4f} (at x = 0). Far from 0 the gradient is close to 0.",
        "zh": "最大梯度：{top:.4f}（在 x = 0 处）。远离 0 时梯度接近 0。",
    },
    "stability.vdepth": {"en": "Deepest stack L", "zh": "最深的层数 L"},
    "stability.vanish_caption": {
        "en": "Sigmoid: the first layer's gradient falls from {first:.1e} (1 layer) to {last:.1e} ({depth} layers). "
        "ReLU passes the gradient through unchanged wherever it is active.",
        "zh": "sigmoid：第一层的梯度从 {first:.1e}（1 层）降到 {last:.1e}（{depth} 层）。"
        "ReLU 在激活的位置把梯度原样传回。",
    },
    "stability.depth_axis": {"en": "layers in the stack", "zh": "堆叠的层数"},
    "stability.grad_axis": {"en": "RMS gradient of layer 1", "zh": "第 1 层梯度的均方根"},
    "stability.activation": {"en": "Activation", "zh": "激活函数"},
    # exploding
    "stability.explode": {"en": "Exploding gradients", "zh": "梯度爆炸"},
    "stability.explode_text": {
        "en": "The opposite: the book multiplies 100 random $4 \\times 4$ matrices with $N(0, 1)$ entries onto a "
        "first one and prints entries near $10^{25}$. Change the number of matrices, their size $n$ and their "
        "scale $\\sigma$: the norm grows or shrinks by the same factor per matrix (left), and that factor "
        "crosses 1 at one scale, about $1/\\sqrt{n}$ (right).",
        "zh": "相反的情形：书中把 100 个元素服从 $N(0, 1)$ 的 $4 \\times 4$ 随机矩阵连乘到第一个矩阵上，"
        "打印出的元素接近 $10^{25}$。改变矩阵的个数、大小 $n$ 和尺度 $\\sigma$：范数每乘一个矩阵就按相同的倍数"
        "增长或缩小（左图），而这个倍数在某个尺度处恰好为 1，约为 $1/\\sqrt{n}$（右图）。",
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
        "它在这个 σ 处为零，n 很大时趋近 1/√n。",
    },
    "stability.overflow": {
        "en": "This product is beyond float32's largest number (about 3.4e38): computed in float32, as the "
        "book's code does, it would print inf. We keep its scale as a logarithm instead.",
        "zh": "这个乘积超过了 float32 能表示的最大数（约 3.4e38）：像书中代码那样用 float32 计算会输出 inf。"
        "我们改为以对数形式记录它的数量级。",
    },
    "stability.underflow": {
        "en": "This product is below float32's smallest positive number (about 1.4e-45): in float32 it would "
        "print 0. We keep its scale as a logarithm instead.",
        "zh": "这个乘积小于 float32 能表示的最小正数（约 1.4e-45）：用 float32 计算会输出 0。"
        "我们改为以对数形式记录它的数量级。",
    },
    "stability.product_print": {"en": "# the product of {k} matrices", "zh": "# {k} 个矩阵的乘积"},
    # symmetry
    "stability.symmetry": {"en": "Symmetry", "zh": "对称性"},
    "stability.symmetry_text": {
        "en": "Start every weight of the Fashion-MNIST MLP at the same constant (0.01). All hidden units then "
        "compute the same value and receive the same gradient, so SGD moves them in lockstep: the layer "
        "behaves like a single unit. Dropout gives each unit its own random mask and breaks the tie. "
        "Below: each hidden unit's weight from the centre pixel over the SGD steps, and at the end each "
        "unit's 784 weights as an image.",
        "zh": "把 Fashion-MNIST 多层感知机的所有权重都初始化为同一个常数（0.01）。这样所有隐藏单元计算出相同的值，"
        "得到相同的梯度，SGD 让它们同步变化：整层就像只有一个单元。暂退法给每个单元各自的随机掩码，打破了这种对称。"
        "下图：每个隐藏单元来自中心像素的那个权重随 SGD 步数的变化，以及训练结束时每个单元的 784 个权重构成的图像。",
    },
    "stability.units": {"en": "Hidden units", "zh": "隐藏单元数"},
    "stability.dropout": {"en": "Dropout probability", "zh": "暂退概率"},
    "stability.steps": {"en": "SGD steps", "zh": "SGD 步数"},
    "stability.symmetry_running": {
        "en": "Training from the constant start, without and with dropout…",
        "zh": "正在从常数初始化出发训练（不使用和使用暂退法）……",
    },
    "stability.steps_help": {
        "en": "Try 300 or more: float32 rounding leaves the units one rounding step apart after the first step, "
        "and the symmetric start is an unstable balance, so that tiny difference grows until the units drift "
        "apart by themselves. Rounding is a slow, accidental symmetry breaker; dropout a deliberate one.",
        "zh": "试试 300 步以上：第一步之后 float32 的舍入就让各单元相差一个舍入单位，而对称的起点是不稳定的平衡，"
        "这个微小差异会不断放大，直到各单元自己分开。舍入是缓慢而偶然的对称破坏者，暂退法则是有意为之。",
    },
    "stability.no_dropout": {"en": "plain SGD", "zh": "普通 SGD"},
    "stability.with_dropout": {"en": "with dropout p = {p:.2f}", "zh": "暂退概率 p = {p:.2f}"},
    "stability.unit": {"en": "unit {i}", "zh": "单元 {i}"},
    "stability.images": {
        "en": "{run}: each unit's weights after training, as a 28 x 28 image (grey = 0).",
        "zh": "{run}：训练结束时每个单元的权重，显示为 28 x 28 的图像（灰色 = 0）。",
    },
    "stability.step_axis": {"en": "SGD step", "zh": "SGD 步数"},
    "stability.weight_axis": {"en": "centre-pixel weight", "zh": "中心像素的权重"},
    "stability.symmetry_caption": {
        "en": "After {steps} steps the largest difference between any two units' weights is {plain:.1e} without "
        "dropout (float32 rounding) and {dropped:.1e} with dropout.",
        "zh": "{steps} 步之后，任意两个单元权重之间的最大差异：无暂退法时为 {plain:.1e}（float32 舍入），"
        "有暂退法时为 {dropped:.1e}。",
    },
    # Xavier
    "stability.xavier": {
        "en": "Xavier initialisation: variance through the layers",
        "zh": "Xavier 初始化：方差逐层的变化",
    },
    "stability.xavier_text": {
        "en": "Treat every activation and gradient as a random variable. With weights of variance $\\gamma_t$ and "
        "no nonlinearity, each layer multiplies the forward variance by $n_{t-1}\\gamma_t$ and the backward one by "
        "$n_t\\gamma_t$; Xavier picks $\\gamma_t$ so both are about 1. Below, $N(0, 1)$ inputs go through a stack of "
        "square layers and an $N(0, 1)$ gradient comes back; dashed: the linearised theory. Pick a scheme and an "
        "activation ($4\\,\\mathrm{sigmoid}(x) - 2$ is the chapter's fix of the sigmoid).",
        "zh": "把每个激活值和梯度都看作随机变量。权重方差为 $\\gamma_t$、没有非线性时，每一层把前向方差乘以 "
        "$n_{t-1}\\gamma_t$，把反向方差乘以 $n_t\\gamma_t$；Xavier 选择 $\\gamma_t$ 使两者都约等于 1。"
        "下面让 $N(0, 1)$ 的输入穿过一摞方阵层，再让 $N(0, 1)$ 的梯度传回来；虚线是线性化的理论值。"
        "选择一种初始化方案和一种激活函数（$4\\,\\mathrm{sigmoid}(x) - 2$ 是本章对 sigmoid 的修正）。",
    },
    "stability.init": {"en": "Initialisation", "zh": "初始化方案"},
    "stability.init_normal": {
        "en": "normal: N(0, 0.01²), the book's default.",
        "zh": "normal：N(0, 0.01²)，书中的默认值。",
    },
    "stability.init_normal1": {"en": "normal1: N(0, 1).", "zh": "normal1：N(0, 1)。"},
    "stability.init_xavier_normal": {
        "en": "xavier_normal: N(0, 2 / (n_in + n_out)).",
        "zh": "xavier_normal：N(0, 2 / (n_in + n_out))。",
    },
    "stability.init_xavier_uniform": {
        "en": "xavier_uniform: U(−a, a) with a = √(6 / (n_in + n_out)), the same variance.",
        "zh": "xavier_uniform：U(−a, a)，a = √(6 / (n_in + n_out))，方差相同。",
    },
    "stability.init_kaiming": {
        "en": "kaiming: N(0, 2 / n_in), made for ReLU, which zeroes half its inputs.",
        "zh": "kaiming：N(0, 2 / n_in)，为 ReLU 设计（ReLU 把一半的输入置零）。",
    },
    "stability.init_constant": {
        "en": "constant: every weight 0.01, the symmetric start (not random, so no theory line).",
        "zh": "constant：每个权重都是 0.01，即对称的起点（不是随机的，所以没有理论线）。",
    },
    "stability.act_linear": {"en": "linear: φ(x) = x.", "zh": "linear：φ(x) = x。"},
    "stability.act_tanh": {"en": "tanh: slope 1 at 0, saturates at ±1.", "zh": "tanh：在 0 处斜率为 1，在 ±1 处饱和。"},
    "stability.act_sigmoid": {
        "en": "sigmoid: slope 1/4 at 0 and an offset of 1/2, so no simple theory line.",
        "zh": "sigmoid：在 0 处斜率为 1/4 且偏移 1/2，因此没有简单的理论线。",
    },
    "stability.act_sigmoid4": {
        "en": "sigmoid4: 4 sigmoid(x) − 2 = x − x³/12 + …, the chapter's fix: slope 1, centred at 0.",
        "zh": "sigmoid4：4 sigmoid(x) − 2 = x − x³/12 + …，本章的修正：斜率为 1，以 0 为中心。",
    },
    "stability.act_relu": {"en": "relu: max(x, 0).", "zh": "relu：max(x, 0)。"},
    "stability.depth": {"en": "Layers", "zh": "层数"},
    "stability.width": {"en": "Width n", "zh": "宽度 n"},
    "stability.forward": {"en": "activations (forward)", "zh": "激活值（前向）"},
    "stability.backward": {"en": "gradients (backward)", "zh": "梯度（反向）"},
    "stability.layer_axis": {"en": "layer t (0 = input)", "zh": "第 t 层（0 = 输入）"},
    "stability.var_axis": {"en": "variance", "zh": "方差"},
    "stability.theory_line": {
        "en": "Theory: each layer multiplies the variance by n·γ·(activation's gain) = {gain:.4g}. Xavier with a "
        "linear activation gives exactly 1: the variance stays put.",
        "zh": "理论：每一层把方差乘以 n·γ·（激活函数的增益）= {gain:.4g}。Xavier 配合线性激活恰好为 1：方差保持不变。",
    },
    "stability.no_theory": {
        "en": "No simple theory line for this combination (constant weights are not random; the sigmoid is not "
        "centred at 0).",
        "zh": "这种组合没有简单的理论线（常数权重不是随机的；sigmoid 不以 0 为中心）。",
    },
    "stability.f32_over": {
        "en": "The {direction} pass exceeds float32's range from layer {layer} on: in float32 (PyTorch's default) it "
        "would be inf or NaN there. This study runs in float64 so you can see how far it goes.",
        "zh": "{direction}从第 {layer} 层起超出了 float32 的范围：在 float32（PyTorch 的默认类型）下这里会变成 inf "
        "或 NaN。本实验用 float64 计算，好让你看到它走了多远。",
    },
    "stability.f32_under": {
        "en": "The {direction} pass falls below float32's smallest number from layer {layer} on: in float32 it "
        "would be exactly 0 there. This study runs in float64 so you can see how far it goes.",
        "zh": "{direction}从第 {layer} 层起小于 float32 能表示的最小数：在 float32 下这里会恰好为 0。"
        "本实验用 float64 计算，好让你看到它走了多远。",
    },
    "stability.hist_panel": {"en": "{direction}, {layers} layer(s) in", "zh": "{direction}，经过 {layers} 层"},
    "stability.hist_count": {"en": "count", "zh": "个数"},
    # training
    "stability.train": {"en": "Training a deeper MLP under each scheme", "zh": "在各种初始化下训练更深的多层感知机"},
    "stability.train_text": {
        "en": "The Fashion-MNIST MLP with five hidden layers of 256 units (lr 0.1, batch 256), one run per "
        "scheme, with the trainer of the MLP page. Too small a start lets the signal die on the way up (N(0, 0.01²) "
        "stays at 10% accuracy), too large a start blows it up, and the constant start makes every unit of a layer "
        "the same, so the network is one unit wide in effect; at 0.01 with 256 inputs per unit it also multiplies "
        "the signal by 2.56 per layer and blows up as well.",
        "zh": "有五个 256 单元隐藏层的 Fashion-MNIST 多层感知机（学习率 0.1，批量 256），每种初始化训练一次，"
        "使用与多层感知机页面相同的训练器。初始值太小，信号在向上传递时消失（N(0, 0.01²) 的精度停在 10%）；"
        "太大则会爆炸；常数初始化让一层中的所有单元完全相同，网络实际上只有一个单元宽；"
        "而且 0.01 乘以每个单元的 256 个输入，使信号每层放大 2.56 倍，同样会爆炸。",
    },
    "stability.schemes": {"en": "Schemes to train", "zh": "要训练的初始化方案"},
    "stability.epochs": {"en": "Epochs", "zh": "训练轮数"},
    "stability.train_go": {"en": "Train the {n} networks", "zh": "训练这 {n} 个网络"},
    "stability.train_note": {
        "en": "Training takes a while on a CPU (about a minute per network and epoch on a small server). "
        "Results trained before on this server appear without pressing the button.",
        "zh": "在 CPU 上训练需要一些时间（在小型服务器上每个网络每轮约一分钟）。"
        "本服务器之前训练过的结果无需点击按钮即可显示。",
    },
    "stability.diverged_init": {
        "en": "Here the learning rate is the MLP page's usual 0.1: it is this starting scale that blew up.",
        "zh": "这里的学习率是多层感知机页面常用的 0.1：是这种初始尺度导致了爆炸。",
    },
    "stability.pick_scheme": {"en": "Pick at least one scheme to train.", "zh": "请至少选择一种初始化方案。"},
    "stability.train_caption": {
        "en": "Solid lines: the same network and data, only the starting weights differ. A run that blew up "
        "stops early and says so above.",
        "zh": "实线：网络与数据完全相同，只有初始权重不同。发散的运行会提前停止，并在上方给出说明。",
    },
}

# The words of this topic's rows of the reproduce registry (mlp_lab.checks): check.<id>.quantity,
# .book (what the source says, or for a claim what the page asserts) and .tolerance.
STRINGS |= {
    "check.stability.matrix_product_explodes.quantity": {
        "en": "log10 of the largest |entry| of the product of 101 random 4x4 N(0, 1) matrices (the book's loop)",
        "zh": "101 个 4x4 N(0, 1) 随机矩阵之积（书中的循环）的最大元素绝对值的 log10",
    },
    "check.stability.matrix_product_explodes.source": {
        "en": "entries near 1e25",
        "zh": "元素接近 1e25",
    },
    "check.stability.matrix_product_explodes.tolerance": {
        "en": "in [20, 32] (seeds 0-9: 21.4 to 28.7)",
        "zh": "在 [20, 32] 内（种子 0-9：21.4 至 28.7）",
    },
    "check.stability.xavier_preserves_variance.quantity": {
        "en": "20 linear layers of width 256: Var[h^t] / Var[x] under Xavier (min..max), N(0, 1) and N(0, 0.01) at t=20",
        "zh": "20 个宽 256 的线性层：Xavier 下 Var[h^t]/Var[x]（最小..最大），N(0,1) 与 N(0,0.01) 在第 20 层",
    },
    "check.stability.xavier_preserves_variance.source": {
        "en": "Xavier keeps the variance; N(0, 1) grows, N(0, 0.01) shrinks",
        "zh": "Xavier 保持方差；N(0, 1) 使方差增大，N(0, 0.01) 使方差缩小",
    },
    "check.stability.xavier_preserves_variance.tolerance": {
        "en": "Xavier every layer in [0.7, 1.3] (seeds 0-4: 0.83 to 1.08); N(0, 1) between 1e47x and 1e49.5x; N(0, 0.01) between 1e-33x and 1e-30.5x (seeds 0-4: 1e48.1-1e48.2, 1e-31.9-1e-31.8)",
        "zh": "Xavier 每层都在 [0.7, 1.3] 内（种子 0-4：0.83 至 1.08）；N(0, 1) 在 1e47 倍到 1e49.5 倍之间；N(0, 0.01) 在 1e-33 倍到 1e-30.5 倍之间（种子 0-4：1e48.1-1e48.2，1e-31.9-1e-31.8）",
    },
    "check.stability.symmetry_constant_init.quantity": {
        "en": "largest difference between hidden units' weights after 100 SGD steps from a constant start, without / with dropout 0.5",
        "zh": "从常数初始化出发 SGD 100 步后隐藏单元权重之间的最大差异，无暂退法 / 暂退概率 0.5",
    },
    "check.stability.symmetry_constant_init.source": {
        "en": "units stay identical; dropout breaks the symmetry",
        "zh": "各单元保持相同；暂退法打破对称性",
    },
    "check.stability.symmetry_constant_init.tolerance": {
        "en": "without: < 3e-6 (float32 rounding of weights near 0.01; seeds 0-4: 8.6e-8 to 3.1e-7); with: > 0.01 (seeds 0-4: 0.024 to 0.053)",
        "zh": "不用暂退法：< 3e-6（接近 0.01 的权重的 float32 舍入；种子 0-4：8.6e-8 至 3.1e-7）；使用暂退法：> 0.01（种子 0-4：0.024 至 0.053）",
    },
}
