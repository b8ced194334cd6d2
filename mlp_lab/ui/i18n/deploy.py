"""Strings of running the app for a class: the background warm-up and the training queue."""

STRINGS: dict[str, dict[str, str]] = {
    "warm.starting": {
        "en": "⏳ The server is starting to prepare every page's results in the background.",
        "zh": "⏳ 服务器正在后台开始准备各页面的结果。",
    },
    "warm.running": {
        "en": "Preparing every page's results in the background: {done} of {total} pages done (now /{page}). "
        "Pages open at once when theirs are ready; a result being prepared is waited for, never computed twice.",
        "zh": "正在后台准备各页面的结果：已完成 {done}/{total} 个页面（当前 /{page}）。"
        "结果备好的页面会立即打开；正在准备的结果只需等待，不会重复计算。",
    },
    "warm.done": {
        "en": "✅ Every page's results were prepared on this server ({n} computed in {minutes:.0f} min).",
        "zh": "✅ 本服务器已准备好各页面的结果（计算了 {n} 项，用时 {minutes:.0f} 分钟）。",
    },
    "warm.failed": {
        "en": "Preparing the results stopped on {n} page(s); those pages compute when opened (the server log says why).",
        "zh": "有 {n} 个页面的结果准备失败；打开这些页面时会重新计算（原因见服务器日志）。",
    },
}
