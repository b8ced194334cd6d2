"""Strings of the MLP training page (3.2 from scratch, 3.3 concise)."""

STRINGS: dict[str, dict[str, str]] = {
    "page.mlp": {"en": "3.2–3.3 MLP on Fashion-MNIST", "zh": "3.2–3.3 多层感知机（Fashion-MNIST）"},
}
STRINGS.update(
    {
        "mlp.intro": {
            "en": "The chapter's MLP on Fashion-MNIST: 784 inputs, one hidden layer of 256 ReLU units, 10 "
            "outputs, SGD with learning rate 0.1, batch 256, 10 epochs. Section 3.2 writes it from scratch "
            "(explicit `W1, b1, W2, b2` and a hand-written `relu`), 3.3 with `nn.Sequential`. Both draw the "
            "weights from N(0, 0.01²), as the book does; the biases start as the book's code leaves them: zeros "
            "in 3.2 (`torch.zeros`), `nn.Linear`'s default U(−1/√n_in, 1/√n_in) in 3.3 (the book's "
            "`init_weights` sets the weights only). Change any setting and the real training runs; settings "
            "trained before on this server appear at once.",
            "zh": "本章在 Fashion-MNIST 上的多层感知机：784 个输入，一个含 256 个 ReLU 单元的隐藏层，10 个输出；"
            "随机梯度下降，学习率 0.1，批量大小 256，迭代周期数 10。3.2 节从零开始实现（显式写出 `W1, b1, W2, b2`，"
            "并手写 `relu` 函数），3.3 节用 `nn.Sequential` 简洁实现。两者都和书中一样从 N(0, 0.01²) 中抽取权重；"
            "偏置的初始值也与书中代码一致：3.2 节为零（`torch.zeros`），3.3 节保留 `nn.Linear` 的默认初始化 "
            "U(−1/√n_in, 1/√n_in)（书中的 `init_weights` 只设置权重）。"
            "修改任一设置都会真正重新训练；本服务器上训练过的设置会直接显示结果。",
        },
        "mlp.impl": {"en": "Implementation", "zh": "实现方式"},
        "mlp.impl_help": {
            "en": "scratch = 3.2 (from scratch), concise = 3.3 (nn.Sequential), both = side by side",
            "zh": "scratch = 3.2 节从零开始实现，concise = 3.3 节简洁实现（nn.Sequential），both = 并排对比",
        },
        "mlp.hidden": {"en": "Hidden units per layer", "zh": "每层隐藏单元数"},
        "mlp.layers": {"en": "Hidden layers", "zh": "隐藏层数"},
        "mlp.activation": {"en": "Activation", "zh": "激活函数"},
        "mlp.init": {"en": "Initialisation", "zh": "初始化"},
        "mlp.init_help": {
            "en": "weights: normal = the book's N(0, 0.01²); xavier_normal = Var 2/(n_in+n_out) (3.8); "
            "kaiming = Var 2/n_in",
            "zh": "权重：normal = 书中的 N(0, 0.01²)；xavier_normal = 方差 2/(n_in+n_out)（3.8 节）；"
            "kaiming = 方差 2/n_in",
        },
        "mlp.lr": {"en": "Learning rate", "zh": "学习率"},
        "mlp.batch": {"en": "Batch size", "zh": "批量大小"},
        "mlp.epochs": {"en": "Epochs", "zh": "迭代周期数"},
        "mlp.scratch": {"en": "From scratch (3.2)", "zh": "从零开始实现（3.2）"},
        "mlp.concise": {"en": "Concise (3.3)", "zh": "简洁实现（3.3）"},
        "mlp.model_scratch": {"en": "from scratch", "zh": "从零开始实现"},
        "mlp.model_concise": {"en": "concise", "zh": "简洁实现"},
        "mlp.results": {"en": "Results", "zh": "结果"},
        "mlp.final_test_acc": {"en": "test accuracy", "zh": "测试精度"},
        "mlp.final_train_acc": {"en": "train accuracy", "zh": "训练精度"},
        "mlp.final_train_loss": {"en": "train loss", "zh": "训练损失"},
        # the write-up's run beside ours: each sentence chosen from our numbers
        "mlp.write_up": {
            "en": "**The write-up's run, not the book's.** The chapter write-up we follow ran 3.2.5 (from scratch, "
            "these settings) and printed test accuracies of 83.35 %, 83.87 %, 84.33 %, 84.44 % and 84.62 % for "
            "epochs 6 to 10, and a training loss of 0.3791 at epoch 10. The book's own text prints no outputs.",
            "zh": "**这是学习笔记的运行结果，不是书中的。** 我们所依据的本章学习笔记运行了 3.2.5 节的代码"
            "（从零开始实现，上述设置），打印出第 6 到 10 个迭代周期的测试精度 83.35%、83.87%、84.33%、84.44%、"
            "84.62%，以及第 10 个迭代周期的训练损失 0.3791。书的正文本身不印运行结果。",
        },
        "mlp.ours_near": {
            "en": "Ours ({model}, seed {seed}): test accuracy {acc:.2%}, training loss {loss:.4f} after epoch {epochs}: "
            "within 82–86 %, where runs at these settings land (the seed alone moves the last accuracy "
            "by about a point).",
            "zh": "我们的运行（{model}，种子 {seed}）：第 {epochs} 个迭代周期后测试精度 {acc:.2%}，训练损失 {loss:.4f}，"
            "落在 82%–86% 之内；这些设置下的运行都落在这里（仅换种子，最终精度就会相差约一个百分点）。",
        },
        "mlp.ours_far": {
            "en": "Ours ({model}, seed {seed}): test accuracy {acc:.2%} after epoch {epochs}: outside 82–86 %, "
            "where most runs at these settings land. SGD at learning rate 0.1 still swings from epoch to epoch, "
            "and this draw ended on a low swing{others}.",
            "zh": "我们的运行（{model}，种子 {seed}）：第 {epochs} 个迭代周期后测试精度 {acc:.2%}，不在 82%–86% 之内，"
            "而这些设置下的多数运行落在这个范围。学习率为 0.1 的随机梯度下降在各迭代周期之间仍有起伏，"
            "这次恰好停在低处{others}。",
        },
        "mlp.other_seeds": {
            "en": " (seeds already trained on this server that do: {seeds})",
            "zh": "（本服务器上已训练过、呈现该现象的种子：{seeds}）",
        },
        "mlp.ours_other_settings": {
            "en": "Ours ({model}): test accuracy {acc:.2%}, training loss {loss:.4f} after epoch {epochs}. "
            "These settings differ from the write-up's run ({diffs}), so its numbers are no target here.",
            "zh": "我们的运行（{model}）：第 {epochs} 个迭代周期后测试精度 {acc:.2%}，训练损失 {loss:.4f}。"
            "当前设置与学习笔记的运行不同（{diffs}），因此它的数字在这里不是参照。",
        },
        "mlp.seeds_table": {
            "en": "The {n} runs of these settings this server has (one per seed; the check rows train seeds 0–4):",
            "zh": "本服务器上这些设置的 {n} 次运行（每个种子一次；核对表中的各行会训练种子 0–4）：",
        },
        "mlp.seed": {"en": "seed", "zh": "种子"},
        "mlp.hardest": {"en": "hardest class", "zh": "最难的类别"},
        "mlp.differs": {"en": "{name} {ours} instead of {book}", "zh": "{name}为 {ours}，书中为 {book}"},
        "mlp.tab_predict": {"en": "Predictions", "zh": "预测"},
        "mlp.tab_confusion": {"en": "Confusion matrix", "zh": "混淆矩阵"},
        "mlp.tab_code": {"en": "Code that ran", "zh": "实际运行的代码"},
        "mlp.tab_equal": {"en": "Scratch = concise?", "zh": "从零实现 = 简洁实现？"},
        "mlp.tab_export": {"en": "Export", "zh": "导出"},
        "mlp.predict_intro": {
            "en": "The first {n} test images, as `d2l.predict_ch3` shows them: true label over predicted; "
            "❌ marks a mistake ({wrong} of {n} here).",
            "zh": "前 {n} 张测试图像，展示方式与 `d2l.predict_ch3` 相同：上为真实标签，下为预测标签；"
            "❌ 表示预测错误（这里 {n} 张中错了 {wrong} 张）。",
        },
        "mlp.image_alt": {
            "en": "Test image {i}: true class {true}, predicted {pred}{mark}",
            "zh": "测试图像 {i}：真实类别为{true}，预测为{pred}{mark}",
        },
        "mlp.alt_wrong": {"en": " (wrong)", "zh": "（预测错误）"},
        "mlp.true": {"en": "true", "zh": "真实"},
        "mlp.pred": {"en": "pred", "zh": "预测"},
        "mlp.tops_yes": {
            "en": "The hardest class in this run is **{hardest}**: {acc:.1%} of its {n} test images recognised, "
            "{count} taken for **{confused}**. The tops (t-shirt, pullover, coat, shirt) look alike at 28×28 "
            "pixels and are mistaken for one another, while {easiest} reaches {easiest_acc:.1%}.",
            "zh": "这次运行中最难的类别是**{hardest}**：{n} 张测试图像中只认对 {acc:.1%}，有 {count} 张被认成"
            "**{confused}**。上衣类（T恤、套衫、外套、衬衫）在 28×28 像素下彼此相像，常被互相认错；"
            "而{easiest}的精度达到 {easiest_acc:.1%}。",
        },
        "mlp.tops_no": {
            "en": "In this run the hardest class is **{hardest}** ({acc:.1%} of {n}), most often taken for "
            "**{confused}** ({count} times): not the confusion among tops (t-shirt, pullover, coat, shirt) that "
            "most runs show{others}.",
            "zh": "这次运行中最难的类别是**{hardest}**（{n} 张中认对 {acc:.1%}），最常被认成**{confused}**"
            "（{count} 次）；多数运行呈现的是上衣类（T恤、套衫、外套、衬衫）之间的混淆，这次没有{others}。",
        },
        "mlp.confusion_true": {"en": "true class", "zh": "真实类别"},
        "mlp.confusion_pred": {"en": "predicted class", "zh": "预测类别"},
        "mlp.count": {"en": "count", "zh": "数量"},
        "mlp.confusion_alt": {
            "en": "Confusion matrix of {n:,} test images: {correct:,} on the diagonal ({acc:.1%} right). The most "
            "frequent mistake: {true} taken for {pred}, {count} times.",
            "zh": "{n:,} 张测试图像的混淆矩阵：对角线上 {correct:,} 张（精度 {acc:.1%}）。"
            "最常见的错误：把{true}认成{pred}，共 {count} 次。",
        },
        "mlp.per_class": {"en": "Accuracy per class", "zh": "各类别的精度"},
        "mlp.per_class_alt": {
            "en": "Accuracy per class, from {lo_name} at {lo:.1%} (lowest) to {hi_name} at {hi:.1%} (highest); "
            "{below} of 10 classes below 80 %.",
            "zh": "各类别的精度：最低为{lo_name}（{lo:.1%}），最高为{hi_name}（{hi:.1%}）；"
            "10 个类别中有 {below} 个低于 80%。",
        },
        "mlp.class": {"en": "class", "zh": "类别"},
        "mlp.code_intro": {
            "en": "The model as the library defines it, then the training loop written the book's way "
            "(train_epoch_ch3, train_ch3). The app runs the same computation batched from memory, with live "
            "curves and a Stop button; a test checks that both reach the same parameters.",
            "zh": "先是库中定义的模型，然后是按书中写法写成的训练循环（train_epoch_ch3、train_ch3）。"
            "应用实际运行的是同一计算的批量版本（数据常驻内存，带实时曲线和停止按钮）；"
            "有测试检查两者得到相同的参数。",
        },
        "mlp.equal_intro": {
            "en": "Both implementations start from the same parameters and see the same batches; if 3.2 and 3.3 "
            "describe the same model, the loss at every step agrees to float rounding.",
            "zh": "两种实现从相同的参数出发，依次使用相同的小批量；如果 3.2 节和 3.3 节描述的是同一个模型，"
            "那么每一步的损失只差浮点舍入误差。",
        },
        "mlp.equal_result": {
            "en": "Largest difference over {steps} steps: {diff:.2e}",
            "zh": "{steps} 步中的最大差值：{diff:.2e}",
        },
        "mlp.equal_alt": {
            "en": "|loss scratch − loss concise| over {steps} SGD steps: at most {diff:.1e} (step {step}), "
            "{mean:.1e} on average: float rounding, not two different models.",
            "zh": "{steps} 步随机梯度下降中，|从零实现的损失 − 简洁实现的损失| 最大为 {diff:.1e}（第 {step} 步），"
            "平均 {mean:.1e}：这是浮点舍入误差，而不是两个不同的模型。",
        },
        "mlp.step": {"en": "step", "zh": "步"},
        "mlp.loss_diff": {"en": "|loss scratch − loss concise|", "zh": "|从零实现的损失 − 简洁实现的损失|"},
        "mlp.download_csv": {"en": "History (CSV)", "zh": "训练历史（CSV）"},
        "mlp.download_pt": {"en": "Weights (state_dict, .pt)", "zh": "模型权重（state_dict，.pt）"},
        "mlp.download_json": {"en": "Configuration (JSON)", "zh": "配置（JSON）"},
    }
)

# The words of this topic's rows of the reproduce registry (mlp_lab.checks): check.<id>.quantity,
# .source (what the source says, or for a claim the page's sentence) and .tolerance.
STRINGS |= {
    "check.mlp.scratch.test_acc.quantity": {
        "en": "test accuracy after 10 epochs, from scratch (784-256-10, lr 0.1, batch 256), seed 0",
        "zh": "从零开始实现训练 10 个迭代周期后的测试精度（784-256-10，学习率 0.1，批量大小 256），种子 0",
    },
    "check.mlp.scratch.test_acc.source": {
        "en": "0.8462 at epoch 10 (epochs 6-10: 0.8335-0.8462), the write-up's run of 3.2.5",
        "zh": "第 10 个迭代周期 0.8462（第 6–10 个迭代周期：0.8335–0.8462），学习笔记对 3.2.5 节的运行",
    },
    "check.mlp.scratch.test_acc.tolerance": {
        "en": "in [0.82, 0.86]: one run's spread over seeds (ours, seeds 0-4: 0.833-0.847)",
        "zh": "在 [0.82, 0.86] 内：单次运行随种子的波动（我们的种子 0-4：0.833-0.847）",
    },
    "check.mlp.concise.test_acc.quantity": {
        "en": "test accuracy after 10 epochs, concise nn.Sequential (same settings), seed 0",
        "zh": "简洁实现训练 10 个迭代周期后的测试精度（相同设置），种子 0",
    },
    "check.mlp.concise.test_acc.source": {
        "en": "the write-up prints no output for 3.3; its 3.2.5 run of the same network: 0.8462",
        "zh": "学习笔记没有打印 3.3 节的输出；它对同一网络（3.2.5 节）的运行：0.8462",
    },
    "check.mlp.concise.test_acc.tolerance": {
        "en": "in [0.82, 0.86]: one run's spread over seeds",
        "zh": "在 [0.82, 0.86] 内：单次运行随种子的波动",
    },
    "check.mlp.scratch_equals_concise.quantity": {
        "en": "max |loss difference| over 100 SGD steps, scratch vs concise from the same parameters and batches",
        "zh": "从相同参数出发、使用相同小批量时，100 步内从零实现与简洁实现损失之差的最大值",
    },
    "check.mlp.scratch_equals_concise.source": {
        "en": "0 (the same model written twice)",
        "zh": "0（同一个模型的两种写法）",
    },
    "check.mlp.scratch_equals_concise.tolerance": {
        "en": "<= 2e-6 (float32 rounding; seeds 0-4: up to 3e-7)",
        "zh": "<= 2e-6（float32 舍入误差；种子 0-4：最大 3e-7）",
    },
    "check.mlp.tops_hardest.quantity": {
        "en": "the page's default run (from scratch, 10 epochs): is the hardest class a top, mostly taken for "
        "another top?",
        "zh": "本页默认设置下的运行（从零开始实现，10 个迭代周期）：最难的类别是否是上衣，且最常被认成另一种上衣？",
    },
    "check.mlp.tops_hardest.source": {
        "en": "“The tops (t-shirt, pullover, coat, shirt) look alike at 28×28 pixels and are mistaken for one "
        "another” (confusion matrix tab)",
        "zh": "“上衣类（T恤、套衫、外套、衬衫）在 28×28 像素下彼此相像，常被互相认错”（混淆矩阵标签页）",
    },
    "check.mlp.tops_hardest.tolerance": {
        "en": "at least 75% of seeds 0-4 (measured on seeds 0-7: 8 of 8)",
        "zh": "种子 0-4 中至少 75%（在种子 0-7 上实测：8 个中 8 个）",
    },
    "check.mlp.acc_near_write_up.quantity": {
        "en": "the page's default run (from scratch, 10 epochs): does the last test accuracy land in [0.82, 0.86]?",
        "zh": "本页默认设置下的运行（从零开始实现，10 个迭代周期）：最终测试精度是否落在 [0.82, 0.86] 内？",
    },
    "check.mlp.acc_near_write_up.source": {
        "en": "“within 82–86 %, where runs at these settings land” (the write-up's run: 0.8462)",
        "zh": "“落在 82%–86% 之内；这些设置下的运行都落在这里”（学习笔记的运行：0.8462）",
    },
    "check.mlp.acc_near_write_up.tolerance": {
        "en": "at least 75% of seeds 0-4 (measured on seeds 0-7: 7 of 8; seed 5 ends at 0.797)",
        "zh": "种子 0-4 中至少 75%（在种子 0-7 上实测：8 个中 7 个；种子 5 最终为 0.797）",
    },
}

# predictions and challenges (mlp_lab/activities/mlp.py)
STRINGS.update(
    {
        "learn.mlp.training": {"en": "Training on Fashion-MNIST…", "zh": "正在 Fashion-MNIST 上训练……"},
        "learn.mlp.test_acc_pct": {"en": "test accuracy (%)", "zh": "测试精度（%）"},
        "learn.mlp.class_acc_pct": {"en": "accuracy (%)", "zh": "精度（%）"},
        "learn.mlp.gap_points": {"en": "accuracy gap (points)", "zh": "精度差（百分点）"},
        "learn.mlp.scratch_acc.q": {
            "en": "From scratch (3.2), {layers} hidden layer(s) of {hidden} {activation} units, learning rate {lr:g}, "
            "batch {batch}, {epochs} epoch(s): what test accuracy will the last epoch reach? (Guessing gives 10%.)",
            "zh": "从零开始实现（3.2 节），{layers} 个隐藏层、每层 {hidden} 个 {activation} 隐藏单元，学习率 {lr:g}，"
            "批量大小 {batch}，{epochs} 个迭代周期：最后一个迭代周期的测试精度会是多少？（随机猜测为 10%。）",
        },
        "learn.mlp.scratch_acc.why": {
            "en": "One pass over the 60,000 images already gives {first:.1f}%; the other epochs add only {gain:.1f} "
            "points: a single hidden layer learns most of what it can very early.",
            "zh": "遍历一遍 60,000 张图像后测试精度就已达到 {first:.1f}%；其余迭代周期只再提高了 {gain:.1f} 个百分点："
            "单隐藏层网络能学到的大部分内容都在最初几轮学会。",
        },
        "learn.mlp.scratch_acc.why_one": {
            "en": "A single pass over the 60,000 images already takes the network from 10% to {acc:.1f}%: each of "
            "its minibatch steps moves every weight a little.",
            "zh": "只遍历一遍 60,000 张图像，网络的测试精度就从 10% 升到了 {acc:.1f}%：每个小批量的一步都会让所有权重"
            "移动一点。",
        },
        "learn.mlp.scratch_acc.why_dip": {
            "en": "The best epoch was epoch {best_epoch} ({best:.1f}%), not the last ({acc:.1f}%): with a fixed "
            "learning rate the test accuracy wobbles from epoch to epoch instead of rising steadily.",
            "zh": "最好的是第 {best_epoch} 个迭代周期（{best:.1f}%），而不是最后一个（{acc:.1f}%）：学习率固定时，"
            "测试精度在各迭代周期之间来回波动，而不是稳步上升。",
        },
        "learn.mlp.scratch_acc.why_diverged": {
            "en": "The run diverged in epoch {epoch}: with learning rate {lr:g} the steps overshoot, and the network "
            "ends no better than guessing.",
            "zh": "训练在第 {epoch} 个迭代周期发散：学习率 {lr:g} 的步子迈得太大，网络最终不比随机猜测好。",
        },
        "learn.mlp.hardest.q": {
            "en": "From scratch (3.2), these settings, seed {seed}: which class will the trained network get wrong "
            "most often on the test set?",
            "zh": "从零开始实现（3.2 节），当前设置，种子 {seed}：训练好的网络在测试集上最常认错哪个类别？",
        },
        "learn.mlp.hardest.c.tshirt": {"en": "t-shirt", "zh": "T恤"},
        "learn.mlp.hardest.c.trouser": {"en": "trouser", "zh": "裤子"},
        "learn.mlp.hardest.c.pullover": {"en": "pullover", "zh": "套衫"},
        "learn.mlp.hardest.c.dress": {"en": "dress", "zh": "连衣裙"},
        "learn.mlp.hardest.c.coat": {"en": "coat", "zh": "外套"},
        "learn.mlp.hardest.c.sandal": {"en": "sandal", "zh": "凉鞋"},
        "learn.mlp.hardest.c.shirt": {"en": "shirt", "zh": "衬衫"},
        "learn.mlp.hardest.c.sneaker": {"en": "sneaker", "zh": "运动鞋"},
        "learn.mlp.hardest.c.bag": {"en": "bag", "zh": "包"},
        "learn.mlp.hardest.c.boot": {"en": "ankle boot", "zh": "短靴"},
        "learn.mlp.hardest.why_tops": {
            "en": "{hard} is right only {acc:.0%} of the time, most often taken for {confused} ({count} of "
            "{total}): at 28×28 pixels the tops look alike, while {easy} reaches {easy_acc:.0%}.",
            "zh": "{hard} 只有 {acc:.0%} 被认对，最常被认成 {confused}（{total} 张中有 {count} 张）："
            "在 28×28 像素下各种上衣彼此相像，而 {easy} 的精度达到 {easy_acc:.0%}。",
        },
        "learn.mlp.hardest.why": {
            "en": "{hard} is right only {acc:.0%} of the time, most often taken for {confused} ({count} of "
            "{total}), while {easy} reaches {easy_acc:.0%}.",
            "zh": "{hard} 只有 {acc:.0%} 被认对，最常被认成 {confused}（{total} 张中有 {count} 张），"
            "而 {easy} 的精度达到 {easy_acc:.0%}。",
        },
        "learn.mlp.concise_gap.q": {
            "en": "Concise (3.3) against from scratch (3.2), both with these settings and seed {seed}: how many "
            "percentage points apart will their last test accuracies be?",
            "zh": "简洁实现（3.3 节）与从零开始实现（3.2 节），都用当前设置和种子 {seed}：两者最后的测试精度会相差"
            "多少个百分点？",
        },
        "learn.mlp.concise_gap.why": {
            "en": "{scratch:.2%} against {concise:.2%}: it is the same network, started from the same weights and fed "
            "the same minibatches; only the biases start differently (zeros against nn.Linear's small default), "
            "so the two runs stay within {max_gap:.2f} points of each other in every epoch.",
            "zh": "{scratch:.2%} 对 {concise:.2%}：这是同一个网络，从相同的权重出发、喂入相同的小批量；只有偏置的初始值"
            "不同（零与 nn.Linear 的小默认值），所以两次训练在每个迭代周期相差都不超过 {max_gap:.2f} 个百分点。",
        },
        "learn.mlp.concise_gap.why_diverged": {
            "en": "At learning rate {lr:g} a run diverged in its first epoch: there is no accuracy to compare.",
            "zh": "学习率为 {lr:g} 时有一次训练在第一个迭代周期就发散了：没有精度可以比较。",
        },
        "learn.mlp.concise_first.q": {
            "en": "Concise (3.3) with {layers} hidden layer(s) of {hidden} {activation} units, initialisation "
            "{init}, learning rate {lr:g}: what test accuracy after the FIRST epoch?",
            "zh": "简洁实现（3.3 节），{layers} 个隐藏层、每层 {hidden} 个 {activation} 隐藏单元，初始化方式 {init}，"
            "学习率 {lr:g}：第一个迭代周期后的测试精度是多少？",
        },
        "learn.mlp.concise_first.why": {
            "en": "The first pass already reaches {first:.1f}% (chance is 10%): the signal gets through the "
            "{layers} hidden layer(s) at this initialisation, so the gradient does too.",
            "zh": "第一遍就达到了 {first:.1f}%（随机猜测为 10%）：在这种初始化下信号能穿过 {layers} 个隐藏层，"
            "梯度也一样能传回来。",
        },
        "learn.mlp.concise_first.why_stuck": {
            "en": "Only {first:.1f}% after a whole epoch: with {init} weights each of the {layers} layers shrinks the "
            "signal (N(0, 0.01²) multiplies it by about 0.01·√256 = 0.16), so the gradient that reaches the first "
            "layers is tiny; after {epochs} epoch(s) it stands at {last:.1f}%.",
            "zh": "整整一个迭代周期后只有 {first:.1f}%：使用 {init} 初始化的权重时，{layers} 个层中的每一层都在缩小"
            "信号（N(0, 0.01²) 大约把它乘以 0.01·√256 = 0.16），所以传回前几层的梯度极小；"
            "{epochs} 个迭代周期后为 {last:.1f}%。",
        },
        "learn.mlp.concise_first.why_diverged": {
            "en": "The run diverged in epoch {epoch}: with learning rate {lr:g} the steps overshoot, and the network "
            "ends no better than guessing.",
            "zh": "训练在第 {epoch} 个迭代周期发散：学习率 {lr:g} 的步子迈得太大，网络最终不比随机猜测好。",
        },
        "learn.mlp.fast85.goal": {
            "en": "From scratch (3.2): reach {goal:.0%} test accuracy after at most {most} epochs.",
            "zh": "从零开始实现（3.2 节）：在不超过 {most} 个迭代周期内让测试精度达到 {goal:.0%}。",
        },
        "learn.mlp.fast85.passed": {
            "en": "{acc:.2%} after {epochs} epoch(s).",
            "zh": "{epochs} 个迭代周期后达到 {acc:.2%}。",
        },
        "learn.mlp.fast85.off": {
            "en": "{acc:.2%} after {epochs} epoch(s): {short:.1f} points short of {goal:.0%}.",
            "zh": "{epochs} 个迭代周期后为 {acc:.2%}：距 {goal:.0%} 还差 {short:.1f} 个百分点。",
        },
        "learn.mlp.fast85.epochs": {
            "en": "This run has {epochs} epochs; the goal allows at most {most}.",
            "zh": "这次训练有 {epochs} 个迭代周期；目标最多允许 {most} 个。",
        },
        "learn.mlp.fast85.scratch": {
            "en": "The challenge is about the network from scratch: set Implementation to scratch or both.",
            "zh": "这个挑战针对从零开始实现的网络：请把“实现方式”设为 scratch 或 both。",
        },
        "learn.mlp.fast85.diverged": {
            "en": "The run diverged: the learning rate is too large.",
            "zh": "训练发散了：学习率太大。",
        },
        "learn.mlp.fast85.hint1": {
            "en": "An epoch is a fixed number of images, not of steps: a smaller batch makes more SGD steps per epoch.",
            "zh": "一个迭代周期是固定数量的图像，而不是固定的步数：批量越小，每个迭代周期的随机梯度下降步数越多。",
        },
        "learn.mlp.fast85.hint2": {
            "en": "Try batch size 64 with 3 to 5 epochs; the test accuracy wobbles, so try a neighbouring epoch "
            "count if one misses.",
            "zh": "试试批量大小 64、3 到 5 个迭代周期；测试精度会波动，如果差一点，就试试相邻的迭代周期数。",
        },
        "learn.mlp.deep.goal": {
            "en": "Concise (3.3) with at least {least} hidden layers: reach {goal:.0%} test accuracy after at most "
            "{most} epochs.",
            "zh": "简洁实现（3.3 节），至少 {least} 个隐藏层：在不超过 {most} 个迭代周期内让测试精度达到 {goal:.0%}。",
        },
        "learn.mlp.deep.passed": {
            "en": "{acc:.2%} after {epochs} epoch(s) with {layers} hidden layers.",
            "zh": "{layers} 个隐藏层，{epochs} 个迭代周期后达到 {acc:.2%}。",
        },
        "learn.mlp.deep.off": {
            "en": "{acc:.2%} after {epochs} epoch(s) with {layers} hidden layers: {short:.1f} points short of "
            "{goal:.0%}.",
            "zh": "{layers} 个隐藏层，{epochs} 个迭代周期后为 {acc:.2%}：距 {goal:.0%} 还差 {short:.1f} 个百分点。",
        },
        "learn.mlp.deep.concise": {
            "en": "The challenge is about the concise network: set Implementation to concise or both.",
            "zh": "这个挑战针对简洁实现的网络：请把“实现方式”设为 concise 或 both。",
        },
        "learn.mlp.deep.layers": {
            "en": "This network has {layers} hidden layer(s); the goal asks for at least {least}.",
            "zh": "这个网络有 {layers} 个隐藏层；目标要求至少 {least} 个。",
        },
        "learn.mlp.deep.epochs": {
            "en": "This run has {epochs} epochs; the goal allows at most {most}.",
            "zh": "这次训练有 {epochs} 个迭代周期；目标最多允许 {most} 个。",
        },
        "learn.mlp.deep.diverged": {
            "en": "The run diverged: the learning rate is too large.",
            "zh": "训练发散了：学习率太大。",
        },
        "learn.mlp.deep.hint1": {
            "en": "With the book's N(0, 0.01²) weights each layer multiplies the signal by about 0.01·√256 = 0.16: "
            "after three layers almost nothing reaches the output, and the gradient shrinks the same way back.",
            "zh": "使用书中 N(0, 0.01²) 的权重时，每一层大约把信号乘以 0.01·√256 = 0.16：经过三层后几乎没有信号到达"
            "输出，梯度在反向传播时也同样缩小。",
        },
        "learn.mlp.deep.hint2": {
            "en": "Keep the learning rate and change the initialisation to xavier_normal or kaiming: they scale each "
            "layer's weights to its width (3.8).",
            "zh": "保持学习率不变，把初始化方式改为 xavier_normal 或 kaiming：它们按每层的宽度缩放权重（3.8 节）。",
        },
    }
)
