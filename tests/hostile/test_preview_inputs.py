"""Bad and crafted Pulumi inputs: a wire value the reader does not know as plain (an output value, a resource
reference, an asset, an archive, a signature nobody defined) never becomes a string that passes; it is its
plain value when one is inside and not secret, else unknown (fail closed). Through `permitguard scan
preview.json` and through the pack over gRPC (started as the Pulumi CLI starts it), which never answers an
error for a signature and judges a cloud resource that names no provider (CKV_CNLIC_103), as the CLI does."""

from __future__ import annotations

import json

import grpc
import pytest

from hostile.previews import (
    ARCHIVE,
    ASSET,
    PROVIDER,
    RULE,
    SECRET,
    SIG,
    SWITCH,
    UNKNOWN,
    output,
    preview,
    provider_step,
    ref,
    ssh_rule,
    step,
    urn,
    write,
)
from hostile.support import AS_OF, BUNDLED, pack_client, scan

ARGS = ("--license", str(BUNDLED), "--as-of", AS_OF)
SSH, ZONE = urn(RULE, "ssh"), urn(SWITCH, "sw")

# case: (preview document, exit status, {(rule, urn) failed}, {(rule, urn): words of its message})
CASES = {
    "source_plain_management_network": (preview(step(RULE, "ssh", ssh_rule("10.0.0.0/8"))), 0, set(), {}),
    "source_an_archive": (
        preview(step(RULE, "ssh", ssh_rule(ARCHIVE))),
        1,
        {("CKV_CNLIC_202", SSH)},
        {("CKV_CNLIC_202", SSH): "is an archive"},
    ),
    "source_an_asset": (
        preview(step(RULE, "ssh", ssh_rule(ASSET))),
        1,
        {("CKV_CNLIC_202", SSH)},
        {("CKV_CNLIC_202", SSH): "is an asset"},
    ),
    "source_an_unknown_signature": (
        preview(
            step(RULE, "ssh", ssh_rule({SIG: "ffffffffffffffffffffffffffffffff", "value": "10.0.0.0/8"}))
        ),
        1,
        {("CKV_CNLIC_202", SSH)},
        {("CKV_CNLIC_202", SSH): "an unknown Pulumi signature"},
    ),
    "source_a_signature_that_is_not_a_string": (
        preview(step(RULE, "ssh", ssh_rule({SIG: 7}))),
        1,
        {("CKV_CNLIC_202", SSH)},
        {("CKV_CNLIC_202", SSH): "an unknown Pulumi signature"},
    ),
    "source_a_secret": (
        preview(step(RULE, "ssh", ssh_rule(SECRET))),
        1,
        {("CKV_CNLIC_202", SSH)},
        {("CKV_CNLIC_202", SSH): "a secret"},
    ),
    "source_an_output_value_holding_a_management_network": (
        preview(step(RULE, "ssh", ssh_rule(output("10.0.0.0/8")))),
        0,
        set(),
        {},
    ),
    "source_an_output_value_holding_the_world": (
        preview(step(RULE, "ssh", ssh_rule(output("0.0.0.0/0")))),
        1,
        {("CKV_CNLIC_202", SSH)},
        {},
    ),
    "source_a_secret_output_value": (
        preview(step(RULE, "ssh", ssh_rule(output("10.0.0.0/8", secret=True)))),
        1,
        {("CKV_CNLIC_202", SSH)},
        {("CKV_CNLIC_202", SSH): "a secret"},
    ),
    "source_an_output_value_of_a_secret": (
        preview(step(RULE, "ssh", ssh_rule(output(SECRET)))),
        1,
        {("CKV_CNLIC_202", SSH)},
        {("CKV_CNLIC_202", SSH): "a secret"},
    ),
    "source_an_unknown_output_value": (
        preview(step(RULE, "ssh", ssh_rule(output(known=False)))),
        1,
        {("CKV_CNLIC_202", SSH)},
        {("CKV_CNLIC_202", SSH): "unknown during preview"},
    ),
    "source_a_resource_reference_without_id": (
        preview(step(RULE, "ssh", ssh_rule(ref()))),
        1,
        {("CKV_CNLIC_202", SSH)},
        {("CKV_CNLIC_202", SSH): "a reference to another resource"},
    ),
    "zone_a_resource_reference_to_hong_kong": (
        preview(step(SWITCH, "sw", {"zoneId": ref("cn-hongkong-b"), "cidrBlock": "10.1.0.0/24"})),
        1,
        {("CKV_CNLIC_101", ZONE)},
        {},
    ),
    "zone_an_output_value_in_hong_kong": (
        preview(step(SWITCH, "sw", {"zoneId": output("cn-hongkong-b"), "cidrBlock": "10.1.0.0/24"})),
        1,
        {("CKV_CNLIC_101", ZONE)},
        {},
    ),
    "provider_region_an_archive": (
        {
            "config": {},
            "steps": [provider_step(region=ARCHIVE), step(SWITCH, "sw", {"cidrBlock": "10.1.0.0/24"})],
        },
        1,
        {("CKV_CNLIC_103", ZONE), ("CKV_CNLIC_103", urn(PROVIDER, "bj"))},
        {("CKV_CNLIC_103", ZONE): "an archive"},
    ),
    "provider_region_an_output_value_in_hong_kong": (
        {
            "config": {},
            "steps": [
                provider_step(region=output("cn-hongkong")),
                step(SWITCH, "sw", {"zoneId": "cn-hongkong-b"}),
            ],
        },
        1,
        {("CKV_CNLIC_101", ZONE), ("CKV_CNLIC_101", urn(PROVIDER, "bj"))},
        {},
    ),
    "no_provider_and_no_stack_region": (
        preview(step(SWITCH, "sw", {"cidrBlock": "10.1.0.0/24"}, provider=None)),
        1,
        {("CKV_CNLIC_103", ZONE)},
        {("CKV_CNLIC_103", ZONE): "alicloud:region"},
    ),
    "no_provider_and_a_hong_kong_stack_region": (
        preview(
            step(SWITCH, "sw", {"cidrBlock": "10.1.0.0/24"}, provider=None),
            config={"alicloud:region": "cn-hongkong"},
        ),
        1,
        {("CKV_CNLIC_101", ZONE)},
        {},
    ),
    "cloud_resource_claiming_to_be_a_component": (
        preview(step(SWITCH, "sw", {"zoneId": "cn-hongkong-b"}, provider=None, custom=False)),
        1,
        {("CKV_CNLIC_101", ZONE)},
        {},
    ),
    "a_real_component_is_not_judged": (
        preview(step("my:network:Bundle", "b", {"zoneId": "cn-hongkong-b"}, provider=None, custom=False)),
        0,
        set(),
        {},
    ),
    "same_urn_twice_compliant_first": (
        preview(
            step(SWITCH, "sw", {"zoneId": "cn-beijing-h"}), step(SWITCH, "sw", {"zoneId": "cn-hongkong-b"})
        ),
        1,
        {("CKV_CNLIC_101", f"{ZONE} (steps[2])")},
        {},
    ),
    "a_replacement_is_judged_once_on_its_new_state": (
        preview(
            step(SWITCH, "sw", {"zoneId": "cn-beijing-h"}, op="create-replacement"),
            step(SWITCH, "sw", {"zoneId": "cn-hongkong-b"}, op="delete-replaced"),
        ),
        0,
        set(),
        {},
    ),
}
UNUSABLE = {  # case: (document, words of the one line on stderr)
    "steps_an_object": ({"steps": {"a": 1}}, "`steps` is not a list"),
    "step_without_urn": ({"steps": [{"op": "create", "newState": {}}]}, "is not a preview step"),
    "op_invented": (preview(step(SWITCH, "sw", {}, op="teleport")), "is not a preview step"),
    "urn_not_a_urn": ({"steps": [{"op": "create", "urn": "vpc", "newState": {}}]}, "is not a Pulumi URN"),
    "no_state": ({"steps": [{"op": "create", "urn": urn(SWITCH, "sw")}]}, "has no `newState` or `oldState`"),
    "inputs_a_list": (preview(step(SWITCH, "sw", ["zoneId"])), "`inputs` is not an object"),
    "old_inputs_a_list": (
        preview(step(SWITCH, "sw", {}, op="update") | {"oldState": {"inputs": ["x"]}}),
        "`inputs` is not an object",
    ),
    "old_state_a_string": (
        preview(step(SWITCH, "sw", {}, op="update") | {"oldState": "x"}),
        "`oldState` is not",
    ),
    "config_a_list": (preview(config=["alicloud:region"]), "`config` is not an object"),
    "provider_a_number": (preview(step(SWITCH, "sw", {}) | {"provider": 5}), "`provider` is not a provider"),
    "not_a_preview": ({"resources": []}, "not a Terraform directory"),
    "infinity_is_not_json": (
        '{"steps": [], "config": {"aws:region": -Infinity}}',
        "-Infinity is not a JSON number",
    ),
    "json_deeper_than_the_stack": ('{"steps": ' + "[" * 5000 + "]" * 5000 + "}", "nests its JSON too deeply"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_preview_values_are_judged_or_fail_closed(tmp_path, case):
    doc, status, failed, words = CASES[case]
    result = scan(write(tmp_path, doc), *ARGS)
    assert result.exit_status == status, (result.stderr, result.doc.get("findings"))
    found = {
        (f["rule_id"], f["resource"]["address"]): f["message"]["en"]
        for f in result.doc["findings"]
        if f["status"] == "failed"
    }
    assert {
        k
        for k in found
        if k[0] in {r for r, _ in failed} | {"CKV_CNLIC_202", "CKV_CNLIC_103"} and k[0] != "CKV_CNLIC_102"
    } >= failed
    assert not {k for k in found if k[0] in ("CKV_CNLIC_101", "CKV_CNLIC_103", "CKV_CNLIC_202")} - failed
    for key, text in words.items():
        assert text in found[key], found[key]


@pytest.mark.parametrize("case", sorted(UNUSABLE))
def test_unusable_preview_is_exit_2_with_one_line(tmp_path, case):
    doc, words = UNUSABLE[case]
    result = scan(write(tmp_path, doc), *ARGS)
    assert result.exit_status == 2 and result.doc == {}
    (line,) = result.stderr.strip().splitlines()
    assert words in line, line


@pytest.fixture(scope="module")
def pack():
    started = pack_client().Pack.start(env={"PERMITGUARD_AS_OF": AS_OF, "PERMITGUARD_LICENSE": ""})
    started.configure_stack()
    started.configure({})
    yield started
    started.stop()


BJ = (PROVIDER, "bj", {"region": "cn-beijing"})
# case: (token, props, provider, {policy name violated: words of its message}); () = none violated
PACK_CASES = {
    "archive_as_ssh_source": (RULE, ssh_rule(ARCHIVE), BJ, {"cnlic-202-management-exposed": "an archive"}),
    "asset_as_ssh_source": (RULE, ssh_rule(ASSET), BJ, {"cnlic-202-management-exposed": "an asset"}),
    "unknown_signature": (
        RULE,
        ssh_rule({SIG: "ffff", "x": 1}),
        BJ,
        {"cnlic-202-management-exposed": "unknown Pulumi signature"},
    ),
    "output_value_holding_management_network": (RULE, ssh_rule(output("10.0.0.0/8")), BJ, {}),
    "output_value_holding_the_world": (
        RULE,
        ssh_rule(output("0.0.0.0/0")),
        BJ,
        {"cnlic-202-management-exposed": "0.0.0.0/0"},
    ),
    "secret_output_value": (
        RULE,
        ssh_rule(output("10.0.0.0/8", secret=True)),
        BJ,
        {"cnlic-202-management-exposed": "a secret"},
    ),
    "unknown_output_value": (
        RULE,
        ssh_rule(output(known=False)),
        BJ,
        {"cnlic-202-management-exposed": "unknown during preview"},
    ),
    "resource_reference_without_id": (
        RULE,
        ssh_rule(ref()),
        BJ,
        {"cnlic-202-management-exposed": "a reference to another resource"},
    ),
    "resource_reference_to_hong_kong": (
        SWITCH,
        {"zoneId": ref("cn-hongkong-b")},
        BJ,
        {"cnlic-101-outside-mainland": "Hong Kong"},
    ),
    "provider_region_an_output_value_in_hong_kong": (
        SWITCH,
        {"cidrBlock": "10.1.0.0/24"},
        (PROVIDER, "hk", {"region": output("cn-hongkong")}),
        {"cnlic-101-outside-mainland": "Hong Kong"},
    ),
    "provider_region_an_archive": (
        SWITCH,
        {"cidrBlock": "10.1.0.0/24"},
        (PROVIDER, "x", {"region": ARCHIVE}),
        {"cnlic-103-location-unknown": "an archive"},
    ),
    "no_provider": (
        SWITCH,
        {"cidrBlock": "10.1.0.0/24"},
        None,
        {"cnlic-103-location-unknown": "names no provider configuration"},
    ),
    "component_without_provider": ("my:network:Bundle", {"zoneId": "cn-hongkong-b"}, None, {}),
    "infinite_port_range": (
        RULE,
        ssh_rule("0.0.0.0/0") | {"portRange": float("inf")},
        BJ,
        {"cnlic-202-management-exposed": "not finite"},
    ),
    "nan_zone": (
        SWITCH,
        {"zoneId": float("nan")},
        (PROVIDER, "x", {"region": float("-inf")}),
        {"cnlic-103-location-unknown": "not finite"},
    ),
    "unknown_sentinel_source": (RULE, ssh_rule(UNKNOWN), BJ, {"cnlic-202-management-exposed": "unknown"}),
}


@pytest.mark.parametrize("case", sorted(PACK_CASES))
def test_pack_never_errors_and_fails_closed(pack, case):
    client = pack_client()
    token, props, provider, expected = PACK_CASES[case]
    try:
        response = pack.analyze(client.request(token, "r", props, provider))
    except grpc.RpcError as exc:  # the engine would abort the user's preview
        pytest.fail(f"the pack answered a gRPC error: {exc.details()}")
    found = {
        name: message
        for name, level, message in client.violations(response)
        if name
        in ("cnlic-101-outside-mainland", "cnlic-103-location-unknown", "cnlic-202-management-exposed")
    }
    assert set(found) == set(expected), found
    for name, words in expected.items():
        assert words in found[name], found[name]
    assert not [m for _, _, m in client.violations(response) if "could not evaluate" in m]


@pytest.mark.parametrize("brackets", [('{"a": ', "}"), ("[", "]")])
def test_values_nested_deeper_than_the_stack_are_exit_2(tmp_path, brackets):
    opening, closing = brackets
    deep = opening * 900 + '"x"' + closing * 900
    doc = json.dumps(preview(step(SWITCH, "sw", {"zoneId": "cn-beijing-h", "tags": "@"}))).replace(
        '"@"', deep
    )
    result = scan(write(tmp_path, doc), *ARGS)
    assert result.exit_status == 2
    assert result.stderr.strip().endswith(f"{ZONE}: property values nested too deeply to be read")
