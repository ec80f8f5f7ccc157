"""Bad and crafted Terraform plans: nothing read is dropped. Every resource of `resource_changes`,
`deferred_changes`, `planned_values` (child modules too) and `prior_state` is judged, or named in a
CKV_CNLIC_100 could-not-evaluate finding (a `terraform_plan_entry` part); a plan that errored or whose
sections are not Terraform's shapes is exit 2 with one line. Through the CLI (in-process, and a subprocess
for two), and Checkov's terraform_plan framework where Checkov reads the resource."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from hostile.plans import ALICLOUD, HK, HK_ZONE, OK, change, plan, state_resource, write
from hostile.support import AS_OF, BUNDLED, ROOT, checkov_suite, scan

ARGS = ("--license", str(BUNDLED), "--as-of", AS_OF)
DUP = "alicloud_vswitch.dup"
BEIJING = {"zone_id": "cn-beijing-h", "cidr_block": "10.2.0.0/24"}
HONG_KONG = {"zone_id": HK_ZONE, "cidr_block": "10.3.0.0/24"}


def _values(address: str, values: dict, module: str | None = None) -> dict:
    return state_resource(address, values)


def _planned(*resources: dict, children: list | None = None) -> dict:
    root = {"resources": list(resources)}
    if children:
        root["child_modules"] = children
    return {"root_module": root}


def _deferred(*changes: dict, complete: bool = False) -> dict:
    return plan(
        [change()],
        complete=complete,
        deferred_changes=[{"reason": "provider_config_unknown", "resource_change": c} for c in changes],
    )


# case: (plan document, exit status, {(rule, address) failed}, {address of a part: words its message holds})
CASES = {
    "baseline_compliant": (plan(), 0, set(), {}),
    "baseline_hk_change": (plan([change(), change(HK)]), 1, {("CKV_CNLIC_101", HK)}, {}),
    "hk_only_in_planned_values": (
        plan(
            [change()],
            planned_values=_planned(
                _values(OK, {"cidr_block": "10.0.0.0/16", "vpc_name": "ok"}), _values(HK, HONG_KONG)
            ),
        ),
        1,
        {("CKV_CNLIC_101", HK)},
        {f"planned_values.root_module.resources[1] ({HK})": "no change in resource_changes"},
    ),
    "hk_only_in_a_child_module_of_planned_values": (
        plan(
            [change()],
            planned_values=_planned(
                children=[
                    {
                        "address": "module.edge",
                        "resources": [_values("module.edge.alicloud_vswitch.hk", HONG_KONG)],
                        "child_modules": [
                            {
                                "address": "module.edge.module.deep",
                                "resources": [
                                    _values("module.edge.module.deep.alicloud_vswitch.hk", HONG_KONG)
                                ],
                            }
                        ],
                    }
                ]
            ),
        ),
        1,
        {
            ("CKV_CNLIC_101", "module.edge.alicloud_vswitch.hk"),
            ("CKV_CNLIC_101", "module.edge.module.deep.alicloud_vswitch.hk"),
        },
        {
            "planned_values.root_module.child_modules[0].resources[0] (module.edge.alicloud_vswitch.hk)": (
                "no change in resource_changes"
            ),
            "planned_values.root_module.child_modules[0].child_modules[0].resources[0] "
            "(module.edge.module.deep.alicloud_vswitch.hk)": "no change in resource_changes",
        },
    ),
    "planned_values_disagree_with_the_change": (
        plan([change(DUP, after=BEIJING)], planned_values=_planned(_values(DUP, HONG_KONG))),
        1,
        {("CKV_CNLIC_101", f"{DUP} (planned_values.root_module.resources[0])")},
        {f"planned_values.root_module.resources[0] ({DUP})": "disagree on alicloud_vswitch.dup (cidr_block)"},
    ),
    "hk_only_in_prior_state_of_a_target_plan": (
        plan(
            [change()],
            prior_state={
                "format_version": "1.0",
                "values": {"root_module": {"resources": [_values(HK, HONG_KONG)]}},
            },
        ),
        1,
        {("CKV_CNLIC_101", HK)},
        {},
    ),
    "incomplete_plan_with_a_deferred_hk_instance": (
        _deferred(change(HK)),
        1,
        {("CKV_CNLIC_101", HK)},
        {"plan": "complete: False, 1 deferred changes"},
    ),
    "deferred_changes_in_a_plan_that_says_complete": (
        _deferred(change(HK), complete=True),
        1,
        {("CKV_CNLIC_101", HK)},
        {"plan": "1 deferred changes"},
    ),
    "incomplete_plan_without_deferred_changes": (plan(complete=False), 1, set(), {"plan": "complete: False"}),
    "complete_is_not_a_boolean": (plan(complete="yes"), 1, set(), {"plan": "complete: 'yes'"}),
    "deferred_entry_not_an_object": (
        _deferred("HK"),
        1,
        set(),
        {"deferred_changes[0]": "not an object", "plan": "1 deferred changes"},
    ),
    "non_object_entry_string": (
        plan([change(), "alicloud_vswitch.hk"]),
        1,
        set(),
        {"resource_changes[1]": "not an object (a string)"},
    ),
    "non_object_entry_number": (plan([42, change()]), 1, set(), {"resource_changes[0]": "not an object"}),
    "non_object_entry_null": (plan([None]), 1, set(), {"resource_changes[0]": "not an object (null)"}),
    "non_object_entry_list": (
        plan([[change(HK)]]),
        1,
        set(),
        {"resource_changes[0]": "not an object (a list)"},
    ),
    "mode_capitalised": (
        plan([change(HK, mode="Managed")]),
        1,
        set(),
        {f"resource_changes[0] ({HK})": "mode 'Managed' is not one Terraform writes"},
    ),
    "mode_misspelt": (
        plan([change(HK, mode="manged")]),
        1,
        set(),
        {f"resource_changes[0] ({HK})": "'manged'"},
    ),
    "mode_missing": (
        plan([{k: v for k, v in change(HK).items() if k != "mode"}]),
        1,
        set(),
        {f"resource_changes[0] ({HK})": "mode None"},
    ),
    "duplicate_address_compliant_first": (
        plan([change(DUP, after=BEIJING), change(DUP, after=HONG_KONG)]),
        1,
        {("CKV_CNLIC_101", f"{DUP} (resource_changes[1])")},
        {
            f"resource_changes[1] ({DUP})": (
                "appears again (first at resource_changes[0]); both copies are judged"
            )
        },
    ),
    "duplicate_address_compliant_last": (
        plan([change(DUP, after=HONG_KONG), change(DUP, after=BEIJING)]),
        1,
        {("CKV_CNLIC_101", DUP)},
        {f"resource_changes[1] ({DUP})": "appears again"},
    ),
    "duplicate_address_across_deferred_changes": (
        _deferred(change(DUP, after=HONG_KONG)) | {"resource_changes": [change(DUP, after=BEIJING)]},
        1,
        {("CKV_CNLIC_101", f"{DUP} (deferred_changes[0])")},
        {f"deferred_changes[0] ({DUP})": "appears again", "plan": "1 deferred changes"},
    ),
    "update_with_after_null": (
        plan([change(HK, ["update"], after=None, before=HONG_KONG)]),
        1,
        set(),
        {f"resource_changes[0] ({HK})": "['update'] with no planned state"},
    ),
    "create_with_after_null": (
        plan([change(HK, after=None)]),
        1,
        set(),
        {f"resource_changes[0] ({HK})": "`change.after` is null"},
    ),
    "noop_with_after_missing": (
        plan([change(HK, ["no-op"], after=None)]),
        1,
        set(),
        {f"resource_changes[0] ({HK})": "['no-op'] with no planned state"},
    ),
    "replace_with_after_a_list": (
        plan([change(HK, ["delete", "create"], after=[HONG_KONG])]),
        1,
        set(),
        {f"resource_changes[0] ({HK})": "`change.after` is a list"},
    ),
    "actions_invented": (
        plan([change(HK, ["teleport"])]),
        1,
        set(),
        {f"resource_changes[0] ({HK})": "['teleport'] are not a change Terraform writes"},
    ),
    "actions_empty": (
        plan([change(HK, [])]),
        1,
        set(),
        {f"resource_changes[0] ({HK})": "[] are not a change"},
    ),
    "actions_doubled": (
        plan([change(HK, ["delete", "delete"])]),
        1,
        set(),
        {f"resource_changes[0] ({HK})": "are not a change"},
    ),
    "actions_create_update": (
        plan([change(HK, ["create", "update"])]),
        1,
        set(),
        {f"resource_changes[0] ({HK})": "are not a change"},
    ),
    "actions_a_string": (
        plan([change(HK, "create")]),
        1,
        set(),
        {f"resource_changes[0] ({HK})": "is not a list of actions"},
    ),
    "change_missing": (
        plan([{k: v for k, v in change(HK).items() if k != "change"}]),
        1,
        set(),
        {f"resource_changes[0] ({HK})": "no `change` object"},
    ),
    "type_missing": (
        plan([{k: v for k, v in change(HK).items() if k != "type"}]),
        1,
        set(),
        {f"resource_changes[0] ({HK})": "no `type`"},
    ),
    "address_a_number": (
        plan([change(HK) | {"address": 7}]),
        1,
        set(),
        {"resource_changes[0]": "no `address`"},
    ),
    "after_unknown_a_string": (
        plan([change(HK, after_unknown="yes")]),
        1,
        set(),
        {f"resource_changes[0] ({HK})": "`change.after_unknown` is a string"},
    ),
    "after_sensitive_a_number": (
        plan([change(HK, after_sensitive=1)]),
        1,
        set(),
        {f"resource_changes[0] ({HK})": "`change.after_sensitive` is a number"},
    ),
    "before_a_string": (
        plan([change(HK, ["update"], before="x")]),
        1,
        set(),
        {f"resource_changes[0] ({HK})": "`change.before` is a string"},
    ),
    "deposed_object_created": (
        plan([change(HK, deposed="00000001")]),
        1,
        set(),
        {f"resource_changes[0] ({HK})": "a deposed object with actions ['create']"},
    ),
    "planned_values_entry_not_an_object": (
        plan([change()], planned_values=_planned("x")),
        1,
        set(),
        {"planned_values.root_module.resources[0]": "not an object"},
    ),
    "planned_values_module_of_the_wrong_shape": (
        plan([change()], planned_values=_planned(children=[{"resources": {"a": 1}}])),
        1,
        set(),
        {"planned_values.root_module.child_modules[0]": "not an object"},
    ),
    "prior_state_values_a_list": (
        plan([change()], prior_state={"values": []}),
        1,
        set(),
        {"prior_state.values": "not an object"},
    ),
    "provider_configuration_unreadable": (
        plan([change()], configuration={"provider_config": ["alicloud"]}),
        1,
        {("CKV_CNLIC_103", OK)},
        {},
    ),
    "forget_and_create_forget_are_terraforms": (
        plan([change(OK, ["forget"], after=None), change("alicloud_vpc.again", ["create", "forget"])]),
        0,
        set(),
        {},
    ),
    "data_source_is_read_not_created": (
        plan([change(), change("data.alicloud_zones.z", ["read"]) | {"mode": "data"}]),
        0,
        set(),
        {},
    ),
    "deposed_delete_is_the_old_copy": (
        plan([change(HK, ["delete"], after=None, deposed="0001"), change()]),
        0,
        set(),
        {},
    ),
}
UNUSABLE = {  # case: (document, words of the one line on stderr)
    "errored": (plan(errored=True), "the plan errored (`errored: true`)"),
    "resource_changes_an_object": (
        plan(resource_changes={"a": change()}),
        "`resource_changes` is not a list",
    ),
    "deferred_changes_a_string": (plan(deferred_changes="HK"), "`deferred_changes` is not a list"),
    "planned_values_a_list": (plan(planned_values=[]), "`planned_values` is not an object"),
    "prior_state_a_string": (plan(prior_state="x"), "`prior_state` is not an object"),
    "configuration_a_list": (plan(configuration=[]), "`configuration` is not an object"),
    "format_version_2": (plan(format_version="2.0"), "format_version '2.0' is not one permitguard reads"),
    "no_format_version": ({"resource_changes": [change(HK)]}, "not a Terraform plan"),
    "state_not_plan": ({"format_version": "1.0", "values": {}}, "not a Terraform"),
    "truncated": ('{"format_version": "1.2", "resource_changes": [', "not valid JSON (truncated?)"),
    "top_level_list": ("[]", "not a Terraform directory"),
    "infinity_is_not_json": (
        '{"format_version": "1.2", "resource_changes": [{"a": Infinity}]}',
        "Infinity is not a JSON number",
    ),
    "nan_is_not_json": ('{"format_version": "1.2", "resource_changes": [NaN]}', "NaN is not a JSON number"),
    "overflowing_number_is_not_json": (
        '{"format_version": "1.2", "resource_changes": [{"p": 1e400}]}',
        "1e400 is not a JSON number",
    ),
    "integer_of_5000_digits": (
        '{"format_version": "1.2", "resource_changes": [{"p": ' + "9" * 5000 + "}]}",
        "a number of 5000 digits is not a JSON number",
    ),
    "json_deeper_than_the_stack": (
        '{"format_version": "1.2", "resource_changes": ' + "[" * 5000 + "]" * 5000 + "}",
        "nests its JSON too deeply to be read",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_resource_is_judged_or_named(tmp_path, case):
    doc, status, failed, parts = CASES[case]
    result = scan(write(tmp_path, doc), *ARGS)
    assert result.exit_status == status, (result.stderr, result.doc.get("findings"))
    found = {
        (f["rule_id"], f["resource"]["address"]) for f in result.doc["findings"] if f["status"] == "failed"
    }
    named = {
        f["resource"]["address"]: f["message"]["en"]
        for f in result.doc["findings"]
        if f["rule_id"] == "CKV_CNLIC_100" and f["status"] == "failed"
    }
    assert found - {("CKV_CNLIC_100", a) for a in named} - {("CKV_CNLIC_102", a) for _, a in failed} == failed
    assert set(named) == set(parts), named
    for address, words in parts.items():
        assert words in named[address], named[address]


@pytest.mark.parametrize("case", sorted(UNUSABLE))
def test_unusable_plan_is_exit_2_with_one_line(tmp_path, case):
    doc, words = UNUSABLE[case]
    result = scan(write(tmp_path, doc), *ARGS)
    assert result.exit_status == 2 and result.doc == {}
    (line,) = result.stderr.strip().splitlines()
    assert words in line, line


def _subprocess(path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PERMITGUARD_")}
    return subprocess.run(
        [str(Path(sys.executable).parent / "permitguard"), "scan", str(path), *ARGS],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_subprocess_errored_plan_exit_2_one_line(tmp_path):
    run = _subprocess(write(tmp_path, plan([change(HK)], errored=True)))
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1 and "errored" in run.stderr


def test_subprocess_deferred_hk_fails(tmp_path):
    run = _subprocess(write(tmp_path, _deferred(change(HK))))
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "CKV_CNLIC_101" in run.stdout and "plan is incomplete" in run.stdout


@pytest.mark.parametrize("where", ["resource_changes", "planned_values"])
def test_checkov_plan_duplicate_or_planned_only_hk_fails(tmp_path, monkeypatch, where):
    """Checkov reads planned_values: a resource there only, or twice in resource_changes, gets the worst
    verdict of every copy the plan holds."""
    if where == "resource_changes":
        doc = plan(
            [change(DUP, after=BEIJING), change(DUP, after=HONG_KONG)],
            planned_values=_planned(_values(DUP, BEIJING)),
        )
    else:
        doc = plan(
            [change()],
            planned_values=_planned(_values(OK, {"cidr_block": "10.0.0.0/16"}), _values(DUP, HONG_KONG)),
        )
    path = write(tmp_path, doc)
    monkeypatch.delenv("PERMITGUARD_LICENSE", raising=False)
    monkeypatch.setenv("PERMITGUARD_AS_OF", AS_OF)
    monkeypatch.chdir(ROOT)
    outcome = checkov_suite().run_checkov(path, plan=True)
    assert outcome.parsing_errors == []
    assert ("CKV_CNLIC_101", DUP, "FAILED") in outcome.results, outcome.results
    assert ALICLOUD  # the provider the plan names


@pytest.mark.parametrize("brackets", [('{"a": ', "}"), ("[", "]")])
def test_values_nested_deeper_than_the_stack_are_named(tmp_path, brackets):
    """JSON may nest deeper than Python recurses: the entry is a could-not-evaluate part, the rest judged."""
    opening, closing = brackets
    deep = opening * 900 + "true" + closing * 900
    doc = plan([change(HK, after={"zone_id": HK_ZONE, "tags": "@"}, after_unknown={"tags": "@"}), change()])
    result = scan(write(tmp_path, json.dumps(doc).replace('"@"', deep)), *ARGS)
    assert result.exit_status == 1
    failed = {
        f["resource"]["address"]: f["message"]["en"]
        for f in result.doc["findings"]
        if f["status"] == "failed"
    }
    assert "values nested too deeply" in failed[f"resource_changes[0] ({HK})"] and OK not in failed


@pytest.mark.parametrize("where", ["deferred_changes", "prior_state", "resource_changes"])
def test_checkov_reports_what_its_plan_framework_does_not_ask_about(tmp_path, monkeypatch, where):
    """Checkov asks only about planned_values: a Hong Kong resource elsewhere in the plan fails with the
    first resource it does ask about, its details naming the resource."""
    planned = _planned(_values(OK, {"cidr_block": "10.0.0.0/16", "vpc_name": "ok"}))
    doc = {
        "deferred_changes": _deferred(change(HK)) | {"planned_values": planned},
        "prior_state": plan(
            [change()],
            planned_values=planned,
            prior_state={"values": {"root_module": {"resources": [_values(HK, HONG_KONG)]}}},
        ),
        "resource_changes": plan([change(), change(HK)], planned_values=planned),
    }[where]
    monkeypatch.delenv("PERMITGUARD_LICENSE", raising=False)
    monkeypatch.setenv("PERMITGUARD_AS_OF", AS_OF)
    monkeypatch.chdir(ROOT)
    outcome = checkov_suite().run_checkov(write(tmp_path, doc), plan=True)
    assert ("CKV_CNLIC_101", OK, "FAILED") in outcome.results, outcome.results
    assert HK in " ".join(outcome.details[("CKV_CNLIC_101", OK)])
