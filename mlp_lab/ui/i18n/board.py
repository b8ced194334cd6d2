"""Strings of the class board (``mlp_lab.ui.board``): rooms, adding a run, the live chart, the
teacher's controls, and every refusal and fault in one sentence."""

STRINGS: dict[str, dict[str, str]] = {
    "page.board": {"en": "Class board", "zh": "全班看板"},
    "board.title": {"en": "🧑‍🤝‍🧑 Class board", "zh": "🧑‍🤝‍🧑 全班看板"},
    "board.intro": {
        "en": "A room pools the class's runs: each learner adds a finished run, and every run of the room "
        "lands on one chart, so a sweep over hidden units, λ or the dropout rate becomes a class "
        "experiment, with the spread from seed to seed that a single run hides.",
        "zh": "一个房间汇集全班的运行：每位同学把跑完的一次运行加进来，房间里所有运行都落在同一张图上。"
        "这样，对隐藏单元数、λ 或暂退概率的扫描就成了全班的实验，还能看到单次运行看不到的随机种子之间的差异。",
    },
    "board.param.room": {"en": "the room code", "zh": "房间代码"},
    "board.room_label": {"en": "Room code", "zh": "房间代码"},
    "board.room_help": {
        "en": "Letters, digits and dashes, at most 32 characters (the teacher shows it).",
        "zh": "字母、数字和短横线，最多 32 个字符（由老师给出）。",
    },
    "board.join": {"en": "Join", "zh": "加入"},
    "board.create": {"en": "Create a new room", "zh": "新建房间"},
    "board.leave": {"en": "Leave the room", "zh": "离开房间"},
    "board.bad_room": {
        "en": "That is not a room code: use letters, digits and dashes, at most 32 characters.",
        "zh": "这不是有效的房间代码：只能用字母、数字和短横线，最多 32 个字符。",
    },
    "board.in_room": {"en": "You are in room **{room}**.", "zh": "你在房间 **{room}** 中。"},
    "board.sidebar_room": {"en": "🧑‍🤝‍🧑 Room: {room}", "zh": "🧑‍🤝‍🧑 房间：{room}"},
    "board.share": {
        "en": "Show this link or QR code to the class: it opens MLP Lab in this room.",
        "zh": "把这个链接或二维码展示给全班：打开后就进入这个房间。",
    },
    "board.qr_alt": {"en": "QR code of the room's link", "zh": "房间链接的二维码"},
    "board.open_page": {"en": "Open the room's board", "zh": "打开房间看板"},
    "board.no_room": {
        "en": "Join or create a room on the home page to pool this run with your class.",
        "zh": "在首页加入或新建一个房间，就能把这次运行和全班汇集在一起。",
    },
    "board.finish_first": {
        "en": "Finish a run above to add it to room {room}'s board.",
        "zh": "先完成上面的运行，再把它加入房间 {room} 的看板。",
    },
    "board.nickname": {"en": "Nickname (optional)", "zh": "昵称（可选）"},
    "board.nickname_help": {
        "en": "At most 24 characters, shown as plain text. The board stores only the run's settings, "
        "figures, seed, time and page, and this nickname.",
        "zh": "最多 24 个字符，按纯文本显示。看板只保存这次运行的设置、结果数字、随机种子、时间、页面和这个昵称。",
    },
    "board.add": {"en": "Add my run to room {room}", "zh": "把我的运行加入房间 {room}"},
    "board.add_n": {"en": "Add my {n} runs to room {room}", "zh": "把我的 {n} 次运行加入房间 {room}"},
    "board.added": {"en": "Added {n} run(s) to the board.", "zh": "已把 {n} 次运行加入看板。"},
    "board.already": {
        "en": "This run is on the board already (change a setting or the seed for another point).",
        "zh": "这次运行已经在看板上了（改一个设置或随机种子，就能再加一个点）。",
    },
    "board.bad_nickname": {
        "en": "The nickname must be at most 24 characters, without control characters.",
        "zh": "昵称最多 24 个字符，不能含控制字符。",
    },
    "board.rate": {
        "en": "At most {n} runs a minute from one session: try again in {seconds:.0f} s.",
        "zh": "每个会话每分钟最多加入 {n} 次运行：请 {seconds:.0f} 秒后再试。",
    },
    "board.refused.frozen": {
        "en": "The teacher has frozen this board: it takes no new runs for now.",
        "zh": "老师已冻结这个看板：暂时不接受新的运行。",
    },
    "board.refused.full": {
        "en": "This room is full ({cap} runs): ask the teacher to clear it or to make a new room.",
        "zh": "这个房间已满（{cap} 次运行）：请老师清空它或新建一个房间。",
    },
    "board.refused.expired": {
        "en": "This room has expired (rooms last {days:g} days): create a new room on the home page.",
        "zh": "这个房间已过期（房间保留 {days:g} 天）：请在首页新建一个房间。",
    },
    "board.expired": {
        "en": "Room {room} has expired (rooms last {days:g} days) and its runs are deleted: create a new room.",
        "zh": "房间 {room} 已过期（房间保留 {days:g} 天），其中的运行已删除：请新建一个房间。",
    },
    "board.frozen_note": {"en": "❄️ The teacher has frozen this board.", "zh": "❄️ 老师已冻结这个看板。"},
    "board.unavailable": {
        "en": "The class board is unavailable right now; your runs are kept in this session and can be added once it is back.",
        "zh": "全班看板暂时不可用；你的运行保存在本次会话中，看板恢复后可以再加入。",
    },
    "board.pending": {
        "en": "{n} of your runs wait to be added to the board.",
        "zh": "你有 {n} 次运行等待加入看板。",
    },
    "board.retry": {"en": "Add them again", "zh": "重新加入"},
    "board.corrupt": {
        "en": "{n} point(s) of this board could not be read and are left out.",
        "zh": "看板上有 {n} 个点无法读取，已略去。",
    },
    "board.empty": {
        "en": "No runs on room {room}'s board for this page yet.",
        "zh": "房间 {room} 的看板上还没有这一页的运行。",
    },
    "board.live": {
        "en": "Live: {n} run(s) from this room, updated every {seconds:g} s. Your own are the large marks.",
        "zh": "实时：本房间 {n} 次运行，每 {seconds:g} 秒更新。你自己的运行是大号的点。",
    },
    "board.alt": {
        "en": "{n} runs of room {room}: {y} from {lo} to {hi}; the best setting so far is {best} "
        "(mean {mean} over {runs} run(s)).",
        "zh": "房间 {room} 的 {n} 次运行：{y} 从 {lo} 到 {hi}；目前最好的设置是 {best}（{runs} 次运行平均 {mean}）。",
    },
    "board.spread": {"en": "Per setting: mean and spread across seeds", "zh": "按设置：均值与不同种子间的波动"},
    "board.col.runs": {"en": "runs", "zh": "运行次数"},
    "board.col.seeds": {"en": "seeds", "zh": "种子数"},
    "board.col.mean": {"en": "mean", "zh": "均值"},
    "board.col.std": {"en": "spread (sd)", "zh": "波动（标准差）"},
    "board.col.min": {"en": "min", "zh": "最小"},
    "board.col.max": {"en": "max", "zh": "最大"},
    "board.col.id": {"en": "point", "zh": "编号"},
    "board.col.mine": {"en": "mine", "zh": "我的"},
    "board.col.time": {"en": "time (UTC)", "zh": "时间（UTC）"},
    "board.yes": {"en": "yes", "zh": "是"},
    "board.no": {"en": "no", "zh": "否"},
    "board.all_points": {"en": "Every run on this board", "zh": "看板上的全部运行"},
    # the board page and the teacher's controls
    "board.page_intro": {
        "en": "Every page's runs in this room, one tab per page. Projected in class, it fills up as the "
        "students add their runs.",
        "zh": "本房间各页面的运行，每页一个标签。在课堂上投影，随着同学们加入运行，图会逐渐填满。",
    },
    "board.teacher": {"en": "Teacher controls", "zh": "教师控制"},
    "board.key": {"en": "Teacher key", "zh": "教师密钥"},
    "board.key_help": {
        "en": "Set by the server's operator (Streamlit secrets or the environment), never in a link.",
        "zh": "由服务器管理员设置（Streamlit secrets 或环境变量），绝不放进链接。",
    },
    "board.key_wrong": {"en": "That key is not right.", "zh": "密钥不正确。"},
    "board.key_ok": {"en": "Teacher controls are on for this session.", "zh": "本次会话已开启教师控制。"},
    "board.clear": {"en": "Clear the room", "zh": "清空房间"},
    "board.clear_sure": {"en": "Yes, delete every run of this room", "zh": "确定删除本房间的全部运行"},
    "board.cleared": {"en": "Deleted {n} run(s).", "zh": "已删除 {n} 次运行。"},
    "board.freeze": {"en": "Freeze the board (take no new runs)", "zh": "冻结看板（不再接受新的运行）"},
    "board.remove_pick": {"en": "Run to remove", "zh": "要删除的运行"},
    "board.remove": {"en": "Remove this run", "zh": "删除这次运行"},
    "board.removed": {"en": "Removed run {id}.", "zh": "已删除运行 {id}。"},
    "board.where": {"en": "Stored in: {database}", "zh": "存储于：{database}"},
    # what the settings and figures are called on the chart and in the tables
    "board.f.model": {"en": "model", "zh": "模型"},
    "board.f.hidden": {"en": "hidden units", "zh": "隐藏单元数"},
    "board.f.layers": {"en": "hidden layers", "zh": "隐藏层数"},
    "board.f.activation": {"en": "activation", "zh": "激活函数"},
    "board.f.init": {"en": "initialisation", "zh": "初始化"},
    "board.f.lr": {"en": "learning rate", "zh": "学习率"},
    "board.f.batch_size": {"en": "batch size", "zh": "批量大小"},
    "board.f.epochs": {"en": "epochs", "zh": "迭代周期数"},
    "board.f.dropout1": {"en": "dropout rate, layer 1", "zh": "第 1 层暂退概率"},
    "board.f.dropout2": {"en": "dropout rate, layer 2", "zh": "第 2 层暂退概率"},
    "board.f.weight_decay": {"en": "weight decay", "zh": "权重衰减"},
    "board.f.implementation": {"en": "implementation", "zh": "实现"},
    "board.f.lambd": {"en": "λ", "zh": "λ"},
    "board.f.penalty": {"en": "penalty", "zh": "惩罚项"},
    "board.f.features": {"en": "features (degree + 1)", "zh": "特征数（阶数 + 1）"},
    "board.f.n_train": {"en": "training examples", "zh": "训练样本数"},
    "board.f.noise": {"en": "noise", "zh": "噪声"},
    "board.f.test_acc": {"en": "test accuracy", "zh": "测试精度"},
    "board.f.train_acc": {"en": "training accuracy", "zh": "训练精度"},
    "board.f.train_loss": {"en": "training loss", "zh": "训练损失"},
    "board.f.test_loss": {"en": "test loss", "zh": "测试损失"},
    "board.f.norm": {"en": "‖w‖", "zh": "‖w‖"},
    "board.f.diverged": {"en": "diverged", "zh": "发散"},
    "board.f.seed": {"en": "seed", "zh": "随机种子"},
    "board.f.nickname": {"en": "nickname", "zh": "昵称"},
    "board.f.page": {"en": "page", "zh": "页面"},
}
