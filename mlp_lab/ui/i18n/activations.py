"""Strings of the page on multilayer perceptrons and their activation functions (3.1)."""

BOOK_31 = "https://zh.d2l.ai/chapter_multilayer-perceptrons/mlp.html"

STRINGS: dict[str, dict[str, str]] = {
    "page.activations": {"en": "3.1 Activation functions", "zh": "3.1 激活函数"},
    "act.intro": {
        "en": "A hidden layer without a nonlinearity adds nothing: an affine function of an affine "
        "function is affine. The activation function $\\sigma$ applied after each hidden affine map "
        "is what lets an MLP model more than a linear model can. This page follows "
        f"[section 3.1 of the book]({BOOK_31}): first why a linear model is not enough, then the "
        "activation functions, each drawn with its derivative as PyTorch's autograd computes it (as the "
        "book does, with `y.backward(torch.ones_like(x))`), then what one hidden layer can approximate, "
        "and why depth still matters.",
        "zh": "没有非线性的隐藏层不会带来任何新东西：仿射函数的仿射函数仍是仿射函数。"
        "在每个隐藏层的仿射变换之后应用激活函数 $\\sigma$，多层感知机才能表示线性模型表示不了的关系。"
        f"本页依照[书中 3.1 节]({BOOK_31})的顺序：先看线性模型为什么不够用，再看各个激活函数及其导数"
        "（与书中一样，用 `y.backward(torch.ones_like(x))` 由 PyTorch 的自动微分求出），"
        "然后看单隐藏层能逼近什么，以及为什么深度仍然重要。",
    },
    # --- 3.1.1: linear models force monotone effects
    "act.mono": {"en": "A linear model can only go one way", "zh": "线性模型只能朝一个方向变化"},
    "act.mono_text": {
        "en": "Linearity implies *monotonicity*: raising any one feature always moves a linear model's output "
        "the same way, up if its weight is positive, down if it is negative, whatever the other features "
        f"are. The [book's examples]({BOOK_31}): a higher income makes repaying a loan more likely, but not "
        "in a straight line (taking the logarithm of income helps); the risk of death falls with body "
        "temperature below 37 °C and rises above it, which no single weight on temperature can say "
        "(using the distance from 37 °C as the feature helps); and whether a picture shows a cat or a dog "
        "cannot depend on each pixel's brightness in one fixed direction, and no simple preprocessing "
        "fixes that. A hidden layer learns such a representation from the data. Below: made-up risks "
        "around 37 °C (the book gives no data), fitted three ways.",
        "zh": "线性意味着*单调*：对线性模型来说，任何一个特征增大，输出总是朝同一个方向变化——"
        "对应的权重为正就增大，为负就减小，与其他特征取什么值无关。"
        f"[书中的例子]({BOOK_31})：收入越高，偿还贷款的可能性越大，但二者并非线性关系（对收入取对数可以缓解）；"
        "体温低于 37 摄氏度时，体温越高死亡风险越低，高于 37 摄氏度时则相反，"
        "温度上的任何一个权重都表达不了这一点（改用与 37 摄氏度的距离作为特征可以解决）；"
        "而判断一张图片是猫还是狗，不可能取决于每个像素的亮度朝某个固定方向的变化，这也无法靠简单的预处理解决。"
        "隐藏层则可以从数据中学到这样的表示。下面用 37 摄氏度附近的一组虚构风险数据（书中没有给出数据），"
        "以三种方式拟合。",
    },
    "act.mono_units": {"en": "Hidden units of the example", "zh": "本例的隐藏单元数"},
    "act.mono_temperature": {"en": "body temperature t (°C)", "zh": "体温 t（摄氏度）"},
    "act.mono_risk": {"en": "risk (made-up units)", "zh": "风险（虚构单位）"},
    "act.mono_line": {"en": "line in t", "zh": "关于 t 的直线"},
    "act.mono_distance": {"en": "line in |t − 37|", "zh": "关于 |t − 37| 的直线"},
    "act.mono_hidden": {"en": "one hidden layer, {k} ReLU units", "zh": "单隐藏层，{k} 个 ReLU 单元"},
    "act.mono_rises": {"en": "rises", "zh": "上升"},
    "act.mono_falls": {"en": "falls", "zh": "下降"},
    "act.mono_shows": {
        "en": "The best straight line has slope {slope:+.3f} per °C, so it says the risk {direction} all the way "
        "from {lo:g} to {hi:g} °C and calls {safest:g} °C the safest temperature; its mean squared error is "
        "{line:.4f}. With the distance from 37 °C as the feature (the book's fix) a linear model fits "
        "({dist:.4f}); one hidden layer of {k} ReLU units finds the bend from t alone ({hidden:.4f}, "
        "{ratio:.0f} times smaller than the line's).",
        "zh": "最优的直线斜率为每摄氏度 {slope:+.3f}，于是它认为从 {lo:g} 到 {hi:g} 摄氏度风险一路{direction}，"
        "并把 {safest:g} 摄氏度当作最安全的体温；它的均方误差为 {line:.4f}。"
        "以与 37 摄氏度的距离作为特征（书中的办法），线性模型就能拟合（{dist:.4f}）；"
        "含 {k} 个 ReLU 单元的单隐藏层只看 t 本身就找到了这个拐弯（{hidden:.4f}，是直线的 1/{ratio:.0f}）。",
    },
    "act.mono_not": {
        "en": "In this draw (seed {seed}) one hidden layer with k = {k} ReLU units does not clearly beat the line: "
        "mean squared error {hidden:.4f} against the line's {line:.4f} (the line in |t − 37|: {dist:.4f}). {hint}",
        "zh": "这次抽样（种子 {seed}）中，含 k = {k} 个 ReLU 单元的单隐藏层没有明显胜过直线：均方误差 {hidden:.4f}，"
        "直线为 {line:.4f}（关于 |t − 37| 的直线：{dist:.4f}）。{hint}",
    },
    "act.mono_spread": {
        "en": "Seeds {lo}–{hi} (each draws new points and starting weights): the line's mean squared error is "
        "{ratios} times the hidden layer's ({k} units); {shown} of {n} show the bend (over 3 times).",
        "zh": "种子 {lo}–{hi}（每个种子抽取不同的数据点和初始权重）：直线的均方误差分别是隐藏层（{k} 个单元）的 "
        "{ratios} 倍；{n} 个种子中有 {shown} 个呈现出这个拐弯（超过 3 倍）。",
    },
    "act.mono_more_units": {
        "en": "One unit has a single kink; give the layer a few more units to follow both sides of 37 °C.",
        "zh": "一个单元只有一个折点；多给隐藏层几个单元，它才能同时顾及 37 摄氏度的两侧。",
    },
    "act.try_seed": {
        "en": "Seed {seed} shows it at these settings.",
        "zh": "在这些设置下，种子 {seed} 可以看到这一现象。",
    },
    "act.alt_mono": {
        "en": "Risk against body temperature: {n} made-up points from {lo:g} to {hi:g} °C, lowest near 37 °C, "
        "with three fits: the straight line (slope {slope:+.3f} per °C, mean squared error {line:.4f}), the line "
        "in |t − 37| ({dist:.4f}) and one hidden layer of {k} ReLU units ({hidden:.4f}).",
        "zh": "风险随体温的变化：{n} 个虚构数据点，体温从 {lo:g} 到 {hi:g} 摄氏度，在 37 摄氏度附近最低。"
        "三种拟合：直线（斜率每摄氏度 {slope:+.3f}，均方误差 {line:.4f}）、关于 |t − 37| 的直线（{dist:.4f}）"
        "和含 {k} 个 ReLU 单元的单隐藏层（{hidden:.4f}）。",
    },
    # --- 3.1.2: the functions
    "act.functions_heading": {"en": "Activation functions and their derivatives", "zh": "激活函数及其导数"},
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
    "act.grad": {"en": "f′(x) by autograd", "zh": "自动微分求出的 f′(x)"},
    "act.col_function": {"en": "function", "zh": "函数"},
    "act.sep": {"en": ", ", "zh": "、"},
    "act.flat_shade": {"en": "Shaded: where |f′(x)| < 0.01.", "zh": "阴影区域：|f′(x)| < 0.01 之处。"},
    "act.flat_tail": {
        "en": "{names} saturate in the shaded tails: they level off towards a limit, and the derivative there is "
        "small but not zero, so little gradient gets through (the vanishing gradient of 3.8).",
        "zh": "{names} 在阴影所示的两端饱和：函数趋于一个极限值，导数很小但不为零，能传回的梯度所剩无几"
        "（即 3.8 节的梯度消失）。",
    },
    "act.flat_zero": {
        "en": "{names}: on the shaded side the derivative is exactly 0, not small. That is not saturation: no "
        "gradient passes there at all, and a unit whose input stays on that side stops learning (a “dead” "
        "unit). On the other side the derivative is 1 and does not shrink.",
        "zh": "{names}：阴影一侧的导数恰好为 0，而不只是很小。这不是饱和：那里完全没有梯度通过，"
        "输入始终落在这一侧的单元就不再学习（所谓“死亡”单元）。另一侧的导数为 1，不会变小。",
    },
    "act.flat_turn": {
        "en": "{name}: near x = {x:.1f} the derivative passes through 0 where the function has its minimum "
        "(a turning point, not a flat side).",
        "zh": "{name}：在 x = {x:.1f} 附近导数经过 0，函数在此取得最小值（这是一个拐点，不是平坦的一侧）。",
    },
    "act.alt_curve": {
        "en": "{name}: f(x) goes from {ymin:.2f} to {ymax:.2f} for x from {x0:g} to {x1:g}; its derivative f′(x) "
        "from {gmin:.2f} to {gmax:.2f}{peak}; {flats}.",
        "zh": "{name}：x 从 {x0:g} 到 {x1:g} 时，f(x) 在 {ymin:.2f} 与 {ymax:.2f} 之间，"
        "导数 f′(x) 在 {gmin:.2f} 与 {gmax:.2f} 之间{peak}；{flats}。",
    },
    "act.alt_peak": {"en": ", largest at x = {x:.1f}", "zh": "，在 x = {x:.1f} 处最大"},
    "act.alt_flat_tail": {
        "en": "|f′| < 0.01 for x from {a:.1f} to {b:.1f} (saturated)",
        "zh": "x 从 {a:.1f} 到 {b:.1f} 时 |f′| < 0.01（饱和）",
    },
    "act.alt_flat_zero": {
        "en": "f′ = 0 for x from {a:.1f} to {b:.1f} (no gradient at all)",
        "zh": "x 从 {a:.1f} 到 {b:.1f} 时 f′ = 0（完全没有梯度）",
    },
    "act.alt_flat_turn": {
        "en": "f′ near 0 at x = {a:.1f} (its minimum)",
        "zh": "x = {a:.1f} 处 f′ 接近 0（函数的最小值）",
    },
    "act.alt_no_flat": {"en": "|f′| ≥ 0.01 everywhere on this range", "zh": "在此范围内处处 |f′| ≥ 0.01"},
    "act.alt_overlay": {
        "en": "The chosen functions in one chart, their derivatives in a second. {curves}",
        "zh": "所选函数画在一张图中，导数画在另一张图中。{curves}",
    },
    "act.in_book": {"en": "in the book", "zh": "书中"},
    "act.beyond": {"en": "beyond the book", "zh": "书外"},
    # --- the claims table
    "act.claims": {"en": "The chapter's claims, measured", "zh": "实测本节的论断"},
    "act.claim": {"en": "Claim", "zh": "论断"},
    "act.measured": {"en": "Measured", "zh": "实测值"},
    "act.error": {"en": "Error", "zh": "误差"},
    "act.holds": {"en": "Holds", "zh": "成立"},
    "act.claim.affine_collapse": {
        "en": "Two affine layers without an activation are one: W = W1 W2, b = b1 W2 + b2 (max difference)",
        "zh": "没有激活函数的两个仿射层等价于一层：W = W1 W2，b = b1 W2 + b2（最大差值）",
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
    # --- universal approximation
    "act.uat": {"en": "Universal approximation, hands on", "zh": "动手体验通用近似定理"},
    "act.uat_intro": {
        "en": "The universal approximation theorem: one hidden layer with enough units can approximate any "
        "*continuous* function on a closed interval as closely as we like, everywhere at once. (The book "
        f"[says it loosely]({BOOK_31}), “any function”; the theorem is about continuous ones.) Fit k units "
        "to a target below; the smaller k on the same chart show what fewer units manage.",
        "zh": "通用近似定理：只要隐藏单元足够多，单隐藏层网络就能在闭区间上以任意精度、处处一致地逼近任意*连续*函数。"
        f"（[书中的说法]({BOOK_31})较宽泛，说的是“任意函数”；定理本身针对的是连续函数。）"
        "下面用 k 个隐藏单元拟合一个目标函数；同一张图中较小的 k 显示单元更少时能做到什么程度。",
    },
    "act.units": {"en": "Hidden units k", "zh": "隐藏单元数 k"},
    "act.uat_activation": {"en": "Activation", "zh": "激活函数"},
    "act.target": {"en": "Target function", "zh": "目标函数"},
    "act.target_help": {
        "en": "sin, abs = |x| (continuous); step, sawtooth (not continuous: they jump)",
        "zh": "sin（正弦）、abs = |x|（连续）；step（阶跃）、sawtooth（锯齿波）（不连续：有跳跃）",
    },
    "act.series_fit": {"en": "fit, k = {k}", "zh": "拟合，k = {k}"},
    "act.col_target": {"en": "target", "zh": "目标函数"},
    "act.alt_approx": {
        "en": "{target} on [−π, π] ({n} points) and the fits of one hidden layer of {activation} units with "
        "k = {ks}. Mean squared error: {mses}. Largest error: {sups}.",
        "zh": "[−π, π] 上的 {target}（{n} 个点），以及 k = {ks} 个 {activation} 单元的单隐藏层的拟合。"
        "均方误差：{mses}。最大误差：{sups}。",
    },
    "act.falls": {
        "en": "The error falls with every step up in k: mean squared error {first:.1e} with k = 1, {last:.1e} "
        "with k = {k} (seed {seed}).",
        "zh": "k 每增大一级，误差都随之下降：k = 1 时均方误差为 {first:.1e}，k = {k} 时为 {last:.1e}（种子 {seed}）。",
    },
    "act.not_falls": {
        "en": "In this draw (seed {seed}) the error does not fall at every step up in k: mean squared error "
        "{errors}. {hint}",
        "zh": "这次抽样（种子 {seed}）中，误差并非随 k 的每一级增大都下降：均方误差 {errors}。{hint}",
    },
    "act.no_seed": {
        "en": "None of seeds {lo}–{hi} shows it at these settings either: with this many units, {steps} steps "
        "of training do not always find a better fit. The theorem says good weights exist, not that "
        "training finds them.",
        "zh": "在这些设置下，种子 {lo}–{hi} 也都看不到这一现象：单元这么多时，{steps} 步训练并不总能找到更好的拟合。"
        "定理只保证好的权重存在，并不保证训练能找到它们。",
    },
    "act.one_rung": {
        "en": "With k = 1 there is nothing to compare: raise k to watch the error fall.",
        "zh": "k = 1 时没有可比较的对象：增大 k，观察误差如何下降。",
    },
    "act.jump": {
        "en": "{target} is not continuous, so the theorem promises nothing here. A network of continuous units "
        "computes a continuous function, and next to a jump of {jump:g} no continuous function stays closer "
        "than {half:g} on both sides: the largest error can never fall below {half:g}, however many units. "
        "Measured on a grid 100 times finer than the fitted points, the largest error is {sups}, while the mean "
        "squared error goes from {first:.1e} (k = 1) to {last:.1e} (k = {k}). A jump can be approximated on "
        "average (in the mean-square, L² sense), never uniformly.",
        "zh": "{target} 不是连续函数，所以定理在这里什么也不保证。由连续单元组成的网络计算的是连续函数，"
        "而在高度为 {jump:g} 的跳跃两侧，任何连续函数都不可能处处离它比 {half:g} 更近："
        "无论有多少单元，最大误差都不会低于 {half:g}。在比拟合点密 100 倍的网格上测得的最大误差为 {sups}，"
        "而均方误差从 {first:.1e}（k = 1）变为 {last:.1e}（k = {k}）。"
        "跳跃可以在平均意义（均方、L² 意义）下逼近，但不能一致逼近。",
    },
    "act.spread": {
        "en": "The same settings over seeds {lo}–{hi} (each seed draws the units' starting weights; ◀ the "
        "sidebar's seed): the error falls at every step in {shown} of {n}.",
        "zh": "同样的设置在种子 {lo}–{hi} 上的结果（每个种子抽取不同的初始权重；◀ 为侧边栏的种子）："
        "{n} 个种子中有 {shown} 个的误差随 k 的每一级增大都下降。",
    },
    "act.col_seed": {"en": "seed", "zh": "种子"},
    "act.col_mse": {"en": "mean squared error, k = {k}", "zh": "均方误差，k = {k}"},
    "act.col_max": {"en": "largest error, k = {k}", "zh": "最大误差，k = {k}"},
    "act.col_falls": {"en": "error falls at every step", "zh": "误差逐级下降"},
    # --- why not one wide layer
    "act.wide": {"en": "Why not one wide hidden layer?", "zh": "为什么不只用一个很宽的隐藏层？"},
    "act.wide_text": {
        "en": "The theorem says that enough units and the right weights exist; it does not say how many, nor "
        "how to find them. The width it needs can be enormous (for some functions it grows exponentially "
        "with the precision asked for or with the number of inputs), and training may not find weights that "
        f"exist: [the book]({BOOK_31}) compares it to a programming language that can express any program, "
        "where writing the right one is the hard part. And deeper networks approximate many functions far "
        "more efficiently than wider ones. The network below is built by hand, not trained: each of its "
        "hidden layers has 2 ReLU units and folds [0, 1] in two (the tent map), so the pieces double with "
        "every layer. One hidden layer with the same number of units is then trained to copy it.",
        "zh": "定理只说足够多的单元和合适的权重是存在的，既没说需要多少，也没说如何找到它们。"
        "所需的宽度可能大得惊人（对某些函数，它随所要求的精度或输入个数呈指数增长），"
        f"而且即便这样的权重存在，训练也未必能找到。[书中]({BOOK_31})把这比作一门能表达任何程序的编程语言："
        "难的是写出正确的那个程序。况且，用更深（而不是更宽）的网络逼近许多函数要高效得多。"
        "下面的网络是手工构造的，没有经过训练：每个隐藏层有 2 个 ReLU 单元，把 [0, 1] 对折一次（帐篷映射），"
        "因此每多一层，线段数就翻一番。然后训练一个单元数相同的单隐藏层网络去模仿它。",
    },
    "act.depth": {"en": "Hidden layers of the deep net", "zh": "深层网络的隐藏层数"},
    "act.depth_deep": {
        "en": "deep: {layers} hidden layers, {units} units",
        "zh": "深层：{layers} 个隐藏层，{units} 个单元",
    },
    "act.depth_shallow": {"en": "one hidden layer, {units} units", "zh": "单隐藏层，{units} 个单元"},
    "act.depth_cannot": {"en": "so it cannot compute this function", "zh": "因此算不出这个函数"},
    "act.depth_can": {"en": "enough for this one", "zh": "对这个函数还够用"},
    "act.depth_result": {
        "en": "{layers} hidden layers of 2 ReLU units ({units} units) compute a sawtooth with {teeth} teeth: "
        "{pieces} straight pieces, counted on the grid. One hidden layer of the same {units} units makes at "
        "most {most} pieces (each unit adds one kink), {verdict}; the fit found here leaves a mean squared "
        "error of {mse:.3f} (largest error {max:.2f}). To compute this sawtooth exactly, one hidden layer "
        "needs at least {need} units: each extra layer doubles the pieces, each extra unit of a single "
        "layer adds one.",
        "zh": "{layers} 个各含 2 个 ReLU 单元的隐藏层（共 {units} 个单元）计算出一个有 {teeth} 个齿的锯齿波："
        "在网格上数得 {pieces} 段直线。单元数同为 {units} 的单隐藏层最多只能得到 {most} 段"
        "（每个单元只增加一个折点），{verdict}；这里训练得到的拟合均方误差为 {mse:.3f}（最大误差 {max:.2f}）。"
        "要精确算出这个锯齿波，单隐藏层至少需要 {need} 个单元：每多一层，线段数翻一番；"
        "而单隐藏层每多一个单元，只多一段。",
    },
    "act.alt_depth": {
        "en": "The deep net's sawtooth ({layers} hidden layers, {pieces} straight pieces between 0 and 1) and the "
        "fit of one hidden layer with the same {units} units: mean squared error {mse:.3f}, largest error "
        "{max:.2f}.",
        "zh": "深层网络的锯齿波（{layers} 个隐藏层，在 0 到 1 之间有 {pieces} 段直线），"
        "以及单元数同为 {units} 的单隐藏层的拟合：均方误差 {mse:.3f}，最大误差 {max:.2f}。",
    },
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
STRINGS |= {
    "check.activations.error_falls_with_units.quantity": {
        "en": "seeds whose fits of sin (ReLU, k = 1, 2, 8, 16) lower the mean squared error at every step up in k, "
        "to under a tenth of k = 1's",
        "zh": "拟合 sin（ReLU，k = 1、2、8、16）时，均方误差随 k 的每一级增大都下降、且降到 k = 1 时十分之一以下的种子",
    },
    "check.activations.error_falls_with_units.source": {
        "en": "the page: “The error falls with every step up in k”",
        "zh": "本页：“k 每增大一级，误差都随之下降”",
    },
    "check.activations.error_falls_with_units.tolerance": {
        "en": "at least 75% of seeds 0-7",
        "zh": "种子 0-7 中至少 75%",
    },
    "check.activations.hidden_layer_bends.quantity": {
        "en": "seeds whose hidden layer (8 ReLU units) fits the risk around 37 °C with under a third of the best "
        "line's mean squared error",
        "zh": "隐藏层（8 个 ReLU 单元）拟合 37 摄氏度附近风险数据的均方误差不到最优直线三分之一的种子",
    },
    "check.activations.hidden_layer_bends.source": {
        "en": "the page: one hidden layer finds the bend at 37 °C that no straight line can follow",
        "zh": "本页：单隐藏层能找到 37 摄氏度处的拐弯，而任何直线都做不到",
    },
    "check.activations.hidden_layer_bends.tolerance": {
        "en": "at least 75% of seeds 0-7",
        "zh": "种子 0-7 中至少 75%",
    },
    "learn.act.sigmoid_grad_max.q": {
        "en": "On the plotted range x from {lo:g} to {hi:g}: what is the largest value of sigmoid's derivative?",
        "zh": "在绘图范围 x 从 {lo:g} 到 {hi:g} 上：sigmoid 函数导数的最大值是多少？",
    },
    "learn.act.sigmoid_grad_max.x": {"en": "x", "zh": "x"},
    "learn.act.sigmoid_grad_max.why": {
        "en": "sigmoid′(x) = sigmoid(x)(1 − sigmoid(x)) peaks at x = {x:g}, where sigmoid is 1/2: {top:.3f}. "
        "So a gradient passing back through a sigmoid unit shrinks at least {shrink:.0f}-fold, layer after layer.",
        "zh": "sigmoid′(x) = sigmoid(x)(1 − sigmoid(x)) 在 x = {x:g}（sigmoid 等于 1/2 处）取最大值 {top:.3f}。"
        "所以梯度每反向穿过一层 sigmoid 单元，至少缩小为原来的 1/{shrink:.0f}，一层接一层。",
    },
    "learn.act.sigmoid_grad_max.why_edge": {
        "en": "0 lies outside the plotted range, so the largest derivative sits at the end nearest 0, x = {x:g}: "
        "{top:.3f}, below the 0.25 sigmoid reaches at 0; a gradient through it shrinks {shrink:.1f}-fold.",
        "zh": "0 不在绘图范围内，所以导数的最大值出现在最靠近 0 的端点 x = {x:g}：{top:.3f}，"
        "低于 sigmoid 在 0 处的 0.25；梯度穿过它会缩小为原来的 1/{shrink:.1f}。",
    },
    "learn.act.tanh_sketch.q": {
        "en": "Sketch the derivative of tanh, f′(x), on the plotted range x from {lo:g} to {hi:g}.",
        "zh": "画出 tanh 的导数 f′(x) 在绘图范围 x 从 {lo:g} 到 {hi:g} 上的形状。",
    },
    "learn.act.tanh_sketch.at": {"en": "x = {x:g}", "zh": "x = {x:g}"},
    "learn.act.tanh_sketch.why": {
        "en": "tanh′(x) = 1 − tanh²(x) peaks at x = {x:g} with {top:.2f}, {ratio:.0f} times the {sig:.2f} sigmoid′ "
        "peaks at, and falls to {edge:.1e} at x = {far:g}: far from 0 a tanh unit saturates and passes almost "
        "no gradient back.",
        "zh": "tanh′(x) = 1 − tanh²(x) 在 x = {x:g} 处取最大值 {top:.2f}，是 sigmoid′ 最大值 {sig:.2f} 的 "
        "{ratio:.0f} 倍；到 x = {far:g} 处降到 {edge:.1e}：远离 0 时 tanh 单元饱和，几乎不再向回传递梯度。",
    },
    "learn.act.tanh_sketch.why_edge": {
        "en": "0 lies outside the plotted range, so the curve only falls away from its largest value here, "
        "{top:.2f} at x = {x:g} (at 0 it would be 1), down to {edge:.1e} at x = {far:g}: tanh saturates.",
        "zh": "0 不在绘图范围内，所以曲线在这里只从最大值 {top:.2f}（x = {x:g}；在 0 处本应为 1）一路下降，"
        "到 x = {far:g} 处只剩 {edge:.1e}：tanh 饱和了。",
    },
    "learn.act.deep_pieces.q": {
        "en": "The deep net below has {layers} hidden layers of 2 ReLU units ({units} units in all). How many "
        "straight pieces does its output have on [0, 1]?",
        "zh": "下方的深层网络有 {layers} 个隐藏层，每层 2 个 ReLU 单元（共 {units} 个隐藏单元）。"
        "它在 [0, 1] 上的输出由多少段直线组成？",
    },
    "learn.act.deep_pieces.y": {"en": "straight pieces (log)", "zh": "直线段数（对数）"},
    "learn.act.deep_pieces.why": {
        "en": "Each layer folds the previous sawtooth in two and doubles its teeth: {layers} layers give {pieces} "
        "pieces ({teeth} teeth), while one hidden layer of {units} ReLU units can draw at most {most}.",
        "zh": "每一层把前一层的锯齿再对折一次，齿数翻倍：{layers} 层得到 {pieces} 段（{teeth} 个齿），"
        "而由 {units} 个 ReLU 单元组成的单隐藏层最多只能画出 {most} 段。",
    },
    "learn.act.deep_pieces.why_small": {
        "en": "Each layer doubles the teeth, but with {layers} layer(s) the {pieces} pieces are still within the "
        "{most} that one hidden layer of {units} ReLU units can draw; add layers and the doubling wins.",
        "zh": "每一层都让齿数翻倍，但只有 {layers} 层时，{pieces} 段仍不超过由 {units} 个 ReLU 单元组成的"
        "单隐藏层所能画出的 {most} 段；再加几层，翻倍就会胜出。",
    },
    "learn.act.few_units.goal": {
        "en": "Approximate {want} with a largest error below {bound:g} anywhere on [−π, π], using at most {most} "
        "hidden units.",
        "zh": "逼近 {want}，使 [−π, π] 上任意一点的最大误差都小于 {bound:g}，并且最多只用 {most} 个隐藏单元。",
    },
    "learn.act.few_units.passed": {
        "en": "{units} {activation} units reach a largest error of {error:.3f} on {want}, below {bound:g}.",
        "zh": "{units} 个 {activation} 单元在 {want} 上的最大误差为 {error:.3f}，小于 {bound:g}。",
    },
    "learn.act.few_units.off": {
        "en": "{units} {activation} units reach a largest error of {error:.3f} on {want}; it must be below {bound:g}.",
        "zh": "{units} 个 {activation} 单元在 {want} 上的最大误差为 {error:.3f}；需要小于 {bound:g}。",
    },
    "learn.act.few_units.fewer": {
        "en": "{units} {activation} units reach {error:.3f}, below {bound:g}, but that is more than {most} units: "
        "use fewer.",
        "zh": "{units} 个 {activation} 单元的最大误差为 {error:.3f}，小于 {bound:g}，但超过了 {most} 个隐藏单元："
        "请用更少的单元。",
    },
    "learn.act.few_units.rule": {
        "en": "The target is {target}; choose {want} as the function to approximate.",
        "zh": "当前目标函数是 {target}；请选择 {want} 作为要逼近的函数。",
    },
    "learn.act.few_units.hint1": {
        "en": "Each ReLU unit adds one kink, so a few ReLU units draw a few straight pieces, and a curve like sin "
        "needs many of them.",
        "zh": "每个 ReLU 单元只增加一个折点，所以少数几个 ReLU 单元只能画出几段直线，而 sin 这样的曲线需要很多段。",
    },
    "learn.act.few_units.hint2": {
        "en": "Try a smooth activation function (tanh, sigmoid, GELU or SiLU) with {most} units: each unit can bend, "
        "not only kink. A fit also depends on its random start: if it just misses, try another seed in the sidebar.",
        "zh": "试试平滑的激活函数（tanh、sigmoid、GELU 或 SiLU），用 {most} 个单元：每个单元都能弯曲，而不只是折一下。"
        "拟合结果也取决于随机初始值：如果差一点没达到，试试侧边栏里的其他种子。",
    },
    # exercise 3.1.3
    "ex.3.1.3.title": {"en": "tanh is a shifted, scaled sigmoid", "zh": "tanh 是平移缩放后的 sigmoid"},
    "ex.3.1.3.q": {
        "en": "Show that tanh(x) + 1 = 2·sigmoid(2x) for every x.",
        "zh": "证明对任意 x，tanh(x) + 1 = 2·sigmoid(2x)。",
    },
    "ex.3.1.3.answer": {
        "en": "Write tanh with exponentials and multiply top and bottom by $e^{x}$:\n\n"
        "$\\tanh(x) + 1 = \\frac{1 - e^{-2x}}{1 + e^{-2x}} + 1 = \\frac{2}{1 + e^{-2x}} = 2\\,\\sigma(2x)$.\n\n"
        "So tanh is a sigmoid stretched to (−1, 1) and squeezed twice as fast along x: the two "
        "activations differ only by a rescaling, which the next layer's weights and bias can absorb.",
        "zh": "用指数写出 tanh，分子分母同乘 $e^{x}$：\n\n"
        "$\\tanh(x) + 1 = \\frac{1 - e^{-2x}}{1 + e^{-2x}} + 1 = \\frac{2}{1 + e^{-2x}} = 2\\,\\sigma(2x)$。\n\n"
        "所以 tanh 就是把 sigmoid 的值域拉伸到 (−1, 1)、沿 x 方向压缩一半：两种激活函数只差一个缩放，"
        "下一层的权重和偏置可以把它吸收掉。",
    },
    "ex.3.1.3.check.identity": {
        "en": "Both sides on {points:,} points in [{lo}, {hi}]: the largest gap is {gap:.1e}, at x = {at:.2f}.",
        "zh": "在 [{lo}, {hi}] 上的 {points:,} 个点计算两边：最大差距 {gap:.1e}，位于 x = {at:.2f}。",
    },
    # exercise 3.1.1
    "ex.3.1.1.title": {"en": "The derivative of pReLU", "zh": "pReLU 的导数"},
    "ex.3.1.1.q": {
        "en": "Work out the derivative of the parametric ReLU, pReLU(x) = max(0, x) + α·min(0, x), for every x. "
        "What happens at x = 0?",
        "zh": "求参数化 ReLU（pReLU(x) = max(0, x) + α·min(0, x)）对任意 x 的导数。x = 0 处会怎样？",
    },
    "ex.3.1.1.try": {
        "en": "Pick a slope α, run, and compare autograd's derivative with the formula of the worked answer; "
        "try α = 0 (ReLU), a negative α and α = 1.",
        "zh": "选一个斜率 α，运行，把自动微分算出的导数与参考解答中的公式比较；试试 α = 0（即 ReLU）、"
        "负的 α 以及 α = 1。",
    },
    "ex.3.1.1.alpha": {"en": "pReLU slope α (for x < 0)", "zh": "pReLU 斜率 α（x < 0 时）"},
    "ex.3.1.1.finding": {
        "en": "With α = {alpha:g}, autograd's derivative is {left:g} at all {n_left} grid points with x < 0 and "
        "{right:g} at all {n_right} with x > 0; at x = 0 itself it returns {zero:g}.",
        "zh": "α = {alpha:g} 时，自动微分算出的导数在 x < 0 的全部 {n_left} 个网格点上都是 {left:g}，"
        "在 x > 0 的全部 {n_right} 个点上都是 {right:g}；在 x = 0 处它返回 {zero:g}。",
    },
    "ex.3.1.1.finding_varies": {
        "en": "With α = {alpha:g}, autograd's derivative for x < 0 ranges from {lo:g} to {hi:g}: not one constant; "
        "at x = 0 it returns {zero:g}.",
        "zh": "α = {alpha:g} 时，自动微分算出的 x < 0 处的导数在 {lo:g} 到 {hi:g} 之间变化，并非常数；"
        "在 x = 0 处它返回 {zero:g}。",
    },
    "ex.3.1.1.s.prelu": {"en": "pReLU(x)", "zh": "pReLU(x)"},
    "ex.3.1.1.s.autograd": {"en": "derivative (autograd)", "zh": "导数（自动微分）"},
    "ex.3.1.1.s.formula": {"en": "derivative (derived formula)", "zh": "导数（推导出的公式）"},
    "ex.3.1.1.x": {"en": "x", "zh": "x"},
    "ex.3.1.1.y": {"en": "value", "zh": "值"},
    "ex.3.1.1.answer": {
        "en": "Split at 0. For $x > 0$, $\\max(0, x) = x$ and $\\min(0, x) = 0$, so "
        "$\\operatorname{pReLU}(x) = x$; for $x < 0$ it is $\\alpha x$. Hence\n\n"
        "$\\operatorname{pReLU}'(x) = \\begin{cases} 1 & x > 0 \\\\ \\alpha & x < 0 \\end{cases}$\n\n"
        "At $x = 0$ the slope from the left is $\\alpha$ and from the right $1$: unless $\\alpha = 1$ (the "
        "identity) there is no derivative, only a range of subgradients between $\\alpha$ and $1$. A "
        "framework simply picks one value there (the check below shows which), which does no harm because an "
        "input is exactly 0 almost never.\n\n"
        "$\\alpha = 0$ gives ReLU and its dead side; any $\\alpha \\ne 0$ lets a gradient of $\\alpha$ times "
        "the incoming one pass for negative inputs, so a unit never stops learning entirely. When $\\alpha$ "
        "is learned (as in the pReLU paper), backpropagation also needs "
        "$\\partial \\operatorname{pReLU}(x) / \\partial \\alpha = \\min(0, x)$.",
        "zh": "以 0 为界分开讨论。$x > 0$ 时 $\\max(0, x) = x$、$\\min(0, x) = 0$，所以 "
        "$\\operatorname{pReLU}(x) = x$；$x < 0$ 时它等于 $\\alpha x$。因此\n\n"
        "$\\operatorname{pReLU}'(x) = \\begin{cases} 1 & x > 0 \\\\ \\alpha & x < 0 \\end{cases}$\n\n"
        "在 $x = 0$ 处，左侧斜率是 $\\alpha$，右侧斜率是 $1$：除非 $\\alpha = 1$（恒等函数），否则这里不可导，"
        "只有介于 $\\alpha$ 和 $1$ 之间的次梯度。深度学习框架在这里直接取一个值（下面的检查显示取的是哪个），"
        "这并无害处，因为输入几乎不会恰好等于 0。\n\n"
        "$\\alpha = 0$ 就是 ReLU，负半轴上不传梯度；任何 $\\alpha \\ne 0$ 都会让负输入处传回 $\\alpha$ "
        "倍的梯度，所以单元不会完全停止学习。如果 $\\alpha$ 也要学习（如 pReLU 的原论文），"
        "反向传播还需要 $\\partial \\operatorname{pReLU}(x) / \\partial \\alpha = \\min(0, x)$。",
    },
    "ex.3.1.1.check.autograd": {
        "en": "Autograd's derivative against the formula (1 for x > 0, α = {alpha:g} for x < 0) on {points} "
        "points of [−{span:g}, {span:g}]: the largest gap is {gap:.1e}. At x = 0, where the formula says "
        "nothing, autograd returns {zero:g}.",
        "zh": "在 [−{span:g}, {span:g}] 的 {points} 个点上比较自动微分的导数与公式（x > 0 时为 1，x < 0 时为 "
        "α = {alpha:g}）：最大差距 {gap:.1e}。在公式无定义的 x = 0 处，自动微分返回 {zero:g}。",
    },
    # exercise 3.1.2
    "ex.3.1.2.title": {"en": "ReLU networks are piecewise linear", "zh": "ReLU 网络是分段线性的"},
    "ex.3.1.2.q": {
        "en": "Show that a multilayer perceptron whose only nonlinearity is ReLU (or pReLU) computes a continuous "
        "function made of straight pieces. How many pieces can it have on one input?",
        "zh": "证明只用 ReLU（或 pReLU）作为非线性的多层感知机计算的是一个由直线段拼成的连续函数。"
        "在一维输入上它最多能有多少段？",
    },
    "ex.3.1.2.try": {
        "en": "Run a random network on x in [−4, 4]; change the hidden units, the hidden layers and the draw, "
        "and compare the pieces counted with the bound of the worked answer.",
        "zh": "在 x ∈ [−4, 4] 上运行一个随机网络；改变隐藏单元数、隐藏层数和随机抽取，"
        "把数出的段数与参考解答中的上界比较。",
    },
    "ex.3.1.2.units": {"en": "hidden units per layer", "zh": "每层隐藏单元数"},
    "ex.3.1.2.layers": {"en": "hidden layers", "zh": "隐藏层数"},
    "ex.3.1.2.draw": {"en": "random draw of the weights", "zh": "权重的随机抽取"},
    "ex.3.1.2.finding": {
        "en": "This network of {layers} hidden layer(s) with {units} ReLU units each changes slope at {kinks} "
        "points of [−4, 4]: {pieces} straight pieces, exactly the bound (units + 1)^layers = {bound}.",
        "zh": "这个有 {layers} 个隐藏层、每层 {units} 个 ReLU 单元的网络在 [−4, 4] 上有 {kinks} 个折点："
        "共 {pieces} 段直线，恰好等于上界 (单元数 + 1)^层数 = {bound}。",
    },
    "ex.3.1.2.finding_below": {
        "en": "This network of {layers} hidden layer(s) with {units} ReLU units each changes slope at {kinks} "
        "points of [−4, 4]: {pieces} straight pieces, fewer than the bound (units + 1)^layers = {bound}; "
        "a random draw rarely uses every possible kink.",
        "zh": "这个有 {layers} 个隐藏层、每层 {units} 个 ReLU 单元的网络在 [−4, 4] 上有 {kinks} 个折点："
        "共 {pieces} 段直线，少于上界 (单元数 + 1)^层数 = {bound}；随机抽取的权重很少能用上所有可能的折点。",
    },
    "ex.3.1.2.s.net": {"en": "network output", "zh": "网络输出"},
    "ex.3.1.2.x": {"en": "input x", "zh": "输入 x"},
    "ex.3.1.2.y": {"en": "output", "zh": "输出"},
    "ex.3.1.2.answer": {
        "en": "Call a function *CPWL* if it is continuous and its domain splits into finitely many pieces on "
        "each of which it is affine. Three facts:\n\n"
        "1. An affine map $\\mathbf{W}\\mathbf{x} + \\mathbf{b}$ is CPWL (one piece), and so is "
        "$\\operatorname{ReLU}(z) = \\max(0, z)$ (two pieces, joined at 0), and pReLU.\n"
        "2. A sum of CPWL functions is CPWL: on the common refinement of their pieces each is affine, so "
        "the sum is too, and a sum of continuous functions is continuous.\n"
        "3. A composition of CPWL functions is CPWL: on a piece of the inner function it is affine, and the "
        "outer function's kinks cut that piece into finitely many parts; continuity is kept by composing.\n\n"
        "Each hidden unit is ReLU applied to an affine function of the previous layer's outputs, and the output "
        "layer is affine: by induction over the layers the whole network is CPWL.\n\n"
        "**Counting pieces on one input.** With one hidden layer of $n$ units, unit $i$ bends only at "
        "$x = -b_i / w_i$, so there are at most $n$ kinks and $n + 1$ pieces. If the input of a layer has "
        "$P$ pieces, each of its $n$ units is affine on every piece and can add at most one kink inside it, "
        "so the layer leaves at most $P(n + 1)$ pieces: $L$ layers give at most $(n + 1)^L$. Depth multiplies "
        "the count, width only adds to it; the page's sawtooth above reaches exponentially many pieces, "
        "while a random draw usually stays far below the bound (run it).",
        "zh": "如果一个函数连续，并且其定义域可以分成有限多块、在每块上都是仿射函数，就称它为*连续分段线性*（CPWL）。"
        "有三个事实：\n\n"
        "1. 仿射映射 $\\mathbf{W}\\mathbf{x} + \\mathbf{b}$ 是 CPWL（只有一块），"
        "$\\operatorname{ReLU}(z) = \\max(0, z)$ 也是（两块，在 0 处相接），pReLU 同样如此。\n"
        "2. CPWL 函数之和仍是 CPWL：在它们分块的公共细分上每个函数都是仿射的，所以和也是；连续函数之和仍连续。\n"
        "3. CPWL 函数的复合仍是 CPWL：在内层函数的一块上它是仿射的，外层函数的折点把这块再切成有限多份；"
        "复合保持连续性。\n\n"
        "每个隐藏单元都是对上一层输出的仿射函数再施加 ReLU，输出层是仿射的：对层数归纳，整个网络就是 CPWL。\n\n"
        "**一维输入上的段数。** 只有一个含 $n$ 个单元的隐藏层时，第 $i$ 个单元只在 $x = -b_i / w_i$ 处弯折，"
        "所以最多 $n$ 个折点、$n + 1$ 段。如果某层的输入有 $P$ 段，该层的 $n$ 个单元在每段上都是仿射的，"
        "每个单元在每段内最多再加一个折点，所以该层之后最多 $P(n + 1)$ 段：$L$ 层最多 $(n + 1)^L$ 段。"
        "深度让段数相乘，宽度只让段数相加；上面页面中的锯齿网络达到了指数多的段数，"
        "而随机抽取的权重通常远低于这个上界（运行看看）。",
    },
    "ex.3.1.2.check.straight": {
        "en": "Between the kinks the output is straight: at the {points:,} of {all:,} grid points whose two "
        "neighbours share their units' on/off pattern, the largest second difference divided by the step squared "
        "(an estimate of |y″|) is {gap:.1e}.",
        "zh": "折点之间输出是直的：在 {all:,} 个网格点中、与两侧相邻点的单元开关模式都相同的 {points:,} 个点上，"
        "二阶差分除以步长平方（|y″| 的估计）的最大值为 {gap:.1e}。",
    },
    "ex.3.1.2.check.bound": {
        "en": "{pieces} pieces counted against the bound (units + 1)^layers = ({units} + 1)^{layers} = {bound}: "
        "over it by {gap:g}.",
        "zh": "数出 {pieces} 段，上界为 (单元数 + 1)^层数 = ({units} + 1)^{layers} = {bound}：超出 {gap:g} 段。",
    },
    # exercise 3.1.4
    "ex.3.1.4.title": {"en": "A nonlinearity of the whole minibatch", "zh": "作用于整个小批量的非线性"},
    "ex.3.1.4.q": {
        "en": "Suppose a nonlinear unit is applied to a whole minibatch at once, as one function of all its "
        "examples, rather than to each example on its own. What problems does that cause?",
        "zh": "假设一个非线性单元一次作用于整个小批量，即作为所有样本的一个函数，而不是分别作用于每个样本。"
        "这会带来什么问题？",
    },
    "ex.3.1.4.try": {
        "en": "Follow one example (x = 1) while the other examples of its minibatch move: change their centre, "
        "the batch size and the nonlinearity of the whole batch, and compare with the elementwise ReLU.",
        "zh": "跟踪一个样本（x = 1），同时移动它所在小批量中的其他样本：改变它们的中心、批量大小和整批的非线性，"
        "并与逐元素的 ReLU 比较。",
    },
    "ex.3.1.4.batch": {"en": "batch size", "zh": "批量大小"},
    "ex.3.1.4.shift": {"en": "centre of the other examples", "zh": "其他样本的中心"},
    "ex.3.1.4.whole": {"en": "nonlinearity of the whole batch", "zh": "整批的非线性"},
    "ex.3.1.4.whole_help": {
        "en": "standardise: ReLU((x − the batch's mean) / the batch's standard deviation); softmax: exp(x) divided "
        "by the sum of exp over the examples of the batch.",
        "zh": "standardise：ReLU((x − 小批量的均值) / 小批量的标准差)；softmax：exp(x) 除以小批量中所有样本的 exp 之和。",
    },
    "ex.3.1.4.finding": {
        "en": "The example x = {x0:g} among {others} others: the elementwise ReLU gives {e0:.3f} with the others "
        "centred at 0 and {e1:.3f} with them at {shift:g} (a change of {de:.1g}); the {whole} gives {w0:.3f} and "
        "{w1:.3f} (a change of {dw:.3f}), and from {lo:.3f} to {hi:.3f} as the others move across the chart.",
        "zh": "样本 x = {x0:g} 与另外 {others} 个样本同批：逐元素 ReLU 在其他样本以 0 为中心时给出 {e0:.3f}，"
        "以 {shift:g} 为中心时给出 {e1:.3f}（变化 {de:.1g}）；{whole}给出 {w0:.3f} 和 {w1:.3f}"
        "（变化 {dw:.3f}），随着其他样本在图中移动，它在 {lo:.3f} 到 {hi:.3f} 之间变化。",
    },
    "ex.3.1.4.s.elementwise": {"en": "elementwise ReLU", "zh": "逐元素 ReLU"},
    "ex.3.1.4.s.whole": {"en": "nonlinearity of the whole batch", "zh": "整批的非线性"},
    "ex.3.1.4.x": {"en": "centre of the other examples", "zh": "其他样本的中心"},
    "ex.3.1.4.y": {"en": "output for the example x = 1", "zh": "样本 x = 1 的输出"},
    "ex.3.1.4.answer": {
        "en": "The activation functions of this chapter are applied to each entry of the batch's matrix on its "
        "own; computing them for the whole minibatch at once is only vectorisation, and an example's output "
        "does not depend on its neighbours (the elementwise line of the run stays flat). A unit that is one "
        "function of the whole batch, by contrast, (normalising with the batch's mean and spread, a softmax "
        "across examples) couples the examples:\n\n"
        "- **The model is no longer a function of its input**: the same example gets another output in another "
        "batch (the run), so results depend on the batch size and on the shuffling.\n"
        "- **Prediction breaks**: one example alone has no spread to normalise by, and a test batch of other "
        "examples changes each prediction; something fixed (statistics kept from training) must stand in.\n"
        "- **Training changes**: the loss is no longer a sum of per-example terms, so a minibatch gradient is no "
        "longer an unbiased estimate of the full gradient, and each example's gradient flows into the others.\n\n"
        "Batch normalisation, met later in the book, does normalise over the minibatch on purpose (it helps "
        "optimisation) and fixes its statistics with running averages for prediction for exactly these reasons.",
        "zh": "本章的激活函数都是逐元素作用于小批量矩阵的每个元素；一次对整个小批量计算它们只是向量化，"
        "一个样本的输出不依赖于同批的其他样本（运行结果中逐元素的那条线是平的）。"
        "相反，如果一个单元是整个小批量的一个函数（用小批量的均值和离散程度做标准化，或在样本之间做 softmax），"
        "它就把样本耦合在了一起：\n\n"
        "- **模型不再是其输入的函数**：同一个样本放在另一个小批量里会得到另一个输出（见运行结果），"
        "所以结果取决于批量大小和打乱顺序。\n"
        "- **预测出问题**：单独一个样本没有离散程度可以用来标准化，而换一批测试样本会改变每个预测；"
        "必须用某种固定的东西（例如训练时保留的统计量）来代替。\n"
        "- **训练也变了**：损失不再是各样本损失之和，所以小批量梯度不再是全量梯度的无偏估计，"
        "每个样本的梯度还会流入其他样本。\n\n"
        "本书后面会讲到的批量规范化正是有意在小批量上做标准化（这有助于优化），"
        "而正因为上述问题，它在预测时改用训练中得到的移动平均统计量。",
    },
}
