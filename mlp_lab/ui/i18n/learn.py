"""Strings of the predictions, challenges and progress shared by every page (``mlp_lab.ui.learn``).
The questions, goals and hints themselves live in each topic's module under ``learn.<id>.*``."""

STRINGS: dict[str, dict[str, str]] = {
    "learn.predict": {"en": "Predict first", "zh": "先预测"},
    "learn.your_guess": {"en": "Your guess", "zh": "你的猜测"},
    "learn.reveal": {"en": "Commit and reveal", "zh": "确定并揭晓"},
    "learn.choose_first": {"en": "Choose an answer to reveal the run's.", "zh": "先选一个答案，再揭晓运行结果。"},
    "learn.again": {"en": "Predict again", "zh": "重新预测"},
    "learn.close": {
        "en": "Your guess {guess}, the run {answer}: close (off by {off}).",
        "zh": "你的猜测 {guess}，运行结果 {answer}：很接近（相差 {off}）。",
    },
    "learn.off": {
        "en": "Your guess {guess}, the run {answer}: off by {off}.",
        "zh": "你的猜测 {guess}，运行结果 {answer}：相差 {off}。",
    },
    "learn.right": {
        "en": "You chose {guess}; the run says {answer}: right.",
        "zh": "你选了 {guess}；运行结果是 {answer}：答对了。",
    },
    "learn.wrong": {"en": "You chose {guess}; the run says {answer}.", "zh": "你选了 {guess}；运行结果是 {answer}。"},
    "learn.chart_alt": {
        "en": "Your guess {guess} drawn over the run's result {answer}.",
        "zh": "你的猜测 {guess} 画在运行结果 {answer} 之上。",
    },
    "learn.the_run": {"en": "the run: {answer}", "zh": "运行结果：{answer}"},
    "learn.your_guess_is": {"en": "your guess: {guess}", "zh": "你的猜测：{guess}"},
    "learn.tag_guess": {"en": "your guess", "zh": "你的猜测"},
    "learn.tag_answer": {"en": "the run's answer", "zh": "运行给出的答案"},
    "learn.tag_other": {"en": "other choices", "zh": "其他选项"},
    "learn.col_note": {"en": "Note", "zh": "备注"},
    "learn.col_value": {"en": "Value", "zh": "数值"},
    # a sketch: the learner draws a curve, then sees the run's curve under it
    "learn.pad_alt": {
        "en": "Your sketch so far ({x}: value): {points}.",
        "zh": "你目前的草图（{x}：数值）：{points}。",
    },
    "learn.pad_help": {
        "en": "Sketch the curve: click on the chart near a dot and the point in that column moves there, "
        "or set each point with its slider below.",
        "zh": "画出这条曲线：在图上某个小圆点附近点击，该列的点就会移到那里；也可以用下方的滑块逐点设置。",
    },
    "learn.sketch_close": {
        "en": "Your sketch follows the run: off by {off} on average (at most {worst}, at {where}).",
        "zh": "你的草图与运行结果很接近：平均相差 {off}（最大相差 {worst}，在{where}处）。",
    },
    "learn.sketch_off": {
        "en": "Your sketch is off by {off} on average; the largest gap is {worst}, at {where}.",
        "zh": "你的草图与运行结果平均相差 {off}；最大相差 {worst}，在{where}处。",
    },
    "learn.sketch_alt": {
        "en": "Your sketch (dashed) over the run's curve (solid): off by {off} on average, most at {where} ({worst}).",
        "zh": "你的草图（虚线）画在运行结果的曲线（实线）之上：平均相差 {off}，在{where}处相差最大（{worst}）。",
    },
    "learn.sketch_elsewhere": {
        "en": "Your sketch was drawn for other settings and has no point over this run's curve: "
        "press Predict again to sketch this one.",
        "zh": "你的草图是按另一组设置画的，没有一个点落在这次运行的曲线范围内：点击“重新预测”为这组设置重新画一条。",
    },
    "learn.tag_sketch": {"en": "your sketch", "zh": "你的草图"},
    "learn.tag_run_curve": {"en": "the run", "zh": "运行结果"},
    "learn.challenge": {"en": "Challenge", "zh": "挑战"},
    "learn.not_checked": {
        "en": "Your run at these settings is not computed yet.",
        "zh": "这组设置下你的运行还没有计算。",
    },
    "learn.check": {"en": "Run and check", "zh": "运行并检查"},
    "learn.passed": {"en": "Passed!", "zh": "通过！"},
    "learn.not_yet": {"en": "Not yet.", "zh": "还没有通过。"},
    "learn.passed_before": {
        "en": "You passed this challenge earlier in this session with other settings.",
        "zh": "本次会话中你曾用其他设置通过了这个挑战。",
    },
    "learn.hint": {"en": "Hint {n} of {of}", "zh": "提示 {n}/{of}"},
    "learn.hint_n": {"en": "Hint {n}:", "zh": "提示 {n}："},
    # the book's exercises as guided tasks
    "ex.label": {"en": "Exercise {id} ({kind})", "zh": "练习 {id}（{kind}）"},
    "ex.kind.explore": {"en": "explore", "zh": "动手探索"},
    "ex.kind.derive": {"en": "derive", "zh": "推导"},
    "ex.kind.discuss": {"en": "discuss", "zh": "讨论"},
    "ex.book_link": {
        "en": "The original exercise: the book's section {section}",
        "zh": "原题：书中第 {section} 节",
    },
    "ex.not_run": {"en": "Not run yet at these settings.", "zh": "这组设置还没有运行。"},
    "ex.run": {"en": "Run it", "zh": "运行"},
    "ex.ready": {
        "en": "Already computed on this server at these settings: the result shows at once.",
        "zh": "这组设置已在本服务器上算过：结果会立即显示。",
    },
    "ex.show": {"en": "Show the result", "zh": "显示结果"},
    "ex.the_run_says": {"en": "Your run:", "zh": "你的运行："},
    "ex.show_answer": {"en": "Show the worked answer", "zh": "显示参考解答"},
    "ex.hide_answer": {"en": "Hide the worked answer", "zh": "隐藏参考解答"},
    "ex.check_ok": {
        "en": "Checked by the app: gap {gap:.1e} ≤ {tol:.0e}.",
        "zh": "本应用已数值验证：差距 {gap:.1e} ≤ {tol:.0e}。",
    },
    "ex.check_bad": {
        "en": "The app's check fails: gap {gap:.1e} > {tol:.0e}.",
        "zh": "本应用的数值验证未通过：差距 {gap:.1e} > {tol:.0e}。",
    },
    "ex.chart_alt": {"en": "{names}. {sentence}", "zh": "{names}。{sentence}"},
    "ex.section": {"en": "The book's exercises", "zh": "书中的练习"},
    "ex.section_note": {
        "en": "Each exercise of the book's section, in our words: explore ones with the controls and "
        "run that answer them, derive and discuss ones with a worked answer to reveal.",
        "zh": "本节书中的每道练习（用我们自己的话转述）：动手探索题配有能回答它的控件和运行，"
        "推导题和讨论题配有可揭晓的参考解答。",
    },
    # teacher links and presenter mode
    "teacher.chosen": {"en": "Your teacher chose this one.", "zh": "这是老师选定的题目。"},
    "teacher.note": {
        "en": "This page was set up by a teacher's link: controls marked 🔒 are fixed, and some may be hidden.",
        "zh": "本页由老师的链接设置：标有 🔒 的控件已固定，部分控件可能被隐藏。",
    },
    "teacher.locked_help": {"en": "Fixed by your teacher's link.", "zh": "已由老师的链接固定。"},
    "teacher.param.lock": {"en": "locked controls", "zh": "锁定的控件"},
    "teacher.param.hide": {"en": "hidden controls", "zh": "隐藏的控件"},
    "teacher.param.focus": {"en": "the chosen activity", "zh": "选定的活动"},
    "teacher.param.present": {"en": "presenter mode", "zh": "演示模式"},
    "present.step": {"en": "Step {n} of {of}", "zh": "第 {n} 步，共 {of} 步"},
    "present.back": {"en": "Back", "zh": "上一步"},
    "present.next": {"en": "Next", "zh": "下一步"},
    "present.leave": {"en": "Leave presenter mode", "zh": "退出演示模式"},
    "present.no_steps": {
        "en": "This page has no predictions, challenges or exercises to present.",
        "zh": "本页没有可演示的预测、挑战或练习。",
    },
    # the home page's link builder
    "teach.title": {"en": "For teachers: a lesson link", "zh": "教师专用：课堂链接"},
    "teach.intro": {
        "en": "Build a link that opens a page set up for your class: fix some controls at values you "
        "choose (shown but locked), hide others, open on one question, and optionally start in presenter "
        "mode (large text, no sidebar, one step at a time, answers revealed on click) for a projector.",
        "zh": "生成一个为课堂设置好的页面链接：把部分控件固定为你选的值（显示但锁定），隐藏其他控件，"
        "直接打开某一道题，还可以直接进入演示模式（大字号、无侧边栏、一次一步、点击揭晓答案），适合投影。",
    },
    "teach.page": {"en": "Page", "zh": "页面"},
    "teach.focus": {"en": "Open on", "zh": "打开时定位到"},
    "teach.focus_none": {"en": "(the top of the page)", "zh": "（页面顶部）"},
    "teach.lock": {"en": "Lock these controls (shown, fixed)", "zh": "锁定这些控件（显示但不能改）"},
    "teach.hide": {"en": "Hide these controls", "zh": "隐藏这些控件"},
    "teach.values": {
        "en": "Values of the locked and hidden controls:",
        "zh": "锁定和隐藏控件的取值：",
    },
    "teach.present": {"en": "Start in presenter mode", "zh": "以演示模式打开"},
    "teach.lang": {"en": "Language of the lesson", "zh": "课堂语言"},
    "teach.link": {
        "en": "Your link (append it to this app's address):",
        "zh": "你的链接（接在本应用的网址之后）：",
    },
    "teach.open": {"en": "Open the lesson", "zh": "打开课堂页面"},
    "teach.kind.prediction": {"en": "Prediction", "zh": "预测"},
    "teach.kind.challenge": {"en": "Challenge", "zh": "挑战"},
    "teach.kind.exercise": {"en": "Exercise", "zh": "练习"},
    # the home page's progress
    "home.progress": {
        "en": "🤔 {predicted} of {predictions} predictions · 🏁 {passed} of {challenges} challenges · "
        "📘 {explored} of {exercises} exercises",
        "zh": "🤔 已预测 {predicted}/{predictions} · 🏁 已通过挑战 {passed}/{challenges} · "
        "📘 已做练习 {explored}/{exercises}",
    },
    "home.progress_note": {
        "en": "Your progress counts the predictions you revealed, the challenges you passed and the "
        "exercises you ran or opened the worked answer of in this browser session; nothing is stored on "
        "the server, and a new session starts afresh.",
        "zh": "进度统计的是你在本次浏览器会话中揭晓的预测、通过的挑战，以及运行过或查看过参考解答的练习；"
        "服务器不保存任何记录，新会话从零开始。",
    },
}
