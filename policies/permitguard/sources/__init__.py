"""Readers that turn an input (Terraform HCL, Terraform plan JSON, Pulumi preview JSON) into Resources."""
from __future__ import annotations

from dataclasses import dataclass, field

from permitguard.model import Resource


@dataclass
class SourceResult:
    """What a reader found in one input.

    `suppressions` maps (resource address, rule id) to the reason the user gave
    (`# checkov:skip=CKV_CNLIC_101:reason`); `files` counts the files read; `skipped` is what the reader
    walked past without reading (`permitguard.terraform.roots.Skipped`), listed in every output.
    """

    kind: str  # terraform | terraform_plan | pulumi_preview
    resources: list[Resource] = field(default_factory=list)
    suppressions: dict[tuple[str, str], str] = field(default_factory=dict)
    files: int = 0
    skipped: list = field(default_factory=list)
