"""Checkov `--external-checks-dir` entry: registers one check per permitguard rule (CKV_CNLIC_*).

    checkov -d DIR --external-checks-dir policies/checkov --skip-download
    checkov -f plan.json --framework terraform_plan --external-checks-dir policies/checkov --skip-download

Checkov imports this file by its bare name, so it holds no relative imports; permitguard itself must be
installed in Checkov's environment. If it is not (or cannot load its catalogs), Checkov would log the
import error and pass everything; instead one sentinel check, CKV_CNLIC_000, fails every resource with
the reason — a validator that could not run never says "pass".
"""
from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck


class PermitguardUnavailable(BaseResourceCheck):
    """Fails every resource: permitguard's checks could not be loaded."""

    def __init__(self, reason: str) -> None:
        super().__init__(name="permitguard checks could not be loaded: nothing was evaluated",
                         id="CKV_CNLIC_000", categories=[CheckCategories.GENERAL_SECURITY],
                         supported_resources=["*"])
        self.reason = reason

    def scan_resource_conf(self, conf):
        self.details = [self.reason]
        return CheckResult.FAILED


try:
    from permitguard.checkov.checks import build_checks
    from permitguard.checkov.quiet import one_line_engine_logs
    from permitguard.rule_catalog import RuleCatalog

    one_line_engine_logs()  # Checkov's parse-timeout warnings without their tracebacks
    CHECKS = build_checks(RuleCatalog.load())  # the catalog, loaded here once: all registering needs
except Exception as exc:  # noqa: BLE001 - the edge: fail closed, say why
    CHECKS = [PermitguardUnavailable(f"permitguard could not be loaded: {type(exc).__name__}: {exc}")]
