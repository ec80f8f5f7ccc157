"""The evidence bundle (`permitguard report … --bundle FILE.zip`) and its check (`permitguard report verify
FILE.zip`).

A zip of the HTML report, the findings JSON, the clause matrix as CSV, the licence profile the findings
were judged against, and `manifest.json` (schemas/bundle_manifest.schema.json): every other file with its
SHA-256 and size, the inputs' hashes, the tool version and the generation time. Entries are written in one
order, with the generation time as their timestamp and fixed permissions, so the same findings and
`--generated-at` give a byte-identical zip.

`verify` reads the zip defensively (an archive is input: bounded size and entry count, no entry whose name
could leave a directory, no link, no encrypted entry, decompressed bytes counted as they come) and
recomputes every hash: intact, tampered (each file named), or unreadable (one line, exit 2)."""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from permitguard import datafiles, output_files, safe_files
from permitguard.errors import InputError
from permitguard.report import document, formats
from permitguard.report import view as view_model
from permitguard.report.audit import clause_csv

if TYPE_CHECKING:
    from permitguard.context import Context

SCHEMA = "bundle_manifest.schema.json"
FORMAT, VERSION = "permitguard-evidence-bundle", 1
MANIFEST = "manifest.json"
REPORT, FINDINGS, MATRIX = "report.html", "findings.json", "clause-matrix.csv"
PROFILE = "licence-profile.yaml"
ROLES = {REPORT: "report", FINDINGS: "findings", MATRIX: "clause_matrix", PROFILE: "licence_profile"}
MODE = 0o100644  # a regular file, rw-r--r--, in every entry's external attributes
MAX_ARCHIVE = safe_files.JSON_LIMIT + 64 * safe_files.MIB
MAX_ENTRIES = 64  # a bundle has five
MAX_UNPACKED = 1024 * safe_files.MIB  # all entries together, decompressed
MAX_RATIO = 1000  # decompressed / compressed, per entry: a findings JSON compresses ~20:1


def _timestamp(generated_at: str) -> tuple[int, int, int, int, int, int]:
    """The zip timestamp of the generation time, in UTC (zip times start in 1980 and have 2 s steps)."""
    when = dt.datetime.fromisoformat(generated_at.replace("Z", "+00:00")).astimezone(dt.timezone.utc)
    when = max(when.replace(tzinfo=None), dt.datetime(1980, 1, 1))
    return (when.year, when.month, when.day, when.hour, when.minute, when.second - when.second % 2)


def profile_bytes(doc: dict[str, Any]) -> bytes:
    """The licence profile the findings were judged against, read from where the document says it is and
    checked against the hash it records (a report of another machine's scan: pass the same --license)."""
    lic = doc["license"]
    path = Path(lic["path"])
    try:
        raw = safe_files.read_bytes(path, "licence profile", 4 * safe_files.MIB)
    except InputError as exc:
        raise InputError(f"--bundle: the licence profile the findings were judged against cannot be read "
                         f"({exc}); run where it is, or pass it with --license") from None
    if hashlib.sha256(raw).hexdigest() != lic["sha256"]:
        raise InputError(f"--bundle: {path} is not the licence profile the findings were judged against "
                         f"(sha256 {lic['sha256'][:12]}… recorded); pass that profile with --license")
    return raw


def build(doc: dict[str, Any], ctx: Context, lang: str = "both") -> bytes:
    """The bundle's bytes: the same document (and so the same --generated-at) gives the same bytes."""
    files = {
        REPORT: formats.render(doc, "html", ctx, lang=lang).encode("utf-8"),
        FINDINGS: document.dumps(doc, ctx.rules).encode("utf-8"),
        MATRIX: clause_csv.render(view_model.build(doc, lang, ctx).rows).encode("utf-8"),
        PROFILE: profile_bytes(doc),
    }
    manifest = manifest_of(doc, files)
    problems = datafiles.schema_errors(SCHEMA, manifest)
    if problems:  # a bug, not input: the manifest is ours
        raise ValueError(f"bundle manifest does not match its schema: {problems[0]}")
    files[MANIFEST] = (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    stamp = _timestamp(doc["generated_at"])
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, so the permissions below are read as such everywhere
            info.external_attr = MODE << 16
            z.writestr(info, data, compresslevel=9)
    return out.getvalue()


def manifest_of(doc: dict[str, Any], files: dict[str, bytes]) -> dict[str, Any]:
    lic = doc["license"]
    return {
        "format": FORMAT, "version": VERSION,
        "tool": doc["tool"], "generated_at": doc["generated_at"], "as_of": doc["as_of"],
        "permit": {"number": lic["number"], "holder": lic["holder"], "profile": lic["path"],
                   "profile_sha256": lic["sha256"]},
        "inputs": [{k: i[k] for k in ("path", "kind", "sha256", "via") if k in i} for i in doc["inputs"]],
        "files": [{"name": name, "role": ROLES[name], "sha256": hashlib.sha256(data).hexdigest(),
                   "bytes": len(data)} for name, data in files.items()],
    }


def write(path: str, data: bytes) -> None:
    """Atomically (`output_files.replace`)."""
    output_files.replace(Path(path), [data], f"--bundle {path}")


# ---- verify


@dataclass
class Verdict:
    """What `verify` found: no problem is intact; each problem names the file it concerns."""

    manifest: dict[str, Any]
    problems: list[str] = field(default_factory=list)
    checked: int = 0


def _unsafe_name(name: str) -> str | None:
    """Why an entry name could write outside a directory it is extracted to (None: it cannot)."""
    if not name or "\\" in name or "\x00" in name:
        return "has a backslash or NUL" if name else "is empty"
    p = PurePosixPath(name)
    if p.is_absolute() or (len(name) > 1 and name[1] == ":"):
        return "is an absolute path"
    if ".." in p.parts:
        return "climbs out of the directory (..)"
    return None


def _entries(z: zipfile.ZipFile, label: str) -> dict[str, zipfile.ZipInfo]:
    infos = z.infolist()
    if len(infos) > MAX_ENTRIES:
        raise InputError(f"{label}: {len(infos)} entries, more than the {MAX_ENTRIES} a bundle may have")
    total, seen = 0, {}
    for info in infos:
        why = _unsafe_name(info.filename)
        if why:
            raise InputError(f"{label}: entry {info.filename!r} {why}: refused, not extracted")
        if info.filename in seen:
            raise InputError(f"{label}: entry {info.filename!r} appears twice")
        if stat.S_ISLNK(info.external_attr >> 16) or info.is_dir():
            raise InputError(f"{label}: entry {info.filename!r} is a link or a directory, not a file")
        if info.flag_bits & 0x1:
            raise InputError(f"{label}: entry {info.filename!r} is encrypted")
        total += info.file_size
        if total > MAX_UNPACKED or info.file_size > MAX_RATIO * max(info.compress_size, 1024):
            raise InputError(f"{label}: entry {info.filename!r} would decompress to {info.file_size:,} bytes "
                             f"from {info.compress_size:,}: refused (zip bomb?)")
        seen[info.filename] = info
    return seen


def _read(z: zipfile.ZipFile, info: zipfile.ZipInfo, label: str) -> bytes:
    """An entry's bytes, never more than it declares (a forged size cannot inflate past it)."""
    chunks, size = [], 0
    try:
        with z.open(info) as f:
            while chunk := f.read(1 << 20):
                size += len(chunk)
                if size > info.file_size:
                    raise InputError(f"{label}: entry {info.filename!r} decompresses past its declared size")
                chunks.append(chunk)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, NotImplementedError) as exc:
        raise InputError(f"{label}: entry {info.filename!r} cannot be read: {exc}") from None
    except Exception as exc:  # zlib.error and kin from a corrupt stream: one line, never a trace
        raise InputError(f"{label}: entry {info.filename!r} cannot be read: {type(exc).__name__}: {exc}"
                         ) from None
    return b"".join(chunks)


def _json(data: bytes, label: str) -> Any:
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise InputError(f"{label}: not JSON ({exc})") from None


def verify(path: str | Path) -> Verdict:
    """Recompute the bundle's hashes. InputError (one line) when it cannot be read as a bundle."""
    label = str(path)
    raw = safe_files.read_bytes(Path(path), "evidence bundle", MAX_ARCHIVE)
    if not zipfile.is_zipfile(io.BytesIO(raw)):
        raise InputError(f"{label}: not a zip archive; `permitguard report verify` reads a bundle written "
                         "by `permitguard report … --bundle FILE.zip`")
    try:
        z = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise InputError(f"{label}: not a readable zip archive ({exc})") from None
    with z:
        entries = _entries(z, label)
        if MANIFEST not in entries:
            raise InputError(f"{label}: no {MANIFEST}: not a permitguard evidence bundle")
        manifest = _json(_read(z, entries[MANIFEST], label), f"{label}: {MANIFEST}")
        errors = datafiles.schema_errors(SCHEMA, manifest)
        if errors:
            raise InputError(f"{label}: {MANIFEST} is not a bundle manifest: {errors[0]}")
        out = Verdict(manifest)
        listed = {f["name"]: f for f in manifest["files"]}
        contents: dict[str, bytes] = {}
        for name, item in listed.items():
            if name not in entries:
                out.problems.append(f"{name}: listed in {MANIFEST} but missing from the bundle")
                continue
            data = contents[name] = _read(z, entries[name], label)
            found = hashlib.sha256(data).hexdigest()
            out.checked += 1
            if found != item["sha256"] or len(data) != item["bytes"]:
                out.problems.append(f"{name}: altered (sha256 {found[:16]}…, {len(data):,} bytes; "
                                    f"the manifest records {item['sha256'][:16]}…, {item['bytes']:,} bytes)")
        for name in entries:
            if name != MANIFEST and name not in listed:
                out.problems.append(f"{name}: in the bundle but not listed in {MANIFEST}")
        out.problems += _agreement(manifest, contents)
    return out


def _agreement(manifest: dict[str, Any], contents: dict[str, bytes]) -> list[str]:
    """The manifest's own statements against the files they are about: the inputs and generation time
    against the findings JSON, the profile hash against the profile file."""
    problems = []
    names = {f["role"]: f["name"] for f in manifest["files"]}
    profile = contents.get(names.get("licence_profile", ""))
    if profile is not None and hashlib.sha256(profile).hexdigest() != manifest["permit"]["profile_sha256"]:
        problems.append(f"{names['licence_profile']}: not the profile whose hash {MANIFEST} records")
    findings = contents.get(names.get("findings", ""))
    if findings is None:
        return problems
    try:
        doc = json.loads(findings.decode("utf-8"))
        inputs = [{k: i[k] for k in ("path", "kind", "sha256", "via") if k in i} for i in doc["inputs"]]
        said = (doc["license"]["sha256"], doc["generated_at"], doc["tool"])
    except (UnicodeDecodeError, ValueError, RecursionError, KeyError, TypeError):
        return problems + [f"{names['findings']}: not a findings document"]
    if inputs != manifest["inputs"]:
        problems.append(f"{MANIFEST}: its inputs differ from those {names['findings']} lists")
    if said != (manifest["permit"]["profile_sha256"], manifest["generated_at"], manifest["tool"]):
        problems.append(f"{MANIFEST}: its profile hash, generation time or tool differ from "
                        f"{names['findings']}'s")
    return problems
