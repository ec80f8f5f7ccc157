"""The Checkov front door: one check per rule of the rule catalog, built by `build_checks()`.

A check translates Checkov's conf (and graph) into a `Resource`, asks the engine for its one rule,
and answers in Checkov's words: PASSED, FAILED, or UNKNOWN for "does not apply". Nothing escapes:
Checkov turns an exception into a silent UNKNOWN, so every error becomes FAILED with the reason in
`details` — a missing or broken licence profile fails every check, it never passes one.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from checkov.common.bridgecrew.severities import Severities
from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.module.base_module_check import BaseModuleCheck
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck

from permitguard.model import Resource, Status
from permitguard.rule_catalog import RuleCatalog, RuleMeta

# Checkov loads an external-checks dir once per framework runner process (about twenty), so this module
# imports only what registering needs; the engine, adapter and catalogs load when a check first runs.

# Checkov's category vocabulary for each duty family of the rule catalog.
CATEGORIES = {"residency": CheckCategories.GENERAL_SECURITY, "control_plane": CheckCategories.IAM,
              "filing": CheckCategories.CONVENTION}
RESULTS = {Status.PASSED: CheckResult.PASSED, Status.FAILED: CheckResult.FAILED,
           Status.NOT_APPLICABLE: CheckResult.UNKNOWN}


class PermitguardCheck(BaseResourceCheck):
    """One rule of the catalog as a Checkov resource check (registers itself on construction)."""

    def __init__(self, meta: RuleMeta, supported_resources: list[str]) -> None:
        category = CATEGORIES.get(meta.family, CheckCategories.GENERAL_SECURITY)
        super().__init__(name=meta.title.en, id=meta.id, categories=[category],
                         supported_resources=supported_resources,
                         guideline=f"permitguard {meta.id}: {meta.remediation.en}")
        self.severity = Severities[meta.severity]
        self.meta = meta
        self._scanned_file = ""

    def run(self, scanned_file: str, entity_configuration: dict[str, Any], entity_name: str,
            entity_type: str, skip_info: Any) -> Any:
        self._scanned_file = scanned_file
        return super().run(scanned_file, entity_configuration, entity_name, entity_type, skip_info)

    def scan_entity_conf(self, conf: dict[str, Any], entity_type: str) -> CheckResult:
        self.entity_type = entity_type
        if conf.get("count") == [0]:
            return CheckResult.UNKNOWN  # the resource does not exist (as BaseResourceCheck decides)
        return self.scan_resource_conf(conf)

    def scan_resource_conf(self, conf: dict[str, Any]) -> CheckResult:
        self.details = []
        try:
            from permitguard import engine
            from permitguard.checkov import shared

            ctx = shared.context()
            found = [engine.evaluate(r, ctx, [self.id]) for r in self._resources(conf)]
        except Exception as exc:  # noqa: BLE001 - the edge: fail closed, say why
            self.details = [f"permitguard could not evaluate {self.id}: {exc}"]
            return CheckResult.FAILED
        findings = sorted((f for fs in found for f in fs), key=lambda f: f.status is not Status.FAILED)
        if not findings:
            return CheckResult.UNKNOWN  # not created (module count = 0), or the profile disables the rule
        finding = findings[0]
        if finding.status is Status.FAILED:
            self.details = [finding.message_en, finding.message_zh, f"Fix: {self.meta.remediation.en}",
                            f"修复：{self.meta.remediation.zh}", f"Enforcement: {finding.enforcement}",
                            # Checkov prints no header: say which profile judged (it depends on cwd and env)
                            f"Licence: {ctx.profile.number} ({ctx.profile.source}: {ctx.profile.path})"]
        return RESULTS[finding.status]

    def _resources(self, conf: Mapping[str, Any]) -> list[Resource]:
        """The resource as each root configuration that creates it sees it, from the shared Terraform
        evaluation (permitguard.terraform, the CLI's own): one, several for a module called from several
        root directories (Checkov reports it once, so the worst verdict counts), none when Terraform
        creates no instance of it (count = 0, an empty for_each, a module called that way)."""
        from permitguard.checkov import roots, shared

        plan_file = conf.get("__file__")
        if plan_file:  # terraform_plan: Checkov's conf carries no provider; read the plan itself
            path = plan_file[0] if isinstance(plan_file, list) else plan_file
            return [shared.plan_resource(str(path), str(conf.get("__address__")))]
        if self.graph is None:
            raise RuntimeError("Checkov provided no Terraform graph: the root module cannot be found")
        address = str(conf.get("__address__"))
        found = roots.root_dirs(shared.graph_nodes_of(self.graph), address, "resource", self._scanned_file)
        if not found:
            raise RuntimeError(f"{address} is not in Checkov's Terraform graph")
        return [r for root in found for r in shared.hcl_instances(root, address)]


class PermitguardModuleCheck(BaseModuleCheck):
    """CKV_CNLIC_100 on Checkov's module calls: a call whose source is not on disk hides the resources it
    declares, so it fails (Checkov itself skips it silently); a readable call is not reported."""

    def __init__(self, meta: RuleMeta) -> None:
        super().__init__(name=meta.title.en, id=meta.id, categories=[CheckCategories.GENERAL_SECURITY],
                         guideline=f"permitguard {meta.id}: {meta.remediation.en}")
        self.severity = Severities[meta.severity]
        self.meta = meta
        self._scanned_file = ""

    def run(self, scanned_file: str, entity_configuration: dict[str, Any], entity_name: str,
            entity_type: str, skip_info: Any) -> Any:
        self._scanned_file = scanned_file
        return super().run(scanned_file, entity_configuration, entity_name, entity_type, skip_info)

    def scan_module_conf(self, conf: dict[str, Any]) -> CheckResult:
        self.details = []
        try:
            from permitguard import engine
            from permitguard.checkov import roots, shared

            ctx = shared.context()
            name = str(conf.get("__address__"))
            address = name if name.startswith("module.") else f"module.{name}"
            if self.graph is None:
                raise RuntimeError("Checkov provided no Terraform graph: the root module cannot be found")
            found = roots.root_dirs(shared.graph_nodes_of(self.graph), name, "module", self._scanned_file)
            parts = [p for root in found for p in shared.hcl_parts(root, address)]
            if not parts and not conf.get("__resolved__"):  # readable, but Checkov did not load it
                parts = [p for root in found for p in shared.hcl_unloaded(root, address, self._scanned_file)]
            findings = [f for p in parts for f in engine.evaluate(p, ctx, [self.id])]
        except Exception as exc:  # noqa: BLE001 - the edge: fail closed, say why
            self.details = [f"permitguard could not evaluate {self.id}: {exc}"]
            return CheckResult.FAILED
        failed = [f for f in findings if f.status is Status.FAILED]
        if not failed:
            return CheckResult.UNKNOWN  # the call was read: its resources are judged themselves
        f = failed[0]
        self.details = [f.message_en, f.message_zh, f"Fix: {self.meta.remediation.en}",
                        f"修复：{self.meta.remediation.zh}", f"Enforcement: {f.enforcement}",
                        f"Licence: {ctx.profile.number} ({ctx.profile.source}: {ctx.profile.path})"]
        return CheckResult.FAILED


def supported_resources() -> list[str]:
    """Every resource type (a Checkov wildcard): the CLI judges every resource it reads, and so must the
    checks. Types with no location (random, null, tls …, kubernetes objects) come out not applicable,
    which Checkov does not report; a type of an unknown provider fails closed like in the CLI."""
    return ["*"]


_BUILT: list[PermitguardCheck | PermitguardModuleCheck] = []


def build_checks() -> list[PermitguardCheck | PermitguardModuleCheck]:
    """One check per implemented rule of the catalog, registered with Checkov once per process."""
    if not _BUILT:
        types = supported_resources()
        _BUILT.extend(PermitguardModuleCheck(meta) if meta.family == "configuration" else
                      PermitguardCheck(meta, types) for meta in RuleCatalog.load())  # every id implemented:
        # tests/test_rule_catalog.py holds the catalog and permitguard.rules to the same ids
    return list(_BUILT)
