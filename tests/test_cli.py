import json
import subprocess
import sys
from pathlib import Path

import pytest

from mlp_lab import reproduce
from mlp_lab.__main__ import main
from tests.conftest import tiny_arrays, write_idx_folder

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "argv",
    [
        ["train", "--epochs", "0"],
        ["train", "--epochs", "-3"],
        ["train", "--lr", "0"],
        ["train", "--lr", "-0.1"],
        ["train", "--lr", "abc"],
        ["train", "--batch-size", "60001"],
        ["train", "--model", "cnn"],
        ["fly"],
    ],
)
def test_bad_arguments_exit_2_with_argparse_message(argv, capsys) -> None:
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_train_json_on_tiny_files(tmp_path, monkeypatch, capsys) -> None:
    folder = write_idx_folder(tmp_path / "d", tiny_arrays(256, 64))
    monkeypatch.setenv("MLP_LAB_DATA", str(folder))
    assert main(["train", "--model", "concise", "--epochs", "2", "--batch-size", "32", "--hidden", "16", "--json"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].startswith("epoch 1, loss ")
    summary = json.loads(lines[-1])
    for key in ("model", "device", "epochs", "train_loss", "train_acc", "test_acc", "seconds", "diverged"):
        assert key in summary
    assert summary["model"] == "concise" and summary["epochs"] == 2 and summary["device"] == "cpu"
    assert summary["diverged"] is False and summary["seconds"] > 0


def test_train_without_data_is_a_clear_error(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("MLP_LAB_DATA", str(tmp_path / "nothing"))
    monkeypatch.setattr(
        "mlp_lab.data._arrays_from_torchvision", lambda root, download: (_ for _ in ()).throw(OSError("offline"))
    )
    assert main(["train", "--epochs", "1"]) == 1
    err = capsys.readouterr().err
    assert "MLP_LAB_DATA" in err and "Traceback" not in err


def test_reproduce_registry_rows_and_failures(monkeypatch, capsys) -> None:
    from mlp_lab import checks

    monkeypatch.setattr(checks, "_REGISTRY", {})
    monkeypatch.setattr(reproduce, "_REGISTRY", checks._REGISTRY)
    monkeypatch.setattr(reproduce.topics, "NAMES", ("t", "u"))
    checks.register("t.ok", section="0", kind="book")(lambda: (1.0, True))
    checks.register("t.bad", section="0", kind="book")(lambda: (2.0, False))
    checks.register("u.err", section="0", kind="book")(lambda: 1 / 0)
    assert main(["reproduce", "--only", "t.ok", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["ok"] is True
    fields = {"id", "section", "kind", "quantity", "source", "ours", "tolerance", "ok", "seconds", "seeds"}
    assert set(out["rows"][0]) == fields
    assert main(["reproduce", "--json"]) == 1
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)["rows"]}
    assert rows["t.bad"]["ok"] is False
    assert rows["u.err"]["ok"] is False and "ZeroDivisionError" in rows["u.err"]["ours"]


def test_reproduce_rows_read_their_words_from_the_catalogue(capsys) -> None:
    """The English of a row on the command line is the catalogue's, the same the page shows."""
    from mlp_lab.ui.i18n import CATALOGUE

    assert main(["reproduce", "--only", "activations.sigmoid_grad_at_0", "--json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)["rows"]
    assert row["quantity"] == CATALOGUE["check.activations.sigmoid_grad_at_0.quantity"]["en"]
    assert row["kind"] == "book" and row["ours"] == 0.25


def test_reproduce_registers_the_mlp_rows() -> None:
    ids = {c.id for c in reproduce.all_checks()}
    assert {"mlp.scratch.test_acc", "mlp.concise.test_acc"} <= ids


def test_reproduce_concise_row_for_real(fmnist) -> None:
    """The book's 10-epoch concise run through the real command line (about 15 s here)."""
    proc = subprocess.run(
        [sys.executable, "-m", "mlp_lab", "reproduce", "--only", "mlp.concise.test_acc", "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,  # a 10-epoch training; slow when the machine is shared
    )
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert proc.returncode == 0, proc.stderr
    (row,) = out["rows"]
    assert row["ok"] and row["ours"] >= 0.82


def test_train_options_are_the_mlp_pages_controls(capsys) -> None:
    """Ranges, choices and defaults on the command line come from MLPSettings' declarations."""
    from mlp_lab.controls import controls_of
    from mlp_lab.experiments.mlp import MLPSettings

    with pytest.raises(SystemExit):
        main(["train", "--help"])
    out = capsys.readouterr().out
    for name in controls_of(MLPSettings):
        assert "--" + name.replace("_", "-") in out
    assert "16..1024" in out and "{scratch,concise,both}" in out and "--seed" in out
    with pytest.raises(SystemExit):
        main(["train", "--hidden", "1025"])  # the page's slider stops at 1024, so does the CLI
    assert "1024" in capsys.readouterr().err


def test_warm_visits_pages_and_reports_each_then_a_summary(tmp_path, monkeypatch, capsys) -> None:
    """Only the activations page here (it needs no Fashion-MNIST): warm is a headless visit."""
    from mlp_lab import store

    monkeypatch.setattr(store, "_shared", store.ResultStore(disk=store.DiskCache(tmp_path)))
    assert main(["warm", "--only", "activations"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].startswith("ok") and "/activations" in lines[0]
    computed = int(lines[0].split("/activations")[1].split()[0])
    assert computed > 0 and lines[-1].startswith(f"1 pages visited, {computed} results computed, 0 failed")
    assert str(tmp_path) in lines[-1]
    main(["warm", "--only", "activations"])  # a second warm finds everything stored
    assert "0 results computed" in capsys.readouterr().out.strip().splitlines()[-1]
