"""tfparse's rendered values → `Resource.attributes` values, honest about what could not be known.

tfparse renders what it cannot know in three ways: a placeholder id (the UUID it gave the block the
expression refers to: a resource attribute known only after apply, a data source, a module output), a
reference object `{"__attribute__": "var.x", ...}`, or the expression text left in a string
(`"${var.x}-a"`, heredocs). Each becomes `Unknown` saying what it depends on. Exceptions, decided by data:
a data source that names the caller's own account (`data.alicloud_account.x.id`, `aws_caller_identity`,
…: data/terraform.yaml) is first party, whatever its value turns out to be: it becomes `OWN_ACCOUNT`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from permitguard.model import OWN_ACCOUNT, Unknown
from permitguard.terraform.worker import UNSET

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_INTERPOLATION = re.compile(r"\$\{([^}]*)\}")
_DATA_REF = re.compile(r"^\s*data\.([A-Za-z0-9_]+)\.([A-Za-z0-9_-]+)")
_BARE_DATA_REF = re.compile(
    r"(?<![\w.\"])data\.([A-Za-z0-9_]+)\.([A-Za-z0-9_-]+)(?:\.[A-Za-z0-9_]+|\[\d+\])*"
)
_UNSET = re.compile(re.escape(UNSET).replace(r"\{\}", r"([A-Za-z0-9_-]+)"))


@dataclass(frozen=True)
class Block:
    """One block of tfparse's document: its kind, type, address and where it is written."""

    kind: str  # resource | data | module | provider | variable | output | locals | ...
    type: str
    path: str  # the address tfparse gives it (module.a[0].data.t.n)
    file: str
    line: int | None
    body: Mapping[str, Any]

    @property
    def end(self) -> int:
        """The block's last line (its first when the evaluator gave none)."""
        return int(self.body.get("__tfmeta", {}).get("line_end") or self.line or 1)


@dataclass
class Values:
    """Converts values of one root's document. `ids` maps placeholder ids to the block they stand for."""

    ids: Mapping[str, Block]
    own_account_types: frozenset[str]
    partition_types: frozenset[str] = frozenset()
    # own-account data sources that name another account (arguments given, or read through a provider that
    # assumes a role): their values are not the caller's own, so they stay unknown
    not_own: frozenset[str] = frozenset()
    unreadable_modules: frozenset[str] = frozenset()  # module addresses (instance keys kept)
    documents: dict[str, Any] = field(default_factory=dict)  # policy-document data source id → document
    prefix_lists: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # type → entries/cidr keys
    gateways: Mapping[str, Sequence[str]] = field(default_factory=dict)  # peer gateway type → address attrs
    scope: str = ""  # the module prefix (module.a.) of the block being converted, for references

    def convert(self, value: Any) -> Any:
        if isinstance(value, str):
            return self._string(value)
        if isinstance(value, Mapping):
            if "__attribute__" in value:
                return self._reference(str(value["__attribute__"]))
            return {k: self.convert(v) for k, v in value.items() if k not in ("__tfmeta", "id")}
        if isinstance(value, (list, tuple)):
            return [
                Unknown("a list element could not be evaluated (null)") if v is None else self.convert(v)
                for v in value
            ]
        return value

    def _string(self, text: str) -> Any:
        if (m := _UNSET.search(text)) is not None:
            return Unknown(
                f"unresolved reference var.{m.group(1)}: the variable has no default and no value "
                "in terraform.tfvars, *.auto.tfvars or --var-file"
            )
        if text[:1] in "{[" and text.rstrip()[-1:] in "}]":  # jsonencode() output or a JSON heredoc
            try:
                doc = json.loads(text)
            except ValueError:
                doc = None
            if isinstance(doc, (dict, list)):
                converted = self.convert(doc)
                return converted
        if text in self.documents:  # data.aws_iam_policy_document.x.json as the evaluator renders it
            return self.documents[text]
        if (listed := self._prefix_list(text)) is not None:
            return listed
        if (gateway := self._gateway(text)) is not None:
            return gateway
        unknown: Unknown | None = None
        out = text
        for m in _UUID.finditer(text):
            block = self.ids.get(m.group(0))
            if block is None:
                continue
            if (
                block.kind == "data"
                and block.type in self.own_account_types
                and block.path not in self.not_own
            ):
                out = out.replace(m.group(0), OWN_ACCOUNT)
            else:
                unknown = unknown or Unknown(self._why_block(block))
        if unknown is not None:
            return unknown
        for m in _INTERPOLATION.finditer(out):
            ref = _DATA_REF.match(m.group(1))
            if ref and self._own(ref.group(1), ref.group(2)):
                out = out.replace(m.group(0), OWN_ACCOUNT)
            elif ref and ref.group(1) in self.partition_types:  # decides no party: any partition will do
                out = out.replace(m.group(0), "aws")
            else:
                return Unknown(f"unresolved expression ${{{_short(m.group(1))}}}")
        return out

    def _why_block(self, block: Block) -> str:
        file = block.body.get("__file_rel__", block.file)
        where = f"{file}:{block.line}" if block.line else file
        if block.kind == "data":
            return f"known only after apply: read from data source {block.path} ({where})"
        if block.kind == "resource":
            return f"known only after apply: an attribute of {block.path} ({where})"
        if block.kind in ("output", "module"):
            return f"unresolved reference {block.path} ({where})"
        return f"unresolved reference {block.kind} {block.path} ({where})"

    def _prefix_list(self, text: str) -> dict[str, Any] | None:
        """A prefix list declared in the configuration, named by its id: its ranges, as
        {"prefix_list": address, "cidrs": [...]} (rules read the ranges instead of an opaque id)."""
        block = self.ids.get(text)
        shape = self.prefix_lists.get(block.type) if block is not None and block.kind == "resource" else None
        if shape is None:
            return None
        entries = block.body.get(shape["entries"])
        entries = [entries] if isinstance(entries, Mapping) else entries if isinstance(entries, list) else []
        return {
            "prefix_list": block.path,
            "cidrs": [self.convert(e.get(shape["cidr"])) for e in entries if isinstance(e, Mapping)],
        }

    def _gateway(self, text: str) -> dict[str, Any] | None:
        """A VPN customer / local gateway declared in the configuration, named by its id: its addresses, as
        {"gateway": address, "addresses": [...]}: CKV_CNLIC_401 places a connection's far end by them."""
        block = self.ids.get(text)
        keys = self.gateways.get(block.type) if block is not None and block.kind == "resource" else None
        if not keys:
            return None
        found = [self.convert(block.body[k]) for k in keys if block.body.get(k) not in (None, "")]
        return {"gateway": block.path, "addresses": found}

    def _own(self, data_type: str, name: str) -> bool:
        """Whether data.TYPE.NAME, in the scope being converted, reads the caller's own account."""
        return (
            data_type in self.own_account_types and f"{self.scope}data.{data_type}.{name}" not in self.not_own
        )

    def _reference(self, ref: str) -> Any:
        m = _DATA_REF.match(ref)
        if m and self._own(m.group(1), m.group(2)):
            return OWN_ACCOUNT
        if m:
            for block_id, doc in self.documents.items():
                block = self.ids.get(block_id)
                if block is not None and block.path == f"{self.scope}data.{m.group(1)}.{m.group(2)}":
                    return doc
        return Unknown(self._why_reference(ref))

    def own_account_literal(self, expression: str) -> Any:
        """The value of an expression written only of literals and the caller's own account read from a data
        source (`["arn:aws-cn:iam::${data.aws_caller_identity.me.account_id}:root"]`), with the account as
        OWN_ACCOUNT; None for any other expression."""

        def own(m: re.Match[str]) -> str:
            ref = _DATA_REF.match(m.group(1))
            return OWN_ACCOUNT if ref and self._own(ref.group(1), ref.group(2)) else m.group(0)

        text = _INTERPOLATION.sub(own, expression.strip())
        text = _BARE_DATA_REF.sub(
            lambda m: f'"{OWN_ACCOUNT}"' if self._own(m.group(1), m.group(2)) else m.group(0), text
        )
        if (
            OWN_ACCOUNT not in text
            or "${" in text
            or re.search(r"\b(?:var|local|data|module|each|count)\.", text)
        ):
            return None
        try:
            value = json.loads(text)
        except ValueError:
            return None
        ok = isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value))
        return value if ok else None

    def _why_reference(self, ref: str) -> str:
        head = ref.split(".", 2)
        if (
            head[0] == "module"
            and len(head) > 1
            and any(m.split("[")[0].endswith(f"module.{head[1]}") for m in self.unreadable_modules)
        ):
            return f"unresolved reference {_short(ref)}: module.{head[1]} could not be read"
        if head[0] == "data":
            return f"known only after apply: read from data source {_short(ref)}"
        return f"unresolved reference {_short(ref)}"


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 80 else text[:77] + "..."
