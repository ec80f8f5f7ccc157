"""Property tests (Hypothesis) over the plan reader, through the CLI: whatever the JSON document — random
values in the plan's own vocabulary, entries of every shape, sections of the wrong type — the scan either
exits 2 with one line on stderr, or every resource entry it holds is accounted for: a managed resource's
address is among the findings (judged), anything else is named by a CKV_CNLIC_100 finding at its place in
the document. Never a traceback, an internal error, or an entry that vanished."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from itertools import count
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import cli
from hostile.plans import ALICLOUD, HK_ZONE
from hostile.support import AS_OF, BUNDLED

# the strategies' reprs are large (their alternatives repeat): Hypothesis says so, and it is no finding
pytestmark = pytest.mark.filterwarnings("ignore::hypothesis.errors.HypothesisWarning")
_RUNS = count()
SETTINGS = settings(
    max_examples=150,
    deadline=None,
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.large_base_example,
    ],
)
KEYS = [
    "address",
    "mode",
    "type",
    "name",
    "change",
    "actions",
    "after",
    "before",
    "after_unknown",
    "after_sensitive",
    "zone_id",
    "region",
    "tags",
    "values",
    "sensitive_values",
    "resources",
    "child_modules",
    "root_module",
    "deposed",
    "module_address",
    "provider_name",
    "index",
]
STRINGS = [
    "alicloud_vswitch.a",
    "alicloud_vpc.b",
    "managed",
    "data",
    "Managed",
    "create",
    "update",
    "delete",
    "no-op",
    "read",
    "forget",
    HK_ZONE,
    "cn-beijing-h",
    "cn-beijing",
    "",
    "module.m",
    ALICLOUD,
    "10.0.0.0/8",
    "0.0.0.0/0",
]
SCALAR = (
    st.none()
    | st.booleans()
    | st.integers(-3, 3)
    | st.floats(allow_nan=False, allow_infinity=False, width=16)
    | st.sampled_from(STRINGS)
)
JSON = st.recursive(
    SCALAR,
    lambda c: st.lists(c, max_size=3) | st.dictionaries(st.sampled_from(KEYS), c, max_size=4),
    max_leaves=10,
)


def mostly(good: st.SearchStrategy, junk: st.SearchStrategy = JSON, odds: int = 4) -> st.SearchStrategy:
    """`good` `odds` times out of `odds + 1`, else `junk`: documents close enough to a plan to reach
    every entry."""
    return st.one_of(*[good] * odds, junk)


ADDRESSES = st.sampled_from(
    [
        "alicloud_vswitch.a",
        "alicloud_vswitch.a",
        "alicloud_vpc.b",
        "module.m.alicloud_vswitch.c",
        "data.alicloud_zones.z",
    ]
)
ACTIONS = st.sampled_from(
    [
        ["create"],
        ["update"],
        ["delete"],
        ["no-op"],
        ["read"],
        ["delete", "create"],
        ["create", "delete"],
        ["forget"],
        ["create", "forget"],
        ["teleport"],
        [],
        ["create", "create"],
    ]
)
ACTIONS = mostly(ACTIONS)
AFTER = mostly(
    st.fixed_dictionaries(
        {},
        optional={
            "zone_id": mostly(st.sampled_from([HK_ZONE, "cn-beijing-h"])),
            "cidr_block": st.just("10.1.0.0/24"),
            "tags": JSON,
        },
    )
)
MASK = mostly(st.booleans() | st.fixed_dictionaries({}, optional={"zone_id": st.booleans() | JSON}))


def _named(address: Any) -> tuple[str, str]:
    bare = address.split(".") if isinstance(address, str) else ["alicloud_vswitch", "x"]
    return bare[-2] if len(bare) > 1 else address, bare[-1]


CHANGE = st.builds(
    lambda address, mode, change, extra: {
        "address": address,
        "mode": mode,
        "type": _named(address)[0],
        "name": _named(address)[1],
        "provider_name": ALICLOUD,
        "change": change,
        **extra,
    },
    mostly(ADDRESSES),
    mostly(st.sampled_from(["managed", "managed", "managed", "data", "Managed", None])),
    mostly(
        st.fixed_dictionaries(
            {"actions": ACTIONS},
            optional={
                "after": AFTER,
                "before": AFTER,
                "after_unknown": MASK,
                "after_sensitive": MASK,
                "before_sensitive": MASK,
            },
        )
    ),
    st.fixed_dictionaries({}, optional={"deposed": st.just("0001") | JSON, "module_address": JSON}),
)
STATE = st.builds(
    lambda address, mode, values, mask: {
        "address": address,
        "mode": mode,
        "type": _named(address)[0],
        "name": _named(address)[1],
        "provider_name": ALICLOUD,
        "values": values,
        "sensitive_values": mask,
    },
    mostly(ADDRESSES),
    mostly(st.sampled_from(["managed", "managed", "data", "bogus"])),
    AFTER,
    MASK,
)
MODULE = mostly(
    st.recursive(
        st.fixed_dictionaries({"resources": st.lists(mostly(STATE), max_size=3)}),
        lambda m: st.fixed_dictionaries(
            {"resources": st.lists(STATE, max_size=2), "child_modules": st.lists(m, max_size=2)},
            optional={"address": st.just("module.m") | JSON},
        ),
        max_leaves=4,
    )
)
CONFIG = st.fixed_dictionaries(
    {
        "provider_config": mostly(
            st.just(
                {
                    "alicloud": {
                        "name": "alicloud",
                        "expressions": {"region": {"constant_value": "cn-beijing"}},
                    }
                }
            )
        )
    }
)


def _plan(odds: int) -> st.SearchStrategy:
    """A plan whose sections are junk once in `odds + 1` (never, for odds 0)."""

    def section(good: st.SearchStrategy) -> st.SearchStrategy:
        return mostly(good, odds=odds) if odds else good

    return st.fixed_dictionaries(
        {
            "format_version": section(
                st.sampled_from(["1.2"] * 8 + ["0.1", "2.0"]) if odds else st.just("1.2")
            ),
            "resource_changes": section(st.lists(mostly(CHANGE), max_size=4)),
            "terraform_version": st.just("1.11.4"),
        },
        optional={
            "deferred_changes": section(
                st.lists(
                    mostly(
                        st.fixed_dictionaries(
                            {"reason": st.just("instance_count_unknown"), "resource_change": CHANGE}
                        )
                    ),
                    max_size=2,
                )
            ),
            "planned_values": section(st.fixed_dictionaries({"root_module": MODULE})),
            "prior_state": section(
                st.fixed_dictionaries({"values": st.fixed_dictionaries({"root_module": MODULE})})
            ),
            "complete": mostly(st.booleans()),
            "configuration": section(CONFIG),
            "errored": st.sampled_from([False] * 8 + [True]) if odds else st.just(False),
            "variables": section(st.just({})),
        },
    )


# any section may be of the wrong shape (exit 2, or every entry accounted for); or the sections are right
PLAN = st.deferred(lambda: _plan(odds=6))
WELL_FORMED = st.deferred(lambda: _plan(odds=0))  # and only the entries vary


def _entries(doc: Mapping[str, Any]) -> Iterator[tuple[str, Any]]:
    """(where, entry) of every resource entry of the document, as the reader must account for them."""
    changes = doc.get("resource_changes")
    for i, rc in enumerate(changes if isinstance(changes, list) else []):
        yield f"resource_changes[{i}]", rc
    deferred = doc.get("deferred_changes")
    for i, d in enumerate(deferred if isinstance(deferred, list) else []):
        yield f"deferred_changes[{i}]", d.get("resource_change") if isinstance(d, Mapping) else d
    prior = doc.get("prior_state")
    for where, values in (
        ("planned_values", doc.get("planned_values")),
        ("prior_state.values", prior.get("values") if isinstance(prior, Mapping) else None),
    ):
        if values is None:
            continue
        if not isinstance(values, Mapping):
            yield where, values
            continue
        todo = [(f"{where}.root_module", values.get("root_module"))]
        while todo:
            at, module = todo.pop()
            if module is None:
                continue
            if (
                not isinstance(module, Mapping)
                or not isinstance(module.get("resources") or [], list)
                or not isinstance(module.get("child_modules") or [], list)
            ):
                yield at, None
                continue
            for i, entry in enumerate(module.get("resources") or []):
                yield f"{at}.resources[{i}]", entry
            todo += [(f"{at}.child_modules[{i}]", m) for i, m in enumerate(module.get("child_modules") or [])]


def _accounted(doc: Mapping[str, Any], addresses: set[str]) -> list[str]:
    """The entries no finding accounts for (must be none)."""
    missing = []
    for where, entry in _entries(doc):
        named = any(a == where or a.startswith(where + " (") for a in addresses)
        if isinstance(entry, Mapping) and (
            entry.get("mode") == "data" or entry.get("deposed") or entry.get("deposed_key")
        ):
            continue  # a data source is read, a deposed object is an old copy: nothing is created
        address = entry.get("address") if isinstance(entry, Mapping) else None
        if isinstance(address, str) and address and entry.get("mode") == "managed":
            judged = any(
                a == address or a.startswith(address + " (") or f"({address})" in a for a in addresses
            )
            if not (judged or named):
                missing.append(f"{where}: {address}")
        elif not named:
            missing.append(where)
    return missing


def _check(tmp_path, text: str, doc: Any, usable: bool = False) -> None:
    path = tmp_path / f"plan-{next(_RUNS)}.json"  # a new file each time: no reader cache can answer
    path.write_text(text, encoding="utf-8")
    run = cli("scan", str(path), "--format", "json", "--license", str(BUNDLED), "--as-of", AS_OF)
    assert "Traceback" not in run.stderr and "internal error" not in run.stderr, run.stderr
    if run.exit_status == 2:
        assert not usable, run.stderr  # a plan of Terraform's shapes is always read
        assert len(run.stderr.strip().splitlines()) == 1 and not run.stdout, run.stderr
        return
    assert run.exit_status in (0, 1), run
    findings = json.loads(run.stdout)["findings"]
    assert isinstance(doc, Mapping)
    assert not _accounted(doc, {f["resource"]["address"] for f in findings})


@SETTINGS
@given(PLAN)
def test_any_plan_is_accounted_for_or_exit_2(tmp_path, doc):
    _check(tmp_path, json.dumps(doc), doc)


@SETTINGS
@given(WELL_FORMED)
def test_every_entry_of_a_well_formed_plan_is_accounted_for(tmp_path, doc):
    _check(tmp_path, json.dumps(doc), doc, usable=True)


@SETTINGS
@given(JSON)
def test_any_json_value_is_accounted_for_or_exit_2(tmp_path, doc):
    _check(tmp_path, json.dumps(doc), doc)


@settings(
    max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=60))
def test_any_text_is_exit_2_or_a_plan(tmp_path, text):
    try:
        doc = json.loads(text)
    except ValueError:
        doc = None
    _check(tmp_path, text, doc)
