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
    monkeypatch.setattr(reproduce, "_REGISTRY", {})
    monkeypatch.setattr(reproduce, "CHECK_MODULES", ())
    reproduce.register("t.ok", section="0", quantity="q", quantity_zh="量", book="1", tolerance="±0")(
        lambda: (1.0, True)
    )
    reproduce.register("t.bad", section="0", quantity="q", quantity_zh="量", book="1", tolerance="±0")(
        lambda: (2.0, False)
    )
    reproduce.register("u.err", section="0", quantity="q", quantity_zh="量", book="1", tolerance="±0")(lambda: 1 / 0)
    assert main(["reproduce", "--only", "t.ok", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["ok"] is True
    assert set(out["rows"][0]) == {"id", "section", "quantity", "book", "ours", "tolerance", "ok", "seconds"}
    assert main(["reproduce", "--json"]) == 1
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)["rows"]}
    assert rows["t.bad"]["ok"] is False
    assert rows["u.err"]["ok"] is False and "ZeroDivisionError" in rows["u.err"]["ours"]


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
        timeout=300,
    )
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert proc.returncode == 0, proc.stderr
    (row,) = out["rows"]
    assert row["ok"] and row["ours"] >= 0.82


def test_warm_reports_each_row_as_it_goes_then_a_summary(tmp_path, monkeypatch, capsys) -> None:
    from mlp_lab import warm as warm_mod

    monkeypatch.setenv("MLP_LAB_CACHE", str(tmp_path))
    monkeypatch.setattr(warm_mod, "_PROVIDERS", {})
    monkeypatch.setattr(warm_mod, "CHECK_MODULES", ())
    monkeypatch.setattr(
        warm_mod, "all_checks", lambda: [reproduce.Check("demo.row", "3.0", "q", "q", "1", "=", lambda: (1.0, True))]
    )
    warm_mod.defaults("demo")(lambda: [(("demo", 0), lambda: 42), (("demo", 1), lambda: 1 / 0)])
    assert main(["warm"]) == 1  # one job failed
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].startswith("stored") and "demo" in lines[0]
    assert lines[1].startswith("error: ZeroDivisionError") and lines[2].startswith("stored") and "book" in lines[2]
    assert lines[-1].startswith("2 stored, 0 already cached, 1 failed") and str(tmp_path) in lines[-1]
    main(["warm", "--pages-only"])
    assert capsys.readouterr().out.strip().splitlines()[-1].startswith("0 stored, 1 already cached, 1 failed")
