"""Scan every bundled example and check it gives exactly the failed findings its expected.yaml lists.

Used by `make scan`: prints each example's verdict and the combined summary, writes the combined
findings document (and an HTML report), and exits 0 only when every example matched. The violating
examples violate on purpose; the gate for a real project is `permitguard scan` itself.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from pathlib import Path

from permitguard.cli import Environment, main
from permitguard.datafiles import read_yaml


def scan(paths: list[str], args: argparse.Namespace, *extra: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["scan", *paths, "--license", args.license, *extra], Environment(stdout=out, stderr=err))
    return code, out.getvalue(), err.getvalue()


def expected_of(example: Path) -> set[tuple[str, str]]:
    data = read_yaml(example / "expected.yaml", f"expected findings of {example}") or {}
    return {
        (rule, address) for rule, addresses in (data.get("failed") or {}).items() for address in addresses
    }


def check(example: Path, args: argparse.Namespace) -> bool:
    code, out, err = scan([str(example)], args, "--format", "json")
    if code == 2:
        print(f"ERROR    {example}: {err.strip()}")
        return False
    doc = json.loads(out)
    failed = [f for f in doc["findings"] if f["status"] == "failed"]
    got = {(f["rule_id"], f["resource"]["address"]) for f in failed}
    want = expected_of(example)
    s = doc["summary"]
    # exit 1 iff a failure blocks: an example whose failures are all advisory (CKV_CNLIC_601) exits 0
    blocks = any(f["enforcement"] == "mandatory" and not f["suppressed"] for f in failed)
    ok = got == want and (code == 1) == blocks
    print(
        f"{'OK' if ok else 'MISMATCH':8} {example}  resources {s['resources']}: passed {s['passed']}, "
        f"failed {s['failed']}, n/a {s['not_applicable']}; exit {code}"
    )
    for rule, address in sorted(want - got):
        print(f"           missing  {rule} {address}")
    for rule, address in sorted(got - want):
        print(f"           extra    {rule} {address}")
    return ok


def main_(argv: list[str]) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("examples", nargs="+")
    p.add_argument("--license", required=True)
    p.add_argument("--json", required=True, help="write the combined findings document here")
    p.add_argument("--html", help="write the combined HTML report here")
    args = p.parse_args(argv)
    examples = [Path(e) for e in args.examples if (Path(e) / "expected.yaml").is_file()]
    results = [check(e, args) for e in examples]
    paths = [str(e) for e in examples]
    code, out, err = scan(paths, args, "--format", "text", "--json-output", args.json)
    print(err, end="")
    print("\n" + "\n".join(out.rstrip().splitlines()[-3:]))  # the combined summary
    if args.html and code != 2:
        html_code, _, html_err = scan(paths, args, "--format", "html", "--output", args.html)
        print(html_err, end="") if html_code == 2 else None
    print(
        f"\n{sum(results)}/{len(results)} examples gave exactly their expected findings; "
        f"findings written to {args.json}" + (f", report to {args.html}" if args.html else "")
    )
    return 0 if all(results) and code != 2 else 1


if __name__ == "__main__":
    sys.exit(main_(sys.argv[1:]))
