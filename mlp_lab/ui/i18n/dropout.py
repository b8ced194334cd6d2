"""Strings of the dropout page (3.6)."""

STRINGS: dict[str, dict[str, str]] = {
    "page.dropout": {"en": "3.6 Dropout", "zh": "3.6 暂退法（Dropout）"},
    "dropout.intro": {
        "en": "A simple function should not care about small changes of its input. Dropout asks for this "
        "*inside* the network: during training, every hidden unit is zeroed with probability $p$ and the "
        "survivors are scaled up by $1/(1-p)$, so each layer sees noise but, on average, the same values "
        "(the noise is **unbiased**). At test time the whole network is used.",
        "zh": "简单的函数不应对输入的微小变化敏感。暂退法把这一要求放到网络*内部*：训练时，每个隐藏单元以概率 $p$ "
        "被置零，保留下来的单元放大为原来的 $1/(1-p)$ 倍，于是每一层都看到噪声，但平均而言数值不变"
        "（噪声是**无偏**的）。测试时使用完整的网络。",
    },
    "dropout.prob_p": {"en": "with probability p", "zh": "概率为 p"},
    "dropout.otherwise": {"en": "otherwise", "zh": "其他情况"},
    "dropout.layer": {"en": "dropout_layer from scratch", "zh": "从零实现 dropout_layer"},
    "dropout.layer_text": {
        "en": "The chapter's version starts with `assert 0 <= dropout < 1` and then tests `if dropout == 1`: "
        "a branch that can never run, so $p = 1$ crashes instead of dropping everything. Ours accepts every "
        "$p$ in $[0, 1]$: $p = 1$ returns zeros (no division by $1 - p = 0$), $p = 0$ the input unchanged.",
        "zh": "书中的版本先写 `assert 0 <= dropout < 1`，随后又判断 `if dropout == 1`：这个分支永远不会执行，"
        "所以 $p = 1$ 时程序直接报错，而不是丢弃全部单元。我们的版本接受 $[0, 1]$ 内的任意 $p$："
        "$p = 1$ 返回全零（不会除以 $1 - p = 0$），$p = 0$ 原样返回输入。",
    },
    "dropout.demo_text": {
        "en": "The book's test: `X = torch.arange(16).reshape(2, 8)` through the layer with $p$ = 0, 0.5 and 1 "
        "(masks from the sidebar's seed). Survivors of $p = 0.5$ are doubled.",
        "zh": "书中的测试：把 `X = torch.arange(16).reshape(2, 8)` 分别以 $p$ = 0、0.5、1 送入该层"
        "（掩码由侧边栏的种子决定）。$p = 0.5$ 时保留下来的元素都翻倍。",
    },
    "dropout.mask": {"en": "The mask on a hidden layer", "zh": "隐藏层上的掩码"},
    "dropout.p": {"en": "Dropout probability p", "zh": "暂退概率 p"},
    "dropout.p_help": {
        "en": "Used by the mask picture and the unbiasedness experiment below.",
        "zh": "用于下面的掩码图和无偏性实验。",
    },
    "dropout.unit": {"en": "hidden unit", "zh": "隐藏单元"},
    "dropout.example": {"en": "example", "zh": "样本"},
    "dropout.mask_h": {
        "en": "h: a ReLU hidden layer (8 examples × 32 units)",
        "zh": "h：一个 ReLU 隐藏层（8 个样本 × 32 个单元）",
    },
    "dropout.mask_mask": {"en": "mask: white = dropped, black = kept", "zh": "掩码：白色 = 丢弃，黑色 = 保留"},
    "dropout.mask_h_prime": {"en": "h' = mask ⊙ h / (1 − p)", "zh": "h' = 掩码 ⊙ h / (1 − p)"},
    "dropout.mask_caption": {
        "en": "Fraction kept in this draw: {kept:.1%} (expected 1 − p = {expected:.0%}). Each training step draws "
        "a new mask, so no unit can count on any other being there.",
        "zh": "本次抽样保留的比例：{kept:.1%}（期望值 1 − p = {expected:.0%}）。每个训练步都重新抽取掩码，"
        "因此任何单元都不能依赖其他某个单元一定存在。",
    },
    "dropout.unbias": {"en": "Unbiasedness, measured", "zh": "无偏性的实测"},
    "dropout.draws": {"en": "number of draws n", "zh": "抽样次数 n"},
    "dropout.rel_error": {"en": "‖mean of h' − h‖ / ‖h‖", "zh": "‖h' 的均值 − h‖ / ‖h‖"},
    "dropout.unbias_measured": {"en": "measured", "zh": "实测"},
    "dropout.unbias_theory": {"en": "theory √(p / ((1−p) n))", "zh": "理论 √(p / ((1−p) n))"},
    "dropout.unbias_result": {
        "en": "Mean of h' over {draws:,} draws of X (p = {p:.2f}) misses h by {error:.3%} of ‖h‖; "
        "the green line is 1%.",
        "zh": "对 X 做 {draws:,} 次暂退抽样（p = {p:.2f}），h' 的均值与 h 的相对误差为 {error:.3%}；绿线表示 1%。",
    },
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
    "dropout.net": {"en": "The book's network, with and without dropout", "zh": "书中的网络：使用与不使用暂退法"},
    "dropout.net_text": {
        "en": "784-256-256-10 with ReLU, dropout $p_1$ after the first hidden layer and $p_2$ after the second "
        "(the book: 0.2 and 0.5), SGD lr 0.5, batch 256. The second panel trains the same network without dropout "
        "from the same seed. Watch the gap between training and test accuracy.",
        "zh": "784-256-256-10，ReLU 激活；第一个隐藏层后暂退概率为 $p_1$，第二个之后为 $p_2$（书中为 0.2 与 0.5），"
        "SGD 学习率 0.5，批量 256。第二个面板用相同的种子训练不使用暂退法的同一网络。"
        "注意训练精度与测试精度之间的差距。",
    },
    "dropout.model": {"en": "Implementation", "zh": "实现方式"},
    "dropout.model_help": {
        "en": "scratch: the book's dropout_layer inside the forward pass (3.6.1); concise: nn.Dropout in "
        "nn.Sequential (3.6.2).",
        "zh": "scratch：在前向传播中调用书中的 dropout_layer（3.6.1）；"
        "concise：在 nn.Sequential 中使用 nn.Dropout（3.6.2）。",
    },
    "dropout.epochs": {"en": "Epochs", "zh": "训练轮数"},
    "dropout.epochs_help": {
        "en": "The book trains 10 epochs; train longer to see whether the network without dropout starts to overfit.",
        "zh": "书中训练 10 轮；训练更久，看看不使用暂退法的网络是否开始过拟合。",
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
        "zh": "练习 5：同时使用暂退法和权重衰减。效果会叠加，还是相互抵消？",
    },
    "dropout.p_is_1": {
        "en": "A probability of 1 drops the whole layer: nothing reaches the output during training, so the network "
        "cannot learn (expect chance accuracy, about 10%).",
        "zh": "概率为 1 会丢弃整个层：训练时没有任何信息能到达输出层，网络无法学习（精度约为随机猜测的 10%）。",
    },
    "dropout.p_is_0": {
        "en": "Both probabilities are 0: the two panels train the same network.",
        "zh": "两个概率都为 0：两边训练的是同一个网络。",
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
        "zh": "本服务器还没有训练过这两个网络。两者在 CPU 上共需约一分钟（GPU 上只需几秒）；"
        "曲线会实时绘制，结果会保存下来供所有人使用。",
    },
    "dropout.train_both": {"en": "Train both networks", "zh": "训练两个网络"},
    "dropout.compare": {
        "en": "Both runs on one chart: solid lines with dropout, dashed lines without",
        "zh": "两次训练画在同一张图上：实线为使用暂退法，虚线为不使用",
    },
    "dropout.test_acc": {"en": "test accuracy, {run}", "zh": "测试精度，{run}"},
    "dropout.gap": {"en": "train − test accuracy", "zh": "训练精度 − 测试精度"},
    "dropout.gap_help": {
        "en": "The generalisation gap at the last epoch. The training accuracy of the dropout run is measured "
        "with dropout on, so it understates how well that network fits the training set.",
        "zh": "最后一轮的泛化差距。使用暂退法的那次训练，其训练精度是在开启暂退法时测得的，"
        "因此低估了网络对训练集的拟合程度。",
    },
    "dropout.exports": {"en": "Export the runs", "zh": "导出训练结果"},
    "dropout.modes": {"en": "Train mode against eval mode", "zh": "训练模式与评估模式"},
    "dropout.modes_text": {
        "en": "Dropout belongs to training only. The trained network with dropout is evaluated on the test set ten "
        "times with dropout left **on** (train mode): each pass drops different units and gives a different, lower "
        "accuracy. With dropout **off** (eval mode, `net.eval()`) the answer is one number.",
        "zh": "暂退法只属于训练。把使用暂退法训练好的网络在测试集上评估十次，并让暂退法保持**开启**（训练模式）："
        "每次丢弃不同的单元，精度各不相同且更低。关闭暂退法（评估模式，`net.eval()`）时只有一个确定的结果。",
    },
    "dropout.modes_progress": {
        "en": "Evaluating the trained network on the test set, once with dropout off and ten times with it on…",
        "zh": "正在测试集上评估训练好的网络：关闭暂退法一次，开启暂退法十次……",
    },
    "dropout.mode_pass": {"en": "pass with dropout on", "zh": "开启暂退法的评估次序"},
    "dropout.mode_eval_line": {"en": "eval mode: {acc:.4f}", "zh": "评估模式：{acc:.4f}"},
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
        "在训练开始时和每轮结束后，把同样的 1024 张训练图像送入网络，"
        "分别在开启暂退掩码（训练时下一层看到的）和关闭掩码（测试时看到的）两种情况下测量每个隐藏层的方差。",
    },
    "dropout.var_run": {"en": "Measure it (trains both networks again)", "zh": "开始测量（会重新训练两个网络）"},
    "dropout.var_help": {
        "en": "The measurement needs the network at every epoch, so both networks are trained once more with the "
        "settings above; the result is kept on this server.",
        "zh": "测量需要每一轮的网络，因此会按上面的设置把两个网络再训练一次；结果保存在本服务器上。",
    },
    "dropout.var_progress_with": {
        "en": "With dropout: training and measuring after every epoch…",
        "zh": "使用暂退法：训练中，每轮结束后测量……",
    },
    "dropout.var_progress_without": {
        "en": "Without dropout: training and measuring after every epoch…",
        "zh": "不使用暂退法：训练中，每轮结束后测量……",
    },
    "dropout.variance": {"en": "variance (log scale)", "zh": "方差（对数坐标）"},
    "dropout.variance_train": {"en": "dropout masks on (as in training)", "zh": "开启暂退掩码（训练时）"},
    "dropout.variance_eval": {"en": "dropout off (as at test time)", "zh": "关闭暂退（测试时）"},
    "dropout.layer_n": {"en": "hidden layer {n}", "zh": "隐藏层 {n}"},
    "dropout.var_caption": {
        "en": "Solid: hidden layer 1; dashed: hidden layer 2. Epoch 0 is the initialisation. "
        "With the masks on, a unit kept with probability 1 − p and scaled by "
        "1/(1 − p) has its second moment multiplied by 1/(1 − p): dropout adds variance in training, most after "
        "the layer with the larger p.",
        "zh": "实线：隐藏层 1；虚线：隐藏层 2。第 0 轮表示初始化时。"
        "开启掩码时，一个以概率 1 − p 保留并放大 1/(1 − p) 倍的单元，其二阶矩会乘以 "
        "1/(1 − p)：暂退法在训练时增大了方差，p 越大的那一层增加得越多。",
    },
}

# The words of this topic's rows of the reproduce registry (mlp_lab.checks): check.<id>.quantity,
# .book (what the source says, or for a claim what the page asserts) and .tolerance.
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
        "en": "dropout_layer(X, 1) is all zeros and dropout_layer(X, 0) is X (the book's dead p = 1 branch, fixed)",
        "zh": "dropout_layer(X, 1) 全为零，dropout_layer(X, 0) 等于 X（修正书中永远走不到的 p = 1 分支）",
    },
    "check.dropout.layer_p1_zeros.source": {
        "en": "zeros / X",
        "zh": "全零 / X",
    },
    "check.dropout.layer_p1_zeros.tolerance": {
        "en": "exact",
        "zh": "精确相等",
    },
    "check.dropout.mlp_test_acc.quantity": {
        "en": "test accuracy after 10 epochs, 784-256-256-10, p1 0.2, p2 0.5, lr 0.5, batch 256 (the lower of scratch and concise)",
        "zh": "训练 10 轮后的测试精度，784-256-256-10，p1 0.2，p2 0.5，学习率 0.5，批量 256（从零与简洁实现中较低者）",
    },
    "check.dropout.mlp_test_acc.source": {
        "en": "≈ 0.857 scratch, ≈ 0.844 concise (curves' end)",
        "zh": "从零实现 ≈ 0.857，简洁实现 ≈ 0.844（曲线末端）",
    },
    "check.dropout.mlp_test_acc.tolerance": {
        "en": "in [0.83, 0.88] (seeds 0-4: 0.840-0.864)",
        "zh": "在 [0.83, 0.88] 内（种子 0-4：0.840-0.864）",
    },
}
