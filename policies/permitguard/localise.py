"""Facts into words, per language: the one module that knows how a verdict's facts read in English and in
Chinese.

A rule's verdict carries facts: a `Location`, a territory key, business-type keys, principals, port spans,
the `Unknown` that says why a value could not be established, a filing's `Scope`… The rule catalog's
templates name those facts (`{location}`, `{services}`, `{why}`), and `parameters(facts, lang, ctx)`
renders each one for the template of that language: the names of territories and provinces
(data/provinces.yaml, `ctx.provinces`), of business types and their coverage (the licence profile), list
separators (`, ` or `、`, `; ` or `；`), and the Chinese of could-not-establish reasons (data/rules.yaml
`unknown_reasons`). A fact without a renderer here (an address, a tag key, a date, a region id) is shown
as it is, in both languages: a new rule family adds a renderer only for a new kind of fact that reads
differently per language.

The Chinese messages still show some facts in English, as before this module (candidates for a later
translation, here only): city names (in `location` and `coverage`), a public `endpoint` (ENDPOINTS),
a filing `scope`, a provider default (`defaults`, `default_sources`), `principals` "none", a tag `value`
"unknown", and facts that are a reader's own text: `located_from`, `detail`, a `why` that is no Unknown
(a parser's message, a policy document's flaw), a principal's description, the change `action`.
"""

from __future__ import annotations

import functools
import re
import string
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from permitguard.model import Unknown
from permitguard.rule_catalog import Text, fill

if TYPE_CHECKING:
    from permitguard.context import Context
    from permitguard.geo import Location, Provinces
    from permitguard.license import Scope
    from permitguard.rule_catalog import RuleMeta
    from permitguard.rules.endpoints import Endpoint

LANGUAGES = ("en", "zh")
LIST = {"en": ", ", "zh": "、"}  # items of one list: provinces and cities of a coverage
GROUPS = {"en": "; ", "zh": "；"}  # groups that each hold a list: the coverage of several business types
SERVICES = {"en": " / ", "zh": "、"}
UNKNOWN_LOCATION = {"en": "unknown", "zh": "未知"}
MISSING = {"province": {"en": "province", "zh": "省份"}, "city": {"en": "city", "zh": "城市"}}
OWN_STORE = {"en": "this store", "zh": "本日志存储"}  # CKV_CNLIC_601 on a store: its own retention
NO_PRINCIPALS = "none"  # a first-party grant naming no principal (shown so in both languages)
UNKNOWN_VALUE = "unknown"  # a tag value known only after apply (shown so in both languages)
_UNVERIFIED = {"en": " [unverified]", "zh": "（未经核实）"}
_NO_PROVINCE = {"en": ", province not established", "zh": "，省份未确定"}
_CITY_SEPARATOR = {"en": ", ", "zh": "，"}
_REGION_WORD = {"en": "region", "zh": "地域"}
_AT_APPLY = "(assigned at apply)"
# The date a verdict is judged on (fact `date_basis`): a change's date, or the scan date of a resource read
# as it exists (a Terraform state, a Pulumi stack export: `Resource.deployed`).
DATE_BASIS = {"change": {"en": "change date", "zh": "变更日期"},
              "deployed": {"en": "scan date (as deployed)", "zh": "扫描日期（按部署现状）"}}


def date_basis(deployed: bool) -> str:
    """The `date_basis` fact of a verdict on a resource (deployed: read as it exists)."""
    return "deployed" if deployed else "change"

def describe_location(loc: Location, lang: str, provinces: Provinces) -> str:
    """e.g. "alicloud cn-heyuan → Guangdong (CN-GD), Heyuan" / "alicloud cn-heyuan → 广东省 (CN-GD)，Heyuan";
    from a zone, "volcengine cn-beijing-datong-a (region cn-beijing) → Shanxi (CN-SX), Datong"."""
    where = f"{loc.provider} {loc.region}"
    if loc.zone is not None:
        where = f"{loc.provider} {loc.zone} ({_REGION_WORD[lang]} {loc.region})"
    return f"{where} → {_place(loc, lang, provinces)}"


def _place(loc: Location, lang: str, provinces: Provinces) -> str:
    name = provinces.name(loc.province, lang) if loc.province else None
    if name:
        place = f"{name} ({loc.province})"
    else:
        place = provinces.territory_label(loc.territory, lang)
        if loc.territory == "mainland":
            place += _NO_PROVINCE[lang]
    if loc.city:
        place += _CITY_SEPARATOR[lang] + loc.city
    if loc.unverified:
        place += _UNVERIFIED[lang]
    return place


def why(value: Unknown | str, lang: str, unknown_reasons: Mapping[str, str]) -> str:
    """Why a value could not be established. An Unknown's reason in Chinese: its known English prefix
    translated, the rest (a reference, a provider name) as written; any other text as it is."""
    if not isinstance(value, Unknown):
        return value
    if lang == "zh":
        for prefix, zh in unknown_reasons.items():
            if value.why.startswith(prefix):
                return zh + value.why[len(prefix):]
    return value.why


def scope_text(scope: Scope) -> str:
    """A filing's scope: "alicloud cn-beijing zones cn-beijing-h, cn-beijing-k", "… (whole region)"."""
    zones = f" zones {', '.join(sorted(scope.zones))}" if scope.zones else " (whole region)"
    return f"{scope.provider} {scope.region}{zones}"


def _services(keys: Iterable[str], lang: str, ctx: Context) -> str:
    svc = [ctx.profile.services[k] for k in keys]
    if lang == "zh":
        return SERVICES[lang].join(f"{x.name_zh}（{x.code}）" for x in svc)
    return SERVICES[lang].join(f"{x.name_en} ({x.code})" for x in svc)


def _coverage(keys: Iterable[str], lang: str, ctx: Context) -> str:
    """Where the permit licenses these business types, from the profile (never a bundled permit's)."""
    out = []
    for k in keys:
        cov = ctx.profile.services[k].coverage
        places = [ctx.provinces.name(p, lang) or p for p in sorted(cov.provinces)]
        places += sorted(c.title() for c in cov.cities)
        where = ctx.provinces.territory_label("mainland", lang) if cov.nationwide else LIST[lang].join(places)
        out.append(f"{ctx.profile.services[k].code} {where}")
    return GROUPS[lang].join(out)


def _ports(spans: Iterable[tuple[int, int]], lang: str, ctx: Context) -> str:
    return ", ".join(sorted({f"{lo}" if lo == hi else f"{lo}-{hi}" for lo, hi in spans}))


# How a public control API endpoint (rules/endpoints.py) reads, per reader: in English in both languages.
ENDPOINTS: dict[str, Callable[[Endpoint], str]] = {
    "aws_eks": lambda e: f"{e.switch} from {', '.join(e.sources)}",
    "alicloud_cs": lambda e: f"{e.switch} = true",
    "tencent_tke": lambda e: f"{e.switch} = true{f' ({e.bound})' if e.bound else ''}",
    "azure_aks": lambda e: f"public API server, authorized ranges {', '.join(e.sources)}",
    "huawei_cce": lambda e: f"API bound to EIP {e.bound if isinstance(e.bound, str) else _AT_APPLY}",
}


Renderer = Callable[[Any, str, "Context"], Any]
RENDERERS: dict[str, Renderer] = {
    "location": lambda v, lang, ctx: (
        UNKNOWN_LOCATION[lang] if v is None else describe_location(v, lang, ctx.provinces)),
    "territory": lambda v, lang, ctx: ctx.provinces.territory_label(v, lang),
    "services": _services,
    "coverage": _coverage,
    "missing": lambda v, lang, ctx: MISSING[v][lang],
    "why": lambda v, lang, ctx: why(v, lang, ctx.rules.unknown_reasons),
    "principals": lambda v, lang, ctx: ", ".join(v) or NO_PRINCIPALS,
    "sources": lambda v, lang, ctx: ", ".join(sorted(set(v))),
    "ports": _ports,
    "granted": lambda v, lang, ctx: ", ".join(v),
    "defaults": lambda v, lang, ctx: "; ".join(d.describe() for d in v),
    "default_sources": lambda v, lang, ctx: "; ".join(v),
    "scope": lambda v, lang, ctx: scope_text(v),
    "endpoint": lambda v, lang, ctx: ENDPOINTS[v.shape](v),
    "value": lambda v, lang, ctx: UNKNOWN_VALUE if isinstance(v, Unknown) else v,
    "far_end": lambda v, lang, ctx: describe_location(v, lang, ctx.provinces),
    "ends": lambda v, lang, ctx: LIST[lang].join(v),
    "hosts": lambda v, lang, ctx: LIST[lang].join(v),
    "store": lambda v, lang, ctx: v or OWN_STORE[lang],
    "carrier": lambda v, lang, ctx: v.zh if lang == "zh" else v.en,
    "date_basis": lambda v, lang, ctx: DATE_BASIS[v][lang],
    "because": lambda v, lang, ctx: v.zh if lang == "zh" else v.en,
    "settings": lambda v, lang, ctx: LIST[lang].join(v),
    "networks": lambda v, lang, ctx: LIST[lang].join(v),
    "pools": lambda v, lang, ctx: LIST[lang].join(v),
    "attrs": lambda v, lang, ctx: LIST[lang].join(v),
    "companion_types": lambda v, lang, ctx: LIST[lang].join(v),
    "node_kind": lambda v, lang, ctx: v[1] if lang == "zh" else v[0],
}


def _plain(value: Any) -> bool:
    """Whether a fact may be rendered once per run and the text reused for every equal fact: a plain
    string, or a tuple of them, or a Location whose region and zone are plain. Never an `Unknown` (all
    Unknowns are equal, their reasons are not) and never a sensitive value (it equals its plain text but
    renders as "(sensitive)"), nor anything holding one."""
    kind = type(value)
    if kind is str:
        return True
    if kind is tuple:
        return all(type(v) is str for v in value)
    if kind is _location_class():
        return type(value.region) is str and (value.zone is None or type(value.zone) is str)
    return False


@functools.cache
def _location_class() -> type:
    from permitguard.geo.location import Location  # geo.location words itself with this module

    return Location


def _rendered(name: str, value: Any, lang: str, ctx: Context) -> Any:
    """The renderer's text for `value`, from the run's memo when the fact is plain (renderers are pure:
    the same fact in the same run reads the same; a 10,000-resource scan renders a handful of locations
    150,000 times)."""
    if not _plain(value):
        return RENDERERS[name](value, lang, ctx)
    memo = ctx.renderings
    key = (name, lang, value)
    text = memo.get(key)
    if text is None:
        text = memo[key] = RENDERERS[name](value, lang, ctx)
    return text


def parameters(facts: Mapping[str, Any], lang: str, ctx: Context,
               names: Iterable[str] | None = None) -> dict[str, Any]:
    """The template parameters of `facts` in `lang`: each fact rendered by its renderer, or as it is;
    with `names`, only the facts of those names (those a template shows)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; expected one of {LANGUAGES}")
    if names is not None:
        facts = {name: facts[name] for name in names if name in facts}
    return {
        name: _rendered(name, value, lang, ctx) if name in RENDERERS else value
        for name, value in facts.items()
    }


@functools.cache
def _names(template: str) -> tuple[str, ...]:
    """The facts a template shows: `{location}`, `{why!s}`, `{where.region}` name location, why, where."""
    names = (re.split(r"[.\[]", field, maxsplit=1)[0]
             for _, field, _, _ in string.Formatter().parse(template) if field)
    return tuple(dict.fromkeys(names))


template_names = _names  # the facts a template shows (report.compact asks which templates need no more)


def message(meta: RuleMeta, reason: str, facts: Mapping[str, Any], ctx: Context) -> Text:
    """The rule's message for `reason`, each language's template filled with the facts rendered for it
    (only those it shows: a verdict carries more)."""
    en, zh = texts(meta, reason, facts, ctx)
    return Text(en, zh)


def texts(meta: RuleMeta, reason: str, facts: Mapping[str, Any], ctx: Context) -> tuple[str, str]:
    """`message` as (en, zh): what the engine renders for each of its ~10 verdicts per resource."""
    template = meta.template(reason)
    out = []
    for lang, text in (("en", template.en), ("zh", template.zh)):
        params = {}
        for name in _names(text):
            if name in facts:
                value = facts[name]
                params[name] = _rendered(name, value, lang, ctx) if name in RENDERERS else value
        out.append(fill(text, params))
    return out[0], out[1]
