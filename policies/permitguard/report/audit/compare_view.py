"""The comparison of two audits (`compare.Comparison`) as text, Markdown, HTML or JSON, in the report's
languages (`--lang`). Text from the documents is escaped as in the report: Markdown cells by
`escape.markdown`, HTML by Jinja2's autoescape, the terminal by `escape.visible`."""
from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from permitguard.report import labels
from permitguard.report.audit.compare import KINDS, Change, Comparison, as_json
from permitguard.report.escape import code, visible
from permitguard.report.escape import markdown as esc

if TYPE_CHECKING:
    from permitguard.context import Context

SHOWN = tuple(k for k in KINDS if k != "unchanged")  # listed one by one; unchanged ones only counted


def notes(cmp: Comparison, lang: str) -> list[str]:
    """What makes the two documents not quite comparable, in words."""
    out = []
    old, new = cmp.old["license"], cmp.new["license"]
    for key in cmp.notes:
        permits = key == "different_permit"
        out.append(labels.label(key, lang, old=old["number"] if permits else old["sha256"][:12],
                                new=new["number"] if permits else new["sha256"][:12], number=new["number"]))
    return out


def headline(cmp: Comparison, lang: str) -> tuple[str, str]:
    """(state, words): fail when a mandatory failure is new, else pass."""
    if cmp.newly_blocking:
        return "fail", labels.label("compare_fail", lang, n=cmp.newly_blocking)
    return "pass", labels.label("compare_ok", lang)


def verdict_word(value: str | None, lang: str) -> str:
    return labels.label(value, lang) if value else labels.label("absent", lang)


def render(cmp: Comparison, fmt: str, ctx: Context, lang: str = "both", summary_only: bool = False) -> str:
    if fmt == "json":
        return json.dumps(as_json(cmp), ensure_ascii=False, indent=2) + "\n"
    if fmt == "text":
        return _text(cmp, lang, summary_only)
    if fmt == "markdown":
        return _markdown(cmp, lang)
    if fmt == "html":
        from permitguard.report.audit import compare_html
        return compare_html.render(cmp, ctx, lang)
    raise ValueError(f"no comparison in format {fmt!r}")


def _side(doc: dict[str, Any], path: str) -> str:
    return (f"{path} · {doc['license']['number']} · {doc['generated_at']} · "
            f"{doc['summary']['failed']}/{doc['summary']['resources']}")


def _text(cmp: Comparison, lang: str, summary_only: bool) -> str:
    L = lambda key, **kw: labels.label(key, lang, **kw)  # noqa: E731
    out = [f"{L('compare_title')}: {L('old_audit')} {_side(cmp.old, cmp.old_path)} → "
           f"{L('new_audit')} {_side(cmp.new, cmp.new_path)}"]
    out += [f"! {n}" for n in notes(cmp, lang)]
    counts = cmp.counts
    out.append(" · ".join(f"{L('kind_' + k)} {counts[k]}" for k in KINDS))
    out.append(headline(cmp, lang)[1])
    if not summary_only:
        for kind in SHOWN:
            items = cmp.of(kind)
            if not items:
                continue
            out += ["", f"{L('kind_' + kind)} ({len(items)})"]
            for c in items:
                where = f"  ({c.file})" if c.file else ""
                out.append(f"  {c.rule_id} {c.address}{where}: {verdict_word(c.old, lang)} → "
                           f"{verdict_word(c.new, lang)}")
        changed = [c for c in cmp.clauses if c.old != c.new or any(c.counts[k] for k in SHOWN[:4])]
        if changed:
            out += ["", L("per_clause")]
            for c in changed:
                moved = ", ".join(f"{L('kind_' + k)} {c.counts[k]}" for k in SHOWN[:4] if c.counts[k])
                out.append(f"  {c.clause.id}: {L(c.old)} → {L(c.new)}{'; ' + moved if moved else ''}")
    return "\n".join(visible(line, newlines=False) for line in out) + "\n"


def _table(head: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    return lines + ["| " + " | ".join(r) + " |" for r in rows] + [""]


def _markdown(cmp: Comparison, lang: str) -> str:
    L = lambda key, **kw: labels.label(key, lang, **kw)  # noqa: E731
    out = [f"# {L('compare_title')} — {esc(cmp.new['license']['number'])}", ""]
    out += _table(["", L("permit"), L("generated"), L(_date(cmp.old)), L("resources"), L("failed")],
                  [[L(side), esc(doc["license"]["number"]), esc(doc["generated_at"]), esc(doc["as_of"]),
                    str(doc["summary"]["resources"]), str(doc["summary"]["failed"])] for side, doc in
                   (("old_audit", cmp.old), ("new_audit", cmp.new))])
    out += [f"> **{n}**" for n in map(esc, notes(cmp, lang))] + ([""] if cmp.notes else [])
    out += [f"**{esc(headline(cmp, lang)[1])}**", ""]
    out += ["- " + " · ".join(f"{L('kind_' + k)}: {cmp.counts[k]}" for k in KINDS), ""]
    out += [f"## {L('per_clause')}", ""]
    out += _table([L("clause"), L("before"), L("now"), *(L("kind_" + k) for k in SHOWN)],
                  [[("↳ " if c.sub_item else "") + f"**{c.clause.id}**", L(c.old), L(c.new),
                    *(str(c.counts[k]) for k in SHOWN)] for c in cmp.clauses])
    out += [f"## {L('per_resource')}", ""]
    out += _table([L("resource"), L("where"), "", *(L("kind_" + k) for k in SHOWN)],
                  [[code(r.address), code(r.file or "—"), L("presence_" + r.presence),
                    *(str(r.counts[k]) for k in SHOWN)] for r in cmp.resources]) if cmp.resources \
        else [L("no_change"), ""]
    out += [f"## {L('changes')}", ""]
    rows = [_md_change(c, lang) for k in SHOWN for c in cmp.of(k) if k != "still_failing"]
    out += _table([L("state"), L("rule"), L("resource"), L("where"), L("before"), L("now"), L("why")], rows) \
        if rows else [L("no_change"), ""]
    return "\n".join(out)


def _md_change(c: Change, lang: str) -> list[str]:
    message = "<br>".join(esc(t) for _, t in labels.texts(
        {"en": c.latest.message.en, "zh": c.latest.message.zh}, lang))
    return [labels.label("kind_" + c.kind, lang), code(c.rule_id), code(c.address), code(c.file or "—"),
            verdict_word(c.old, lang), verdict_word(c.new, lang), message]


def _date(doc: dict[str, Any]) -> str:
    from permitguard.report import deployed
    return deployed.date_key(doc)
