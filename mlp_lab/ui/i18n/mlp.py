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
        "learn.mlp.acc_sketch.q": {
            "en": "From scratch (3.2), {layers} hidden layer(s) of {hidden} {activation} units, learning rate {lr:g}, "
            "batch {batch}: sketch the test accuracy after each of the {epochs} epoch(s). (Before training, "
            "guessing gives 10%.)",
            "zh": "从零开始实现（3.2 节），{layers} 个隐藏层、每层 {hidden} 个 {activation} 隐藏单元，学习率 {lr:g}，"
            "批量大小 {batch}：画出 {epochs} 个迭代周期中每个周期结束时的测试精度。（训练前随机猜测为 10%。）",
        },
        "learn.mlp.acc_sketch.at": {"en": "epoch {x:g}", "zh": "第 {x:g} 个迭代周期"},
        "learn.mlp.acc_sketch.why": {
            "en": "Epoch 1 alone takes the network from chance (10%) to {first:.1f}%, {share:.0f}% of all it gains in "
            "{epochs} epochs; the other epochs add {rest:.1f} points. The curve shoots up, then flattens: most of "
            "what one hidden layer can learn, it learns early.",
            "zh": "仅第 1 个迭代周期就让网络从随机猜测（10%）升到 {first:.1f}%，占 {epochs} 个迭代周期总提升的 "
            "{share:.0f}%；其余迭代周期只再提高 {rest:.1f} 个百分点。曲线先陡升，后变平：单隐藏层网络能学到的"
            "大部分内容都在早期学会。",
        },
        "learn.mlp.acc_sketch.why_one": {
            "en": "A single epoch: one pass over the 60,000 images takes the network from 10% to {first:.1f}%.",
            "zh": "只有一个迭代周期：遍历一遍 60,000 张图像，网络就从 10% 升到 {first:.1f}%。",
        },
        "learn.mlp.acc_sketch.why_diverged": {
            "en": "The run diverged in epoch {epoch}: with learning rate {lr:g} the steps overshoot and the loss "
            "becomes NaN, so the curve stops there; a network with NaN weights answers no better than guessing.",
            "zh": "训练在第 {epoch} 个迭代周期发散：学习率 {lr:g} 的步子迈得太大，损失变成 NaN，曲线就此中断；"
            "权重为 NaN 的网络不比随机猜测好。",
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


# --- the book's exercises 3.2.1-3.2.6 and 3.3.1-3.3.3 -------------------------------------------------
def _one_knob(
    id: str, best_en: str, worst_en: str, best_zh: str, worst_zh: str, count_en: str, count_zh: str, stuck: tuple
) -> dict:
    """The sentences of a sweep over one setting (``activities.mlp._one_knob`` picks one from the run):
    ``best_en`` etc. name the best and worst value ("{best} hidden units")."""
    where_en = "after {epochs} epoch(s) on {n:,} training images, "
    where_zh = "在 {n:,} 张训练图像上训练 {epochs} 个迭代周期后，"
    return {
        f"ex.{id}.finding": {
            "en": where_en + f"{best_en} did best ({{acc:.1f}} % test accuracy) and {worst_en} worst ({{low:.1f}} %): "
            f"{{spread:.1f}} points apart over {{count}} {count_en}.",
            "zh": where_zh + f"{best_zh}最好（测试精度 {{acc:.1f}}%），{worst_zh}最差（{{low:.1f}}%）："
            f"{{count}} 个{count_zh}之间相差 {{spread:.1f}} 个百分点。",
        },
        f"ex.{id}.finding_flat": {
            "en": where_en + f"all {{count}} {count_en} land within {{spread:.1f}} points of each other "
            f"({{low:.1f}}–{{acc:.1f}} % test accuracy): at this budget the choice hardly matters; {best_en} "
            "is ahead by a hair, less than a change of seed can move a run.",
            "zh": where_zh + f"{{count}} 个{count_zh}的测试精度彼此相差不到 {{spread:.1f}} 个百分点"
            f"（{{low:.1f}}%–{{acc:.1f}}%）：在这个训练量下，这个选择几乎无关紧要；{best_zh}只是略微领先，"
            "差距比换一个随机种子带来的波动还小。",
        },
        f"ex.{id}.finding_stuck": {
            "en": where_en + f"{best_en} did best ({{acc:.1f}} % test accuracy), while {stuck[0]} stayed near chance "
            "(below 20 %; guessing gives 10 %): those runs learned next to nothing in this budget.",
            "zh": where_zh + f"{best_zh}最好（测试精度 {{acc:.1f}}%），而{stuck[1]}停在随机猜测附近"
            "（低于 20%；随机猜测为 10%）：这些运行在这个训练量内几乎什么也没学到。",
        },
        f"ex.{id}.one": {
            "en": f"with one value only ({best_en}: {{acc:.1f}} % test accuracy) there is nothing to compare; "
            "pick two or more.",
            "zh": f"只有一个取值（{best_zh}：测试精度 {{acc:.1f}}%），无从比较；请至少选两个。",
        },
        f"ex.{id}.empty": {"en": "pick at least one value to train.", "zh": "请至少选择一个取值再训练。"},
        f"ex.{id}.s.test": {"en": "test accuracy", "zh": "测试精度"},
        f"ex.{id}.s.train": {"en": "train accuracy", "zh": "训练精度"},
    }


STRINGS.update(
    {
        "ex.mlp.training": {"en": "Training the exercise's runs…", "zh": "正在训练本练习的各次运行……"},
        "ex.mlp.n_train": {"en": "Training images used", "zh": "使用的训练图像数"},
        "ex.mlp.n_train_help": {
            "en": "the first n images of the training set (60,000 = all of it); the test set is always the whole "
            "10,000. Fewer images train faster and reach less.",
            "zh": "训练集的前 n 张图像（60,000 = 全部）；测试集始终是完整的 10,000 张。图像越少训练越快，精度也越低。",
        },
        "ex.mlp.widths": {"en": "Hidden units to try", "zh": "要尝试的隐藏单元数"},
        "ex.mlp.depths": {"en": "Hidden layers to try (256 units each)", "zh": "要尝试的隐藏层数（每层 256 个单元）"},
        "ex.mlp.lrs": {"en": "Learning rates to try", "zh": "要尝试的学习率"},
        "ex.mlp.activations": {"en": "Activation functions to try", "zh": "要尝试的激活函数"},
        "ex.mlp.inits": {"en": "Initialisations to try", "zh": "要尝试的初始化方法"},
        "ex.mlp.budget": {"en": "Budget (trainings)", "zh": "预算（训练次数）"},
        "ex.mlp.max_epochs": {"en": "Most epochs a trial may draw", "zh": "每次试验最多的迭代周期数"},
        "ex.mlp.draw": {"en": "Seed of the search", "zh": "搜索的随机种子"},
        "ex.mlp.per_other": {
            "en": "Values per hyperparameter (four-way grid)",
            "zh": "每个超参数的取值个数（四维网格）",
        },
        "ex.mlp.per_other_help": {
            "en": "for the count of a full grid over the book's four hyperparameters (learning rate, epochs, hidden "
            "layers, units per layer); nothing is trained for it",
            "zh": "用于计算书中四个超参数（学习率、迭代周期数、隐藏层数、每层隐藏单元数）的完整网格大小；不会为此训练",
        },
        "ex.mlp.side": {"en": "Grid points per hyperparameter", "zh": "网格中每个超参数的取值个数"},
        "ex.mlp.side_help": {
            "en": "the grid tries this many learning rates times this many widths; the budget of both searches is "
            "its square",
            "zh": "网格搜索尝试这么多个学习率乘以这么多个宽度；两种搜索的预算都是它的平方",
        },
        "ex.mlp.repeats": {"en": "Random searches drawn", "zh": "随机搜索的次数"},
        "ex.mlp.repeats_help": {
            "en": "random search is random: several draws, each with the grid's budget, show how often it wins",
            "zh": "随机搜索本身有随机性：抽取多次（每次预算与网格相同），看它赢的频率",
        },
        "ex.mlp.acc_pct": {"en": "test accuracy (%)", "zh": "测试精度（%）"},
        "ex.mlp.best_pct": {"en": "best so far (%)", "zh": "目前最好（%）"},
        "ex.mlp.trial": {"en": "trial", "zh": "试验"},
        # 3.2.1
        "ex.3.2.1.title": {"en": "How many hidden units?", "zh": "多少个隐藏单元？"},
        "ex.3.2.1.q": {
            "en": "Keep every other setting as it is and change only the number of hidden units of the from-scratch "
            "MLP. How does the result move, and which width works best?",
            "zh": "保持其他设置不变，只改变从零开始实现的多层感知机的隐藏单元数。结果如何变化？哪个宽度最好？",
        },
        "ex.3.2.1.try": {
            "en": "Each chosen width trains the book's network (one hidden layer, ReLU, learning rate 0.1, batch 256, "
            "N(0, 0.01²) weights) with the same seed. One epoch keeps it quick; raise the epochs to see whether "
            "the ranking holds once the networks have trained longer.",
            "zh": "每个选中的宽度都用同一随机种子训练书中的网络（一个隐藏层、ReLU、学习率 0.1、批量大小 256、"
            "权重取自 N(0, 0.01²)）。一个迭代周期训练得快；增加迭代周期数，看训练更久后排名是否不变。",
        },
        **_one_knob(
            "3.2.1",
            "{best} hidden units",
            "{worst}",
            "{best} 个隐藏单元",
            "{worst} 个",
            "widths",
            "宽度",
            ("{stuck} hidden units", " {stuck} 个隐藏单元的网络"),
        ),
        # 3.2.2
        "ex.3.2.2.title": {"en": "More hidden layers", "zh": "更多的隐藏层"},
        "ex.3.2.2.q": {
            "en": "Stack more hidden layers into the from-scratch MLP. What happens to the result?",
            "zh": "在从零开始实现的多层感知机中叠加更多的隐藏层，结果会怎样？",
        },
        "ex.3.2.2.try": {
            "en": "Each depth stacks hidden layers of 256 ReLU units, everything else the book's. Start with one "
            "epoch, then give the deeper networks more epochs (or see 3.3.3 for another initialisation).",
            "zh": "每种深度都堆叠含 256 个 ReLU 单元的隐藏层，其余均为书中的设置。先训练一个迭代周期，"
            "再给更深的网络更多的迭代周期（或参看练习 3.3.3 换一种初始化方法）。",
        },
        **_one_knob(
            "3.2.2",
            "{best} hidden layer(s)",
            "{worst}",
            "{best} 个隐藏层",
            "{worst} 个",
            "depths",
            "深度",
            ("{stuck} hidden layers", " {stuck} 个隐藏层的网络"),
        ),
        "ex.3.2.2.answer": {
            "en": "More layers can represent more, but they are also harder to train from the book's start. With "
            "weights drawn from N(0, 0.01²), a layer of 256 inputs multiplies the scale of what passes through it "
            "by about $0.01\\sqrt{256} = 0.16$ (less after ReLU), and the gradients flowing back shrink the same way. "
            "Two or three such layers leave the output almost constant and the gradient tiny, so within an epoch "
            "a deep network can sit near chance while the one-layer network is already far along. More epochs, a "
            "larger learning rate, or an initialisation scaled to the width (Xavier, Kaiming: 3.3.3 and 3.8) let "
            "the depth pay off. On Fashion-MNIST one hidden layer is already a strong baseline.",
            "zh": "更多的层能表示更多的函数，但从书中的初始值出发也更难训练。权重取自 N(0, 0.01²) 时，"
            "一个有 256 个输入的层会把通过它的信号尺度乘以约 $0.01\\sqrt{256} = 0.16$（经过 ReLU 后更小），"
            "反向传回的梯度也同样缩小。两三层这样的层会让输出几乎不变、梯度极小，因此在一个迭代周期内，"
            "深的网络可能停在随机猜测附近，而单隐藏层的网络已经学得很好。更多的迭代周期、更大的学习率，"
            "或者按层宽缩放的初始化（Xavier、Kaiming：练习 3.3.3 和 3.8 节）才能让深度发挥作用。"
            "在 Fashion-MNIST 上，一个隐藏层已经是很强的基线。",
        },
        # 3.2.3
        "ex.3.2.3.title": {"en": "The learning rate", "zh": "学习率"},
        "ex.3.2.3.q": {
            "en": "With the architecture and the number of epochs fixed, change the learning rate. How does it "
            "affect the result, and which value is best?",
            "zh": "固定模型架构和迭代周期数，改变学习率。它如何影响结果？哪个值最好？",
        },
        "ex.3.2.3.try": {
            "en": "Each chosen learning rate trains the book's network (256 hidden units) from the same start. Too "
            "small and it crawls; too large and the loss blows up or the ReLUs die. Raise the epochs and watch "
            "the best rate move.",
            "zh": "每个选中的学习率都从同一初始值训练书中的网络（256 个隐藏单元）。太小则进展缓慢；"
            "太大则损失爆炸或 ReLU 单元“死亡”。增加迭代周期数，看最好的学习率如何移动。",
        },
        **_one_knob(
            "3.2.3",
            "learning rate {best}",
            "{worst}",
            "学习率 {best} ",
            "{worst} ",
            "learning rates",
            "学习率",
            ("learning rate(s) {stuck}", "学习率 {stuck} "),
        ),
        # 3.2.4
        "ex.3.2.4.title": {"en": "Tune them all together", "zh": "联合调优所有超参数"},
        "ex.3.2.4.q": {
            "en": "Tune the learning rate, the number of epochs, the number of hidden layers and the hidden units per "
            "layer together. What is the best result you can reach?",
            "zh": "同时调节学习率、迭代周期数、隐藏层数和每层的隐藏单元数。你能得到的最好结果是什么？",
        },
        "ex.3.2.4.try": {
            "en": "A random search: each trial draws a learning rate (log-uniform in 0.03–1), 1 to 3 hidden layers, "
            "64 to 512 units per layer and 1 to the chosen most epochs, and trains it. Raise the budget, the "
            "epochs and the training images to do better; another search seed draws other trials.",
            "zh": "随机搜索：每次试验抽取一个学习率（在 0.03–1 之间按对数均匀分布）、1 到 3 个隐藏层、"
            "每层 64 到 512 个隐藏单元，以及 1 到所选上限的迭代周期数，然后训练。提高预算、迭代周期数和"
            "训练图像数可以做得更好；换一个搜索种子会抽到别的试验。",
        },
        "ex.3.2.4.finding": {
            "en": "over {budget} random trials ({n:,} training images) the best was trial {trial}: learning rate "
            "{lr:g}, {layers} hidden layer(s) of {width} units, {epochs} epoch(s), reaching {acc:.1f} % test "
            "accuracy (the worst trial: {low:.1f} %).",
            "zh": "在 {budget} 次随机试验中（{n:,} 张训练图像），最好的是第 {trial} 次：学习率 {lr:g}、{layers} 个"
            "各含 {width} 个隐藏单元的隐藏层、{epochs} 个迭代周期，测试精度 {acc:.1f}%（最差的试验：{low:.1f}%）。",
        },
        "ex.3.2.4.finding_stuck": {
            "en": "over {budget} random trials ({n:,} training images) the best was trial {trial}: learning rate "
            "{lr:g}, {layers} hidden layer(s) of {width} units, {epochs} epoch(s), reaching {acc:.1f} % test "
            "accuracy; {stuck} trial(s) stayed near chance (below 20 %), a part of the budget spent on nothing.",
            "zh": "在 {budget} 次随机试验中（{n:,} 张训练图像），最好的是第 {trial} 次：学习率 {lr:g}、{layers} 个"
            "各含 {width} 个隐藏单元的隐藏层、{epochs} 个迭代周期，测试精度 {acc:.1f}%；有 {stuck} 次试验停在"
            "随机猜测附近（低于 20%），这部分预算白白花掉了。",
        },
        "ex.3.2.4.s.trial": {"en": "this trial", "zh": "本次试验"},
        "ex.3.2.4.s.best": {"en": "best so far", "zh": "目前最好"},
        "ex.3.2.4.answer": {
            "en": "The best trial is picked here by its test accuracy, because this chapter has no other held-out "
            "data yet. That flatters it: the more trials you compare on the test set, the more the winner's score "
            "reflects luck on those 10,000 images rather than how well it generalises. The honest recipe (3.4) "
            "picks on a validation set carved out of the training data and reports the test accuracy of the one "
            "chosen model once. With the full 60,000 images and around 10 epochs, one hidden layer of a few hundred "
            "units at a learning rate near 0.1–0.5 typically reaches the mid-80s; deeper nets from N(0, 0.01²) "
            "weights need more epochs to catch up.",
            "zh": "这里按测试精度挑选最好的试验，因为本章还没有其他留出的数据。这会高估它：在测试集上比较的试验越多，"
            "胜者的分数就越多地反映在这 10,000 张图像上的运气，而不是泛化能力。诚实的做法（3.4 节）是从训练数据中"
            "划出验证集来挑选，只对选中的那一个模型报告一次测试精度。使用全部 60,000 张图像、约 10 个迭代周期时，"
            "一个含几百个隐藏单元的隐藏层、学习率在 0.1–0.5 附近，通常能达到 85% 左右；权重取自 N(0, 0.01²) 的"
            "更深网络需要更多迭代周期才能赶上。",
        },
        # 3.2.5
        "ex.3.2.5.title": {"en": "Why several hyperparameters are harder", "zh": "为什么多个超参数更难"},
        "ex.3.2.5.q": {
            "en": "Why is it harder to tune several hyperparameters at once than one?",
            "zh": "为什么同时调节多个超参数比调节一个更难？",
        },
        "ex.3.2.5.try": {
            "en": "Train a small grid of learning rates × depths (one epoch each, on the training images chosen) and read "
            "whether the best learning rate stays the same at every depth. The last slider only counts a grid "
            "over the book's four hyperparameters: nothing is trained for it.",
            "zh": "训练一个学习率 × 深度的小网格（每个一个迭代周期，使用所选数量的训练图像），看最好的学习率在各深度下"
            "是否相同。最后一个滑块只用于计算书中四个超参数的网格大小，不会为此训练。",
        },
        "ex.3.2.5.finding": {
            "en": "this grid of {a} learning rates × {b} depths is {n} trainings ({sec:.1f} s each on average here). "
            "The best learning rate is {lr_shallow} with {shallow} hidden layer(s) but {lr_deep} with {deep}: "
            "the best value of one setting depends on the other, so tuning them one at a time misses it. "
            "With {k} values for each of the book's four hyperparameters a full grid needs {k}⁴ = {four:,} "
            "trainings, about {hours:.1f} hours at this speed (and more, since longer runs cost more).",
            "zh": "这个 {a} 个学习率 × {b} 个深度的网格需要训练 {n} 次（这里平均每次 {sec:.1f} 秒）。"
            "{shallow} 个隐藏层时最好的学习率是 {lr_shallow}，{deep} 个隐藏层时却是 {lr_deep}：一个设置的最优值"
            "取决于另一个，所以逐个调节会错过它。书中四个超参数各取 {k} 个值时，完整网格需要 {k}⁴ = {four:,} 次训练，"
            "按这个速度约 {hours:.1f} 小时（迭代周期更多时还要更久）。",
        },
        "ex.3.2.5.finding_same_lr": {
            "en": "this grid of {a} learning rates × {b} depths is {n} trainings ({sec:.1f} s each on average here). "
            "The best learning rate is {lr_shallow} at both {shallow} and {deep} hidden layers, but what depth "
            "does still depends on the rate: going from {shallow} to {deep} layers changes the test accuracy by "
            "{change_hi:+.1f} points at learning rate {hi_lr} and by {change_lo:+.1f} at {lo_lr}. "
            "With {k} values for each of the book's four hyperparameters a full grid needs {k}⁴ = {four:,} "
            "trainings, about {hours:.1f} hours at this speed (and more, since longer runs cost more).",
            "zh": "这个 {a} 个学习率 × {b} 个深度的网格需要训练 {n} 次（这里平均每次 {sec:.1f} 秒）。"
            "{shallow} 个和 {deep} 个隐藏层时最好的学习率都是 {lr_shallow}，但深度的作用仍取决于学习率："
            "从 {shallow} 层加深到 {deep} 层，学习率为 {hi_lr} 时测试精度变化 {change_hi:+.1f} 个百分点，"
            "为 {lo_lr} 时变化 {change_lo:+.1f} 个百分点。书中四个超参数各取 {k} 个值时，完整网格需要 "
            "{k}⁴ = {four:,} 次训练，按这个速度约 {hours:.1f} 小时（迭代周期更多时还要更久）。",
        },
        "ex.3.2.5.small": {
            "en": "this grid of {a} learning rate(s) × {b} depth(s) is {n} training(s); pick at least two of each to "
            "see whether they interact. With {k} values for each of the book's four hyperparameters a full grid "
            "needs {k}⁴ = {four:,} trainings, about {hours:.1f} hours at {sec:.1f} s each.",
            "zh": "这个 {a} 个学习率 × {b} 个深度的网格需要训练 {n} 次；两者各至少选两个值才能看出它们是否相互影响。"
            "书中四个超参数各取 {k} 个值时，完整网格需要 {k}⁴ = {four:,} 次训练，按每次 {sec:.1f} 秒约 {hours:.1f} 小时。",
        },
        "ex.3.2.5.s.d1": {"en": "1 hidden layer", "zh": "1 个隐藏层"},
        "ex.3.2.5.s.d2": {"en": "2 hidden layers", "zh": "2 个隐藏层"},
        "ex.3.2.5.s.d3": {"en": "3 hidden layers", "zh": "3 个隐藏层"},
        "ex.3.2.5.s.d4": {"en": "4 hidden layers", "zh": "4 个隐藏层"},
        "ex.3.2.5.answer": {
            "en": "1. **The search space grows as a product.** With $k$ values for each of $d$ hyperparameters a "
            "full grid has $k^d$ points: 5 values for each of learning rate, epochs, hidden layers and units is "
            "$5^4 = 625$ trainings, and the settings that train longer (more epochs, more layers, more units) are "
            "the expensive ones.\n"
            "2. **They interact.** The best learning rate depends on the depth, the width, the batch size and the "
            "number of epochs, so tuning one at a time and combining the winners can land far from the best "
            "combination: each axis's best value moves when another changes.\n"
            "3. **Every score is noisy.** A run's accuracy moves with the seed by about a point, so among many "
            "configurations the winner is partly the luckiest; telling real gains from noise needs repeats, "
            "which multiply the cost again. Picking on the test set makes that worse (use a validation set, 3.4).\n"
            "4. **They are of different kinds.** The learning rate lives on a log scale, layers and units are "
            "integers, the units of layer 3 exist only when there are 3 layers, and epochs trade accuracy "
            "against time: no single step size or range fits them all.",
            "zh": "1. **搜索空间按乘积增长。** $d$ 个超参数各取 $k$ 个值，完整网格就有 $k^d$ 个点：学习率、迭代周期数、"
            "隐藏层数和隐藏单元数各取 5 个值，就是 $5^4 = 625$ 次训练，而且训练更久的设置（更多迭代周期、更多层、"
            "更多单元）恰恰最贵。\n"
            "2. **它们相互影响。** 最好的学习率取决于深度、宽度、批量大小和迭代周期数，所以逐个调节再把各自的最优值"
            "组合起来，可能离最好的组合很远：一个超参数变了，另一个的最优值也跟着移动。\n"
            "3. **每个分数都有噪声。** 一次运行的精度随随机种子变化约一个百分点，所以在许多配置中胜出的部分是运气最好的；"
            "要分辨真实的提升和噪声就需要重复，成本再次成倍增加。在测试集上挑选会更糟（应使用验证集，3.4 节）。\n"
            "4. **它们的类型不同。** 学习率适合在对数尺度上取值，层数和单元数是整数，第 3 层的单元数只在有 3 层时才存在，"
            "迭代周期数在精度和时间之间权衡：没有一种步长或范围适合所有超参数。",
        },
        # 3.2.6
        "ex.3.2.6.title": {"en": "A smart search strategy", "zh": "聪明的搜索策略"},
        "ex.3.2.6.q": {
            "en": "You want to search over several hyperparameters at once. Think of a clever strategy for it.",
            "zh": "如果要同时搜索多个超参数，请想出一种聪明的策略。",
        },
        "ex.3.2.6.try": {
            "en": "A race on a cheap proxy (the first 5,000 training images, one epoch, batch 64): a grid of "
            "learning rates (0.003–3) × widths (16–512) against random search with the same number of trainings, "
            "drawing both from the same ranges on a log scale. Only the learning rate matters much here; count "
            "how many different learning rates each search gets to try.",
            "zh": "在一个廉价的代理任务上比赛（训练集前 5,000 张图像、一个迭代周期、批量大小 64）：学习率（0.003–3）"
            "× 宽度（16–512）的网格搜索，对比训练次数相同的随机搜索，两者都在对数尺度上从相同范围取值。"
            "这里只有学习率影响很大；数一数每种搜索试到了多少个不同的学习率。",
        },
        "ex.3.2.6.finding": {
            "en": "with {budget} trainings each ({n:,} images, one epoch), the {side}×{side} grid's best is "
            "{grid:.1f} % test accuracy; random search beat it in {wins} of {repeats} draw(s) (median best "
            "{random:.1f} %). The grid tried only {grid_lrs} learning rates, random search {random_lrs:.1f} on "
            "average: when one hyperparameter matters most, random search explores more of it.",
            "zh": "每种搜索各训练 {budget} 次（{n:,} 张图像、一个迭代周期），{side}×{side} 网格的最好测试精度为 "
            "{grid:.1f}%；随机搜索在 {repeats} 次抽取中有 {wins} 次胜过它（最好结果的中位数 {random:.1f}%）。"
            "网格只试了 {grid_lrs} 个学习率，随机搜索平均试了 {random_lrs:.1f} 个：当某一个超参数最重要时，"
            "随机搜索能更多地探索它。",
        },
        "ex.3.2.6.finding_even": {
            "en": "with {budget} trainings each ({n:,} images, one epoch), the {side}×{side} grid's best is "
            "{grid:.1f} % test accuracy; random search beat it in exactly half the draws ({wins} of {repeats}; "
            "median best {random:.1f} %), although it tried {random_lrs:.1f} learning rates on average against "
            "the grid's {grid_lrs}. Draw more searches to settle it.",
            "zh": "每种搜索各训练 {budget} 次（{n:,} 张图像、一个迭代周期），{side}×{side} 网格的最好测试精度为 "
            "{grid:.1f}%；随机搜索恰好在一半的抽取中胜过它（{repeats} 次中 {wins} 次；最好结果的中位数 {random:.1f}%），"
            "尽管它平均试了 {random_lrs:.1f} 个学习率，而网格只试了 {grid_lrs} 个。多抽几次搜索再下结论。",
        },
        "ex.3.2.6.finding_grid": {
            "en": "with {budget} trainings each ({n:,} images, one epoch), the {side}×{side} grid's best, "
            "{grid:.1f} % test accuracy, held: random search beat it in only {wins} of {repeats} draw(s) (median "
            "best {random:.1f} %), although it tried {random_lrs:.1f} learning rates on average against the "
            "grid's {grid_lrs}. One of the grid's few learning rates lies in the good range here; change the "
            "grid's size or draw more searches and see whether that lasts.",
            "zh": "每种搜索各训练 {budget} 次（{n:,} 张图像、一个迭代周期），{side}×{side} 网格的最好测试精度 "
            "{grid:.1f}% 守住了：随机搜索在 {repeats} 次抽取中只有 {wins} 次胜过它（最好结果的中位数 {random:.1f}%），"
            "尽管它平均试了 {random_lrs:.1f} 个学习率，而网格只试了 {grid_lrs} 个。这里网格的少数几个学习率中"
            "恰有一个落在好的范围内；改变网格大小或多抽几次搜索，看这是否持续。",
        },
        "ex.3.2.6.s.grid": {"en": "grid search", "zh": "网格搜索"},
        "ex.3.2.6.s.random": {"en": "random (mean of draws)", "zh": "随机搜索（平均）"},
        "ex.3.2.6.answer": {
            "en": "- **Random search instead of a grid** (Bergstra and Bengio, 2012). A $k \\times k$ grid tries only "
            "$k$ values of each hyperparameter; $k^2$ random draws try $k^2$ different values of each. When only "
            "one or two hyperparameters really matter (usually the learning rate), random search explores them "
            "far better on the same budget, and it can be stopped or extended at any time.\n"
            "- **Sample on the right scale**: the learning rate log-uniformly (0.001, 0.01, 0.1 are equal steps), "
            "integers such as layers and units from a small set.\n"
            "- **Coarse to fine**: a wide first search, then a narrower one around the best region.\n"
            "- **Spend little on bad settings**: evaluate many settings cheaply (few images, one epoch: the proxy "
            "here) and give the full training only to the promising ones; successive halving and Hyperband do "
            "this systematically, and early stopping ends runs that diverge.\n"
            "- **Learn from the trials so far**: Bayesian optimisation models accuracy as a function of the "
            "settings and proposes the next trial where it expects the most gain.\n"
            "- **Judge on a validation set**, with repeats where the gaps are small (3.4), and tune the most "
            "sensitive hyperparameter (the learning rate) first.",
            "zh": "- **用随机搜索代替网格搜索**（Bergstra 和 Bengio，2012）。$k \\times k$ 的网格对每个超参数只试 $k$ 个值；"
            "$k^2$ 次随机抽取则对每个超参数试 $k^2$ 个不同的值。当真正重要的只有一两个超参数（通常是学习率）时，"
            "同样的预算下随机搜索探索得好得多，而且随时可以停止或追加。\n"
            "- **在合适的尺度上采样**：学习率按对数均匀采样（0.001、0.01、0.1 是等距的），层数、单元数这样的整数从一个"
            "小集合中选。\n"
            "- **由粗到细**：先大范围搜索，再在最好的区域附近缩小范围搜索。\n"
            "- **少在差的设置上花钱**：先廉价地评估许多设置（少量图像、一个迭代周期：即这里的代理任务），只给有希望的设置"
            "完整训练；逐次减半（successive halving）和 Hyperband 系统地这样做，早停则终止发散的运行。\n"
            "- **从已有的试验中学习**：贝叶斯优化把精度建模为设置的函数，并在预期收益最大的地方提出下一次试验。\n"
            "- **在验证集上评判**，差距很小时重复几次（3.4 节），并先调最敏感的超参数（学习率）。",
        },
        # 3.3.1
        "ex.3.3.1.title": {"en": "Depth and learning rate, concisely", "zh": "简洁实现：深度与学习率"},
        "ex.3.3.1.q": {
            "en": "With the concise MLP, try different numbers of hidden layers, and change the learning rate as "
            "well. Which combination works best?",
            "zh": "用简洁实现的多层感知机尝试不同数量的隐藏层，同时也改变学习率。哪种组合效果最好？",
        },
        "ex.3.3.1.try": {
            "en": "Every depth × learning rate pair trains the concise network (`nn.Sequential`, 256 ReLU units per "
            "layer, the book's N(0, 0.01²) weights, batch 256). Deeper networks may need a larger rate or more "
            "epochs to get going.",
            "zh": "每一对深度 × 学习率都训练简洁实现的网络（`nn.Sequential`，每层 256 个 ReLU 单元，书中的 N(0, 0.01²) "
            "权重，批量大小 256）。更深的网络可能需要更大的学习率或更多迭代周期才能开始学习。",
        },
        "ex.3.3.1.finding": {
            "en": "over {count} combinations (concise, {epochs} epoch(s), {n:,} training images) the best is "
            "{layers} hidden layer(s) at learning rate {lr}: {acc:.1f} % test accuracy (the worst: {low:.1f} %).",
            "zh": "在 {count} 种组合中（简洁实现，{epochs} 个迭代周期，{n:,} 张训练图像），最好的是 {layers} 个隐藏层、"
            "学习率 {lr}：测试精度 {acc:.1f}%（最差的：{low:.1f}%）。",
        },
        "ex.3.3.1.finding_stuck": {
            "en": "over {count} combinations (concise, {epochs} epoch(s), {n:,} training images) the best is "
            "{layers} hidden layer(s) at learning rate {lr}: {acc:.1f} % test accuracy. Stuck near chance (below "
            "20 %): {stuck} (hidden layers × learning rate).",
            "zh": "在 {count} 种组合中（简洁实现，{epochs} 个迭代周期，{n:,} 张训练图像），最好的是 {layers} 个隐藏层、"
            "学习率 {lr}：测试精度 {acc:.1f}%。停在随机猜测附近（低于 20%）的有：{stuck}（隐藏层数 × 学习率）。",
        },
        "ex.3.3.1.empty": {
            "en": "Pick at least one depth and one learning rate.",
            "zh": "请至少选择一个深度和一个学习率。",
        },
        "ex.3.3.1.s.d1": {"en": "1 hidden layer", "zh": "1 个隐藏层"},
        "ex.3.3.1.s.d2": {"en": "2 hidden layers", "zh": "2 个隐藏层"},
        "ex.3.3.1.s.d3": {"en": "3 hidden layers", "zh": "3 个隐藏层"},
        "ex.3.3.1.s.d4": {"en": "4 hidden layers", "zh": "4 个隐藏层"},
        # 3.3.2
        "ex.3.3.2.title": {"en": "Which activation function?", "zh": "哪个激活函数？"},
        "ex.3.3.2.q": {
            "en": "Swap the activation function of the concise MLP. Which one works best?",
            "zh": "替换简洁实现的多层感知机中的激活函数。哪个效果最好？",
        },
        "ex.3.3.2.try": {
            "en": "Each activation function trains the concise network with the same seed, learning rate 0.1 and "
            "the book's initialisation. Add hidden layers or epochs: sigmoid's small gradients (at most 0.25) "
            "hurt more as the network gets deeper.",
            "zh": "每个激活函数都用相同的随机种子、学习率 0.1 和书中的初始化训练简洁实现的网络。增加隐藏层或迭代周期："
            "sigmoid 的梯度很小（最大 0.25），网络越深影响越大。",
        },
        **_one_knob(
            "3.3.2",
            "{best}",
            "{worst}",
            "{best} ",
            "{worst} ",
            "activation functions",
            "激活函数",
            ("{stuck}", " {stuck} "),
        ),
        # 3.3.3
        "ex.3.3.3.title": {"en": "Which initialisation?", "zh": "哪种初始化方法？"},
        "ex.3.3.3.q": {
            "en": "Try different ways of initialising the weights of the concise MLP. Which works best?",
            "zh": "尝试用不同的方法初始化简洁实现的多层感知机的权重。哪种方法效果最好？",
        },
        "ex.3.3.3.try": {
            "en": "normal is the book's N(0, 0.01²); xavier_* scale the variance to 2/(n_in+n_out), kaiming to "
            "2/n_in; normal1 is N(0, 1); constant sets every weight to 0.01. Two hidden layers by default: the "
            "deeper the network, the more the scale of the weights matters.",
            "zh": "normal 是书中的 N(0, 0.01²)；xavier_* 把方差设为 2/(n_in+n_out)，kaiming 设为 2/n_in；normal1 是 "
            "N(0, 1)；constant 把每个权重都设为 0.01。默认两个隐藏层：网络越深，权重的尺度越重要。",
        },
        **_one_knob(
            "3.3.3",
            "{best}",
            "{worst}",
            "{best} ",
            "{worst} ",
            "initialisations",
            "初始化方法",
            ("{stuck}", " {stuck} "),
        ),
    }
)
