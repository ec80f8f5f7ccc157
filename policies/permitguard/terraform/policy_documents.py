"""Policy documents built by data sources of the configuration (`data "aws_iam_policy_document"`,
`data "alicloud_ram_policy_document"`): the document a role's trust attribute reads from one is written in
the configuration, so it is rendered here as the provider renders it — the shape of each data source is
data (data/terraform.yaml) — and judged like an inline document. One that merges other documents
(`source_policy_documents`, …) is unknown: what it merges is not rendered here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from permitguard.model import Unknown


def render(shape: Mapping[str, Any], body: Mapping[str, Any], where: str) -> Any:
    """The document of one data source, from its converted blocks (lists of dicts)."""
    merged = [m for m in shape["merges"] if body.get(m) not in (None, [], "")]
    if merged:
        return Unknown(f"known only after apply: the policy document at {where} merges {', '.join(merged)}")
    statements = []
    for st in _blocks(body.get(shape["statement"])):
        out: dict[str, Any] = {"Effect": st.get(shape["effect"]) or "Allow"}
        if st.get(shape["actions"]) is not None:
            out["Action"] = st[shape["actions"]]
        for key, name in (
            ("Principal", shape.get("principals")),
            ("NotPrincipal", shape.get("not_principals")),
        ):
            principals = _principals(shape, st.get(name)) if name else {}
            if principals:
                out[key] = principals
        statements.append(out)
    return {"Version": shape["version"], "Statement": statements}


def _blocks(value: Any) -> list[Mapping[str, Any]]:
    if isinstance(value, Mapping):
        return [value]
    return [v for v in value if isinstance(v, Mapping)] if isinstance(value, list) else []


def _principals(shape: Mapping[str, Any], value: Any) -> Any:
    if isinstance(value, Unknown):
        return value
    out: dict[str, Any] = {}
    for block in _blocks(value):
        kind = block.get(shape["principal_kind"])
        ids = block.get(shape["identifiers"])
        if isinstance(kind, Unknown) or isinstance(ids, Unknown):
            return kind if isinstance(kind, Unknown) else ids
        listed = ids if isinstance(ids, list) else [ids]
        out.setdefault(str(kind), []).extend(listed)
    return out
