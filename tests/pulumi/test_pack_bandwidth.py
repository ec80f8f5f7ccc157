"""CKV_CNLIC_405 through the pack (gRPC): Alibaba CEN grants, the bridged types among the bandwidth grants
(the Tencent CCN attachment v1 is not published by its bridge, no Huawei CC authorisation token was verified);
the properties as Pulumi sends them (cenOwnerId), unknowns as a preview sends them."""
from __future__ import annotations

from pack_client import request, violations

ALI = ("pulumi:providers:alicloud", "sh", {"region": "cn-shanghai"})
GRANT = "alicloud:cen/instanceGrant:InstanceGrant"
TR_GRANT = "alicloud:cen/transitRouterGrantAttachment:TransitRouterGrantAttachment"
OURS, OTHER = "1234567890123456", "5566778899001122"  # organization.accounts of the bundled profile; not
UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"  # the engine's unknown sentinel in a preview


def found(response) -> list[tuple[str, str, str]]:
    return [(name, level, text) for name, level, text in violations(response) if name.startswith("cnlic-405")]


def test_a_cen_grant_to_another_account_is_a_mandatory_violation_naming_the_account(pack):
    out = pack.analyze(request(GRANT, "reseller", {"cenId": "cen-1", "childInstanceId": "vpc-1",
                                                   "cenOwnerId": OTHER}, ALI))
    [(name, level, message)] = found(out)
    assert (name, level) == ("cnlic-405-bandwidth-shared-outside", "mandatory")
    assert OTHER in message and "cen_owner_id" in message and "SP-4" in message


def test_a_grant_to_the_organisations_account_passes(pack):
    for token in (GRANT, TR_GRANT):
        out = pack.analyze(request(token, "group", {"cenId": "cen-1", "instanceId": "vpc-1",
                                                    "childInstanceId": "vpc-1", "cenOwnerId": OURS}, ALI))
        assert found(out) == []


def test_an_owner_unknown_during_preview_could_not_be_established(pack):
    out = pack.analyze(request(TR_GRANT, "later", {"cenId": "cen-1", "instanceId": "vpc-1",
                                                   "cenOwnerId": UNKNOWN}, ALI))
    [(_, level, message)] = found(out)
    assert level == "mandatory" and "cannot be established" in message
