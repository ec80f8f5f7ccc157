"""Types the resource-type catalog does not know, for the control-plane rules (CKV_CNLIC_201/202).

Without a catalog entry there is no trust attribute or ingress shape to read, so the type is judged for its
location only — but not silently: an attribute that holds a world-open address range (0.0.0.0/0, ::/0)
makes CKV_CNLIC_202 could-not-evaluate, and an attribute that looks like a trust grant (named for a
principal, trust, assumed role, delegation or grantee, or a policy document naming a principal) makes
CKV_CNLIC_201 could-not-evaluate. Each names the attribute. Anything else is not applicable, and says the
type is not in the catalog: never that it "controls no network exposure".
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from typing import Any

from permitguard.context import Subject
from permitguard.model import Unknown
from permitguard.rules.base import FAILED, NOT_APPLICABLE, Verdict
from permitguard.rules.common import base_facts

WORLD_OPEN = re.compile(r"(?<![0-9.])0\.0\.0\.0/0(?![0-9])|(?<![0-9a-fA-F:])::/0(?![0-9])")
TRUST_NAME = re.compile(r"assume_role|trust|principal|delegat|grantee")
DOCUMENT_NAME = re.compile(r"polic(y|ies)|document")


def _leaves(node: Any, path: str = "") -> Iterator[tuple[str, str, Any]]:
    """(path, attribute name, value) of every leaf, through nested blocks and lists."""
    if isinstance(node, Mapping):
        for key, value in node.items():
            yield from _leaves(value, f"{path}.{key}" if path else str(key))
    elif isinstance(node, (list, tuple)):
        for i, value in enumerate(node):
            yield from _leaves(value, f"{path}[{i}]")
    else:
        yield path, re.sub(r"\[\d+\]", "", path).rsplit(".", 1)[-1].lower(), node


def _names_a_principal(value: Any) -> bool:
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return False
    if not isinstance(value, (Mapping, list)):
        return False
    return "principal" in json.dumps(value, default=str).lower()


def open_cidr(attributes: Mapping[str, Any]) -> tuple[str, str] | None:
    """The first attribute holding a world-open range, and the range."""
    for path, _, value in _leaves(attributes):
        if isinstance(value, str) and (m := WORLD_OPEN.search(value)):
            return path, m.group(0)
    return None


def trust_grant(attributes: Mapping[str, Any]) -> str | None:
    """The first attribute that looks like a trust grant: named for one and set, or a policy document
    that names a principal."""
    for key, value in attributes.items():  # a whole document or block counts as one grant
        name = str(key).lower()
        if value in (None, "", [], {}):
            continue
        if TRUST_NAME.search(name) or (DOCUMENT_NAME.search(name) and _names_a_principal(value)):
            return str(key)
        if DOCUMENT_NAME.search(name) and isinstance(value, Unknown):
            return str(key)
    for path, name, value in _leaves(attributes):
        if TRUST_NAME.search(name) and value not in (None, ""):
            return path
    return None


def trust_verdict(s: Subject) -> Verdict:
    """CKV_CNLIC_201 on a type the catalog does not know."""
    facts = base_facts(s)
    attr = trust_grant(s.attributes)
    if attr is not None:
        return Verdict(FAILED, "uncatalogued_trust", {**facts, "attr": attr})
    return Verdict(NOT_APPLICABLE, "uncatalogued", facts)


def exposure_verdict(s: Subject) -> Verdict:
    """CKV_CNLIC_202 on a type the catalog does not know."""
    facts = base_facts(s)
    found = open_cidr(s.attributes)
    if found is not None:
        return Verdict(FAILED, "uncatalogued_open_cidr", {**facts, "attr": found[0], "value": found[1]})
    return Verdict(NOT_APPLICABLE, "uncatalogued", facts)
