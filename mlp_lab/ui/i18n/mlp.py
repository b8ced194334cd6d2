"""Strings of the MLP training page (3.2 from scratch, 3.3 concise)."""

STRINGS: dict[str, dict[str, str]] = {
    "page.mlp": {"en": "3.2–3.3 MLP on Fashion-MNIST", "zh": "3.2–3.3 多层感知机（Fashion-MNIST）"},
}
STRINGS.update(
    {
        "mlp.intro": {
            "en": "The chapter's MLP on Fashion-MNIST: 784 inputs, one hidden layer of 256 ReLU units, 10 "
            "outputs, SGD with learning rate 0.1, batch 256, 10 epochs. Section 3.2 writes it from scratch "
            "(explicit `W1, b1, W2, b2` and a hand-written `relu`), 3.3 with `nn.Sequential`. Change any "
            "setting and the real training runs; settings trained before on this server appear at once.",
            "zh": "本章在 Fashion-MNIST 上的多层感知机：784 个输入、一个含 256 个 ReLU 单元的隐藏层、10 个输出，"
            "随机梯度下降，学习率 0.1，批量 256，训练 10 轮。3.2 节从零实现（显式的 `W1, b1, W2, b2` 和手写的 "
            "`relu`），3.3 节用 `nn.Sequential` 简洁实现。"
            "修改任何设置都会运行真实的训练；本服务器训练过的设置会立即显示。",
        },
        "mlp.impl": {"en": "Implementation", "zh": "实现方式"},
        "mlp.impl_help": {
            "en": "scratch = 3.2 (from scratch), concise = 3.3 (nn.Sequential), both = side by side",
            "zh": "scratch = 3.2 从零实现，concise = 3.3 简洁实现（nn.Sequential），both = 并排对比",
        },
        "mlp.hidden": {"en": "Hidden units per layer", "zh": "每层隐藏单元数"},
        "mlp.layers": {"en": "Hidden layers", "zh": "隐藏层数"},
        "mlp.activation": {"en": "Activation", "zh": "激活函数"},
        "mlp.init": {"en": "Initialisation", "zh": "初始化"},
        "mlp.init_help": {
            "en": "normal = the book's N(0, 0.01²); xavier_normal = Var 2/(n_in+n_out) (3.8); kaiming = Var 2/n_in",
            "zh": "normal = 书中的 N(0, 0.01²)；xavier_normal = 方差 2/(n_in+n_out)（3.8 节）；kaiming = 方差 2/n_in",
        },
        "mlp.lr": {"en": "Learning rate", "zh": "学习率"},
        "mlp.batch": {"en": "Batch size", "zh": "批量大小"},
        "mlp.epochs": {"en": "Epochs", "zh": "训练轮数"},
        "mlp.scratch": {"en": "From scratch (3.2)", "zh": "从零实现（3.2）"},
        "mlp.concise": {"en": "Concise (3.3)", "zh": "简洁实现（3.3）"},
        "mlp.results": {"en": "Results", "zh": "结果"},
        "mlp.final_test_acc": {"en": "test accuracy", "zh": "测试精度"},
        "mlp.final_train_acc": {"en": "train accuracy", "zh": "训练精度"},
        "mlp.final_train_loss": {"en": "train loss", "zh": "训练损失"},
        "mlp.tab_predict": {"en": "Predictions", "zh": "预测"},
        "mlp.tab_confusion": {"en": "Confusion matrix", "zh": "混淆矩阵"},
        "mlp.tab_code": {"en": "Code that ran", "zh": "运行的代码"},
        "mlp.tab_equal": {"en": "Scratch = concise?", "zh": "从零实现 = 简洁实现？"},
        "mlp.tab_export": {"en": "Export", "zh": "导出"},
        "mlp.predict_intro": {
            "en": "The first {n} test images, as `d2l.predict_ch3` shows them: true label over predicted; "
            "❌ marks a mistake.",
            "zh": "前 {n} 张测试图像，与 `d2l.predict_ch3` 的展示方式相同："
            "上为真实标签，下为预测标签；❌ 表示预测错误。",
        },
        "mlp.true": {"en": "true", "zh": "真实"},
        "mlp.pred": {"en": "pred", "zh": "预测"},
        "mlp.confusion_true": {"en": "true class", "zh": "真实类别"},
        "mlp.confusion_pred": {"en": "predicted class", "zh": "预测类别"},
        "mlp.count": {"en": "count", "zh": "数量"},
        "mlp.per_class": {"en": "Accuracy per class", "zh": "各类别精度"},
        "mlp.class": {"en": "class", "zh": "类别"},
        "mlp.code_intro": {
            "en": "The model as the library defines it, then the training loop written the book's way "
            "(train_epoch_ch3, train_ch3). The app runs the same computation batched from memory, with live "
            "curves and a Stop button; a test checks that both reach the same parameters.",
            "zh": "先是库中定义的模型，然后是按书中写法写成的训练循环（train_epoch_ch3、train_ch3）。"
            "应用实际运行的是同一计算的批量化版本（数据常驻内存，带实时曲线和停止按钮）；"
            "有测试检查两者得到相同的参数。",
        },
        "mlp.equal_intro": {
            "en": "Both implementations start from the same parameters and see the same batches; if 3.2 and 3.3 "
            "describe the same model, the loss at every step agrees to float rounding.",
            "zh": "两种实现从相同的参数出发、看到相同的小批量；如果 3.2 和 3.3 描述的是同一个模型，"
            "每一步的损失只会有浮点舍入级别的差异。",
        },
        "mlp.equal_result": {
            "en": "Largest difference over {steps} steps: {diff:.2e}",
            "zh": "{steps} 步中的最大差值：{diff:.2e}",
        },
        "mlp.step": {"en": "step", "zh": "步"},
        "mlp.loss_diff": {"en": "|loss scratch − loss concise|", "zh": "|从零实现损失 − 简洁实现损失|"},
        "mlp.download_csv": {"en": "History (CSV)", "zh": "训练历史（CSV）"},
        "mlp.download_pt": {"en": "Weights (state_dict, .pt)", "zh": "模型参数（state_dict，.pt）"},
        "mlp.download_json": {"en": "Configuration (JSON)", "zh": "配置（JSON）"},
        "mlp.book_box": {
            "en": "The book's run (3.2.5, from scratch, default settings) printed for epochs 6 to 10 the test "
            "accuracies 83.35 %, 83.87 %, 84.33 %, 84.44 %, 84.62 % and a final loss of 0.3791; "
            "reruns land between 82 % and 85 %.",
            "zh": "书中的运行（3.2.5，从零实现，默认设置）在第 6 到 10 轮打印的测试精度为 83.35 %、83.87 %、"
            "84.33 %、84.44 %、84.62 %，最终损失 0.3791；重复运行的结果落在 82 % 到 85 % 之间。",
        },
        "mlp.book_ours": {
            "en": "Ours ({model}): test accuracy {acc:.2%}, train loss {loss:.4f} after {epochs} epochs.",
            "zh": "我们的结果（{model}）：训练 {epochs} 轮后测试精度 {acc:.2%}，训练损失 {loss:.4f}。",
        },
        "mlp.book_within": {"en": "Within the book's range.", "zh": "落在书中的范围内。"},
        "mlp.book_outside": {
            "en": "Outside the book's range (expected when the settings differ from the book's).",
            "zh": "不在书中的范围内（设置与书中不同时，这是正常的）。",
        },
    }
)

# The words of this topic's rows of the reproduce registry (mlp_lab.checks): check.<id>.quantity,
# .book (what the source says, or for a claim what the page asserts) and .tolerance.
STRINGS |= {
    "check.mlp.scratch.test_acc.quantity": {
        "en": "test accuracy after 10 epochs, from scratch (784-256-10, lr 0.1, batch 256)",
        "zh": "从零实现训练 10 轮后的测试精度（784-256-10，学习率 0.1，批量 256）",
    },
    "check.mlp.scratch.test_acc.source": {
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
    "check.mlp.concise.test_acc.source": {
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
    "check.mlp.scratch_equals_concise.source": {
        "en": "0 (the same model written twice)",
        "zh": "0（同一个模型的两种写法）",
    },
    "check.mlp.scratch_equals_concise.tolerance": {
        "en": "<= 2e-6 (float32 rounding; seeds 0-4: up to 3e-7)",
        "zh": "<= 2e-6（float32 舍入；种子 0-4：最多 3e-7）",
    },
}
