"""axe-core (Deque's accessibility engine, from the npm registry) injected into Debian's chromium.

``axe_source()`` installs axe-core into ``.cache/axe`` with npm the first time (CI has npm: .ci/run
installs it with chromium); ``audit(page)`` runs the WCAG 2.0-2.2 A and AA rules on everything a
learner can open: each expander opened and each tab shown in turn.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from tests.browser import ROOT, wait_idle

AXE_VERSION = "~4.14"
AXE_DIR = ROOT / ".cache" / "axe"
AXE_JS = AXE_DIR / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def axe_source() -> str | None:
    """axe.min.js, installed on first use; None when npm is missing (the caller skips, or fails
    under CI)."""
    if not AXE_JS.exists():
        npm = _npm()
        if npm is None:
            return None
        AXE_DIR.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [*npm, "install", "--no-save", "--no-package-lock", "--no-audit", "--no-fund",
             "--prefix", str(AXE_DIR), f"axe-core@{AXE_VERSION}"],
            check=True, capture_output=True, env={**os.environ, "npm_config_update_notifier": "false"},
        )  # fmt: skip
    return AXE_JS.read_text(encoding="utf-8")


def _npm() -> list[str] | None:
    """npm on the PATH, or the one bundled with Node.js where only ``node`` is (a Node.js from
    outside Debian, whose npm package it refuses)."""
    if npm := shutil.which("npm"):
        return [npm]
    if node := shutil.which("node"):
        cli = Path(node).resolve().parent.parent / "lib" / "node_modules" / "npm" / "bin" / "npm-cli.js"
        if cli.exists():
            return [node, str(cli)]
    return None


RUN = """async (tags) => {
  const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  return r.violations.flatMap(v => v.nodes.map(n => ({
    rule: v.id, impact: v.impact, target: n.target.join(' '),
    why: (n.any[0] || n.all[0] || n.none[0] || {message: v.help}).message, html: n.html.slice(0, 200)})));
}"""


def run_axe(page, source: str) -> list[dict]:
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.add_script_tag(content=source)
    return page.evaluate(RUN, TAGS)


def audit(page, source: str) -> list[dict]:
    """Violations on the page as loaded, with every expander open, and on each tab of each tab bar
    (axe skips what is hidden, and the code that ran sits in tabs and expanders)."""
    found = {}
    for summary in page.locator("[data-testid='stExpander'] summary").all():
        if summary.is_visible():
            summary.click()
    page.wait_for_timeout(300)
    # Opening the last expander scrolls the page; axe leaves out what sits above the view.
    page.evaluate("() => { document.querySelectorAll('*').forEach(e => { if (e.scrollTop) e.scrollTop = 0; }); }")
    for v in run_axe(page, source):
        found[(v["rule"], v["target"])] = v
    for tab in page.get_by_role("tab").all():
        if tab.is_visible() and tab.get_attribute("aria-selected") != "true":
            tab.click()  # a lazy tab reruns the page: audit what it settles on, not the faded stale view
            wait_idle(page)
            for v in run_axe(page, source):
                found[(v["rule"], v["target"])] = v
    return list(found.values())


def report(where: str, violations: list[dict]) -> str:
    lines = [f"{where}: {len(violations)} violating elements"]
    lines += [f"  {v['rule']} ({v['impact']}) {v['target']}: {v['why']} | {v['html']}" for v in violations]
    return "\n".join(lines)
