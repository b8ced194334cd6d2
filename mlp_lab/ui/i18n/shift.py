"""Strings of the environment and distribution-shift page (3.9)."""

from mlp_lab.data import CLASS_NAMES

STRINGS: dict[str, dict[str, str]] = {
    "page.shift": {"en": "3.9 Environment and distribution shift", "zh": "3.9 环境和分布偏移"},
    "shift.intro": {
        "en": "A model is fitted to one distribution and then used in another. Training minimises the "
        "**empirical risk** $\\frac{1}{n}\\sum_i l(f(\\mathbf{x}_i), y_i)$ on samples from the source, as a stand-in "
        "for the **true risk** $E_{p}[l(f(\\mathbf{x}), y)]$ under the distribution $p(\\mathbf{x}, y)$ where "
        "the model is used. When the two differ, the chapter names three cases and corrects each.",
        "zh": "模型在一个分布上拟合，却在另一个分布上使用。训练最小化的是源分布样本上的**经验风险** "
        "$\\frac{1}{n}\\sum_i l(f(\\mathbf{x}_i), y_i)$，用来近似模型实际使用时所在分布 $p(\\mathbf{x}, y)$ "
        "上的**真实风险** $E_{p}[l(f(\\mathbf{x}), y)]$。两者不同时，本章区分三种情形并分别纠正。",
    },
    "shift.kinds": {"en": "Three kinds of shift", "zh": "三种分布偏移"},
    "shift.source": {"en": "source (training)", "zh": "源（训练）"},
    "shift.target": {"en": "target (use)", "zh": "目标（使用）"},
    "shift.kind_covariate": {"en": "Covariate shift", "zh": "协变量偏移"},
    "shift.kind_covariate_text": {
        "en": "p(x) moves, p(y|x) stays: the same parabola splits the classes, but the points now lie elsewhere "
        "(photos of cats and dogs in training, cartoons at test time).",
        "zh": "p(x) 改变，p(y|x) 不变：同一条抛物线划分两类，但点落在了别处（训练用猫狗的照片，测试用卡通）。",
    },
    "shift.kind_label": {"en": "Label shift", "zh": "标签偏移"},
    "shift.kind_label_text": {
        "en": "p(y) moves, p(x|y) stays: each class looks the same, but the red class is now far more common "
        "(the same symptoms, a different season's diseases).",
        "zh": "p(y) 改变，p(x|y) 不变：每一类看起来都一样，但红色类变得常见得多（症状相同，流行的疾病随季节不同）。",
    },
    "shift.kind_concept": {"en": "Concept shift", "zh": "概念偏移"},
    "shift.kind_concept_text": {
        "en": "the labelling rule itself changes: the same points, a different boundary (the meaning of a word "
        "in another place or time).",
        "zh": "标签的定义本身改变：同样的点，不同的边界（同一个词在不同地方、不同时期的含义）。",
    },
    # covariate
    "shift.covariate": {"en": "Covariate shift correction", "zh": "协变量偏移纠正"},
    "shift.covariate_text": {
        "en": "Source $q(\\mathbf{x}) = N(0, I)$, target $p(\\mathbf{x})$ a Gaussian you move with the sliders, and "
        "the same noisy rule $p(y|\\mathbf{x})$ for both (black curve). A logistic regression tells source points "
        "($z = -1$) from unlabelled target points ($z = 1$); its log-odds $h(\\mathbf{x})$ give every source point "
        "the weight $\\beta_i = \\exp(h(\\mathbf{x}_i))$ (point size), optionally clipped at $c$. A **straight line** "
        "cannot follow the parabola everywhere, so where it should be right matters: the weighted fit (green) "
        "turns to the target's part of the curve, the unweighted one (grey) serves the source. A **quadratic** "
        "model fits the parabola everywhere, and the weights hardly matter.",
        "zh": "源分布 $q(\\mathbf{x}) = N(0, I)$，目标分布 $p(\\mathbf{x})$ 是一个可以用滑块移动的高斯分布，"
        "两者共用同一个带噪声的规则 $p(y|\\mathbf{x})$（黑色曲线）。"
        "用逻辑回归区分源数据点（$z = -1$）与无标签的目标数据点"
        "（$z = 1$）；它的对数几率 $h(\\mathbf{x})$ 给每个源数据点权重 "
        "$\\beta_i = \\exp(h(\\mathbf{x}_i))$（点的大小），"
        "可选地在 $c$ 处截断。**直线**不可能处处贴合抛物线，所以在哪里拟合准确很重要：加权拟合（绿色）转向目标分布所在"
        "的那段曲线，不加权拟合（灰色）照顾的是源分布。**二次**模型处处都能拟合抛物线，权重几乎没有影响。",
    },
    "shift.target_x1": {"en": "Target centre x₁", "zh": "目标中心 x₁"},
    "shift.target_x2": {"en": "Target centre x₂", "zh": "目标中心 x₂"},
    "shift.spread": {"en": "Target spread", "zh": "目标分布的散布"},
    "shift.clip": {"en": "Clip β at c", "zh": "β 的截断值 c"},
    "shift.clip_help": {
        "en": "0: no clipping. Far-away targets give a few source points huge weights; clipping trades a little "
        "bias for much less variance.",
        "zh": "0 表示不截断。目标分布离得很远时，少数源数据点会得到极大的权重；截断用一点偏差换来小得多的方差。",
    },
    "shift.true_beta": {"en": "true p(x)/q(x)", "zh": "真实的 p(x)/q(x)"},
    "shift.true_boundary": {"en": "true boundary p(y=1|x) = 1/2", "zh": "真实边界 p(y=1|x) = 1/2"},
    "shift.fit_plain": {"en": "straight line, unweighted", "zh": "直线，不加权"},
    "shift.fit_weighted": {"en": "straight line, weighted by β", "zh": "直线，按 β 加权"},
    "shift.model": {"en": "Model", "zh": "模型"},
    "shift.features_linear": {"en": "linear (a straight line)", "zh": "线性（一条直线）"},
    "shift.features_quadratic": {"en": "quadratic (can follow the parabola)", "zh": "二次（能贴合抛物线）"},
    "shift.acc_plain": {"en": "target accuracy, unweighted", "zh": "目标精度，不加权"},
    "shift.acc_weighted": {"en": "target accuracy, weighted", "zh": "目标精度，加权"},
    "shift.risk_plain": {"en": "target risk, unweighted", "zh": "目标风险，不加权"},
    "shift.risk_weighted": {"en": "target risk, weighted", "zh": "目标风险，加权"},
    "shift.covariate_caption": {
        "en": "Risk: mean log loss on 5,000 fresh labelled target points. The best possible accuracy (the true "
        "rule) is {bayes:.3f}. The {n} weights are worth {ess:.0f} equally weighted points (largest β: {top:.3g}).",
        "zh": "风险：在 5000 个新的有标签目标数据点上的平均对数损失。最好的可能精度（真实规则）为 {bayes:.3f}。"
        "这 {n} 个权重相当于 {ess:.0f} 个等权重的点（最大的 β：{top:.3g}）。",
    },
    # label
    "shift.label": {"en": "Label shift correction", "zh": "标签偏移纠正"},
    "shift.label_text": {
        "en": "A Fashion-MNIST MLP (784-256-10) is trained on part of the training split; the rest is held out to "
        "measure its **confusion matrix** $\\mathbf{C}$ ($c_{ij}$: the share of class $i$ predicted as $j$; a row per "
        "true class, as in scikit-learn, so the book's $\\mathbf{C}$, with a column per true class, is our "
        "$\\mathbf{C}^\\top$). "
        "The target is drawn from the unseen test split with a label distribution $p(y)$ you choose. "
        "Its labels stay hidden: "
        "only the mean prediction $\\mu(\\hat{y})$ is used, and solving the linear system gives $p(y)$. If "
        "$\\mathbf{C}$ is ill-conditioned the solution can go negative; we clip at 0 and renormalise. Then every "
        "output is reweighted by $\\beta = p(y)/q(y)$, which for a softmax classifier is the same correction as "
        "retraining with weighted risk.",
        "zh": "在训练集的一部分上训练一个 Fashion-MNIST 多层感知机（784-256-10）；"
        "其余部分留作验证，用来测量它的**混淆矩阵** "
        "$\\mathbf{C}$（$c_{ij}$：真实类别为 $i$ 的样本中被预测为 $j$ 的比例；"
        "与 scikit-learn 一样每行对应一个真实类别，"
        "所以书中每列对应一个真实类别的 $\\mathbf{C}$ 就是这里的 $\\mathbf{C}^\\top$）。"
        "目标集从未见过的测试集中抽取，"
        "其标签分布 $p(y)$ 由你选择。目标集的标签始终不可见：只用到平均预测 $\\mu(\\hat{y})$，"
        "解这个线性方程组即得 $p(y)$。"
        "若 $\\mathbf{C}$ 病态，解可能出现负值；我们在 0 处截断后重新归一化。然后把每个输出乘以 "
        "$\\beta = p(y)/q(y)$，对 softmax 分类器而言，这与用加权风险重新训练是同一种纠正。",
    },
    "shift.train_size": {"en": "Training images", "zh": "训练图像数"},
    "shift.train_size_help": {
        "en": "The validation part is the 10,000 images that follow; a smaller or shorter-trained classifier gives a "
        "worse-conditioned C.",
        "zh": "验证部分是随后的 10000 张图像；训练数据更少或训练轮数更少的分类器，其 C 的条件数更差。",
    },
    "shift.epochs": {"en": "Epochs", "zh": "训练轮数"},
    "shift.train_go": {"en": "Train the classifier", "zh": "训练分类器"},
    "shift.training": {"en": "Training the classifier…", "zh": "正在训练分类器……"},
    "shift.need_classifier": {
        "en": "Press “Train the classifier” to train it; everything below then works on unlabelled targets. "
        "Training takes a while on a CPU (about a minute at the defaults on a small server); a classifier trained "
        "before on this server appears without pressing the button.",
        "zh": "点击“训练分类器”即可开始训练；之后下面的一切都在无标签的目标集上进行。"
        "在 CPU 上训练需要一些时间（默认设置下在小型服务器上约一分钟）；"
        "本服务器之前训练过的分类器无需点击按钮即可显示。",
    },
    "shift.too_few_images": {
        "en": "The classifier needs {needed} training images (training and validation parts), which exceeds the "
        "{have} training images of the data set on this server.",
        "zh": "分类器需要 {needed} 张训练图像（训练部分和验证部分合计），超过了本服务器数据集中的 {have} 张训练图像。",
    },
    "shift.classifier_done": {
        "en": "Classifier trained on {n} images in {seconds:.1f} s; validation accuracy {acc:.2%}.",
        "zh": "分类器在 {n} 张图像上训练完成，用时 {seconds:.1f} 秒；验证精度 {acc:.2%}。",
    },
    "shift.preset": {"en": "Target label distribution", "zh": "目标标签分布"},
    "shift.preset_uniform": {"en": "uniform: no shift at all.", "zh": "uniform：均匀分布，完全没有偏移。"},
    "shift.preset_shoes": {
        "en": "shoes: mostly sandals, sneakers and ankle boots.",
        "zh": "shoes：大部分是凉鞋、运动鞋和短靴。",
    },
    "shift.preset_tops": {
        "en": "tops: mostly t-shirts, pullovers, coats and shirts, the classes the model confuses most.",
        "zh": "tops：大部分是 T 恤、套衫、外套和衬衫，也就是模型最容易混淆的几类。",
    },
    "shift.preset_shirts": {
        "en": "shirts: 90% shirts, 10% t-shirts. Shirts are the class on which the test split differs most "
        "from the training split, so the estimate is a little off here.",
        "zh": "shirts：90% 衬衫，10% T 恤。衬衫是测试集与训练集差别最大的一类，所以这里的估计略有偏差。",
    },
    "shift.preset_bags": {"en": "bags: one class only.", "zh": "bags：只有一类（包）。"},
    "shift.preset_custom": {"en": "custom: set a weight per class.", "zh": "custom：为每一类设置权重。"},
    # the custom target's weight sliders are labelled with the class names, one list for the whole app
    **{f"shift.w{k}": {lang: names[k] for lang, names in CLASS_NAMES.items()} for k in range(10)},
    "shift.custom": {"en": "Weight of each class in the target", "zh": "目标集中每一类的权重"},
    "shift.n_target": {"en": "Target images", "zh": "目标图像数"},
    "shift.all_zero": {
        "en": "Every class has weight 0: the target would be empty. Give at least one class a weight.",
        "zh": "所有类别的权重都是 0：目标集会是空的。请至少给一个类别设置权重。",
    },
    "shift.true_p": {"en": "true p(y)", "zh": "真实 p(y)"},
    "shift.estimate": {"en": "estimated p(y)", "zh": "估计的 p(y)"},
    "shift.q_y": {"en": "training q(y)", "zh": "训练集 q(y)"},
    "shift.true_class": {"en": "true class i", "zh": "真实类别 i"},
    "shift.pred_class": {"en": "predicted class j", "zh": "预测类别 j"},
    "shift.l1": {"en": "L1 error of the estimate", "zh": "估计的 L1 误差"},
    "shift.cond": {"en": "Condition number of C", "zh": "C 的条件数"},
    "shift.cond_help": {
        "en": "How much errors in μ(ŷ) can be amplified in the solution; near 1 is good, above 1000 is trouble.",
        "zh": "μ(ŷ) 中的误差在解中可能被放大的倍数；接近 1 为好，超过 1000 就有问题。",
    },
    "shift.val_acc": {"en": "Validation accuracy", "zh": "验证精度"},
    "shift.ill_conditioned": {
        "en": "C is ill-conditioned (condition number {cond:.3g}): the classifier confuses some classes so much that "
        "the system barely determines p(y). Train longer or on more images.",
        "zh": "C 是病态的（条件数 {cond:.3g}）：分类器把某些类别混淆得太厉害，方程组几乎无法确定 p(y)。"
        "请训练更多轮或使用更多图像。",
    },
    "shift.safeguard": {
        "en": "The raw solution had entries below 0 (smallest {low:.3f}) or did not sum to 1: clipped at 0 and "
        "renormalised.",
        "zh": "原始解中有小于 0 的分量（最小为 {low:.3f}）或总和不为 1：已在 0 处截断并重新归一化。",
    },
    "shift.plain": {"en": "classifier as trained", "zh": "原始分类器"},
    "shift.reweighted": {"en": "reweighted by estimated p(y)/q(y)", "zh": "按估计的 p(y)/q(y) 加权"},
    "shift.oracle": {"en": "reweighted by true p(y)/q(y)", "zh": "按真实的 p(y)/q(y) 加权"},
    "shift.accuracy": {"en": "target accuracy", "zh": "目标精度"},
    "shift.loss": {"en": "target loss", "zh": "目标损失"},
    "shift.reweight_caption": {
        "en": "The last row uses the target's true labels to compute β: the best the correction could do. Our "
        "estimate uses none of them.",
        "zh": "最后一行用目标集的真实标签计算 β：这是该纠正方法所能达到的最好结果。我们的估计完全没有用到这些标签。",
    },
    # concept
    "shift.concept": {"en": "Concept shift", "zh": "概念偏移"},
    "shift.concept_text": {
        "en": "A stream of 2-D points arrives in rounds of 200; the rule that labels them is a line through the "
        "origin that turns a little every round. Two logistic regressions start from the same fit to round 0. The "
        "**frozen** one never changes. The **updated** one, after being scored on each new round, takes a few "
        "gradient steps on its labels, starting from its current weights rather than from scratch, as the chapter "
        "suggests.",
        "zh": "二维数据点以每轮 200 个的方式到来；给它们打标签的规则是一条过原点的直线，每一轮都转动一点。"
        "两个逻辑回归模型从对第 0 轮的同一个拟合出发。**冻结**的模型从不改变。**更新**的模型在每一轮新数据上评估之后，"
        "用这一轮的标签走几步梯度下降，并且从当前的权重出发而不是从零开始，正如本章所建议的。",
    },
    "shift.drift": {"en": "Rule turns per round (degrees)", "zh": "规则每轮转动的角度（度）"},
    "shift.updates": {"en": "Gradient steps per round", "zh": "每轮的梯度步数"},
    "shift.updates_help": {"en": "0 makes the updated model frozen too.", "zh": "设为 0 时，更新的模型也就冻结了。"},
    "shift.frozen": {"en": "frozen model", "zh": "冻结的模型"},
    "shift.updated": {"en": "updated model", "zh": "更新的模型"},
    "shift.rule": {"en": "labelling rule", "zh": "标签规则"},
    "shift.round": {"en": "round", "zh": "轮次"},
    "shift.angle": {"en": "direction of the boundary's normal (degrees)", "zh": "边界法向的方向（度）"},
    "shift.concept_caption": {
        "en": "Mean accuracy over the last 10 rounds: frozen {frozen:.3f}, updated {updated:.3f}.",
        "zh": "最后 10 轮的平均精度：冻结 {frozen:.3f}，更新 {updated:.3f}。",
    },
}

# The words of this topic's rows of the reproduce registry (mlp_lab.checks): check.<id>.quantity,
# .book (what the source says, or for a claim what the page asserts) and .tolerance.
STRINGS |= {
    "check.shift.covariate_reweighting_helps.quantity": {
        "en": "target accuracy of logistic regression trained on the source, unweighted -> weighted by beta = exp(h(x)); linear (cannot fit the curved boundary) and quadratic features, mean of 5 seeds",
        "zh": "在源数据上训练的逻辑回归在目标分布上的精度，不加权 -> 用 beta = exp(h(x)) 加权；线性特征（拟合不了弯曲边界）与二次特征，5 个种子的平均",
    },
    "check.shift.covariate_reweighting_helps.source": {
        "en": "weighted ERM corrects covariate shift",
        "zh": "加权经验风险最小化纠正协变量偏移",
    },
    "check.shift.covariate_reweighting_helps.tolerance": {
        "en": "linear gains 0.25 to 0.35; quadratic changes by <= 0.01 (seed sets 0-4, .., 20-24: gains 0.28 to 0.31, changes -0.004 to -0.001)",
        "zh": "线性模型提升 0.25 到 0.35；二次模型变化 <= 0.01（种子组 0-4、…、20-24：提升 0.28 至 0.31，变化 -0.004 至 -0.001）",
    },
    "check.shift.label_shift_estimate.quantity": {
        "en": "L1 error of p(y) estimated by solving C^T p(y) = mu(y_hat) (C: one row per true class; the book's C is its transpose) on 5,000-image targets from the test split (mostly shoes / mostly tops / bags only), worst of the three",
        "zh": "在取自测试集的 5000 张图像目标集上解 C^T p(y) = mu(y_hat)（C 每行对应一个真实类别；书中的 C 是它的转置）估计 p(y) 的 L1 误差（多为鞋 / 多为上衣 / 只有包），三者中最差者",
    },
    "check.shift.label_shift_estimate.source": {
        "en": "C p(y) = mu(y_hat) recovers the target's label distribution",
        "zh": "C p(y) = mu(y_hat) 还原目标数据的标签分布",
    },
    "check.shift.label_shift_estimate.tolerance": {
        "en": "< 0.08 (seeds 0-4 of the classifier and the draw: 0.044 to 0.068)",
        "zh": "< 0.08（分类器与抽样的种子 0-4：0.044 至 0.068）",
    },
    "check.shift.label_reweighting_helps.quantity": {
        "en": "target accuracy and loss without -> with the reweighting beta = p(y)/q(y) (estimated p(y)), mean of the three shifted targets",
        "zh": "目标集上的精度与损失，不加权 -> 用 beta = p(y)/q(y)（估计的 p(y)）加权，三个偏移目标的平均",
    },
    "check.shift.label_reweighting_helps.source": {
        "en": "reweighting by the label likelihood ratio corrects label shift",
        "zh": "按标签似然比重新加权纠正标签偏移",
    },
    "check.shift.label_reweighting_helps.tolerance": {
        "en": "accuracy up by >= 0.01 and loss down by >= 0.05 (seeds 0-4: accuracy +0.013 to +0.022, loss -0.071 to -0.094)",
        "zh": "准确率至少上升 0.01 且损失至少下降 0.05（种子 0-4：准确率 +0.013 至 +0.022，损失 -0.071 至 -0.094）",
    },
}
