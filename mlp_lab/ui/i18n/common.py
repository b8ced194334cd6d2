"""Strings shared by the app shell, the home page and the shared widgets."""

STRINGS: dict[str, dict[str, str]] = {
    # app shell and sidebar
    "app.title": {"en": "MLP Lab", "zh": "MLP 实验室"},
    "app.tagline": {
        "en": "Multilayer perceptrons, explorable: every figure of the chapter is a live experiment.",
        "zh": "可探索的多层感知机：本章的每一张图都是一个可以动手运行的实验。",
    },
    "sidebar.language": {"en": "Language", "zh": "语言"},
    "sidebar.seed": {"en": "Random seed", "zh": "随机种子"},
    "sidebar.seed_help": {
        "en": "The same seed gives the same initial weights and batches, so a run can be repeated.",
        "zh": "相同的种子给出相同的初始权重和小批量顺序，实验因此可以复现。",
    },
    "sidebar.device": {"en": "Compute device: {device}", "zh": "计算设备：{device}"},
    "sidebar.share": {
        "en": "The address bar holds every setting: copy it to share this exact experiment.",
        "zh": "地址栏包含全部设置：复制它即可分享这个实验。",
    },
    # home page
    "page.home": {"en": "Home", "zh": "首页"},
    "home.intro": {
        "en": "This app follows the multilayer-perceptron chapter of *Dive into Deep Learning* "
        "section by section. Each page runs the real experiment (PyTorch on Fashion-MNIST or the "
        "book's synthetic data) with the book's hyperparameters as defaults. Beside our results it "
        "names where each reference comes from: the book's formulas and statements (the book's text "
        "prints no outputs of its runs), the printed outputs of the chapter write-up's own run, and "
        "the claims of our pages, measured over several random seeds.",
        "zh": "本应用按《动手学深度学习》多层感知机一章逐节展开。每一页都运行真实的实验"
        "（在 Fashion-MNIST 或书中的合成数据上用 PyTorch 训练），默认使用书中的超参数。"
        "在我们的结果旁边，注明每个参照的出处：书中的公式与论断（书的正文不印运行输出）、"
        "本章学习笔记自己运行所印出的输出，以及本站页面的论断（在多个随机种子上测量）。",
    },
    "home.sections": {"en": "Chapter map", "zh": "章节地图"},
    "home.col_section": {"en": "Section", "zh": "小节"},
    "home.col_topic": {"en": "Topic", "zh": "主题"},
    "home.col_page": {"en": "Page", "zh": "页面"},
    "home.not_yet": {"en": "not in the app yet", "zh": "尚未加入应用"},
    "home.how": {"en": "How to use it", "zh": "使用方法"},
    "home.how_text": {
        "en": "Move a control and the experiment reruns; results already computed on this server "
        "appear at once. The language and the random seed are in the sidebar. The address bar "
        "always holds the current settings, so copying it shares the exact experiment.",
        "zh": "移动任意控件，实验就会重新运行；本服务器上已经算过的结果会立即显示。"
        "语言和随机种子在侧边栏。地址栏始终保存当前设置，复制它即可分享完全相同的实验。",
    },
    "home.data_ok": {
        "en": "Fashion-MNIST is ready on this server.",
        "zh": "本服务器上的 Fashion-MNIST 已就绪。",
    },
    "home.data_missing": {
        "en": "Fashion-MNIST is not on this server yet: the first page that trains downloads it "
        "(~30 MB). Offline, the server's operator sets `MLP_LAB_DATA` to a folder with the four files.",
        "zh": "本服务器上还没有 Fashion-MNIST：第一个需要训练的页面会下载它（约 30 MB）。"
        "离线时，请服务器管理员把环境变量 `MLP_LAB_DATA` 设为存放这四个文件的文件夹。",
    },
    # chapter sections (the home page's map)
    "section.3.1": {"en": "Multilayer perceptrons and activation functions", "zh": "多层感知机与激活函数"},
    "section.3.2": {"en": "MLP from scratch", "zh": "多层感知机的从零开始实现"},
    "section.3.3": {"en": "MLP, concise implementation", "zh": "多层感知机的简洁实现"},
    "section.3.4": {"en": "Model selection, underfitting and overfitting", "zh": "模型选择、欠拟合和过拟合"},
    "section.3.5": {"en": "Weight decay", "zh": "权重衰减"},
    "section.3.6": {"en": "Dropout", "zh": "暂退法（Dropout）"},
    "section.3.7": {"en": "Forward and backward propagation, computational graphs", "zh": "前向传播、反向传播和计算图"},
    "section.3.8": {"en": "Numerical stability and initialisation", "zh": "数值稳定性和模型初始化"},
    "section.3.9": {"en": "Environment and distribution shift", "zh": "环境和分布偏移"},
    # data problems
    "data.unavailable": {
        "en": "Fashion-MNIST is not available on this server: the pages that train on it cannot run, "
        "the others keep working. For the server's operator: give the server internet access once "
        "(the four files {files}, ~30 MB, download by themselves), or put the four original files in "
        "one folder and start the app with the environment variable `MLP_LAB_DATA` set to it. The "
        "server log names the folder that was searched.",
        "zh": "本服务器上没有 Fashion-MNIST：需要它来训练的页面暂时无法运行，其他页面照常可用。"
        "致服务器管理员：让服务器联网一次（四个文件 {files} 约 30 MB，会自动下载），"
        "或者把四个原始文件放在同一个文件夹中，并用环境变量 `MLP_LAB_DATA` 指向它后启动应用。"
        "服务器日志中写明了查找过的文件夹。",
    },
    "data.corrupt": {
        "en": "A Fashion-MNIST file on this server is damaged, so this page cannot train. For the "
        "server's operator: the server log names the file; replace it with the original (or delete "
        "it to download it again) and reload the page.",
        "zh": "本服务器上的一个 Fashion-MNIST 文件已损坏，本页因此无法训练。致服务器管理员："
        "服务器日志中写明了是哪个文件；请用原始文件替换它（或删除后重新下载），然后刷新页面。",
    },
    "url.bad_values": {
        "en": "This link had a value that does not fit: {names}. The default is used instead.",
        "zh": "链接中有不合要求的取值：{names}。已改用默认值。",
    },
    "demo.k": {"en": "Demo knob (tests only)", "zh": "演示旋钮（仅供测试）"},
    "demo.title": {"en": "Demo (tests only)", "zh": "演示（仅供测试）"},
    "compute.running": {"en": "Computing…", "zh": "正在计算……"},
    # live training panel
    "train.epoch_progress": {"en": "Epoch {epoch} of {epochs}", "zh": "第 {epoch} / {epochs} 轮"},
    "train.stop": {"en": "Stop", "zh": "停止"},
    "train.start": {"en": "Train", "zh": "开始训练"},
    "train.restart": {"en": "Train again", "zh": "重新训练"},
    "train.waiting": {
        "en": "Another user is computing this exact configuration; its result will appear here "
        "({seconds:.0f} s so far).",
        "zh": "另一位用户正在计算完全相同的配置，结果出来后会显示在这里（已等待 {seconds:.0f} 秒）。",
    },
    "train.queued": {
        "en": "Waiting for a free training slot: you are number {place} in the queue.",
        "zh": "正在等待空闲的训练名额：你排在队列第 {place} 位。",
    },
    "train.queued_eta": {
        "en": "Waiting for a free training slot: you are number {place} in the queue; your training starts in about {seconds} s.",
        "zh": "正在等待空闲的训练名额：你排在队列第 {place} 位，大约 {seconds} 秒后开始训练。",
    },
    "train.leave_queue": {"en": "Stop (leave the queue)", "zh": "停止（离开队列）"},
    "train.started": {"en": "Training started: {epochs} epochs.", "zh": "开始训练：共 {epochs} 个迭代周期。"},
    "train.epoch_done": {
        "en": "Epoch {epoch} of {epochs} done: test accuracy {acc:.1%}.",
        "zh": "第 {epoch} / {epochs} 个迭代周期完成：测试精度 {acc:.1%}。",
    },
    "chart.history_alt": {
        "en": "Training curves over {epochs} epochs: train loss {loss0:.3f} → {loss1:.3f}, "
        "test loss {tloss0:.3f} → {tloss1:.3f}; train accuracy {acc0:.1%} → {acc1:.1%}, "
        "test accuracy {tacc0:.1%} → {tacc1:.1%} (best {best:.1%} at epoch {best_epoch}).",
        "zh": "{epochs} 个迭代周期的训练曲线：训练损失 {loss0:.3f} → {loss1:.3f}，"
        "测试损失 {tloss0:.3f} → {tloss1:.3f}；训练精度 {acc0:.1%} → {acc1:.1%}，"
        "测试精度 {tacc0:.1%} → {tacc1:.1%}（最高 {best:.1%}，在第 {best_epoch} 个迭代周期）。",
    },
    "chart.history_alt_one": {
        "en": "After 1 epoch: train loss {loss1:.3f}, test loss {tloss1:.3f}, train accuracy {acc1:.1%}, "
        "test accuracy {tacc1:.1%}.",
        "zh": "1 个迭代周期后：训练损失 {loss1:.3f}，测试损失 {tloss1:.3f}，训练精度 {acc1:.1%}，测试精度 {tacc1:.1%}。",
    },
    "train.cached": {
        "en": "Trained before on this server ({seconds:.1f} s on {device}); shown from the cache.",
        "zh": "本服务器之前训练过此配置（在 {device} 上用时 {seconds:.1f} 秒），直接从缓存显示。",
    },
    "train.done": {
        "en": "Trained in {seconds:.1f} s on {device}.",
        "zh": "训练完成，在 {device} 上用时 {seconds:.1f} 秒。",
    },
    "train.stopped": {
        "en": "Stopped after {epochs} complete epoch(s). The curves below are what it learned so far; "
        "press “Train again” to run it in full.",
        "zh": "已在完成 {epochs} 轮后停止。下方曲线是目前学到的结果；点击“重新训练”可完整运行。",
    },
    "train.diverged": {
        "en": "Training diverged in epoch {epoch}: the loss blew up (NaN, infinite, or far worse "
        "than guessing), so the run stopped there. Most often the learning rate ({lr:g}) is too large "
        "for this model (try 0.1 or smaller); very large initial weights do the same.",
        "zh": "训练在第 {epoch} 轮发散：损失爆炸（变成 NaN、无穷大，或远差于随机猜测），训练因此停止。"
        "最常见的原因是学习率 {lr:g} 对这个模型来说太大了（请试试 0.1 或更小）；初始权重过大也会如此。",
    },
    "train.invalid": {"en": "These settings cannot be trained: {problems}", "zh": "这些设置无法训练：{problems}"},
    # metrics and charts
    "metric.loss": {"en": "loss", "zh": "损失"},
    "metric.train_loss": {"en": "train loss", "zh": "训练损失"},
    "metric.test_loss": {"en": "test loss", "zh": "测试损失"},
    "metric.train_acc": {"en": "train acc", "zh": "训练精度"},
    "metric.test_acc": {"en": "test acc", "zh": "测试精度"},
    "chart.epoch": {"en": "epoch", "zh": "轮次"},
    "chart.loss": {"en": "loss (log scale)", "zh": "损失（对数坐标）"},
    "chart.accuracy": {"en": "accuracy", "zh": "精度"},
    "chart.series": {"en": "series", "zh": "曲线"},
    "chart.value": {"en": "value", "zh": "数值"},
    # book comparison
    "book.title": {"en": "Checks: the book, the write-up, our claims", "zh": "核对：书、学习笔记与本站论断"},
    "page.book": {"en": "Checks against the sources", "zh": "与出处核对"},
    "book.intro": {
        "en": "Every row compares something this app computes with where it should land. Each number's source "
        "is named, since they are not all the book's:\n\n"
        "- **📘 the book**: a formula or statement of the book's text (d2l-zh, chapter 3), with its section. "
        "The book's text prints no outputs of its runs;\n"
        "- **📝 the write-up's run**: a printed output of the run in the chapter write-up we follow "
        "(its own run of the book's code; one run, one machine);\n"
        "- **🔬 our claims**: an effect one of our pages says its chart shows at its defaults, measured on our "
        "own runs over several seeds; the value is the share of seeds that show it;\n"
        "- **🟰 identities**: two computations of one thing that must agree.\n\n"
        "Run a row on its own (▶) or all of them; results are kept on this server, so the next visitor "
        "sees them at once.",
        "zh": "每一行把本应用算出的结果与它应落在的位置对照。每个数字都注明出处，因为它们并非都来自书中：\n\n"
        "- **📘 书中**：书正文（d2l-zh 第 3 章）中的公式或论断，注明小节。书的正文不印运行输出；\n"
        "- **📝 笔记的运行**：我们所依据的本章学习笔记中印出的运行输出（笔记作者自己运行书中代码所得；"
        "一次运行、一台机器）；\n"
        "- **🔬 本站的论断**：本站某页说它的图在默认设置下呈现的现象，在我们自己的多个随机种子的运行上测量；"
        "数值是呈现该现象的种子所占比例；\n"
        "- **🟰 恒等检验**：同一个量的两种算法必须一致。\n\n"
        "可以单独运行一行（▶），也可以全部运行；结果保存在本服务器上，下一位访问者会立即看到。",
    },
    "book.link": {"en": "This section's checks against its sources", "zh": "本节与出处的全部核对"},
    "book.topic": {"en": "Topic", "zh": "主题"},
    "book.run_all": {"en": "Run all {n} rows", "zh": "运行全部 {n} 行"},
    "book.run_one": {"en": "Run this row", "zh": "运行这一行"},
    "book.running": {"en": "Running {id} …", "zh": "正在运行 {id} …"},
    "book.not_run": {"en": "not run yet", "zh": "尚未运行"},
    "book.seconds": {"en": "{s:.1f} s", "zh": "{s:.1f} 秒"},
    "book.row_raised": {
        "en": "Row `{id}` could not run: `{error}`. Nothing was stored; press ▶ to try again.",
        "zh": "`{id}` 这一行未能运行：`{error}`。没有保存任何结果；按 ▶ 重试。",
    },
    "book.summary": {
        "en": "{passed} within tolerance, {failed} outside, {pending} not run yet.",
        "zh": "{passed} 行在容差内，{failed} 行超出，{pending} 行尚未运行。",
    },
    "book.kinds": {
        "en": "{book} rows check a formula or statement of the book, {reference} a printed output of the "
        "write-up's run, {claim} a claim of our pages over several seeds; {identity} are identities.",
        "zh": "其中 {book} 行核对书中的公式或论断，{reference} 行核对笔记运行印出的输出，"
        "{claim} 行在多个种子上核对本站页面的论断；{identity} 行是恒等检验。",
    },
    "book.heading_book": {"en": "📘 The book's formulas and statements", "zh": "📘 书中的公式与论断"},
    "book.heading_reference": {
        "en": "📝 The write-up's reference run (its printed outputs)",
        "zh": "📝 学习笔记的参考运行（其印出的输出）",
    },
    "book.heading_claim": {
        "en": "🔬 Our pages' claims, measured over seeds",
        "zh": "🔬 本站页面的论断（在多个种子上测量）",
    },
    "book.heading_identity": {"en": "🟰 Identities", "zh": "🟰 恒等检验"},
    "book.claim_share": {"en": "{share:.0%} of {n} seeds", "zh": "{n} 个种子中的 {share:.0%}"},
    "book.run_all_note": {
        "en": "{n} rows have not run on this server yet; together they take minutes on a CPU.",
        "zh": "本服务器上还有 {n} 行没有运行；在 CPU 上全部运行需要几分钟。",
    },
    "book.col_section": {"en": "Section", "zh": "小节"},
    "book.col_kind": {"en": "Source", "zh": "出处"},
    "book.kind_book": {"en": "📘 the book", "zh": "📘 书中"},
    "book.kind_reference": {"en": "📝 the write-up's run", "zh": "📝 笔记的运行"},
    "book.kind_claim": {"en": "🔬 our claim, over seeds", "zh": "🔬 本站论断（多种子）"},
    "book.kind_identity": {"en": "🟰 an identity", "zh": "🟰 恒等检验"},
    "book.running_n": {"en": "Running {n} checks…", "zh": "正在运行 {n} 项核对……"},
    "book.box_intro": {
        "en": 'The rows of this section on the "Checks against the sources" page, at the default settings '
        "(not at the controls above). Where each number comes from: 📘 the book's text, 📝 the output "
        "printed by the chapter write-up's run, 🔬 a claim of this page measured over several seeds of our "
        "own runs, 🟰 two computations that must agree.",
        "zh": "本节在“与出处核对”页上的各行，按默认设置运行（与上面的控件无关）。数字的出处："
        "📘 书的正文，📝 本章学习笔记的运行所印出的输出，🔬 本页的论断（在我们自己多个种子的运行上测量），"
        "🟰 两种算法必须一致。",
    },
    "book.box_note": {
        "en": "{n} checks at the default settings have not run on this server yet.",
        "zh": "本服务器上还没有运行过按默认设置的 {n} 项核对。",
    },
    "book.box_run": {"en": "Run the {n} checks", "zh": "运行这 {n} 项核对"},
    "book.col_quantity": {"en": "Quantity", "zh": "量"},
    "book.col_source": {"en": "The source says", "zh": "出处所言"},
    "book.col_ours": {"en": "Ours", "zh": "我们"},
    "book.col_tolerance": {"en": "Accepted", "zh": "接受范围"},
    "book.col_ok": {"en": "OK", "zh": "通过"},
    "book.col_run": {"en": "Run", "zh": "运行"},
    "a11y.data_table": {"en": "The chart's data as a table", "zh": "以表格查看图中数据"},
    "error.generic": {
        "en": "Something went wrong while computing this part of the page ({kind}). The rest of the "
        "page still works; change a setting or reload to try again.",
        "zh": "计算本页这一部分时出错（{kind}）。页面其余部分仍可使用；修改设置或刷新页面即可重试。",
    },
}
