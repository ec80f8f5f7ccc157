"""The Checkov front door: one check per rule of the rule catalog, built by `build_checks(rules)`.

A check translates Checkov's conf (and graph) into a `Resource`, asks the engine for its one rule,
and answers in Checkov's words: PASSED, FAILED, or UNKNOWN for "does not apply". Nothing escapes:
Checkov turns an exception into a silent UNKNOWN, so every error becomes FAILED with the reason in
`details` — a missing or broken licence profile fails every check, it never passes one.
"""
from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from checkov.common.bridgecrew.severities import Severities
from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.kubernetes.checks.resource.base_spec_check import BaseK8Check
from checkov.terraform.checks.module.base_module_check import BaseModuleCheck
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck

from permitguard.checkov import run_state
from permitguard.model import Resource, Status
from permitguard.peers import Peers
from permitguard.rule_catalog import RuleCatalog, RuleMeta

# Checkov loads an external-checks dir once per framework runner process (about twenty), so this module
# imports only what registering needs; the engine, evaluation and catalogs load when a check first runs.

# Checkov's category vocabulary for each duty family of the rule catalog.
CATEGORIES = {"residency": CheckCategories.GENERAL_SECURITY, "control_plane": CheckCategories.IAM,
              "filing": CheckCategories.CONVENTION}
RESULTS = {Status.PASSED: CheckResult.PASSED, Status.FAILED: CheckResult.FAILED,
           Status.NOT_APPLICABLE: CheckResult.UNKNOWN}


@contextmanager
def collection_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused while a check judges (and enabled again after, as it was).
    Checkov's graph keeps hundreds of thousands of objects alive; each full collection that our evaluation's
    allocations would trigger walks all of them, and costs more than the evaluation itself. Nothing is
    lost: what the check leaves behind is collected at the next collection after it."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


class _Judging:
    """What both kinds of check share: the file Checkov is scanning, and the verdict of one rule over the
    resources a Checkov entity stands for, in Checkov's words (details bilingual, with the fix)."""

    meta: RuleMeta
    details: list[str]
    _scanned_file = ""

    def run(self, scanned_file: str, entity_configuration: dict[str, Any], entity_name: str,
            entity_type: str, skip_info: Any) -> Any:
        """A `checkov:skip` of this check that gives no reason (Checkov: "No comment provided") is not
        honoured: the check runs as if unskipped and a failure says that the suppression needs a reason."""
        from permitguard import suppression

        self._scanned_file = scanned_file
        refused = bool(skip_info) and suppression.reasonless(skip_info.get("suppress_comment"))
        result = super().run(scanned_file, entity_configuration, entity_name, entity_type,  # type: ignore[misc]
                             {} if refused else skip_info)
        if refused and result.get("result") is CheckResult.FAILED:
            words = suppression.refused(self.meta.id)
            self.details = [*self.details, words.en, words.zh]
        return result

    def _judge(self, resources: Callable[[], list[tuple[Resource, Peers | None]]],
               not_failed: CheckResult | None = None) -> CheckResult:
        """FAILED with the reason for any error; UNKNOWN when nothing is judged; else the worst verdict
        (`not_failed` replaces a pass or not-applicable: the module check reports only failures)."""
        self.details = []
        try:
            from permitguard.checkov import shared

            with collection_paused():
                ctx = shared.context()
                found = [f for r, peers in resources() for f in shared.findings(r, ctx, self.meta.id, peers)]
        except Exception as exc:  # noqa: BLE001 - the edge: fail closed, say why
            self.details = [f"permitguard could not evaluate {self.meta.id}: {exc}"]
            return CheckResult.FAILED
        findings = sorted(found, key=lambda f: f.status is not Status.FAILED)
        if not findings:
            return CheckResult.UNKNOWN  # not created (module count = 0), or the profile disables the rule
        finding = findings[0]
        if finding.status is not Status.FAILED:
            return not_failed or RESULTS[finding.status]
        from permitguard.report.inputs.checkov_json import detail_entry

        self.details = [finding.message_en, finding.message_zh, f"Fix: {self.meta.remediation.en}",
                        f"修复：{self.meta.remediation.zh}", f"Enforcement: {finding.enforcement}",
                        detail_entry(finding),  # the same for `permitguard report`, as JSON: not re-parsed
                        # Checkov prints no header: say which profile judged (it depends on cwd and env)
                        f"Licence: {ctx.profile.number} ({ctx.profile.source}: {ctx.profile.path})"]
        return CheckResult.FAILED

    def _roots(self, address: str, block_type: str) -> list[str]:
        from permitguard.checkov import roots, shared

        if getattr(self, "graph", None) is None:
            raise RuntimeError("Checkov provided no Terraform graph: the root module cannot be found")
        return roots.root_dirs(shared.graph_nodes_of(self.graph), address, block_type, self._scanned_file,
                               shared.graph_index_of(self.graph))


class PermitguardCheck(_Judging, BaseResourceCheck):
    """One rule of the catalog as a Checkov resource check (registers itself on construction)."""

    def __init__(self, meta: RuleMeta, supported_resources: list[str]) -> None:
        category = CATEGORIES.get(meta.family, CheckCategories.GENERAL_SECURITY)
        super().__init__(name=meta.title.en, id=meta.id, categories=[category],
                         supported_resources=supported_resources,
                         guideline=f"permitguard {meta.id}: {meta.remediation.en}")
        self.severity = Severities[meta.severity]
        self.meta = meta

    def scan_entity_conf(self, conf: dict[str, Any], entity_type: str) -> CheckResult:
        self.entity_type = entity_type
        if conf.get("count") == [0]:
            return CheckResult.UNKNOWN  # the resource does not exist (as BaseResourceCheck decides)
        return self.scan_resource_conf(conf)

    def scan_resource_conf(self, conf: dict[str, Any]) -> CheckResult:
        return self._judge(lambda: self._resources(conf))

    def _resources(self, conf: Mapping[str, Any]) -> list[tuple[Resource, Peers | None]]:
        """`_resources_of(conf)`, found once for the checks of every rule: Checkov hands each check of one
        entity the same conf, one check after the other (a failure is not kept: each check finds it)."""
        held = run_state.current().entity
        graph = getattr(self, "graph", None)
        if not (held and held[0] is conf and held[1] == self._scanned_file and held[2] is graph):
            held[:] = [conf, self._scanned_file, graph, self._resources_of(conf)]
        return list(held[3])

    def _resources_of(self, conf: Mapping[str, Any]) -> list[tuple[Resource, Peers | None]]:
        """The resource as each root configuration that creates it sees it, from the shared Terraform
        evaluation (permitguard.terraform, the CLI's own): one, several for a module called from several
        root directories (Checkov reports it once, so the worst verdict counts), none when Terraform
        creates no instance of it (count = 0, an empty for_each, a module called that way)."""
        from permitguard.checkov import shared

        plan_file = conf.get("__file__")
        if plan_file:  # terraform_plan: Checkov's conf carries no provider; read the plan itself
            path = plan_file[0] if isinstance(plan_file, list) else plan_file
            peers = shared.plan_peers(str(path))
            return [(r, peers) for r in shared.plan_resources(str(path), str(conf.get("__address__")))]
        address = str(conf.get("__address__"))
        found = self._roots(address, "resource")
        if not found:
            raise RuntimeError(f"{address} is not in Checkov's Terraform graph")
        expanded = "count" in conf or "for_each" in conf
        return [(r, shared.hcl_peers(root))
                for root in found for r in shared.hcl_instances(root, address, expanded)]


class PermitguardModuleCheck(_Judging, BaseModuleCheck):
    """CKV_CNLIC_100 on Checkov's module calls: a call whose source is not on disk hides the resources it
    declares, so it fails (Checkov itself skips it silently); so does a call on disk that Checkov did not
    load (a `terraform init` download). A readable call is not reported: its resources are judged."""

    def __init__(self, meta: RuleMeta) -> None:
        super().__init__(name=meta.title.en, id=meta.id, categories=[CheckCategories.GENERAL_SECURITY],
                         guideline=f"permitguard {meta.id}: {meta.remediation.en}")
        self.severity = Severities[meta.severity]
        self.meta = meta

    def scan_module_conf(self, conf: dict[str, Any]) -> CheckResult:
        return self._judge(lambda: [(p, None) for p in self._parts(conf)], not_failed=CheckResult.UNKNOWN)

    def _parts(self, conf: Mapping[str, Any]) -> list[Resource]:
        from permitguard.checkov import shared

        name = str(conf.get("__address__"))
        address = name if name.startswith("module.") else f"module.{name}"
        found = self._roots(name, "module")
        parts = [p for root in found for p in shared.hcl_parts(root, address)]
        if not parts and not conf.get("__resolved__"):  # readable, but Checkov did not load it
            parts = [p for root in found for p in shared.hcl_unloaded(root, address, self._scanned_file)]
        return parts


class PermitguardKubernetesCheck(_Judging, BaseK8Check):
    """A rule that judges Kubernetes objects (CKV_CNLIC_203) as a check of Checkov's kubernetes framework
    (`checkov -d manifests/ --framework kubernetes`): each object is judged as the CLI reads it from its
    file (`shared.manifest_resources`), so both front doors give one verdict."""

    def __init__(self, meta: RuleMeta, kinds: list[str]) -> None:
        category = CATEGORIES.get(meta.family, CheckCategories.GENERAL_SECURITY)
        self._fix = f"permitguard {meta.id}: {meta.remediation.en}"
        super().__init__(name=meta.title.en, id=meta.id, categories=[category], supported_entities=kinds,
                         guideline=self._fix)
        self.severity = Severities[meta.severity]
        self.meta = meta

    def scan_spec_conf(self, conf: dict[str, Any]) -> CheckResult:
        from permitguard.checkov import shared

        result = self._judge(lambda: [(r, None) for r in shared.manifest_resources(self._scanned_file, conf)])
        # Checkov 3.3's kubernetes runner drops a check's `details` from its records and keeps only the
        # guideline, read right after the check ran: a failure's guideline says why, in both languages.
        why = " / ".join(self.details[:2]) if result is CheckResult.FAILED else ""
        self.guideline = f"{why} — {self._fix}" if why else self._fix
        return result


# The rules that judge Kubernetes objects; Checkov hands them the kinds of data/kubernetes_rbac.yaml `kinds`.
KUBERNETES_RULES = ("CKV_CNLIC_203",)


def kubernetes_kinds() -> list[str]:
    from permitguard.rbac_catalog import RbacCatalog

    return sorted(RbacCatalog.load().kinds)


def supported_resources(rule_id: str, registered: dict[str, list[str]]) -> list[str]:
    """The resource types a rule's check is registered for (`judged_types`): every type (a Checkov
    wildcard) for a rule that judges every resource it reads — types with no location (random, null, tls …)
    come out not applicable, which Checkov does not report; a type of an unknown provider fails closed like
    in the CLI — else the types its rule's type gate lets through: on every other type the rule is not
    applicable, which Checkov does not report either. A rule the file does not list: every type."""
    return registered.get(rule_id) or ["*"]


def build_checks(rules: RuleCatalog) -> list[_Judging]:
    """One check per implemented rule of `rules`, registered with Checkov once per process (constructing a
    check registers it: the registered ones are kept in `run_state.checks`)."""
    if not run_state.checks:
        from permitguard.checkov import judged_types

        try:
            registered = judged_types.load()
        except Exception:  # noqa: BLE001 - unreadable: every check on every type (slower, never blind)
            registered = {}
        run_state.checks.extend(PermitguardModuleCheck(meta) if meta.family == "configuration" else
                                PermitguardCheck(meta, supported_resources(meta.id, registered))
                                for meta in rules)  # every id implemented:
        # tests/test_rule_catalog.py holds the catalog and permitguard.rules to the same ids
        kinds = kubernetes_kinds()
        run_state.checks.extend(PermitguardKubernetesCheck(meta, kinds) for meta in rules
                                if meta.id in KUBERNETES_RULES)
    return list(run_state.checks)
