"""permitguard's own findings JSON (`permitguard scan --format json`): its findings, other checks and
listings as they are, with the licence and change date it was judged against."""
from __future__ import annotations

from typing import Any

from permitguard import datafiles
from permitguard.errors import InputError
from permitguard.report import compact
from permitguard.report.inputs.part import Part

TOOL = "permitguard"


def looks_like(data: Any) -> bool:
    tool = data.get("tool") if isinstance(data, dict) else None
    return isinstance(tool, dict) and tool.get("name") == TOOL


def read(doc: dict[str, Any], path: str, listing: dict[str, Any]) -> Part:
    """The scan document as it is (validated against its schema), and the inputs it lists, `via` it."""
    errors = datafiles.schema_errors("findings.schema.json", doc)
    if errors:
        shown = "\n".join(f"  - {e}" for e in errors[:10])
        more = f"\n  … and {len(errors) - 10} more" if len(errors) > 10 else ""
        raise InputError(f"{path}: not a valid permitguard findings document:\n{shown}{more}")
    doc = compact.expand(doc, path)
    own = {"path": listing["path"], "kind": "permitguard_json", "sha256": listing["sha256"]}
    return Part(inputs=[own] + [{**i, "via": i.get("via", path)} for i in doc["inputs"]],
                findings=compact.shared_parts(doc["findings"]),
                other_checks=list(doc.get("other_checks", [])),
                unevaluated=list(doc.get("unevaluated", [])), license=doc["license"], as_of=doc["as_of"],
                skipped=list(doc.get("skipped_inputs", [])), trails=dict(doc.get("trails", {})))
