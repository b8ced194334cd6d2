"""Strings of the dropout page (3.6)."""

STRINGS: dict[str, dict[str, str]] = {
    "page.dropout": {"en": "3.6 Dropout", "zh": "3.6 暂退法（Dropout）"},
    "dropout.intro": {
        "en": "A simple function should not care about small changes of its input. Dropout asks for this "
        "*inside* the network: during training, every hidden unit is zeroed with probability $p$ and the "
        "survivors are scaled up by $1/(1-p)$, so each layer sees noise but, on average, the same values "
        "(the noise is **unbiased**). At test time the whole network is used.",
        "zh": "简单的函数不应对输入的微小变化敏感。暂退法把这一要求放到网络*内部*：训练时，每个隐藏单元以概率 $p$ "
        "被置零，保留下来的单元放大为原来的 $1/(1-p)$ 倍；于是每一层都受到噪声干扰，但其期望值不变"
        "（噪声是**无偏**的）。测试时使用完整的网络。",
    },
    "dropout.prob_p": {"en": "with probability p", "zh": "概率为 p"},
    "dropout.otherwise": {"en": "otherwise", "zh": "其他情况"},
    # Bishop (1995): input noise is Tikhonov regularisation
    "dropout.noise": {
        "en": "Noise on the inputs is a penalty on the weights (Bishop, 1995)",
        "zh": "输入噪声相当于对权重的惩罚（毕晓普，1995）",
    },
    "dropout.noise_text": {
        "en": "Where the idea comes from ([3.6]({link})): Christopher Bishop showed in 1995 that training with "
        "noise added to the inputs is equivalent to Tikhonov regularisation. For a linear model with squared "
        "loss and noise $\\epsilon \\sim \\mathcal{{N}}(0, \\sigma^2 I)$ on the input, "
        "$E[(y - (\\mathbf{{x}}+\\epsilon)^\\top \\mathbf{{w}})^2] = (y - \\mathbf{{x}}^\\top \\mathbf{{w}})^2 + "
        "\\sigma^2 \\|\\mathbf{{w}}\\|^2$: the loss plus an $L_2$ penalty with $\\lambda = \\sigma^2$, the weight "
        "decay of 3.5. Srivastava et al. (2014) carried the idea from the inputs into every hidden layer: that is "
        "dropout. Try it: 20 examples with 10 features; plain least squares, ridge regression with "
        "$\\lambda = \\sigma^2$, and least squares trained on many noisy copies of the inputs (no penalty at all).",
        "zh": "这个想法的来源（[3.6 节]({link})）：1995 年，克里斯托弗·毕晓普证明了具有输入噪声的训练等价于 "
        "Tikhonov 正则化。对使用平方损失的线性模型，在输入上加噪声 $\\epsilon \\sim \\mathcal{{N}}(0, \\sigma^2 I)$，"
        "则 $E[(y - (\\mathbf{{x}}+\\epsilon)^\\top \\mathbf{{w}})^2] = (y - \\mathbf{{x}}^\\top \\mathbf{{w}})^2 + "
        "\\sigma^2 \\|\\mathbf{{w}}\\|^2$：即原损失加上 $\\lambda = \\sigma^2$ 的 $L_2$ 惩罚项，也就是 3.5 节的权重衰减。"
        "2014 年，斯里瓦斯塔瓦等人把这个想法从输入层推广到网络的每个隐藏层，这就是暂退法。动手试一试："
        "20 个样本、10 个特征；比较普通最小二乘、$\\lambda = \\sigma^2$ 的岭回归，以及在输入的许多份加噪副本上"
        "做最小二乘（完全不加惩罚项）所得的权重。",
    },
    "dropout.noise_sigma": {"en": "Input noise σ", "zh": "输入噪声 σ"},
    "dropout.noise_sigma_help": {
        "en": "The standard deviation of the Gaussian noise added to every input; ridge uses λ = σ².",
        "zh": "加在每个输入上的高斯噪声的标准差；岭回归取 λ = σ²。",
    },
    "dropout.noise_copies": {"en": "Noisy copies of the inputs", "zh": "输入的加噪副本数"},
    "dropout.noise_ls": {"en": "least squares", "zh": "最小二乘"},
    "dropout.noise_ridge": {"en": "ridge, λ = σ² = {lam:.3g}", "zh": "岭回归，λ = σ² = {lam:.3g}"},
    "dropout.noise_trained": {"en": "trained on noisy inputs", "zh": "在加噪输入上训练"},
    "dropout.noise_feature": {"en": "feature", "zh": "特征"},
    "dropout.noise_weight": {"en": "weight", "zh": "权重"},
    "dropout.noise_yes": {
        "en": "Trained on {copies} noisy copies of the {n} inputs (σ = {sigma:g}), the weights land {to_ridge:.1%} "
        "(of ‖w_ridge‖) from ridge regression with λ = σ² = {lam:.3g}, and {to_ls:.1%} from plain least squares: "
        "the noise on the inputs acted as an $L_2$ penalty.",
        "zh": "在 {n} 个输入的 {copies} 份加噪副本上训练（σ = {sigma:g}）后，权重与 λ = σ² = {lam:.3g} 的岭回归"
        "只差 {to_ridge:.1%}（相对于 ‖w_岭回归‖），与普通最小二乘则差 {to_ls:.1%}：输入上的噪声起到了 $L_2$ "
        "惩罚项的作用。",
    },
    "dropout.noise_no": {
        "en": "In this draw the weights trained on noisy inputs are not clearly closer to ridge ({to_ridge:.1%} of "
        "‖w_ridge‖ away) than to least squares ({to_ls:.1%}): with few copies the noise has not averaged out, and "
        "with a small σ ridge and least squares nearly coincide ({apart:.1%} apart). {hint}",
        "zh": "这次抽样中，在加噪输入上训练得到的权重与岭回归相差 ‖w_岭回归‖ 的 {to_ridge:.1%}，与最小二乘相差 "
        "{to_ls:.1%}，并不明显更接近岭回归：副本太少时噪声还没有平均掉；σ 很小时岭回归与最小二乘几乎重合"
        "（两者相差 {apart:.1%}）。{hint}",
    },
    "dropout.noise_seeds": {
        "en": "At these settings seeds {seeds} do show it.",
        "zh": "在当前设置下，种子 {seeds} 呈现了这一现象。",
    },
    "dropout.noise_more": {
        "en": "More copies or a larger σ show it.",
        "zh": "增加副本数或增大 σ 就能看到。",
    },
    "dropout.noise_spread": {
        "en": "The same at the first {n} seeds (distances relative to ‖w_ridge‖):",
        "zh": "相同设置下前 {n} 个种子的结果（距离均相对于 ‖w_岭回归‖）：",
    },
    "dropout.noise_to_ridge": {"en": "from ridge", "zh": "与岭回归之差"},
    "dropout.noise_to_ls": {"en": "from least squares", "zh": "与最小二乘之差"},
    "dropout.seed": {"en": "seed", "zh": "种子"},
    "dropout.shows": {"en": "shows it", "zh": "呈现该现象"},
    "dropout.noise_alt": {
        "en": "Weights of {d} features under three fits. Trained on noisy inputs, they lie {to_ridge:.1%} from "
        "ridge's (λ = {lam:.3g}) and {to_ls:.1%} from least squares'; ridge's weights are {shrink:.0%} shorter "
        "than least squares'.",
        "zh": "三种拟合下 {d} 个特征的权重。在加噪输入上训练的权重与岭回归（λ = {lam:.3g}）相差 {to_ridge:.1%}，"
        "与最小二乘相差 {to_ls:.1%}；岭回归权重的范数比最小二乘短 {shrink:.0%}。",
    },
    # 3.6.1 the layer
    "dropout.layer": {"en": "dropout_layer from scratch", "zh": "从零开始实现 dropout_layer"},
    "dropout.layer_text": {
        "en": "The book's version (3.6.1) asserts `0 <= dropout <= 1`, returns zeros for $p = 1$ in a branch of its "
        "own and the input unchanged for $p = 0$. The chapter write-up we follow types `assert 0 <= dropout < 1` "
        "instead, which makes its $p = 1$ branch dead: there $p = 1$ fails the assert. Ours is the book's, with a "
        "`ValueError` in place of the assert and a generator for reproducible masks.",
        "zh": "书中的版本（3.6.1 节）先断言 `0 <= dropout <= 1`，$p = 1$ 时由单独的分支返回全零，$p = 0$ 时原样返回输入。"
        "我们所依据的本章学习笔记把断言写成了 `assert 0 <= dropout < 1`，于是 $p = 1$ 的分支永远不会执行："
        "$p = 1$ 时断言直接失败。我们的版本与书中相同，只是用 `ValueError` 代替断言，并用随机数生成器使掩码可以复现。",
    },
    "dropout.demo_text": {
        "en": "The book's test: `X = torch.arange(16).reshape(2, 8)` through the layer with $p$ = 0, 0.5 and 1 "
        "(masks from the sidebar's seed). Survivors of $p = 0.5$ are doubled.",
        "zh": "书中的测试：把 `X = torch.arange(16).reshape(2, 8)` 分别以暂退概率 $p$ = 0、0.5、1 送入该层"
        "（掩码由侧边栏的种子决定）。$p = 0.5$ 时保留下来的元素都变为原来的两倍。",
    },
    "dropout.coadapt": {
        "en": "Why noise *inside* the network helps ([3.6]({link})): Srivastava et al. (2014) saw overfitting as "
        "*co-adaptation*: each layer comes to rely on a particular pattern of activations in the layer before, so "
        "units fix one another's quirks of the training set, an arrangement that breaks on new data. Their analogy "
        "is sexual reproduction, which breaks up co-adapted genes. With a fresh random mask at every step, no unit "
        "can count on any particular other being there, and each must be useful on its own.",
        "zh": "为什么在网络*内部*注入噪声有用（[3.6 节]({link})）：斯里瓦斯塔瓦等人（2014）认为，过拟合与每一层都"
        "依赖前一层的特定激活模式有关，他们称之为“共适应性”：一些单元专门去弥补另一些单元在训练集上的偏差，"
        "换到新数据上就失灵了。他们打了个比方：有性繁殖会打破共适应的基因。每一步都重新随机抽取掩码，"
        "任何单元都不能指望某个特定的单元一定存在，于是每个单元都必须自己有用。",
    },
    "dropout.mask": {"en": "The mask on a hidden layer", "zh": "隐藏层上的掩码"},
    "dropout.p": {"en": "Dropout probability p", "zh": "暂退概率 p"},
    "dropout.p_help": {
        "en": "Used by the mask picture and the unbiasedness experiment below.",
        "zh": "用于下面的掩码图和无偏性实验。",
    },
    "dropout.unit": {"en": "hidden unit", "zh": "隐藏单元"},
    "dropout.example": {"en": "example", "zh": "样本"},
    "dropout.kept_col": {"en": "kept", "zh": "保留"},
    "dropout.mask_h": {
        "en": "h: a ReLU hidden layer (8 examples × 32 units)",
        "zh": "h：一个 ReLU 隐藏层（8 个样本 × 32 个单元）",
    },
    "dropout.mask_mask": {"en": "mask: dark = dropped, light = kept", "zh": "掩码：深色 = 丢弃，浅色 = 保留"},
    "dropout.mask_h_prime": {"en": "h' = mask ⊙ h / (1 − p)", "zh": "h' = 掩码 ⊙ h / (1 − p)"},
    "dropout.mask_alt": {
        "en": "Three heat maps of {examples} examples × {units} hidden units at p = {p:.2f}: h (values up to "
        "{h_max:.2f}); the mask, which keeps {kept} of {total} units ({share:.0%}); and h' = mask ⊙ h / (1 − p), "
        "where the kept values are scaled up (largest {h2_max:.2f}).",
        "zh": "p = {p:.2f} 时 {examples} 个样本 × {units} 个隐藏单元的三张热图：h（最大值 {h_max:.2f}）；"
        "掩码，{total} 个单元中保留了 {kept} 个（{share:.0%}）；以及 h' = 掩码 ⊙ h / (1 − p)，"
        "保留下来的值被放大（最大值 {h2_max:.2f}）。",
    },
    "dropout.mask_caption": {
        "en": "Fraction kept in this draw: {kept:.1%} (expected 1 − p = {expected:.0%}). Each training step draws "
        "a new mask, so no unit can count on any other being there.",
        "zh": "本次抽样保留的比例：{kept:.1%}（期望值 1 − p = {expected:.0%}）。每个训练步都重新抽取掩码，"
        "因此任何单元都不能指望其他某个单元一定存在。",
    },
    "dropout.unbias": {"en": "Unbiasedness, measured", "zh": "实测无偏性"},
    "dropout.draws": {"en": "number of draws n", "zh": "抽样次数 n"},
    "dropout.rel_error": {"en": "‖mean of h' − h‖ / ‖h‖", "zh": "‖h' 的均值 − h‖ / ‖h‖"},
    "dropout.unbias_measured": {"en": "measured", "zh": "实测"},
    "dropout.unbias_theory": {"en": "noise alone √(p / ((1−p) n))", "zh": "仅有噪声时 √(p / ((1−p) n))"},
    "dropout.one_percent": {"en": "1 %", "zh": "1%"},
    "dropout.unbias_yes": {
        "en": "The mean of h' over {draws:,} draws of X (p = {p:.2f}) misses h by {error:.3%} of ‖h‖; noise alone "
        "predicts about {theory:.3%}, so no bias is left: E[h'] = h. {line}",
        "zh": "对 X 做 {draws:,} 次暂退抽样（p = {p:.2f}），h' 的均值与 h 相差 ‖h‖ 的 {error:.3%}；"
        "仅由噪声造成的误差约为 {theory:.3%}，可见没有偏差：E[h'] = h。{line}",
    },
    "dropout.unbias_no": {
        "en": "The mean of h' over {draws:,} draws of X (p = {p:.2f}) misses h by {error:.3%} of ‖h‖, {ratio:.1f}× "
        "what noise alone predicts ({theory:.3%}): that is a bias, not bad luck.",
        "zh": "对 X 做 {draws:,} 次暂退抽样（p = {p:.2f}），h' 的均值与 h 相差 ‖h‖ 的 {error:.3%}，"
        "是仅由噪声造成的误差（{theory:.3%}）的 {ratio:.1f} 倍：这是偏差，而不是运气不好。",
    },
    "dropout.below_line": {"en": "It is below the dotted 1 % line.", "zh": "误差已低于 1% 虚线。"},
    "dropout.above_line": {
        "en": "With so few draws it is still above the dotted 1 % line; more draws bring it below.",
        "zh": "抽样次数太少，误差仍高于 1% 虚线；增加抽样次数就会降到线下。",
    },
    "dropout.unbias_spread": {
        "en": "The same at seeds {first}–{last}: {errors} (noise alone: about {theory:.3%}).",
        "zh": "相同设置下种子 {first}–{last} 的误差：{errors}（仅由噪声造成的误差约为 {theory:.3%}）。",
    },
    "dropout.unbias_alt": {
        "en": "Log-log chart: the relative error of the mean of h' falls from {first:.0%} after 1 draw to {last:.3%} "
        "after {n:,} draws, along the noise-only line √(p/((1−p)n)), which predicts {theory:.3%} there; a dotted "
        "line marks 1 %.",
        "zh": "双对数坐标图：h' 均值的相对误差从 1 次抽样时的 {first:.0%} 降到 {n:,} 次抽样时的 {last:.3%}，"
        "与仅有噪声时的曲线 √(p/((1−p)n)) 一致（该处预测为 {theory:.3%}）；虚线标出 1%。",
    },
    "dropout.unbias_alt_none": {"en": "No draws to show.", "zh": "没有可显示的抽样。"},
    "dropout.unbias_p1": {
        "en": "At p = 1 everything is dropped: the mean of h' is 0, not h. Unbiasedness needs p < 1 "
        "(the scale 1/(1 − p) does not exist at p = 1).",
        "zh": "p = 1 时全部单元都被丢弃：h' 的均值是 0 而不是 h。"
        "无偏性要求 p < 1（p = 1 时缩放系数 1/(1 − p) 不存在）。",
    },
    "dropout.unbias_p0": {
        "en": "At p = 0 nothing is dropped: h' = h exactly, the error is 0 (nothing to draw on a log scale).",
        "zh": "p = 0 时没有单元被丢弃：h' 恰好等于 h，误差为 0（对数坐标上无法画出）。",
    },
    # the book's network
    "dropout.net": {"en": "The book's network, with and without dropout", "zh": "书中的网络：使用与不使用暂退法"},
    "dropout.net_text": {
        "en": "784-256-256-10 with ReLU, dropout $p_1$ after the first hidden layer and $p_2$ after the second "
        "(the book: 0.2 and 0.5), SGD with learning rate 0.5, batch 256, 10 epochs: the book's settings. The "
        "initialisation, exactly: *concise* is the book's 3.6.2 (weights N(0, 0.01²) by `init_weights`, biases "
        "`nn.Linear`'s default). *From scratch* differs: ours draws the weights from N(0, 0.01²) with zero biases, "
        "as in 3.2, while the book's 3.6.1 `Net` builds its layers from `nn.Linear` and keeps their default "
        "initialisation, weights and biases U(−1/√n_in, 1/√n_in). The second panel trains the same network "
        "without dropout from the same seed.",
        "zh": "784-256-256-10，ReLU 激活；第一个隐藏层之后的暂退概率为 $p_1$，第二个之后为 $p_2$（书中为 0.2 和 0.5）；"
        "随机梯度下降，学习率 0.5，批量大小 256，迭代周期数 10：这些都是书中的设置。初始化的确切情况："
        "*简洁实现*与书中 3.6.2 节相同（`init_weights` 从 N(0, 0.01²) 抽取权重，偏置保留 `nn.Linear` 的默认值）。"
        "*从零开始实现*则不同：我们和 3.2 节一样从 N(0, 0.01²) 抽取权重、偏置为零；而书中 3.6.1 节的 `Net` "
        "由 `nn.Linear` 构成，保留其默认初始化，权重和偏置都服从 U(−1/√n_in, 1/√n_in)。"
        "第二个面板用相同的种子训练不使用暂退法的同一网络。",
    },
    "dropout.near_input": {
        "en": "Why less dropout near the input? The book's advice ([3.6.1]({link})) is a lower dropout probability "
        "close to the input layer, hence 0.2 before 0.5. The first hidden layer still carries most of what the "
        "pixels say, and what is dropped there is lost to every later layer; deeper layers hold more redundant "
        "features and take a larger $p$. Exercise 1 swaps the two (see the help of $p_2$).",
        "zh": "为什么靠近输入的地方暂退概率更低？书中（[3.6.1 节]({link})）的建议是：常见的技巧是在靠近输入层的"
        "地方设置较低的暂退概率，所以先 0.2 后 0.5。第一个隐藏层仍保留着像素中的大部分信息，在这里丢掉的信息，"
        "后面各层都无法再得到；更深的层中特征更冗余，可以承受更大的 $p$。练习 1 把两者交换（见 $p_2$ 的提示）。",
    },
    "dropout.model": {"en": "Implementation", "zh": "实现方式"},
    "dropout.model_help": {
        "en": "scratch: the book's dropout_layer inside the forward pass (3.6.1); concise: nn.Dropout in "
        "nn.Sequential (3.6.2).",
        "zh": "scratch：在前向传播中调用书中的 dropout_layer（3.6.1 节）；"
        "concise：在 nn.Sequential 中使用 nn.Dropout（3.6.2 节）。",
    },
    "dropout.epochs": {"en": "Epochs", "zh": "迭代周期数"},
    "dropout.epochs_help": {
        "en": "The book trains 10 epochs; train longer to see whether the network without dropout starts to overfit "
        "(exercise 2).",
        "zh": "书中训练 10 个迭代周期；训练更久，看看不使用暂退法的网络是否开始过拟合（练习 2）。",
    },
    "dropout.p1": {"en": "p₁ (after hidden layer 1)", "zh": "p₁（第一个隐藏层之后）"},
    "dropout.p2": {"en": "p₂ (after hidden layer 2)", "zh": "p₂（第二个隐藏层之后）"},
    "dropout.swap_help": {
        "en": "Exercise 1: swap them (p₁ = 0.5, p₂ = 0.2) and compare.",
        "zh": "练习 1：把两者交换（p₁ = 0.5，p₂ = 0.2）并比较结果。",
    },
    "dropout.wd": {"en": "Weight decay λ (both networks)", "zh": "权重衰减 λ（两个网络都使用）"},
    "dropout.wd_help": {
        "en": "Exercise 5: dropout and weight decay together. Do the effects add up, or cancel?",
        "zh": "练习 5：同时使用暂退法和权重衰减。效果是叠加，还是相互抵消？",
    },
    "dropout.p_is_1": {
        "en": "A probability of 1 drops the whole layer: nothing reaches the output during training, so the network "
        "cannot learn (expect chance accuracy, about 10%).",
        "zh": "暂退概率为 1 会丢弃整层：训练时没有任何信息能传到输出层，网络无法学习（精度约为随机猜测的 10%）。",
    },
    "dropout.p_is_0": {
        "en": "Both probabilities are 0: the two panels train the same network.",
        "zh": "两个暂退概率都为 0：两个面板训练的是同一个网络。",
    },
    "dropout.run_with": {
        "en": "with dropout (p₁ = {p1:.2f}, p₂ = {p2:.2f})",
        "zh": "使用暂退法（p₁ = {p1:.2f}，p₂ = {p2:.2f}）",
    },
    "dropout.run_without": {"en": "without dropout", "zh": "不使用暂退法"},
    "dropout.short_with": {"en": "with dropout", "zh": "使用暂退法"},
    "dropout.train_prompt": {
        "en": "This server has not trained these two networks yet. Both take about a minute on a CPU "
        "(seconds on a GPU); the curves are drawn live, and the results are kept for everyone.",
        "zh": "本服务器还没有训练过这两个网络。两者在 CPU 上共需约一分钟（在 GPU 上只需几秒）；"
        "曲线会实时绘制，结果会保存下来供所有人使用。",
    },
    "dropout.train_both": {"en": "Train both networks", "zh": "训练两个网络"},
    "dropout.compare": {
        "en": "Both runs on one chart: solid lines with dropout, dashed lines without",
        "zh": "两次训练画在同一张图上：实线为使用暂退法，虚线为不使用",
    },
    "dropout.helps_yes": {
        "en": "After {epochs} epochs the network with dropout scores {w_acc:.2%} on the test set against {o_acc:.2%} "
        "without, with the lower test loss ({w_loss:.3f} against {o_loss:.3f}): in this run dropout generalised "
        "better.",
        "zh": "{epochs} 个迭代周期后，使用暂退法的网络测试精度为 {w_acc:.2%}，不使用的为 {o_acc:.2%}，"
        "且测试损失更低（{w_loss:.3f} 对 {o_loss:.3f}）：这次运行中，暂退法的泛化更好。",
    },
    "dropout.helps_no": {
        "en": "In this run dropout did not come out ahead on both counts after {epochs} epochs: test accuracy "
        "{w_acc:.2%} with, {o_acc:.2%} without; test loss {w_loss:.3f} with, {o_loss:.3f} without. At learning "
        "rate 0.5 the last epoch of a run swings by a point or more{others}.",
        "zh": "这次运行中，{epochs} 个迭代周期后暂退法并没有在两项上都占优：测试精度使用时 {w_acc:.2%}，"
        "不使用时 {o_acc:.2%}；测试损失使用时 {w_loss:.3f}，不使用时 {o_loss:.3f}。学习率为 0.5 时，"
        "一次运行最后一个迭代周期的结果会起伏一个百分点甚至更多{others}。",
    },
    "dropout.other_seeds": {
        "en": " (seeds already trained on this server where it does: {seeds})",
        "zh": "（本服务器上已训练过、呈现该现象的种子：{seeds}）",
    },
    "dropout.compare_loss_alt": {
        "en": "Loss over {epochs} epochs, {w} solid, {o} dashed. Test loss at the end: {with_test:.3f} {w}, "
        "{without_test:.3f} {o}; training loss {with_train:.3f} and {without_train:.3f}.",
        "zh": "{epochs} 个迭代周期的损失，实线为{w}，虚线为{o}。最终测试损失：{w} {with_test:.3f}，"
        "{o} {without_test:.3f}；训练损失分别为 {with_train:.3f} 和 {without_train:.3f}。",
    },
    "dropout.compare_acc_alt": {
        "en": "Accuracy over {epochs} epochs, {w} solid, {o} dashed. Test accuracy at the end: {with_test:.2%} {w}, "
        "{without_test:.2%} {o}; training accuracy {with_train:.2%} and {without_train:.2%}.",
        "zh": "{epochs} 个迭代周期的精度，实线为{w}，虚线为{o}。最终测试精度：{w} {with_test:.2%}，"
        "{o} {without_test:.2%}；训练精度分别为 {with_train:.2%} 和 {without_train:.2%}。",
    },
    "dropout.test_acc": {"en": "test accuracy, {run}", "zh": "测试精度，{run}"},
    "dropout.gap": {"en": "train − test accuracy", "zh": "训练精度 − 测试精度"},
    "dropout.gap_help": {
        "en": "The generalisation gap at the last epoch. The training accuracy of the dropout run is measured "
        "with dropout on, so it understates how well that network fits the training set.",
        "zh": "最后一个迭代周期的泛化差距。使用暂退法的那次训练，其训练精度是在开启暂退法时测得的，"
        "因此低估了该网络对训练集的拟合程度。",
    },
    "dropout.exports": {"en": "Export the runs", "zh": "导出训练结果"},
    "dropout.modes": {"en": "Train mode against eval mode", "zh": "训练模式与评估模式"},
    "dropout.modes_text": {
        "en": "Dropout belongs to training only. The trained network with dropout is evaluated on the test set ten "
        "times with dropout left **on** (train mode): each pass drops different units. With dropout **off** "
        "(eval mode, `net.eval()`) the answer is one number.",
        "zh": "暂退法只在训练时使用。把使用暂退法训练好的网络在测试集上评估十次，并让暂退法保持**开启**（训练模式）："
        "每次丢弃的单元都不同。关闭暂退法（评估模式，`net.eval()`）时，结果只有一个确定的数。",
    },
    "dropout.modes_yes": {
        "en": "All {n} passes with dropout on score below eval mode: {lo:.4f} to {hi:.4f} (mean {mean:.4f}) against "
        "{eval:.4f}. Each pass is a different thinned network; at test time we want the whole one.",
        "zh": "开启暂退法的 {n} 次评估全都低于评估模式：{lo:.4f} 到 {hi:.4f}（平均 {mean:.4f}），评估模式为 {eval:.4f}。"
        "每次评估用的都是一个只含部分神经元的不同子网络；测试时我们要用完整的网络。",
    },
    "dropout.modes_no": {
        "en": "{below} of {n} passes with dropout on score below eval mode ({eval:.4f}); they range from {lo:.4f} to "
        "{hi:.4f}. In this run the masks did not cost accuracy on every pass.",
        "zh": "开启暂退法的 {n} 次评估中有 {below} 次低于评估模式（{eval:.4f}），范围为 {lo:.4f} 到 {hi:.4f}。"
        "这次运行中，掩码并没有在每次评估中都降低精度。",
    },
    "dropout.modes_progress": {
        "en": "Evaluating the trained network on the test set, once with dropout off and ten times with it on…",
        "zh": "正在测试集上评估训练好的网络：关闭暂退法一次，开启暂退法十次……",
    },
    "dropout.mode_pass": {"en": "pass with dropout on", "zh": "开启暂退法的评估序号"},
    "dropout.mode_eval_line": {"en": "eval mode: {acc:.4f}", "zh": "评估模式：{acc:.4f}"},
    "dropout.mode_alt": {
        "en": "{n} passes over the test set with dropout on scored {lo:.4f} to {hi:.4f} (mean {mean:.4f}); {below} of "
        "them below the dashed eval-mode line at {eval:.4f}.",
        "zh": "开启暂退法在测试集上评估 {n} 次，精度为 {lo:.4f} 到 {hi:.4f}（平均 {mean:.4f}）；"
        "其中 {below} 次低于表示评估模式的虚线（{eval:.4f}）。",
    },
    "dropout.modes_result": {
        "en": "Eval mode (dropout off): {eval:.4f}. Train mode (dropout on): {mean:.4f} ± {std:.4f} over ten passes.",
        "zh": "评估模式（关闭暂退法）：{eval:.4f}。训练模式（开启暂退法）：十次评估为 {mean:.4f} ± {std:.4f}。",
    },
    "dropout.var": {"en": "Activation variance during training (exercise 3)", "zh": "训练过程中激活值的方差（练习 3）"},
    "dropout.var_text": {
        "en": "How does the variance of each hidden layer's activations evolve, with and without dropout? At the "
        "start and after every epoch we feed the same 1024 training images through the network and measure each "
        "hidden layer's variance, once with dropout masks on (what the next layer sees in training) and once off "
        "(what it sees at test time).",
        "zh": "使用与不使用暂退法时，各隐藏层激活值的方差如何变化？"
        "在训练开始时和每个迭代周期结束后，把同样的 1024 张训练图像送入网络，"
        "分别在开启暂退掩码（训练时下一层看到的）和关闭掩码（测试时看到的）两种情况下测量每个隐藏层的方差。",
    },
    "dropout.var_run": {"en": "Measure it (trains both networks again)", "zh": "开始测量（会重新训练两个网络）"},
    "dropout.var_help": {
        "en": "The measurement needs the network at every epoch, so both networks are trained once more with the "
        "settings above; the result is kept on this server.",
        "zh": "测量需要每个迭代周期结束时的网络，因此会按上面的设置把两个网络再训练一次；结果保存在本服务器上。",
    },
    "dropout.var_progress_with": {
        "en": "With dropout: training and measuring after every epoch…",
        "zh": "使用暂退法：正在训练，每个迭代周期结束后测量……",
    },
    "dropout.var_progress_without": {
        "en": "Without dropout: training and measuring after every epoch…",
        "zh": "不使用暂退法：正在训练，每个迭代周期结束后测量……",
    },
    "dropout.variance": {"en": "variance (log scale)", "zh": "方差（对数坐标）"},
    "dropout.variance_train": {"en": "dropout masks on (as in training)", "zh": "开启暂退掩码（训练时）"},
    "dropout.variance_eval": {"en": "dropout off (as at test time)", "zh": "关闭暂退（测试时）"},
    "dropout.variance_alt": {
        "en": "Activation variance per hidden layer over {epochs} epochs, {mode}. At the end, with dropout: layer 1 "
        "{w1:.3g}, layer 2 {w2:.3g}; without: layer 1 {o1:.3g}, layer 2 {o2:.3g}.",
        "zh": "{epochs} 个迭代周期中各隐藏层激活值的方差，{mode}。最终，使用暂退法：隐藏层 1 为 {w1:.3g}，"
        "隐藏层 2 为 {w2:.3g}；不使用：隐藏层 1 为 {o1:.3g}，隐藏层 2 为 {o2:.3g}。",
    },
    "dropout.layer_n": {"en": "hidden layer {n}", "zh": "隐藏层 {n}"},
    "dropout.var_caption": {
        "en": "Solid: hidden layer 1; dashed: hidden layer 2; circles with dropout, squares without. Epoch 0 is the "
        "initialisation. At the last epoch the masks multiply the variance of layer 1 by {r1:.2f} (p₁ = {p1:.2f}) and "
        "of layer 2 by {r2:.2f} (p₂ = {p2:.2f}): dropout adds variance in training, most after the layer with the "
        "larger p. (A unit kept with probability 1 − p and scaled by 1/(1 − p) has its second moment multiplied by "
        "1/(1 − p).)",
        "zh": "实线：隐藏层 1；虚线：隐藏层 2；圆点为使用暂退法，方块为不使用。第 0 个迭代周期表示初始化时。"
        "在最后一个迭代周期，掩码使隐藏层 1 的方差变为原来的 {r1:.2f} 倍（p₁ = {p1:.2f}），隐藏层 2 的变为 "
        "{r2:.2f} 倍（p₂ = {p2:.2f}）：暂退法在训练时增大了方差，p 越大的那一层增加得越多。"
        "（一个以概率 1 − p 保留并放大 1/(1 − p) 倍的单元，其二阶矩会乘以 1/(1 − p)。）",
    },
    "dropout.var_caption_no": {
        "en": "Solid: hidden layer 1; dashed: hidden layer 2; circles with dropout, squares without. Epoch 0 is the "
        "initialisation. At the last epoch the masks multiply the variance of layer 1 by {r1:.2f} (p₁ = {p1:.2f}) and "
        "of layer 2 by {r2:.2f} (p₂ = {p2:.2f}): in this run the masks did not raise the variance more where p is "
        "larger (with p = 0 they raise nothing).",
        "zh": "实线：隐藏层 1；虚线：隐藏层 2；圆点为使用暂退法，方块为不使用。第 0 个迭代周期表示初始化时。"
        "在最后一个迭代周期，掩码使隐藏层 1 的方差变为原来的 {r1:.2f} 倍（p₁ = {p1:.2f}），隐藏层 2 的变为 "
        "{r2:.2f} 倍（p₂ = {p2:.2f}）：这次运行中，并不是 p 越大的层方差增加得越多（p = 0 时掩码不改变任何东西）。",
    },
}

# The words of this topic's rows of the reproduce registry (mlp_lab.checks): check.<id>.quantity,
# .source (what the source says, or for a claim the page's sentence) and .tolerance.
STRINGS |= {
    "check.dropout.layer_unbiased.quantity": {
        "en": "||mean of h' over 10^5 dropout draws - h|| / ||h|| (h = arange(16), p = 0.2 and 0.5; worst)",
        "zh": "h' 在 10^5 次暂退抽样上的均值与 h 的相对误差（h = arange(16)，p = 0.2 与 0.5，取较大者）",
    },
    "check.dropout.layer_unbiased.source": {
        "en": "E[h'] = h (unbiased)",
        "zh": "E[h'] = h（无偏）",
    },
    "check.dropout.layer_unbiased.tolerance": {
        "en": "< 0.006 (seeds 0-4: 0.0024-0.0036)",
        "zh": "< 0.006（种子 0-4：0.0024-0.0036）",
    },
    "check.dropout.layer_p1_zeros.quantity": {
        "en": "dropout_layer(X, 1) is all zeros and dropout_layer(X, 0) is X (the book's two branches)",
        "zh": "dropout_layer(X, 1) 全为零，dropout_layer(X, 0) 等于 X（书中的两个分支）",
    },
    "check.dropout.layer_p1_zeros.source": {
        "en": "zeros / X",
        "zh": "全零 / X",
    },
    "check.dropout.layer_p1_zeros.tolerance": {
        "en": "exact",
        "zh": "精确相等",
    },
    "check.dropout.unbiased.quantity": {
        "en": "the page's unbiasedness demo at its defaults (p = 0.5, 10^5 draws): does the mean of h' miss h by no "
        "more than 3x what noise alone predicts?",
        "zh": "本页默认设置下的无偏性实验（p = 0.5，10^5 次抽样）：h' 的均值与 h 之差是否不超过仅由噪声造成的误差的 3 倍？",
    },
    "check.dropout.unbiased.source": {
        "en": "“noise alone predicts about 0.316%, so no bias is left: E[h'] = h”",
        "zh": "“仅由噪声造成的误差约为 0.316%，可见没有偏差：E[h'] = h”",
    },
    "check.dropout.unbiased.tolerance": {
        "en": "at least 75% of seeds 0-7 (measured: errors 0.21-0.41% against 0.32%)",
        "zh": "种子 0-7 中至少 75%（实测误差 0.21%–0.41%，噪声预测 0.32%）",
    },
    "check.dropout.noise_is_ridge.quantity": {
        "en": "least squares on 100 noisy copies (σ = 0.5) of 20 examples: are its weights at least 3x closer to "
        "ridge (λ = σ²) than to plain least squares?",
        "zh": "在 20 个样本的 100 份加噪副本（σ = 0.5）上做最小二乘：所得权重与岭回归（λ = σ²）的距离"
        "是否不到与普通最小二乘距离的三分之一？",
    },
    "check.dropout.noise_is_ridge.source": {
        "en": "“the noise on the inputs acted as an L2 penalty” (Bishop 1995, as the book cites it)",
        "zh": "“输入上的噪声起到了 L2 惩罚项的作用”（书中引用的毕晓普 1995 年的结论）",
    },
    "check.dropout.noise_is_ridge.tolerance": {
        "en": "at least 75% of seeds 0-7 (measured: 3-9% from ridge, 32-77% from least squares)",
        "zh": "种子 0-7 中至少 75%（实测：与岭回归相差 3%–9%，与最小二乘相差 32%–77%）",
    },
    # --- learn by doing (issue 15): predictions and a challenge --------------------------------------
    "learn.dropout.axis.h": {"en": "element of h", "zh": "h 的元素"},
    "learn.dropout.axis.mean": {"en": "mean of h′ over the draws", "zh": "多次抽取后 h′ 的均值"},
    "learn.dropout.axis.epoch": {"en": "epoch", "zh": "迭代周期"},
    "learn.dropout.axis.diff": {
        "en": "test accuracy: with minus without dropout (points)",
        "zh": "测试精度：有暂退法减去无暂退法（百分点）",
    },
    "learn.dropout.mean_h.q": {
        "en": "Dropout with p = {p:g} on the layer h = (0, 1, …, 15). Averaged over {draws:,} draws, what does the "
        "element h = {h} become?",
        "zh": "对层 h = (0, 1, …, 15) 使用 p = {p:g} 的暂退法。对 {draws:,} 次抽取取平均，元素 h = {h} 会变成多少？",
    },
    "learn.dropout.mean_h.why": {
        "en": "Each draw gives 0 (probability {p:g}) or {h:g}/(1 − p) = {big:.3g} (probability {keep:g}); on average "
        "{keep:g} × {big:.3g} = {h:g}: the survivors' scaling makes dropout unbiased (measured: {mean:.2f}).",
        "zh": "每次抽取得到 0（概率 {p:g}）或 {h:g}/(1 − p) = {big:.3g}（概率 {keep:g}）；平均为 "
        "{keep:g} × {big:.3g} = {h:g}：对保留单元的放大使暂退法是无偏的（实测：{mean:.2f}）。",
    },
    "learn.dropout.mean_h.why_p1": {
        "en": "At p = 1 every unit is dropped in every draw, so the mean is {mean:.2f}: nothing passes, and the "
        "layer is no longer unbiased.",
        "zh": "p = 1 时每次抽取都丢弃全部单元，所以均值为 {mean:.2f}：什么都传不过去，这一层也不再无偏。",
    },
    "learn.dropout.mean_h.why_p0": {
        "en": "At p = 0 nothing is dropped and nothing is scaled: every draw is h itself ({mean:.2f}).",
        "zh": "p = 0 时既不丢弃也不放大：每次抽取都是 h 本身（{mean:.2f}）。",
    },
    "learn.dropout.vs_plain.q": {
        "en": "The book's network ({model}, {epochs} epochs) with dropout p1 = {p1:g}, p2 = {p2:g}: after the last "
        "epoch, how does its test accuracy compare with the same network without dropout?",
        "zh": "书中的网络（{model}，{epochs} 个迭代周期）使用暂退概率 p1 = {p1:g}、p2 = {p2:g}：最后一个迭代周期后，"
        "它的测试精度与不用暂退法的同一网络相比如何？",
    },
    "learn.dropout.vs_plain.c.higher": {"en": "higher (by more than 1 point)", "zh": "更高（超过 1 个百分点）"},
    "learn.dropout.vs_plain.c.same": {"en": "about the same (within 1 point)", "zh": "差不多（相差 1 个百分点以内）"},
    "learn.dropout.vs_plain.c.lower": {"en": "lower (by more than 1 point)", "zh": "更低（超过 1 个百分点）"},
    "learn.dropout.vs_plain.why_higher": {
        "en": "With dropout {with:.2%}, without {without:.2%}: {gap:+.1f} points. The noise kept the network from "
        "leaning on a few co-adapted units, and it generalised better.",
        "zh": "有暂退法 {with:.2%}，无暂退法 {without:.2%}：相差 {gap:+.1f} 个百分点。噪声让网络不能依赖少数"
        "共同适应的单元，泛化得更好。",
    },
    "learn.dropout.vs_plain.why_same": {
        "en": "With dropout {with:.2%}, without {without:.2%}: {gap:+.1f} points. The network is wide enough that "
        "losing units at random costs little; in {epochs} epochs the plain network has not overfitted much yet.",
        "zh": "有暂退法 {with:.2%}，无暂退法 {without:.2%}：相差 {gap:+.1f} 个百分点。网络足够宽，随机丢掉一些单元"
        "损失不大；{epochs} 个迭代周期里，不用暂退法的网络也还没有明显过拟合。",
    },
    "learn.dropout.vs_plain.why_lower": {
        "en": "With dropout {with:.2%}, without {without:.2%}: {gap:+.1f} points. Dropping this much noise in "
        "makes every step's gradient so noisy that {epochs} epochs are not enough to learn as well.",
        "zh": "有暂退法 {with:.2%}，无暂退法 {without:.2%}：相差 {gap:+.1f} 个百分点。这么强的暂退让每一步的梯度"
        "噪声太大，{epochs} 个迭代周期不足以学得同样好。",
    },
    "learn.dropout.heavy.goal": {
        "en": "Drop at least {heavy:.0%} of the units in both hidden layers (p1 and p2 ≥ {heavy:g}) and still end "
        "no more than {within:g} points below the network without dropout in test accuracy.",
        "zh": "在两个隐藏层都丢弃至少 {heavy:.0%} 的单元（p1 和 p2 ≥ {heavy:g}），测试精度仍然比不用暂退法的网络"
        "低不超过 {within:g} 个百分点。",
    },
    "learn.dropout.heavy.passed": {
        "en": "With p1 = {p1:g}, p2 = {p2:g} the network reaches {with:.2%} against {without:.2%} without dropout "
        "({gap:+.1f} points): half the units can vanish at every step and the network still learns.",
        "zh": "p1 = {p1:g}、p2 = {p2:g} 时网络的测试精度为 {with:.2%}，不用暂退法为 {without:.2%}（相差 {gap:+.1f} "
        "个百分点）：每一步都有一半单元消失，网络仍然学得会。",
    },
    "learn.dropout.heavy.off": {
        "en": "With p1 = {p1:g}, p2 = {p2:g} the network reaches {with:.2%}, {behind:.1f} points below the "
        "{without:.2%} without dropout; it may be at most {within:g} points below.",
        "zh": "p1 = {p1:g}、p2 = {p2:g} 时网络的测试精度为 {with:.2%}，比不用暂退法的 {without:.2%} 低 "
        "{behind:.1f} 个百分点；最多只能低 {within:g} 个百分点。",
    },
    "learn.dropout.heavy.light": {
        "en": "p1 = {p1:g}, p2 = {p2:g}: both must be at least {heavy:g}.",
        "zh": "p1 = {p1:g}、p2 = {p2:g}：两者都必须至少为 {heavy:g}。",
    },
    "learn.dropout.heavy.hint1": {
        "en": "Start at the smallest heavy setting, p1 = p2 = 0.5: heavier dropout needs more epochs to catch up.",
        "zh": "从最小的强暂退设置 p1 = p2 = 0.5 开始：暂退越强，追上来需要的迭代周期越多。",
    },
    "learn.dropout.heavy.hint2": {
        "en": "If you are still behind, give both networks more epochs: the one without dropout gains little, the "
        "one with dropout keeps improving.",
        "zh": "如果仍然落后，就给两个网络更多迭代周期：不用暂退法的网络提升不大，用暂退法的网络还在继续进步。",
    },
    # --- the book's exercises 3.6.1 to 3.6.7 (short runs of the book's net on a subset) ---
    "ex.3.6.train_size": {"en": "Training images (the first n)", "zh": "训练图像数（取前 n 张）"},
    "ex.3.6.train_size_help": {
        "en": "Fewer images train faster and overfit sooner; 60000 is the whole training set. The test set is "
        "always all 10000 test images.",
        "zh": "图像越少，训练越快，也越早过拟合；60000 是整个训练集。测试集始终是全部 10000 张测试图像。",
    },
    "ex.3.6.epochs": {"en": "Epochs", "zh": "迭代周期数"},
    "ex.3.6.training": {"en": "Training the networks on the subset…", "zh": "正在子集上训练网络……"},
    "ex.3.6.measuring": {
        "en": "Training both networks and measuring after every epoch…",
        "zh": "正在训练两个网络，并在每个迭代周期结束后测量……",
    },
    "ex.3.6.axis.acc": {"en": "accuracy", "zh": "精度"},
    "ex.3.6.axis.variance": {"en": "variance", "zh": "方差"},
    "ex.3.6.axis.pass": {"en": "pass", "zh": "第几次评估"},
    # exercise 3.6.1
    "ex.3.6.1.title": {"en": "Change and swap p₁ and p₂", "zh": "改变并交换 p₁ 与 p₂"},
    "ex.3.6.1.q": {
        "en": "The book's network drops 20 % of the units after its first hidden layer and 50 % after its second. "
        "Change these two probabilities, then swap them: does it matter which layer gets the heavier dropout? "
        "Plan a comparison, measure it, and state what you conclude.",
        "zh": "书中的网络在第一个隐藏层之后暂退 20% 的单元，在第二个隐藏层之后暂退 50%。"
        "改变这两个概率，再把它们交换：较强的暂退放在哪一层有关系吗？设计一个对比，测量它，并说出你的结论。",
    },
    "ex.3.6.1.try": {
        "en": "Set p₁ and p₂. The run trains the book's network with them as set and with them swapped, from the "
        "same initial weights and on the same first n training images, and compares test accuracy after the last "
        "epoch. One seed can mislead: raise the seeds to see whether the gap outlasts the spread between seeds, "
        "and raise the images and epochs for a longer run.",
        "zh": "设置 p₁ 和 p₂。运行会用同样的初始权重、在同样的前 n 张训练图像上，分别按设置的顺序和交换后的顺序训练书中的网络，"
        "并比较最后一个迭代周期后的测试精度。只用一个随机种子可能误导：增加种子数，看差距是否大于种子之间的波动；"
        "再增加图像数和迭代周期数，做更长的训练。",
    },
    "ex.3.6.1.seeds": {"en": "Seeds per order", "zh": "每种顺序的随机种子数"},
    "ex.3.6.1.seeds_help": {
        "en": "Each seed gives both orders a new start and new masks. The finding averages over the seeds and "
        "compares the gap with how far the seeds' results spread.",
        "zh": "每个随机种子都给两种顺序新的初始值和新的掩码。结论取各种子的平均，并把差距与种子之间结果的波动范围相比较。",
    },
    "ex.3.6.1.finding": {
        "en": "with p₁ = {wp1:g}, p₂ = {wp2:g} the network reaches {win:.2%} test accuracy, {gap:.2f} points above "
        "the other order ({lose:.2%}), after {epochs} epochs on {n} images: in this run the heavier dropout "
        "belongs after the {heavy} hidden layer. That is one seed: raise the seeds to see whether the gap outlasts "
        "the noise between seeds.",
        "zh": "p₁ = {wp1:g}、p₂ = {wp2:g} 时网络的测试精度为 {win:.2%}，比另一种顺序（{lose:.2%}）高 {gap:.2f} 个百分点"
        "（{n} 张图像，{epochs} 个迭代周期）：在这次运行中，较强的暂退应放在{heavy}个隐藏层之后。"
        "这只是一个随机种子：增加种子数，看差距是否大于种子之间的波动。",
    },
    "ex.3.6.1.finding_seeds": {
        "en": "averaged over {seeds} seeds, p₁ = {wp1:g}, p₂ = {wp2:g} reaches {win:.2%} test accuracy, {gap:.2f} "
        "points above the other order ({lose:.2%}), and the seeds' results spread over only {spread:.2f} points: "
        "in this run the heavier dropout belongs after the {heavy} hidden layer.",
        "zh": "在 {seeds} 个随机种子上平均，p₁ = {wp1:g}、p₂ = {wp2:g} 的测试精度为 {win:.2%}，比另一种顺序（{lose:.2%}）"
        "高 {gap:.2f} 个百分点，而各种子的结果只在 {spread:.2f} 个百分点内波动：在这次运行中，较强的暂退应放在{heavy}个"
        "隐藏层之后。",
    },
    "ex.3.6.1.finding_noisy": {
        "en": "averaged over {seeds} seeds, p₁ = {p1:g}, p₂ = {p2:g} reaches {as_set:.2%} test accuracy and the "
        "swapped order {swapped:.2%}: a gap of {gap:.2f} points, no larger than the {spread:.2f} points the seeds' "
        "results spread over. This run cannot tell the two orders apart; try more epochs or images.",
        "zh": "在 {seeds} 个随机种子上平均，p₁ = {p1:g}、p₂ = {p2:g} 的测试精度为 {as_set:.2%}，交换后为 {swapped:.2%}："
        "差距 {gap:.2f} 个百分点，不大于各种子结果 {spread:.2f} 个百分点的波动。这次运行分不出两种顺序的优劣；"
        "试试更多迭代周期或更多图像。",
    },
    "ex.3.6.1.finding_same": {
        "en": "p₁ = p₂ = {p1:g}: swapping changes nothing, both orders are the same network ({as_set:.2%} test "
        "accuracy). Give the two layers different probabilities.",
        "zh": "p₁ = p₂ = {p1:g}：交换不改变任何东西，两种顺序是同一个网络（测试精度 {as_set:.2%}）。给两层设置不同的概率。",
    },
    "ex.3.6.1.s.as_set": {"en": "p₁, p₂ as set", "zh": "按设置的 p₁、p₂"},
    "ex.3.6.1.s.swapped": {"en": "swapped", "zh": "交换后"},
    "ex.3.6.1.answer": {
        "en": "A fair design changes one thing only: both orders start from the same weights, see the same images "
        "in the same order and are tested on the same 10000 images, and the comparison is repeated over seeds, "
        "because at lr 0.5 one short run can swing by a point or more. The book's choice, lighter dropout near "
        "the input, follows a common rule of thumb: the first hidden layer carries features that every later "
        "layer builds on, and the second layer, with more co-adapted units, can afford to lose more. Whether "
        "the difference is larger than the noise between seeds is what your run has to show.",
        "zh": "公平的设计只改变一件事：两种顺序从同样的权重出发，以同样的顺序看同样的图像，在同样的 10000 张图像上测试，"
        "并在多个随机种子上重复比较，因为学习率为 0.5 时，一次短训练的结果可能摆动一个百分点以上。"
        "书中把较弱的暂退放在靠近输入的地方，这是一条常见的经验法则：第一个隐藏层的特征是后面各层的基础，"
        "而第二层的单元之间共适应更多，可以承受更多的暂退。差距是否大于种子之间的波动，要由你的运行来回答。",
    },
    # exercise 3.6.2
    "ex.3.6.2.title": {"en": "More epochs, with and without dropout", "zh": "更多迭代周期：使用与不用暂退法"},
    "ex.3.6.2.q": {
        "en": "Train for more epochs. How do the network with dropout and the one without compare as training goes on?",
        "zh": "训练更多的迭代周期。随着训练进行，使用暂退法的网络和不用暂退法的网络相比如何？",
    },
    "ex.3.6.2.try": {
        "en": "Raise the epochs; fewer images make the network without dropout overfit sooner. Both networks "
        "(p₁ = 0.2, p₂ = 0.5, and none) start from the same weights. The chart shows the test accuracy after each "
        "epoch and the training accuracy measured during it (for the dropout network with its masks on).",
        "zh": "增加迭代周期数；图像越少，不用暂退法的网络越早过拟合。两个网络（p₁ = 0.2、p₂ = 0.5，以及不用暂退法）"
        "从同样的权重出发。图中是每个迭代周期后的测试精度，以及训练期间测得的训练精度（使用暂退法的网络开着掩码）。",
    },
    "ex.3.6.2.finding": {
        "en": "after {epochs} epochs on {n} images the network with dropout tests at {with:.2%} and the one without "
        "at {without:.2%}: dropout ends {gap:.2f} points ahead. Best epochs: {best_w:.2%} (epoch {ep_w}) with "
        "dropout, {best_o:.2%} (epoch {ep_o}) without; the last epoch sits {fall_w:.2f} and {fall_o:.2f} points "
        "below those bests.",
        "zh": "在 {n} 张图像上训练 {epochs} 个迭代周期后，使用暂退法的网络测试精度为 {with:.2%}，不用暂退法为 "
        "{without:.2%}：暂退法最终领先 {gap:.2f} 个百分点。最好的迭代周期：使用暂退法为 {best_w:.2%}（第 {ep_w} 个），"
        "不用为 {best_o:.2%}（第 {ep_o} 个）；最后一个迭代周期分别比最好值低 {fall_w:.2f} 和 {fall_o:.2f} 个百分点。",
    },
    "ex.3.6.2.finding_behind": {
        "en": "after {epochs} epochs on {n} images the network with dropout tests at {with:.2%} and the one without "
        "at {without:.2%}: dropout ends {gap:.2f} points behind. Best epochs: {best_w:.2%} (epoch {ep_w}) with "
        "dropout, {best_o:.2%} (epoch {ep_o}) without; the last epoch sits {fall_w:.2f} and {fall_o:.2f} points "
        "below those bests.",
        "zh": "在 {n} 张图像上训练 {epochs} 个迭代周期后，使用暂退法的网络测试精度为 {with:.2%}，不用暂退法为 "
        "{without:.2%}：暂退法最终落后 {gap:.2f} 个百分点。最好的迭代周期：使用暂退法为 {best_w:.2%}（第 {ep_w} 个），"
        "不用为 {best_o:.2%}（第 {ep_o} 个）；最后一个迭代周期分别比最好值低 {fall_w:.2f} 和 {fall_o:.2f} 个百分点。",
    },
    "ex.3.6.2.s.test_with": {"en": "test, dropout", "zh": "测试，暂退法"},
    "ex.3.6.2.s.test_without": {"en": "test, none", "zh": "测试，不用"},
    "ex.3.6.2.s.train_with": {"en": "train, dropout", "zh": "训练，暂退法"},
    "ex.3.6.2.s.train_without": {"en": "train, none", "zh": "训练，不用"},
    "ex.3.6.2.answer": {
        "en": "What to look for: early on, dropout slows learning (each step trains a thinned network), so the "
        "network without it is often ahead after a few epochs. Given more epochs, the network without dropout "
        "keeps fitting its training images and its test accuracy stalls or falls, which is overfitting; the "
        "dropout network keeps a smaller gap between training and test and can overtake it. How many epochs "
        "that takes depends on the number of images: the fewer, the sooner.",
        "zh": "看什么：训练初期暂退法会减慢学习（每一步只训练一个变稀疏的网络），所以几个迭代周期后不用暂退法的网络"
        "常常领先。迭代周期更多时，不用暂退法的网络会继续拟合它的训练图像，测试精度停滞甚至下降，这就是过拟合；"
        "使用暂退法的网络在训练与测试之间的差距较小，可能反超。需要多少迭代周期取决于图像数：图像越少，来得越早。",
    },
    # exercise 3.6.3
    "ex.3.6.3.title": {"en": "Activation variance over training", "zh": "训练过程中激活值的方差"},
    "ex.3.6.3.q": {
        "en": "How large is the variance of each hidden layer's activations in the network with dropout and in the "
        "one without? Plot how it changes during training for both networks.",
        "zh": "使用暂退法和不用暂退法的网络中，每个隐藏层激活值的方差有多大？为两个网络画出它在训练中如何变化。",
    },
    "ex.3.6.3.try": {
        "en": "The run is the measurement of the section on activation variance above, in a shorter training: the "
        "book's network with dropout (p₁ = 0.2, p₂ = 0.5) and its twin without, on the first n images; at the "
        "start and after every epoch each hidden layer's variance on the same 1024 training images (for the dropout net with its masks on, as "
        "the next layer sees it in training). Raise the "
        "epochs and images for the full picture (the section above trains on all images).",
        "zh": "这次运行就是上面“激活值的方差”一节的测量，只是训练更短：书中使用暂退法的网络（p₁ = 0.2、p₂ = 0.5）"
        "和不用暂退法的孪生网络，在前 n 张图像上训练；在开始时和每个迭代周期之后，用同样的 1024 张训练图像"
        "测量每个隐藏层的方差（使用暂退法的网络开着掩码，即训练中下一层看到的）。增加迭代周期数和图像数可以看到完整的图景（上面一节用全部图像训练）。",
    },
    "ex.3.6.3.finding": {
        "en": "after {epochs} epochs, hidden layer 1 has variance {v1w:.3g} with dropout (masks on, as the next layer "
        "sees it in training) against {v1o:.3g} without; hidden layer 2 {v2w:.3g} against {v2o:.3g}. With its masks "
        "off the dropout network's layers have {e1:.3g} and {e2:.3g}: the masks alone multiply the variance by "
        "{r1:.2f} (p₁ = {p1:g}) and {r2:.2f} (p₂ = {p2:g}).",
        "zh": "{epochs} 个迭代周期后，第一个隐藏层的方差在使用暂退法时为 {v1w:.3g}（开着掩码，即训练中下一层看到的），"
        "不用暂退法时为 {v1o:.3g}；第二个隐藏层为 {v2w:.3g} 对 {v2o:.3g}。关掉掩码后，使用暂退法的网络两层的方差为 "
        "{e1:.3g} 和 {e2:.3g}：仅掩码就把方差乘以 {r1:.2f}（p₁ = {p1:g}）和 {r2:.2f}（p₂ = {p2:g}）。",
    },
    "ex.3.6.3.finding_mixed": {
        "en": "after {epochs} epochs the dropout network's variance is not the higher one in every hidden layer: "
        "layer 1 has {v1w:.3g} with dropout (masks on) against {v1o:.3g} without, layer 2 {v2w:.3g} against "
        "{v2o:.3g}. With its masks off the dropout network's layers have {e1:.3g} and {e2:.3g}, so the masks "
        "multiply by {r1:.2f} (p₁ = {p1:g}) and {r2:.2f} (p₂ = {p2:g}); the rest of the difference lies in the "
        "weights the two networks learned.",
        "zh": "{epochs} 个迭代周期后，使用暂退法的网络并不是每个隐藏层的方差都更大：第一层使用暂退法（开着掩码）为 "
        "{v1w:.3g}，不用为 {v1o:.3g}；第二层为 {v2w:.3g} 对 {v2o:.3g}。关掉掩码后，使用暂退法的网络两层为 {e1:.3g} 和 "
        "{e2:.3g}，所以掩码把方差乘以 {r1:.2f}（p₁ = {p1:g}）和 {r2:.2f}（p₂ = {p2:g}）；其余的差别来自两个网络学到的权重。",
    },
    "ex.3.6.3.s.l1_with": {"en": "layer 1, dropout", "zh": "第一层，暂退法"},
    "ex.3.6.3.s.l2_with": {"en": "layer 2, dropout", "zh": "第二层，暂退法"},
    "ex.3.6.3.s.l1_without": {"en": "layer 1, none", "zh": "第一层，不用"},
    "ex.3.6.3.s.l2_without": {"en": "layer 2, none", "zh": "第二层，不用"},
    "ex.3.6.3.answer": {
        "en": "Why the masks add variance: a unit kept with probability $1-p$ and scaled by $\\frac{1}{1-p}$ keeps "
        "its mean, but its second moment becomes $E[h'^2] = \\frac{E[h^2]}{1-p}$. So the variance with masks on is "
        "$\\frac{E[h^2]}{1-p} - E[h]^2 \\ge \\mathrm{Var}[h] \\,/\\, (1-p)$: at least 1.25 times for $p = 0.2$ and "
        "2 times for $p = 0.5$. Over training both networks' variances grow from the tiny values of the "
        "$N(0, 0.01^2)$ start as the weights grow; the two networks also learn different weights, so their "
        "variances with the masks off differ too.",
        "zh": "为什么掩码会增大方差：以概率 $1-p$ 保留并乘以 $\\frac{1}{1-p}$ 的单元均值不变，但二阶矩变为 "
        "$E[h'^2] = \\frac{E[h^2]}{1-p}$。所以开着掩码时的方差为 "
        "$\\frac{E[h^2]}{1-p} - E[h]^2 \\ge \\mathrm{Var}[h] \\,/\\, (1-p)$：$p = 0.2$ 时至少 1.25 倍，$p = 0.5$ 时至少 2 倍。"
        "训练中，随着权重变大，两个网络的方差都从 $N(0, 0.01^2)$ 初始化时的很小的值开始增长；"
        "两个网络学到的权重也不同，所以关掉掩码后的方差也不一样。",
    },
    # exercise 3.6.4
    "ex.3.6.4.title": {"en": "Why dropout is off at test time", "zh": "为什么测试时不用暂退法"},
    "ex.3.6.4.q": {
        "en": "Why is dropout normally switched off when the network is used on test data?",
        "zh": "为什么在测试数据上使用网络时，通常要关闭暂退法？",
    },
    "ex.3.6.4.try": {
        "en": "Evidence: train the book's dropout network (p₁ = 0.2, p₂ = 0.5) briefly, then score the whole test "
        "set once with dropout off (eval mode) and several times with it left on, each pass with new masks.",
        "zh": "证据：把书中使用暂退法的网络（p₁ = 0.2、p₂ = 0.5）简短地训练一下，然后在整个测试集上评估："
        "关闭暂退法（评估模式）一次，保留暂退法若干次，每次用新的掩码。",
    },
    "ex.3.6.4.finding": {
        "en": "with dropout off the network scores {eval:.2%} test accuracy, the same on every pass. Left on, "
        "{passes} passes score {mean:.2%} on average (standard deviation {std:.2f} points, from {lo:.2%} to "
        "{hi:.2%}, {distinct} different results), every one below eval mode: {cost:.2f} points lost on average.",
        "zh": "关闭暂退法时网络的测试精度为 {eval:.2%}，每次都一样。保留暂退法时，{passes} 次评估平均为 {mean:.2%}"
        "（标准差 {std:.2f} 个百分点，从 {lo:.2%} 到 {hi:.2%}，共 {distinct} 个不同结果），每一次都低于评估模式："
        "平均损失 {cost:.2f} 个百分点。",
    },
    "ex.3.6.4.finding_mixed": {
        "en": "with dropout off the network scores {eval:.2%} test accuracy, the same on every pass. Left on, "
        "{passes} passes score {mean:.2%} on average (standard deviation {std:.2f} points, from {lo:.2%} to "
        "{hi:.2%}, {distinct} different results); not every pass is below eval mode (eval mode minus the average: "
        "{cost:+.2f} points), but the answer still changes from pass to pass.",
        "zh": "关闭暂退法时网络的测试精度为 {eval:.2%}，每次都一样。保留暂退法时，{passes} 次评估平均为 {mean:.2%}"
        "（标准差 {std:.2f} 个百分点，从 {lo:.2%} 到 {hi:.2%}，共 {distinct} 个不同结果）；并非每次都低于评估模式"
        "（评估模式减去平均值：{cost:+.2f} 个百分点），但结果每次都在变。",
    },
    "ex.3.6.4.passes": {"en": "Passes with dropout left on", "zh": "保留暂退法的评估次数"},
    "ex.3.6.4.s.on": {"en": "dropout left on", "zh": "保留暂退法"},
    "ex.3.6.4.s.off": {"en": "dropout off (eval mode)", "zh": "关闭暂退法（评估模式）"},
    "ex.3.6.4.answer": {
        "en": "1. **A prediction should not be a lottery.** With dropout on, the same image can get a different "
        "answer on every pass (the run above shows the accuracy changing from pass to pass).\n\n"
        "2. **We want the average network, not one random thinned one.** Training with dropout trains many thinned "
        "networks that share weights. At test time we want their average prediction. Inverted dropout scales the "
        "kept units by $\\frac{1}{1-p}$ during training, so every unit's expected value equals its value with "
        "dropout off: running the full network once is a cheap stand-in for averaging over all masks (exact "
        "for a linear layer, an approximation through the nonlinearities). One noisy pass is a single random "
        "member of the ensemble and, on average, worse than the full network.\n\n"
        "3. **Dropout is a regulariser for training,** not part of the model's function: at test time there is "
        "nothing left to regularise.\n\n"
        "The exception: Monte Carlo dropout keeps it on at test time on purpose and averages many passes; their "
        "spread estimates how unsure the network is, at the cost of many forward passes.",
        "zh": "1. **预测不应该是抽签。** 开着暂退法时，同一张图像每次可能得到不同的答案（上面的运行显示精度每次都在变）。\n\n"
        "2. **我们想要的是平均网络，而不是一个随机变稀疏的网络。** 用暂退法训练，相当于训练许多共享权重的稀疏网络。"
        "测试时我们想要它们的平均预测。反向暂退法（inverted dropout）在训练时把保留的单元乘以 $\\frac{1}{1-p}$，"
        "使每个单元的期望等于关闭暂退法时的值：运行一次完整网络就是对所有掩码取平均的廉价替代"
        "（对线性层是精确的，经过非线性时是近似）。一次带噪声的评估只是集成中的一个随机成员，平均而言比完整网络差。\n\n"
        "3. **暂退法是训练时的正则化手段，** 不是模型函数的一部分：测试时已经没有需要正则化的东西了。\n\n"
        "例外：蒙特卡洛暂退法在测试时有意保留暂退法，并对多次评估取平均；它们的离散程度可以估计网络有多不确定，"
        "代价是要做许多次前向传播。",
    },
    # exercise 3.6.5
    "ex.3.6.5.title": {"en": "Dropout, weight decay, or both", "zh": "暂退法、权重衰减，或两者并用"},
    "ex.3.6.5.q": {
        "en": "On this section's network, compare dropout with weight decay. What happens when you use both: do "
        "the gains add up, shrink, or cancel each other?",
        "zh": "在本节的网络上比较暂退法和权重衰减。两者同时使用会怎样：收益会叠加、减少，还是相互抵消？",
    },
    "ex.3.6.5.try": {
        "en": "Four networks from the same start: neither, dropout only (p₁ = 0.2, p₂ = 0.5), weight decay only "
        "(λ below), both. A gain is test-accuracy points over the network with neither. Regularisers pay off "
        "once the plain network overfits; in a short run they can cost accuracy instead, so raise the epochs "
        "(or lower the images) and compare.",
        "zh": "四个网络从同样的起点出发：都不用、只用暂退法（p₁ = 0.2、p₂ = 0.5）、只用权重衰减（下面的 λ）、两者都用。"
        "收益是相对于都不用的网络的测试精度提高（百分点）。正则化要等普通网络过拟合时才有回报；"
        "在短训练中反而可能降低精度，所以请增加迭代周期数（或减少图像数）再比较。",
    },
    "ex.3.6.5.finding": {
        "en": "after {epochs} epochs on {n} images: neither {none:.2%}; dropout {dropout:.2%} ({gd:+.2f} points); "
        "weight decay λ = {wd:g} {decay:.2%} ({gw:+.2f}); both {both:.2%} ({gb:+.2f}). Together they gain at "
        "least the sum of the two alone ({sum:+.2f}): in this run the gains add up.",
        "zh": "在 {n} 张图像上训练 {epochs} 个迭代周期后：都不用 {none:.2%}；暂退法 {dropout:.2%}（{gd:+.2f} 个百分点）；"
        "权重衰减 λ = {wd:g} {decay:.2%}（{gw:+.2f}）；两者都用 {both:.2%}（{gb:+.2f}）。两者并用的收益至少是单独使用"
        "之和（{sum:+.2f}）：在这次运行中收益是叠加的。",
    },
    "ex.3.6.5.finding_partly": {
        "en": "after {epochs} epochs on {n} images: neither {none:.2%}; dropout {dropout:.2%} ({gd:+.2f} points); "
        "weight decay λ = {wd:g} {decay:.2%} ({gw:+.2f}); both {both:.2%} ({gb:+.2f}). Together they beat the "
        "better one alone ({best:+.2f}) but fall short of the sum ({sum:+.2f}): in this run the gains overlap.",
        "zh": "在 {n} 张图像上训练 {epochs} 个迭代周期后：都不用 {none:.2%}；暂退法 {dropout:.2%}（{gd:+.2f} 个百分点）；"
        "权重衰减 λ = {wd:g} {decay:.2%}（{gw:+.2f}）；两者都用 {both:.2%}（{gb:+.2f}）。两者并用胜过单独使用较好的那个"
        "（{best:+.2f}），但不及两者之和（{sum:+.2f}）：在这次运行中收益有重叠，递减了。",
    },
    "ex.3.6.5.finding_worse": {
        "en": "after {epochs} epochs on {n} images: neither {none:.2%}; dropout {dropout:.2%} ({gd:+.2f} points); "
        "weight decay λ = {wd:g} {decay:.2%} ({gw:+.2f}); both {both:.2%} ({gb:+.2f}). Together they gain less "
        "than the better one alone ({best:+.2f}): in this run combining them costs.",
        "zh": "在 {n} 张图像上训练 {epochs} 个迭代周期后：都不用 {none:.2%}；暂退法 {dropout:.2%}（{gd:+.2f} 个百分点）；"
        "权重衰减 λ = {wd:g} {decay:.2%}（{gw:+.2f}）；两者都用 {both:.2%}（{gb:+.2f}）。两者并用的收益不如单独使用"
        "较好的那个（{best:+.2f}）：在这次运行中合用反而吃亏。",
    },
    "ex.3.6.5.wd": {"en": "Weight decay λ (in the two decayed runs)", "zh": "权重衰减 λ（用于两个带权重衰减的网络）"},
    "ex.3.6.5.s.none": {"en": "neither", "zh": "都不用"},
    "ex.3.6.5.s.dropout": {"en": "dropout", "zh": "暂退法"},
    "ex.3.6.5.s.decay": {"en": "weight decay", "zh": "权重衰减"},
    "ex.3.6.5.s.both": {"en": "both", "zh": "两者都用"},
    "ex.3.6.5.answer": {
        "en": "Both fight overfitting by limiting what the network can fit: weight decay pulls every weight toward "
        "zero, dropout makes each unit useful without relying on particular others. When they guard against "
        "the same overfitting, their gains overlap, so the combination usually gains less than the sum; too "
        "much of both and the network underfits, and the combination can fall below either alone. When the "
        "plain network does not overfit yet (short runs, many images), both mostly cost accuracy. Your run "
        "decides which case you are in.",
        "zh": "两者都通过限制网络能拟合的东西来对抗过拟合：权重衰减把每个权重拉向零，暂退法让每个单元在不依赖特定其他单元"
        "的情况下也有用。当它们防的是同一种过拟合时，收益会重叠，所以两者并用的收益通常小于两者之和；"
        "两者都用得太重时网络会欠拟合，并用甚至可能不如单独使用任何一个。当普通网络还没有过拟合时"
        "（训练短、图像多），两者多半只会降低精度。你处在哪种情况，由你的运行来判断。",
    },
    # exercise 3.6.6
    "ex.3.6.6.title": {
        "en": "Dropping weights instead of units (DropConnect)",
        "zh": "暂退权重而不是单元（DropConnect）",
    },
    "ex.3.6.6.q": {
        "en": "What happens if dropout removes individual entries of the weight matrices instead of whole activations?",
        "zh": "如果暂退法去掉的是权重矩阵中的单个权重，而不是整个激活值，会发生什么？",
    },
    "ex.3.6.6.try": {
        "en": "DropConnect: in training, every weight that reads hidden layer 1 is dropped with probability p₁ and "
        "every weight that reads hidden layer 2 with p₂, the survivors scaled by 1/(1 − p); one mask per "
        "minibatch. It is compared with the book's dropout at the same p (dropping a unit drops a whole row of "
        "those weights at once) and with no noise, all from the same start.",
        "zh": "DropConnect：训练时，读取第一个隐藏层的每个权重以概率 p₁ 被暂退，读取第二个隐藏层的每个权重以概率 p₂ 被暂退，"
        "保留的权重乘以 1/(1 − p)；每个小批量用一个掩码。与同样 p 的书中暂退法（暂退一个单元等于一次去掉这些权重中的"
        "一整行）以及不加噪声的网络比较，三者从同样的起点出发。",
    },
    "ex.3.6.6.p1": {"en": "p₁ (weights reading hidden layer 1)", "zh": "p₁（读取第一个隐藏层的权重）"},
    "ex.3.6.6.p2": {"en": "p₂ (weights reading hidden layer 2)", "zh": "p₂（读取第二个隐藏层的权重）"},
    "ex.3.6.6.finding": {
        "en": "DropConnect tests at {dropconnect:.2%}, dropout on the units at {dropout:.2%}, no noise at "
        "{none:.2%} (p₁ = {p1:g}, p₂ = {p2:g}, {epochs} epochs on {n} images): dropping single weights is "
        "{gap:.2f} points ahead of dropping units ({vs_none:+.2f} points against no noise).",
        "zh": "DropConnect 的测试精度为 {dropconnect:.2%}，暂退单元为 {dropout:.2%}，不加噪声为 {none:.2%}"
        "（p₁ = {p1:g}、p₂ = {p2:g}，{n} 张图像，{epochs} 个迭代周期）：暂退单个权重比暂退单元领先 {gap:.2f} 个百分点"
        "（相对不加噪声 {vs_none:+.2f} 个百分点）。",
    },
    "ex.3.6.6.finding_behind": {
        "en": "DropConnect tests at {dropconnect:.2%}, dropout on the units at {dropout:.2%}, no noise at "
        "{none:.2%} (p₁ = {p1:g}, p₂ = {p2:g}, {epochs} epochs on {n} images): dropping single weights is "
        "{gap:.2f} points behind dropping units ({vs_none:+.2f} points against no noise).",
        "zh": "DropConnect 的测试精度为 {dropconnect:.2%}，暂退单元为 {dropout:.2%}，不加噪声为 {none:.2%}"
        "（p₁ = {p1:g}、p₂ = {p2:g}，{n} 张图像，{epochs} 个迭代周期）：暂退单个权重比暂退单元落后 {gap:.2f} 个百分点"
        "（相对不加噪声 {vs_none:+.2f} 个百分点）。",
    },
    "ex.3.6.6.s.none": {"en": "no noise", "zh": "不加噪声"},
    "ex.3.6.6.s.dropout": {"en": "dropout (units)", "zh": "暂退法（单元）"},
    "ex.3.6.6.s.dropconnect": {"en": "DropConnect (weights)", "zh": "DropConnect（权重）"},
    "ex.3.6.6.answer": {
        "en": "This is DropConnect (Wan et al., 2013). Dropping unit $i$ zeroes row $i$ of the next weight matrix "
        "for every unit of the next layer at once; DropConnect zeroes each weight on its own. For one unit $j$ "
        "of the next layer both give the same mean, $\\sum_i h_i w_{ij}$, and the same variance, "
        "$\\frac{p}{1-p}\\sum_i h_i^2 w_{ij}^2$; the difference is that under dropout all units of the next layer "
        "lose the same inputs, while under DropConnect each unit loses different ones, so the noise is finer "
        "grained and less correlated across units. It is also costlier: a mask the size of the weight matrix, "
        "per example in the original (here one per minibatch). At test time the full weights are used, as for "
        "dropout.",
        "zh": "这就是 DropConnect（Wan 等，2013）。暂退单元 $i$ 会一次性把下一个权重矩阵的第 $i$ 行对下一层所有单元置零；"
        "DropConnect 则让每个权重各自被置零。对下一层的一个单元 $j$，两者的均值相同，都是 $\\sum_i h_i w_{ij}$，"
        "方差也相同，都是 $\\frac{p}{1-p}\\sum_i h_i^2 w_{ij}^2$；区别在于暂退法下下一层所有单元失去的是同样的输入，"
        "而 DropConnect 下每个单元失去的输入不同，所以噪声更细，单元之间的相关性更小。它的代价也更高："
        "原论文中每个样本都要一个与权重矩阵一样大的掩码（这里每个小批量一个）。测试时与暂退法一样使用完整的权重。",
    },
    # exercise 3.6.7
    "ex.3.6.7.title": {"en": "Another noise: Gaussian", "zh": "另一种噪声：高斯噪声"},
    "ex.3.6.7.q": {
        "en": "Invent a different way of injecting random noise into every layer, and try to make it beat standard "
        "dropout on Fashion-MNIST with the architecture fixed.",
        "zh": "设计一种不同于标准暂退法、在每一层注入随机噪声的方法，并在架构固定的情况下，尝试让它在 Fashion-MNIST 上"
        "胜过标准暂退法。",
    },
    "ex.3.6.7.try": {
        "en": "Gaussian noise on each hidden layer, in training only, ε ~ N(0, 1) per element: multiply, "
        "h·(1 + σε), which keeps the mean and with σ² = p/(1 − p) has dropout's variance (σ = 0.5 for p = 0.2, "
        "σ = 1 for p = 0.5); or add, h + σε. Compared with the book's dropout (p₁ = 0.2, p₂ = 0.5) and with no "
        "noise, same network, start and images. Find a σ that wins, then check that it still wins with more "
        "epochs.",
        "zh": "只在训练时给每个隐藏层加高斯噪声，每个元素 ε ~ N(0, 1)：乘性 h·(1 + σε)，均值不变，σ² = p/(1 − p) 时"
        "方差与暂退法相同（p = 0.2 对应 σ = 0.5，p = 0.5 对应 σ = 1）；或加性 h + σε。与书中的暂退法"
        "（p₁ = 0.2、p₂ = 0.5）和不加噪声的网络比较，网络、起点和图像都相同。找到一个能胜出的 σ，"
        "再检查迭代周期更多时它是否仍然胜出。",
    },
    "ex.3.6.7.kind": {
        "en": "Noise: multiply h·(1 + σε) or add h + σε",
        "zh": "噪声：multiply 为 h·(1 + σε)，add 为 h + σε",
    },
    "ex.3.6.7.sigma": {"en": "σ (both hidden layers)", "zh": "σ（两个隐藏层）"},
    "ex.3.6.7.sigma_help": {
        "en": "Multiplying, σ = 0.5 matches dropout's variance at p = 0.2 and σ = 1 at p = 0.5.",
        "zh": "乘性噪声下，σ = 0.5 与 p = 0.2 的暂退法方差相同，σ = 1 与 p = 0.5 的相同。",
    },
    "ex.3.6.7.finding": {
        "en": "{kind} Gaussian noise with σ = {sigma:g} tests at {gauss:.2%} against dropout's {dropout:.2%} (no "
        "noise {none:.2%}; {epochs} epochs on {n} images): it beats dropout by {gap:.2f} points in this run. "
        "Check that it holds with more epochs.",
        "zh": "σ = {sigma:g} 的{kind}高斯噪声测试精度为 {gauss:.2%}，暂退法为 {dropout:.2%}（不加噪声 {none:.2%}；"
        "{n} 张图像，{epochs} 个迭代周期）：在这次运行中它比暂退法高 {gap:.2f} 个百分点。检查迭代周期更多时是否仍然成立。",
    },
    "ex.3.6.7.finding_behind": {
        "en": "{kind} Gaussian noise with σ = {sigma:g} tests at {gauss:.2%} against dropout's {dropout:.2%} (no "
        "noise {none:.2%}; {epochs} epochs on {n} images): it is {gap:.2f} points behind dropout in this run. "
        "Try another σ or the other kind.",
        "zh": "σ = {sigma:g} 的{kind}高斯噪声测试精度为 {gauss:.2%}，暂退法为 {dropout:.2%}（不加噪声 {none:.2%}；"
        "{n} 张图像，{epochs} 个迭代周期）：在这次运行中它比暂退法低 {gap:.2f} 个百分点。试试别的 σ 或另一种噪声。",
    },
    "ex.3.6.7.s.none": {"en": "no noise", "zh": "不加噪声"},
    "ex.3.6.7.s.dropout": {"en": "dropout (p₁ = 0.2, p₂ = 0.5)", "zh": "暂退法（p₁ = 0.2、p₂ = 0.5）"},
    "ex.3.6.7.s.gauss": {"en": "Gaussian noise", "zh": "高斯噪声"},
    "ex.3.6.7.answer": {
        "en": "Multiplicative Gaussian noise is Gaussian dropout (Srivastava et al., 2014): it keeps each unit's "
        "mean, like inverted dropout, and with $\\sigma^2 = \\frac{p}{1-p}$ it has the same variance, but every "
        "unit is scaled a little instead of being kept or zeroed, so no unit is ever fully silenced. Additive "
        "noise does not scale with the activation: small activations are drowned, large ones barely touched; on "
        "the inputs it acts like an $L_2$ penalty (the section above). Neither needs a rescaling at test time: "
        "the noise has mean zero (additive) or mean one (multiplicative).",
        "zh": "乘性高斯噪声就是高斯暂退法（Srivastava 等，2014）：它像反向暂退法一样保持每个单元的均值，"
        "$\\sigma^2 = \\frac{p}{1-p}$ 时方差也相同，但每个单元都只被缩放一点，而不是要么保留要么置零，"
        "所以没有单元会被完全关掉。加性噪声不随激活值缩放：小的激活值被噪声淹没，大的几乎不受影响；"
        "加在输入上时它相当于 $L_2$ 惩罚（见上面一节）。两者在测试时都不需要重新缩放：噪声的均值为零（加性）或为一（乘性）。",
    },
}
