"""Input kinds that record what is deployed rather than a change: a Terraform state and a Pulumi stack
export. Their resources are judged as they exist (`Action.NOOP`); the scan date is the only date they
have, so outputs say "as deployed" where they would say "change" (`SourceResult.kind` tells which)."""
from __future__ import annotations

TERRAFORM_STATE = "terraform_state"  # `terraform show -json` of a state, or terraform.tfstate (v4)
PULUMI_STACK = "pulumi_stack"  # `pulumi stack export`
KINDS = frozenset({TERRAFORM_STATE, PULUMI_STACK})


def as_deployed(kind: str) -> bool:
    """Whether a `SourceResult.kind` is an as-deployed input (its findings say "as deployed")."""
    return kind in KINDS
