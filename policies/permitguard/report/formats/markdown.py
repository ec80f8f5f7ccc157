"""Markdown: the HTML report's content for PR comments and wikis, kept under 65,000 characters by listing
fewer rows per rule (with counts of what was left out) when the full text would be longer."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from permitguard.report import deployed, inventory
from permitguard.report import view as view_model
from permitguard.report.escape import code
from permitguard.report.escape import markdown as esc
from permitguard.report.labels import label, texts
from permitguard.report.places import coverage, location, room_line, where

if TYPE_CHECKING:
    from permitguard.context import Context
    from permitguard.report.record import FindingRecord

MAX_CHARS = 65_000
LIMITS = (None, 200, 50, 20, 5, 0)


def bi(value: Any, lang: str) -> str:
    """A bilingual value in the languages shown, one per line of the cell."""
    return "<br>".join(esc(t) for _, t in texts(value, lang))


def why(f: FindingRecord, lang: str) -> str:
    """A finding's message, and the refusal of a suppression of it that gives no reason (not honoured)."""
    cell = bi(f.message, lang)
    return cell if f.refused is None else f"{cell}<br>⚠ {bi(f.refused, lang)}"


def table(head: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    return lines + ["| " + " | ".join(r) + " |" for r in rows] + [""]


def capped(items: list[Any], limit: int | None, lang: str) -> tuple[list[Any], list[str]]:
    """The first `limit` items (all when None), and the note of how many were left out."""
    if limit is None or len(items) <= limit:
        return items, []
    return items[:limit], [f"_{label('more', lang, n=len(items) - limit)}_", ""]


def _cover(v: view_model.View, L, ctx: Context) -> list[str]:
    doc, lic = v.doc, v.doc["license"]
    services = [f"**{s['code']}** {bi(s.get('name', {'en': k, 'zh': k}), v.lang)}: "
                f"{esc(coverage(s, v.lang, ctx.provinces))}"
                for k, s in lic.get("services", {}).items()]
    left = L(v.renewal["state"], n=v.renewal["days"])
    out = [f"# {L('title')} — {esc(lic['number'])}", ""]
    out += table(["", ""], [[L("holder"), esc(lic["holder"])], [L("services"), "<br>".join(services)],
                            [L("validity"), f"{lic['issued']} → {lic['expires']}"],
                            [L("renewal"), f"**{v.renewal['deadline']}** — {left}"],
                            [L("profile"), f"{code(lic['path'])} ({esc(lic['source'])}), "
                                           f"sha256 {code(lic['sha256'])}"],
                            [L("tool"), f"permitguard {doc['tool']['version']}"],
                            [L("generated"),
                             f"{doc['generated_at']} · {L(deployed.date_key(doc))} {doc['as_of']}"]])
    out += [f"## {L('inputs')}", ""]
    out += table([L("input"), L("kind"), "sha256"],
                 [[code(i["path"]) + (f" ({L('via')} {code(i['via'])})" if i.get("via") else ""), i["kind"],
                   code(i["sha256"])] for i in doc["inputs"]])
    return out


def _verdict(v: view_model.View, L) -> list[str]:
    s, n = v.doc["summary"], v.doc["summary"].get("findings", {})
    return [f"## {L('verdict')}", "", f"**{L('verdict_' + v.verdict[0], n=v.verdict[1])}**", "",
            f"- {L('resources')}: {s['resources']} = {L('passed')} {s['passed']} + "
            f"{L('failed')} {s['failed']} + "
            f"{L('not_applicable')} {s['not_applicable']}",
            f"- {L('findings')}: {L('failed')} {len(v.failed)} ({L('blocking')} {v.blocking}, "
            f"{L('undetermined')} {len(v.undetermined)}), {L('suppressed')} {len(v.suppressed)}, "
            f"{L('passed')} {n.get('passed', 0)}, {L('not_applicable')} {n.get('not_applicable', 0)}",
            f"- {L('clauses_enforced')}: {v.enforced[0]} / {v.enforced[1]}", "", f"> {L('verdict_note')}", ""]


def _matrix(v: view_model.View, L) -> list[str]:
    rows = []
    for r in v.rows:
        name = f"{'↳ ' if r.sub_item else ''}**{r.clause.id}** {bi(r.clause.title, v.lang)}"
        if r.state == "not_granted":
            rows.append([name, L(r.state), "", "", "", "", ""])
        elif r.state in ("not_checkable", "no_rule"):
            why = r.clause.not_checkable_reason if r.state == "not_checkable" else r.clause.breaks
            rows.append([name, L(r.state), bi({"en": why.en, "zh": why.zh}, v.lang), "", "", "", ""])
            continue
        cells = "<br>".join(f"`{c.rule_id}` {c.counts.passed}/{c.counts.failed}/{c.counts.suppressed}/"
                            f"{c.counts.not_applicable}" for c in r.rules)
        c = r.counts
        numbers = (c.passed, c.failed, c.suppressed, c.not_applicable)
        rows.append([name, L(r.state), cells, *map(str, numbers)])
    head = [L("clause"), L("state"), f"{L('rules')} ({L('passed')}/{L('failed')}/{L('suppressed')}/"
            f"{L('not_applicable')})", L("passed"), L("failed"), L("suppressed"), L("not_applicable")]
    return [f"## {L('matrix')}", "", *table(head, rows)]


def _findings(v: view_model.View, L, limit: int | None, ctx: Context) -> list[str]:
    out = [f"## {L('by_clause')}", ""] + ([L("none_failed"), ""] if not v.groups else [])
    for g in v.groups:
        out += [f"### {g.number}. {' · '.join(c.id for c in g.clauses)}", ""]
        out += [f"- **{c.id}** {bi(c.title, v.lang)} ({esc(c.cite_zh)})" for c in g.clauses] + [""]
        for rg in g.rules:
            n = f"{len(rg.findings)} {L('failed')}"
            out += [f"#### `{rg.rule_id}` {bi(rg.title, v.lang)} — {rg.severity} — {n}",
                    "", f"**{L('fix')}:** {bi(rg.remediation, v.lang)}", ""]
            rooms = [f"- {esc(room_line(name, n, v.lang))}" for name, n in rg.rooms]
            out += rooms + [""] if rooms else []
            shown, more = capped(rg.findings, limit, v.lang)
            out += table([L("resource"), L("where"), L("location"), L("why")],
                         [[code(f.resource.address) + ("" if f.enforcement == "mandatory" else
                                                       f" ({f.enforcement})"),
                           code(where(f.resource)) + deployed.note(f.resource, v.lang),  # our words
                           esc(location(f.resource, v.lang, ctx.provinces)),
                           why(f, v.lang)] for f in shown]) + more
    return out


def _lists(v: view_model.View, L, limit: int | None) -> list[str]:
    out = [f"## {L('unevaluated')}", ""]
    unevaluated = v.doc.get("unevaluated", [])
    if not v.undetermined and not unevaluated:
        out += [L("none_unevaluated"), ""]
    rows = [[code(f.resource.address), code(f.rule_id), why(f, v.lang)] for f in v.undetermined]
    rows += [[code(u["subject"]), code(u["input"]), bi(u["reason"], v.lang)] for u in unevaluated]
    shown, more = capped(rows, limit, v.lang)
    out += (table([L("subject"), L("rule") + " / " + L("input"), L("why")], shown) + more) if rows else []
    kinds = v.doc.get("unknown_types", [])
    if kinds:
        listed = ", ".join(f"{code(k['type'])} ({k['resources']})" for k in kinds)
        out += [f"**{L('unknown_types')}:** {listed}", ""]
    out += _skipped(v, L, limit)
    out += [f"## {L('suppressions')}", ""]
    shown, more = capped(v.suppressed, limit, v.lang)
    head = [L(k) for k in ("rule", "resource", "where", "verdict_col", "suppressed_reason", "suppressed_by")]
    out += table(head, [[code(f.rule_id), code(f.resource.address), code(where(f.resource)),
                         L(f.status), esc(f.suppressed),
                         esc(f.suppressed_by or L("suppressed_by_default"))]
                        for f in shown]) + more if v.suppressed else [L("none_suppressed"), ""]
    out += [f"## {L('other')}", ""]
    shown, more = capped(v.other, limit, v.lang)
    out += table([L("tool"), L("check"), L("passed"), L("failed"), L("skipped")],
                 [[esc(o["tool"]), f"{code(o['check_id'])} {esc(o['name'])}",
                   *map(str, (o["passed"], o["failed"], o["skipped"]))]
                  for o in shown]) + more if v.other else [L("none_other"), ""]
    return out


def _skipped(v: view_model.View, L, limit: int | None) -> list[str]:
    entries = v.doc.get("skipped_inputs", [])
    out = [f"## {L('skipped_inputs')}", ""]
    if not entries:
        return out + [L("none_skipped"), ""]
    shown, more = capped(entries, limit, v.lang)
    rows = [[code(s["path"]), code(s["input"]),
             L("skipped_not_read") if s["by"] == "permitguard" else L("skipped_by_checkov"),
             bi(s["message"], v.lang)] for s in shown]
    return out + table([L("subject"), L("input"), L("skipped_by"), L("why")], rows) + more


def _inventory(v: view_model.View, L) -> list[str]:
    codes = [s["code"] for s in v.doc["license"].get("services", {}).values()]
    mark = {True: "✓", False: "✗", None: "—"}
    rows = [[bi(p.name, v.lang), str(p.total), *(str(p.counts[k]) for k in ("inside", "outside", "unknown",
                                                                         "not_judged")),
             *(mark[c] for _, c in p.coverage)] for p in v.places]
    return [f"## {L('inventory')}", "", L("inventory_note"), "",
            *table([L("location"), L("resources"), *map(L, inventory.VERDICTS), *codes], rows)]


def render(doc: dict[str, Any], ctx: Context, lang: str = "both", max_chars: int = MAX_CHARS,
           **_: Any) -> str:
    v = view_model.build(doc, lang, ctx)

    def L(key: str, **fmt: Any) -> str:
        return label(key, lang, **fmt)

    head = _cover(v, L, ctx) + _verdict(v, L) + _matrix(v, L)
    text = ""
    for limit in LIMITS:
        note = [] if limit is None else [f"> {L('summarised', n=max_chars, k=limit)}", ""]
        body = _findings(v, L, limit, ctx) + _lists(v, L, limit) + _inventory(v, L)
        text = "\n".join(head + note + body) + "\n"
        if len(text) <= max_chars:
            return text
    return text[: max_chars - 300].rsplit("\n", 1)[0] + f"\n\n> {L('truncated', n=max_chars - 300)}\n"
