"""The CLI surface, declared in one place."""

from __future__ import annotations

import argparse

from permitguard import __version__

FORMATS = ("text", "json", "sarif", "junit", "markdown", "html", "gitlab-sast")

EPILOG = """examples:
  permitguard scan infra/terraform/alicloud-compliant
  permitguard scan plan.json --license permitguard.yaml --format json --output build/scan.json
  permitguard license validate infra/licenses/B1-20195402.yaml
  permitguard regions resolve alicloud cn-heyuan
  permitguard report build/scan.json --format html --output build/report.html
  permitguard report build/scan.json --bundle build/evidence.zip --generated-at 2026-06-01T00:00:00Z
  permitguard report verify build/evidence.zip
  permitguard report --compare audit-2026-q1.json audit-2026-q2.json --format html --output build/since.html
  permitguard baseline create infra/terraform --reason "reviewed in #42" --output permitguard-baseline.yaml
  permitguard scan infra/terraform --baseline permitguard-baseline.yaml --changed-since origin/main
  permitguard explain module.edge.alicloud_vpc.edge infra/terraform/alicloud-compliant

exit status: 0 no mandatory rule failed, 1 a mandatory rule failed, 2 unusable input
licence profile: --license, else $PERMITGUARD_LICENSE, else ./permitguard.yaml, else the bundled B1-20195402
"""


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="permitguard",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Keep cloud infrastructure inside a Chinese value-added telecom operating permit.",
        epilog=EPILOG,
    )
    p.add_argument("--version", action="version", version=f"permitguard {__version__}")
    p.add_argument(
        "--traceback", action="store_true", help="show the Python traceback of an unexpected error"
    )
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    scan = sub.add_parser("scan", help="scan Terraform directories, plan JSON or Pulumi preview JSON")
    scan.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="Terraform directory, `terraform show -json` plan, or `pulumi preview --json` output",
    )
    _common(scan)
    scan.add_argument("--format", choices=FORMATS, default="text")
    scan.add_argument("--output", "-o", metavar="FILE", help="write the result here instead of stdout")
    scan.add_argument("--json-output", metavar="FILE", help="also write the findings JSON document here")
    scan.add_argument(
        "--var-file",
        action="append",
        default=[],
        metavar="FILE",
        help="Terraform variables file, as `terraform plan -var-file` (repeatable; later files win, and "
        "all win over terraform.tfvars and *.auto.tfvars)",
    )
    scan.add_argument(
        "--baseline", metavar="FILE",
        help="accepted failures (`permitguard baseline create`): only findings not in it fail, and entries "
        "past their expiry date; entries that match nothing are reported as stale",
    )
    only = scan.add_mutually_exclusive_group()
    only.add_argument(
        "--changed-files", action="store_true",
        help="the PATHs are changed files (as pre-commit passes them): judge the Terraform root modules they "
        "belong to, found from the working directory, and the plan/preview JSON among them",
    )
    only.add_argument(
        "--changed-since", metavar="GIT_REF",
        help="judge only the root modules under the PATHs that files changed since GIT_REF touch (since its "
        "merge base with HEAD, uncommitted and untracked files included)",
    )
    scan.add_argument(
        "--shard", metavar="K/N",
        help="judge shard K of N of the root modules and documents (a CI matrix job each; merge the shards' "
        "JSON with `permitguard report`)",
    )
    scan.add_argument(
        "--repo-root-for-plan-enrichment",
        metavar="DIR",
        help="the Terraform configuration a plan was made from: plan findings get its file:line "
        "and honour its `# checkov:skip` comments (as Checkov's option of the same name)",
    )

    report = sub.add_parser(
        "report", help="render findings (permitguard JSON, Checkov JSON, Pulumi event log); "
        "`report verify FILE.zip` checks an evidence bundle"
    )
    report.add_argument("inputs", nargs="+", metavar="INPUT")
    _common(report)
    report.add_argument(
        "--format", choices=("html", "markdown", "sarif", "junit", "json", "text", "gitlab-sast"),
        default="html"
    )
    report.add_argument("--output", "-o", metavar="FILE")
    report.add_argument("--lang", choices=("zh", "en", "both"), default="both")
    report.add_argument(
        "--bundle", metavar="FILE.zip",
        help="also write the evidence bundle: the HTML report, the findings JSON, the clause matrix (CSV), "
        "the licence profile and manifest.json of their SHA-256 (reproducible with --generated-at); check "
        "one with `permitguard report verify FILE.zip` (exit 0 intact, 1 tampered, 2 unreadable)")
    report.add_argument(
        "--compare", action="store_true",
        help="the two INPUTs are findings documents OLD.json NEW.json of two audits: show per clause and per "
        "resource what became compliant, what newly fails, what disappeared and what is new (html, markdown, "
        "text or json; exit 1 when a mandatory failure is new)")

    base = sub.add_parser("baseline", help="accepted failures: record them, check them against a scan")
    base_sub = base.add_subparsers(dest="baseline_command", required=True, metavar="SUBCOMMAND")
    create = base_sub.add_parser("create", help="write a baseline accepting every failure of a scan of PATHs")
    create.add_argument("paths", nargs="+", metavar="PATH")
    create.add_argument("--reason", required=True, help="why these failures are accepted (required)")
    create.add_argument("--who", help="who accepts them (default: git user.email, else the login name)")
    create.add_argument("--expires", metavar="YYYY-MM-DD",
                        help="last day the acceptance holds (default: the change date + 90 days)")
    create.add_argument("--output", "-o", metavar="FILE", help="write it here instead of stdout")
    check = base_sub.add_parser("check", help="new failures, expired and stale entries of a baseline")
    check.add_argument("file", metavar="BASELINE")
    check.add_argument("paths", nargs="+", metavar="PATH")
    for command in (create, check):
        command.add_argument("--license", metavar="FILE", help="licence profile (YAML)")
        command.add_argument("--as-of", metavar="YYYY-MM-DD",
                             help="change date; expiry is judged on it (default: $PERMITGUARD_AS_OF, today)")
        command.add_argument("--var-file", action="append", default=[], metavar="FILE",
                             help="Terraform variables file, as for `scan`")

    explain = sub.add_parser(
        "explain", help="how the verdicts on one resource were reached: its location, business type, "
        "what each rule read, each step with file:line")
    explain.add_argument("address", metavar="ADDRESS", help="the resource's address, exactly as `scan` "
                         "reports it (a Pulumi URN for Pulumi inputs)")
    explain.add_argument("path", nargs="?", default=".", metavar="PATH",
                         help="what `scan` takes: Terraform directory, plan, preview, state or stack export "
                         "(default: .)")
    explain.add_argument("--license", metavar="FILE", help="licence profile (YAML)")
    explain.add_argument("--as-of", metavar="YYYY-MM-DD",
                         help="change date for filing checks (default: today, or $PERMITGUARD_AS_OF)")
    explain.add_argument("--var-file", action="append", default=[], metavar="FILE",
                         help="Terraform variables file, as for `scan`")
    explain.add_argument("--repo-root-for-plan-enrichment", metavar="DIR",
                         help="the Terraform configuration a plan was made from, as for `scan`")
    explain.add_argument("--format", choices=("text", "json"), default="text")
    explain.add_argument("--lang", choices=("zh", "en", "both"), default="both")

    lic = sub.add_parser("license", help="licence profile commands")
    lic_sub = lic.add_subparsers(dest="license_command", required=True, metavar="SUBCOMMAND")
    validate = lic_sub.add_parser("validate", help="validate a licence profile and print every error")
    validate.add_argument("file", metavar="FILE")
    validate.add_argument(
        "--as-of",
        metavar="YYYY-MM-DD",
        help="the date the permit's standing is told for (default: today, or $PERMITGUARD_AS_OF)",
    )

    regions = sub.add_parser("regions", help="region catalog commands")
    reg_sub = regions.add_subparsers(dest="regions_command", required=True, metavar="SUBCOMMAND")
    resolve = reg_sub.add_parser(
        "resolve", help="where a region or zone is, and which business types cover it"
    )
    resolve.add_argument(
        "provider", help="Terraform provider name, e.g. alicloud, tencentcloud, aws, azurerm"
    )
    resolve.add_argument("id", help="region or zone id, e.g. cn-heyuan, ap-guangzhou-3")
    resolve.add_argument("--license", metavar="FILE")
    resolve.add_argument("--format", choices=("text", "json"), default="text")
    return p


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--license", metavar="FILE", help="licence profile (YAML)")
    p.add_argument(
        "--as-of",
        metavar="YYYY-MM-DD",
        help="change date for filing checks (default: today, or $PERMITGUARD_AS_OF)",
    )
    p.add_argument(
        "--generated-at", metavar="ISO-8601", help="pin the report timestamp (reproducible output)"
    )
