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
    "wd.ex.input_noise": {"en": "input noise σ (noise injection)", "zh": "输入噪声 σ（注入噪声）"},
    "wd.ex.input_noise_help": {
        "en": "Standard deviation of the Gaussian noise added afresh to every training input in every epoch "
        "(0: no noise).",
        "zh": "每个迭代周期都重新加到每个训练输入上的高斯噪声的标准差（0：不加噪声）。",
    },
    "ex.3.5.2.title": {"en": "Picking λ on a validation set", "zh": "用验证集选 λ"},
    "ex.3.5.2.q": {
        "en": "Choose λ with a validation set. Is the λ it picks really the best one, and does it matter?",
        "zh": "用验证集来选 λ。选出的 λ 真的是最好的吗？这重要吗？",
    },
    "ex.3.5.2.try": {
        "en": "The run takes the page's λ sweep with 100 validation examples, for the sidebar's seed and the next "
        "seven. Switch the penalty or the seed.",
        "zh": "运行使用本页对 λ 的扫描和 100 个验证样本，种子为侧边栏的种子及其后七个。切换惩罚项或种子再看。",
    },
    "ex.3.5.2.finding": {
        "en": "with {penalty} the validation set picks λ = {val:g}, but the test set's best is λ = {best:g}: the "
        "picked model's test loss {test_val:.3g} is {excess:.1%} above the best {test_best:.3g} (and far below "
        "{test0:.3g} at λ = 0). Over seeds {first}–{last} it picks the test set's best in {same} of {seeds}; the "
        "extra test loss is {median:.1%} at the median and {worst:.1%} at worst.",
        "zh": "用 {penalty} 时，验证集选出 λ = {val:g}，而测试集上最好的是 λ = {best:g}：选出的模型测试损失 "
        "{test_val:.3g}，比最好的 {test_best:.3g} 高 {excess:.1%}（但远低于 λ = 0 时的 {test0:.3g}）。"
        "在种子 {first}–{last} 上，它有 {same}/{seeds} 次选中测试集上最好的；多出的测试损失中位数为 "
        "{median:.1%}，最多 {worst:.1%}。",
    },
    "ex.3.5.2.finding_same": {
        "en": "with {penalty} the validation set picks λ = {val:g}, which is also the test set's best (test loss "
        "{test_val:.3g}, against {test0:.3g} at λ = 0). Over seeds {first}–{last} it picks the test set's best in "
        "{same} of {seeds}; the extra test loss is {median:.1%} at the median and {worst:.1%} at worst.",
        "zh": "用 {penalty} 时，验证集选出 λ = {val:g}，恰好也是测试集上最好的（测试损失 {test_val:.3g}，"
        "λ = 0 时为 {test0:.3g}）。在种子 {first}–{last} 上，它有 {same}/{seeds} 次选中测试集上最好的；"
        "多出的测试损失中位数为 {median:.1%}，最多 {worst:.1%}。",
    },
    "ex.3.5.2.answer": {
        "en": "Not necessarily. The validation loss is an estimate from 100 examples, so it has noise of its own; "
        "where several λ give nearly the same loss (here the large ones, where the model predicts about its "
        "bias), which of them wins is down to that noise, and the test set, another 100 examples, would rank "
        "them differently again. It hardly matters: the λ it picks is usually within a few per cent of the "
        "best, while the step from λ = 0 to any reasonable λ is a factor of thousands. What matters is that "
        "the test set played no part in the choice: picking λ by the test loss would make that loss an "
        "optimistic estimate. With little data, K-fold cross-validation (3.4) steadies the choice.",
        "zh": "不一定。验证损失是用 100 个样本得到的估计，本身带有噪声；当几个 λ 的损失几乎相同时"
        "（这里是较大的 λ，模型大致只预测其偏置），哪一个胜出取决于这个噪声，而测试集（另外 100 个样本）"
        "又会给出不同的排序。这并不要紧：选出的 λ 通常与最好的只差几个百分点，而从 λ = 0 到任何合理的 λ，"
        "损失相差数千倍。要紧的是测试集没有参与选择：如果按测试损失选 λ，这个损失就会成为过于乐观的估计。"
        "数据很少时，K 折交叉验证（3.4 节）能让选择更稳定。",
    },
    "ex.3.5.2.s.val": {"en": "validation loss", "zh": "验证损失"},
    "ex.3.5.2.s.test": {"en": "test loss", "zh": "测试损失"},
    "ex.3.5.3.title": {"en": "The L1 update", "zh": "L1 惩罚的更新"},
    "ex.3.5.3.q": {
        "en": "With the penalty λ Σᵢ |wᵢ| (L1 regularisation) instead of the squared norm, what does the update "
        "equation look like?",
        "zh": "如果惩罚项用 λ Σᵢ |wᵢ|（L1 正则化）代替平方范数，更新方程会是什么样子？",
    },
    "ex.3.5.3.try": {
        "en": "The run reads the page's λ sweep with both penalties and counts the weights that end exactly at 0; "
        "the λ slider above picks the λ the sentence reads.",
        "zh": "运行读取本页用两种惩罚项对 λ 的扫描，数出恰好为 0 的权重；上方的 λ 滑块决定句中读取哪个 λ。",
    },
    "ex.3.5.3.finding": {
        "en": "at λ = {lambd:g}, L1 sets {zeros1} of the {d} weights exactly to 0 (test loss {test1:.3g}); L2 sets "
        "{zeros2} (test loss {test2:.3g}): it only shrinks them. From λ = {half:g} on, L1 zeroes at least half of "
        "the weights (0: at no λ of the grid).",
        "zh": "λ = {lambd:g} 时，L1 把 {d} 个权重中的 {zeros1} 个恰好压到 0（测试损失 {test1:.3g}）；L2 为 "
        "{zeros2} 个（测试损失 {test2:.3g}）：它只是把权重缩小。从 λ = {half:g} 起，L1 至少把一半权重压到 0"
        "（0：网格上没有这样的 λ）。",
    },
    "ex.3.5.3.answer": {
        "en": "$|w|$ has derivative $\\operatorname{sign}(w)$ for $w \\ne 0$ (at $0$ any value in $[-1, 1]$ is a "
        "subgradient). So the minibatch step on $L(\\mathbf{w}, b) + \\lambda\\sum_i |w_i|$ is\n\n"
        "$\\mathbf{w} \\leftarrow \\mathbf{w} - \\eta\\lambda\\,\\operatorname{sign}(\\mathbf{w}) - "
        "\\frac{\\eta}{|\\mathcal{B}|}\\sum_{i \\in \\mathcal{B}} \\mathbf{x}^{(i)}\\left(\\mathbf{w}^\\top "
        "\\mathbf{x}^{(i)} + b - y^{(i)}\\right)$\n\n"
        "(the bias is not penalised). Where L2's decay $(1 - \\eta\\lambda)\\mathbf{w}$ is proportional to the "
        "weight, so small weights shrink ever more slowly and never reach 0, L1 subtracts the same amount "
        "$\\eta\\lambda$ from every weight's size: small ones reach 0. Taken literally the step makes them jitter "
        "around 0, so implementations apply it as **soft-thresholding** after the gradient step: "
        "$w \\leftarrow \\operatorname{sign}(v)\\max(|v| - \\eta\\lambda, 0)$ with $v$ the weight after the data "
        "step. That is what this page trains with; it agrees with the formula above wherever the step does "
        "not reach 0, and stops a weight exactly at 0 otherwise: **feature selection** (the lasso).",
        "zh": "$|w|$ 在 $w \\ne 0$ 处的导数是 $\\operatorname{sign}(w)$（在 $0$ 处 $[-1, 1]$ 中的任何值都是次梯度）。"
        "所以对 $L(\\mathbf{w}, b) + \\lambda\\sum_i |w_i|$ 的小批量更新为\n\n"
        "$\\mathbf{w} \\leftarrow \\mathbf{w} - \\eta\\lambda\\,\\operatorname{sign}(\\mathbf{w}) - "
        "\\frac{\\eta}{|\\mathcal{B}|}\\sum_{i \\in \\mathcal{B}} \\mathbf{x}^{(i)}\\left(\\mathbf{w}^\\top "
        "\\mathbf{x}^{(i)} + b - y^{(i)}\\right)$\n\n"
        "（偏置不加惩罚）。L2 的衰减 $(1 - \\eta\\lambda)\\mathbf{w}$ 与权重成正比，小权重缩得越来越慢、永远到不了 0；"
        "L1 则从每个权重的大小中减去同样的 $\\eta\\lambda$：小权重会到达 0。按字面执行时权重会在 0 附近来回跳，"
        "所以实现中在梯度步之后做**软阈值**："
        "$w \\leftarrow \\operatorname{sign}(v)\\max(|v| - \\eta\\lambda, 0)$，其中 $v$ 是数据梯度步之后的权重。"
        "本页的训练用的就是它；凡是这一步没有到达 0 的地方，它与上式一致，否则把权重恰好停在 0："
        "这就是**特征选择**（套索回归）。",
    },
    "ex.3.5.3.check.autograd": {
        "en": "On the page's 20 training examples (λ = {lambd:g}), autograd's gradient of the loss plus λ Σ|wᵢ| "
        "against the derived gradient + λ·sign(w), over all {count} parameters: largest gap {gap:.1e}.",
        "zh": "在本页的 20 个训练样本上（λ = {lambd:g}），自动微分求得的“损失 + λ Σ|wᵢ|”的梯度与推导出的"
        "梯度 + λ·sign(w) 在全部 {count} 个参数上比较：最大差距 {gap:.1e}。",
    },
    "ex.3.5.3.check.engine": {
        "en": "One full-batch step of the page's trainer (lr {lr:g}, λ = {lambd:g}) against the derived update: on "
        "the {away} weights the step does not carry to 0 the largest gap is {gap:.1e}; {zeros} weight(s) stop "
        "exactly at 0.",
        "zh": "本页训练器的一个全批量步（学习率 {lr:g}，λ = {lambd:g}）与推导出的更新比较：在这一步没有把它带到 0 "
        "的 {away} 个权重上，最大差距 {gap:.1e}；有 {zeros} 个权重恰好停在 0。",
    },
    "ex.3.5.3.s.zeros_l1": {"en": "weights at 0 (L1)", "zh": "为 0 的权重（L1）"},
    "ex.3.5.3.s.zeros_l2": {"en": "weights at 0 (L2)", "zh": "为 0 的权重（L2）"},
    "ex.3.5.4.title": {"en": "The matrix version of ‖w‖²", "zh": "‖w‖² 的矩阵版本"},
    "ex.3.5.4.q": {
        "en": "For a vector, ‖w‖² = wᵀw. What is the analogous formula for a weight matrix W (think of the "
        "Frobenius norm)?",
        "zh": "对向量有 ‖w‖² = wᵀw。对权重矩阵 W，类似的公式是什么（想想 Frobenius 范数）？",
    },
    "ex.3.5.4.answer": {
        "en": "The Frobenius norm treats the matrix as one long vector of its entries:\n\n"
        "$\\|W\\|_F^2 = \\sum_{i,j} w_{ij}^2 = \\operatorname{tr}(W^\\top W)$,\n\n"
        "because the $j$-th diagonal entry of $W^\\top W$ is $\\sum_i w_{ij}^2$, the squared norm of column $j$. "
        "Its gradient is $\\nabla_W \\|W\\|_F^2 = 2W$, so the penalty $\\frac\\lambda2\\|W\\|_F^2$ gives a layer's "
        "weights exactly the decay $W \\leftarrow (1 - \\eta\\lambda)W - \\eta\\nabla_W L$ that a vector gets: "
        "this is the weight decay that frameworks apply to every layer of a multilayer perceptron.",
        "zh": "Frobenius 范数把矩阵看成由其元素组成的一个长向量：\n\n"
        "$\\|W\\|_F^2 = \\sum_{i,j} w_{ij}^2 = \\operatorname{tr}(W^\\top W)$，\n\n"
        "因为 $W^\\top W$ 的第 $j$ 个对角元素是 $\\sum_i w_{ij}^2$，即第 $j$ 列的平方范数。它的梯度是 "
        "$\\nabla_W \\|W\\|_F^2 = 2W$，所以惩罚项 $\\frac\\lambda2\\|W\\|_F^2$ 给一层的权重带来与向量完全相同的衰减 "
        "$W \\leftarrow (1 - \\eta\\lambda)W - \\eta\\nabla_W L$：这就是深度学习框架对多层感知机每一层施加的权重衰减。",
    },
    "ex.3.5.4.check.identity": {
        "en": "A random {rows} × {cols} matrix (a hidden layer's weights on Fashion-MNIST): ‖W‖²_F = {norm:.8g} "
        "by torch, tr(WᵀW) = {trace:.8g}, and the sum of squares agrees; largest relative gap {gap:.1e}.",
        "zh": "一个随机的 {rows} × {cols} 矩阵（Fashion-MNIST 上一个隐藏层的权重）：torch 算得 ‖W‖²_F = {norm:.8g}，"
        "tr(WᵀW) = {trace:.8g}，平方和也一致；最大相对差距 {gap:.1e}。",
    },
    "ex.3.5.4.check.gradient": {
        "en": "autograd's gradient of ‖W‖²_F against 2W on the same {rows} × {cols} matrix: largest gap {gap:.1e}.",
        "zh": "在同一个 {rows} × {cols} 矩阵上，自动微分求得的 ‖W‖²_F 的梯度与 2W 比较：最大差距 {gap:.1e}。",
    },
    "ex.3.5.5.title": {"en": "Other remedies for overfitting", "zh": "应对过拟合的其他方法"},
    "ex.3.5.5.q": {
        "en": "Besides weight decay, more training data and a model of the right size, what else can fight "
        "overfitting?",
        "zh": "除了权重衰减、增加训练数据和选择合适复杂度的模型，还有什么办法能应对过拟合？",
    },
    "ex.3.5.5.try": {
        "en": "The run retrains the page's λ = 0 model (from scratch, 20 examples, 100 epochs) and tries two of "
        "them: early stopping on the validation set, and Gaussian noise added to the inputs (each epoch sees "
        "10 noisy copies of every example at a learning rate 10 times smaller). Change the input noise.",
        "zh": "运行重新训练本页 λ = 0 的模型（从零开始，20 个样本，100 个迭代周期），并试其中两种方法："
        "在验证集上早停，以及给输入加高斯噪声（每个迭代周期看到每个样本的 10 个带噪声副本，学习率小 10 倍）。"
        "改变输入噪声再看。",
    },
    "ex.3.5.5.finding": {
        "en": "without a remedy the test loss ends at {test:.3g} (training loss {train:.2g}). Early stopping picks "
        "epoch {stop} of {epochs} by the validation loss: test loss {test_stop:.3g} ({stop_change:+.1%}). Input noise σ = {noise:g} brings "
        "the test loss to {noisy:.3g} and ‖w‖ from {norm:.3g} to {noisy_norm:.3g}: noise on the inputs acts "
        "like weight decay.",
        "zh": "不加任何方法时测试损失最终为 {test:.3g}（训练损失 {train:.2g}）。早停按验证损失选出第 {stop}/{epochs} "
        "个迭代周期：测试损失 {test_stop:.3g}（{stop_change:+.1%}）。"
        "输入噪声 σ = {noise:g} 把测试损失降到 {noisy:.3g}，‖w‖ 从 {norm:.3g} 降到 {noisy_norm:.3g}："
        "输入上的噪声起到了权重衰减的作用。",
    },
    "ex.3.5.5.finding_noise_not": {
        "en": "without a remedy the test loss ends at {test:.3g} (training loss {train:.2g}). Early stopping picks "
        "epoch {stop} of {epochs} by the validation loss: test loss {test_stop:.3g} ({stop_change:+.1%}). Input noise σ = {noise:g} "
        "does not bring it down by 10 % or more: test loss {noisy:.3g}, ‖w‖ {noisy_norm:.3g} against {norm:.3g}. Raise it.",
        "zh": "不加任何方法时测试损失最终为 {test:.3g}（训练损失 {train:.2g}）。早停按验证损失选出第 {stop}/{epochs} "
        "个迭代周期：测试损失 {test_stop:.3g}（{stop_change:+.1%}）。输入噪声 σ = {noise:g} 没能把它降低 10% 以上：测试损失 {noisy:.3g}，"
        "‖w‖ 为 {noisy_norm:.3g}（原为 {norm:.3g}）。把它调大试试。",
    },
    "ex.3.5.5.answer": {
        "en": "Several, all of which make the model less able to fit the noise of its particular training set:\n\n"
        "- **Early stopping**: stop when the validation loss stops falling (3.4). It limits how far the "
        "weights travel from their start, so it helps when training moves them into the noise; here it can do "
        "little: most of the test error sits in the starting weights along the 180 directions the 20 examples "
        "never touch, and training does not change those at all.\n"
        "- **Noise injection**: add noise to the inputs (or to hidden units) during training. For a linear "
        "model, input noise of variance σ² is equivalent on average to an L2 penalty of strength about σ² "
        "(Bishop 1995): the run compares ‖w‖ with and without it.\n"
        "- **Dropout** (3.6): randomly zero hidden units during training, a structured form of noise.\n"
        "- **Data augmentation**: new training examples from label-preserving transformations (shifts, flips, "
        "crops of images).\n"
        "- **Ensembles and averaging**: average several models (bagging) or the weights along training.\n"
        "- **Other constraints on the weights**: L1 (sparsity), a max-norm bound, parameter sharing (as in "
        "convolutional networks), or a better prior / pretraining (transfer learning).\n"
        "- **Cleaning the data**: fewer label errors means less noise to memorise.",
        "zh": "有好几种，它们都让模型更难拟合其训练集中特有的噪声：\n\n"
        "- **早停**：验证损失不再下降时停止训练（3.4 节）。它限制权重离开初始值的距离，所以当训练把权重推向噪声时"
        "有用；这里它作用不大：大部分测试误差来自初始权重在 20 个样本从未触及的 180 个方向上的分量，而训练根本不改变这些分量。\n"
        "- **注入噪声**：训练时给输入（或隐藏单元）加噪声。对线性模型，方差为 σ² 的输入噪声平均来说相当于强度约为 "
        "σ² 的 L2 惩罚（Bishop 1995）：运行比较了加噪声与不加噪声时的 ‖w‖。\n"
        "- **暂退法**（3.6 节）：训练时随机把隐藏单元置零，一种有结构的噪声。\n"
        "- **数据增广**：用不改变标签的变换（图像的平移、翻转、裁剪）生成新的训练样本。\n"
        "- **集成与平均**：平均多个模型（bagging），或平均训练过程中的权重。\n"
        "- **对权重的其他约束**：L1（稀疏）、最大范数约束、参数共享（如卷积神经网络），或更好的先验/预训练"
        "（迁移学习）。\n"
        "- **清洗数据**：标签错误越少，需要记住的噪声就越少。",
    },
    "ex.3.5.5.s.test": {"en": "test loss (no remedy)", "zh": "测试损失（不加方法）"},
    "ex.3.5.5.s.val": {"en": "validation loss (no remedy)", "zh": "验证损失（不加方法）"},
    "ex.3.5.5.s.noisy": {"en": "test loss (input noise)", "zh": "测试损失（输入噪声）"},
    "ex.3.5.6.title": {"en": "The prior behind L2", "zh": "L2 背后的先验"},
    "ex.3.5.6.q": {
        "en": "In Bayesian terms the posterior is P(w | x) ∝ P(x | w) P(w). Which prior P(w) turns the maximum of "
        "the posterior into weight decay?",
        "zh": "在贝叶斯统计中，后验为 P(w | x) ∝ P(x | w) P(w)。什么样的先验 P(w) 能让后验的最大值点恰好对应权重衰减？",
    },
    "ex.3.5.6.answer": {
        "en": "A Gaussian centred at 0: $P(\\mathbf{w}) = \\mathcal{N}(\\mathbf{0}, \\sigma_w^2 I)$. Take labels "
        "$y = \\mathbf{w}^\\top\\mathbf{x} + b + \\epsilon$ with $\\epsilon \\sim \\mathcal{N}(0, \\sigma^2)$ "
        "(σ = 0.01 on this page). The negative log posterior is, up to constants,\n\n"
        "$-\\log P(\\mathbf{w} \\mid \\text{data}) = \\frac{1}{2\\sigma^2}\\sum_{i=1}^n (\\hat y^{(i)} - y^{(i)})^2 "
        "+ \\frac{1}{2\\sigma_w^2}\\|\\mathbf{w}\\|^2$.\n\n"
        "Multiply by $\\sigma^2/n$ (which moves no minimum): $\\frac1n\\sum_i \\frac12(\\hat y^{(i)} - y^{(i)})^2 + "
        "\\frac\\lambda2\\|\\mathbf{w}\\|^2$ with $\\lambda = \\frac{\\sigma^2}{n\\sigma_w^2}$, i.e. "
        "$\\sigma_w = \\sigma/\\sqrt{n\\lambda}$. So the weight-decay solution is the **maximum a posteriori** "
        "estimate, and the penalty's gradient $\\lambda\\mathbf{w}$ is (in the loss's units) the gradient of the "
        "negative log prior. A larger λ is a narrower prior: a stronger belief that the weights are small. "
        "(A Laplace prior $\\propto e^{-|w|/s}$ gives L1 in the same way; a flat prior on b leaves the bias "
        "unpenalised.) For a linear model with Gaussian noise the posterior is Gaussian, so its maximum is also "
        "its mean, which the second check computes by Bayes' formula.",
        "zh": "以 0 为中心的高斯分布：$P(\\mathbf{w}) = \\mathcal{N}(\\mathbf{0}, \\sigma_w^2 I)$。设标签 "
        "$y = \\mathbf{w}^\\top\\mathbf{x} + b + \\epsilon$，$\\epsilon \\sim \\mathcal{N}(0, \\sigma^2)$"
        "（本页 σ = 0.01）。忽略常数，负对数后验为\n\n"
        "$-\\log P(\\mathbf{w} \\mid \\text{data}) = \\frac{1}{2\\sigma^2}\\sum_{i=1}^n (\\hat y^{(i)} - y^{(i)})^2 "
        "+ \\frac{1}{2\\sigma_w^2}\\|\\mathbf{w}\\|^2$。\n\n"
        "乘以 $\\sigma^2/n$（不改变最小值点）：得到 $\\frac1n\\sum_i \\frac12(\\hat y^{(i)} - y^{(i)})^2 + "
        "\\frac\\lambda2\\|\\mathbf{w}\\|^2$，其中 $\\lambda = \\frac{\\sigma^2}{n\\sigma_w^2}$，即 "
        "$\\sigma_w = \\sigma/\\sqrt{n\\lambda}$。所以权重衰减的解就是**最大后验**估计，惩罚项的梯度 "
        "$\\lambda\\mathbf{w}$（以损失的单位计）就是负对数先验的梯度。λ 越大，先验越窄：越相信权重很小。"
        "（同理，拉普拉斯先验 $\\propto e^{-|w|/s}$ 给出 L1；对 b 用平坦先验，偏置就不受惩罚。）"
        "对高斯噪声下的线性模型，后验是高斯分布，其最大值点也就是均值，第二个检验用贝叶斯公式计算了它。",
    },
    "ex.3.5.6.check.gradient": {
        "en": "λ = {lambd:g}, n = {n}, σ = {noise:g}, so σ_w = {sigma:.4g}: autograd's gradient of −log P(w) "
        "(times σ²/n) against λw on the page's starting weights: largest relative gap {gap:.1e}.",
        "zh": "λ = {lambd:g}，n = {n}，σ = {noise:g}，所以 σ_w = {sigma:.4g}：在本页的初始权重上，自动微分求得的 "
        "−log P(w) 的梯度（乘以 σ²/n）与 λw 比较：最大相对差距 {gap:.1e}。",
    },
    "ex.3.5.6.check.map": {
        "en": "On the page's 20 training examples: the minimiser of the loss + λ/2 ‖w‖² (‖w‖ = {norm:.4g}) against "
        "the posterior mean under N(0, {sigma:.4g}² I): largest relative gap {gap:.1e}.",
        "zh": "在本页的 20 个训练样本上：“损失 + λ/2 ‖w‖²”的最小值点（‖w‖ = {norm:.4g}）与先验 "
        "N(0, {sigma:.4g}² I) 下的后验均值比较：最大相对差距 {gap:.1e}。",
    },
}
