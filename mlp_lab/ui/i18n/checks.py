"""The texts of the "check against the book" rows (``mlp_lab.reproduce``), by row id.

Here, not beside the checks: a translation edit must not change the code version of the
results cache. ``check.<id>.quantity``, ``.book`` (what the source says) and ``.tolerance``."""

STRINGS: dict[str, dict[str, str]] = {
    "check.activations.sigmoid_grad_at_0.quantity": {
        "en": "sigmoid'(0) by autograd",
        "zh": "sigmoid 在 0 处的导数（自动微分）",
    },
    "check.activations.sigmoid_grad_at_0.book": {
        "en": "0.25",
        "zh": "0.25",
    },
    "check.activations.sigmoid_grad_at_0.tolerance": {
        "en": "±1e-12",
        "zh": "±1e-12",
    },
    "check.activations.tanh_grad_at_0.quantity": {
        "en": "tanh'(0) by autograd",
        "zh": "tanh 在 0 处的导数（自动微分）",
    },
    "check.activations.tanh_grad_at_0.book": {
        "en": "1",
        "zh": "1",
    },
    "check.activations.tanh_grad_at_0.tolerance": {
        "en": "±1e-12",
        "zh": "±1e-12",
    },
    "check.activations.tanh_sigmoid_identity.quantity": {
        "en": "max |tanh(x) + 1 - 2 sigmoid(2x)| on -8..8",
        "zh": "在 -8 到 8 上 |tanh(x) + 1 - 2 sigmoid(2x)| 的最大值",
    },
    "check.activations.tanh_sigmoid_identity.book": {
        "en": "0 (an identity)",
        "zh": "0（恒等式）",
    },
    "check.activations.tanh_sigmoid_identity.tolerance": {
        "en": "<= 1e-12",
        "zh": "<= 1e-12",
    },
    "check.activations.affine_collapse.quantity": {
        "en": "max |two affine layers - one (W1 W2, b1 W2 + b2)|, float64",
        "zh": "两个仿射层与合并后一层（W1 W2，b1 W2 + b2）之差的最大值（float64）",
    },
    "check.activations.affine_collapse.book": {
        "en": "0 (an affine map of an affine map is affine)",
        "zh": "0（仿射映射的仿射映射仍是仿射的）",
    },
    "check.activations.affine_collapse.tolerance": {
        "en": "<= 1e-12 (seeds 0-4: 2.7e-15 to 4.4e-15)",
        "zh": "<= 1e-12（种子 0-4：2.7e-15 至 4.4e-15）",
    },
    "check.backprop.hand_vs_autograd.quantity": {
        "en": "max |hand-derived gradient - torch.autograd| (4-5-3 net, relu/sigmoid/tanh, with and without bias, float64)",
        "zh": "手推梯度与 torch.autograd 的最大绝对误差（4-5-3 网络，relu/sigmoid/tanh，有无偏置，float64）",
    },
    "check.backprop.hand_vs_autograd.book": {
        "en": "3.7.2 formulas",
        "zh": "3.7.2 节的公式",
    },
    "check.backprop.hand_vs_autograd.tolerance": {
        "en": "< 1e-12 (seeds 0-9: up to 1.1e-16)",
        "zh": "< 1e-12（种子 0-9：最大 1.1e-16）",
    },
    "check.backprop.hand_vs_finite_diff.quantity": {
        "en": "max |hand-derived gradient - central finite difference| (same cases, eps 1e-6, float64)",
        "zh": "手推梯度与中心差分的最大绝对误差（相同情形，eps 1e-6，float64）",
    },
    "check.backprop.hand_vs_finite_diff.book": {
        "en": "3.7.2 formulas",
        "zh": "3.7.2 节的公式",
    },
    "check.backprop.hand_vs_finite_diff.tolerance": {
        "en": "< 1e-8 (seeds 0-9: 2.2e-10 to 3.6e-10)",
        "zh": "< 1e-8（种子 0-9：2.2e-10 至 3.6e-10）",
    },
    "check.dropout.layer_unbiased.quantity": {
        "en": "||mean of h' over 10^5 dropout draws - h|| / ||h|| (h = arange(16), p = 0.2 and 0.5; worst)",
        "zh": "h' 在 10^5 次暂退抽样上的均值与 h 的相对误差（h = arange(16)，p = 0.2 与 0.5，取较大者）",
    },
    "check.dropout.layer_unbiased.book": {
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
    "check.dropout.layer_p1_zeros.book": {
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
    "check.dropout.mlp_test_acc.book": {
        "en": "≈ 0.857 scratch, ≈ 0.844 concise (curves' end)",
        "zh": "从零实现 ≈ 0.857，简洁实现 ≈ 0.844（曲线末端）",
    },
    "check.dropout.mlp_test_acc.tolerance": {
        "en": "in [0.83, 0.88] (seeds 0-4: 0.840-0.864)",
        "zh": "在 [0.83, 0.88] 内（种子 0-4：0.840-0.864）",
    },
    "check.fitting.poly_normal_weights.quantity": {
        "en": "4-feature polynomial fit: learned weights (true 5, 1.2, -3.4, 5.6)",
        "zh": "4 个特征的多项式拟合：学到的权重（真实值 5, 1.2, -3.4, 5.6）",
    },
    "check.fitting.poly_normal_weights.book": {
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
    "check.fitting.poly_underfit.book": {
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
    "check.fitting.poly_overfit.book": {
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
    "check.fitting.degree_sweep.book": {
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
    "check.fitting.kfold.book": {
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
    "check.fitting.d200_overfit.book": {
        "en": "20 examples: train loss falls, test loss stays high (3.5.2 figure)",
        "zh": "20 个样本：训练损失下降，测试损失一直很高（3.5.2 节插图）",
    },
    "check.fitting.d200_overfit.tolerance": {
        "en": "both > 3e5 (seeds 0-4: at least 1.2e6 and 4.7e6)",
        "zh": "两者都 > 3e5（种子 0-4：至少 1.2e6 与 4.7e6）",
    },
    "check.mlp.scratch.test_acc.quantity": {
        "en": "test accuracy after 10 epochs, from scratch (784-256-10, lr 0.1, batch 256)",
        "zh": "从零实现训练 10 轮后的测试精度（784-256-10，学习率 0.1，批量 256）",
    },
    "check.mlp.scratch.test_acc.book": {
        "en": "0.82–0.85 (printed run: 0.8462)",
        "zh": "0.82–0.85（书中一次运行：0.8462）",
    },
    "check.mlp.scratch.test_acc.tolerance": {
        "en": "in [0.82, 0.86] (seeds 0-4: 0.833-0.847)",
        "zh": "在 [0.82, 0.86] 内（种子 0-4：0.833-0.847）",
    },
    "check.mlp.concise.test_acc.quantity": {
        "en": "test accuracy after 10 epochs, concise nn.Sequential (same settings)",
        "zh": "简洁实现训练 10 轮后的测试精度（相同设置）",
    },
    "check.mlp.concise.test_acc.book": {
        "en": "0.82–0.85",
        "zh": "0.82–0.85",
    },
    "check.mlp.concise.test_acc.tolerance": {
        "en": "in [0.82, 0.86] (seeds 0-4: 0.833-0.847)",
        "zh": "在 [0.82, 0.86] 内（种子 0-4：0.833-0.847）",
    },
    "check.mlp.scratch_equals_concise.quantity": {
        "en": "max |loss difference| over 100 SGD steps, scratch vs concise from the same parameters and batches",
        "zh": "从相同参数和相同小批量出发，100 步内从零实现与简洁实现损失之差的最大值",
    },
    "check.mlp.scratch_equals_concise.book": {
        "en": "0 (the same model written twice)",
        "zh": "0（同一个模型的两种写法）",
    },
    "check.mlp.scratch_equals_concise.tolerance": {
        "en": "<= 2e-6 (float32 rounding; seeds 0-4: up to 3e-7)",
        "zh": "<= 2e-6（float32 舍入；种子 0-4：最多 3e-7）",
    },
    "check.shift.covariate_reweighting_helps.quantity": {
        "en": "target accuracy of logistic regression trained on the source, unweighted -> weighted by beta = exp(h(x)); linear (cannot fit the curved boundary) and quadratic features, mean of 5 seeds",
        "zh": "在源数据上训练的逻辑回归在目标分布上的精度，不加权 -> 用 beta = exp(h(x)) 加权；线性特征（拟合不了弯曲边界）与二次特征，5 个种子的平均",
    },
    "check.shift.covariate_reweighting_helps.book": {
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
    "check.shift.label_shift_estimate.book": {
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
    "check.shift.label_reweighting_helps.book": {
        "en": "reweighting by the label likelihood ratio corrects label shift",
        "zh": "按标签似然比重新加权纠正标签偏移",
    },
    "check.shift.label_reweighting_helps.tolerance": {
        "en": "accuracy up by >= 0.01 and loss down by >= 0.05 (seeds 0-4: accuracy +0.013 to +0.022, loss -0.071 to -0.094)",
        "zh": "准确率至少上升 0.01 且损失至少下降 0.05（种子 0-4：准确率 +0.013 至 +0.022，损失 -0.071 至 -0.094）",
    },
    "check.stability.matrix_product_explodes.quantity": {
        "en": "log10 of the largest |entry| of the product of 101 random 4x4 N(0, 1) matrices (the book's loop)",
        "zh": "101 个 4x4 N(0, 1) 随机矩阵之积（书中的循环）的最大元素绝对值的 log10",
    },
    "check.stability.matrix_product_explodes.book": {
        "en": "entries near 1e25",
        "zh": "元素接近 1e25",
    },
    "check.stability.matrix_product_explodes.tolerance": {
        "en": "in [20, 32] (seeds 0-9: 21.4 to 28.7)",
        "zh": "在 [20, 32] 内（种子 0-9：21.4 至 28.7）",
    },
    "check.stability.xavier_preserves_variance.quantity": {
        "en": "20 linear layers of width 256: Var[h^t] / Var[x] under Xavier (min..max), N(0, 1) and N(0, 0.01) at t=20",
        "zh": "20 个宽 256 的线性层：Xavier 下 Var[h^t]/Var[x]（最小..最大），N(0,1) 与 N(0,0.01) 在第 20 层",
    },
    "check.stability.xavier_preserves_variance.book": {
        "en": "Xavier keeps the variance; N(0, 1) grows, N(0, 0.01) shrinks",
        "zh": "Xavier 保持方差；N(0, 1) 使方差增大，N(0, 0.01) 使方差缩小",
    },
    "check.stability.xavier_preserves_variance.tolerance": {
        "en": "Xavier every layer in [0.7, 1.3] (seeds 0-4: 0.83 to 1.08); N(0, 1) between 1e47x and 1e49.5x; N(0, 0.01) between 1e-33x and 1e-30.5x (seeds 0-4: 1e48.1-1e48.2, 1e-31.9-1e-31.8)",
        "zh": "Xavier 每层都在 [0.7, 1.3] 内（种子 0-4：0.83 至 1.08）；N(0, 1) 在 1e47 倍到 1e49.5 倍之间；N(0, 0.01) 在 1e-33 倍到 1e-30.5 倍之间（种子 0-4：1e48.1-1e48.2，1e-31.9-1e-31.8）",
    },
    "check.stability.symmetry_constant_init.quantity": {
        "en": "largest difference between hidden units' weights after 100 SGD steps from a constant start, without / with dropout 0.5",
        "zh": "从常数初始化出发 SGD 100 步后隐藏单元权重之间的最大差异，无暂退法 / 暂退概率 0.5",
    },
    "check.stability.symmetry_constant_init.book": {
        "en": "units stay identical; dropout breaks the symmetry",
        "zh": "各单元保持相同；暂退法打破对称性",
    },
    "check.stability.symmetry_constant_init.tolerance": {
        "en": "without: < 3e-6 (float32 rounding of weights near 0.01; seeds 0-4: 8.6e-8 to 3.1e-7); with: > 0.01 (seeds 0-4: 0.024 to 0.053)",
        "zh": "不用暂退法：< 3e-6（接近 0.01 的权重的 float32 舍入；种子 0-4：8.6e-8 至 3.1e-7）；使用暂退法：> 0.01（种子 0-4：0.024 至 0.053）",
    },
    "check.weight_decay.scratch_norm_lambda0.quantity": {
        "en": "||w|| from scratch without weight decay (lambda 0), median over seeds 0-4; in brackets the median of ||w|| / ||w at initialisation|| (20 examples move w only inside their 20 of 200 dimensions: about sqrt(180/200) = 0.95)",
        "zh": "从零实现、不用权重衰减（lambda 0）时的 ||w||，种子 0-4 的中位数；括号内为 ||w|| / ||初始化时的 w|| 的中位数（20 个样本只能在 200 维中的 20 维内移动 w：约 sqrt(180/200) = 0.95）",
    },
    "check.weight_decay.scratch_norm_lambda0.book": {
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
    "check.weight_decay.scratch_norm_lambda3.book": {
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
    "check.weight_decay.concise_norm_lambda0.book": {
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
    "check.weight_decay.concise_norm_lambda3.book": {
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
    "check.weight_decay.concise_matches_scratch.book": {
        "en": "3.5.3: the same model, the decay moved into the optimiser",
        "zh": "3.5.3 节：同一个模型，权重衰减移入优化器",
    },
    "check.weight_decay.concise_matches_scratch.tolerance": {
        "en": "< 1e-6 (seeds 0-4: up to 1.7e-7)",
        "zh": "< 1e-6（种子 0-4：最多 1.7e-7）",
    },
}
