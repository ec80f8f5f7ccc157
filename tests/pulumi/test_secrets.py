"""permitguard.pulumi.secrets: pulumi-policy hands policies "[secret]", never a secret's plaintext."""
from __future__ import annotations

import pulumi_policy.policy as sdk

from permitguard.pulumi import secrets, wire

SECRET = {wire.SIG_KEY: wire.SECRET_SIG, "value": "hunter2"}


def test_blinded_replaces_every_secret():
    props = {"password": SECRET, "tags": {"owner": SECRET}, "list": [SECRET, "plain"], "region": "cn-beijing"}
    assert secrets.blinded(props) == {"password": "[secret]", "tags": {"owner": "[secret]"},
                                      "list": ["[secret]", "plain"], "region": "cn-beijing"}


def test_installed_deserialisation_blinds_analyze_but_not_remediate():
    secrets.install()
    secrets.install()  # idempotent
    assert sdk.deserialize_properties({"password": SECRET}) == {"password": "[secret]"}
    assert sdk.deserialize_properties({"password": SECRET}, True)["password"] == "hunter2"
