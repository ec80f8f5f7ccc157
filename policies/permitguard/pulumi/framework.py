"""The permit as each policy's compliance framework (Pulumi's `PolicyComplianceFramework`): platform teams
group and filter policies by framework in Pulumi Cloud."""

from __future__ import annotations

from pulumi_policy import PolicyComplianceFramework

from permitguard.errors import PermitguardError
from permitguard.license import LicenseProfile
from permitguard.license_file import find_profile, load_profile
from permitguard.rule_catalog import RuleMeta

FRAMEWORK = "增值电信业务经营许可证 (PRC value-added telecom operating permit)"


def startup_profile() -> LicenseProfile | None:
    """The profile the pack finds when it starts ($PERMITGUARD_LICENSE, ./permitguard.yaml, bundled): it
    names the permit in the policies' compliance framework. A profile set in the pack's configuration judges
    the stack (permitguard.pulumi.config); the metadata is told before any configuration arrives."""
    try:
        path, how = find_profile(None, None, None)
        return load_profile(path, how)
    except PermitguardError:
        return None  # the framework then names no permit; every policy fails on the broken profile


def of(meta: RuleMeta, permit: LicenseProfile | None) -> PolicyComplianceFramework:
    """The permit as the policy's compliance framework: reference = permit number, version = its term,
    specification = the clauses the rule enforces."""
    return PolicyComplianceFramework(
        name=FRAMEWORK,
        version=f"{permit.issued.isoformat()}/{permit.expires.isoformat()}" if permit else None,
        reference=permit.number if permit else None,
        specification=", ".join(meta.clauses),
    )
