"""A part of the configuration that could not be read (a module call whose source is not on disk, a file
that does not parse, an override file Terraform would merge, a resource whose count/for_each cannot be
known, a plan entry Terraform would not write, an incomplete plan) is one failed
could-not-evaluate finding of its own: the resources it declares are unseen, so the scan never passes
them, and the rest of the configuration is still judged.

Readers report such a part as a `Resource` of one of the `PART_TYPES` (its address the module call's,
or the file's path); every other rule is not applicable to it.
"""

from __future__ import annotations

from permitguard.context import Context, Subject, TypeOf
from permitguard.rules.base import FAILED, Verdict
from permitguard.rules.common import type_gated

PART_TYPES = ("terraform_module_call", "terraform_file", "terraform_plan_entry", "terraform_resource_block",
              "kubernetes_manifest_file")
# why a part could not be read (the reader's `reason` attribute) → the catalog message
REASONS = {"not_downloaded": "module_not_downloaded", "not_found": "module_not_found",
           "unparsed": "file_unreadable", "not_loaded": "module_not_loaded",
           "plan_entry": "plan_entry_unreadable", "incomplete": "plan_incomplete",
           "override": "override_file", "instances_unknown": "instances_unknown",
           "json_meta": "json_meta_unsupported", "not_evaluated": "block_not_evaluated",
           "chart": "chart_not_rendered"}


def is_part(resource_type: str) -> bool:
    return resource_type in PART_TYPES


def _read(t: TypeOf, ctx: Context) -> str | None:
    """Every resource but a part that could not be read was read: 100 has nothing to say of it."""
    return None if t.type in PART_TYPES else "readable"


@type_gated(_read)
def configuration_unreadable(s: Subject, ctx: Context) -> Verdict:
    res = s.resource
    facts = {"address": res.address, "source": str(res.attributes.get("source") or ""),
              "why": str(res.attributes.get("why") or "")}
    return Verdict(FAILED, REASONS.get(str(res.attributes.get("reason")), "file_unreadable"), facts)


RULES = {"CKV_CNLIC_100": configuration_unreadable}
