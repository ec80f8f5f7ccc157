"""Readers that turn an input (Terraform HCL, Terraform plan JSON, Pulumi preview JSON) into Resources.

    detect       which kind an input is (sniffing only: it knows no reader)
    readers      the reader of each kind, and `read(path, types, documents)`: what `permitguard scan` calls
    documents    the run's JSON inputs, each parsed once (sniffing, then reading)
    input_files  the files an input is made of, and its digest for the findings document
    terraform_hcl, terraform_plan (plan_values, plan_providers), pulumi_preview   the readers
    enrichment   file and line of plan resources, from the configuration; skipped: what was not read

A reader is given the run's catalog (`types`, from the front door's Context) and `Documents`; none
loads a catalog or keeps anything between runs."""
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
