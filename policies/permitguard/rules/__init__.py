"""The rules, one module per duty family. The family list is explicit: a reader finds every rule here."""

from __future__ import annotations

from permitguard.rule_catalog import RuleCatalog
from permitguard.rules import (
    bandwidth,
    configuration,
    control_plane,
    edge,
    filing,
    grading,
    links,
    logs,
    personal_data,
    rbac,
    residency,
    sites,
    validity,
    vpn,
)
from permitguard.rules.base import Rule, Verdict

FAMILIES = (configuration, residency, control_plane, rbac, filing, links, vpn, sites, logs, validity,
            personal_data, edge, bandwidth, grading)


def _collect() -> dict[str, Rule]:
    rules: dict[str, Rule] = {}
    for family in FAMILIES:
        for rule_id, fn in family.RULES.items():
            if rule_id in rules:
                raise ValueError(f"rule {rule_id} is defined twice")
            rules[rule_id] = fn
    return rules


RULES = _collect()


def check_against_catalog(catalog: RuleCatalog) -> list[str]:
    """Ids implemented but not catalogued, or catalogued but not implemented."""
    return sorted(set(RULES) ^ set(catalog.ids()))


__all__ = ["RULES", "Rule", "Verdict", "check_against_catalog"]
