"""Command line: ``python -m mlp_lab train|warm|reproduce|activities``.

python -m mlp_lab train --model scratch --epochs 10 --lr 0.1 --batch-size 256 --json
python -m mlp_lab reproduce --only mlp. --json
python -m mlp_lab activities --json
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from mlp_lab.data import DataError


def build_parser() -> argparse.ArgumentParser:
    from mlp_lab.controls import add_options
    from mlp_lab.experiments import Shared
    from mlp_lab.experiments.mlp import MLPSettings

    parser = argparse.ArgumentParser(prog="python -m mlp_lab", description="MLP Lab experiments from the command line")
    sub = parser.add_subparsers(dest="command", required=True)

    # The options are the MLP page's controls: the same names, ranges, choices and defaults.
    tr = sub.add_parser("train", help="train the chapter's MLP on Fashion-MNIST (the MLP page's controls)")
    add_options(tr, MLPSettings)
    add_options(tr, Shared)
    tr.add_argument("--device", default="auto", help="auto, cpu, cuda or mps")
    tr.add_argument("--json", action="store_true", help="end with one JSON line of the results")

    wm = sub.add_parser("warm", help="visit every page at its defaults, filling the results cache (before class)")
    wm.add_argument("--json", action="store_true")
    wm.add_argument("--only", default="", metavar="PAGE", help="visit only pages whose address starts with PAGE")
    wm.add_argument(
        "--background",
        action="store_true",
        help="as the app's background warm-up: low priority, progress file, one at a time",
    )

    ac = sub.add_parser("activities", help="count the predictions, challenges and exercises of every section")
    ac.add_argument("--json", action="store_true")

    rp = sub.add_parser("reproduce", help="check our numbers against the book's")
    rp.add_argument("--only", default="", metavar="PREFIX", help="run only checks whose id starts with PREFIX")
    rp.add_argument("--json", action="store_true")
    return parser


def _train(args: argparse.Namespace) -> int:
    from mlp_lab.controls import settings_from_args
    from mlp_lab.experiments.mlp import MLPSettings
    from mlp_lab.training import Progress, train

    def report(p: Progress) -> None:
        h = p.history
        print(
            f"epoch {p.epoch}, loss {h.train_loss[-1]:f}, train acc {h.train_acc[-1]:.2%}, "
            f"test accuracy {h.test_acc[-1]:.2%}",
            flush=True,
        )

    summaries = []
    for config in settings_from_args(MLPSettings, args).train_configs(args.device):
        result = train(config, callback=report)
        if result.diverged:
            print(
                f"diverged in epoch {result.diverged_epoch}: the loss blew up "
                "(NaN, inf, or far worse than guessing); try a smaller --lr",
                flush=True,
            )
        summaries.append(result.summary())
    if args.json:
        print(json.dumps(summaries[0] if len(summaries) == 1 else {"runs": summaries}))
    return 0


def _reproduce(args: argparse.Namespace) -> int:
    from mlp_lab.reproduce import run_check, select
    from mlp_lab.ui.i18n import lookup  # the rows' words: plain data, no streamlit

    rows = []
    for check in select(args.only):
        row = run_check(check)
        words = {f: lookup(f"check.{row.id}.{f}", "en") for f in ("quantity", "source", "tolerance")}
        rows.append(row.to_dict() | words)
        if not args.json:
            mark = "ok  " if row.ok else "FAIL"
            print(
                f"{mark} {row.kind:9s} {row.id:40s} source {words['source']:>24s}  ours {row.ours!s:>12s}  "
                f"({words['tolerance']}, {row.seconds:.1f}s)",
                flush=True,
            )
    ok = all(r["ok"] for r in rows)
    if args.json:
        print(json.dumps({"ok": ok, "rows": rows}))
    return 0 if ok else 1


def _warm(args: argparse.Namespace) -> int:
    from mlp_lab.store import shared_store
    from mlp_lab.ui.pages import BOOK, TOPICS
    from mlp_lab.ui.warm import WarmRow, warm

    def show(r: WarmRow) -> None:
        print(f"{r.status[:60]:8s} {r.seconds:7.1f}s  /{r.page:14s} {r.computed} computed", flush=True)

    start = time.perf_counter()
    pages = tuple(p for p in (*TOPICS, BOOK) if p.url_path.startswith(args.only))
    if args.background:
        from mlp_lab.warmup import run_background

        return run_background(pages, warm)
    rows = warm(pages, on_row=None if args.json else show)
    disk = shared_store().disk
    if args.json:
        print(json.dumps({"folder": str(disk.folder), "rows": [r.__dict__ for r in rows]}))
    else:
        failed = sum(r.status != "ok" for r in rows)
        print(
            f"{len(rows)} pages visited, {sum(r.computed for r in rows)} results computed, {failed} failed, "
            f"in {time.perf_counter() - start:.0f} s; {disk.folder} holds {disk.size() / 2**20:.1f} MB"
        )
    return 0 if all(r.status == "ok" for r in rows) else 1


def _activities(args: argparse.Namespace) -> int:
    from mlp_lab.learn import counts

    sections = counts()
    if args.json:
        print(json.dumps({"sections": sections}))
        return 0
    print(f"{'section':8s} {'predictions':>11s} {'challenges':>10s} {'exercises':>12s}")
    for section, c in sections.items():
        exercises = f"{c['exercises_covered']} of {c['exercises_total']}"
        print(f"{section:8s} {c['predictions']:11d} {c['challenges']:10d} {exercises:>12s}")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "train":
            return _train(args)
        if args.command == "warm":
            return _warm(args)
        if args.command == "activities":
            return _activities(args)
        return _reproduce(args)
    except DataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
