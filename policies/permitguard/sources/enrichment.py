"""Plan resources carry no file, line or `checkov:skip` comment: take them from the Terraform configuration
the plan was made from (as Checkov's `--repo-root-for-plan-enrichment` does). `permitguard scan` applies
it to Terraform plans only; a Pulumi preview has no Terraform configuration behind it."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from permitguard.resources import ResourceTypeCatalog
from permitguard.sources import SourceResult
from permitguard.sources.terraform_hcl import read_directory
from permitguard.terraform.providers import declared_address

config_address = declared_address  # the block that declares an instance (permitguard.terraform.providers)


class Enrichment:
    def __init__(self, root: Path, types: ResourceTypeCatalog) -> None:
        hcl = read_directory(root, types=types)
        self._declared = {config_address(r.address): r for r in hcl.resources}  # Checkov expands count
        self._declared.update({r.address: r for r in hcl.resources})
        self._skips = hcl.suppressions
        self._root = root
        self.skipped = hcl.skipped  # what its walk did not read: listed with the scan's skipped inputs

    def apply(self, result: SourceResult) -> SourceResult:
        """The plan's resources with the file and line of their declaration, and its suppressions."""
        resources = []
        for r in result.resources:
            declared = self._declared.get(r.address) or self._declared.get(config_address(r.address))
            if declared is not None and declared.file:
                r = dataclasses.replace(r, file=(self._root / declared.file).as_posix(), line=declared.line)
            resources.append(r)
        skips = {
            (r.address, rule): reason
            for r in result.resources
            for (address, rule), reason in self._skips.items()
            if config_address(address) == config_address(r.address)
        }
        return dataclasses.replace(result, resources=resources, suppressions={**skips, **result.suppressions})
