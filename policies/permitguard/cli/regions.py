"""`permitguard regions resolve PROVIDER ID`: where it is, and which licensed business types cover it."""

from __future__ import annotations

import argparse
import json
from typing import Any

from permitguard.context import Context
from permitguard.errors import InputError
from permitguard.geo import Location
from permitguard.license import Filing
from permitguard.status import ExitStatus


def run(args: argparse.Namespace, env) -> ExitStatus:
    ctx = Context.load(args.license, environ=env.environ, cwd=env.cwd)
    loc = ctx.regions.resolve(args.provider, zone=args.id) or ctx.regions.resolve(
        args.provider, region=args.id
    )
    if args.provider not in ctx.regions.providers():
        raise InputError(f"{args.provider!r} is not a provider of the region catalog (known: "
                         f"{', '.join(ctx.regions.providers())})")
    if loc is None:
        raise InputError(
            f"{args.provider} {args.id!r} is not a region or zone in the catalog: "
            "an unknown location is never permitted (CKV_CNLIC_103)"
        )
    covering = ctx.profile.services_covering(loc, ctx.city_provinces)
    room = ctx.profile.room_covering(loc.provider, loc.region, loc.zone)
    if args.format == "json":
        print(json.dumps(_json(loc, ctx, covering, room), ensure_ascii=False, indent=2), file=env.stdout)
        return ExitStatus.OK
    lines = [
        loc.describe(),
        loc.describe_zh(),
        f"territory: {loc.territory}" + ("  (unverified data)" if loc.unverified else ""),
        f"licence {ctx.profile.number}: "
        + (
            ", ".join(f"{k} ({ctx.profile.services[k].code})" for k in covering)
            or "no business type covers it"
        ),
        f"machine room: {room.room_id + ' (' + room.reference + ')' if room else 'none filed'}",
        f"source: {loc.source}",
    ]
    print("\n".join(lines), file=env.stdout)
    return ExitStatus.OK


def _json(loc: Location, ctx: Context, covering: list[str], room: Filing | None) -> dict[str, Any]:
    return {
        "provider": loc.provider,
        "region": loc.region,
        "zone": loc.zone,
        "territory": loc.territory,
        "province": loc.province,
        "city": loc.city,
        "name": loc.name,
        "unverified": loc.unverified,
        "source": loc.source,
        "license": ctx.profile.number,
        "services": covering,
        "machine_room": room.room_id if room else None,
    }
