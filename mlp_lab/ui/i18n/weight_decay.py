"""Strings of the weight-decay page (3.5)."""

BOOK_35 = "https://zh.d2l.ai/chapter_multilayer-perceptrons/weight-decay.html"

STRINGS: dict[str, dict[str, str]] = {
    "page.weight_decay": {"en": "3.5 Weight decay", "zh": "3.5 权重衰减"},
    "wd.intro": {
        "en": f"**Weight decay** ([3.5]({BOOK_35})), also called L2 regularisation, measures the complexity of a "
        "linear function by the norm of its weight vector and adds it to the loss, traded off by the "
        "regularisation constant λ (a hyperparameter, chosen on validation data):",
        "zh": f"**权重衰减**（[3.5 节]({BOOK_35})）通常也称为 L2 正则化：它用权重向量的范数来度量线性函数的"
        "复杂度，并把它作为惩罚项加到损失上，由正则化常数 λ 来权衡（λ 是超参数，用验证集来选）：",
    },
    "wd.update": {
        "en": "so each SGD step first shrinks the weights by the factor (1 − ηλ), then takes the usual step (the "
        "bias is not decayed). The book also names the two classic models behind the choice of norm: an L2 "
        "penalty gives **ridge regression**, an L1 penalty **lasso regression**. L2 punishes large components "
        "heavily, so it prefers weight spread evenly over many features; L1 concentrates the weight on a few "
        "features and clears the rest to 0, which is **feature selection** (the demo at the end of the page):",
        "zh": "于是每一步随机梯度下降先把权重乘以 (1 − ηλ) 缩小，再照常更新（偏置不衰减）。书中还提到了范数选择"
        "背后的两个经典模型：L2 惩罚对应**岭回归**，L1 惩罚对应**套索回归**。L2 对权重向量的大分量惩罚很重，"
        "因此偏向于把权重均匀地分布在许多特征上；L1 则把权重集中在少数特征上，把其余的权重清零，这就是"
        "**特征选择**（见页面末尾的演示）：",
    },
    "wd.data": {
        "en": "To make overfitting plain the book uses 200 inputs and only 20 training examples (100 test "
        "examples), SGD with learning rate 0.003, batch 5, 100 epochs, $\\mathbf w \\sim \\mathcal N(0, 1)$ at the "
        "start:",
        "zh": "为了让过拟合更明显，书中使用 200 个输入、只有 20 个训练样本（测试样本 100 个），随机梯度下降的"
        "学习率为 0.003，批量大小为 5，训练 100 个迭代周期，初始 $\\mathbf w \\sim \\mathcal N(0, 1)$：",
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
        "zh": "L2：λ‖w‖²/2，即书中的权重衰减。L1（练习 3）：λ‖w‖₁，在每步随机梯度下降之后用近端步（软阈值）"
        "实现，因此权重可以恰好变成 0。",
    },
    "wd.scratch": {"en": "From scratch (3.5.2)", "zh": "从零开始实现（3.5.2）"},
    "wd.concise": {"en": "Concise (3.5.3)", "zh": "简洁实现（3.5.3）"},
    "wd.scratch_note": {
        "en": "d2l's `squared_loss` (with ½) plus `lambd * l2_penalty(w)`; w ~ N(0, 1), b = 0.",
        "zh": "d2l 的 `squared_loss`（带 ½）加上 `lambd * l2_penalty(w)`；w ~ N(0, 1)，b = 0。",
    },
    "wd.concise_note": {
        "en": "`nn.MSELoss` (no ½) and `weight_decay` in the weight's param group only; every parameter ~ N(0, 1).",
        "zh": "`nn.MSELoss`（不带 ½），只在权重的参数组里设置 `weight_decay`；所有参数都 ~ N(0, 1)。",
    },
    "wd.l1_note": {
        "en": "`torch.optim.SGD` has no L1 option: with L1 both columns use our proximal step, each with its own loss.",
        "zh": "`torch.optim.SGD` 没有 L1 选项：选 L1 时两列都用我们的近端步，各自使用自己的损失函数。",
    },
    "wd.curves_title": {"en": "λ = {lambd:g}: loss during training", "zh": "λ = {lambd:g}：训练过程中的损失"},
    "wd.norm": {"en": "‖w‖ after training", "zh": "训练后的 ‖w‖"},
    "wd.zeros": {"en": "weights exactly 0", "zh": "恰好为 0 的权重"},
    "wd.final": {
        "en": "train loss {train:.3g}, test loss {test:.3g} ({seconds:.2f} s)",
        "zh": "训练损失 {train:.3g}，测试损失 {test:.3g}（{seconds:.2f} 秒）",
    },
    # What a run shows (exp.judge): overfitting without decay, the book's effect with it.
    "wd.verdict.over": {
        "en": "**Overfitting**, as the book says: the training loss falls to {train} while the test loss stays at "
        "{test} ({gap}× the training loss).",
        "zh": "**过拟合**，与书中说的一致：训练损失降到 {train}，测试损失却停在 {test}（是训练损失的 {gap} 倍）。",
    },
    "wd.verdict.over_not": {
        "en": "This run did not overfit: training loss {train}, test loss {test} ({gap}×; overfitting here means "
        "at least {need}×).",
        "zh": "这次运行没有过拟合：训练损失 {train}，测试损失 {test}（{gap} 倍；这里的过拟合指至少 {need} 倍）。",
    },
    "wd.verdict.helps": {
        "en": "Against λ = 0 on the same data: the training loss rose from {train0} to {train} and the test loss "
        "fell from {test0} to {test}, the effect the book expects from regularisation.",
        "zh": "与同一数据上 λ = 0 的运行相比：训练损失从 {train0} 升到 {train}，测试损失从 {test0} 降到 {test}，"
        "这正是书中期望正则化带来的效果。",
    },
    "wd.verdict.helps_not": {
        "en": "Against λ = 0 on the same data: training loss {train0} → {train}, test loss {test0} → {test}: at "
        "this λ the book's pattern (training loss up, test loss down) does not show.",
        "zh": "与同一数据上 λ = 0 的运行相比：训练损失 {train0} → {train}，测试损失 {test0} → {test}：在这个 λ 下"
        "没有出现书中说的规律（训练损失升高、测试损失降低）。",
    },
    "wd.diverged": {
        "en": "This run diverged (the loss became infinite): lr·λ is too large for a stable step.",
        "zh": "这次训练发散了（损失变为无穷大）：lr·λ 太大，更新步长不稳定。",
    },
    "wd.training": {"en": "Training …", "zh": "正在训练……"},
    "wd.spread": {
        "en": "‖w‖ and the test loss without (λ = 0) and with (λ = 3) weight decay, the book's two runs: at seed "
        "{seed} (the runs above, when λ is 0 or 3) and over seeds {first}–{last}, all trained together.",
        "zh": "不用（λ = 0）和使用（λ = 3）权重衰减时的 ‖w‖ 与测试损失，即书中的两次运行：种子 {seed} 的结果"
        "（λ 为 0 或 3 时就是上面的运行），以及种子 {first}–{last} 的结果（一起训练）。",
    },
    "wd.col.run": {"en": "run", "zh": "运行"},
    "wd.col.norm_seed": {"en": "‖w‖, seed {seed}", "zh": "‖w‖（种子 {seed}）"},
    "wd.col.norm_seeds": {"en": "‖w‖, median (min–max)", "zh": "‖w‖ 的中位数（最小–最大）"},
    "wd.col.test_seed": {"en": "test loss, seed {seed}", "zh": "测试损失（种子 {seed}）"},
    "wd.col.test_seeds": {"en": "test loss, median (min–max)", "zh": "测试损失的中位数（最小–最大）"},
    "wd.run": {"en": "{impl}, λ = {lambd:g}", "zh": "{impl}，λ = {lambd:g}"},
    "wd.impl.scratch": {"en": "from scratch", "zh": "从零开始实现"},
    "wd.impl.concise": {"en": "concise", "zh": "简洁实现"},
    "wd.spread_count": {
        "en": "Over these {total} seeds both implementations overfit without weight decay at {over}, and λ = 3 "
        "raised the training loss and lowered the test loss in both at {helps}.",
        "zh": "在这 {total} 个种子中，两种实现不用权重衰减时都过拟合的有 {over} 个；λ = 3 让两种实现的训练损失"
        "都升高、测试损失都降低的有 {helps} 个。",
    },
    "wd.spread_note": {
        "en": "Each seed draws its own data and start, so single runs differ by a few tenths in ‖w‖. The concise "
        "code differs from the scratch code in two ways that change the numbers, not the model: `nn.MSELoss` "
        "has no ½, so its data-gradient steps are twice as long, and the bias starts at N(0, 1) instead of 0. "
        "With the same loss, start and minibatches, `weight_decay` and the explicit penalty give the same "
        "weights up to float rounding (check `weight_decay.concise_matches_scratch`). The box at the end of "
        "the page compares the from-scratch norms with those the chapter write-up's run printed.",
        "zh": "每个种子抽取各自的数据和初值，所以单次运行的 ‖w‖ 会相差零点几。简洁实现的代码与从零开始实现有"
        "两处不同，它们改变的是数字而不是模型：`nn.MSELoss` 不带 ½，所以数据项的梯度步长是两倍；偏置从 N(0, 1) "
        "开始而不是从 0 开始。在相同的损失、初值和小批量下，`weight_decay` 与显式惩罚项给出的权重只差浮点舍入"
        "误差（检查项 `weight_decay.concise_matches_scratch`）。页面末尾的核对框把从零开始实现的范数与学习笔记"
        "那次运行打印的数值放在一起比较。",
    },
    "wd.sweep": {"en": "Sweeping λ (exercises 1 to 3)", "zh": "扫描 λ（练习 1 至 3）"},
    "wd.sweep_text": {
        "en": "The from-scratch model for {count} values of λ, all trained together on the same data and "
        "minibatches. A separate validation set of 100 examples chooses λ (exercise 2); the test set is looked "
        "at once, for the chosen model.",
        "zh": "从零开始实现的模型取 {count} 个 λ 值，在相同的数据和小批量上一起训练。另取 100 个样本作为验证集"
        "来选 λ（练习 2）；测试集只看一次，看的是选出的那个模型。",
    },
    "wd.sweep_pick": {
        "en": "The validation set picks **λ = {val:g}**; looked at once, that model's test loss is **{test:.3g}** "
        "(λ = 0: {test0:.3g}). {count} models in {seconds:.2f} s.",
        "zh": "验证集选出 **λ = {val:g}**；只看这一次，该模型的测试损失为 **{test:.3g}**（λ = 0 时为 "
        "{test0:.3g}）。{count} 个模型，用时 {seconds:.2f} 秒。",
    },
    "wd.plateau": {
        "en": "From λ = {start:g} on the test loss barely moves ({low:.3g} to {high:.3g}). By λ = {lambd:g} the "
        "weights are nearly 0 (‖w‖ = {norm:.2g}), so the model predicts about its bias b = {bias:.3f} "
        "everywhere, and its test loss {test:.3g} is what a constant prediction costs: {c} × (Var(y) + "
        "(ȳ − b)²) = {c} × ({var:.4f} + {shift:.4f}) = {pred:.3g}, with Var(y) and ȳ = {mean:.3f} taken from "
        "the test labels.",
        "zh": "从 λ = {start:g} 起，测试损失几乎不再变化（{low:.3g} 到 {high:.3g}）。到 λ = {lambd:g} 时权重"
        "几乎为 0（‖w‖ = {norm:.2g}），模型对任何输入都只预测出大约等于偏置 b = {bias:.3f} 的值，因此测试损失 "
        "{test:.3g} 就是常数预测的代价：{c} × (Var(y) + (ȳ − b)²) = {c} × ({var:.4f} + {shift:.4f}) = "
        "{pred:.3g}，其中 Var(y) 和 ȳ = {mean:.3f} 取自测试集标签。",
    },
    "wd.plateau_not": {
        "en": "In this run the test loss has not levelled off by λ = {lambd:g} ({test:.3g}); with w near 0 it "
        "would approach what a constant prediction costs, {c} × (Var(y) + (ȳ − b)²) = {pred:.3g}.",
        "zh": "这次运行中，到 λ = {lambd:g} 时测试损失仍未趋于平稳（{test:.3g}）；当 w 接近 0 时，它会趋近常数"
        "预测的代价 {c} × (Var(y) + (ȳ − b)²) = {pred:.3g}。",
    },
    "wd.plateau_half": {
        "en": "So the loss levels off near half the variance of y, not near the variance: the ½ is d2l's "
        "squared loss (ŷ − y)²/2. In theory Var(y) = 200 × 0.01² + 0.01² = {theory:.4f}; these 100 test labels "
        "give {var:.4f}.",
        "zh": "所以损失趋于平稳的位置大约是 y 的方差的一半，而不是方差本身：½ 来自 d2l 的平方损失 (ŷ − y)²/2。"
        "理论上 Var(y) = 200 × 0.01² + 0.01² = {theory:.4f}；这 100 个测试标签给出的是 {var:.4f}。",
    },
    "wd.l1_sweep": {
        "en": "L1 sets weights exactly to 0: {zeros} of 200 at λ = {lambd:g}. But here every true weight is 0.01, "
        "so there is nothing to select: each zero is simply a wrong weight. The demo at the end of the page "
        "gives L1 a problem where only a few inputs matter.",
        "zh": "L1 会把权重恰好压成 0：λ = {lambd:g} 时 200 个权重中有 {zeros} 个为 0。但这里每个真实权重都是 "
        "0.01，并没有什么可选的：每个 0 都只是一个错误的权重。页面末尾的演示给 L1 一个只有少数输入起作用的问题。",
    },
    "wd.l1_sweep_none": {
        "en": "At λ = {lambd:g} no weight is exactly 0 yet.",
        "zh": "λ = {lambd:g} 时还没有权重恰好为 0。",
    },
    "wd.sweep_loss": {"en": "loss after 100 epochs (log scale)", "zh": "100 个迭代周期后的损失（对数坐标）"},
    "wd.sweep_norm": {"en": "‖w‖ (log scale)", "zh": "‖w‖（对数坐标）"},
    "wd.sweep_zeros": {"en": "weights exactly 0 (of 200)", "zh": "恰好为 0 的权重（共 200 个）"},
    # Ridge (L2) against lasso (L1), 3.5.1
    "wd.sparse": {
        "en": "Ridge against lasso: L2 spreads the weight, L1 selects features",
        "zh": "岭回归与套索回归：L2 分散权重，L1 选择特征",
    },
    "wd.sparse_text": {
        "en": "To see the difference 3.5.1 describes, keep the 200 inputs but let only the first 5 matter: "
        "$y = 0.05 + 0.1\\,(x_1 + \\dots + x_5) + \\epsilon$, $\\epsilon \\sim \\mathcal N(0, 0.01^2)$, with 50 "
        "training and 100 test examples. Our settings, not the book's: w starts at 0 (so only the data and the "
        "penalty shape it), d2l's squared loss, SGD with learning rate 0.01, batch 5, 200 epochs; L1 as a "
        "proximal (soft-thresholding) step after each SGD step. Every λ of both grids and 8 seeds train in one "
        "batch, so the sliders are instant.",
        "zh": "为了看清 3.5.1 节所说的差别，仍用 200 个输入，但只让前 5 个起作用："
        "$y = 0.05 + 0.1\\,(x_1 + \\dots + x_5) + \\epsilon$，$\\epsilon \\sim \\mathcal N(0, 0.01^2)$，训练样本 50 个，"
        "测试样本 100 个。下面的设置是我们的，不是书中的：w 从 0 开始（这样只有数据和惩罚项在塑造它），使用 d2l 的"
        "平方损失，随机梯度下降的学习率为 0.01，批量大小为 5，训练 200 个迭代周期；L1 在每步随机梯度下降之后用"
        "近端步（软阈值）实现。两种惩罚的所有 λ 和 8 个种子在一次批量计算中一起训练，所以拖动滑块会立即响应。",
    },
    "wd.l1_lambda": {"en": "L1 λ (lasso)", "zh": "L1 的 λ（套索回归）"},
    "wd.l2_lambda": {"en": "L2 λ (ridge)", "zh": "L2 的 λ（岭回归）"},
    "wd.sparse_x": {"en": "input i", "zh": "输入 i"},
    "wd.sparse_y": {"en": "learned weight wᵢ", "zh": "学到的权重 wᵢ"},
    "wd.sparse_matters": {"en": "one of the 5 that matter", "zh": "起作用的 5 个输入之一"},
    "wd.sparse_rest": {"en": "one of the other 195", "zh": "其余 195 个输入之一"},
    "wd.sparse_panel": {"en": "{penalty}, λ = {lambd}", "zh": "{penalty}，λ = {lambd}"},
    "wd.sparse_shows": {
        "en": "**L1 concentrates, L2 spreads.** The L1 model (λ = {l1}) puts {share1:.0%} of its total weight "
        "Σ|wᵢ| on the 5 inputs that matter and sets {zeros1} of the other 195 exactly to 0; the L2 model "
        "(λ = {l2}) puts only {share2:.0%} there and sets none to 0. Test loss: L1 {test1:.3g}, L2 {test2:.3g}.",
        "zh": "**L1 集中权重，L2 分散权重。** L1 模型（λ = {l1}）把总权重 Σ|wᵢ| 的 {share1:.0%} 放在起作用的 "
        "5 个输入上，并把其余 195 个中的 {zeros1} 个恰好置为 0；L2 模型（λ = {l2}）只在那里放了 {share2:.0%}，"
        "而且没有一个权重为 0。测试损失：L1 为 {test1:.3g}，L2 为 {test2:.3g}。",
    },
    "wd.sparse_not": {
        "en": "At these strengths this run does not show the contrast cleanly: L1 puts {share1:.0%} of Σ|wᵢ| on the "
        "5 inputs that matter ({zeros1} of the other 195 exactly 0), L2 {share2:.0%} ({zeros2} exactly 0). Test "
        "loss: L1 {test1:.3g}, L2 {test2:.3g}.",
        "zh": "在这样的惩罚强度下，这次运行没有清楚地显示出两者的差别：L1 把 Σ|wᵢ| 的 {share1:.0%} 放在起作用的 "
        "5 个输入上（其余 195 个中有 {zeros1} 个恰好为 0），L2 是 {share2:.0%}（{zeros2} 个恰好为 0）。测试损失："
        "L1 为 {test1:.3g}，L2 为 {test2:.3g}。",
    },
    "wd.sparse_hint_seed": {
        "en": "Other seeds do: try seed {seed} in the sidebar.",
        "zh": "换别的种子就会出现：在侧边栏试试种子 {seed}。",
    },
    "wd.sparse_hint_none": {
        "en": "None of these seeds does at these strengths: try L1 λ = 0.01.",
        "zh": "在这样的惩罚强度下，这些种子都没有出现：试试 L1 的 λ = 0.01。",
    },
    "wd.sparse_col.share": {"en": "{penalty}: share on the 5", "zh": "{penalty}：5 个输入所占比例"},
    "wd.sparse_col.zeros": {"en": "{penalty}: zeros among the 195", "zh": "{penalty}：195 个中的 0"},
    "wd.sparse_col.shows": {"en": "L1 concentrates, L2 spreads?", "zh": "L1 集中、L2 分散？"},
    "wd.sparse_spread": {
        "en": "At seeds {first}–{last} (all trained together in {seconds:.2f} s): L1 concentrates and L2 spreads "
        "at {count} of {total}.",
        "zh": "种子 {first}–{last}（一起训练，用时 {seconds:.2f} 秒）：L1 集中、L2 分散的有 {count} 个（共 "
        "{total} 个）。",
    },
    # Text alternatives of the charts (a11y.chart).
    "wd.alt.sweep_loss": {
        "en": "Losses after 100 epochs for {count} values of λ: at λ = 0 training loss {train0} and test loss "
        "{test0}; at λ = {last}, training loss {train1} and test loss {test1} (log scale).",
        "zh": "100 个迭代周期后 {count} 个 λ 值下的损失：λ = 0 时训练损失 {train0}、测试损失 {test0}；"
        "λ = {last} 时训练损失 {train1}、测试损失 {test1}（对数坐标）。",
    },
    "wd.alt.sweep_norm": {
        "en": "‖w‖ falls from {first} at λ = 0 to {last} at λ = {lambd} (log scale).",
        "zh": "‖w‖ 从 λ = 0 时的 {first} 降到 λ = {lambd} 时的 {last}（对数坐标）。",
    },
    "wd.alt.sweep_zeros": {
        "en": "Weights exactly 0: {first} at λ = 0, {last} of 200 at λ = {lambd}.",
        "zh": "恰好为 0 的权重：λ = 0 时 {first} 个，λ = {lambd} 时 200 个中有 {last} 个。",
    },
    "wd.alt.sparse": {
        "en": "The 200 learned weights, L2 (λ = {l2}) above and L1 (λ = {l1}) below; the first {k} inputs are the "
        "ones that matter (true weight 0.1, dotted line). L1 puts {share1:.0%} of Σ|wᵢ| on them and sets "
        "{zeros1} of the other {rest} exactly to 0; L2 puts {share2:.0%} on them and sets {zeros2} to 0.",
        "zh": "学到的 200 个权重，上面是 L2（λ = {l2}），下面是 L1（λ = {l1}）；前 {k} 个输入是起作用的（真实权重 "
        "0.1，见虚线）。L1 把 Σ|wᵢ| 的 {share1:.0%} 放在它们上面，并把其余 {rest} 个中的 {zeros1} 个恰好置为 0；"
        "L2 放了 {share2:.0%}，有 {zeros2} 个为 0。",
    },
}

_CLAIM_TOLERANCE = {"en": "at least 75% of seeds 0-7", "zh": "种子 0-7 中至少 75%"}

# The words of this topic's rows of the reproduce registry (mlp_lab.checks): check.<id>.quantity,
# .source (what the source says, or for a claim the page's sentence) and .tolerance.
STRINGS |= {
    "check.weight_decay.scratch_norm_lambda0.quantity": {
        "en": "||w|| from scratch without weight decay (lambda 0), median over seeds 0-7; in brackets the median "
        "of ||w|| / ||w at initialisation|| (20 examples move w only inside their 20 of 200 dimensions: about "
        "sqrt(180/200) = 0.95)",
        "zh": "从零开始实现、不用权重衰减（lambda 0）时的 ||w||，种子 0-7 的中位数；括号内为 ||w|| / ||初始化时的 "
        "w|| 的中位数（20 个样本只能在 200 维中的 20 维内移动 w：约为 sqrt(180/200) = 0.95）",
    },
    "check.weight_decay.scratch_norm_lambda0.source": {
        "en": "12.568 (the chapter write-up's run, one draw)",
        "zh": "12.568（学习笔记那次运行的输出，单次抽样）",
    },
    "check.weight_decay.scratch_norm_lambda0.tolerance": {
        "en": "ratio in [0.92, 0.97] (medians over seeds 0-7, 8-15, 16-23, 24-31: 0.944-0.965; untrained: 1)",
        "zh": "比值在 [0.92, 0.97] 内（种子 0-7、8-15、16-23、24-31 的中位数：0.944-0.965；未训练：1）",
    },
    "check.weight_decay.scratch_norm_lambda3.quantity": {
        "en": "||w|| from scratch with weight decay lambda 3, median over seeds 0-7",
        "zh": "从零开始实现、权重衰减 lambda 3 时的 ||w||，种子 0-7 的中位数",
    },
    "check.weight_decay.scratch_norm_lambda3.source": {
        "en": "0.355 (the chapter write-up's run, one draw)",
        "zh": "0.355（学习笔记那次运行的输出，单次抽样）",
    },
    "check.weight_decay.scratch_norm_lambda3.tolerance": {
        "en": "in [0.33, 0.42] (medians over seeds 0-7, 8-15, 16-23, 24-31: 0.365-0.374)",
        "zh": "在 [0.33, 0.42] 内（种子 0-7、8-15、16-23、24-31 的中位数：0.365-0.374）",
    },
    "check.weight_decay.concise_matches_scratch.quantity": {
        "en": "SGD weight_decay = L2 penalty: max |w_concise - w_scratch| after 100 epochs at lambda 3 (same start, "
        "same minibatches, same loss), torch loops and our batched engine",
        "zh": "SGD 的 weight_decay 等价于 L2 惩罚：lambda 3 训练 100 个迭代周期后 |w_简洁 - w_从零| 的最大值"
        "（相同初值、相同小批量、相同损失），torch 循环与我们的批量引擎",
    },
    "check.weight_decay.concise_matches_scratch.source": {
        "en": "3.5.3: the same model, the decay moved into the optimiser",
        "zh": "3.5.3 节：同一个模型，权重衰减移进了优化器",
    },
    "check.weight_decay.concise_matches_scratch.tolerance": {
        "en": "< 1e-6 (seeds 0-4: up to 1.7e-7)",
        "zh": "< 1e-6（种子 0-4：最多 1.7e-7）",
    },
    "check.weight_decay.overfits_without_decay.quantity": {
        "en": "lambda 0 (the page's default), both implementations: the share of seeds whose test loss is at "
        "least 2× the training loss",
        "zh": "lambda 0（本页默认值），两种实现：测试损失至少是训练损失 2 倍的种子所占比例",
    },
    "check.weight_decay.overfits_without_decay.source": {
        "en": "“Overfitting, as the book says: the training loss falls while the test loss stays high.”",
        "zh": "“过拟合，与书中说的一致：训练损失下降，测试损失却居高不下。”",
    },
    "check.weight_decay.overfits_without_decay.tolerance": _CLAIM_TOLERANCE,
    "check.weight_decay.decay_helps.quantity": {
        "en": "lambda 3 against lambda 0 on the same data, both implementations: the share of seeds whose training "
        "loss rose and test loss fell",
        "zh": "同一数据上 lambda 3 与 lambda 0 相比，两种实现：训练损失升高、测试损失降低的种子所占比例",
    },
    "check.weight_decay.decay_helps.source": {
        "en": "“Against λ = 0: the training loss rose and the test loss fell, the effect the book expects from "
        "regularisation.”",
        "zh": "“与 λ = 0 相比：训练损失升高，测试损失降低，这正是书中期望正则化带来的效果。”",
    },
    "check.weight_decay.decay_helps.tolerance": _CLAIM_TOLERANCE,
    "check.weight_decay.sweep_flattens.quantity": {
        "en": "The lambda sweep at the page's defaults: the share of seeds whose test loss levels off (the grid's "
        "last values within 25% of each other) at what a constant prediction costs, ½ (Var(y) + (mean(y) - b)²) "
        "(within 25%)",
        "zh": "本页默认设置下的 lambda 扫描：测试损失趋于平稳（网格末尾的值彼此相差不超过 25%），且平稳在常数预测的"
        "代价 ½ (Var(y) + (y 的均值 - b)²) 附近（相差不超过 25%）的种子所占比例",
    },
    "check.weight_decay.sweep_flattens.source": {
        "en": "“From λ = … on the test loss barely moves: with w near 0 the model predicts about its bias, and "
        "the loss is about half the variance of y.”",
        "zh": "“从 λ = … 起测试损失几乎不再变化：w 接近 0 时模型只预测出大约等于偏置的值，损失约为 y 的方差的一半。”",
    },
    "check.weight_decay.sweep_flattens.tolerance": _CLAIM_TOLERANCE,
    "check.weight_decay.l1_concentrates.quantity": {
        "en": "The L1-against-L2 demo at its defaults (L1 λ 0.01, L2 λ 0.1): the share of seeds where L1 puts at "
        "least 80% of Σ|w| on the 5 inputs that matter and zeroes some others, while L2 puts at most 20% there "
        "and zeroes none",
        "zh": "L1 与 L2 对比演示的默认设置（L1 的 λ 为 0.01，L2 的 λ 为 0.1）：L1 把至少 80% 的 Σ|w| 放在起作用的 "
        "5 个输入上并把部分其他权重置 0、而 L2 在那里最多放 20% 且没有权重为 0 的种子所占比例",
    },
    "check.weight_decay.l1_concentrates.source": {
        "en": "“L1 concentrates, L2 spreads.” (3.5.1: L1 concentrates the weight on a few features and clears the "
        "others to zero; L2 spreads it evenly over many)",
        "zh": "“L1 集中权重，L2 分散权重。”（3.5.1 节：L1 把权重集中在一小部分特征上，把其他权重清零；L2 把权重"
        "均匀地分布在大量特征上）",
    },
    "check.weight_decay.l1_concentrates.tolerance": _CLAIM_TOLERANCE,
    # predictions and challenges (mlp_lab/activities/weight_decay.py)
    "learn.wd.norm.q": {
        "en": "Trained from scratch with {penalty} at λ = {lambd:g}: what will ‖w‖ be after the 100 epochs? "
        "(It starts near 14: 200 weights drawn from N(0, 1).)",
        "zh": "从零实现、使用 {penalty} 惩罚、λ = {lambd:g} 训练 100 轮后，‖w‖ 会是多少？"
        "（初始值约为 14：200 个从 N(0, 1) 抽取的权重。）",
    },
    "learn.wd.norm.why": {
        "en": "Each step first multiplies w by 1 − ηλ = {shrink:.4f}, then the data's gradient pulls it back: "
        "‖w‖ went from {start:.3g} to {norm:.3g}, and the larger λ, the lower it settles.",
        "zh": "每一步先把 w 乘以 1 − ηλ = {shrink:.4f}，再由数据的梯度把它拉回：‖w‖ 从 {start:.3g} 变为 "
        "{norm:.3g}；λ 越大，它停留的位置越低。",
    },
    "learn.wd.norm.why0": {
        "en": "Without decay nothing pulls w towards 0: 20 examples constrain at most 20 of the 200 directions, "
        "so w keeps most of its random start ({start:.3g} → {norm:.3g}).",
        "zh": "没有权重衰减时，没有任何力量把 w 拉向 0：20 个样本最多约束 200 个方向中的 20 个，"
        "所以 w 基本保持随机初始值（{start:.3g} → {norm:.3g}）。",
    },
    "learn.wd.test_effect.q": {
        "en": "From scratch with {penalty}, seed {seed}: compared with λ = 0, what does λ = 3 do to the test loss?",
        "zh": "从零实现、{penalty} 惩罚、种子 {seed}：与 λ = 0 相比，λ = 3 会让测试损失怎样变化？",
    },
    "learn.wd.test_effect.c.falls": {"en": "it falls", "zh": "下降"},
    "learn.wd.test_effect.c.same": {"en": "about the same (within 10 %)", "zh": "基本不变（相差 10% 以内）"},
    "learn.wd.test_effect.c.rises": {"en": "it rises", "zh": "上升"},
    "learn.wd.test_effect.why_falls": {
        "en": "The test loss falls from {t0:.3g} to {t3:.3g} ({ratio:.1f}× lower): with 20 examples for 200 "
        "weights, shrinking w removes more fitted noise than signal.",
        "zh": "测试损失从 {t0:.3g} 降到 {t3:.3g}（低了 {ratio:.1f} 倍）：200 个权重只有 20 个样本，"
        "收缩 w 去掉的拟合噪声多于信号。",
    },
    "learn.wd.test_effect.why_same": {
        "en": "The test loss barely moves ({t0:.3g} → {t3:.3g}): at this setting λ = 3 neither helps nor hurts.",
        "zh": "测试损失几乎不变（{t0:.3g} → {t3:.3g}）：在这个设置下 λ = 3 既无帮助也无害处。",
    },
    "learn.wd.test_effect.why_rises": {
        "en": "The test loss rises from {t0:.3g} to {t3:.3g}: here the penalty shrinks the signal more than the noise.",
        "zh": "测试损失从 {t0:.3g} 升到 {t3:.3g}：这里惩罚收缩的信号多于噪声。",
    },
    "learn.wd.smallest_within.goal": {
        "en": "Find the smallest λ on the slider ({penalty}, from scratch) whose test loss is within {within:.0%} "
        "of the best test loss any λ on the slider reaches.",
        "zh": "在滑块上找到最小的 λ（{penalty} 惩罚，从零实现），使它的测试损失与滑块上任一 λ 所能达到的"
        "最佳测试损失相差不超过 {within:.0%}。",
    },
    "learn.wd.smallest_within.passed": {
        "en": "At λ = {lambd:g} the test loss {test:.4g} is {above:.1%} above the best ({best:.4g}), and no smaller λ "
        "gets that close.",
        "zh": "λ = {lambd:g} 时测试损失为 {test:.4g}，比最佳值（{best:.4g}）高 {above:.1%}，且没有更小的 λ 能这么接近。",
    },
    "learn.wd.smallest_within.off": {
        "en": "At λ = {lambd:g} the test loss {test:.4g} is {times:,.2f} times the best ({best:.4g}); it must be "
        "within {within:.0%} of it.",
        "zh": "λ = {lambd:g} 时测试损失为 {test:.4g}，是最佳值（{best:.4g}）的 {times:,.2f} 倍；需要与最佳值相差在 "
        "{within:.0%} 以内。",
    },
    "learn.wd.smallest_within.lower": {
        "en": "At λ = {lambd:g} the test loss {test:.4g} is within {within:.0%} of the best ({best:.4g}), but a "
        "smaller λ is too: go lower.",
        "zh": "λ = {lambd:g} 时测试损失 {test:.4g} 与最佳值（{best:.4g}）相差在 {within:.0%} 以内，"
        "但更小的 λ 也可以：再往小调。",
    },
    "learn.wd.smallest_within.hint1": {
        "en": "The λ-sweep chart below shows where the test loss levels off; the answer is near the start of the flat part.",
        "zh": "下方 λ 扫描图显示了测试损失在哪里趋于平稳；答案在平坦部分的起点附近。",
    },
    "learn.wd.smallest_within.hint2": {
        "en": "Halve the interval: if a λ passes the 10 % test, try halfway to the last λ that failed.",
        "zh": "用二分法：如果某个 λ 满足 10% 的条件，就试试它与上一个不满足的 λ 的中点。",
    },
    # exercise 3.5.1
    "ex.3.5.1.title": {"en": "Losses against λ", "zh": "损失随 λ 的变化"},
    "ex.3.5.1.q": {
        "en": "Train with several values of λ and plot the training and test loss against λ. What do you see?",
        "zh": "用不同的 λ 训练，画出训练损失和测试损失随 λ 变化的曲线。你看到了什么？",
    },
    "ex.3.5.1.try": {
        "en": "The sweep trains one model per λ on the grid, with the penalty chosen above (L2 or L1). "
        "Switch the penalty and compare.",
        "zh": "扫描为网格上的每个 λ 各训练一个模型，惩罚项用上面选的（L2 或 L1）。切换惩罚项再比较。",
    },
    "ex.3.5.1.finding": {
        "en": "over {count} values of λ with {penalty}, the test loss is lowest at λ = {best:g} ({test:.3g}, "
        "against {test0:.3g} at λ = 0), while the training loss is lowest without decay ({train0:.3g}): "
        "the penalty trades training fit for generalisation.",
        "zh": "在 {count} 个 λ 值上（{penalty}），测试损失在 λ = {best:g} 时最低（{test:.3g}，λ = 0 时为 {test0:.3g}），"
        "而训练损失在不加衰减时最低（{train0:.3g}）：惩罚项以训练拟合换取泛化。",
    },
    "ex.3.5.1.s.train": {"en": "train loss", "zh": "训练损失"},
    "ex.3.5.1.s.test": {"en": "test loss", "zh": "测试损失"},
}
