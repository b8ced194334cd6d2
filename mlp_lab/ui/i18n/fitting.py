"""Strings of the model-selection / under- and overfitting page (3.4)."""

STRINGS: dict[str, dict[str, str]] = {
    "page.fitting": {"en": "3.4 Model selection, under- and overfitting", "zh": "3.4 模型选择、欠拟合和过拟合"},
    "fit.intro": {
        "en": "The goal is a pattern that generalises: a low error on examples the model has never seen "
        "(the **generalisation error**, estimated on a test set), not only on the ones it trained on "
        "(the **training error**). A model too simple for the data **underfits**: both errors stay high "
        "and close. A model with too much capacity for too little data **overfits**: the training error "
        "falls far below the test error. The book shows both with polynomial regression: the data come "
        "from a cubic,",
        "zh": "我们要找的是能够泛化的模式：不仅在训练过的样本上误差小（**训练误差**），在从未见过的样本上"
        "误差也小（**泛化误差**，用测试集来估计）。模型对数据来说太简单时会**欠拟合**：两种误差都高且接近。"
        "数据太少而模型容量太大时会**过拟合**：训练误差远低于测试误差。书中用多项式回归演示这两种情况："
        "数据来自一个三次多项式，",
    },
    "fit.model": {
        "en": "and a model with k features is the sum on the right: d2l's `nn.Linear(k, 1, bias=False)` (the "
        "division by $i!$ keeps the big powers from dwarfing the rest), trained by SGD on the squared loss: "
        "lr 0.01, batch 10, 100 training and 100 test examples. With 4 features the model family contains "
        "the truth. **All 20 models (k = 1 … 20) train together** in one batched computation on the same "
        "minibatches, so moving the feature slider is instant.",
        "zh": "k 个特征的模型就是右边的求和：d2l 中的 `nn.Linear(k, 1, bias=False)`（"
        "除以 $i!$ 是为了不让高次幂压倒其他项），用 SGD 最小化平方损失：学习率 0.01，批量 10，"
        "训练和测试样本各 100 个。4 个特征时，模型族恰好包含真实函数。**全部 20 个模型（k = 1 … 20）"
        "在同一批小批量上、用一次批量计算一起训练**，所以拖动特征数滑块会立即响应。",
    },
    "fit.presets": {"en": "The book's three cases:", "zh": "书中的三种情况："},
    "fit.preset.normal": {"en": "4 features: normal", "zh": "4 个特征：正常"},
    "fit.preset.underfit": {"en": "2 features: underfitting", "zh": "2 个特征：欠拟合"},
    "fit.preset.overfit": {"en": "20 features, 1500 epochs: overfitting", "zh": "20 个特征、1500 轮：过拟合"},
    "fit.preset_help": {
        "en": "Sets the number of features and epochs as in the book (100 training examples, noise 0.1).",
        "zh": "按书中设置特征数和训练轮数（100 个训练样本，噪声 0.1）。",
    },
    "fit.features": {"en": "features used (k)", "zh": "使用的特征数 (k)"},
    "fit.features_help": {
        "en": "The model uses x^0/0! … x^(k-1)/(k-1)!: k = 4 matches the true cubic.",
        "zh": "模型使用 x^0/0! … x^(k-1)/(k-1)!：k = 4 与真实的三次多项式一致。",
    },
    "fit.n_train": {"en": "training examples", "zh": "训练样本数"},
    "fit.n_train_help": {
        "en": "Bigger sets keep the smaller sets' points and add new ones. The test set stays 100 examples.",
        "zh": "更大的训练集保留较小训练集的点并加入新点。测试集始终是 100 个样本。",
    },
    "fit.noise": {"en": "label noise σ", "zh": "标签噪声 σ"},
    "fit.noise_help": {
        "en": "Standard deviation of ε (book: 0.1). The best possible test loss is about σ².",
        "zh": "ε 的标准差（书中为 0.1）。测试损失的理论最好值约为 σ²。",
    },
    "fit.epochs": {"en": "epochs", "zh": "训练轮数"},
    "fit.epochs_help": {"en": "Book: 400 (1500 for the overfitting case).", "zh": "书中为 400（过拟合示例为 1500）。"},
    "fit.training": {"en": "Training all the models of this sweep at once …", "zh": "正在同时训练这一组的全部模型……"},
    "fit.trained": {
        "en": "All 20 models trained together in {seconds:.2f} s ({epochs} epochs each).",
        "zh": "20 个模型一起训练完成，用时 {seconds:.2f} 秒（每个 {epochs} 轮）。",
    },
    "fit.diverged": {
        "en": "Some models diverged (their loss became infinite); they are left out of the charts.",
        "zh": "部分模型发散（损失变为无穷大），图中已略去。",
    },
    "fit.curves_title": {"en": "k = {k}: loss during training", "zh": "k = {k}：训练过程中的损失"},
    "fit.fit_title": {"en": "k = {k}: the fitted polynomial", "zh": "k = {k}：拟合出的多项式"},
    "fit.final": {
        "en": "After {epochs} epochs: train loss {train:.4g}, test loss {test:.4g} (noise floor σ² = {floor:.4g}).",
        "zh": "{epochs} 轮后：训练损失 {train:.4g}，测试损失 {test:.4g}（噪声下限 σ² = {floor:.4g}）。",
    },
    "fit.verdict.under": {
        "en": "k < 4: the model cannot express the cubic, so both losses stay far above the noise floor: underfitting.",
        "zh": "k < 4：模型无法表示这个三次多项式，两种损失都远高于噪声下限：欠拟合。",
    },
    "fit.verdict.right": {
        "en": "k = 4: the model family contains the truth; both losses reach the noise floor.",
        "zh": "k = 4：模型族包含真实函数；两种损失都降到噪声下限。",
    },
    "fit.verdict.over": {
        "en": "k > 4: the extra weights can chase the noise of the training points. Watch the gap between "
        "train and test loss, and the curve between and beyond the points.",
        "zh": "k > 4：多余的权重可以去拟合训练点上的噪声。注意训练损失与测试损失之间的差距，"
        "以及曲线在数据点之间和之外的形状。",
    },
    "fit.x": {"en": "x", "zh": "x"},
    "fit.y": {"en": "y", "zh": "y"},
    "fit.series.train_points": {"en": "training points", "zh": "训练点"},
    "fit.series.test_points": {"en": "test points", "zh": "测试点"},
    "fit.series.truth": {"en": "true cubic", "zh": "真实三次多项式"},
    "fit.series.sgd": {"en": "SGD fit", "zh": "SGD 拟合"},
    "fit.series.exact": {"en": "least squares", "zh": "最小二乘"},
    "fit.weights": {"en": "Learned weights against the true ones", "zh": "学到的权重与真实权重"},
    "fit.weights_text": {
        "en": "Exercise 1 of the section: linear regression has a closed-form solution, "
        "ŵ = argmin ‖Xw − y‖² (least squares; the minimum-norm one "
        "when k > n). SGD walks towards it; with many features the high powers barely move in a few hundred epochs, "
        "which holds the SGD fit back from the wild curves least squares can draw.",
        "zh": "本节练习 1：线性回归有解析解 ŵ = argmin ‖Xw − y‖²"
        "（最小二乘；k > n 时取范数最小的解）。SGD 朝它走去；特征很多时，高次项的权重在几百轮里几乎不动，"
        "这让 SGD 的拟合不会像最小二乘那样画出剧烈摆动的曲线。",
    },
    "fit.col.feature": {"en": "feature", "zh": "特征"},
    "fit.col.true": {"en": "true w", "zh": "真实 w"},
    "fit.col.sgd": {"en": "SGD", "zh": "SGD"},
    "fit.col.exact": {"en": "least squares", "zh": "最小二乘"},
    "fit.exact_test": {
        "en": "Least squares with k = {k}: test loss {test:.4g} (SGD: {sgd:.4g}).",
        "zh": "k = {k} 的最小二乘解：测试损失 {test:.4g}（SGD：{sgd:.4g}）。",
    },
    "fit.tab.capacity": {"en": "Capacity: number of features", "zh": "模型容量：特征数"},
    "fit.tab.size": {"en": "Training-set size", "zh": "训练集大小"},
    "fit.tab.kfold": {"en": "K-fold cross-validation", "zh": "K 折交叉验证"},
    "fit.tab.d200": {"en": "d = 200, few examples", "zh": "d = 200，样本很少"},
    "fit.capacity_text": {
        "en": "Exercise 2: final train and test loss of all 20 models (the ones trained above) against the "
        "number of features, beside least squares, the exact minimiser of the training loss. For least "
        "squares the textbook picture holds: training loss keeps falling as capacity grows, test loss "
        "bottoms out where the model matches the data. SGD with a few hundred epochs barely moves the "
        "weights of the high powers, so its big models stay close to where they started.",
        "zh": "练习 2：上面一起训练的全部 20 个模型的最终训练损失和测试损失随特征数的变化，旁边是最小二乘解"
        "（训练损失的精确最小值）。最小二乘呈现教科书式的图景：容量越大，训练损失越低；测试损失在模型与"
        "数据匹配处最小。SGD 只训练几百轮时几乎推不动高次项的权重，所以大模型离初始值不远。",
    },
    "fit.capacity_x": {"en": "number of features k", "zh": "特征数 k"},
    "fit.final_loss": {"en": "final loss (log scale)", "zh": "最终损失（对数坐标）"},
    "fit.best_k": {
        "en": "The test set would pick k = {best} for SGD. Least squares with k = 20: test loss {exact:.3g} "
        "(other seeds often give far more: a degree-19 polynomial through 100 noisy points).",
        "zh": "对 SGD，测试集会选 k = {best}。k = 20 的最小二乘解：测试损失 {exact:.3g}"
        "（换个种子常常大得多：一条穿过 100 个含噪点的 19 次多项式）。",
    },
    "fit.series.exact_train": {"en": "least squares, train", "zh": "最小二乘，训练"},
    "fit.series.exact_test": {"en": "least squares, test", "zh": "最小二乘，测试"},
    "fit.size_text": {
        "en": "Exercise 2: the k = {k} model on training sets of 10 to 1000 examples (nested: each set "
        "contains the smaller ones), all trained together with the settings above. More data closes "
        "the gap between train and test loss.",
        "zh": "练习 2：k = {k} 的模型在 10 到 1000 个样本的训练集上（嵌套：大集合包含小集合），"
        "用上面的设置一起训练。数据越多，训练损失与测试损失的差距越小。",
    },
    "fit.size_x": {"en": "training examples (log scale)", "zh": "训练样本数（对数坐标）"},
    "fit.size_done": {
        "en": "{count} training-set sizes trained together in {seconds:.2f} s.",
        "zh": "{count} 种训练集大小一起训练，用时 {seconds:.2f} 秒。",
    },
    "fit.kfold_text": {
        "en": "When data are scarce, K-fold cross-validation picks the model without touching the test set: "
        "split the training set into K folds, train K times on K-1 folds, validate on the remaining one, "
        "average. Here every fold × every k (K × 20 models) trains in one computation.",
        "zh": "数据稀缺时，K 折交叉验证可以不碰测试集就选出模型：把训练集分成 K 份，训练 K 次，"
        "每次用 K-1 份训练、用剩下的一份验证，再取平均。这里每一折 × 每个 k（共 K × 20 个模型）"
        "在一次计算中训练。",
    },
    "fit.k_folds": {"en": "K (folds)", "zh": "K（折数）"},
    "fit.k_folds_help": {
        "en": "K = number of training examples is leave-one-out.",
        "zh": "K 等于训练样本数时即为留一法。",
    },
    "fit.kfold_pick": {
        "en": "K-fold picks **k = {picked}**; the test set would pick **k = {best}**. Folds of {sizes} examples; "
        "{models} models in {seconds:.2f} s.",
        "zh": "K 折交叉验证选出 **k = {picked}**；测试集会选 **k = {best}**。每折 {sizes} 个样本；"
        "{models} 个模型，用时 {seconds:.2f} 秒。",
    },
    "fit.kfold_invalid": {
        "en": "K = {k} folds need at least {k} training examples; there are {n}. Lower K or add examples.",
        "zh": "K = {k} 折至少需要 {k} 个训练样本，目前只有 {n} 个。请减小 K 或增加样本。",
    },
    "fit.series.kfold_val": {"en": "K-fold validation (mean)", "zh": "K 折验证（平均）"},
    "fit.series.kfold_train": {"en": "K-fold training (mean)", "zh": "K 折训练（平均）"},
    "fit.fold": {"en": "fold", "zh": "折"},
    "fit.folds_title": {"en": "k = {k}: train and validation loss per fold", "zh": "k = {k}：每一折的训练与验证损失"},
    "fit.series.val": {"en": "validation loss", "zh": "验证损失"},
    "fit.d200_text": {
        "en": "Section 3.5's data: 200 inputs, $y = 0.05 + \\sum_i 0.01 x_i + \\epsilon$, a linear model "
        "(no weight decay here), SGD lr 0.003, batch 5, 100 epochs. With 20 examples and 201 parameters the "
        "model can fit the training set exactly and the test loss stays huge; more examples shrink the gap.",
        "zh": "第 3.5 节的数据：200 个输入，$y = 0.05 + \\sum_i 0.01 x_i + \\epsilon$，线性模型"
        "（此处不用权重衰减），SGD 学习率 0.003，批量 5，100 轮。只有 20 个样本而参数有 201 个时，"
        "模型能完全拟合训练集，测试损失却居高不下；样本越多，差距越小。",
    },
    "fit.d200_n": {"en": "training examples (book: 20)", "zh": "训练样本数（书中为 20）"},
    "fit.d200_title": {"en": "n = {n}: loss during training", "zh": "n = {n}：训练过程中的损失"},
    "fit.d200_sizes": {"en": "after 100 epochs, by training-set size", "zh": "100 轮后，随训练集大小变化"},
    "fit.d200_done": {
        "en": "n = {n}: train loss {train:.3g}, test loss {test:.3g}. "
        "{count} sizes trained together in {seconds:.2f} s.",
        "zh": "n = {n}：训练损失 {train:.3g}，测试损失 {test:.3g}。{count} 种大小一起训练，用时 {seconds:.2f} 秒。",
    },
    "fit.loss_linear": {"en": "loss", "zh": "损失"},
    "fit.d200_peak": {
        "en": "Near n = 200, as many examples as parameters, the training loss peaks: the training set can only "
        "just be fitted exactly, and SGD converges slowest there. With fewer examples the model interpolates the "
        "data (training loss near 0, test loss huge); with more, the data pin the weights down and the test loss "
        "collapses.",
        "zh": "在 n = 200 附近（样本数与参数个数相当）训练损失出现峰值：训练集恰好勉强能被精确拟合，SGD 在这里"
        "收敛最慢。样本更少时模型插值数据（训练损失接近 0，测试损失巨大）；样本更多时数据把权重确定下来，"
        "测试损失骤降。",
    },
    "fit.series.norm": {"en": "‖w‖", "zh": "‖w‖"},
    "fit.series.zeros": {"en": "weights exactly 0", "zh": "恰好为 0 的权重"},
}

# The words of this topic's rows of the reproduce registry (mlp_lab.checks): check.<id>.quantity,
# .book (what the source says, or for a claim what the page asserts) and .tolerance.
STRINGS |= {
    "check.fitting.poly_normal_weights.quantity": {
        "en": "4-feature polynomial fit: learned weights (true 5, 1.2, -3.4, 5.6)",
        "zh": "4 个特征的多项式拟合：学到的权重（真实值 5, 1.2, -3.4, 5.6）",
    },
    "check.fitting.poly_normal_weights.source": {
        "en": "5.0105, 1.2354, -3.4229, 5.5033",
        "zh": "5.0105, 1.2354, -3.4229, 5.5033",
    },
    "check.fitting.poly_normal_weights.tolerance": {
        "en": "each within 0.35 of the true weight (seeds 0-4: up to 0.32 off; SGD at 400 epochs has not always reached least squares)",
        "zh": "每个权重与真实值相差不超过 0.35（种子 0-4：最多相差 0.32；训练 400 轮的随机梯度下降并不总能到达最小二乘解）",
    },
    "check.fitting.poly_underfit.quantity": {
        "en": "underfitting: train loss of the 2-feature fit / train loss of the 4-feature fit",
        "zh": "欠拟合：2 个特征的训练损失 / 4 个特征的训练损失",
    },
    "check.fitting.poly_underfit.source": {
        "en": "the 2-feature loss stays high (book figure)",
        "zh": "2 个特征的损失一直很高（书中插图）",
    },
    "check.fitting.poly_underfit.tolerance": {
        "en": "> 50 (seeds 0-4: 194-2835)",
        "zh": "> 50（种子 0-4：194-2835）",
    },
    "check.fitting.poly_overfit.quantity": {
        "en": "overfitting: test loss of the 20-feature fit (1500 epochs) / the 4-feature fit's, median over seeds 0-4 (one draw can land either way)",
        "zh": "过拟合：20 个特征（1500 轮）的测试损失 / 4 个特征的测试损失，种子 0-4 的中位数（单次抽样可能偏向任一侧）",
    },
    "check.fitting.poly_overfit.source": {
        "en": "20 features: test loss above the 4-feature fit's (book figure)",
        "zh": "20 个特征：测试损失高于 4 个特征的拟合（书中插图）",
    },
    "check.fitting.poly_overfit.tolerance": {
        "en": "> 1.06 (medians of seeds 0-4, .., 20-24: 1.13-2.11)",
        "zh": "> 1.06（种子 0-4、…、20-24 的中位数：1.13-2.11）",
    },
    "check.fitting.degree_sweep.quantity": {
        "en": "max |weight difference| after 400 epochs (lr 0.01, batch 10), 2, 4 and 20 features: the page's batched sweep vs the book's loop, one nn.Linear at a time (same data, start and minibatches)",
        "zh": "训练 400 轮（学习率 0.01，批量 10）后 2、4、20 个特征的权重之差的最大值：本页的批量计算与书中逐个模型的 nn.Linear 循环（相同数据、初值和小批量）",
    },
    "check.fitting.degree_sweep.source": {
        "en": "d2l 4.4.4: one training loop per model (the same models)",
        "zh": "d2l 4.4.4 节：每个模型一个训练循环（同样的模型）",
    },
    "check.fitting.degree_sweep.tolerance": {
        "en": "< 2e-4 (float32 rounding over 4000 steps; seeds 0-4: 3.4e-5 to 6.4e-5)",
        "zh": "< 2e-4（4000 步的 float32 舍入；种子 0-4：3.4e-5 至 6.4e-5）",
    },
    "check.fitting.kfold.quantity": {
        "en": "10-fold cross-validation on the 100 training examples: the number of features it picks, median over seeds 0-4 (one draw can pick 6 to 12)",
        "zh": "在 100 个训练样本上做 10 折交叉验证：选出的特征数，种子 0-4 的中位数（单次抽样可能选出 6 到 12）",
    },
    "check.fitting.kfold.source": {
        "en": "the true polynomial has 4 terms",
        "zh": "真实多项式有 4 项",
    },
    "check.fitting.kfold.tolerance": {
        "en": "4 to 6 (medians of seeds 0-4, .., 20-24: 4, 4, 4, 6, 4)",
        "zh": "4 到 6（种子 0-4、…、20-24 的中位数：4, 4, 4, 6, 4）",
    },
    "check.fitting.d200_overfit.quantity": {
        "en": "3.5's data (d = 200, lambda 0): test loss with 20 training examples / with 1000, and test / train loss at 20",
        "zh": "3.5 的数据（d = 200，lambda 0）：20 个训练样本时的测试损失 / 1000 个时的，以及 20 个时的测试 / 训练损失",
    },
    "check.fitting.d200_overfit.source": {
        "en": "20 examples: train loss falls, test loss stays high (3.5.2 figure)",
        "zh": "20 个样本：训练损失下降，测试损失一直很高（3.5.2 节插图）",
    },
    "check.fitting.d200_overfit.tolerance": {
        "en": "both > 3e5 (seeds 0-4: at least 1.2e6 and 4.7e6)",
        "zh": "两者都 > 3e5（种子 0-4：至少 1.2e6 与 4.7e6）",
    },
}
