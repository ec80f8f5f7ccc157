"""Which kind an input is: a directory or a .tf file is Terraform HCL; a `.yaml`/`.yml` file, or a directory
of them with no Terraform file, is Kubernetes manifests; a JSON file is a Terraform plan or a Pulumi preview,
told apart by the keys each tool writes. Sniffing only: this module knows no reader
(`permitguard.sources.readers` maps each kind to its reader)."""

from __future__ import annotations

from pathlib import Path

from permitguard import safe_files
from permitguard.errors import InputError
from permitguard.sources import deployed
from permitguard.sources.documents import Documents
from permitguard.sources.kubernetes_manifests import KUBERNETES, SUFFIXES, looks_like_manifests
from permitguard.sources.pulumi_stack import looks_like_stack_export
from permitguard.sources.terraform_state import looks_like_state

TF_SUFFIXES = (".tf", ".tf.json")
TERRAFORM, TERRAFORM_PLAN, PULUMI_PREVIEW = "terraform", "terraform_plan", "pulumi_preview"
TERRAFORM_STATE, PULUMI_STACK = deployed.TERRAFORM_STATE, deployed.PULUMI_STACK
PLAN_KEYS = ("resource_changes", "planned_values", "terraform_version")  # `terraform show -json`
PREVIEW_KEYS = ("steps", "changeSummary")  # `pulumi preview --json`


class NotAnInput(InputError):
    """A readable document of none of the tools permitguard reads (a package.json): unusable as an input,
    and what a changed-files scan passes by."""


def kind_of(path: Path, documents: Documents) -> str:
    """The input's kind; a JSON input is parsed into `documents` (its reader then reuses that parse).
    InputError for a missing or unreadable path, or a document of neither tool."""
    if not path.exists():
        raise InputError(f"{path}: no such file or directory")
    if path.is_dir():
        return KUBERNETES if looks_like_manifests(path) else TERRAFORM
    if path.name.endswith(SUFFIXES):
        return KUBERNETES  # its reader says when no document of it is a Kubernetes object
    if path.name.endswith(TF_SUFFIXES):
        why = safe_files.problem(path, safe_files.TF_FILE_LIMIT)
        if why:
            raise InputError(f"{path}: cannot read Terraform file: {why}")
        return TERRAFORM
    doc = documents.load(path, "input")
    if looks_like_stack_export(doc):
        return PULUMI_STACK
    if looks_like_state(doc):  # before plans: a state has `terraform_version` too, but no planned change
        return TERRAFORM_STATE
    if isinstance(doc, dict) and any(key in doc for key in PLAN_KEYS):
        return TERRAFORM_PLAN
    if isinstance(doc, dict) and any(key in doc for key in PREVIEW_KEYS):
        return PULUMI_PREVIEW
    raise NotAnInput(
        f"{path}: not a Terraform directory, a `terraform show -json` plan or state, a terraform.tfstate, "
        "a `pulumi preview --json` document, a `pulumi stack export` or Kubernetes manifests"
    )
