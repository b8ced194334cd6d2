"""Strings of the model-selection / under- and overfitting page (3.4)."""

BOOK_34 = "https://zh.d2l.ai/chapter_multilayer-perceptrons/underfit-overfit.html"

STRINGS: dict[str, dict[str, str]] = {
    "page.fitting": {"en": "3.4 Model selection, under- and overfitting", "zh": "3.4 模型选择、欠拟合和过拟合"},
    "fit.intro": {
        "en": "Machine learning is after patterns that **generalise**: a low error not only on the examples a "
        "model trained on (the **training error**) but on examples it has never seen. The **generalisation "
        "error** is the expected error on infinitely many fresh examples from the same distribution; it cannot "
        "be computed, only estimated on an independent test set. All of this rests on the **i.i.d. "
        "assumption**: training and test examples are drawn independently from the same distribution (the 2nd "
        "example drawn is no more related to the 3rd than to the 2-millionth). Where it fails, say a model "
        "trained on one hospital's patients and used at another's, the estimate can mislead (section 3.9). A "
        "model too simple for the data **underfits**: its training error stays high, and its test error with "
        "it. A model with too much capacity for too little data **overfits**: its training error falls far "
        f"below its test error. The book shows both with polynomial regression ([3.4]({BOOK_34})); the data "
        "come from a cubic,",
        "zh": "机器学习要发现的是能够**泛化**的模式：不仅在训练过的样本上误差小（**训练误差**），在从未见过的"
        "样本上误差也要小。**泛化误差**是模型用在同一分布中抽取的无限多新样本上时误差的期望，无法准确计算，"
        "只能用一个独立的测试集来估计。这一切都基于**独立同分布假设**：训练数据和测试数据都是从同一分布中"
        "独立抽取的（抽到的第 2 个样本与第 3 个样本的相关性，并不比与第 200 万个样本的更强）。假设不成立时，"
        "比如用一家医院的病人数据训练模型、再拿到另一家医院去用，这种估计就可能失准（见 3.9 节）。模型对数据"
        "来说过于简单时会**欠拟合**：训练误差一直很高，测试误差也一样高。模型容量太大而数据太少时会"
        f"**过拟合**：训练误差远低于测试误差。书中用多项式回归演示了这两种情况（[3.4 节]({BOOK_34})），"
        "数据来自一个三次多项式：",
    },
    "fit.model": {
        "en": "and a model with k features is the sum on the right: the book's `nn.Linear(k, 1, bias=False)` "
        "(dividing by $i!$ keeps the big powers from dwarfing the rest), trained by minibatch SGD on the squared "
        "loss: learning rate 0.01, batch 10, 100 training and 100 test examples as in the book, plus 50 "
        "validation examples of our own (see *Choosing k on a validation set* below). With 4 features the "
        "model family contains the truth. **All 20 models (k = 1 … 20) train together** in one batched "
        "computation on the same minibatches, so moving the feature slider is instant.",
        "zh": "k 个特征的模型就是右边的求和，即书中的 `nn.Linear(k, 1, bias=False)`（除以 $i!$ 是为了不让"
        "高次幂的数值压倒其他项），用小批量随机梯度下降最小化平方损失：学习率 0.01，批量大小 10，训练样本和"
        "测试样本各 100 个（与书中相同），另加我们自己的 50 个验证样本（见下文“用验证集选择 k”）。"
        "4 个特征时，模型族恰好包含真实函数。**全部 20 个模型（k = 1 … 20）在同样的小批量上、用一次批量计算"
        "一起训练**，所以拖动特征数滑块会立即响应。",
    },
    "fit.sep": {"en": " ", "zh": ""},  # between two sentences joined on the page
    "fit.presets": {"en": "The book's three cases:", "zh": "书中的三种情形："},
    "fit.preset.normal": {"en": "4 features: normal", "zh": "4 个特征：正常"},
    "fit.preset.underfit": {"en": "2 features: underfitting", "zh": "2 个特征：欠拟合"},
    "fit.preset.overfit": {"en": "20 features, 10 examples: overfitting", "zh": "20 个特征、10 个样本：过拟合"},
    "fit.preset_help.normal": {
        "en": "The book's normal case: 4 features, 100 training examples, noise 0.1, 400 epochs.",
        "zh": "书中的正常情形：4 个特征，100 个训练样本，噪声 0.1，400 个迭代周期。",
    },
    "fit.preset_help.underfit": {
        "en": "The book's underfitting case: 2 features (a straight line), the rest as in the normal case.",
        "zh": "书中的欠拟合情形：2 个特征（一条直线），其余与正常情形相同。",
    },
    "fit.preset_help.overfit": {
        "en": "The book's overfitting case trains 20 features for 1500 epochs on all 100 training examples. In our "
        "runs that shows at most a weak effect that depends on the draw (SGD at learning rate 0.01 barely moves "
        "the weights of the high powers; at seed 0 the test loss even ends below the training loss). So this "
        "preset keeps the book's 20 features and 1500 epochs but trains on 10 examples: as 3.4 says, even a "
        "simple model easily overfits a tiny data set.",
        "zh": "书中的过拟合情形在全部 100 个训练样本上用 20 个特征训练 1500 个迭代周期。在我们的运行中，"
        "这样设置时效应很弱，而且取决于随机抽样（学习率 0.01 的随机梯度下降几乎推不动高次项的权重；种子 0 时"
        "测试损失最后甚至低于训练损失）。所以这个预设保留书中的 20 个特征和 1500 个迭代周期，但只用 10 个"
        "训练样本：正如 3.4 节所说，即使是简单的模型，也很容易过拟合很小的数据集。",
    },
    "fit.features": {"en": "features used (k)", "zh": "使用的特征数 (k)"},
    "fit.features_help": {
        "en": "The model uses x^0/0! … x^(k-1)/(k-1)!: k = 4 matches the true cubic.",
        "zh": "模型使用 x^0/0! … x^(k-1)/(k-1)!：k = 4 与真实的三次多项式一致。",
    },
    "fit.n_train": {"en": "training examples", "zh": "训练样本数"},
    "fit.n_train_help": {
        "en": "Bigger sets keep the smaller sets' points and add new ones. The test set stays 100 examples, the "
        "validation set 50.",
        "zh": "更大的训练集保留较小训练集的点，再加入新点。测试集始终是 100 个样本，验证集是 50 个。",
    },
    "fit.noise": {"en": "label noise σ", "zh": "标签噪声 σ"},
    "fit.noise_help": {
        "en": "Standard deviation of ε (book: 0.1). No model can get the expected loss below σ², the noise floor.",
        "zh": "ε 的标准差（书中为 0.1）。任何模型的期望损失都不会低于 σ²，即噪声下限。",
    },
    "fit.epochs": {"en": "epochs", "zh": "迭代周期"},
    "fit.epochs_help": {"en": "Book: 400 (1500 for the overfitting case).", "zh": "书中为 400（过拟合情形为 1500）。"},
    "fit.training": {"en": "Training all the models of this sweep at once …", "zh": "正在同时训练这一组的全部模型……"},
    "fit.trained": {
        "en": "All 20 models trained together in {seconds:.2f} s ({epochs} epochs each).",
        "zh": "20 个模型一起训练完成，用时 {seconds:.2f} 秒（各训练 {epochs} 个迭代周期）。",
    },
    "fit.diverged": {
        "en": "Some models diverged (their loss became infinite); they are left out of the charts.",
        "zh": "部分模型发散了（损失变为无穷大），图中已略去。",
    },
    "fit.curves_title": {"en": "k = {k}: loss during training", "zh": "k = {k}：训练过程中的损失"},
    "fit.fit_title": {"en": "k = {k}: the fitted polynomial", "zh": "k = {k}：拟合出的多项式"},
    "fit.final": {
        "en": "After {epochs} epochs: train loss {train:.4g}, test loss {test:.4g} (noise floor σ² = {floor:.4g}).",
        "zh": "训练 {epochs} 个迭代周期后：训练损失 {train:.4g}，测试损失 {test:.4g}（噪声下限 σ² = {floor:.4g}）。",
    },
    # What the shown run shows (exp.judge), with its numbers; "_not": this draw does not show it.
    "fit.verdict.under": {
        "en": "**Underfitting.** With k = {k} features the model cannot express the cubic: after the last epoch "
        "its training loss is still {train}, {ratio}× the 4-feature model's ({train4}), and its test loss {test} "
        "is high too.",
        "zh": "**欠拟合。** 只有 k = {k} 个特征时，模型无法表示这个三次多项式：最后一个迭代周期结束后，训练损失"
        "仍为 {train}，是 4 个特征模型（{train4}）的 {ratio} 倍；测试损失 {test} 同样很高。",
    },
    "fit.verdict.under_not": {
        "en": "k = {k} features cannot express the cubic, but this run does not show underfitting clearly: its "
        "training loss {train} is {ratio}× the 4-feature model's and its test loss {tratio}× (underfitting here "
        "means both at least {under}×).",
        "zh": "k = {k} 个特征无法表示这个三次多项式，但这次运行没有明显的欠拟合：训练损失 {train} 是 4 个特征"
        "模型的 {ratio} 倍，测试损失是 {tratio} 倍（这里的欠拟合指两者都至少是 {under} 倍）。",
    },
    "fit.verdict.right": {
        "en": "**Neither underfitting nor overfitting.** With k = 4 features the model family contains the cubic: "
        "the training loss comes down to {train}, at the noise floor σ² = {floor}, and the test loss {test} stays "
        "close to it ({gap}× the training loss).",
        "zh": "**既没有欠拟合，也没有过拟合。** k = 4 时模型族包含这个三次多项式：训练损失降到 {train}，已到"
        "噪声下限 σ² = {floor}；测试损失 {test} 与之接近（是训练损失的 {gap} 倍）。",
    },
    "fit.verdict.right_not": {
        "en": "With k = 4 features the model family contains the cubic, but this run has not got there: after "
        "{epochs} epochs the training loss is {train} against the noise floor σ² = {floor}, and the test loss "
        "is {test} ({gap}× the training loss). More epochs usually help.",
        "zh": "k = 4 时模型族包含这个三次多项式，但这次运行还没有学到位：训练 {epochs} 个迭代周期后，训练损失为 "
        "{train}（噪声下限 σ² = {floor}），测试损失为 {test}（是训练损失的 {gap} 倍）。增加迭代周期通常会有帮助。",
    },
    "fit.verdict.over": {
        "en": "**Overfitting.** With k = {k} features the model has more weights than the cubic needs, and with "
        "them it can fit the training points without following the curve between and beyond them: the training "
        "loss {train} is far below the test loss {test} ({gap}×). For comparison, the 4-feature model "
        "on the same data: training loss {train4}, test loss {test4}.",
        "zh": "**过拟合。** k = {k} 时模型的权重比三次多项式所需的多，有了这些权重，它可以迁就训练点，却不必贴合"
        "数据点之间和之外的曲线：训练损失 {train} 远低于测试损失 {test}（相差 {gap} 倍）。作为对照，"
        "同一数据上 4 个特征的模型：训练损失 {train4}，测试损失 {test4}。",
    },
    "fit.verdict.over_yardstick": {
        "en": "Here the 4-feature model does no better on the test set: with {n} examples an epoch is only {steps} "
        "SGD step(s), and it has not converged either (4-feature least squares on the same examples: test loss "
        "{ls4}).",
        "zh": "这一次 4 个特征的模型在测试集上也没有更好：只有 {n} 个样本时，一个迭代周期只有 {steps} 步随机梯度"
        "下降，它同样还没有收敛（同样这些样本上 4 个特征的最小二乘解：测试损失 {ls4}）。",
    },
    "fit.verdict.over_not": {
        "en": "k = {k} features are more than the cubic needs, but this draw did not overfit: the test loss {test} "
        "is {gap}× the training loss {train} (overfitting here means at least {need}×).",
        "zh": "k = {k} 个特征比三次多项式所需的多，但这次抽样没有过拟合：测试损失 {test} 是训练损失 {train} 的 "
        "{gap} 倍（这里的过拟合指至少 {need} 倍）。",
    },
    "fit.hint.seed": {
        "en": "Other seeds do: try seed {seed} in the sidebar.",
        "zh": "换别的种子就会出现：在侧边栏试试种子 {seed}。",
    },
    "fit.hint.none_over": {
        "en": "None of seeds {first}–{last} does at these settings: with this many examples SGD barely moves the "
        "weights of the high powers. Fewer training examples do (the overfitting preset uses 10).",
        "zh": "在当前设置下，种子 {first}–{last} 都没有出现：样本这么多时，随机梯度下降几乎推不动高次项的权重。"
        "减少训练样本就会出现（过拟合预设只用 10 个样本）。",
    },
    "fit.hint.none_right": {
        "en": "None of seeds {first}–{last} gets there at these settings: try more epochs.",
        "zh": "在当前设置下，种子 {first}–{last} 都没有学到位：试试增加迭代周期。",
    },
    "fit.hint.none_under": {
        "en": "None of seeds {first}–{last} does at these settings: the 4-feature model may not have converged "
        "either (try more epochs), or the noise hides the cubic (try less noise).",
        "zh": "在当前设置下，种子 {first}–{last} 都没有出现：4 个特征的模型可能也还没有收敛（试试增加迭代周期），"
        "或者噪声掩盖了三次项（试试减小噪声）。",
    },
    "fit.spread.seed": {"en": "seed", "zh": "种子"},
    "fit.spread.gap": {"en": "test ÷ train", "zh": "测试损失 ÷ 训练损失"},
    "fit.spread.test4": {"en": "test loss, 4 features", "zh": "4 个特征的测试损失"},
    "fit.spread.shows_under": {"en": "underfits?", "zh": "欠拟合？"},
    "fit.spread.shows_right": {"en": "fits well?", "zh": "拟合良好？"},
    "fit.spread.shows_over": {"en": "overfits?", "zh": "过拟合？"},
    "fit.yes": {"en": "yes", "zh": "是"},
    "fit.no": {"en": "no", "zh": "否"},
    "fit.spread.caption_under": {
        "en": "The same settings at seeds {first}–{last} (trained together in {seconds:.2f} s): the k = {k} model "
        "underfits at {count} of {total}.",
        "zh": "同样的设置换用种子 {first}–{last}（一起训练，用时 {seconds:.2f} 秒）：k = {k} 的模型在其中 "
        "{count} 个种子上欠拟合（共 {total} 个）。",
    },
    "fit.spread.caption_right": {
        "en": "The same settings at seeds {first}–{last} (trained together in {seconds:.2f} s): the k = {k} model "
        "fits well at {count} of {total}.",
        "zh": "同样的设置换用种子 {first}–{last}（一起训练，用时 {seconds:.2f} 秒）：k = {k} 的模型在其中 "
        "{count} 个种子上拟合良好（共 {total} 个）。",
    },
    "fit.spread.caption_over": {
        "en": "The same settings at seeds {first}–{last} (trained together in {seconds:.2f} s): the k = {k} model "
        "overfits at {count} of {total}.",
        "zh": "同样的设置换用种子 {first}–{last}（一起训练，用时 {seconds:.2f} 秒）：k = {k} 的模型在其中 "
        "{count} 个种子上过拟合（共 {total} 个）。",
    },
    "fit.x": {"en": "x", "zh": "x"},
    "fit.y": {"en": "y", "zh": "y"},
    "fit.series.train_points": {"en": "training points", "zh": "训练点"},
    "fit.series.test_points": {"en": "test points", "zh": "测试点"},
    "fit.series.truth": {"en": "true cubic", "zh": "真实的三次多项式"},
    "fit.series.sgd": {"en": "SGD fit", "zh": "随机梯度下降的拟合"},
    "fit.series.exact": {"en": "least squares", "zh": "最小二乘解"},
    "fit.weights": {"en": "Learned weights against the true ones", "zh": "学到的权重与真实权重"},
    "fit.weights_text": {
        "en": "Exercise 1 of the section: linear regression has a closed-form solution, "
        "ŵ = argmin ‖Xw − y‖² (least squares; the minimum-norm one when k > n). SGD walks towards it; with many "
        "features the high powers barely move in a few hundred epochs, which keeps the SGD fit from the wild "
        "curves least squares can draw.",
        "zh": "本节练习 1：线性回归有解析解 ŵ = argmin ‖Xw − y‖²（最小二乘解；k > n 时取范数最小的那个）。"
        "随机梯度下降朝它逼近；特征很多时，高次项的权重在几百个迭代周期里几乎不动，因此随机梯度下降的拟合"
        "曲线不会像最小二乘解那样剧烈摆动。",
    },
    "fit.col.feature": {"en": "feature", "zh": "特征"},
    "fit.col.true": {"en": "true w", "zh": "真实 w"},
    "fit.col.sgd": {"en": "SGD", "zh": "随机梯度下降"},
    "fit.col.exact": {"en": "least squares", "zh": "最小二乘解"},
    "fit.exact_test": {
        "en": "Least squares with k = {k}: test loss {test:.4g} (SGD: {sgd:.4g}).",
        "zh": "k = {k} 的最小二乘解：测试损失 {test:.4g}（随机梯度下降：{sgd:.4g}）。",
    },
    # Model selection (3.4.2): the validation set chooses, the test set is looked at once.
    "fit.select": {"en": "Choosing k on a validation set", "zh": "用验证集选择 k"},
    "fit.select_text": {
        "en": "To choose among models (here: the number of features), the book holds out a **validation set** "
        f"([3.4.2]({BOOK_34})): the data are split three ways; models are trained on the training set, compared "
        "and chosen on the validation set, and the test set is used **once, at the end**, to report how the "
        "chosen model does. Choosing on the test set would overfit the test set, and no data would be left to "
        "notice it; choosing on the training loss alone would always favour the biggest model. The book admits "
        "that its own experiments blur the line: the accuracy its training code reports as *test* accuracy is, "
        "strictly, **validation accuracy**, since the same data guide the choice of settings. Here {n_val} "
        "validation examples, drawn like the others, choose k:",
        "zh": "要在几个模型之间做选择（这里是选特征数），书中另外留出一个**验证集**"
        f"（[3.4.2 节]({BOOK_34})）：把数据分成三份，在训练集上训练模型，在验证集上比较和选择模型，测试集只在"
        "**最后用一次**，报告所选模型的表现。如果用测试集来选模型，就可能过拟合测试集，而且再也没有数据能发现"
        "这一点；只看训练损失来选，又总会偏向最大的模型。书中也承认，它自己的实验模糊了这条界线：训练代码中"
        "报告的“测试精度”，严格说来是**验证集精度**，因为正是这些数据在指导超参数的选择。这里用 {n_val} 个"
        "验证样本（与其他样本同样抽取）来选 k：",
    },
    "fit.select_pick": {
        "en": "The validation set picks **k = {k}** (validation loss {val:.3g}).",
        "zh": "验证集选出 **k = {k}**（验证损失 {val:.3g}）。",
    },
    "fit.select_exact": {"en": "That is exactly the cubic's number of terms.", "zh": "这恰好是三次多项式的项数。"},
    "fit.select_close": {
        "en": "That is close to the cubic's 4 terms (at most {close} features).",
        "zh": "这与三次多项式的 4 项很接近（不超过 {close} 个特征）。",
    },
    "fit.select_many": {
        "en": "That is more features than the cubic's 4 terms: this time the simplest model that fits did not "
        "win (its loss at k = 4: {val4:.3g}).",
        "zh": "这比三次多项式的 4 项多出不少：这次能拟合数据的最简单模型没有胜出（它在 k = 4 时的损失为 {val4:.3g}）。",
    },
    "fit.select_too_few": {
        "en": "That model has too few features for the cubic: the choice was misled (try another seed or more "
        "examples).",
        "zh": "这个模型的特征太少，表示不了这个三次多项式：这次选择被误导了（换个种子或增加样本试试）。",
    },
    "fit.select_test": {
        "en": "Only now the test set, once: the k = {k} model's test loss is **{test:.3g}** (its validation loss "
        "was {val:.3g}).",
        "zh": "直到这时才用测试集，而且只用一次：k = {k} 模型的测试损失为 **{test:.3g}**（验证损失为 {val:.3g}）。",
    },
    "fit.select_spread": {
        "en": "At seeds {first}–{last} the validation set picks k = {picks}.",
        "zh": "种子 {first}–{last} 时，验证集选出的 k 依次为 {picks}。",
    },
    "fit.early_text": {
        "en": "**Early stopping.** The number of training iterations is part of a model's complexity too: the book "
        "counts a network that needs early stopping (fewer epochs) as less complex. The same validation set can "
        "decide when to stop: keep the weights of the epoch with the lowest validation loss.",
        "zh": "**早停。** 训练迭代的次数也是模型复杂性的一部分：书中认为需要早停（即迭代周期较少）的模型没那么"
        "复杂。同一个验证集也可以决定何时停止训练：保留验证损失最低的那个迭代周期的权重。",
    },
    "fit.early_lower": {
        "en": "For the k = {k} model the validation loss was lowest at epoch {epoch} of {epochs} ({val:.3g}); "
        "stopping there would have given a test loss of {test:.3g}, lower than the {end:.3g} after the last "
        "epoch (we look at the test loss here only to show what stopping early would have done).",
        "zh": "k = {k} 的模型在第 {epoch} 个迭代周期（共 {epochs} 个）验证损失最低（{val:.3g}）；在那里停止，"
        "测试损失会是 {test:.3g}，低于训练到最后的 {end:.3g}（这里看测试损失，只是为了展示早停的效果）。",
    },
    "fit.early_higher": {
        "en": "For the k = {k} model the validation loss was lowest at epoch {epoch} of {epochs} ({val:.3g}); "
        "stopping there would have given a test loss of {test:.3g}, higher this time than the {end:.3g} after "
        "the last epoch: the validation set is small, and where its loss is lowest is partly luck (we look at "
        "the test loss here only to show what stopping early would have done).",
        "zh": "k = {k} 的模型在第 {epoch} 个迭代周期（共 {epochs} 个）验证损失最低（{val:.3g}）；在那里停止，"
        "测试损失会是 {test:.3g}，这次反而高于训练到最后的 {end:.3g}：验证集很小，它的损失在哪里最低有一部分是"
        "运气（这里看测试损失，只是为了展示早停的效果）。",
    },
    "fit.early_none": {
        "en": "For the k = {k} model the validation loss was lowest at the last epoch ({epochs}): early stopping "
        "would not have stopped sooner.",
        "zh": "k = {k} 的模型到最后一个迭代周期（第 {epochs} 个）验证损失仍是最低：早停不会提前结束训练。",
    },
    "fit.tab.capacity": {"en": "Model complexity: number of features", "zh": "模型复杂性：特征数"},
    "fit.tab.size": {"en": "Training-set size", "zh": "训练集大小"},
    "fit.tab.kfold": {"en": "K-fold cross-validation", "zh": "K 折交叉验证"},
    "fit.tab.d200": {"en": "d = 200, few examples", "zh": "d = 200，样本很少"},
    "fit.capacity_text": {
        "en": "What makes a model complex has no single answer; 3.4 names the factors that tend to matter: the "
        "**number of adjustable parameters** (its degrees of freedom: here k), the **range of values the "
        "parameters take** (larger weights, a more complex model: what weight decay limits, 3.5), the **number "
        "of training examples** (even a simple model overfits one or two examples, while overfitting millions "
        "takes a very flexible one), and for neural networks the **number of training iterations** (a model that "
        "needs early stopping counts as less complex). Exercise 2: the final training and test loss of all 20 "
        "models (the ones trained above) against k, beside least squares, the exact minimiser of the training "
        "loss. For least squares the textbook picture holds: the training loss only falls as k grows. SGD with "
        "a few hundred epochs barely moves the weights of the high powers, so its big models stay close to "
        "where they started. (Plotting the test loss against k is the exercise; choosing k by it is not: that "
        "is the validation set's job.)",
        "zh": "什么构成模型复杂性，并没有唯一的答案；3.4 节列出了几个往往起作用的因素：**可调整参数的数量**"
        "（即自由度，这里就是 k）、**参数的取值范围**（权重的取值范围越大，模型可能越复杂，这正是权重衰减"
        "要限制的，见 3.5 节）、**训练样本的数量**（即使是简单的模型，也很容易过拟合只有一两个样本的数据集，"
        "而过拟合数百万个样本则需要极其灵活的模型），以及对神经网络来说的**训练迭代次数**（需要早停的模型被"
        "认为不那么复杂）。练习 2：上面一起训练的 20 个模型的最终训练损失和测试损失随 k 的变化，旁边是最小"
        "二乘解（训练损失的精确最小值）。对最小二乘解，教科书上的图景成立：k 越大，训练损失只降不升。而训练"
        "几百个迭代周期的随机梯度下降几乎推不动高次项的权重，所以大模型离初始值不远。（按练习画出测试损失"
        "随 k 的变化没有问题；但不能用它来选 k，那是验证集的事。）",
    },
    "fit.capacity_x": {"en": "number of features k", "zh": "特征数 k"},
    "fit.final_loss": {"en": "final loss (log scale)", "zh": "最终损失（对数坐标）"},
    "fit.ls20_through": {
        "en": "Least squares with all 20 features has at least as many weights as there are training points "
        "({n}), so it can pass through every one of them: training loss {train:.3g}, test loss {test:.3g} "
        "(least squares with 4 features: {test4:.3g}).",
        "zh": "用全部 20 个特征的最小二乘解，权重个数不少于训练点数（{n} 个），因此能穿过每一个训练点：训练损失 "
        "{train:.3g}，测试损失 {test:.3g}（4 个特征的最小二乘解：{test4:.3g}）。",
    },
    "fit.ls20_cannot": {
        "en": "Least squares with all 20 features (a degree-19 polynomial) cannot pass through all {n} training "
        "points, but it has the lowest training loss of the 20 least-squares fits: {train:.3g}; its test loss "
        "is {test:.3g} (least squares with 4 features: {test4:.3g}).",
        "zh": "用全部 20 个特征的最小二乘解（一个 19 次多项式）无法穿过全部 {n} 个训练点，但它在 20 个最小二乘解中"
        "训练损失最低：{train:.3g}；测试损失为 {test:.3g}（4 个特征的最小二乘解：{test4:.3g}）。",
    },
    "fit.series.exact_train": {"en": "least squares, train", "zh": "最小二乘解，训练"},
    "fit.series.exact_test": {"en": "least squares, test", "zh": "最小二乘解，测试"},
    "fit.size_text": {
        "en": "Exercise 2: the k = {k} model on training sets of 10 to 1000 examples (nested: each contains the "
        "smaller ones), all trained together with the settings above.",
        "zh": "练习 2：k = {k} 的模型在 10 到 1000 个样本的训练集上（嵌套：大训练集包含小训练集），用上面的设置"
        "一起训练。",
    },
    "fit.size_x": {"en": "training examples (log scale)", "zh": "训练样本数（对数坐标）"},
    "fit.size_closes": {
        "en": "Test loss ÷ training loss: {g0:.3g} with {n0} examples, {g1:.3g} with {n1}: more data closed the gap.",
        "zh": "测试损失 ÷ 训练损失：{n0} 个样本时为 {g0:.3g}，{n1} 个样本时为 {g1:.3g}：数据越多，差距越小。",
    },
    "fit.size_open": {
        "en": "Test loss ÷ training loss: {g0:.3g} with {n0} examples, {g1:.3g} with {n1}: here more data did not "
        "close the gap.",
        "zh": "测试损失 ÷ 训练损失：{n0} 个样本时为 {g0:.3g}，{n1} 个样本时为 {g1:.3g}：这次更多的数据没有缩小差距。",
    },
    "fit.size_done": {
        "en": "{count} training-set sizes trained together in {seconds:.2f} s.",
        "zh": "{count} 种训练集大小一起训练，用时 {seconds:.2f} 秒。",
    },
    "fit.kfold_text": {
        "en": "When training data are scarce, there may not be enough to hold out a proper validation set. "
        f"**K-fold cross-validation** ([3.4.2]({BOOK_34})) reuses the training set: split it into K "
        "non-overlapping folds, train K times on K − 1 folds and validate on the remaining one, then average "
        "the K results. Here every fold × every k (K × 20 models) trains in one computation.",
        "zh": "训练数据稀缺时，可能连一个像样的验证集都凑不出来。**K 折交叉验证**"
        f"（[3.4.2 节]({BOOK_34})）重复利用训练集：把它分成 K 个不重叠的子集，训练 K 次，每次在 K − 1 个子集上"
        "训练、在剩下的那个子集上验证，最后对 K 次的结果取平均。这里每一折 × 每个 k（共 K × 20 个模型）在"
        "一次计算中训练完成。",
    },
    "fit.k_folds": {"en": "K (folds)", "zh": "K（折数）"},
    "fit.k_folds_help": {
        "en": "K = number of training examples is leave-one-out.",
        "zh": "K 等于训练样本数时即为留一法。",
    },
    "fit.kfold_pick": {"en": "K-fold picks **k = {picked}**.", "zh": "K 折交叉验证选出 **k = {picked}**。"},
    "fit.kfold_info": {
        "en": "The separate validation set picked k = {held}. Folds of {sizes} examples; {models} models in "
        "{seconds:.2f} s.",
        "zh": "单独的验证集选出的是 k = {held}。每折 {sizes} 个样本；{models} 个模型，用时 {seconds:.2f} 秒。",
    },
    "fit.kfold_invalid": {
        "en": "K = {k} folds need at least {k} training examples; there are {n}. Lower K or add examples.",
        "zh": "K = {k} 折至少需要 {k} 个训练样本，目前只有 {n} 个。请减小 K 或增加样本。",
    },
    "fit.series.kfold_val": {"en": "K-fold validation (mean)", "zh": "K 折验证（平均）"},
    "fit.series.kfold_train": {"en": "K-fold training (mean)", "zh": "K 折训练（平均）"},
    "fit.fold": {"en": "fold", "zh": "折"},
    "fit.folds_title": {
        "en": "k = {k}: train and validation loss per fold",
        "zh": "k = {k}：每一折的训练损失与验证损失",
    },
    "fit.series.val": {"en": "validation loss", "zh": "验证损失"},
    "fit.d200_text": {
        "en": "Section 3.5's data: 200 inputs, $y = 0.05 + \\sum_i 0.01 x_i + \\epsilon$, a linear model (no "
        "weight decay here) trained as 3.5 trains it from scratch: SGD, learning rate 0.003, batch 5, 100 epochs, "
        "$\\mathbf w \\sim \\mathcal N(0, 1)$ at the start. With fewer examples than its 201 parameters the "
        "model can fit the training set exactly.",
        "zh": "第 3.5 节的数据：200 个输入，$y = 0.05 + \\sum_i 0.01 x_i + \\epsilon$，线性模型（这里不用权重"
        "衰减），按 3.5 节从零开始实现的方式训练：随机梯度下降，学习率 0.003，批量大小 5，100 个迭代周期，"
        "初始 $\\mathbf w \\sim \\mathcal N(0, 1)$。样本数少于 201 个参数时，模型可以精确拟合训练集。",
    },
    "fit.d200_n": {"en": "training examples (book: 20)", "zh": "训练样本数（书中为 20）"},
    "fit.d200_title": {"en": "n = {n}: loss during training", "zh": "n = {n}：训练过程中的损失"},
    "fit.d200_sizes": {"en": "after 100 epochs, by training-set size", "zh": "100 个迭代周期后，随训练集大小的变化"},
    "fit.d200_done": {
        "en": "{count} sizes trained together in {seconds:.2f} s.",
        "zh": "{count} 种大小一起训练，用时 {seconds:.2f} 秒。",
    },
    "fit.d200_over_few": {
        "en": "n = {n}: **overfitting**: training loss {train}, test loss {test} ({gap}× the training loss). With "
        "{n} examples for 201 parameters the model can fit the training set exactly, and nothing pins the "
        "weights down anywhere else.",
        "zh": "n = {n}：**过拟合**：训练损失 {train}，测试损失 {test}（是训练损失的 {gap} 倍）。{n} 个样本对 201 个"
        "参数，模型能精确拟合训练集，而在训练集之外没有任何东西约束这些权重。",
    },
    "fit.d200_over": {
        "en": "n = {n}: **overfitting** by the book's definition: training loss {train}, test loss {test} ({gap}× "
        "the training loss).",
        "zh": "n = {n}：按书中的定义属于**过拟合**：训练损失 {train}，测试损失 {test}（是训练损失的 {gap} 倍）。",
    },
    "fit.d200_fine": {
        "en": "n = {n}: no overfitting: training loss {train}, test loss {test} ({gap}× the training loss): {n} "
        "examples pin the 201 parameters down.",
        "zh": "n = {n}：没有过拟合：训练损失 {train}，测试损失 {test}（是训练损失的 {gap} 倍）：{n} 个样本把 201 个"
        "参数确定了下来。",
    },
    "fit.loss_linear": {"en": "loss", "zh": "损失"},
    "fit.d200_peak": {
        "en": "After 100 epochs the training loss is highest at n = {peak} ({value:.3g}), near the 201 parameters: "
        "there the training set can only just be fitted exactly, and SGD converges slowest. With fewer examples "
        "the model interpolates the data; with more, the data pin the weights down.",
        "zh": "100 个迭代周期后，训练损失在 n = {peak} 处最高（{value:.3g}），接近参数个数 201：这时训练集刚好"
        "勉强能被精确拟合，随机梯度下降收敛得最慢。样本更少时，模型直接穿过所有数据点；样本更多时，数据把权重"
        "确定了下来。",
    },
    "fit.d200_peak_elsewhere": {
        "en": "After 100 epochs the training loss is highest at n = {peak} ({value:.3g}).",
        "zh": "100 个迭代周期后，训练损失在 n = {peak} 处最高（{value:.3g}）。",
    },
    "fit.series.norm": {"en": "‖w‖", "zh": "‖w‖"},
    "fit.series.zeros": {"en": "weights exactly 0", "zh": "恰好为 0 的权重"},
    # Text alternatives of the charts (a11y.chart): what each shows, with the run's numbers.
    "fit.alt.curves": {
        "en": "{title}: over {epochs} epochs the training loss goes from {train0} to {train1} and the test loss "
        "from {test0} to {test1} (log scale).",
        "zh": "{title}：{epochs} 个迭代周期中，训练损失从 {train0} 变为 {train1}，测试损失从 {test0} 变为 {test1}"
        "（对数坐标）。",
    },
    "fit.alt.fit": {
        "en": "The k = {k} fits (SGD and least squares) beside the true cubic, for x from {lo} to {hi}, with {n} "
        "training and {m} test points. Test loss: SGD {test}, least squares {exact}.",
        "zh": "k = {k} 的拟合曲线（随机梯度下降与最小二乘解）和真实的三次多项式，x 从 {lo} 到 {hi}，另有 {n} 个"
        "训练点和 {m} 个测试点。测试损失：随机梯度下降 {test}，最小二乘解 {exact}。",
    },
    "fit.alt.capacity": {
        "en": "Final losses against the number of features k. SGD: training loss {tr1} at k = 1, {tr4} at k = 4, "
        "{tr20} at k = 20; test loss {te1}, {te4} and {te20}. Least squares: training loss {ls4} at k = 4 and "
        "{ls20} at k = 20; test loss {lst4} and {lst20}.",
        "zh": "最终损失随特征数 k 的变化。随机梯度下降：训练损失在 k = 1 时为 {tr1}，k = 4 时为 {tr4}，k = 20 时"
        "为 {tr20}；测试损失依次为 {te1}、{te4}、{te20}。最小二乘解：k = 4 与 k = 20 时训练损失为 {ls4} 与 "
        "{ls20}，测试损失为 {lst4} 与 {lst20}。",
    },
    "fit.alt.validation": {
        "en": "Training and validation loss against k: the validation loss is {val1} at k = 1, lowest at k = "
        "{picked} ({val}; training loss {train}) and {val20} at k = 20.",
        "zh": "训练损失和验证损失随 k 的变化：验证损失在 k = 1 时为 {val1}，在 k = {picked} 时最低（{val}；"
        "训练损失 {train}），k = 20 时为 {val20}。",
    },
    "fit.alt.size": {
        "en": "The k = {k} model by training-set size: with {n0} examples training loss {train0} and test loss "
        "{test0}; with {n1}, training loss {train1} and test loss {test1}.",
        "zh": "k = {k} 的模型随训练集大小的变化：{n0} 个样本时训练损失 {train0}、测试损失 {test0}；{n1} 个样本时"
        "训练损失 {train1}、测试损失 {test1}。",
    },
    "fit.alt.kfold": {
        "en": "Mean {folds}-fold training and validation loss against k, beside the separate validation set's "
        "loss: the K-fold validation loss is lowest at k = {picked} ({val}); the separate validation set picked "
        "k = {held}.",
        "zh": "{folds} 折的平均训练损失和平均验证损失随 k 的变化，旁边是单独验证集上的损失：K 折验证损失在 "
        "k = {picked} 时最低（{val}）；单独的验证集选的是 k = {held}。",
    },
    "fit.alt.folds": {
        "en": "The k = {k} model in each of the {folds} folds: validation loss from {lo} to {hi}, mean training "
        "loss {train}.",
        "zh": "k = {k} 的模型在 {folds} 折中的表现：验证损失从 {lo} 到 {hi}，平均训练损失 {train}。",
    },
    "fit.alt.d200": {
        "en": "After 100 epochs, by training-set size: with {n0} examples training loss {train0} and test loss "
        "{test0}; with {n1}, training loss {train1} and test loss {test1}; the training loss is highest at "
        "n = {peak}.",
        "zh": "100 个迭代周期后随训练集大小的变化：{n0} 个样本时训练损失 {train0}、测试损失 {test0}；{n1} 个样本时"
        "训练损失 {train1}、测试损失 {test1}；训练损失在 n = {peak} 处最高。",
    },
}

_CLAIM_TOLERANCE = {"en": "at least 75% of seeds 0-7", "zh": "种子 0-7 中至少 75%"}

# The words of this topic's rows of the reproduce registry (mlp_lab.checks): check.<id>.quantity,
# .source (what the source says, or for a claim the page's sentence) and .tolerance.
STRINGS |= {
    "check.fitting.poly_normal_weights.quantity": {
        "en": "4-feature polynomial fit at the page's defaults (seed 0): the learned weights",
        "zh": "本页默认设置（种子 0）下 4 个特征的多项式拟合：学到的权重",
    },
    "check.fitting.poly_normal_weights.source": {
        "en": "3.4.4: the learned parameters are close to the true values w = [5, 1.2, -3.4, 5.6]",
        "zh": "3.4.4 节：学习到的模型参数接近真实值 w = [5, 1.2, -3.4, 5.6]",
    },
    "check.fitting.poly_normal_weights.tolerance": {
        "en": "each within 0.35 of the true weight (seeds 0-4: up to 0.32 off; SGD at 400 epochs has not always "
        "reached least squares)",
        "zh": "每个权重与真实值相差不超过 0.35（种子 0-4：最多相差 0.32；训练 400 个迭代周期的随机梯度下降并不"
        "总能到达最小二乘解）",
    },
    "check.fitting.degree_sweep.quantity": {
        "en": "max |weight difference| after 400 epochs (lr 0.01, batch 10), 2, 4 and 20 features: the page's "
        "batched sweep against the book's loop, one nn.Linear at a time (same data, start and minibatches)",
        "zh": "训练 400 个迭代周期（学习率 0.01，批量大小 10）后 2、4、20 个特征的权重之差的最大值：本页的批量计算"
        "与书中逐个模型训练的 nn.Linear 循环相比（相同的数据、初值和小批量）",
    },
    "check.fitting.degree_sweep.source": {
        "en": "3.4.4: one training loop per model (the same models)",
        "zh": "3.4.4 节：每个模型一个训练循环（同样的模型）",
    },
    "check.fitting.degree_sweep.tolerance": {
        "en": "< 2e-4 (float32 rounding over 4000 steps; seeds 0-4: 3.4e-5 to 6.4e-5)",
        "zh": "< 2e-4（4000 步的 float32 舍入误差；种子 0-4：3.4e-5 至 6.4e-5）",
    },
    "check.fitting.poly_normal.quantity": {
        "en": "4 features at the page's defaults: the share of seeds whose run fits well (training loss at most "
        "1.5 σ² + 0.001, test loss under 2× the training loss)",
        "zh": "本页默认设置下的 4 个特征：拟合良好的种子所占比例（训练损失不超过 1.5σ² + 0.001，测试损失低于"
        "训练损失的 2 倍）",
    },
    "check.fitting.poly_normal.source": {
        "en": "“Neither underfitting nor overfitting: the training loss comes down to the noise floor, and the "
        "test loss stays close to it.”",
        "zh": "“既没有欠拟合，也没有过拟合：训练损失降到噪声下限，测试损失与之接近。”",
    },
    "check.fitting.poly_normal.tolerance": _CLAIM_TOLERANCE,
    "check.fitting.poly_underfit.quantity": {
        "en": "2 features (the underfitting preset): the share of seeds whose training and test loss both stay at "
        "least 10× the 4-feature model's",
        "zh": "2 个特征（欠拟合预设）：训练损失和测试损失都至少是 4 个特征模型 10 倍的种子所占比例",
    },
    "check.fitting.poly_underfit.source": {
        "en": "“Underfitting: after the last epoch the training loss is still high, and the test loss too.”",
        "zh": "“欠拟合：最后一个迭代周期结束后，训练损失仍然很高，测试损失同样很高。”",
    },
    "check.fitting.poly_underfit.tolerance": _CLAIM_TOLERANCE,
    "check.fitting.poly_overfit.quantity": {
        "en": "20 features, 10 training examples, 1500 epochs (the overfitting preset): the share of seeds whose "
        "test loss is at least 2× the training loss",
        "zh": "20 个特征、10 个训练样本、1500 个迭代周期（过拟合预设）：测试损失至少是训练损失 2 倍的种子所占比例",
    },
    "check.fitting.poly_overfit.source": {
        "en": "“Overfitting: the training loss is far below the test loss.”",
        "zh": "“过拟合：训练损失远低于测试损失。”",
    },
    "check.fitting.poly_overfit.tolerance": _CLAIM_TOLERANCE,
    "check.fitting.validation_pick.quantity": {
        "en": "At the page's defaults: the share of seeds whose validation set picks 4 to 6 features (a pick at "
        "random would land there 3 times in 20)",
        "zh": "本页默认设置下：验证集选出 4 到 6 个特征的种子所占比例（随机选的话，20 次中只有 3 次落在这里）",
    },
    "check.fitting.validation_pick.source": {
        "en": "“The validation set picks k = …: exactly the cubic's number of terms, or close to it.”",
        "zh": "“验证集选出 k = …：恰好是三次多项式的项数，或与之很接近。”",
    },
    "check.fitting.validation_pick.tolerance": _CLAIM_TOLERANCE,
    "check.fitting.kfold.quantity": {
        "en": "At the page's defaults (K = 5): the share of seeds for which K-fold cross-validation picks 4 to 6 "
        "features (over 16 seeds: its pick among the nearly equal k ≥ 4 models is noisy)",
        "zh": "本页默认设置下（K = 5）：K 折交叉验证选出 4 到 6 个特征的种子所占比例（取 16 个种子：在几乎一样好的 "
        "k ≥ 4 的模型之间，它的选择波动较大）",
    },
    "check.fitting.kfold.source": {
        "en": "“K-fold picks k = …: exactly the cubic's number of terms, or close to it.”",
        "zh": "“K 折交叉验证选出 k = …：恰好是三次多项式的项数，或与之很接近。”",
    },
    "check.fitting.kfold.tolerance": {"en": "at least 75% of seeds 0-15", "zh": "种子 0-15 中至少 75%"},
    "check.fitting.d200_overfit.quantity": {
        "en": "3.5's data (d = 200, no weight decay) with the book's 20 training examples: the share of seeds "
        "whose test loss is at least 2× the training loss",
        "zh": "3.5 节的数据（d = 200，不用权重衰减），用书中的 20 个训练样本：测试损失至少是训练损失 2 倍的种子"
        "所占比例",
    },
    "check.fitting.d200_overfit.source": {
        "en": "“n = 20: overfitting: with 20 examples for 201 parameters the model can fit the training set exactly.”",
        "zh": "“n = 20：过拟合：20 个样本对 201 个参数，模型能精确拟合训练集。”",
    },
    "check.fitting.d200_overfit.tolerance": _CLAIM_TOLERANCE,
    # --- learn by doing (issue 15): predictions and a challenge --------------------------------------
    "learn.fit.axis.model": {"en": "features k (the book's three models)", "zh": "特征数 k（书中的三个模型）"},
    "learn.fit.axis.gap": {"en": "test loss ÷ training loss", "zh": "测试损失 ÷ 训练损失"},
    "learn.fit.axis.pick": {"en": "number of features k", "zh": "特征数 k"},
    "learn.fit.axis.cv_loss": {"en": "mean validation loss over the K folds", "zh": "K 折上的平均验证损失"},
    "learn.fit.axis.n": {"en": "training examples n", "zh": "训练样本数 n"},
    "learn.fit.axis.log_gap": {"en": "log₁₀(test loss ÷ training loss)", "zh": "log₁₀(测试损失 ÷ 训练损失)"},
    "learn.fit.which_overfits.q": {
        "en": "With {n} training examples, noise σ = {noise:g} and {epochs} epochs: which of the book's three "
        "models ends with its test loss furthest above its training loss (the largest test ÷ training ratio)?",
        "zh": "{n} 个训练样本、噪声 σ = {noise:g}、{epochs} 个迭代周期：书中的三个模型里，哪一个训练结束时"
        "测试损失比训练损失高得最多（测试损失 ÷ 训练损失最大）？",
    },
    "learn.fit.which_overfits.c.2": {"en": "2 features (a line)", "zh": "2 个特征（直线）"},
    "learn.fit.which_overfits.c.4": {"en": "4 features (the cubic)", "zh": "4 个特征（三次多项式）"},
    "learn.fit.which_overfits.c.20": {"en": "20 features", "zh": "20 个特征"},
    "learn.fit.which_overfits.why_over": {
        "en": "The {k}-feature model's test loss {test:.3g} is {ratio:.1f}× its training loss {train:.3g}: with only "
        "{n} examples it has fitted their noise, which is what overfitting means.",
        "zh": "{k} 个特征的模型测试损失 {test:.3g} 是训练损失 {train:.3g} 的 {ratio:.1f} 倍：只有 {n} 个样本，"
        "它连样本里的噪声也拟合了，这就是过拟合。",
    },
    "learn.fit.which_overfits.why_none": {
        "en": "None of them overfits here: the largest ratio, the {k}-feature model's, is only {ratio:.2f} (under "
        "{gap:g}×). {n} examples pin the weights down, and SGD at learning rate 0.01 barely moves the high powers' "
        "weights anyway: overfitting needs more capacity than the data can pin down (try 10 examples, 1500 epochs).",
        "zh": "这里没有一个模型过拟合：比值最大的是 {k} 个特征的模型，也只有 {ratio:.2f}（不到 {gap:g} 倍）。"
        "{n} 个样本约束住了权重，而且学习率 0.01 的随机梯度下降本来就几乎推不动高次项的权重：只有模型容量超过"
        "数据能约束的程度才会过拟合（试试 10 个样本、1500 个迭代周期）。",
    },
    "learn.fit.which_overfits.why_other": {
        "en": "The {k}-feature model has the largest ratio ({ratio:.1f}×), but its training loss {train:.3g} is "
        "itself far above the noise floor: it is too small for the cubic, and on {n} examples its two losses "
        "differ by the luck of the draw.",
        "zh": "{k} 个特征的模型比值最大（{ratio:.1f} 倍），但它的训练损失 {train:.3g} 本身就远高于噪声下限："
        "它对三次多项式来说太小了，在 {n} 个样本上两个损失的差别取决于抽样的运气。",
    },
    "learn.fit.kfold_pick.q": {
        "en": "{K}-fold cross-validation on {n} training examples ({epochs} epochs): how many features does it pick?",
        "zh": "在 {n} 个训练样本上做 {K} 折交叉验证（{epochs} 个迭代周期）：它会选出多少个特征？",
    },
    "learn.fit.kfold_pick.c.too_few": {"en": "fewer than 4", "zh": "少于 4 个"},
    "learn.fit.kfold_pick.c.exact": {"en": "exactly 4 (the cubic)", "zh": "正好 4 个（三次多项式）"},
    "learn.fit.kfold_pick.c.close": {"en": "5 or 6", "zh": "5 或 6 个"},
    "learn.fit.kfold_pick.c.many": {"en": "7 or more", "zh": "7 个或更多"},
    "learn.fit.kfold_pick.why": {
        "en": "K-fold picks k = {k} (mean validation loss {val:.3g}; the cubic's 4 features: {val4:.3g}): each "
        "of the {K} models trains on the other folds and is scored on the fold it never saw.",
        "zh": "K 折交叉验证选出 k = {k}（平均验证损失 {val:.3g}；三次多项式的 4 个特征：{val4:.3g}）：{K} 个模型"
        "各自在其余各折上训练，再在没见过的那一折上评分。",
    },
    "learn.fit.kfold_pick.why_many": {
        "en": "K-fold picks k = {k} (mean validation loss {val:.3g} against {val4:.3g} for the cubic's 4 features): "
        "with {n} examples each held-out fold is tiny, so its loss is noisy and a model with needless features "
        "can win by luck.",
        "zh": "K 折交叉验证选出 k = {k}（平均验证损失 {val:.3g}，三次多项式的 4 个特征为 {val4:.3g}）：只有 {n} "
        "个样本时，每个留出的折都很小，损失的波动很大，多余特征的模型也可能碰巧胜出。",
    },
    "learn.fit.d200_gap.q": {
        "en": "The d = 200 model ({params} parameters) trained on n = {n} examples: by how many powers of ten does "
        "its test loss exceed its training loss (log₁₀ of test ÷ training)?",
        "zh": "d = 200 的模型（{params} 个参数）在 n = {n} 个样本上训练：它的测试损失比训练损失高出几个数量级"
        "（测试损失 ÷ 训练损失的 log₁₀）？",
    },
    "learn.fit.d200_gap.why_few": {
        "en": "Training loss {train:.2g}, test loss {test:.3g}: {ratio:.3g}× apart. With {n} examples for {params} "
        "parameters the model can fit the training set exactly, noise included, and has learned nothing that "
        "generalises.",
        "zh": "训练损失 {train:.2g}，测试损失 {test:.3g}：相差 {ratio:.3g} 倍。{n} 个样本对 {params} 个参数，"
        "模型能把训练集（连同噪声）拟合得分毫不差，却没有学到能泛化的东西。",
    },
    "learn.fit.d200_gap.why_many": {
        "en": "Training loss {train:.2g}, test loss {test:.3g}: only {ratio:.3g}× apart. With {n} examples, more "
        "than the {params} parameters, the data pin the weights down and the gap closes.",
        "zh": "训练损失 {train:.2g}，测试损失 {test:.3g}：只相差 {ratio:.3g} 倍。{n} 个样本多于 {params} 个参数，"
        "数据约束住了权重，差距随之缩小。",
    },
    "learn.fit.big_at_floor.goal": {
        "en": "Keep the book's noise σ = {noise:g} and use at least {min_k} features, far more than the cubic needs; "
        "by changing only the amount of data and the epochs, bring the test loss within {within:.0%} of the "
        "noise floor σ² = {floor:g}.",
        "zh": "保持书中的噪声 σ = {noise:g}，使用至少 {min_k} 个特征（远多于三次多项式所需）；只改变数据量和"
        "迭代周期，让测试损失与噪声下限 σ² = {floor:g} 相差不超过 {within:.0%}。",
    },
    "learn.fit.big_at_floor.passed": {
        "en": "The {k}-feature model's test loss {test:.4g} is {above:+.0%} from the noise floor {floor:g} "
        "({n} examples, {epochs} epochs): enough data tames a model far bigger than the truth.",
        "zh": "{k} 个特征的模型测试损失 {test:.4g}，与噪声下限 {floor:g} 相差 {above:+.0%}（{n} 个样本，"
        "{epochs} 个迭代周期）：数据足够时，远大于真实函数的模型也能被驯服。",
    },
    "learn.fit.big_at_floor.off": {
        "en": "The {k}-feature model's test loss {test:.4g} is {above:.0%} above the noise floor {floor:g}; it must "
        "be within {within:.0%}.",
        "zh": "{k} 个特征的模型测试损失 {test:.4g}，比噪声下限 {floor:g} 高 {above:.0%}；需要在 {within:.0%} 以内。",
    },
    "learn.fit.big_at_floor.features": {
        "en": "The shown model has {k} features; the challenge needs at least {min_k}.",
        "zh": "当前模型只有 {k} 个特征；本挑战要求至少 {min_k} 个。",
    },
    "learn.fit.big_at_floor.noise": {
        "en": "The noise must stay the book's σ = {noise:g}: more noise raises the floor and hides the excess.",
        "zh": "噪声必须保持书中的 σ = {noise:g}：噪声越大，下限越高，多出来的误差就被掩盖了。",
    },
    "learn.fit.big_at_floor.hint1": {
        "en": "The training-set size tab shows how the test loss falls as examples are added.",
        "zh": "“训练集大小”选项卡显示了增加样本时测试损失如何下降。",
    },
    "learn.fit.big_at_floor.hint2": {
        "en": "Try a few hundred training examples; more epochs also let SGD settle the extra weights.",
        "zh": "试试几百个训练样本；更多的迭代周期也能让随机梯度下降把多余的权重调稳。",
    },
    # --- the book's exercises (3.4.1 - 3.4.4) ---------------------------------------------------------
    "fit.ex.scaling": {"en": "feature scaling", "zh": "特征缩放"},
    "fit.ex.scaling_help": {
        "en": "x^i/i!: the book's features; x^i: the raw powers; z-score: each power shifted and divided so that "
        "it has mean 0 and standard deviation 1 on the training set (x^0 stays 1).",
        "zh": "x^i/i!：书中的特征；x^i：不缩放的幂；z-score：每个幂减去训练集上的均值、除以标准差，"
        "使其均值为 0、标准差为 1（x^0 仍为 1）。",
    },
    "ex.3.4.1.title": {"en": "An exact solution?", "zh": "能精确求解吗？"},
    "ex.3.4.1.q": {
        "en": "The polynomial model is trained by SGD. Could its best weights be computed directly instead? "
        "Think of linear algebra.",
        "zh": "这里的多项式模型是用随机梯度下降训练的。能不能直接算出最优的权重？想想线性代数。",
    },
    "ex.3.4.1.answer": {
        "en": "Yes. The model $\\hat y = X\\mathbf{w}$ is **linear in the weights** (the powers $x^i/i!$ are just fixed "
        "columns of $X$), so the training loss $\\frac1n\\|X\\mathbf{w} - \\mathbf{y}\\|^2$ is a quadratic bowl in "
        "$\\mathbf{w}$. Its gradient $\\frac2n X^\\top(X\\mathbf{w} - \\mathbf{y})$ vanishes exactly where\n\n"
        "$X^\\top X\\,\\mathbf{w} = X^\\top\\mathbf{y}$ (the **normal equations**), so "
        "$\\mathbf{w}^* = (X^\\top X)^{-1}X^\\top\\mathbf{y}$ when $X^\\top X$ is invertible.\n\n"
        "That is the point SGD walks towards (the table of learned weights above shows both). Two caveats: "
        "with fewer examples than features ($n < k$) $X^\\top X$ is singular and infinitely many $\\mathbf{w}$ fit "
        "the training set exactly (least squares picks the one of minimum norm); and for large $k$ the columns "
        "$x^i/i!$ are nearly dependent, so $X^\\top X$ is badly conditioned (its condition number is in the check "
        "below) and one solves the least-squares problem with a QR or SVD factorisation rather than by inverting. "
        "Solving exactly gives the best fit **to the training set**; it says nothing about the test set (a "
        "20-feature fit to 10 points interpolates them and generalises badly).\n\n"
        "The checks take the page's training set and its k (change them above): the gradient at the "
        "normal equations' solution, and its training loss against numpy's least squares and SGD's.",
        "zh": "可以。模型 $\\hat y = X\\mathbf{w}$ **关于权重是线性的**（幂 $x^i/i!$ 只是 $X$ 中固定的列），所以训练损失 "
        "$\\frac1n\\|X\\mathbf{w} - \\mathbf{y}\\|^2$ 是 $\\mathbf{w}$ 的二次“碗”。它的梯度 "
        "$\\frac2n X^\\top(X\\mathbf{w} - \\mathbf{y})$ 恰好在\n\n"
        "$X^\\top X\\,\\mathbf{w} = X^\\top\\mathbf{y}$（**正规方程**）处为零，所以当 $X^\\top X$ 可逆时 "
        "$\\mathbf{w}^* = (X^\\top X)^{-1}X^\\top\\mathbf{y}$。\n\n"
        "这正是随机梯度下降逐步走向的点（上面学到的权重表同时列出了两者）。两点提醒：样本比特征少（$n < k$）时 "
        "$X^\\top X$ 奇异，有无穷多个 $\\mathbf{w}$ 能精确拟合训练集（最小二乘取其中范数最小的一个）；"
        "$k$ 较大时各列 $x^i/i!$ 几乎线性相关，$X^\\top X$ 的条件数很大（见下面的检验），实践中用 QR 或 SVD "
        "分解求解最小二乘，而不是直接求逆。精确求解得到的是**对训练集**的最佳拟合，并不保证测试集上的表现"
        "（用 20 个特征拟合 10 个点会穿过所有点，泛化却很差）。\n\n"
        "检验使用本页的训练集和 k（可在上方修改）：正规方程之解处的梯度，以及它的训练损失与 numpy 最小二乘、"
        "随机梯度下降的对比。",
    },
    "ex.3.4.1.check.gradient": {
        "en": "At the normal equations' solution (k = {k}, n = {n}; condition number of XᵀX {cond:.2g}) the largest "
        "gradient entry is {grad:.2g}, against {grad0:.3g} at w = 0: a share of {gap:.1e}.",
        "zh": "在正规方程之解处（k = {k}，n = {n}；XᵀX 的条件数 {cond:.2g}），梯度最大分量为 {grad:.2g}，"
        "w = 0 处为 {grad0:.3g}：比值 {gap:.1e}。",
    },
    "ex.3.4.1.check.lstsq": {
        "en": "Training loss of the normal equations' weights {ne:.6g}, of numpy's least squares {ls:.6g} (the gap "
        "as a share of the loss at w = 0: {gap:.1e}); SGD after {epochs} epochs: {sgd:.6g}.",
        "zh": "正规方程所得权重的训练损失 {ne:.6g}，numpy 最小二乘的 {ls:.6g}（差距占 w = 0 处损失的 {gap:.1e}）；"
        "随机梯度下降 {epochs} 个迭代周期后：{sgd:.6g}。",
    },
    "ex.3.4.2.title": {"en": "Losses against degree and data", "zh": "损失随阶数和数据量的变化"},
    "ex.3.4.2.q": {
        "en": "(a) Plot the training loss against the model's complexity (the number of features k). How many "
        "features does it take to bring the training loss to zero? (b) Add the test loss. (c) How do the losses "
        "change with the amount of training data instead?",
        "zh": "(a) 画出训练损失随模型复杂度（特征数 k）变化的图。需要多少个特征才能把训练损失降到 0？"
        "(b) 再画出测试损失。(c) 换成随训练数据量变化，损失又会怎样？",
    },
    "ex.3.4.2.try": {
        "en": "The run reads the page's sweep over k (SGD and least squares) and its sweep over the training-set "
        "size for the k above. Set the training examples to 10 or 20 and compare with 100.",
        "zh": "运行读取本页对 k 的扫描（随机梯度下降和最小二乘）以及上方 k 对训练集大小的扫描。"
        "把训练样本数设为 10 或 20，再与 100 比较。",
    },
    "ex.3.4.2.finding": {
        "en": "with n = {n} training examples no k ≤ 20 reaches zero training loss (least squares with all 20 "
        "features: {ls20:.3g}; SGD after {epochs} epochs: {train20:.3g}): exact interpolation needs at least as "
        "many features as examples. The test loss is lowest at k = {best} ({test_best:.3g}; noise floor σ² = "
        "{floor:.3g}). Over the data: the {k}-feature model's test loss falls from {test_n0:.3g} at n = {n0} to "
        "{test_n1:.3g} at n = {n1}, and test ÷ training loss from {g0:.3g} to {g1:.3g}.",
        "zh": "n = {n} 个训练样本时，k ≤ 20 的模型都无法把训练损失降到 0（20 个特征的最小二乘：{ls20:.3g}；"
        "随机梯度下降 {epochs} 个迭代周期后：{train20:.3g}）：要精确插值，特征至少要和样本一样多。"
        "测试损失在 k = {best} 时最低（{test_best:.3g}；噪声下限 σ² = {floor:.3g}）。随数据量："
        "{k} 个特征的模型，测试损失从 n = {n0} 时的 {test_n0:.3g} 降到 n = {n1} 时的 {test_n1:.3g}，"
        "测试损失 ÷ 训练损失从 {g0:.3g} 变为 {g1:.3g}。",
    },
    "ex.3.4.2.finding_zero": {
        "en": "with n = {n} training examples least squares drives the training loss to zero from k = {zero_k} "
        "features on (all 20: {ls20:.2g}); SGD after {epochs} epochs is still at {train20:.3g} for k = 20. "
        "Zero training loss is no success: the test loss is lowest at k = {best} ({test_best:.3g}; noise floor "
        "σ² = {floor:.3g}). Over the data: the {k}-feature model's test loss falls from {test_n0:.3g} at n = {n0} "
        "to {test_n1:.3g} at n = {n1}, and test ÷ training loss from {g0:.3g} to {g1:.3g}.",
        "zh": "n = {n} 个训练样本时，最小二乘从 k = {zero_k} 个特征起就把训练损失降到 0（20 个特征：{ls20:.2g}）；"
        "随机梯度下降 {epochs} 个迭代周期后 k = 20 仍为 {train20:.3g}。训练损失为 0 并不等于成功："
        "测试损失在 k = {best} 时最低（{test_best:.3g}；噪声下限 σ² = {floor:.3g}）。随数据量："
        "{k} 个特征的模型，测试损失从 n = {n0} 时的 {test_n0:.3g} 降到 n = {n1} 时的 {test_n1:.3g}，"
        "测试损失 ÷ 训练损失从 {g0:.3g} 变为 {g1:.3g}。",
    },
    "ex.3.4.2.answer": {
        "en": "(a) The best (least-squares) training loss can only fall as k grows (a bigger model contains the "
        "smaller ones; SGD after a fixed number of epochs need not get there); it "
        "reaches zero once the model can pass through every training point, which for distinct x takes k ≥ n "
        "features (a polynomial of degree n − 1), or k = 4 when the data are noise-free. (b) The test loss is "
        "U-shaped: high for k < 4 (underfitting), lowest near the cubic's 4 terms, and rising again as the "
        "extra features fit the noise (overfitting). (c) With more data the training loss rises towards the "
        "noise floor and the test loss falls towards it: the gap between them closes. The tab "
        '"Training-set size" above draws (c) as a chart.',
        "zh": "(a) k 增大时最好的（最小二乘）训练损失只会下降（大模型包含小模型；固定迭代周期数的随机梯度下降未必能达到它）；"
        "当模型能穿过每个训练点时它降到 0，"
        "对互不相同的 x 这需要 k ≥ n 个特征（n − 1 次多项式），数据无噪声时 k = 4 就够了。(b) 测试损失呈 U 形："
        "k < 4 时很高（欠拟合），在三次多项式的 4 项附近最低，多出的特征开始拟合噪声后又上升（过拟合）。"
        "(c) 数据越多，训练损失升向噪声下限、测试损失降向噪声下限：两者的差距缩小。上面的“训练集大小”标签页"
        "把 (c) 画成了图。",
    },
    "ex.3.4.2.s.train": {"en": "train loss (SGD)", "zh": "训练损失（随机梯度下降）"},
    "ex.3.4.2.s.test": {"en": "test loss (SGD)", "zh": "测试损失（随机梯度下降）"},
    "ex.3.4.2.s.ls_train": {"en": "train loss (least squares)", "zh": "训练损失（最小二乘）"},
    "ex.3.4.3.title": {"en": "Without the 1/i!", "zh": "去掉 1/i! 会怎样"},
    "ex.3.4.3.q": {
        "en": "What goes wrong if the features are the raw powers x^i, without dividing by i!? Is there another "
        "way to fix it?",
        "zh": "如果特征直接用幂 x^i、不除以 i!，会出什么问题？还有别的办法解决吗？",
    },
    "ex.3.4.3.try": {
        "en": "All 20 models train on the book's data (100 examples, lr 0.01) with the scaling chosen here. "
        "Start with x^i, then try z-score and the book's x^i/i!.",
        "zh": "全部 20 个模型用这里选的缩放方式在书中的数据上训练（100 个样本，学习率 0.01）。"
        "先试 x^i，再试 z-score 和书中的 x^i/i!。",
    },
    "ex.3.4.3.finding": {
        "en": "with {scaling} the {k}-feature model trains: training loss {train:.3g}, test loss {test:.3g} after "
        "{epochs} epochs; its largest feature value on the training set is {big:.3g}. {trained} of the 20 models "
        "train without diverging.",
        "zh": "用 {scaling} 时，{k} 个特征的模型训练正常：{epochs} 个迭代周期后训练损失 {train:.3g}、测试损失 "
        "{test:.3g}；它的最大特征值（训练集上）为 {big:.3g}。20 个模型中有 {trained} 个没有发散。",
    },
    "ex.3.4.3.finding_diverged": {
        "en": "with {scaling} the {k}-feature model diverges: its largest feature value on the training set is "
        "{big:.3g}, so SGD at lr 0.01 overshoots further with every step and the weights blow up to inf/NaN. Only the models "
        "with k ≤ {last_ok} train (the first to diverge: k = {first_bad}).",
        "zh": "用 {scaling} 时，{k} 个特征的模型发散了：它的最大特征值（训练集上）为 {big:.3g}，"
        "学习率 0.01 的随机梯度下降每一步都越冲越远，权重涨到 inf/NaN。只有 k ≤ {last_ok} 的模型能训练"
        "（第一个发散的是 k = {first_bad}）。",
    },
    "ex.3.4.3.answer": {
        "en": "For x ~ N(0, 1), x reaches about ±3 in 100 draws, so x^19 reaches about 10⁹ while x^0 = 1. SGD's "
        "step on a weight scales with its feature squared, so one learning rate cannot suit all of them: any lr "
        "small enough for x^19 freezes the low powers, and lr 0.01 makes the high powers overshoot further each "
        "step until the loss overflows. Dividing by i! shrinks x^19 to about 10⁻⁸: training is stable, but the "
        "high powers then barely move from their start, which quietly limits the model's capacity. "
        "Standardising each power (subtract its training mean, divide by its standard deviation) puts every "
        "feature on the same scale, so every power learns at the same pace: the 20-feature model can then use "
        "its high powers and overfits somewhat more than with 1/i!. Other fixes: a smaller learning rate "
        "per feature (an adaptive optimiser such as Adam), restricting x to [−1, 1], or orthogonal polynomials "
        "(Legendre, Hermite) instead of raw powers.",
        "zh": "x ~ N(0, 1) 时，100 次抽样中 x 可达 ±3 左右，于是 x^19 可达约 10⁹，而 x^0 = 1。随机梯度下降对某个权重的"
        "步长与其特征的平方成正比，一个学习率无法同时适合所有权重：对 x^19 足够小的学习率会让低次幂几乎不动，"
        "而学习率 0.01 会让高次幂每一步都越冲越远，直到损失溢出。除以 i! 把 x^19 缩小到约 10⁻⁸：训练稳定了，"
        "但高次幂的权重几乎不离开初始值，这悄悄限制了模型的容量。标准化每个幂（减去训练集均值、除以标准差）"
        "让所有特征处于同一尺度，每个幂以相同的速度学习：20 个特征的模型于是能用上高次幂，比用 1/i! 时"
        "过拟合得更多一些。其他办法：按特征调整学习率（如 Adam 这类自适应优化器）、把 x 限制在 [−1, 1]、"
        "或用正交多项式（勒让德、埃尔米特）代替幂。",
    },
    "ex.3.4.3.s.train": {"en": "train loss", "zh": "训练损失"},
    "ex.3.4.3.s.test": {"en": "test loss", "zh": "测试损失"},
    "ex.3.4.4.title": {"en": "Zero generalisation error?", "zh": "泛化误差能为零吗？"},
    "ex.3.4.4.q": {
        "en": "Can the generalisation error ever be zero?",
        "zh": "泛化误差有可能为零吗？",
    },
    "ex.3.4.4.try": {
        "en": "The run compares the page's models with the function that generated the data. Set the label noise "
        "to 0 and run again.",
        "zh": "运行把本页的模型与生成数据的函数做比较。把标签噪声设为 0 再运行一次。",
    },
    "ex.3.4.4.finding": {
        "en": "with label noise σ = {noise:g}, even the true cubic has test loss {floor:.3g} on this test set "
        "(σ² = {var:.3g}). The best least-squares model (k = {best}) scores {ls_best:.3g}, {above:.0%} above it; "
        "the shown {k}-feature SGD model {test:.3g} (training loss {train:.3g}). No model can predict the noise, "
        "so its expected error stays at σ² or above.",
        "zh": "标签噪声 σ = {noise:g} 时，连真实的三次多项式在这个测试集上的测试损失也有 {floor:.3g}"
        "（σ² = {var:.3g}）。最好的最小二乘模型（k = {best}）为 {ls_best:.3g}，比它高 {above:.0%}；"
        "本页的 {k} 个特征的随机梯度下降模型为 {test:.3g}（训练损失 {train:.3g}）。任何模型都无法预测噪声，"
        "所以其期望误差不会低于 σ²。",
    },
    "ex.3.4.4.finding_clean": {
        "en": "without label noise the data are a deterministic cubic: the best least-squares model (k = {best}) "
        "has test loss {ls_best:.2g}, zero up to rounding. The shown {k}-feature SGD model is at {test:.3g} "
        "(training loss {train:.3g}): zero is reachable in principle, not by every model or training run.",
        "zh": "没有标签噪声时，数据就是一个确定的三次多项式：最好的最小二乘模型（k = {best}）测试损失为 "
        "{ls_best:.2g}，在舍入误差内为零。本页的 {k} 个特征的随机梯度下降模型为 {test:.3g}（训练损失 "
        "{train:.3g}）：零误差原则上可以达到，但不是每个模型、每次训练都能达到。",
    },
    "ex.3.4.4.answer": {
        "en": "Only in a special case. The generalisation error is the expected loss on fresh examples. If the "
        "label is not a function of the input (here y = cubic(x) + noise), no model can know the noise of a "
        "new example, so for the squared loss the error is at least σ² (the **Bayes error**); the best possible "
        "model, the true function itself, sits exactly there. It can be zero only when the labels are a "
        "deterministic function of the inputs that the model class contains and training finds it, as with "
        "noise-free data and k ≥ 4 here. In practice that never quite holds: labels carry noise and mistakes, "
        "and a finite training set leaves the estimated weights slightly off. Note also the difference from "
        "the **gap** between test and training loss: a model can have a zero or even negative gap on one test "
        "set by chance, while its error is far from zero.",
        "zh": "只有在特殊情况下可以。泛化误差是在新样本上损失的期望。如果标签不是输入的函数（这里 y = 三次多项式(x) "
        "+ 噪声），任何模型都无法知道新样本的噪声，对平方损失来说误差至少是 σ²（**贝叶斯误差**）；最好的模型，"
        "即真实函数本身，恰好处在这里。只有当标签是输入的确定函数、模型类包含它、而且训练找到了它时，"
        "泛化误差才可能为零，比如这里无噪声的数据加 k ≥ 4。实践中这几乎不成立：标签带有噪声和错误，"
        "有限的训练集也会让估计出的权重略有偏离。还要注意它与测试损失和训练损失之**差**的区别："
        "一个模型在某个测试集上的差可能碰巧为零甚至为负，而它的误差离零还很远。",
    },
    "ex.3.4.4.s.test": {"en": "test loss (SGD)", "zh": "测试损失（随机梯度下降）"},
    "ex.3.4.4.s.ls_test": {"en": "test loss (least squares)", "zh": "测试损失（最小二乘）"},
    "ex.3.4.4.s.floor": {"en": "the true cubic's test loss", "zh": "真实三次多项式的测试损失"},
}
