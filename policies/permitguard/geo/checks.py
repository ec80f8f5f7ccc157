"""Consistency checks on a schema-valid region catalog that JSON Schema cannot express.

Each problem is (JSON path, message), so that CatalogError can list them like schema errors.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from permitguard.datafiles import Problem
from permitguard.geo.provinces import Provinces
from permitguard.geo.zones import ProviderRules

Canonical = Mapping[tuple[str, str], str]  # (provider, normalised region id) -> catalog region id


def catalog_problems(data: Mapping[str, Any], provinces: Provinces) -> list[Problem]:
    rules, problems = _compile(data["providers"])
    canonical, row_problems = _index(data["regions"], rules, provinces)
    problems += row_problems
    for provider, provider_rules in rules.items():
        spec = data["providers"][provider]
        problems += _reference_problems(provider, spec, provider_rules, canonical, provinces)
    problems += _edge_node_problems(data.get("edge_nodes", {}), rules, provinces)
    return problems


def _edge_node_problems(tables: Mapping[str, Any], rules: Mapping[str, ProviderRules],
                        provinces: Provinces) -> list[Problem]:
    """Edge-node tables: a catalogued provider, province codes of the province table, no node twice, no type
    in two tables."""
    problems: list[Problem] = []
    owner: dict[str, str] = {}
    for table, spec in tables.items():
        base = f"$.edge_nodes.{table}"
        if spec["provider"] not in rules:
            problems.append((f"{base}.provider", f"{spec['provider']!r} has no usable entry in providers"))
        for tf_type in spec["types"]:
            if tf_type in owner:
                problems.append((f"{base}.types.{tf_type}", f"also in $.edge_nodes.{owner[tf_type]}"))
            owner.setdefault(tf_type, table)
        seen: set[str] = set()
        for i, row in enumerate(spec["nodes"]):
            if row["province"] is not None and row["province"] not in provinces:
                problems.append((f"{base}.nodes[{i}].province",
                                 f"{row['province']!r} is not in the province table"))
            if row["node"] in seen:
                problems.append((f"{base}.nodes[{i}].node", f"{row['node']!r} is listed twice"))
            seen.add(row["node"])
    return problems


def _compile(providers: Mapping[str, Any]) -> tuple[dict[str, ProviderRules], list[Problem]]:
    rules: dict[str, ProviderRules] = {}
    problems: list[Problem] = []
    for provider, spec in providers.items():
        base = f"$.providers.{provider}"
        found = len(problems)
        for i, rule in enumerate(spec["zone_patterns"]):
            path = f"{base}.zone_patterns[{i}].pattern"
            try:
                groups = re.compile(rule["pattern"]).groupindex
            except re.error as exc:
                problems.append((path, f"not a regular expression: {exc}"))
                continue
            if "region" not in rule and "region" not in groups:
                problems.append((path, "has no named group 'region' and the rule names no 'region'"))
        if len(problems) == found:
            rules[provider] = ProviderRules.from_data(provider, spec)
    return rules, problems


def _index(
    rows: list[Mapping[str, Any]], rules: Mapping[str, ProviderRules], provinces: Provinces
) -> tuple[dict[tuple[str, str], str], list[Problem]]:
    canonical: dict[tuple[str, str], str] = {}
    first_row: dict[tuple[str, str], int] = {}
    problems: list[Problem] = []
    for i, row in enumerate(rows):
        path = f"$.regions[{i}]"
        if row["province"] is not None and row["province"] not in provinces:
            problems.append((f"{path}.province", f"{row['province']!r} is not in the province table"))
        provider_rules = rules.get(row["provider"])
        if provider_rules is None:
            problems.append((f"{path}.provider", f"{row['provider']!r} has no usable entry in providers"))
            continue
        key = (row["provider"], provider_rules.normalise(row["region"]))
        if key in canonical:
            problems.append((f"{path}.region", f"{row['region']!r} repeats $.regions[{first_row[key]}]"))
            continue
        canonical[key] = row["region"]
        first_row[key] = i
    return canonical, problems


def _reference_problems(
    provider: str,
    spec: Mapping[str, Any],
    rules: ProviderRules,
    canonical: Canonical,
    provinces: Provinces,
) -> list[Problem]:
    base = f"$.providers.{provider}"
    problems: list[Problem] = []

    def lookup(region: str) -> str | None:
        return canonical.get((provider, rules.normalise(region)))

    for i, rule in enumerate(spec["zone_patterns"]):
        path = f"{base}.zone_patterns[{i}]"
        if "region" in rule and lookup(rule["region"]) is None:
            problems.append(
                (f"{path}.region", f"{rule['region']!r} is not a {provider} region of the catalog")
            )
        for zone, expected in rule["examples"].items():
            found = rules.locate(zone, lookup)
            got = found[0] if found else None
            if got != expected:
                problems.append(
                    (f"{path}.examples.{zone}", f"zone {zone!r} gives region {got!r}, not {expected!r}")
                )
    for i, item in enumerate(spec.get("zone_exceptions", ())):
        path = f"{base}.zone_exceptions[{i}]"
        if lookup(item["region"]) is None:
            problems.append(
                (f"{path}.region", f"{item['region']!r} is not a {provider} region of the catalog")
            )
        if item.get("province") is not None and item["province"] not in provinces:
            problems.append((f"{path}.province", f"{item['province']!r} is not in the province table"))
    return problems
