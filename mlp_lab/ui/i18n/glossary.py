"""The book's terms: the Chinese a reader of 《动手学深度学习》 (d2l-zh, chapter 3) knows them by.

``TERMS`` maps an English pattern (a regular expression, matched case-insensitively on whole words,
outside `code`) to the Chinese terms the book uses for it; a catalogue entry whose English says the
term must say one of them in Chinese (``tests/test_glossary.py``). ``AVOID`` lists renderings a
reader of the book would stumble on, with the book's term.
"""

TERMS: dict[str, tuple[str, ...]] = {
    r"multilayer perceptrons?|MLPs?(?! Lab)": ("多层感知机",),  # "MLP Lab" is our name
    r"activation functions?": ("激活函数",),
    r"hidden layers?": ("隐藏层",),
    r"hidden units?": ("隐藏单元",),
    r"dropout": ("暂退法", "暂退"),
    r"weight decay": ("权重衰减",),
    r"distribution shifts?": ("分布偏移",),
    r"covariate shift": ("协变量偏移",),
    r"label shift": ("标签偏移",),
    r"concept shift": ("概念偏移",),
    r"overfit(s|ting|ted)?": ("过拟合",),
    r"underfit(s|ting|ted)?": ("欠拟合",),
    r"training error": ("训练误差",),
    r"generali[sz]ation error": ("泛化误差",),
    r"validation (set|data)": ("验证集", "验证数据集"),
    r"cross-validation": ("交叉验证",),
    r"forward propagation|forward pass": ("前向传播",),
    r"backpropagation|back-propagation|backward pass": ("反向传播",),
    r"computational graph": ("计算图",),
    r"vanishing gradients?|gradients? vanish(es)?": ("梯度消失",),
    r"exploding gradients?|gradients? explode": ("梯度爆炸",),
    r"regulari[sz]ation": ("正则化",),
    r"ridge regression": ("岭回归",),
    r"lasso": ("套索回归", "套索"),
    r"empirical risk": ("经验风险",),
    r"confusion matrix": ("混淆矩阵",),
    r"i\.i\.d\.?": ("独立同分布",),
    r"hyperparameters?": ("超参数",),
    r"learning rate": ("学习率",),
    r"minibatch(es)?": ("小批量",),
    r"accuracy": ("精度",),
    r"early stopping": ("早停",),
    r"epochs?": ("迭代周期", "轮"),
    r"universal approximation": ("通用近似",),
    r"weights?": ("权重",),
    r"biases|bias (vector|term)s?": ("偏置",),  # a biased estimate is 偏差, not this
    r"Xavier": ("Xavier",),
    r"symmetry": ("对称性", "对称"),
    r"generali[sz]e|generali[sz]ation": ("泛化",),
}

AVOID: dict[str, str] = {  # a rendering -> the book's term
    "准确率": "精度",
    "丢弃法": "暂退法",
    "随机失活": "暂退法",
    "万能近似": "通用近似定理",
    "提前停止": "早停",
    "梯度弥散": "梯度消失",
    "验证数据组": "验证集",
    "多层感知器": "多层感知机",
    "隐层": "隐藏层",
    "协方差偏移": "协变量偏移",
    "权值衰减": "权重衰减",
    "权值": "权重",
    "偏差项": "偏置",
}
