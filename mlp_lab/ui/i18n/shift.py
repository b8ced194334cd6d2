"""Strings of the environment and distribution-shift page (3.9)."""

from mlp_lab.data import CLASS_NAMES

STRINGS: dict[str, dict[str, str]] = {
    "page.shift": {"en": "3.9 Environment and distribution shift", "zh": "3.9 环境和分布偏移"},
    "shift.sep": {"en": "; ", "zh": "；"},  # between the parts of a sentence built from a run
    "shift.space": {"en": " ", "zh": ""},  # between two sentences
    "shift.intro": {
        "en": "A model is fitted to one distribution and then used in another. Training minimises the "
        "**empirical risk** $\\frac{{1}}{{n}}\\sum_i l(f(\\mathbf{{x}}_i), y_i)$ on samples from the source, as a "
        "stand-in for the **true risk** $E_{{p}}[l(f(\\mathbf{{x}}), y)]$ under the distribution "
        "$p(\\mathbf{{x}}, y)$ where the model is used. When the two differ, the book names three cases and "
        "corrects two of them by reweighting ([3.9]({link})). Every number quoted in the text comes from the run "
        "on screen; the sidebar's seed draws the data.",
        "zh": "模型在一个分布上拟合，却在另一个分布上使用。训练最小化的是源分布样本上的**经验风险** "
        "$\\frac{{1}}{{n}}\\sum_i l(f(\\mathbf{{x}}_i), y_i)$，用来近似模型实际使用时所在分布 "
        "$p(\\mathbf{{x}}, y)$ 上的**真实风险** $E_{{p}}[l(f(\\mathbf{{x}}), y)]$。两者不同时，书中区分了三种情形，"
        "并用重新加权纠正其中两种（[3.9 节]({link})）。正文中引用的每个数字都来自页面上的这次运行；"
        "侧边栏的随机种子决定抽到的数据。",
    },
    "shift.kinds": {"en": "Three kinds of shift", "zh": "三种分布偏移"},
    "shift.source": {"en": "source (training)", "zh": "源分布（训练）"},
    "shift.target": {"en": "target (use)", "zh": "目标分布（使用）"},
    "shift.kind_covariate": {"en": "Covariate shift", "zh": "协变量偏移"},
    "shift.kind_covariate_text": {
        "en": "p(x) moves, p(y|x) stays: the same parabola splits the classes, but the points now lie elsewhere "
        "(photos of cats and dogs in training, cartoons at test time).",
        "zh": "p(x) 改变，p(y|x) 不变：同一条抛物线划分两类，但数据点落在了别处（训练用猫和狗的照片，测试时却是卡通图片）。",
    },
    "shift.kind_label": {"en": "Label shift", "zh": "标签偏移"},
    "shift.kind_label_text": {
        "en": "p(y) moves, p(x|y) stays: each class looks the same, but class 1 is now far more common (the same "
        "symptoms, but another season's diseases).",
        "zh": "p(y) 改变，p(x|y) 不变：每一类看起来都和原来一样，但第 1 类变得常见得多（症状还是那些症状，"
        "流行的疾病却随季节变了）。",
    },
    "shift.kind_concept": {"en": "Concept shift", "zh": "概念偏移"},
    "shift.kind_concept_text": {
        "en": "the labelling rule itself changes: the same points, a different boundary (the meaning of a word in "
        "another place or time).",
        "zh": "标签的定义本身改变：同样的点，不同的边界（同一个词在不同地方、不同时期的含义）。",
    },
    "shift.alt_kind": {
        "en": "{kind}, two scatter plots: the source's {ns} points have their mean at ({sx:.1f}, {sy:.1f}) and "
        "{ss:.0%} of them are class 1; the target's {nt} points have their mean at ({tx:.1f}, {ty:.1f}) and "
        "{st:.0%} are class 1. Class 0: light blue circles, class 1: orange squares.",
        "zh": "{kind}，两幅散点图：源分布的 {ns} 个点均值在 ({sx:.1f}, {sy:.1f})，其中 {ss:.0%} 属于第 1 类；"
        "目标分布的 {nt} 个点均值在 ({tx:.1f}, {ty:.1f})，其中 {st:.0%} 属于第 1 类。第 0 类为浅蓝色圆点，"
        "第 1 类为橙色方块。",
    },
    # covariate
    "shift.covariate": {"en": "Covariate shift correction", "zh": "协变量偏移纠正"},
    "shift.covariate_text": {
        "en": "Source $q(\\mathbf{x}) = N(0, I)$, target $p(\\mathbf{x})$ a Gaussian you move with the sliders (its "
        "unlabelled points: purple triangles), and "
        "the same noisy rule $p(y|\\mathbf{x})$ for both (black curve). The book's correction, step by step: "
        "(1) a logistic regression tells source points ($z = -1$) from unlabelled target points ($z = 1$); "
        "(2) its log-odds $h(\\mathbf{x})$ give every source point the weight $\\beta_i = \\exp(h(\\mathbf{x}_i))$ "
        "(point size), optionally clipped at $c$; (3) the model is trained on the **weighted empirical risk**. "
        "A **straight line** cannot follow the parabola everywhere, so where it should be right matters; a "
        "**quadratic** model can fit the parabola everywhere. The sentence under the chart says what this run "
        "shows.",
        "zh": "源分布 $q(\\mathbf{x}) = N(0, I)$，目标分布 $p(\\mathbf{x})$ 是一个可以用滑块移动的高斯分布（它的无标签数据点为紫色三角形），"
        "两者共用同一个带噪声的规则 $p(y|\\mathbf{x})$（黑色曲线）。书中的纠正方法分三步：（1）用对数几率回归"
        "区分源数据点（$z = -1$）与无标签的目标数据点（$z = 1$）；（2）用它的对数几率 $h(\\mathbf{x})$ 给每个"
        "源数据点赋予权重 $\\beta_i = \\exp(h(\\mathbf{x}_i))$（点的大小），也可以在 $c$ 处截断；"
        "（3）在**加权经验风险**上训练模型。**直线**不可能处处贴合抛物线，所以它在哪里准确很重要；"
        "**二次**模型则能处处贴合抛物线。图下方的文字说明这次运行的结果。",
    },
    "shift.target_x1": {"en": "Target centre x₁", "zh": "目标中心 x₁"},
    "shift.target_x2": {"en": "Target centre x₂", "zh": "目标中心 x₂"},
    "shift.spread": {"en": "Target spread", "zh": "目标分布的标准差"},
    "shift.clip": {"en": "Clip β at c", "zh": "β 的截断值 c"},
    "shift.clip_help": {
        "en": "0: no clipping. Far-away targets give a few source points huge weights; clipping, as the book "
        "suggests with min(exp(h(x)), c), trades a little bias for much less variance.",
        "zh": "0 表示不截断。目标分布离得很远时，少数源数据点会得到极大的权重；像书中建议的 min(exp(h(x)), c) "
        "那样截断，是用一点偏差换来小得多的方差。",
    },
    "shift.true_beta": {"en": "true p(x)/q(x)", "zh": "真实的 p(x)/q(x)"},
    "shift.true_boundary": {"en": "true boundary p(y=1|x) = 1/2", "zh": "真实边界 p(y=1|x) = 1/2"},
    "shift.fit_plain": {"en": "straight line, unweighted", "zh": "直线，不加权"},
    "shift.fit_weighted": {"en": "straight line, weighted training", "zh": "直线，加权训练"},
    "shift.model": {"en": "Model", "zh": "模型"},
    "shift.features_linear": {"en": "linear (a straight line)", "zh": "线性（一条直线）"},
    "shift.features_quadratic": {"en": "quadratic (can follow the parabola)", "zh": "二次（能贴合抛物线）"},
    "shift.acc_plain": {"en": "target accuracy, unweighted", "zh": "目标精度，不加权"},
    "shift.acc_output": {"en": "…, outputs × β(x)", "zh": "……，输出乘以 β(x)"},
    "shift.acc_weighted": {"en": "…, weighted training (the book's)", "zh": "……，加权训练（书中的方法）"},
    "shift.risk_plain": {"en": "target risk, unweighted", "zh": "目标风险，不加权"},
    "shift.risk_weighted": {"en": "target risk, weighted training", "zh": "目标风险，加权训练"},
    "shift.covariate_caption": {
        "en": "Risk: mean log loss on 5,000 fresh labelled target points. The best possible accuracy (the true "
        "rule) is {bayes:.3f}. The {n} weights are worth {ess:.0f} equally weighted points (largest β: {top:.3g}).",
        "zh": "风险：在 5000 个新的有标签目标数据点上的平均对数损失。可能达到的最高精度（真实规则）为 {bayes:.3f}。"
        "这 {n} 个权重相当于 {ess:.0f} 个等权重的点（最大的 β：{top:.3g}）。",
    },
    "shift.cov_yes": {
        "en": "**Weighted training corrects the straight line:** its target accuracy rises from {plain:.3f} to "
        "{weighted:.3f} (the best possible is {bayes:.3f}); it turns towards the part of the parabola where the "
        "target lies.",
        "zh": "**加权训练纠正了直线模型**：它在目标分布上的精度从 {plain:.3f} 升到 {weighted:.3f}"
        "（最高可能为 {bayes:.3f}）；直线转向了目标分布所在的那段抛物线。",
    },
    "shift.cov_no": {
        "en": "**In this draw weighted training does not correct the straight line:** its target accuracy goes "
        "from {plain:.3f} to {weighted:.3f} (the best possible is {bayes:.3f}). {reason}{hint}",
        "zh": "**这次抽样中，加权训练没有纠正直线模型**：它在目标分布上的精度从 {plain:.3f} 变为 {weighted:.3f}"
        "（最高可能为 {bayes:.3f}）。{reason}{hint}",
    },
    "shift.cov_collapse": {
        "en": "The weights rest on {ess:.0f} effective points out of {n} (largest β: {top:.3g}): the target lies "
        "where the source has almost no points. ",
        "zh": "这些权重只相当于 {n} 个点中的 {ess:.0f} 个等效点（最大的 β：{top:.3g}）：目标分布所在之处几乎没有源数据点。",
    },
    "shift.cov_quad_kept": {
        "en": "The quadratic model was right everywhere already, and the weights hardly matter for it ({plain:.3f} "
        "→ {weighted:.3f}).",
        "zh": "二次模型本来就处处正确，权重对它几乎没有影响（{plain:.3f} → {weighted:.3f}）。",
    },
    "shift.cov_quad_moved": {
        "en": "The quadratic model, right everywhere already, moves from {plain:.3f} to {weighted:.3f} with the "
        "weights: when a few points carry most of the weight, weighting adds variance and no correction.",
        "zh": "二次模型本来就处处正确，加权后却从 {plain:.3f} 变为 {weighted:.3f}：少数点承担了大部分权重时，"
        "加权只会增加方差，起不到纠正作用。",
    },
    "shift.cov_output_note": {
        "en": "Multiplying the unweighted models' outputs by β(x) instead changes no prediction ({lin:.3f} and "
        "{quad:.3f}, as unweighted): β(x) scales the probability of both classes alike. For covariate shift the "
        "correction has to go into the training.",
        "zh": "如果改为把不加权模型的输出乘以 β(x)，任何预测都不会改变（{lin:.3f} 与 {quad:.3f}，与不加权时相同）："
        "β(x) 对两个类别的概率一视同仁。对协变量偏移来说，纠正必须体现在训练中。",
    },
    "shift.try_seeds": {"en": " Other seeds do: try seed {seeds}.", "zh": "其他种子可以：试试种子 {seeds}。"},
    "shift.cov_no_seed": {
        "en": " No seed of 0–4 does at these settings: move the target closer to the source.",
        "zh": "在这些设置下种子 0–4 都不行：请把目标分布移得离源分布近一些。",
    },
    "shift.seed": {"en": "seed", "zh": "种子"},
    "shift.cov_spread": {
        "en": "The same study on seeds 0–4: target accuracy of each model unweighted → weighted.",
        "zh": "同一实验在种子 0–4 上的结果：各模型在目标分布上的精度，不加权 → 加权训练。",
    },
    "shift.shows": {"en": "shows it", "zh": "效果出现"},
    "shift.alt_covariate": {
        "en": "Scatter plot: {n} source points sized by β (largest {top:.3g}; class 0 light blue circles, class 1 "
        "orange squares), the unlabelled target points around ({x1:.1f}, {x2:.1f}) (purple triangles), the true "
        "parabola (black, solid), the unweighted straight line (grey, dashed) and the weighted one (green, dotted). "
        "Target accuracy of the straight line: unweighted {plain:.3f}, weighted {weighted:.3f}.",
        "zh": "散点图：{n} 个源数据点按 β 的大小绘制（最大为 {top:.3g}；第 0 类为浅蓝色圆点，第 1 类为橙色方块），"
        "无标签的目标数据点围绕 ({x1:.1f}, {x2:.1f})（紫色三角形），真实的抛物线（黑色实线），不加权的直线（灰色虚线）"
        "和加权训练的直线（绿色点线）。直线在目标分布上的精度：不加权 {plain:.3f}，加权 {weighted:.3f}。",
    },
    # support
    "shift.support": {"en": "When the source does not cover the target", "zh": "当源分布覆盖不到目标分布时"},
    "shift.support_text": {
        "en": "The correction rests on an assumption the book states plainly: every point the target can produce "
        "must have a nonzero chance in the source, **q(x) > 0 wherever p(x) > 0** ([3.9]({link})). Where "
        "$q(\\mathbf{{x}}) = 0$ the weight $p/q$ is infinite, and no weighting of the source points can stand "
        "in for points it never has. Below, the same target with a source cut off at $x_1 \\le {cut}$.",
        "zh": "这种纠正依赖于书中明确指出的一个假设：目标分布中可能出现的每个数据点，在源分布中出现的概率都必须非零，"
        "即**凡是 p(x) > 0 的地方都有 q(x) > 0**（[3.9 节]({link})）。在 $q(\\mathbf{{x}}) = 0$ 的地方，"
        "权重 $p/q$ 是无穷大，而且无论怎样给源数据点加权，都替代不了源分布中根本没有的数据点。"
        "下面是同一个目标分布，但源分布在 $x_1 \\le {cut}$ 处被截断。",
    },
    "shift.support_yes": {
        "en": "**The correction fails without support:** {beyond:.0%} of the target lies beyond x₁ = {cut}, where the "
        "source has no points. Weighted training now brings the straight line to {cut_acc:.3f} on the target, "
        "against {full_acc:.3f} with the full source.",
        "zh": "**没有覆盖，纠正就会失败**：目标分布中有 {beyond:.0%} 落在 x₁ = {cut} 以外，那里没有任何源数据点。"
        "此时加权训练后的直线在目标分布上的精度只有 {cut_acc:.3f}，而使用完整的源分布时为 {full_acc:.3f}。",
    },
    "shift.support_no": {
        "en": "In this draw the cut source still does about as well: {beyond:.0%} of the target lies beyond "
        "x₁ = {cut}, and the weighted straight line reaches {cut_acc:.3f} on the target, against {full_acc:.3f} with "
        "the full source. Move the target further right to put more of it where the source has no points.",
        "zh": "这次抽样中，被截断的源分布效果仍差不多：目标分布中有 {beyond:.0%} 落在 x₁ = {cut} 以外，"
        "加权训练后的直线在目标分布上的精度为 {cut_acc:.3f}，使用完整源分布时为 {full_acc:.3f}。"
        "把目标分布再往右移，让更多的目标数据落在没有源数据点的地方。",
    },
    # label
    "shift.label": {"en": "Label shift correction", "zh": "标签偏移纠正"},
    "shift.label_text": {
        "en": "A Fashion-MNIST MLP (784-256-10) is trained on part of the training split; the rest is held out to "
        "measure its **confusion matrix** $\\mathbf{C}$ ($c_{ij}$: the share of class $i$ predicted as $j$; a row "
        "per true class, as in scikit-learn, so the book's $\\mathbf{C}$, with a column per true class, is our "
        "$\\mathbf{C}^\\top$). The target is drawn from the unseen test split with a label distribution $p(y)$ you "
        "choose. Its labels stay hidden: only the mean prediction $\\mu(\\hat{y})$ is used, and solving the "
        "linear system gives $p(y)$ (clipped at 0 and renormalised if it goes negative). Then, as the book does, "
        "the training examples get the weights $\\beta_i = p(y_i)/q(y_i)$ and the model is trained on the "
        "**weighted empirical risk**. To keep that to seconds on a CPU we train the output layer for one more "
        "epoch on it, the hidden layer staying as trained; retraining the whole network would take minutes.",
        "zh": "在训练集的一部分上训练一个 Fashion-MNIST 多层感知机（784-256-10）；其余部分留作验证集，"
        "用来测量它的**混淆矩阵** $\\mathbf{C}$（$c_{ij}$：真实类别为 $i$ 的样本中被预测为 $j$ 的比例；"
        "与 scikit-learn 一样每行对应一个真实类别，所以书中每列对应一个真实类别的 $\\mathbf{C}$ 就是这里的 "
        "$\\mathbf{C}^\\top$）。目标数据从未见过的测试集中抽取，其标签分布 $p(y)$ 由你选择。目标数据的标签始终不可见："
        "只用到平均模型输出 $\\mu(\\hat{y})$，解这个线性方程组即得 $p(y)$（若出现负值，就在 0 处截断后重新归一化）。"
        "然后像书中那样，给训练样本赋予权重 $\\beta_i = p(y_i)/q(y_i)$，在**加权经验风险**上训练模型。"
        "为了在 CPU 上几秒内完成，我们只让输出层在加权经验风险上再训练一轮，隐藏层的参数保持不变；"
        "重新训练整个网络要花好几分钟。",
    },
    "shift.label_conditions": {
        "en": "**When the estimate holds** ([3.9]({link})): the label-shift assumption itself, $p(\\mathbf{{x}}|y)$ "
        "unchanged (each class looks the same in the target as in training); a classifier accurate enough that "
        "$\\mathbf{{C}}$ is invertible (a class it never predicts leaves a zero column, and the system no longer "
        "determines $p(y)$); and a target that contains only classes seen in training. {check}",
        "zh": "**估计成立的条件**（[3.9 节]({link})）：标签偏移假设本身成立，即 $p(\\mathbf{{x}}|y)$ 不变"
        "（每一类在目标数据中的样子与训练时相同）；分类器足够准确，使混淆矩阵 $\\mathbf{{C}}$ 可逆"
        "（如果某一类从未被预测到，就会出现全零的一列，方程组便无法确定 $p(y)$）；目标数据只包含训练时见过的类别。{check}",
    },
    "shift.cond_check": {
        "en": "On this classifier: validation accuracy {acc:.1%}, condition number of C {cond:.3g}. The first "
        "condition is not quite met between Fashion-MNIST's own splits: the confusion matrix measured on the test "
        "split differs most from the validation one for class {name} (by {diff:.3f} summed over its row; its "
        "recall {val:.3f} on validation, {test:.3f} on the test split), so targets rich in {name} are estimated "
        "less well.",
        "zh": "就这个分类器而言：验证精度 {acc:.1%}，C 的条件数 {cond:.3g}。在 Fashion-MNIST 自己的两个划分之间，"
        "第一个条件并不完全成立：在测试集上测得的混淆矩阵与验证集上的差别最大的是“{name}”这一类"
        "（该行差值之和为 {diff:.3f}；它在验证集上的召回率为 {val:.3f}，在测试集上为 {test:.3f}），"
        "所以“{name}”较多的目标数据估计得不那么准。",
    },
    "shift.train_size": {"en": "Training images", "zh": "训练图像数"},
    "shift.train_size_help": {
        "en": "The validation part is the 10,000 images that follow; a smaller or shorter-trained classifier gives a "
        "worse-conditioned C.",
        "zh": "验证部分是随后的 10000 张图像；训练数据更少或训练轮数更少的分类器，其 C 的条件数更差。",
    },
    "shift.epochs": {"en": "Epochs", "zh": "迭代周期数"},
    "shift.train_go": {"en": "Train the classifier", "zh": "训练分类器"},
    "shift.training": {"en": "Training the classifier…", "zh": "正在训练分类器……"},
    "shift.correcting": {
        "en": "Training the output layer on the weighted risk…",
        "zh": "正在加权经验风险上训练输出层……",
    },
    "shift.need_classifier": {
        "en": "Press “Train the classifier” to train it; everything below then works on unlabelled targets. "
        "Training takes a while on a CPU (about a minute at the defaults on a small server); a classifier trained "
        "before on this server appears without pressing the button.",
        "zh": "点击“训练分类器”即可开始训练；之后下面的一切都在无标签的目标数据上进行。"
        "在 CPU 上训练需要一些时间（默认设置下在小型服务器上约一分钟）；"
        "本服务器之前训练过的分类器无需点击按钮即可显示。",
    },
    "shift.too_few_images": {
        "en": "The classifier needs {needed} training images (training and validation parts), which exceeds the "
        "{have} training images of the data set on this server.",
        "zh": "分类器需要 {needed} 张训练图像（训练部分和验证部分合计），超过了本服务器数据集中的 {have} 张训练图像。",
    },
    "shift.classifier_done": {
        "en": "Classifier trained on {n} images in {seconds:.1f} s (seed 0, one classifier for every seed: the "
        "sidebar's seed draws the target); validation accuracy {acc:.2%}.",
        "zh": "分类器在 {n} 张图像上训练完成，用时 {seconds:.1f} 秒（种子 0；所有种子共用这一个分类器，"
        "侧边栏的种子决定抽到的目标数据）；验证精度 {acc:.2%}。",
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
        "en": "shirts: 90% shirts, 10% t-shirts. The classifier mistakes many shirts for t-shirts, pullovers and "
        "coats; knowing that shirts are common fixes most of those mistakes.",
        "zh": "shirts：90% 衬衫，10% T 恤。分类器常把衬衫错认成 T 恤、套衫和外套；知道衬衫很常见，就能改正其中大部分错误。",
    },
    "shift.preset_bags": {"en": "bags: one class only.", "zh": "bags：只有一类（包）。"},
    "shift.preset_custom": {"en": "custom: set a weight per class.", "zh": "custom：为每一类设置权重。"},
    # the custom target's weight sliders are labelled with the class names, one list for the whole app
    **{f"shift.w{k}": {lang: names[k] for lang, names in CLASS_NAMES.items()} for k in range(10)},
    "shift.custom": {"en": "Weight of each class in the target", "zh": "目标数据中每一类的权重"},
    "shift.n_target": {"en": "Target images", "zh": "目标图像数"},
    "shift.all_zero": {
        "en": "Every class has weight 0: the target would be empty. Give at least one class a weight.",
        "zh": "所有类别的权重都是 0：目标数据会是空的。请至少给一个类别设置权重。",
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
    "shift.plain": {"en": "classifier as trained", "zh": "训练好的原始分类器"},
    "shift.reweighted": {"en": "its outputs × estimated p(y)/q(y)", "zh": "其输出乘以估计的 p(y)/q(y)"},
    "shift.weighted": {
        "en": "weighted training, estimated β (the book's correction)",
        "zh": "加权训练，估计的 β（书中的纠正方法）",
    },
    "shift.control": {"en": "the same epoch unweighted (control)", "zh": "同样再训练一轮但不加权（对照）"},
    "shift.oracle": {"en": "weighted training, true β", "zh": "加权训练，真实的 β"},
    "shift.accuracy": {"en": "target accuracy", "zh": "目标精度"},
    "shift.round_accuracy": {"en": "accuracy on the new round", "zh": "在新一轮数据上的精度"},
    "shift.loss": {"en": "target loss", "zh": "目标损失"},
    "shift.label_yes": {
        "en": "**Weighted training corrects for the shift:** on this target draw the accuracy rises from "
        "{plain:.3f} (the classifier as trained) to {weighted:.3f}; the same extra epoch without weights gives "
        "{control:.3f}, so the gain is the weights'.",
        "zh": "**加权训练纠正了这次偏移**：在这次抽到的目标数据上，精度从 {plain:.3f}（训练好的原始分类器）升到 "
        "{weighted:.3f}；同样再训练一轮但不加权只得到 {control:.3f}，所以提升来自权重。",
    },
    "shift.label_no": {
        "en": "**On this target draw weighted training does not help much:** the accuracy goes from {plain:.3f} "
        "(the classifier as trained) to {weighted:.3f}, and the same extra epoch without weights gives "
        "{control:.3f}. A target close to the training distribution leaves little to correct.{hint}",
        "zh": "**在这次抽到的目标数据上，加权训练帮助不大**：精度从 {plain:.3f}（训练好的原始分类器）变为 "
        "{weighted:.3f}，同样再训练一轮但不用权重则为 {control:.3f}。目标数据与训练分布相近时，本来就没有多少可纠正的。{hint}",
    },
    "shift.label_other_seeds": {"en": " Other draws do: try seed {seeds}.", "zh": "其他抽样可以：试试种子 {seeds}。"},
    "shift.label_other_target": {
        "en": " Try the “shirts” target, where the classifier's errors depend most on p(y).",
        "zh": "试试“shirts”目标，分类器的错误在那里最依赖 p(y)。",
    },
    "shift.label_note": {
        "en": "Multiplying the classifier's outputs by β = p(y)/q(y) and renormalising gives {output:.3f} here. "
        "That is Bayes' rule for a model whose outputs are calibrated probabilities, and what weighted training "
        "would reach in the limit of enough data and a flexible enough model; it is not the same computation, "
        "and the two can differ on a finite sample. The last row uses the target's true labels to set β: the "
        "best the weighted training could do here; everything else uses none of them.",
        "zh": "把分类器的输出乘以 β = p(y)/q(y) 再归一化，这里得到 {output:.3f}。如果模型输出的是校准良好的概率，"
        "这就是贝叶斯公式，也是加权训练在数据足够多、模型足够灵活时的极限；但两者并不是同一种计算，"
        "在有限的样本上结果可能不同。最后一行用目标数据的真实标签来确定 β：这是加权训练在这里所能达到的最好结果；"
        "其余各行都完全没有用到这些标签。",
    },
    "shift.label_spread": {
        "en": "The same target on draws 0–4 (seed: accuracy as trained → weighted training): {cells}.",
        "zh": "同一目标分布在抽样 0–4 上的结果（种子：原始分类器的精度 → 加权训练后的精度）：{cells}。",
    },
    "shift.alt_distribution": {
        "en": "Bar chart of p(y) per class: the target's true distribution, our estimate (L1 error {l1:.3f}) and "
        "the training q(y). Largest true class: {top} at {p:.2f}, estimated {est:.2f}.",
        "zh": "各类别 p(y) 的条形图：目标数据的真实分布、我们的估计（L1 误差 {l1:.3f}）和训练集的 q(y)。"
        "真实占比最大的类别：{top}，占 {p:.2f}，估计为 {est:.2f}。",
    },
    "shift.alt_confusion": {
        "en": "Heat map of the confusion matrix C (rows: true class, columns: predicted class). The diagonal runs "
        "from {low:.2f} ({low_name}) to {high:.2f} ({high_name}); the largest confusion is {true} taken for {pred}, "
        "{c:.2f}.",
        "zh": "混淆矩阵 C 的热图（行：真实类别，列：预测类别）。对角线上的值从 {low:.2f}（{low_name}）到 "
        "{high:.2f}（{high_name}）；最大的混淆是把“{true}”错认为“{pred}”，占 {c:.2f}。",
    },
    # concept
    "shift.concept": {"en": "Concept shift", "zh": "概念偏移"},
    "shift.concept_text": {
        "en": "A stream of 2-D points arrives in rounds of 200; the rule that labels them is a line through the "
        "origin that turns a little every round. Two logistic regressions start from the same fit to round 0. The "
        "**frozen** one never changes. The **updated** one, after being scored on each new round, takes a few "
        "gradient steps on its labels, starting from its current weights rather than from scratch, as the book "
        "suggests for concepts that change slowly.",
        "zh": "二维数据点以每轮 200 个的方式到来；给它们打标签的规则是一条过原点的直线，每一轮都转动一点。"
        "两个对数几率回归模型从对第 0 轮的同一个拟合出发。**冻结**的模型从不改变。**更新**的模型在每一轮新数据上评估之后，"
        "用这一轮的标签走几步梯度下降，并且从当前的权重出发，而不是从零开始训练，正如书中针对缓慢变化的概念所建议的。",
    },
    "shift.drift": {"en": "Rule turns per round (degrees)", "zh": "规则每轮转动的角度（度）"},
    "shift.updates": {"en": "Gradient steps per round", "zh": "每轮的梯度步数"},
    "shift.updates_help": {"en": "0 makes the updated model frozen too.", "zh": "设为 0 时，更新的模型也就冻结了。"},
    "shift.frozen": {"en": "frozen model", "zh": "冻结的模型"},
    "shift.updated": {"en": "updated model", "zh": "更新的模型"},
    "shift.rule": {"en": "labelling rule", "zh": "标签规则"},
    "shift.round": {"en": "round", "zh": "轮次"},
    "shift.angle": {"en": "direction of the boundary's normal (degrees)", "zh": "边界法向的方向（度）"},
    "shift.concept_yes": {
        "en": "**Updating keeps up with the drift, freezing does not:** over the last 10 rounds the updated model "
        "is right on {updated:.1%} of the new points, the frozen one on {frozen:.1%} (the rule has turned "
        "{turned:.0f}° by then).",
        "zh": "**持续更新能跟上漂移，冻结则不能**：在最后 10 轮中，更新的模型在新数据点上的精度为 {updated:.1%}，"
        "冻结的模型为 {frozen:.1%}（此时规则已经转过了 {turned:.0f}°）。",
    },
    "shift.concept_no": {
        "en": "**In this run updating does not set the two models apart:** over the last 10 rounds the updated model "
        "is right on {updated:.1%} of the new points, the frozen one on {frozen:.1%} (the rule has turned "
        "{turned:.0f}°). With no drift there is nothing to keep up with; with no gradient steps the updated model "
        "is frozen too.",
        "zh": "**这次运行中，更新并没有拉开两个模型的差距**：在最后 10 轮中，更新的模型在新数据点上的精度为 "
        "{updated:.1%}，冻结的模型为 {frozen:.1%}（规则转过了 {turned:.0f}°）。规则不动时无须跟上；"
        "梯度步数为 0 时，更新的模型也就冻结了。",
    },
    "shift.concept_spread": {
        "en": "Seeds 0–4, last 10 rounds, frozen / updated: {cells}.",
        "zh": "种子 0–4，最后 10 轮的精度（冻结 / 更新）：{cells}。",
    },
    "shift.alt_concept": {
        "en": "Two line charts over {rounds} rounds. Accuracy on each new round: the frozen model falls from "
        "{f0:.2f} to {f1:.2f}, the updated one goes from {u0:.2f} to {u1:.2f}. Direction of the boundaries: the "
        "rule turns to {rule:.0f}°, the updated model follows to {follow:.0f}°, the frozen one stays at "
        "{frozen_angle:.0f}°.",
        "zh": "两幅折线图，共 {rounds} 轮。在每一轮新数据上的精度：冻结的模型从 {f0:.2f} 变为 {f1:.2f}，"
        "更新的模型从 {u0:.2f} 变为 {u1:.2f}。边界的方向：规则转到 {rule:.0f}°，更新的模型跟到 {follow:.0f}°，"
        "冻结的模型停在 {frozen_angle:.0f}°。",
    },
    # the taxonomy of learning problems
    "shift.problems": {"en": "Learning problems, and what the environment does", "zh": "学习问题的分类"},
    "shift.problems_text": {
        "en": "The book closes the section with a taxonomy ([3.9]({link})). In **batch learning** a model is trained "
        "once on a fixed set and then deployed unchanged (a cat door that is never updated). In **online "
        "learning** it sees $\\mathbf{{x}}_t$, predicts, only then sees $y_t$, pays the loss and updates, round after "
        "round, like the updated model above. **Bandits** are online learning with a finite set of actions (arms) "
        "to choose from. In **control** the environment remembers what we did (a boiler's temperature depends on "
        "how we heated it; PID controllers are a classic tool). In **reinforcement learning** the environment "
        "may even react to us strategically (chess, Go, a self-driving car among other drivers). The more the "
        "environment changes, and the more our own actions change it, the less a model fitted once can be trusted.",
        "zh": "书中在本节最后给出了学习问题的分类（[3.9 节]({link})）。**批量学习**：在固定的数据集上训练一次，"
        "然后原样部署（装好后再也不更新的智能猫门）。**在线学习**：先看到 $\\mathbf{{x}}_t$ 并作出预测，然后才看到 "
        "$y_t$、承担损失并更新模型，一轮又一轮，就像上面那个更新的模型。**老虎机**是在线学习的特例，"
        "可选的行动（拉哪只手臂）是有限的。**控制**：环境会记住我们做过的事（锅炉的温度取决于之前怎样加热，"
        "PID 控制器是常用的工具）。**强化学习**：环境甚至可能有策略地回应我们（国际象棋、围棋、与其他司机同行的自动驾驶汽车）。"
        "环境变化得越多、我们自己的行动对它的改变越大，只拟合一次的模型就越不可信。",
    },
    # fairness, accountability, feedback loops
    "shift.fairness": {
        "en": "Fairness, accountability and feedback loops",
        "zh": "机器学习中的公平、责任和透明度",
    },
    "shift.fairness_text": {
        "en": "A deployed model is usually a decision tool, and its decisions change people's lives and the data it "
        "will see next ([3.9]({link})). Accuracy is rarely the right measure: some mistakes cost far more than "
        "others, and a model may work for one group and fail for another. Worst, predictions can feed back into "
        "their own training data. The book's example is **predictive policing**: patrols go where the model "
        "predicts crime; more patrols find more crime there; that data says the place has even more crime; the "
        "next model sends even more patrols, a **runaway feedback loop** that says more about where we looked "
        "than about where crime is. The same happens in the book's loan example, where applicants learn to wear "
        "the shoes the model likes.",
        "zh": "部署后的模型通常是一个决策工具，它的决策会影响人们的生活，也会改变它接下来看到的数据（[3.9 节]({link})）。"
        "精度很少是合适的衡量标准：有些错误的代价远高于其他错误，模型也可能对一个群体有效、对另一个群体无效。"
        "更糟的是，预测会反过来进入它自己的训练数据。书中的例子是**预测性警务**：巡逻人员被派往模型预测犯罪率高的地区；"
        "巡逻越多，在那里发现的犯罪就越多；这些数据又说明那里的犯罪更多；下一次迭代的模型便派去更多巡逻人员。"
        "这就是**失控反馈循环**，它反映的更多是我们往哪里看，而不是犯罪发生在哪里。书中贷款的例子也是一样："
        "申请人很快学会了穿模型喜欢的鞋子。",
    },
}

# The words of this topic's rows of the reproduce registry (mlp_lab.checks): check.<id>.quantity,
# .source (what the source says, or for a claim the page's sentence) and .tolerance.
STRINGS |= {
    "check.shift.covariate_density_ratio.quantity": {
        "en": "beta_i = exp(h(x_i)) from the source-vs-target logistic regression against the true p(x_i)/q(x_i), default target, seed 0: correlation of the logs; median ratio",
        "zh": "由区分源与目标的对数几率回归得到的 beta_i = exp(h(x_i)) 与真实 p(x_i)/q(x_i) 的比较（默认目标分布，种子 0）：对数的相关系数；比值的中位数",
    },
    "check.shift.covariate_density_ratio.source": {
        "en": "3.9: P(z=1|x)/P(z=-1|x) = p(x)/q(x), so a logistic regression's exp(h(x)) estimates the weight beta",
        "zh": "3.9 节：P(z=1|x)/P(z=-1|x) = p(x)/q(x)，所以对数几率回归的 exp(h(x)) 就是权重 beta 的估计",
    },
    "check.shift.covariate_density_ratio.tolerance": {
        "en": "correlation >= 0.9 and median ratio in [0.5, 2] (seeds 0-7: correlation 0.989 to 0.999, median 1.15 to 1.43)",
        "zh": "相关系数 >= 0.9，比值中位数在 [0.5, 2] 内（种子 0-7：相关系数 0.989 至 0.999，中位数 1.15 至 1.43）",
    },
    "check.shift.label_shift_estimate.quantity": {
        "en": "L1 error of p(y) estimated by solving C^T p(y) = mu(y_hat) (C: one row per true class; the book's C is its transpose) on 5,000-image targets from the test split (mostly shoes / mostly tops / bags only), worst of the three",
        "zh": "在取自测试集的 5000 张图像目标数据上解 C^T p(y) = mu(y_hat)（C 每行对应一个真实类别；书中的 C 是它的转置）估计 p(y) 的 L1 误差（多为鞋 / 多为上衣 / 只有包），三者中最差者",
    },
    "check.shift.label_shift_estimate.source": {
        "en": "3.9: with a good enough classifier, C p(y) = mu(y_hat) gives the target's label distribution",
        "zh": "3.9 节：分类器足够好时，解 C p(y) = mu(y_hat) 即得目标数据的标签分布",
    },
    "check.shift.label_shift_estimate.tolerance": {
        "en": "< 0.08 (seeds 0-4 of the classifier and the draw: 0.044 to 0.068)",
        "zh": "< 0.08（分类器与抽样的种子 0-4：0.044 至 0.068）",
    },
    # claims: the page's sentences over seeds
    "check.shift.covariate_line_corrected.quantity": {
        "en": "share of seeds 0-7 where, at the page's defaults, weighted training raises the straight line's target accuracy by >= 0.05, the quadratic's changes by <= 0.02, and the weights are worth >= 5% of the source points",
        "zh": "种子 0-7 中，在页面默认设置下，加权训练让直线模型的目标精度提高至少 0.05、二次模型的变化不超过 0.02、且权重相当于至少 5% 源数据点的比例",
    },
    "check.shift.covariate_line_corrected.source": {
        "en": "page: \u201cWeighted training corrects the straight line\u201d; the weights hardly matter for the quadratic",
        "zh": "页面：“加权训练纠正了直线模型”；权重对二次模型几乎没有影响",
    },
    "check.shift.covariate_line_corrected.tolerance": {
        "en": "at least 75% of seeds 0-7 (measured: 8 of 8; the line gains 0.25 to 0.32, the quadratic changes by -0.008 to 0.000)",
        "zh": "种子 0-7 中至少 75%（实测：8 个中 8 个；直线提高 0.25 至 0.32，二次模型变化 -0.008 至 0.000）",
    },
    "check.shift.covariate_support.quantity": {
        "en": "share of seeds 0-7 where, with the source cut at x1 <= 0.5 (q(x) = 0 beyond), the weighted straight line's target accuracy stays at least 0.1 below the one with the full source",
        "zh": "种子 0-7 中，源分布在 x1 <= 0.5 处截断（其外 q(x) = 0）时，加权训练的直线在目标分布上的精度比使用完整源分布时至少低 0.1 的比例",
    },
    "check.shift.covariate_support.source": {
        "en": "page: \u201cThe correction fails without support\u201d",
        "zh": "页面：“没有覆盖，纠正就会失败”",
    },
    "check.shift.covariate_support.tolerance": {
        "en": "at least 75% of seeds 0-7 (measured: 8 of 8; 0.47 to 0.51 against 0.86 to 0.89)",
        "zh": "种子 0-7 中至少 75%（实测：8 个中 8 个；0.47 至 0.51，对比 0.86 至 0.89）",
    },
    "check.shift.label_weighted_training_helps.quantity": {
        "en": "share of target draws 0-7 (the page's default classifier and its default target, 90% shirts) where the output layer trained one epoch on the weighted risk beats both the classifier as trained and the same epoch unweighted by >= 0.01 in target accuracy",
        "zh": "目标抽样 0-7 中（页面默认的分类器与默认目标分布，90% 衬衫），输出层在加权经验风险上再训练一轮后，目标精度比原始分类器和不加权的同样一轮都至少高 0.01 的比例",
    },
    "check.shift.label_weighted_training_helps.source": {
        "en": "page: \u201cWeighted training corrects for the shift\u201d",
        "zh": "页面：“加权训练纠正了这次偏移”",
    },
    "check.shift.label_weighted_training_helps.tolerance": {
        "en": "at least 75% of draws 0-7 (measured: 8 of 8; 0.62-0.65 as trained, 0.50-0.59 the control, 0.87-0.92 weighted)",
        "zh": "抽样 0-7 中至少 75%（实测：8 个中 8 个；原始分类器 0.62-0.65，对照 0.50-0.59，加权训练 0.87-0.92）",
    },
    "check.shift.concept_update_keeps_up.quantity": {
        "en": "share of seeds 0-7 where, at the page's defaults, the updated model's accuracy over the last 10 rounds is >= 0.8 and at least 0.2 above the frozen one's",
        "zh": "种子 0-7 中，在页面默认设置下，更新的模型在最后 10 轮的精度 >= 0.8 且比冻结的模型至少高 0.2 的比例",
    },
    "check.shift.concept_update_keeps_up.source": {
        "en": "page: \u201cUpdating keeps up with the drift, freezing does not\u201d",
        "zh": "页面：“持续更新能跟上漂移，冻结则不能”",
    },
    "check.shift.concept_update_keeps_up.tolerance": {
        "en": "at least 75% of seeds 0-7 (measured: 8 of 8; updated 0.90 to 0.91, frozen 0.07 to 0.09)",
        "zh": "种子 0-7 中至少 75%（实测：8 个中 8 个；更新的模型 0.90 至 0.91，冻结的模型 0.07 至 0.09）",
    },
    # --- learn by doing (mlp_lab.activities.shift) -------------------------------------------------
    "learn.shift.axis_acc": {"en": "accuracy on the target (%)", "zh": "目标上的精度（%）"},
    "learn.shift.plain_line.q": {
        "en": "The target's centre sits at ({x1:g}, {x2:g}). The straight-line classifier trained on the source "
        "as it is, without weights: what is its accuracy on the target?",
        "zh": "目标分布的中心在 ({x1:g}, {x2:g})。直接在源分布上训练、不加权重的直线分类器：它在目标上的精度是多少？",
    },
    "learn.shift.plain_line.why": {
        "en": "The plain line scores {plain:.1%} on the target, against {bayes:.1%} for the best possible "
        "classifier: it placed its boundary where the source's points are, and the true boundary bends away "
        "elsewhere; trained with the weights β it reaches {weighted:.1%}.",
        "zh": "不加权重的直线在目标上的精度是 {plain:.1%}，而最好的分类器能达到 {bayes:.1%}："
        "它把决策边界放在源数据所在之处，而真实边界在别处弯曲；用权重 β 训练后达到 {weighted:.1%}。",
    },
    "learn.shift.label_plain.q": {
        "en": "The classifier learned from the training mix of classes. On the target '{preset}', with no "
        "correction, what is its accuracy?",
        "zh": "分类器是在训练集的类别比例上学到的。在目标“{preset}”上、不做任何纠正时，它的精度是多少？",
    },
    "learn.shift.label_plain.why": {
        "en": "{acc:.1%} on this target against {val:.1%} on held-out data with the training mix: accuracy "
        "averages the classes weighted by p(y), and this target puts its weight on classes the classifier "
        "gets wrong more often.",
        "zh": "在这个目标上精度为 {acc:.1%}，而在训练比例的留出数据上为 {val:.1%}：精度是按 p(y) 对各类别加权的平均，"
        "而这个目标把权重放在了分类器更常出错的类别上。",
    },
    "learn.shift.label_plain.why_up": {
        "en": "{acc:.1%} on this target against {val:.1%} on held-out data with the training mix: this target "
        "puts its weight on classes the classifier gets right more often.",
        "zh": "在这个目标上精度为 {acc:.1%}，而在训练比例的留出数据上为 {val:.1%}：这个目标把权重放在了分类器更常分对的类别上。",
    },
    "learn.shift.support.goal": {
        "en": "Below, the source is cut at x₁ = {cut:g} (no points beyond). Move the target (its centre or "
        "spread) so that the weighted straight line trained on the cut source comes within {pts:.0f} points of "
        "the one trained on the full source.",
        "zh": "下面的源分布在 x₁ = {cut:g} 处被截断（之外没有点）。移动目标分布（中心或标准差），"
        "使在截断源上加权训练的直线，与在完整源上加权训练的直线精度相差不超过 {pts:.0f} 个百分点。",
    },
    "learn.shift.support.passed": {
        "en": "On the cut source the corrected line scores {cut_acc:.1%}, {gap_abs:.1f} points from the full "
        "source's {full_acc:.1%}: only {beyond:.0%} of the target lies beyond the cut.",
        "zh": "在截断源上纠正后的直线精度为 {cut_acc:.1%}，与完整源的 {full_acc:.1%} 相差 {gap_abs:.1f} 个百分点："
        "只有 {beyond:.0%} 的目标落在截断线之外。",
    },
    "learn.shift.support.off": {
        "en": "On the cut source the corrected line scores {cut_acc:.1%}, {gap_pts:.1f} points below the full "
        "source's {full_acc:.1%}: {beyond:.0%} of the target lies beyond x₁ = {cut:g}, where no weight can help.",
        "zh": "在截断源上纠正后的直线精度为 {cut_acc:.1%}，比完整源的 {full_acc:.1%} 低 {gap_pts:.1f} 个百分点："
        "{beyond:.0%} 的目标落在 x₁ = {cut:g} 之外，那里任何权重都无能为力。",
    },
    "learn.shift.support.hint1": {
        "en": "Reweighting can only reweigh points the source has: where q(x) = 0 there is nothing to weigh, "
        "and that part of the target is never seen in training.",
        "zh": "重新加权只能给源中已有的点加权：在 q(x) = 0 的地方没有点可加权，目标的那一部分在训练中从未出现。",
    },
    "learn.shift.support.hint2": {
        "en": "Move the target's centre x₁ well below the cut, or make its spread smaller, until little of the "
        "target lies beyond the cut.",
        "zh": "把目标中心 x₁ 移到截断线以左较远处，或减小其标准差，直到目标几乎没有落在截断线之外的部分。",
    },
}

# --- the book's exercises (3.9) ----------------------------------------------------------------------
STRINGS |= {
    "ex.3.9.1.title": {"en": "When a search engine changes", "zh": "当搜索引擎改变行为"},
    "ex.3.9.1.q": {
        "en": "Suppose a search engine changes how it ranks results. What happens next? How might its users "
        "respond, and how might advertisers?",
        "zh": "假设搜索引擎改变了结果的排序方式，接下来会发生什么？用户可能如何反应？广告商呢？",
    },
    "ex.3.9.1.answer": {
        "en": "The ranker was trained on clicks that the *old* ranker produced; once it changes, the world "
        "that generates its data changes too, so the training distribution now depends on the model.\n\n"
        "- **Users** adapt: they click what is now on top (position bias), rephrase queries, learn new "
        "habits, or leave for another engine. The new click logs are a shifted distribution (covariate "
        "shift in the queries and pages shown, concept shift in what a click means), and a model retrained on "
        "them learns partly from its own choices: a feedback loop.\n"
        "- **Advertisers and site owners** adapt strategically: they optimise pages for the new signals "
        "(search-engine optimisation, spam), shift bids and budgets, game whatever is rewarded (Goodhart's "
        "law). The features keep their names but lose their meaning: an adversarial concept shift.\n"
        "- **Consequences**: offline accuracy measured on old logs overstates the new system; engines "
        "answer with A/B tests, randomised exploration and off-policy evaluation, continual retraining, "
        "and monitoring for shift. In the book's taxonomy this is the environment reacting to the "
        "learner (reinforcement learning and adversarial settings rather than a fixed distribution).",
        "zh": "排序模型是用*旧*排序模型产生的点击训练的；一旦它改变，产生数据的环境也随之改变，"
        "训练数据的分布因此依赖于模型本身。\n\n"
        "- **用户**会适应：点击现在排在前面的结果（位置偏差）、换一种方式提问、养成新习惯，或者转向别的搜索引擎。"
        "新的点击日志是偏移后的分布（所展示的查询和网页发生协变量偏移，点击的含义发生概念偏移），"
        "用它重新训练的模型部分是在学习自己的选择：形成反馈回路。\n"
        "- **广告商和网站主**会策略性地适应：针对新的信号优化网页（搜索引擎优化、垃圾内容），调整出价和预算，"
        "钻被奖励的空子（古德哈特定律）。特征的名字没变，含义却变了：这是对抗性的概念偏移。\n"
        "- **后果**：在旧日志上离线测得的精度会高估新系统；搜索引擎因此依靠 A/B 测试、随机探索和离策略评估、"
        "持续重新训练，以及对偏移的监控。按书中的分类，这是环境对学习者作出反应"
        "（属于强化学习和对抗性场景，而不是固定的分布）。",
    },
    "ex.3.9.2.title": {"en": "A covariate-shift detector", "zh": "协变量偏移检测器"},
    "ex.3.9.2.q": {
        "en": "Build a detector for covariate shift. (Hint: train a classifier.)",
        "zh": "实现一个协变量偏移检测器。（提示：训练一个分类器。）",
    },
    "ex.3.9.2.try": {
        "en": "The detector is the page's source-against-target logistic regression (the one the correction "
        "takes its weights from), trained on half of the page's source and target points and scored on the "
        "other half. If it beats chance (AUC 0.5) on points it never saw, the inputs have shifted. Move the "
        "target above: put its centre at (0, 0) with spread 1 (no shift), or change only the spread.",
        "zh": "检测器就是页面上区分源和目标的逻辑回归（纠正方法从它得到权重），用页面上一半的源点和目标点训练，"
        "在另一半上评分。如果它在没见过的点上胜过随机猜测（AUC 0.5），输入就发生了偏移。在上文移动目标："
        "把中心放在 (0, 0)、标准差设为 1（没有偏移），或者只改变标准差。",
    },
    "ex.3.9.2.axis_fpr": {"en": "false-positive rate (source taken for target)", "zh": "假阳性率（源被当作目标）"},
    "ex.3.9.2.axis_tpr": {"en": "true-positive rate", "zh": "真阳性率"},
    "ex.3.9.2.s.quadratic": {"en": "quadratic features (the page's)", "zh": "二次特征（页面所用）"},
    "ex.3.9.2.s.linear": {"en": "linear features", "zh": "线性特征"},
    "ex.3.9.2.s.chance": {"en": "chance", "zh": "随机猜测"},
    "ex.3.9.2.finding": {
        "en": "shift detected: on {n:,} held-out points the classifier tells target from source with AUC "
        "{auc:.3f} (accuracy {acc:.1%}), {z:.1f} standard errors above chance (0.5; the detector fires from "
        "{limit:g}). With linear features only: AUC {auc_lin:.3f}.",
        "zh": "检测到偏移：在 {n:,} 个留出的点上，分类器区分目标和源的 AUC 为 {auc:.3f}（精度 {acc:.1%}），"
        "比随机猜测（0.5）高 {z:.1f} 个标准误（超过 {limit:g} 即报警）。只用线性特征时：AUC {auc_lin:.3f}。",
    },
    "ex.3.9.2.finding_none": {
        "en": "no shift detected: on {n:,} held-out points the classifier's AUC is {auc:.3f} (accuracy "
        "{acc:.1%}), {z:.1f} standard errors from chance (0.5), below the alarm at {limit:g}. With linear "
        "features only: AUC {auc_lin:.3f}.",
        "zh": "未检测到偏移：在 {n:,} 个留出的点上，分类器的 AUC 为 {auc:.3f}（精度 {acc:.1%}），"
        "与随机猜测（0.5）相差 {z:.1f} 个标准误，低于报警线 {limit:g}。只用线性特征时：AUC {auc_lin:.3f}。",
    },
    "ex.3.9.2.answer": {
        "en": "Pool unlabelled inputs from training (z = 0) and from deployment (z = 1), train any classifier "
        "to predict z, and score it on held-out pooled points. Without covariate shift the two samples come "
        "from one p(x) and no classifier can beat chance (AUC 0.5, up to sampling noise: here the standard "
        "error is about $\\sqrt{(n_1+n_0+1)/(12 n_1 n_0)}$). The detector sees only what its features can "
        "express: a target that differs only in spread is invisible to a straight line but not to quadratic "
        "features. As a bonus the same classifier gives the correction's weights, $\\beta = \\exp(h(x))$.",
        "zh": "把训练时的无标签输入（z = 0）和部署时的输入（z = 1）合在一起，训练任意一个分类器来预测 z，"
        "再在留出的点上评估。没有协变量偏移时，两份样本来自同一个 p(x)，任何分类器都无法胜过随机猜测"
        "（AUC 0.5，允许抽样噪声：标准误约为 $\\sqrt{(n_1+n_0+1)/(12 n_1 n_0)}$）。检测器只能看到其特征"
        "能表达的差异：只有标准差不同的目标，直线看不出来，二次特征却可以。同一个分类器还顺带给出纠正所需的权重 "
        "$\\beta = \\exp(h(x))$。",
    },
    "ex.3.9.3.title": {"en": "Covariate-shift correction", "zh": "协变量偏移纠正"},
    "ex.3.9.3.q": {
        "en": "Implement the correction for covariate shift.",
        "zh": "实现协变量偏移纠正。",
    },
    "ex.3.9.3.try": {
        "en": "The page implements the book's three steps above (classifier, weights β = exp(h(x)), weighted "
        "training); this reads its run at the page's settings and with the target's centre moved along x₁. "
        "Change the target and the clipping above.",
        "zh": "页面上文实现了书中的三个步骤（分类器、权重 β = exp(h(x))、加权训练）；这里读取页面当前设置下的运行，"
        "并把目标中心沿 x₁ 移动。可以在上文改变目标和截断值。",
    },
    "ex.3.9.3.s.plain": {"en": "straight line, unweighted", "zh": "直线，不加权"},
    "ex.3.9.3.s.weighted": {"en": "straight line, weighted (corrected)", "zh": "直线，加权（已纠正）"},
    "ex.3.9.3.s.bayes": {"en": "best possible", "zh": "最优可能"},
    "ex.3.9.3.finding": {
        "en": "with the target centred at x₁ = {x1:g}, weighted training raises the straight line's accuracy on "
        "the target from {plain:.1%} to {weighted:.1%} (+{gain_pts:.1f} points; the best possible is {bayes:.1%}), "
        "while the quadratic boundary, right everywhere already, stays put ({q_plain:.1%} → {q_weighted:.1%}). The "
        "weights are worth {ess:.0f} of the {n:,} source points.",
        "zh": "目标中心在 x₁ = {x1:g} 时，加权训练把直线在目标上的精度从 {plain:.1%} 提高到 {weighted:.1%}"
        "（+{gain_pts:.1f} 个百分点；最优可能为 {bayes:.1%}），而本来处处正确的二次边界几乎不变"
        "（{q_plain:.1%} → {q_weighted:.1%}）。这些权重相当于 {n:,} 个源点中的 {ess:.0f} 个。",
    },
    "ex.3.9.3.finding_small": {
        "en": "with the target centred at x₁ = {x1:g}, weighted training changes the straight line's accuracy on "
        "the target only from {plain:.1%} to {weighted:.1%} ({gain_pts:+.1f} points; best possible {bayes:.1%}): "
        "where the target sits, the unweighted line is already about as good as a line gets. Quadratic: "
        "{q_plain:.1%} → {q_weighted:.1%}; the weights are worth {ess:.0f} of {n:,} source points.",
        "zh": "目标中心在 x₁ = {x1:g} 时，加权训练只把直线在目标上的精度从 {plain:.1%} 变为 {weighted:.1%}"
        "（{gain_pts:+.1f} 个百分点；最优可能为 {bayes:.1%}）：在目标所在的区域，不加权的直线已经差不多是最好的直线。"
        "二次边界：{q_plain:.1%} → {q_weighted:.1%}；权重相当于 {n:,} 个源点中的 {ess:.0f} 个。",
    },
    "ex.3.9.3.finding_collapse": {
        "en": "with the target centred at x₁ = {x1:g}, the weights rest on only {ess:.0f} of the {n:,} source "
        "points: the target lies where the source has almost no data. The straight line goes from {plain:.1%} "
        "to {weighted:.1%} (best possible {bayes:.1%}); reweighting cannot create points that were never drawn.",
        "zh": "目标中心在 x₁ = {x1:g} 时，权重只落在 {n:,} 个源点中的 {ess:.0f} 个上：目标位于源几乎没有数据的地方。"
        "直线从 {plain:.1%} 变为 {weighted:.1%}（最优可能为 {bayes:.1%}）；重新加权无法创造从未抽到的点。",
    },
    "ex.3.9.3.answer": {
        "en": "The correction is three lines once the detector exists: (1) fit the source-against-target "
        "classifier h; (2) weight each training example by $\\beta_i = \\exp(h(\\mathbf{x}_i))$ (times "
        "$n_{\\text{source}}/n_{\\text{target}}$ when the samples differ in size, and clipped at c to tame "
        "a few huge weights); (3) minimise $\\frac{1}{n}\\sum_i \\beta_i\\, l(f(\\mathbf{x}_i), y_i)$. It "
        "matters for a model too simple to be right everywhere (the straight line: it must choose where to "
        "be right, and the weights tell it: where the target is). It needs the source to cover the target "
        "(q(x) > 0 wherever p(x) > 0), and it pays in variance: the effective number of points, "
        "$(\\sum\\beta_i)^2/\\sum\\beta_i^2$, shrinks as the target moves away.",
        "zh": "有了检测器，纠正只需三步：(1) 训练区分源和目标的分类器 h；(2) 给每个训练样本加权 "
        "$\\beta_i = \\exp(h(\\mathbf{x}_i))$（两份样本大小不同时再乘以 "
        "$n_{\\text{source}}/n_{\\text{target}}$，并在 c 处截断以抑制少数过大的权重）；(3) 最小化 "
        "$\\frac{1}{n}\\sum_i \\beta_i\\, l(f(\\mathbf{x}_i), y_i)$。它对一个过于简单、无法处处正确的模型"
        "有意义（直线必须选择在哪里正确，权重告诉它：在目标所在之处）。它要求源覆盖目标"
        "（凡 p(x) > 0 处都有 q(x) > 0），代价是方差：有效样本数 $(\\sum\\beta_i)^2/\\sum\\beta_i^2$ "
        "随目标远离而减少。",
    },
    "ex.3.9.4.title": {"en": "Empirical risk against true risk", "zh": "经验风险与真实风险"},
    "ex.3.9.4.q": {
        "en": "Distribution shift aside, what else decides how closely the empirical risk tracks the true risk?",
        "zh": "除了分布偏移之外，还有什么会影响经验风险与真实风险的接近程度？",
    },
    "ex.3.9.4.try": {
        "en": "The run uses the page's source distribution without any shift: a polynomial logistic regression "
        "of the chosen degree is fitted on n points, and its risk on those n points (the empirical risk) is "
        "compared with its risk on 20,000 fresh points (the true risk, nearly), averaged over several "
        "training sets per n. Change the degree.",
        "zh": "运行使用页面上的源分布，没有任何偏移：在 n 个点上拟合所选次数的多项式逻辑回归，把它在这 n 个点上的风险"
        "（经验风险）与在 20,000 个新点上的风险（近似真实风险）作比较，每个 n 对若干个训练集取平均。可以改变次数。",
    },
    "ex.3.9.4.degree": {"en": "polynomial degree (model capacity)", "zh": "多项式次数（模型容量）"},
    "ex.3.9.4.repeats": {"en": "training sets per size", "zh": "每种大小的训练集个数"},
    "ex.3.9.4.axis_n": {"en": "training points n", "zh": "训练点数 n"},
    "ex.3.9.4.axis_risk": {"en": "risk (log loss)", "zh": "风险（对数损失）"},
    "ex.3.9.4.s.empirical": {"en": "empirical risk (on the training points)", "zh": "经验风险（训练点上）"},
    "ex.3.9.4.s.true": {"en": "true risk (fresh points)", "zh": "真实风险（新点上）"},
    "ex.3.9.4.finding": {
        "en": "with degree {degree}, on n = {n_small} points the empirical risk is {emp_small:.3f} while the true "
        "risk is {true_small:.3f} (a gap of {gap_small:.3f}); on n = {n_big:,} they are {emp_big:.3f} and "
        "{true_big:.3f} (gap {gap_big:.4f}). No shift anywhere: the sample size and the model's capacity "
        "alone set the gap.",
        "zh": "次数为 {degree} 时，在 n = {n_small} 个点上经验风险为 {emp_small:.3f}，而真实风险为 {true_small:.3f}"
        "（差 {gap_small:.3f}）；在 n = {n_big:,} 个点上两者为 {emp_big:.3f} 和 {true_big:.3f}（差 {gap_big:.4f}）。"
        "这里没有任何偏移：差距只由样本量和模型容量决定。",
    },
    "ex.3.9.4.finding_grows": {
        "en": "with degree {degree}, the gap between true and empirical risk is {gap_small:.3f} at n = {n_small} "
        "and {gap_big:.4f} at n = {n_big:,}: in this run it did not shrink with more data (empirical "
        "{emp_big:.3f}, true {true_big:.3f}).",
        "zh": "次数为 {degree} 时，真实风险与经验风险之差在 n = {n_small} 时为 {gap_small:.3f}，在 n = {n_big:,} 时为 "
        "{gap_big:.4f}：这次运行中差距没有随数据增多而缩小（经验风险 {emp_big:.3f}，真实风险 {true_big:.3f}）。",
    },
    "ex.3.9.4.answer": {
        "en": "Even with no shift at all, the empirical risk of the model we trained is a noisy and biased "
        "estimate of its true risk:\n\n"
        "- **Sample size.** For a fixed model the empirical risk is a mean of n i.i.d. losses: its error "
        "shrinks like $1/\\sqrt{n}$ (law of large numbers, concentration bounds).\n"
        "- **Model capacity and selection.** The model is chosen *because* it has low risk on these very "
        "points, so its training risk is biased low (overfitting); the richer the model class (the degree "
        "in the run), the bigger the gap at a given n. Regularisation and early stopping narrow it.\n"
        "- **Dependence.** Duplicates, time series or several samples per user make the effective n smaller "
        "than n: the i.i.d. assumption fails without any shift.\n"
        "- **The loss itself.** Heavy-tailed or unbounded losses (log loss on a confident mistake) make "
        "the mean converge slowly; noisy labels add variance.\n"
        "- **Reusing data for decisions.** Tuning hyperparameters on the test set, or evaluating many "
        "models on it, makes its risk optimistic too (adaptive overfitting): hence a separate validation set.\n"
        "- **Sampling that is not the deployment's**, e.g. selection bias in how data were collected, is "
        "shift again under another name.",
        "zh": "即使完全没有偏移，我们训练出的模型的经验风险也是其真实风险的一个有噪声且有偏的估计：\n\n"
        "- **样本量。** 对固定的模型，经验风险是 n 个独立同分布损失的平均：其误差按 $1/\\sqrt{n}$ 缩小"
        "（大数定律、集中不等式）。\n"
        "- **模型容量与选择。** 模型正是*因为*在这些点上风险低才被选中，所以其训练风险偏低（过拟合）；"
        "模型类越丰富（运行中的次数），同样的 n 下差距越大。正则化和早停可以缩小差距。\n"
        "- **相关性。** 重复样本、时间序列或同一用户的多条样本使有效样本量小于 n：没有偏移，独立同分布假设也会失效。\n"
        "- **损失本身。** 重尾或无界的损失（对自信的错误取对数损失）使平均值收敛很慢；带噪声的标签增加方差。\n"
        "- **重复使用数据做决策。** 在测试集上调超参数，或在上面评估许多模型，也会使其风险偏乐观"
        "（自适应过拟合）：所以需要单独的验证集。\n"
        "- **与部署时不同的抽样**，例如收集数据时的选择偏差，换个名字仍是分布偏移。",
    },
}
