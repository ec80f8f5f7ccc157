"""The Terraform types each Checkov check is registered for, so that Checkov hands a check only the
resources its rule may judge (issue 9: what our checks add to a Checkov run).

A rule with a type gate (`rules.common.type_gated`) is not applicable to every resource of a type its gate
spares, and Checkov does not report a not-applicable check: registering such a check for the types its
gate lets through, rather than for every type, leaves every answer as it was — provided no type outside
the list is let through. So a rule is registered per type only when its gate spares every type the bundled
catalogs do not name (tried on made-up types of every provider prefix the catalogs use: a gate that judges
by provider, or judges unknown types, keeps the rule on every type, `"*"`); the list is every type the
catalogs name that the gate lets through. Every other rule is registered for every type.

The lists are worked out from the bundled data files, once: Checkov constructs the checks in each of its
runner processes, before any licence profile is read, and loading every catalog there would cost more than
it saves. `data/checkov_types.json` holds them; tests/checkov/test_judged_types.py holds that file to what
`compute()` gives, and `python -m permitguard.checkov.judged_types --write` writes it again after a data
file changed.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from typing import Any

from permitguard import datafiles

FILE = "checkov_types.json"
SCHEMA = "checkov_types.schema.json"
EVERY_TYPE = "*"
# a string of a data file that may be a Terraform type: provider prefix, an underscore, a name
_TYPE_LIKE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)+")
_MADE_UP = ("zz_permitguard_made_up", "permitguard_made_up_type")  # suffixes no catalog names


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def named_types() -> list[str]:
    """Every string of the bundled data files (the licence profiles apart) that may be a Terraform type:
    a superset of the types any catalog names."""
    found: set[str] = set()
    for path in sorted(datafiles.data_path().glob("*.yaml")):
        found.update(s for s in _strings(datafiles.read_yaml(path, f"data file {path.name}"))
                     if _TYPE_LIKE.fullmatch(s))
    return sorted(found)


def compute() -> dict[str, list[str]]:
    """rule id → the Terraform types its Checkov check is registered for (`["*"]`: every type)."""
    from permitguard.context import Context, TypeOf
    from permitguard.rules import RULES

    ctx = Context.load()  # the bundled profile: a gate reads the bundled catalogs only, never the profile
    named = named_types()
    prefixes = sorted({t.split("_", 1)[0] for t in named})
    made_up = [f"{p}_{s}" for p in prefixes for s in _MADE_UP] + list(_MADE_UP)

    def judges(gate: Any, tf_type: str) -> bool:
        return gate(TypeOf(tf_type, "terraform", ctx.types.get(tf_type)), ctx) is None

    out: dict[str, list[str]] = {}
    for rule_id in ctx.rules.ids():
        gate = getattr(RULES.get(rule_id), "type_gate", None)
        if gate is None or any(judges(gate, t) for t in made_up):
            out[rule_id] = [EVERY_TYPE]
        else:
            out[rule_id] = [t for t in named if judges(gate, t)]
    return out


def load() -> dict[str, list[str]]:
    """The registered types as `data/checkov_types.json` holds them (validated against its schema)."""
    path = datafiles.data_path(FILE)
    raw = path.read_bytes()
    data = json.loads(raw)
    datafiles.raise_if_any(f"data file {path}", datafiles.problems_of_bytes(raw, data, SCHEMA))
    return data


def text() -> str:
    return json.dumps(compute(), indent=1, sort_keys=True) + "\n"


def main(argv: list[str]) -> int:
    if argv == ["--write"]:
        datafiles.data_path(FILE).write_text(text(), encoding="utf-8")
        return 0
    sys.stdout.write(text())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
