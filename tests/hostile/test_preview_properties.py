"""Property tests (Hypothesis) over the Pulumi preview reader, through the CLI, and over the pack's Analyze,
through gRPC: whatever the document or the wire values — random steps, ops, URNs, `custom` flags, provider
references, stack config, and property values mixing Pulumi's signature objects (secrets, output values,
resource references, assets, archives, signatures nobody defined) — the scan either exits 2 with one line, or
every step of a cloud resource is among the findings; the pack always answers with a verdict, never a gRPC
error or a "could not evaluate"."""

from __future__ import annotations

import json
from collections.abc import Mapping
from itertools import count
from typing import Any

import grpc
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import cli
from hostile.previews import (
    ARCHIVE,
    ASSET,
    OUTPUT_SIG,
    PROVIDER,
    REF_SIG,
    RULE,
    SECRET,
    SIG,
    STACK,
    SWITCH,
    UNKNOWN,
    urn,
)
from hostile.support import AS_OF, BUNDLED, pack_client
from permitguard.pulumi.wire import urn_type
from permitguard.resources import ResourceTypeCatalog

_RUNS = count()
SETTINGS = settings(
    max_examples=150,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
TOKENS = [
    SWITCH,
    RULE,
    "aws:ec2/instance:Instance",
    "my:network:Bundle",
    "pulumi:pulumi:Stack",
    PROVIDER,
    "pulumi:providers:aws",
    "unknowncloud:x/y:Z",
]
SIGS = [
    "1b47061264138c4ac30d75fd1eb44270",
    OUTPUT_SIG,
    REF_SIG,
    "c44067f5952c0a294b673a41bacd8c17",
    "0def7320c3a5731c473e5ecbe6d01bc7",
    "ffffffffffffffffffffffffffffffff",
]
STRINGS = [
    "cn-hongkong-b",
    "cn-beijing-h",
    "cn-beijing",
    "cn-hongkong",
    "10.0.0.0/8",
    "0.0.0.0/0",
    "22/22",
    "ingress",
    "tcp",
    "accept",
    "[secret]",
    UNKNOWN,
    "",
    "x",
]
KEYS = [
    "zoneId",
    "cidrIp",
    "portRange",
    "ipProtocol",
    "type",
    "policy",
    "region",
    "tags",
    "value",
    "secret",
    "id",
    "urn",
    "path",
    "assets",
    "dependencies",
    "availabilityZone",
    SIG,
]
SCALAR = (
    st.none()
    | st.booleans()
    | st.integers(-2, 70000)
    | st.floats(width=16)
    | st.sampled_from(STRINGS)
)


def _signed(children: st.SearchStrategy) -> st.SearchStrategy:
    return st.builds(
        lambda sig, rest: {SIG: sig, **rest},
        st.sampled_from(SIGS) | SCALAR,
        st.dictionaries(
            st.sampled_from(["value", "secret", "id", "urn", "path", "text", "assets"]), children, max_size=3
        ),
    )


WIRE = st.recursive(
    SCALAR | st.sampled_from([SECRET, ASSET, ARCHIVE]),
    lambda c: st.lists(c, max_size=3) | st.dictionaries(st.sampled_from(KEYS), c, max_size=4) | _signed(c),
    max_leaves=12,
)
INPUTS = st.fixed_dictionaries(
    {},
    optional={
        k: WIRE for k in ("zoneId", "cidrIp", "portRange", "ipProtocol", "type", "policy", "region", "tags")
    },
)
OPS = st.sampled_from(
    [
        "create",
        "update",
        "same",
        "delete",
        "replace",
        "create-replacement",
        "delete-replaced",
        "read",
        "import",
        "refresh",
        "discard",
    ]
)
NAMES = st.sampled_from(["a", "a", "b", "default", "default_3_0_0"])


def _step(op: Any, token: str, name: str, inputs: Any, provider: Any, custom: Any, old: Any) -> dict:
    the_urn = urn(token, name)
    state = {"urn": the_urn, "type": token, "custom": custom, "inputs": inputs}
    step = {"op": op, "urn": the_urn, "provider": provider, "newState": state}
    if old is not None:
        step["oldState"] = {"urn": the_urn, "type": token, "inputs": old}
    return step


PROVIDER_REFS = st.sampled_from(
    [
        "",
        f"{urn(PROVIDER, 'a')}::id",
        f"{urn(PROVIDER, 'default_3_0_0')}::id",
        f"{urn('pulumi:providers:aws', 'b')}::id",
        "junk",
    ]
)
STEP = st.builds(
    _step,
    OPS | st.sampled_from(["teleport", 3]),
    st.sampled_from(TOKENS),
    NAMES,
    INPUTS,
    PROVIDER_REFS,
    st.booleans() | st.none(),
    st.none() | INPUTS,
)
CONFIG = st.dictionaries(st.sampled_from(["alicloud:region", "aws:region", "x"]), WIRE, max_size=2)
PREVIEW = st.fixed_dictionaries({"steps": st.lists(STEP, max_size=5)}, optional={"config": CONFIG})
ANY_DOC = st.one_of(
    PREVIEW,
    PREVIEW,
    PREVIEW,
    st.recursive(
        SCALAR,
        lambda c: (
            st.lists(c, max_size=3)
            | st.dictionaries(
                st.sampled_from(
                    ["steps", "config", "urn", "op", "newState", "oldState", "inputs", "provider", "type"]
                ),
                c,
                max_size=4,
            )
        ),
        max_leaves=12,
    ),
)
TYPES = ResourceTypeCatalog.load()


def _judged_steps(doc: Mapping[str, Any]) -> set[str]:
    """URNs of the steps that are cloud resources: each must be among the findings."""
    found = set()
    for step in doc.get("steps") or []:
        state = step.get("newState") if step.get("newState") is not None else step.get("oldState")
        token = state.get("type") or urn_type(step["urn"]) or ""
        package = token.split(":", 1)[0]
        if package == "pulumi" or token.startswith("pulumi:providers:"):
            continue
        if state.get("custom") is False and TYPES.cloud_of_pulumi_package(package) is None:
            continue  # a component
        found.add(step["urn"])
    return found


def _scan(tmp_path, doc: Any) -> None:
    path = tmp_path / f"preview-{next(_RUNS)}.json"  # a new file each time: no reader cache can answer
    path.write_text(json.dumps(doc), encoding="utf-8")
    run = cli("scan", str(path), "--format", "json", "--license", str(BUNDLED), "--as-of", AS_OF)
    assert "Traceback" not in run.stderr and "internal error" not in run.stderr, run.stderr
    if run.exit_status == 2:
        assert len(run.stderr.strip().splitlines()) == 1 and not run.stdout, run.stderr
        return
    assert run.exit_status in (0, 1), run
    addresses = {f["resource"]["address"] for f in json.loads(run.stdout)["findings"]}
    missing = [u for u in _judged_steps(doc) if not any(a == u or a.startswith(u + " (") for a in addresses)]
    assert not missing, missing
    assert not [a for a in addresses if "could not evaluate" in a]


@SETTINGS
@given(PREVIEW)
def test_any_preview_is_accounted_for_or_exit_2(tmp_path, doc):
    _scan(tmp_path, doc)


@SETTINGS
@given(ANY_DOC)
def test_any_json_document_is_accounted_for_or_exit_2(tmp_path, doc):
    _scan(tmp_path, doc)


@pytest.fixture(scope="module")
def pack():
    started = pack_client().Pack.start(env={"PERMITGUARD_AS_OF": AS_OF, "PERMITGUARD_LICENSE": ""})
    started.configure_stack()
    started.configure({})
    yield started
    started.stop()


@settings(
    max_examples=120,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.sampled_from(TOKENS[:4]), INPUTS, st.none() | st.fixed_dictionaries({"region": WIRE}))
def test_the_pack_answers_every_wire_value_with_a_verdict(pack, token, props, provider):
    client = pack_client()
    request = client.request(token, "r", props, (PROVIDER, "p", provider) if provider is not None else None)
    try:
        response = pack.analyze(request)
    except grpc.RpcError as exc:
        pytest.fail(f"the pack answered a gRPC error: {exc.details()}")
    found = client.violations(response)
    messages = [m for _, _, m in found]
    assert not [m for m in messages if "could not evaluate" in m or "can't run policy" in m], messages
    if token in (SWITCH, RULE) and provider is None:  # a cloud resource naming no provider: never unseen
        skipped = client.not_applicable(response)
        assert not [r for r in skipped.values() if "not a cloud resource" in r], skipped
    assert STACK
