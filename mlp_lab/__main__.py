"""Command line: ``python -m mlp_lab train|reproduce``.

python -m mlp_lab train --model scratch --epochs 10 --lr 0.1 --batch-size 256 --json
python -m mlp_lab reproduce --only mlp. --json
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from mlp_lab.data import DataError


def _positive_int(text: str) -> int:
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be a positive integer, got {text}")
    return value


def _positive_float(text: str) -> float:
    value = float(text)
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"must be a positive number, got {text}")
    return value


def _batch_size(text: str) -> int:
    value = _positive_int(text)
    if value > 60000:
        raise argparse.ArgumentTypeError(f"must be at most 60000 (the training set), got {text}")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m mlp_lab", description="MLP Lab experiments from the command line")
    sub = parser.add_subparsers(dest="command", required=True)

    tr = sub.add_parser("train", help="train the chapter's MLP on Fashion-MNIST")
    tr.add_argument("--model", choices=["scratch", "concise"], default="scratch")
    tr.add_argument("--epochs", type=_positive_int, default=10)
    tr.add_argument("--lr", type=_positive_float, default=0.1)
    tr.add_argument("--batch-size", type=_batch_size, default=256)
    tr.add_argument("--hidden", type=_positive_int, default=256, help="units per hidden layer")
    tr.add_argument("--layers", type=_positive_int, default=1, help="number of hidden layers")
    tr.add_argument("--activation", choices=["relu", "sigmoid", "tanh", "gelu", "silu"], default="relu")
    tr.add_argument(
        "--init",
        choices=["normal", "xavier_normal", "xavier_uniform", "kaiming", "normal1", "constant"],
        default="normal",
    )
    tr.add_argument("--seed", type=int, default=0)
    tr.add_argument("--device", default="auto", help="auto, cpu, cuda or mps")
    tr.add_argument("--json", action="store_true", help="end with one JSON line of the results")

    wm = sub.add_parser("warm", help="compute every page's default results into the cache (before class)")
    wm.add_argument("--json", action="store_true")
    wm.add_argument("--pages-only", action="store_true", help="skip the rows of the 'check against the book' page")

    rp = sub.add_parser("reproduce", help="check our numbers against the book's")
    rp.add_argument("--only", default="", metavar="PREFIX", help="run only checks whose id starts with PREFIX")
    rp.add_argument("--json", action="store_true")
    return parser


def _train(args: argparse.Namespace) -> int:
    from mlp_lab.training import Progress, TrainConfig, train

    config = TrainConfig(
        model=args.model,
        hiddens=(args.hidden,) * args.layers,
        activation=args.activation,
        lr=args.lr,
        batch_size=args.batch_size,
        epochs=args.epochs,
        init=args.init,
        seed=args.seed,
        device=args.device,
    )

    def report(p: Progress) -> None:
        h = p.history
        print(
            f"epoch {p.epoch}, loss {h.train_loss[-1]:f}, train acc {h.train_acc[-1]:.2%}, "
            f"test accuracy {h.test_acc[-1]:.2%}",
            flush=True,
        )

    result = train(config, callback=report)
    if result.diverged:
        print(
            f"diverged in epoch {result.diverged_epoch}: the loss blew up "
            "(NaN, inf, or far worse than guessing); try a smaller --lr",
            flush=True,
        )
    if args.json:
        print(json.dumps(result.summary()))
    return 0


def _reproduce(args: argparse.Namespace) -> int:
    from mlp_lab.reproduce import run_check, select

    rows = []
    for check in select(args.only):
        row = run_check(check)
        rows.append(row)
        if not args.json:
            mark = "ok  " if row.ok else "FAIL"
            print(
                f"{mark} {row.id:40s} book {row.book:>24s}  ours {row.ours!s:>12s}  "
                f"({row.tolerance}, {row.seconds:.1f}s)",
                flush=True,
            )
    ok = all(r.ok for r in rows)
    if args.json:
        print(json.dumps({"ok": ok, "rows": [r.to_dict() for r in rows]}))
    return 0 if ok else 1


def _warm(args: argparse.Namespace) -> int:
    from mlp_lab.cache import DiskCache
    from mlp_lab.store import ResultStore
    from mlp_lab.warm import WarmRow, warm

    disk = DiskCache()

    def show(r: WarmRow) -> None:
        print(f"{r.status:8s} {r.seconds:7.1f}s  {r.topic:14s} {r.key}", flush=True)

    start = time.perf_counter()
    rows = warm(ResultStore(disk=disk), book=not args.pages_only, on_row=None if args.json else show)
    if args.json:
        print(json.dumps({"folder": str(disk.folder), "rows": [r.__dict__ for r in rows]}))
    else:
        count = {s: sum(r.status.startswith(s) for r in rows) for s in ("stored", "cached", "error")}
        print(
            f"{count['stored']} stored, {count['cached']} already cached, {count['error']} failed, "
            f"in {time.perf_counter() - start:.0f} s; {disk.folder} holds {disk.size() / 2**20:.1f} MB"
        )
    return 0 if all(not r.status.startswith("error") for r in rows) else 1


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "train":
            return _train(args)
        if args.command == "warm":
            return _warm(args)
        return _reproduce(args)
    except DataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
