"""What a variables file (`.tfvars`, `.tfvars.json`, `--var-file`) assigns, read once the same way for every
reader that asks (the evaluator's taint, `explain`'s trail): bounded, as text; a file that cannot be read
or parsed assigns nothing here (the evaluator, which reads it too, reports it)."""
from __future__ import annotations

import json
from pathlib import Path

from permitguard import safe_files
from permitguard.errors import InputError
from permitguard.terraform import source_text


def assignments(path: Path) -> dict[str, tuple[str, int | None]]:
    """Variable name → (its value as written, its line; None in JSON) for the top-level assignments."""
    try:
        text = safe_files.read_text(Path(path), "variables file", safe_files.TF_FILE_LIMIT)
    except InputError:
        return {}
    if not str(path).endswith(".json"):
        return {name: (source_text.shown(value), line)
                for name, (value, line) in source_text.top_level_arguments(text).items()}
    try:
        doc = json.loads(text)
        return {str(k): (json.dumps(v, ensure_ascii=False), None) for k, v in doc.items()} if isinstance(
            doc, dict) else {}
    except (ValueError, RecursionError):  # not JSON, or nested deeper than a reader goes
        return {}
