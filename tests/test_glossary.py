"""The Chinese strings use the book's terms (``mlp_lab/ui/i18n/glossary.py``), one test per module."""

from __future__ import annotations

import re

import pytest

from mlp_lab.ui import i18n
from mlp_lab.ui.i18n.glossary import AVOID, TERMS

MODULES = (
    "common",
    "learn",
    "board",
    "deploy",
    "activations",
    "mlp",
    "fitting",
    "weight_decay",
    "dropout",
    "backprop",
    "stability",
    "shift",
)


def _prose(text: str) -> str:
    """``text`` without code: `spans`, identifiers with underscores or dots, URLs, format fields."""
    text = re.sub(r"`[^`]*`|https?://\S+|\{[^}]*\}", " ", text)
    return re.sub(r"\b\w+[_.]\w[\w.]*\(?", " ", text)


def misses(strings: dict[str, dict[str, str]]) -> list[str]:
    found = []
    for key, entry in strings.items():
        en, zh = _prose(entry["en"]), entry.get("zh", "")
        for pattern, chinese in TERMS.items():
            if re.search(rf"(?<![\w-])(?:{pattern})(?![\w-])", en, re.IGNORECASE) and not any(c in zh for c in chinese):
                found.append(f"{key}: '{pattern}' wants {'/'.join(chinese)}")
        found += [f"{key}: '{bad}' -> '{good}'" for bad, good in AVOID.items() if bad in zh]
    return found


@pytest.mark.parametrize("name", MODULES)
def test_chinese_uses_the_books_terms(name: str) -> None:
    module = getattr(i18n, name)
    assert not misses(module.STRINGS), "\n".join(misses(module.STRINGS))


def test_the_check_can_fail() -> None:
    assert misses({"k": {"en": "Dropout zeroes units", "zh": "丢弃法把单元置零"}}) == [
        "k: 'dropout' wants 暂退法/暂退",
        "k: '丢弃法' -> '暂退法'",
    ]
    assert misses({"k": {"en": "`dropout_layer(X, 1)`: accuracy", "zh": "`dropout_layer(X, 1)`：精度"}}) == []


def test_every_module_is_checked() -> None:
    assert {m.__name__.rsplit(".", 1)[1] for m in i18n._MODULES} == set(MODULES)
