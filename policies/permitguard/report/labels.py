"""The report's own words (data/report_labels.yaml), English and Chinese side by side."""

from __future__ import annotations

import functools
from typing import Any

from permitguard import datafiles


@functools.lru_cache(maxsize=1)
def _labels() -> dict[str, tuple[str, str]]:
    data = datafiles.load_data("report_labels.yaml", "report_labels.schema.json")
    return {key: (text["en"], text["zh"]) for key, text in data["labels"].items()}


def words(key: str, **fmt: Any) -> tuple[str, str]:
    """English and Chinese of one report text, placeholders filled."""
    en, zh = _labels()[key]
    return en.format(**fmt), zh.format(**fmt)


def label(key: str, lang: str, **fmt: Any) -> str:
    en, zh = words(key, **fmt)
    return {"en": en, "zh": zh}.get(lang, f"{en} · {zh}")


def texts(value: dict[str, str] | Any, lang: str) -> list[tuple[str, str]]:
    """(language, text) pairs of a bilingual value to show: one language, or both unless they are equal."""
    en, zh = (value["en"], value["zh"]) if isinstance(value, dict) else (value.en, value.zh)
    if lang == "en" or (lang == "both" and en == zh):
        return [("en", en)]
    return [("zh", zh)] if lang == "zh" else [("en", en), ("zh", zh)]


def joined(value: dict[str, str] | Any, lang: str) -> str:
    """The texts of a bilingual value to show, one per line (see `texts`)."""
    return "\n".join(t for _, t in texts(value, lang))
