"""The evaluator's process: `python -m permitguard.terraform.worker` reads {"requests": [{"path",
"var_files", "stop_on_error"}, …]} as JSON on stdin and writes {"answers": [{"doc": tfparse's document}
or {"error": "..."}, …]} on stdout, one answer per root, in order (one process for every root of a scan).

A process of its own because tfparse is a Go library loaded into the interpreter: it reads the process
environment once (so `TF_VAR_*` of the caller would leak into values), and a crash or a runaway in it
must not take the scan with it. The parent starts it with a clean environment and a time limit.

A root variable that has no default gets a marker value first (a variables file loaded before the
user's, so terraform.tfvars, *.auto.tfvars and -var-file still win): a value that flows from it stays
recognisably "no value given" wherever the configuration carries it, instead of becoming null.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

UNSET = "__permitguard_unset_var({})__"  # the variable's name inside; read back by terraform.values
_MARKABLE_TYPES = (None, "", "string", "dynamic")  # a marker string only fits these


def _unset_root_variables(doc: dict) -> dict[str, str]:
    out = {}
    for block in doc.get("variable", []):
        path = str(block.get("__tfmeta", {}).get("path", ""))
        if path.startswith("variable.") and "default" not in block and block.get("type") in _MARKABLE_TYPES:
            name = path.split(".", 1)[1]
            out[name] = UNSET.format(name)
    return out


def answer(request: dict) -> dict:
    try:
        import tfparse

        os.chdir(request["path"])  # path.cwd is the root, as when Terraform runs there

        def load(var_files: list[str]) -> dict:
            return tfparse.load_from_path(
                request["path"],
                stop_on_hcl_error=bool(request.get("stop_on_error")),
                allow_downloads=False,
                workspace_name=str(request.get("workspace") or "default"),
                # tfparse joins every variables file onto the root's path
                vars_paths=[os.path.relpath(f, request["path"]) for f in var_files],
            )

        files = list(request.get("var_files") or [])
        doc = load(files)
        unset = _unset_root_variables(doc)
        if unset:
            with tempfile.TemporaryDirectory() as tmp:
                markers = Path(tmp) / "permitguard-unset.tfvars.json"
                markers.write_text(json.dumps(unset), encoding="utf-8")
                doc = load([str(markers), *files])
    except Exception as exc:  # noqa: BLE001 - reported to the parent as data, never a traceback
        return {"error": (str(exc).strip().splitlines() or [type(exc).__name__])[0]}
    return {"doc": doc}


def main() -> int:
    # nothing is imported from the directories the worker works in (it starts in an empty one)
    sys.path[:] = [p for p in sys.path if p not in ("", os.getcwd())]
    import tfparse  # noqa: F401 - loaded before the first chdir into a scanned root

    requests = json.load(sys.stdin).get("requests", [])
    json.dump({"answers": [answer(r) for r in requests]}, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
