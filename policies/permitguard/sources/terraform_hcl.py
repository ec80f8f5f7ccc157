"""A Terraform directory → Resources, evaluated by `permitguard.terraform` (the same evaluation the
Checkov checks consult): every root module under the directory, count/for_each instances, tfvars and
`--var-file`, local and downloaded modules.

A module call or file that cannot be read is one resource of its own (`terraform_module_call`,
`terraform_file`) that CKV_CNLIC_100 fails; the rest of the root is judged. Exit 2 (InputError) only when
nothing at all could be read. Suppressions are Checkov's comments: `# checkov:skip=CKV_CNLIC_101:reason`
inside a resource, or inside a module call for everything the module creates.
"""
from __future__ import annotations

import os
from collections.abc import Collection
from pathlib import Path

from permitguard.errors import InputError
from permitguard.model import Resource
from permitguard.report.labels import words
from permitguard.resources import ResourceTypeCatalog
from permitguard.sources import SourceResult
from permitguard.sources.skipped import MESSAGES
from permitguard.terraform.evaluate import Evaluation, Problem, evaluate_roots
from permitguard.terraform.roots import find_roots, walk


def read_directory(path: str | Path, var_files: tuple[Path, ...] = (), *, types: ResourceTypeCatalog,
                   roots: Collection[Path] | None = None) -> SourceResult:
    """Raises InputError for a missing path, a directory without .tf files, or a tree nothing of which
    could be read. `types`: the run's resource-type catalog (provider region keys, tag attributes).
    `roots`: only these root modules of the tree (absolute; a changed-only or sharded scan), else all."""
    root = Path(path)
    if not root.is_dir():
        raise InputError(f"{path}: {'not a directory' if root.exists() else 'no such directory'}")
    tree = walk(root)
    files = tree.files
    if not files:
        skipped = "; ".join(f"{os.path.relpath(s.path, root)} ({s.detail or words(MESSAGES[s.reason])[0]})"
                            for s in tree.skipped)
        raise InputError(f"{path}: no Terraform files (*.tf, *.tf.json)"
                         + (f" that may be read: every one was skipped: {skipped[:1000]}" if skipped else ""))
    result = SourceResult(kind="terraform", files=len(files), skipped=tree.skipped)
    instances: dict[str, list[dict[str, str]]] = {}
    errors: list[str] = []
    chosen = find_roots(root, files)
    if roots is not None:
        chosen = [r for r in chosen if r in roots]
    for evaluation in evaluate_roots(chosen, tuple(var_files), base=root, types=types):
        if isinstance(evaluation, InputError):
            errors.append(str(evaluation))
            continue
        result.resources += evaluation.resources + [part_resource(p) for p in evaluation.problems]
        for r in evaluation.resources:
            instances.setdefault(r.address, []).append(_skips_of(evaluation, r.address))
    if errors and not result.resources:
        raise InputError(errors[0] + (f" (and {len(errors) - 1} more roots)" if len(errors) > 1 else ""))
    for message in errors:  # a root the evaluator refused: one could-not-evaluate part, the rest judged
        where, _, why = message.partition(": ")
        result.resources.append(part_resource(Problem("file", where, where, None, "", why)))
    for address, each in instances.items():  # the same address in several roots: skipped only if in all
        for rule_id in sorted(set(each[0]).intersection(*each[1:])):
            result.suppressions[(address, rule_id)] = each[0][rule_id]
    return result


def _skips_of(evaluation: Evaluation, address: str) -> dict[str, str]:
    return {rule: reason for (a, rule), reason in evaluation.suppressions.items() if a == address}


def part_resource(problem: Problem) -> Resource:
    """A part of the configuration that could not be read, as the resource CKV_CNLIC_100 judges."""
    kind = {"module": "terraform_module_call", "resource": "terraform_resource_block"}.get(problem.kind,
                                                                                          "terraform_file")
    return Resource(address=problem.address, type=kind, cloud="terraform",
                    attributes={"source": problem.source, "why": problem.why, "reason": problem.reason},
                    file=problem.file, line=problem.line, source_kind="terraform")
