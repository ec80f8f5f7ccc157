"""What a scan did not read, and what Checkov would not read, as the findings document lists it
(`skipped_inputs`): never a silent drop.

- by `permitguard`: walked past by this scan (Terraform's and tools' own directories, links to directories,
  configuration files that are not regular files, leave the scanned tree or are over the size limit).
- by `checkov`: read by this scan, but skipped by Checkov's directory walk (`checkov -d`): directories named
  in `$CKV_IGNORED_DIRECTORIES` (default node_modules, .terraform, .serverless) and, unless
  `CKV_IGNORE_HIDDEN_DIRECTORIES` is false, every directory or file whose name starts with a dot
  (`checkov/common/runners/base_runner.py` `filter_ignored_paths`). A Checkov run of the same tree judges
  none of their resources."""
from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from permitguard.report.labels import words
from permitguard.terraform.roots import Skipped

CHECKOV_IGNORED_DEFAULT = "node_modules,.terraform,.serverless"
_FALSE = ("n", "no", "f", "false", "off", "0")
MESSAGES = {  # reason → data/report_labels.yaml key (every one held to the file by tests/hostile)
    "terraform_dir": "skipped_terraform_dir",
    "vcs_dir": "skipped_vcs_dir",
    "external_modules": "skipped_external_modules",
    "dir_link": "skipped_dir_link",
    "unsafe_file": "skipped_unsafe_file",
    "checkov_ignored": "skipped_checkov_ignored",
    "checkov_hidden": "skipped_checkov_hidden",
    "not_a_manifest": "skipped_not_a_manifest",
}


def entry(path: str, input_path: str, by: str, reason: str, detail: str = "") -> dict[str, Any]:
    en, zh = words(MESSAGES[reason], path=path, detail=detail)
    return {"path": path, "input": input_path, "by": by, "reason": reason, "message": {"en": en, "zh": zh}}


def _shown(path: Path, root: Path, raw: str) -> str:
    """`path` as the user names it: under the input as they wrote it."""
    return Path(os.path.normpath(Path(raw) / os.path.relpath(path, root))).as_posix()


def reader_entries(skipped: list[Skipped], root: Path, raw: str) -> list[dict[str, Any]]:
    return [entry(_shown(s.path, root, raw), raw, "permitguard", s.reason, s.detail) for s in skipped]


def checkov_entries(
    files: list[Path], root: Path, raw: str, environ: Mapping[str, str]
) -> list[dict[str, Any]]:
    """The topmost directory (or the file) Checkov would skip for each configuration file this scan read."""
    ignored = set((environ.get("CKV_IGNORED_DIRECTORIES") or CHECKOV_IGNORED_DEFAULT).split(","))
    hidden = str(environ.get("CKV_IGNORE_HIDDEN_DIRECTORIES", "true")).strip().lower() not in _FALSE
    found: dict[Path, str] = {}
    for f in files:
        parts = Path(os.path.relpath(f, root)).parts
        for depth, name in enumerate(parts):
            why = "checkov_ignored" if name in ignored and depth < len(parts) - 1 else \
                "checkov_hidden" if hidden and name.startswith(".") and name not in (".", "..") else None
            if why:
                found.setdefault(root.joinpath(*parts[: depth + 1]), why)
                break
    return [entry(_shown(p, root, raw), raw, "checkov", why) for p, why in sorted(found.items())]
