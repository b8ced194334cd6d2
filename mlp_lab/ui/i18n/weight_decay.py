"""Strings of the weight-decay page (3.5)."""

STRINGS: dict[str, dict[str, str]] = {
    "page.weight_decay": {"en": "3.5 Weight decay", "zh": "3.5 权重衰减"},
    "wd.intro": {
        "en": "**Weight decay** (L2 regularisation) measures a linear function's complexity by the norm of its "
        "weights and adds it to the loss, traded off by the regularisation constant λ:",
        "zh": "**权重衰减**（L2 正则化）用权重向量的范数来度量线性函数的复杂度，并把它加到损失上，"
        "由正则化常数 λ 来权衡：",
    },
    "wd.update": {
        "en": "so each SGD step first shrinks the weights by the factor (1 − ηλ), then takes the usual step "
        "(the bias is not decayed):",
        "zh": "于是每一步 SGD 先把权重乘以 (1 − ηλ) 缩小，再走通常的一步（偏置不衰减）：",
    },
    "wd.data": {
        "en": "To make overfitting plain the book uses 200 inputs and only 20 training examples (100 test "
        "examples), SGD lr 0.003, batch 5, 100 epochs, $\\mathbf w \\sim \\mathcal N(0, 1)$ at the start:",
        "zh": "为了让过拟合明显，书中使用 200 个输入而只有 20 个训练样本（测试样本 100 个），"
        "SGD 学习率 0.003，批量 5，100 轮，初始 $\\mathbf w \\sim \\mathcal N(0, 1)$：",
    },
    "wd.lambda": {"en": "λ (regularisation constant)", "zh": "λ（正则化常数）"},
    "wd.lambda_help": {
        "en": "Book: 0 (no regularisation) and 3. For L1 the penalty is λ‖w‖₁.",
        "zh": "书中为 0（不正则化）和 3。选 L1 时惩罚项为 λ‖w‖₁。",
    },
    "wd.penalty": {"en": "penalty", "zh": "惩罚项"},
    "wd.penalty_help": {
        "en": "L2: λ‖w‖²/2, the book's weight decay. L1 (exercise 3): λ‖w‖₁, applied as a proximal step "
        "(soft-thresholding) after each SGD step, so weights can become exactly 0.",
        "zh": "L2：λ‖w‖²/2，即书中的权重衰减。L1（练习 3）：λ‖w‖₁，在每步 SGD 之后用近端步（软阈值）实现，"
        "因此权重可以恰好变成 0。",
    },
    "wd.scratch": {"en": "From scratch (3.5.2)", "zh": "从零开始实现（3.5.2）"},
    "wd.concise": {"en": "Concise (3.5.3)", "zh": "简洁实现（3.5.3）"},
    "wd.scratch_note": {
        "en": "d2l's `squared_loss` (with ½) plus `lambd * l2_penalty(w)`; w ~ N(0, 1), b = 0.",
        "zh": "d2l 的 `squared_loss`（带 ½）加上 `lambd * l2_penalty(w)`；w ~ N(0, 1)，b = 0。",
    },
    "wd.concise_note": {
        "en": "`nn.MSELoss` (no ½) and `weight_decay` in the weight's param group only; every parameter ~ N(0, 1).",
        "zh": "`nn.MSELoss`（不带 ½），只在权重的参数组里设 `weight_decay`；所有参数都 ~ N(0, 1)。",
    },
    "wd.l1_note": {
        "en": "`torch.optim.SGD` has no L1 option: with L1 both columns use our proximal step, each with its own loss.",
        "zh": "`torch.optim.SGD` 没有 L1 选项：选 L1 时两列都用我们的近端步，各自使用自己的损失。",
    },
    "wd.curves_title": {"en": "λ = {lambd:g}: loss during training", "zh": "λ = {lambd:g}：训练过程中的损失"},
    "wd.norm": {"en": "‖w‖ after training", "zh": "训练后的 ‖w‖"},
    "wd.zeros": {"en": "weights exactly 0", "zh": "恰好为 0 的权重"},
    "wd.final": {
        "en": "train loss {train:.3g}, test loss {test:.3g} ({seconds:.2f} s)",
        "zh": "训练损失 {train:.3g}，测试损失 {test:.3g}（{seconds:.2f} 秒）",
    },
    "wd.diverged": {
        "en": "This run diverged (the loss became infinite): lr·λ is too large for a stable step.",
        "zh": "这次训练发散了（损失变为无穷大）：lr·λ 太大，步长不稳定。",
    },
    "wd.training": {"en": "Training …", "zh": "正在训练……"},
    "wd.spread": {
        "en": "‖w‖ without (λ = 0) and with (λ = 3) weight decay, the book's two runs: at this seed, and the "
        "median (min–max) over 5 seeds starting at the sidebar's seed. The book's printed values are in the box "
        "at the end of the page.",
        "zh": "不用（λ = 0）和使用（λ = 3）权重衰减时的 ‖w‖，即书中的两次运行：当前种子，"
        "以及从侧边栏种子开始的 5 个种子的中位数（最小–最大）。书中印出的数值见页面末尾的对照框。",
    },
    "wd.col.run": {"en": "run", "zh": "运行"},
    "wd.col.seed": {"en": "ours, seed {seed}", "zh": "我们，种子 {seed}"},
    "wd.col.seeds": {"en": "ours, 5 seeds", "zh": "我们，5 个种子"},
    "wd.run": {"en": "{impl}, λ = {lambd:g}", "zh": "{impl}，λ = {lambd:g}"},
    "wd.impl.scratch": {"en": "from scratch", "zh": "从零实现"},
    "wd.impl.concise": {"en": "concise", "zh": "简洁实现"},
    "wd.spread_note": {
        "en": "Each run draws its own data, so single runs differ by a few tenths. The concise code differs from "
        "the scratch code in two ways that change the numbers, not the model: `nn.MSELoss` has no ½, so "
        "its data-gradient steps are twice as long, and the bias starts at N(0, 1). With the same loss, start "
        "and minibatches, `weight_decay` and the explicit penalty give the same weights to float rounding "
        "(check `weight_decay.concise_matches_scratch`).",
        "zh": "每次运行抽取各自的数据，所以单次结果会相差零点几。简洁实现的代码与从零实现有两处不同，"
        "它们改变数字而不改变模型：`nn.MSELoss` 没有 ½，所以数据项的梯度步长是两倍；偏置从 N(0, 1) 开始。"
        "在相同的损失、初值和小批量下，`weight_decay` 与显式惩罚项给出的权重在浮点舍入误差内相同"
        "（检查项 `weight_decay.concise_matches_scratch`）。",
    },
    "wd.sweep": {"en": "Sweeping λ (exercises 1 to 3)", "zh": "扫描 λ（练习 1 至 3）"},
    "wd.sweep_text": {
        "en": "The from-scratch model for {count} values of λ, all trained together on the same data and "
        "minibatches. A separate validation set of 100 examples picks λ without touching the test set "
        "(exercise 2).",
        "zh": "从零实现的模型在 {count} 个 λ 值下、在相同数据和小批量上一起训练。另取 100 个样本作为"
        "验证集来选 λ，不碰测试集（练习 2）。",
    },
    "wd.sweep_pick": {
        "en": "The validation set picks **λ = {val:g}**; the test set would pick **λ = {test:g}**. "
        "{count} models in {seconds:.2f} s.",
        "zh": "验证集选出 **λ = {val:g}**；测试集会选 **λ = {test:g}**。{count} 个模型，用时 {seconds:.2f} 秒。",
    },
    "wd.sweep_flat": {
        "en": "Past λ ≈ 10 the weights are nearly 0 and the loss flattens near the variance of y (about 0.01): with "
        "20 examples for 200 weights, predicting almost only the bias is close to the best a linear model can do.",
        "zh": "λ 超过约 10 后权重几乎为 0，损失在 y 的方差（约 0.01）附近趋于平坦：用 20 个样本估计 200 个权重时，"
        "几乎只靠偏置来预测已经接近线性模型所能做到的最好结果。",
    },
    "wd.l1_sweep": {
        "en": "L1 sets weights exactly to 0 (feature selection): {zeros} of 200 at λ = {lambd:g}. Here the truth "
        "is dense (every weight 0.01), so selection has nothing to find.",
        "zh": "L1 会把权重精确地压成 0（特征选择）：λ = {lambd:g} 时 200 个中有 {zeros} 个为 0。"
        "这里真实权重是稠密的（每个都是 0.01），所以特征选择找不到什么。",
    },
    "wd.sweep_loss": {"en": "loss after 100 epochs (log scale)", "zh": "100 轮后的损失（对数坐标）"},
    "wd.sweep_norm": {"en": "‖w‖ (log scale)", "zh": "‖w‖（对数坐标）"},
    "wd.sweep_zeros": {"en": "weights exactly 0 (of 200)", "zh": "恰好为 0 的权重（共 200 个）"},
}

# The words of this topic's rows of the reproduce registry (mlp_lab.checks): check.<id>.quantity,
# .book (what the source says, or for a claim what the page asserts) and .tolerance.
STRINGS |= {
    "check.weight_decay.scratch_norm_lambda0.quantity": {
        "en": "||w|| from scratch without weight decay (lambda 0), median over seeds 0-4; in brackets the median of ||w|| / ||w at initialisation|| (20 examples move w only inside their 20 of 200 dimensions: about sqrt(180/200) = 0.95)",
        "zh": "从零实现、不用权重衰减（lambda 0）时的 ||w||，种子 0-4 的中位数；括号内为 ||w|| / ||初始化时的 w|| 的中位数（20 个样本只能在 200 维中的 20 维内移动 w：约 sqrt(180/200) = 0.95）",
    },
    "check.weight_decay.scratch_norm_lambda0.source": {
        "en": "12.96 (d2l); 12.568 (this chapter's run)",
        "zh": "12.96（d2l）；12.568（本章的运行）",
    },
    "check.weight_decay.scratch_norm_lambda0.tolerance": {
        "en": "ratio in [0.92, 0.97] (medians of seeds 0-4, .., 20-24: 0.943-0.965; untrained: 1)",
        "zh": "比值在 [0.92, 0.97] 内（种子 0-4、…、20-24 的中位数：0.943-0.965；未训练：1）",
    },
    "check.weight_decay.scratch_norm_lambda3.quantity": {
        "en": "||w|| from scratch with weight decay lambda 3, median over seeds 0-4",
        "zh": "从零实现、权重衰减 lambda 3 时的 ||w||，种子 0-4 的中位数",
    },
    "check.weight_decay.scratch_norm_lambda3.source": {
        "en": "0.356 (d2l); 0.355 (this chapter's run)",
        "zh": "0.356（d2l）；0.355（本章的运行）",
    },
    "check.weight_decay.scratch_norm_lambda3.tolerance": {
        "en": "in [0.33, 0.42] (medians of seeds 0-4, .., 20-24: 0.361-0.382)",
        "zh": "在 [0.33, 0.42] 内（种子 0-4、…、20-24 的中位数：0.361-0.382）",
    },
    "check.weight_decay.concise_norm_lambda0.quantity": {
        "en": "||w|| concise (nn.Linear, SGD weight_decay) without weight decay (lambda 0), median over seeds 0-4; in brackets the median of ||w|| / ||w at initialisation|| (20 examples move w only inside their 20 of 200 dimensions: about sqrt(180/200) = 0.95)",
        "zh": "简洁实现（nn.Linear，SGD 的 weight_decay）、不用权重衰减（lambda 0）时的 ||w||，种子 0-4 的中位数；括号内为 ||w|| / ||初始化时的 w|| 的中位数（20 个样本只能在 200 维中的 20 维内移动 w：约 sqrt(180/200) = 0.95）",
    },
    "check.weight_decay.concise_norm_lambda0.source": {
        "en": "13.73 (d2l)",
        "zh": "13.73（d2l）",
    },
    "check.weight_decay.concise_norm_lambda0.tolerance": {
        "en": "ratio in [0.92, 0.97] (medians of seeds 0-4, .., 20-24: 0.943-0.965; untrained: 1)",
        "zh": "比值在 [0.92, 0.97] 内（种子 0-4、…、20-24 的中位数：0.943-0.965；未训练：1）",
    },
    "check.weight_decay.concise_norm_lambda3.quantity": {
        "en": "||w|| concise (nn.Linear, SGD weight_decay) with lambda 3, median over seeds 0-4",
        "zh": "简洁实现（nn.Linear，SGD 的 weight_decay）、lambda 3 时的 ||w||，种子 0-4 的中位数",
    },
    "check.weight_decay.concise_norm_lambda3.source": {
        "en": "0.389 (d2l)",
        "zh": "0.389（d2l）",
    },
    "check.weight_decay.concise_norm_lambda3.tolerance": {
        "en": "in [0.36, 0.44] (medians of seeds 0-4, .., 20-24: 0.386-0.411)",
        "zh": "在 [0.36, 0.44] 内（种子 0-4、…、20-24 的中位数：0.386-0.411）",
    },
    "check.weight_decay.concise_matches_scratch.quantity": {
        "en": "SGD weight_decay = L2 penalty: max |w_concise - w_scratch| after 100 epochs at lambda 3 (same start, same minibatches, same loss), torch loops and our batched engine",
        "zh": "SGD 的 weight_decay 等价于 L2 惩罚：lambda 3 训练 100 轮后 |w_简洁 - w_从零| 的最大值（相同初值、相同小批量、相同损失），torch 循环与我们的批量引擎",
    },
    "check.weight_decay.concise_matches_scratch.source": {
        "en": "3.5.3: the same model, the decay moved into the optimiser",
        "zh": "3.5.3 节：同一个模型，权重衰减移入优化器",
    },
    "check.weight_decay.concise_matches_scratch.tolerance": {
        "en": "< 1e-6 (seeds 0-4: up to 1.7e-7)",
        "zh": "< 1e-6（种子 0-4：最多 1.7e-7）",
    },
}
