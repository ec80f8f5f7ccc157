"""permitguard policy pack: `pulumi preview --policy-pack policies/pulumi` (set-up in README.md here)."""
from pulumi_policy import PolicyPack

from permitguard.pulumi.policies import NAME, pack_policies

PolicyPack(name=NAME, policies=pack_policies())
