"""Checkov runs in-process, once per session, over every fixture folder (HCL) and plan of tests/fixtures.

`import checkov` costs seconds: one session pays it once. Each run loads our checks the way users do,
from the external-checks dir `policies/checkov`, filtered to the catalog's rule ids (Checkov's built-in
checks do not run). The change date is pinned per folder with $PERMITGUARD_AS_OF; the profile is the
bundled one. Tests reach the helpers through fixtures (the suite runs with --import-mode=importlib).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
EXTERNAL_CHECKS = ROOT / "policies" / "checkov"
RULE_DIRS = sorted(p for p in FIXTURES.glob("CKV_CNLIC_*") if p.is_dir())
AS_OF = {"CKV_CNLIC_302": "2026-06-01"}  # "dated after the change" needs a change before 2026-09-30
DEFAULT_AS_OF = "2026-11-28"


def as_of(folder: str) -> str:
    return AS_OF.get(folder, DEFAULT_AS_OF)


def as_of_date(folder: str) -> dt.date:
    return dt.date.fromisoformat(as_of(folder))


@dataclass
class Outcome:
    """One Checkov run: (check id, resource address, PASSED | FAILED | SKIPPED) and what it said."""

    results: set[tuple[str, str, str]] = field(default_factory=set)
    details: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    parsing_errors: list[str] = field(default_factory=list)

    def addresses(self, check_id: str, result: str) -> set[str]:
        return {a for c, a, r in self.results if c == check_id and r == result}


def guard_against_shadowing() -> None:
    import checkov

    if Path(checkov.__file__).resolve().is_relative_to(ROOT / "policies"):
        pytest.exit(
            "`import checkov` found policies/checkov (the external-checks dir), not Checkov: "
            "do not put policies/ on PYTHONPATH; install permitguard into the venv instead",
            2,
        )


def rule_ids() -> list[str]:
    from permitguard.rule_catalog import RuleCatalog
    from permitguard.rules import RULES

    return [r for r in RuleCatalog.load().ids() if r in RULES]


def run_checkov(target: Path, plan: bool = False, kubernetes: bool = False) -> Outcome:
    """Checkov's own Terraform (or Terraform plan, or kubernetes) runner with our external checks."""
    from checkov.kubernetes.runner import Runner as KubernetesRunner
    from checkov.runner_filter import RunnerFilter
    from checkov.terraform.plan_runner import Runner as PlanRunner
    from checkov.terraform.runner import Runner

    runner_filter = RunnerFilter(
        framework=["terraform_plan" if plan else "kubernetes" if kubernetes else "terraform"],
        checks=rule_ids(),
        download_external_modules=False,
    )
    if kubernetes:
        report = KubernetesRunner().run(
            root_folder=str(target), external_checks_dir=[str(EXTERNAL_CHECKS)], runner_filter=runner_filter
        )
    elif plan:
        report = PlanRunner().run(
            root_folder=None,
            files=[str(target)],
            external_checks_dir=[str(EXTERNAL_CHECKS)],
            runner_filter=runner_filter,
        )
    else:
        report = Runner().run(
            root_folder=str(target), external_checks_dir=[str(EXTERNAL_CHECKS)], runner_filter=runner_filter
        )
    outcome = Outcome(parsing_errors=list(report.parsing_errors))
    for records, result in (
        (report.passed_checks, "PASSED"),
        (report.failed_checks, "FAILED"),
        (report.skipped_checks, "SKIPPED"),
    ):
        for record in records:
            outcome.results.add((record.check_id, record.resource, result))
            outcome.details[(record.check_id, record.resource)] = list(record.details or [])
    return outcome


@pytest.fixture(scope="session")
def checkov_runs() -> dict[tuple[str, str], Outcome]:
    """(fixture folder, "hcl" | "plan") → Outcome, for every folder and every plan.json in it."""
    guard_against_shadowing()
    runs: dict[tuple[str, str], Outcome] = {}
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("PERMITGUARD_LICENSE", raising=False)
        mp.chdir(ROOT)
        for folder in RULE_DIRS:
            mp.setenv("PERMITGUARD_AS_OF", as_of(folder.name))
            runs[(folder.name, "hcl")] = run_checkov(folder)
            if (folder / "plan.json").is_file():
                runs[(folder.name, "plan")] = run_checkov(folder / "plan.json", plan=True)
    return runs


@pytest.fixture(scope="session")
def checkov_run():
    """Run Checkov once more (e.g. under another environment): `checkov_run(target, plan=False)`."""
    return run_checkov


@pytest.fixture(scope="session")
def catalog_rule_ids() -> list[str]:
    return rule_ids()


@pytest.fixture(scope="session")
def change_date():
    """The pinned change date of a fixture folder: `change_date("CKV_CNLIC_302")`."""
    return as_of_date
