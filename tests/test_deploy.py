"""The README's Community Cloud checklist, item by item, as checks on this repository."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10, which the README supports: the same parser from PyPI
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
# Import names whose distribution is named differently; everything else maps to itself.
DIST_OF = {"PIL": "pillow"}
LOCAL = {"mlp_lab", "pages", "tests", "benchmarks"}


def requirements() -> list[Requirement]:
    lines = (ROOT / "requirements.txt").read_text().splitlines()
    return [Requirement(line.split("#")[0]) for line in lines if line.split("#")[0].strip()]


def shipped_sources() -> list[Path]:
    return [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py")), *sorted((ROOT / "mlp_lab").rglob("*.py"))]


def third_party_imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return {n for n in names if n not in sys.stdlib_module_names and n not in LOCAL}


def test_entry_point_and_pages_exist() -> None:
    assert (ROOT / "app.py").is_file()
    assert "st.navigation" in (ROOT / "app.py").read_text()


def test_requirements_are_ranges_without_index_lines() -> None:
    reqs = requirements()
    assert reqs, "requirements.txt is empty"
    for req in reqs:
        specs = list(req.specifier)
        assert specs, f"{req.name} has no version range"
        assert all(s.operator not in ("==", "===") for s in specs), f"{req.name} is pinned: {req}"
        assert any(s.operator in (">=", ">", "~=") for s in specs), f"{req.name} has no lower bound"
    raw = (ROOT / "requirements.txt").read_text()
    assert not re.search(r"^\s*--", raw, re.M), "index options belong only in the deployment branch"


def test_every_shipped_import_is_in_requirements() -> None:
    declared = {req.name.lower() for req in requirements()}
    missing: dict[str, list[str]] = {}
    imported = set().union(*(third_party_imports(path) for path in shipped_sources()))
    assert {"streamlit", "torch", "torchvision", "altair", "numpy"} <= imported  # the scan sees imports
    for path in shipped_sources():
        for name in third_party_imports(path):
            dist = DIST_OF.get(name, name).lower()
            if dist not in declared:
                missing.setdefault(dist, []).append(str(path.relative_to(ROOT)))
    assert not missing, f"imported but not in requirements.txt: {missing}"


def test_installed_versions_satisfy_the_ranges() -> None:
    # What the suite runs against must be something Cloud may resolve too.
    for req in requirements():
        version = metadata.version(req.name)
        assert req.specifier.contains(version, prereleases=True), f"{req.name} {version} not in {req.specifier}"


def test_readme_python_versions_are_supported() -> None:
    readme = (ROOT / "README.md").read_text()
    item = re.search(r"Python (3\.\d+) or (3\.\d+)", readme)
    assert item, "the checklist names the Python versions to choose"
    requires = SpecifierSet(tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"])
    for version in item.groups():
        assert requires.contains(version), f"README recommends {version}, pyproject requires {requires}"


def test_production_config() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["client"]["showErrorDetails"] in ("none", False), "learners must never see a traceback"
    assert config["client"]["toolbarMode"] == "viewer"
    assert config["browser"]["gatherUsageStats"] is False
    assert config["server"]["headless"] is True
    assert config["server"]["runOnSave"] is False
    for theme in ("light", "dark"):  # both themes set, each at AA contrast (tests/test_axe.py)
        assert re.fullmatch(r"#[0-9a-fA-F]{6}", config["theme"][theme]["primaryColor"])


def test_cache_and_data_folders_stay_out_of_git() -> None:
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    # With no environment the cache and the downloaded data go to project folders git ignores.
    code = "from mlp_lab.cache import cache_dir; from mlp_lab.data import data_root; print(cache_dir(), data_root())"
    env = {"PATH": "", "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    cache, data = out.stdout.split()
    assert Path(cache) == Path(".cache") / "mlp_lab"
    for rel in (f"{cache}/entry.pt", f"{data}/FashionMNIST/raw/train-images-idx3-ubyte.gz"):
        check = subprocess.run(["git", "check-ignore", "-q", rel], cwd=ROOT)
        assert check.returncode == 0, f"{rel} would be committed"


THREADS_PROBE = "import torch, mlp_lab.device as d; d.configure_threads(); print(torch.get_num_threads())"


def test_thread_cap_applies_at_startup() -> None:
    out = subprocess.run(
        [sys.executable, "-c", THREADS_PROBE],
        cwd=ROOT,
        env={"PATH": "", "PYTHONPATH": str(ROOT), "MLP_LAB_THREADS": "3"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == "3"


def test_app_process_memory_within_cloud_limit(fmnist) -> None:
    # Community Cloud allows about 2.7 GB per app; one process with everything loaded stays well under.
    code = (
        "import altair, streamlit, torch, torchvision\n"
        "from mlp_lab.data import load_fashion_mnist\n"
        "load_fashion_mnist('cpu', download=False)\n"
        "print([l for l in open('/proc/self/status') if l.startswith('VmHWM:')][0].split()[1])\n"
    )
    env = {"PATH": "", "PYTHONPATH": str(ROOT), "MLP_LAB_DATA": os.environ["MLP_LAB_DATA"]}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    peak_mb = int(out.stdout.strip()) / 1024
    assert peak_mb < 1200, f"one app process peaks at {peak_mb:.0f} MB"
