"""The pack's policies, one per rule of the catalog, built by a factory (no rule logic, no metadata here).

Each policy is a ResourceValidationPolicy named by the catalog (its kebab `name`, the id in it), described
by its bilingual title, at the catalog's default enforcement, with the licence settings as its config
schema. It turns the Analyze request into a Resource (permitguard.pulumi.adapter), asks the engine for
its rule's verdict, and reports FAILED as a violation (bilingual message), NOT_APPLICABLE as not
applicable. It never raises: an exception in a policy aborts the user's whole preview.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from pulumi_policy import (
    EnforcementLevel,
    PolicyConfigSchema,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    Severity,
)
from pulumi_policy.proxy import UnknownValueError

from permitguard.license import LicenseProfile
from permitguard.model import Finding, Status
from permitguard.pulumi import config, levels, run_state, secrets, shared_reads
from permitguard.pulumi import framework as compliance
from permitguard.rule_catalog import RuleCatalog, RuleMeta

if TYPE_CHECKING:  # the engine's half is imported by the first Analyze (`_evaluate`), not at start
    from permitguard.context import Context

NAME = "permitguard"


def pack_policies(catalog: RuleCatalog | None = None) -> list[ResourceValidationPolicy]:
    """Every policy of the pack, in catalog order (the pack's rule catalog, loaded here once when not
    given); installs secret blinding (permitguard.pulumi.secrets), one read of each request for all policies
    (permitguard.pulumi.shared_reads) and the record of configured levels (permitguard.pulumi.levels)."""
    secrets.install()
    shared_reads.install()
    levels.install()
    permit = compliance.startup_profile()
    return [_policy(meta, permit) for meta in (catalog or RuleCatalog.load())]


def _policy(meta: RuleMeta, permit: LicenseProfile | None = None) -> ResourceValidationPolicy:
    return ResourceValidationPolicy(
        name=meta.name, description=f"{meta.title.en} / {meta.title.zh}", validate=_validator(meta),
        enforcement_level=EnforcementLevel(meta.enforcement),
        config_schema=PolicyConfigSchema(dict(config.CONFIG_SCHEMA)),
        severity=Severity.__members__.get(meta.severity), tags=[meta.id, *meta.clauses],
        remediation_steps=f"{meta.remediation.en}\n{meta.remediation.zh}",
        framework=compliance.of(meta, permit),
    )


def _validator(meta: RuleMeta) -> Callable[[ResourceValidationArgs, ReportViolation], None]:
    def validate(args: ResourceValidationArgs, report_violation: ReportViolation) -> None:
        status, text = outcome(meta.id, args, levels.blocks(meta.name, meta.enforcement))
        if status is Status.FAILED:
            report_violation(text)
        elif status is Status.NOT_APPLICABLE:
            args.not_applicable(text)

    validate.__name__ = f"validate_{meta.id.lower()}"
    return validate


_TOLD = (Status.FAILED, Status.NOT_APPLICABLE)  # the verdicts a policy reports: only their text is made


def outcome(rule_id: str, args: ResourceValidationArgs, blocking: bool = True) -> tuple[Status | None, str]:
    """(status, message) of one rule on one Analyze request; (None, "") when nothing is to be said. A pass
    gives no message: it is never reported, so its text is not rendered.
    `blocking`: whether this policy's violations are mandatory (a profile problem must block)."""
    try:
        own = args.get_config() or None  # the policies without settings of their own share one look-up
        ctx = shared_reads.once("context", own, lambda: config.context(own, pack=levels.profile_settings()))
        if isinstance(ctx, config.ProfileProblem):
            return (Status.FAILED, ctx.message) if _first_report(ctx.message, blocking) else (None, "")
        findings = _findings(args, ctx)
        if findings is None:
            return Status.NOT_APPLICABLE, _not_judged(args.resource_type, ctx)
        finding = findings[rule_id]
        return finding.status, text(finding) if finding.status in _TOLD else ""
    except Exception as exc:  # noqa: BLE001 - fail closed, never abort the preview
        return Status.FAILED, f"permitguard could not evaluate {args.urn}: {type(exc).__name__}: {exc}"


def _not_judged(token: str, ctx: Context) -> str:
    if ctx.types.pulumi_provider_package(token):
        return f"{token}: this provider configuration sets no region; the resources it manages are judged"
    return f"{token} is not a cloud resource permitguard judges"


def text(finding: Finding) -> str:
    """A violation message: English, Chinese, then the rule id and the permit clauses it enforces."""
    return f"{finding.message_en}\n{finding.message_zh}\n{finding.rule_id} ({', '.join(finding.clauses)})"


def _findings(args: ResourceValidationArgs, ctx: Context) -> dict[str, Finding] | None:
    """Every rule's finding for this resource, computed once for the policies of one Analyze request."""
    token = levels.request_token()
    memo = run_state.current().request
    if token is not None and getattr(memo, "memo_token", None) is token and memo.ctx is ctx:
        return memo.findings
    memo.memo_token = None
    found = _evaluate(args, ctx)
    memo.memo_token, memo.ctx, memo.findings = token, ctx, found
    return found


def _evaluate(args: ResourceValidationArgs, ctx: Context) -> dict[str, Finding] | None:
    from permitguard import engine
    from permitguard.pulumi import adapter, providers
    p = args.provider
    info = providers.ProviderInfo(p.resource_type, p.name, p.urn, raw(p.props)) if p is not None else None
    resource = adapter.to_resource(args.resource_type, args.urn, raw(args.props), info, ctx.types)
    if resource is None:
        return None
    return {f.rule_id: f for f in engine.evaluate(resource, ctx)}


def raw(value: Any) -> Any:
    """pulumi-policy's unknown-checking proxies → plain wire values, unknowns back to their sentinels."""
    if isinstance(value, Mapping):
        return {key: raw(_item(value, key)) for key in value}
    if isinstance(value, Sequence) and not isinstance(value, str):
        return [raw(_item(value, i)) for i in range(len(value))]
    return value


def _item(container: Any, key: Any) -> Any:
    try:
        return container[key]
    except UnknownValueError as exc:
        return exc.unknown_type_sentinel


def _first_report(message: str, blocking: bool) -> bool:
    """True once per process for each profile problem: one clear violation, not one per resource. An
    advisory report does not count as the one: the first mandatory policy reports it too."""
    state = run_state.current()
    with state.reported_lock:
        done = state.reported.setdefault(message, set())
        if True in done or blocking in done:
            return False
        done.add(blocking)
        return True
