#!/usr/bin/env python3
"""Generate the labeled postal-address corpus at testdata/corpus/address.txt.

Usage:
    python3 scripts/gen_address_corpus.py > testdata/corpus/address.txt
    python3 scripts/gen_address_corpus.py --check testdata/corpus/address.txt

Standard library only, fully deterministic: one random.Random(SEED), no
iteration over sets or hash-ordered containers, no clock.  The output depends
only on this script, scripts/gen_corpus.py (whose number generators, line
styling and lint are imported, not changed) and the place-name data present in
the repository (see "Place names").  --check FILE exits 1 with a one-line
message when FILE differs from what would be generated.

File format
-----------
Same as testdata/corpus/chat.txt: one example per line, "CATEGORY<TAB>TEXT",
items marked inline as "⟦KIND|ITEM⟧".  This file adds the kind "address";
lines may also hold "phone" and "id_card" items.  Categories:
"pos/address/<form>/<placement>" (exactly one item, an address),
"mix/address+phone", "mix/address+id", "mix/address+phone+id",
"mix/address-pair" (two or more items), "neg/<what>" (no item).

Span conventions for "address"
------------------------------
  * The span starts at the first character of the address proper: the first
    administrative name (province, prefecture, county, town) when there is
    one, else the road, compound or village name.  Context words and verbs
    before it (地址是, 收货地址：, 住在, 寄到, 送到, 家在, 改成 ...) are outside.
  * The span ends at the last character of the most detailed unit (室, 房, 号,
    栋, 幢, 座, 号楼, 楼, 层, 单元, 组, 村, 屯, 村委会, a road name, or the bare
    digits of a room).  Trailing chatter (附近, 门口, 旁边, 那边, 的, 这里,
    谢谢), punctuation, recipient names and phone numbers are outside.
  * Spaces and commas that separate parts of one address are inside; a space
    or comma followed by anything that is not a further address part ends
    the span.
  * Something counts as an address only with at least one level below the
    county: a road or street, a compound, a village, a building or door
    number, or a town / subdistrict together with a village or road.
    Administrative names alone (寄到北京市朝阳区, 郸城县宁平镇) are negatives.
  * Without any administrative name, a line is an address only with clear
    detail: road + door number, or compound + building / room.  A bare road
    name, a bare compound name and a bare building / unit / room
    (3栋2单元502) are negatives, as in chat.txt's neg/room lines.
  * Spans are at most 64 characters and never contain a digit run of 7 or
    more digits.

Place names
-----------
Province, prefecture and county names are read from data/region_codes.txt
for a fixed list of current county-level codes below (the file also keeps
abolished codes, so the script does not sample it blindly), checked against
the expected name.  When data/gazetteer/divisions.tsv exists (columns CODE,
LEVEL p/c/d/t, PARENT, NAME, ALIASES), its names override those of
region_codes.txt and its towns (level t) under the listed counties replace the
built-in town list.  Roads, compounds, villages and door numbers are
synthesised from common name parts.  The header line says which data was
used.
"""

import os
import random
import re
import sys

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import gen_corpus as gc  # noqa: E402  (number generators, styling, lint)
import corpus_cli

SEED = 20261130
REGION_CODES = os.path.join(ROOT, "data", "region_codes.txt")
DIVISIONS = os.path.join(ROOT, "data", "gazetteer", "divisions.tsv")
MAX_SPAN = 64

# ---------------------------------------------------------------------------
# Place-name data
# ---------------------------------------------------------------------------

# Current county-level divisions used in addresses, with the name expected
# in the data (a mismatch stops the script).  441900 东莞 and 442000 中山 have
# no county level: their towns sit directly under the prefecture.
COUNTIES = """
110101 东城区 110102 西城区 110105 朝阳区 110108 海淀区 110106 丰台区
110112 通州区 110114 昌平区 110115 大兴区
120101 和平区 120104 南开区 120103 河西区 120116 滨海新区 120111 西青区
310115 浦东新区 310101 黄浦区 310104 徐汇区 310106 静安区 310112 闵行区
310113 宝山区 310117 松江区 310110 杨浦区
500103 渝中区 500105 江北区 500112 渝北区 500106 沙坪坝区 500107 九龙坡区
500101 万州区 500229 城口县 500237 巫山县
130102 长安区 130108 裕华区 130602 竞秀区 130532 平乡县 131082 三河市
140105 小店区 140213 平城区 140802 盐湖区
150105 赛罕区 150102 新城区 150121 土默特左旗 150203 昆都仑区
152502 锡林浩特市 152526 西乌珠穆沁旗 150602 东胜区 150627 伊金霍洛旗
150702 海拉尔区 150781 满洲里市 152201 乌兰浩特市 152921 阿拉善左旗
210102 和平区 210112 浑南区 210211 甘井子区
220104 朝阳区 220102 南关区 222401 延吉市 222404 珲春市 222426 安图县
230103 南岗区 230102 道里区 230184 五常市 231283 海伦市 232701 漠河市
320106 鼓楼区 320115 江宁区 320104 秦淮区 320508 姑苏区 320506 吴中区
320583 昆山市 320324 睢宁县 320211 滨湖区
330106 西湖区 330110 余杭区 330105 拱墅区 330108 滨江区 330212 鄞州区
330782 义乌市 330302 鹿城区
340104 蜀山区 340111 包河区 341221 临泉县
350102 鼓楼区 350203 思明区 350206 湖里区 350582 晋江市
360113 红谷滩区 360703 南康区
370102 历下区 370202 市南区 370212 崂山区 370211 黄岛区 371721 曹县
371324 兰陵县 370783 寿光市
410105 金水区 410102 中原区 411625 郸城县 410311 洛龙区
420111 洪山区 420103 江汉区 420106 武昌区 421126 蕲春县 429004 仙桃市
422801 恩施市
430104 岳麓区 430103 天心区 430582 邵东市 433101 吉首市 433123 凤凰县
440106 天河区 440104 越秀区 440105 海珠区 440113 番禺区 440111 白云区
440305 南山区 440304 福田区 440306 宝安区 440307 龙岗区 440309 龙华区
440515 澄海区 440606 顺德区 440605 南海区 441900 东莞市 442000 中山市
450103 青秀区 450107 西乡塘区 450110 武鸣区 450321 阳朔县 450923 博白县
451003 田阳区
460106 龙华区 460108 美兰区 460203 吉阳区 460204 天涯区
510107 武侯区 510104 锦江区 510116 双流区 510117 郫都区 513401 西昌市
513225 九寨沟县 513301 康定市
520115 观山湖区 520102 南明区 522601 凯里市 522634 雷山县 522701 都匀市
530102 五华区 530103 盘龙区 532901 大理市 532801 景洪市 532503 蒙自市
540102 城关区 540202 桑珠孜区
610113 雁塔区 610116 长安区 610112 未央区 610802 榆阳区
620102 城关区 620103 七里河区 622901 临夏市 623001 合作市
630104 城西区 632801 格尔木市 632701 玉树市
640104 兴庆区 640106 金凤区 640121 永宁县
650102 天山区 650103 沙依巴克区 654002 伊宁市 652301 昌吉市 652801 库尔勒市
653101 喀什市 659001 石河子市
"""

# Real towns and subdistricts (checked against the 2023 statistics-bureau
# list) under some of the counties above.  Replaced by divisions.tsv's towns when that file exists.
TOWNS = """
110108 中关村街道 学院路街道 上地街道 清河街道 马连洼街道 青龙桥街道
110105 望京街道 建外街道 三里屯街道 酒仙桥街道 劲松街道
310115 张江镇 川沙新镇 北蔡镇 周浦镇 陆家嘴街道 花木街道
310112 莘庄镇 七宝镇 梅陇镇 颛桥镇
440305 粤海街道 南头街道 蛇口街道 西丽街道 桃源街道
440306 西乡街道 新安街道 福永街道 沙井街道 石岩街道
440106 石牌街道 林和街道 五山街道 车陂街道
330106 文新街道 翠苑街道 古荡街道 蒋村街道 三墩镇 转塘街道
330110 仓前街道 五常街道 良渚街道 瓶窑镇
411625 宁平镇 汲冢镇 胡集乡 李楼乡
371721 大集镇 庄寨镇
320324 沙集镇
330782 佛堂镇 稠城街道
350582 陈埭镇 安海镇 磁灶镇
360703 唐江镇
430582 廉桥镇
421126 蕲州镇 漕河镇
341221 杨桥镇 姜寨镇
371324 向城镇 神山镇
370783 孙家集街道 稻田镇 古城街道
532901 喜洲镇 大理镇 双廊镇
522634 西江镇
222401 依兰镇 朝阳川镇
150121 察素齐镇
152526 巴拉嘎尔高勒镇
450923 博白镇 沙河镇
610116 郭杜街道 韦曲街道
230184 山河镇 五常镇
540102 八廓街道
640121 闽宁镇
500105 观音桥街道
120116 塘沽街道 新港街道
441900 长安镇 虎门镇 常平镇 塘厦镇
442000 小榄镇 古镇镇
130532 河古庙镇
450321 阳朔镇 兴坪镇
433123 山江镇
513225 漳扎镇
320583 花桥镇 张浦镇 玉山镇
440606 大良街道 容桂街道 北滘镇 乐从镇
440515 莲下镇
330212 姜山镇
532801 嘎洒街道 勐龙镇
510116 东升街道 九江街道
"""

MUNI_PROVINCES = ("11", "12", "31", "50")
# Prefecture-level names that are not places (groupings of directly
# administered counties).
NON_PREFECTURES = ("县", "市辖区", "省直辖县", "省直辖县级行政区划", "自治区直辖县级行政区划")
PROV_SHORT = {"广西壮族自治区": "广西", "内蒙古自治区": "内蒙古", "宁夏回族自治区": "宁夏",
              "新疆维吾尔自治区": "新疆", "西藏自治区": "西藏"}
# Everyday short names of autonomous prefectures.
PREF_SHORT = {"延边朝鲜族自治州": "延边州", "恩施土家族苗族自治州": "恩施州",
              "湘西土家族苗族自治州": "湘西州", "黔东南苗族侗族自治州": "黔东南州",
              "黔南布依族苗族自治州": "黔南州", "大理白族自治州": "大理州",
              "西双版纳傣族自治州": "西双版纳州", "红河哈尼族彝族自治州": "红河州",
              "凉山彝族自治州": "凉山州", "阿坝藏族羌族自治州": "阿坝州",
              "甘孜藏族自治州": "甘孜州", "临夏回族自治州": "临夏州", "甘南藏族自治州": "甘南州",
              "海西蒙古族藏族自治州": "海西州", "玉树藏族自治州": "玉树州",
              "伊犁哈萨克自治州": "伊犁州", "昌吉回族自治州": "昌吉州",
              "巴音郭楞蒙古自治州": "巴州"}
TOWN_SUFFIXES = ("街道", "镇", "乡", "苏木")


class Admin:
    """One county-level place with its province and prefecture."""

    def __init__(self, code, prov, pref, county):
        self.code = code
        self.prov = prov
        self.pref = pref          # None for municipalities and directly administered counties
        self.county = county      # None for 东莞 / 中山 (towns directly below)
        self.muni = code[:2] in MUNI_PROVINCES
        self.auto = ("自治" in prov or (pref is not None and (pref.endswith("州") or pref.endswith("盟")
                                                              or pref.endswith("地区")))
                     or (county is not None and county.endswith("旗")))
        self.towns = []

    def prov_s(self):
        return PROV_SHORT.get(self.prov, self.prov[:-1] if self.prov[-1] in "省市" else self.prov)

    def pref_s(self, rng):
        p = self.pref
        if p in PREF_SHORT and rng.random() < 0.6:
            return PREF_SHORT[p]
        if p.endswith("市") and len(p) >= 3:
            return p[:-1]
        return p


def parse_pairs(block):
    toks = block.split()
    return [(toks[i], toks[i + 1]) for i in range(0, len(toks), 2)]


def load_region_codes(path):
    names = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            code, name = line.rstrip("\n").split("\t")[:2]
            names[code] = name
    return names


def load_divisions(path):
    """(names of p/c/d codes, {county code: [town names sorted by code]})."""
    names, towns = {}, {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 4 or not cols[0].isdigit():
                continue  # header row
            code, level, parent, name = cols[0], cols[1].strip().lower(), cols[2], cols[3].strip()
            if level in ("p", "c", "d") and len(code) >= 6 and code[6:].strip("0") == "":
                names[code[:6]] = name
            elif level == "t" and parent[:6].isdigit() and name.endswith(TOWN_SUFFIXES):
                towns.setdefault(parent[:6], []).append((code, name))
    return names, {k: [n for _, n in sorted(v)] for k, v in towns.items()}


def build_places():
    names = load_region_codes(REGION_CODES)
    source = "data/region_codes.txt + built-in town list"
    div_towns = None
    if os.path.exists(DIVISIONS):
        div_names, div_towns = load_divisions(DIVISIONS)
        for code in sorted(div_names):
            names[code] = div_names[code]
        source = "data/gazetteer/divisions.tsv + data/region_codes.txt"
    admins = []
    for code, expect in parse_pairs(COUNTIES):
        got = names.get(code)
        if got != expect:
            raise SystemExit(f"place data: {code} is {got!r}, expected {expect!r}")
        prov = names[code[:2] + "0000"]
        if code.endswith("00"):
            pref, county = got, None
        elif code[:2] in MUNI_PROVINCES:
            pref, county = None, got
        else:
            pref = names.get(code[:4] + "00")
            if pref in NON_PREFECTURES:
                pref = None
            county = got
        admins.append(Admin(code, prov, pref, county))
    by_code = {a.code: a for a in admins}
    for code, *town_names in (line.split() for line in TOWNS.strip().split("\n")):
        by_code[code].towns = list(town_names)
    if div_towns is not None:
        for a in admins:
            got = [t for t in div_towns.get(a.code, []) if len(t) <= 7]
            if got:
                a.towns = got
    return admins, source


ADMINS, PLACE_SOURCE = build_places()
MUNIS = [a for a in ADMINS if a.muni]
AUTOS = [a for a in ADMINS if a.auto]
NORMALS = [a for a in ADMINS if not a.muni and not a.auto]
WITH_TOWNS = [a for a in ADMINS if a.towns]
RURAL = [a for a in WITH_TOWNS if a.county is None or a.county[-1] in "县旗" or a.county.endswith("市")
         or any(t[-1] in "镇乡" for t in a.towns)]

# ---------------------------------------------------------------------------
# Synthesised name parts
# ---------------------------------------------------------------------------

SURNAME_CHARS = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯董程曹袁邓许沈彭吕苏卢蒋蔡贾丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙段雷钱汤尹黎常武乔贺赖龚"
ROAD_STEMS = (
    "建国 人民 解放 中山 和平 胜利 新华 文化 长江 黄河 延安 建设 团结 幸福 光明 友谊 复兴 朝阳 青年 "
    "东风 工农 学府 科技 创业 滨江 沿江 金融 世纪 长安 迎宾 五一 八一 振兴 富民 兴业 高新 文三 天目山 "
    "淮海 深南 滨河 湖滨 体育 环城 站前 银河 星光 紫荆 桂花 梧桐 丁香 玉兰 锦绣 新城 明珠 凤凰 龙江 "
    "海滨 望江 江南 江东 汉江 珠江 黄山 泰山 华山 昆仑 天山 香山 东湖 莲花 荷花 书院 府前 学院 园林 "
    "农林 民主 平安 金桥 枫林 松柏 翠微 清河 红旗 北辰 南华 育才 商业 工业 创新 软件 海德 沙河"
).split()
ROAD_ORD = "一二三四五六七八九十"
HUTONG_STEMS = "史家 帽儿 砖塔 菊儿 方家 东棉花 椿树 百花 报房 草厂 炒豆 板厂 前鼓楼苑 东四十条 西总布 礼士".split()
CMPD_STEMS = (
    "阳光 翠湖 万科 碧桂园 保利 金地 绿地 华润 龙湖 恒大 世纪 锦绣 金色 幸福 和谐 东方 香榭 水岸 御景 "
    "紫金 枫林 桃源 丽景 蓝湾 星河 天悦 融创 中海 招商 银座 富力 首开 远洋 绿城 金茂 旭辉 名都 天鹅湖 "
    "春华 景泰 康城 晨曦 雅居 怡景 翡翠 君悦 明月 书香 岭南 江南 时代 未来 华星 滨湖 紫薇 观澜 半山 "
    "泊林 云栖 玫瑰 金域 蔚蓝 海棠 盛世 都市 馨园 百合 嘉和 润泽 清华 北辰 西山 东湖"
).split()
CMPD_MIDS = ["", "", "", "", "", "", "时代", "国际", "城市", "山水", "湖畔", "壹号", "新", "滨江", "公园"]
RES_SUFFIXES = ["小区", "小区", "花园", "花园", "苑", "府", "庭", "家园", "新村", "城", "公寓", "华庭", "雅苑",
                "名苑", "嘉园", "一品", "公馆", "湾", "里", "山庄", "天地", "佳苑", "国际"]
OFFICE_SUFFIXES = ["大厦", "大厦", "广场", "中心", "写字楼", "国际", "商务中心", "科技园", "创业园", "金融中心"]
REAL_CMPDS = ["深圳湾科技生态园", "华星时代广场", "SOHO现代城", "国贸中心", "万象城", "银泰中心",
              "天安数码城", "环球中心", "来福士广场", "太古汇"]
ZONES = ["科技园南区", "科技园", "高新区", "经开区", "工业园区", "软件园", "产业园", "创业园", "科学城", "物流园"]
VILLAGE_WORDS = "前进 红旗 新民 胜利 团结 东风 和平 光明 永丰 长兴 新华 幸福 联合 友谊 建新 五星 丰收 兴隆 太平 双河".split()
VILLAGE_SUFFIX = "庄楼营寨集店湾岗洼坪"
VILLAGE_NATURE = "河 桥 湖 山 塘 沟 岭 坡 林 台 堡 庙".split()
COMMUNITY_WORDS = "幸福 和谐 阳光 文明 新风 长青 东湖 金桥 花园 桃园 滨河 锦华 龙泉 翠竹 民主 振兴".split()


def road_name(rng):
    stem = rng.choice(ROAD_STEMS)
    k = rng.randrange(100)
    if k < 38:
        return stem + "路"
    if k < 52:
        return stem + rng.choice("东西南北中") + "路"
    if k < 62:
        return stem + "大道"
    if k < 70:
        return stem + rng.choice(["大街", "街", "东街", "西街"])
    if k < 80:
        return stem + rng.choice(ROAD_ORD[:6]) + "路"
    if k < 86:
        return stem + rng.choice("东西南北") + rng.choice(ROAD_ORD) + rng.choice(["道", "路"])
    if k < 92:
        return stem + rng.choice(["中路", "北路", "南路", "东路", "西路"])
    if k < 96:
        return stem + rng.choice(["大道东", "大道西", "大道中"])
    return stem + "巷"


def hutong_name(rng):
    return rng.choice(HUTONG_STEMS) + "胡同"


def cmpd_name(rng, office=False):
    if rng.random() < 0.07:
        return rng.choice(REAL_CMPDS)
    stem = rng.choice(CMPD_STEMS)
    mid = rng.choice(CMPD_MIDS)
    suf = rng.choice(OFFICE_SUFFIXES if office else RES_SUFFIXES)
    if mid and suf == mid:
        mid = ""
    return stem + mid + suf


def village_name(rng):
    k = rng.randrange(100)
    if k < 35:
        return rng.choice(SURNAME_CHARS) + rng.choice(VILLAGE_SUFFIX) + "村"
    if k < 55:
        return rng.choice(SURNAME_CHARS) + "家" + rng.choice(["湾", "庄", "营", "沟", "坪", "堡"]) + "村"
    if k < 78:
        return rng.choice(VILLAGE_WORDS) + "村"
    return rng.choice("东西南北前后大小上下") + rng.choice(VILLAGE_NATURE) + "村"


def tun_name(rng):
    return rng.choice([rng.choice(SURNAME_CHARS) + "家屯", rng.choice("前后东西南北") + "屯",
                       rng.choice(["靠山屯", "榆树屯", "柳树屯", "黄泥屯", "新立屯", "三合屯"])])


# ---------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------

CN = "零一二三四五六七八九"


def cn_cardinal(n):
    if n < 10:
        return CN[n]
    if n < 20:
        return "十" + (CN[n - 10] if n > 10 else "")
    if n < 100:
        return CN[n // 10] + "十" + (CN[n % 10] if n % 10 else "")
    if n < 1000:
        h, r = divmod(n, 100)
        s = CN[h] + "百"
        if r == 0:
            return s
        if r < 10:
            return s + "零" + CN[r]
        return s + CN[r // 10] + "十" + (CN[r % 10] if r % 10 else "")
    t, r = divmod(n, 1000)
    s = CN[t] + "千"
    if r == 0:
        return s
    if r < 10:
        return s + "零" + CN[r]
    if r < 100:
        return s + "零" + CN[r // 10] + "十" + (CN[r % 10] if r % 10 else "")
    return s + cn_cardinal(r)


FW_LETTERS = str.maketrans("ABCDEFGH", "ＡＢＣＤＥＦＧＨ")


class NumFmt:
    """Writes the numbers of one address in one style: ascii, fw, asr."""

    def __init__(self, rng, style):
        self.rng = rng
        self.style = style

    def card(self, n):
        """Door, building, unit, floor and group numbers."""
        s = str(n)
        if self.style == "fw":
            return gc.fw(s)
        if self.style == "asr":
            r = self.rng.random()
            if r < 0.72 and n < 1000:
                return cn_cardinal(n)
            if r < 0.85 and n >= 100:
                return gc.to_numerals(self.rng, s, "std")
            return s
        if n <= 10 and self.rng.random() < 0.1:
            return cn_cardinal(n)
        return s

    def room(self, n):
        s = str(n)
        if self.style == "fw":
            return gc.fw(s)
        if self.style == "asr":
            r = self.rng.random()
            if r < 0.62:
                return gc.to_numerals(self.rng, s, gc.weighted(self.rng, [("std", 6), ("yao", 3), ("ling", 1)]))
            if r < 0.82 and n < 1000:
                return cn_cardinal(n)
            return s
        return s

    def letter(self, ch):
        if self.style == "fw" and self.rng.random() < 0.5:
            return ch.translate(FW_LETTERS)
        return ch


def door_no(rng):
    return gc.weighted(rng, [(rng.randint(1, 30), 30), (rng.randint(31, 200), 45), (rng.randint(201, 999), 20),
                             (rng.randint(1000, 3999), 5)])


# ---------------------------------------------------------------------------
# Address parts.  An address is a list of (text, tag); tags: adm, zone, town,
# comm, vill, grp, road, num, cmpd, bldg, unit, room.
# ---------------------------------------------------------------------------


def admin_parts(rng, a, mode):
    """mode: full, city, county, short, prov-city, city-only."""
    if a.muni:
        prov = a.prov if mode in ("full", "city", "prov-city", "city-only") else a.prov_s()
        if mode == "county":
            return [(a.county, "adm")]
        if mode in ("prov-city", "city-only"):
            return [(prov, "adm")]
        return [(prov, "adm"), (a.county, "adm")]
    if a.pref is None and a.county is not None:      # 湖北省仙桃市, 新疆石河子市
        prov = a.prov_s() if mode == "short" else a.prov
        if mode in ("county", "city", "city-only"):
            return [(a.county, "adm")]
        return [(prov, "adm"), (a.county, "adm")]
    if a.county is None:                             # 广东省东莞市
        if mode in ("full", "prov-city"):
            return [(a.prov, "adm"), (a.pref, "adm")]
        if mode == "short":
            return [(a.prov_s(), "adm"), (a.pref_s(rng), "adm")]
        return [(a.pref, "adm")]
    if mode == "full":
        return [(a.prov, "adm"), (a.pref, "adm"), (a.county, "adm")]
    if mode == "city":
        return [(a.pref, "adm"), (a.county, "adm")]
    if mode == "county":
        if len(a.county) < 3:
            return [(a.pref, "adm"), (a.county, "adm")]
        return [(a.county, "adm")]
    if mode == "short":
        pref = a.pref_s(rng) if rng.random() < 0.7 else a.pref
        return [(a.prov_s(), "adm"), (pref, "adm"), (a.county, "adm")]
    if mode == "prov-city":
        return [(a.prov if rng.random() < 0.6 else a.prov_s(), "adm"), (a.pref, "adm")]
    return [(a.pref, "adm")]


def road_parts(rng, nf, big=False):
    road = road_name(rng)
    n = door_no(rng)
    k = rng.randrange(100)
    if k < 70:
        num = nf.card(n) + "号"
    elif k < 82:
        num = nf.card(n) + "号院"
    elif k < 90:
        num = rng.choice(["甲", "乙"]) + nf.card(rng.randint(1, 60)) + "号"
    else:
        sub = str(rng.randint(1, 9))
        num = nf.card(n) + "-" + (gc.fw(sub) if nf.style == "fw" else sub) + "号" if nf.style != "asr" else nf.card(n) + "号"
    return [(road, "road"), (num, "num")]


def room_no(rng):
    floor = gc.weighted(rng, [(rng.randint(1, 6), 40), (rng.randint(7, 18), 40), (rng.randint(19, 33), 20)])
    return floor, floor * 100 + rng.randint(1, 8 if floor > 1 else 4)


def res_tail(rng, nf, depth=None, letter=False):
    """Building / unit / room of a residential compound."""
    parts = []
    if letter or rng.random() < 0.08:
        b = nf.letter(rng.choice("ABCDEF")) + (nf.card(rng.randint(1, 9)) if rng.random() < 0.4 else "")
        parts.append((b + rng.choice(["栋", "座", "幢"]), "bldg"))
    else:
        b = nf.card(rng.randint(1, 36))
        parts.append((b + gc.weighted(rng, [("栋", 45), ("号楼", 35), ("幢", 15), ("座", 5)]), "bldg"))
    if depth is None:
        depth = gc.weighted(rng, [("bldg", 8), ("unit", 6), ("room", 56), ("unit-room", 30)])
    if depth in ("unit", "unit-room"):
        parts.append((nf.card(rng.randint(1, 6)) + "单元", "unit"))
    if depth in ("room", "unit-room"):
        _floor, room = room_no(rng)
        k = rng.randrange(100)
        if k < 45:
            suf = "室"
        elif k < 72:
            suf = ""
        elif k < 87:
            suf = "房"
        else:
            suf = "号"
        parts.append((nf.room(room) + suf, "room"))
    return parts


def office_tail(rng, nf, letter=False):
    parts = []
    if letter or rng.random() < 0.55:
        b = nf.letter(rng.choice("ABCDE"))
        if rng.random() < 0.2:
            b += nf.card(rng.randint(1, 5))
        parts.append((b + rng.choice(["座", "座", "栋", "区"]), "bldg"))
    elif rng.random() < 0.5:
        parts.append((nf.card(rng.randint(1, 12)) + rng.choice(["号楼", "栋"]), "bldg"))
    floor, room = room_no(rng)
    k = rng.randrange(100)
    if k < 35:
        parts.append((nf.room(room) + rng.choice(["室", "室", ""]), "room"))
    elif k < 55:
        parts.append((nf.card(floor) + rng.choice(["层", "楼"]), "room"))
    elif k < 80:
        parts.append((nf.card(floor) + rng.choice(["层", "楼"]), "unit"))
        parts.append((nf.room(room) + rng.choice(["室", "", "号"]), "room"))
    else:
        parts.append((nf.room(room) + rng.choice(["室", "房"]), "room"))
    return parts


def cmpd_parts(rng, nf, letter=False, need_detail=True):
    office = rng.random() < 0.3
    name = cmpd_name(rng, office)
    parts = [(name, "cmpd")]
    if not office and rng.random() < 0.15:
        parts.append((rng.choice([nf.card(rng.randint(1, 5)) + "期", rng.choice(["一", "二", "三"]) + "期"]), "cmpd"))
    if office or name in REAL_CMPDS[:4]:
        parts += office_tail(rng, nf, letter)
    elif need_detail or rng.random() < 0.8:
        parts += res_tail(rng, nf, letter=letter)
    return parts


def town_of(rng, a):
    return rng.choice(a.towns)


def rural_tail(rng, nf):
    vill = village_name(rng)
    parts = [(vill, "vill")]
    k = rng.randrange(100)
    if k < 18:
        return parts
    if k < 30:
        return [(vill + "委会", "vill")]
    if k < 58:
        parts.append((nf.card(rng.randint(1, 12)) + "组", "grp"))
        if rng.random() < 0.35:
            parts.append((nf.card(rng.randint(1, 99)) + "号", "num"))
        return parts
    if k < 72:
        parts.append((tun_name(rng), "grp"))
        return parts
    if k < 86:
        parts.append((nf.card(rng.randint(1, 260)) + "号", "num"))
        return parts
    parts.append((rng.choice(["第" + cn_cardinal(rng.randint(1, 9)) + "村民小组",
                              nf.card(rng.randint(1, 9)) + "队"]), "grp"))
    return parts


# ---------------------------------------------------------------------------
# Address shapes
# ---------------------------------------------------------------------------


def detail(rng, nf, letter=False):
    """Below-county detail for an urban address."""
    k = rng.randrange(100)
    if k < 40:
        return road_parts(rng, nf) + cmpd_parts(rng, nf, letter)
    if k < 62:
        parts = road_parts(rng, nf)
        if parts[-1][0].endswith("院"):
            parts += res_tail(rng, nf, letter=letter)
        return parts
    if k < 92:
        return cmpd_parts(rng, nf, letter)
    return [(road_name(rng), "road")]


def shape_full(rng, nf, letter=False):
    a = rng.choice(NORMALS + AUTOS)
    parts = admin_parts(rng, a, "full")
    if a.towns and rng.random() < 0.25 and not a.towns[0].endswith("乡"):
        t = town_of(rng, a)
        if t.endswith("街道"):
            parts.append((t, "town"))
    if rng.random() < 0.15:
        parts.append((rng.choice(ZONES), "zone"))
    return parts + detail(rng, nf, letter)


def shape_short(rng, nf, letter=False):
    a = rng.choice(NORMALS + AUTOS + MUNIS[:10])
    mode = gc.weighted(rng, [("short", 55), ("city", 30), ("county", 10), ("prov-city", 5)])
    return admin_parts(rng, a, mode) + detail(rng, nf, letter)


def shape_muni(rng, nf, letter=False):
    a = rng.choice(MUNIS)
    mode = gc.weighted(rng, [("full", 45), ("short", 30), ("county", 20), ("city-only", 5)])
    parts = admin_parts(rng, a, mode)
    k = rng.randrange(100)
    if a.code.startswith("31") and k < 35:
        road = road_name(rng)
        lane = [(road, "road"), (nf.card(door_no(rng)) + "弄", "num")]
        if rng.random() < 0.85:
            lane.append((nf.card(rng.randint(1, 40)) + "号", "bldg"))
            if rng.random() < 0.85:
                lane.append((nf.room(room_no(rng)[1]) + rng.choice(["室", "室", "", "号"]), "room"))
        return parts + lane
    if a.code.startswith("11") and k < 35:
        hut = [(hutong_name(rng), "road"), (nf.card(rng.randint(1, 99)) + rng.choice(["号", "号院"]), "num")]
        if rng.random() < 0.3:
            hut += res_tail(rng, nf, depth="room")
        return parts + hut
    if a.towns and k < 50:
        t = town_of(rng, a)
        return parts + [(t, "town")] + detail(rng, nf, letter)
    return parts + detail(rng, nf, letter)


def shape_auto(rng, nf, letter=False):
    a = rng.choice(AUTOS)
    mode = gc.weighted(rng, [("full", 40), ("city", 35), ("short", 20), ("county", 5)])
    parts = admin_parts(rng, a, mode)
    if a.towns and rng.random() < 0.4:
        t = town_of(rng, a)
        parts.append((t, "town"))
        if t.endswith("街道") or rng.random() < 0.4:
            return parts + detail(rng, nf, letter)
        return parts + rural_tail(rng, nf)
    return parts + detail(rng, nf, letter)


def shape_rural(rng, nf, letter=False):
    a = rng.choice(RURAL)
    mode = gc.weighted(rng, [("full", 45), ("city", 25), ("county", 15), ("short", 15)])
    parts = admin_parts(rng, a, mode)
    rural_towns = [t for t in a.towns if t[-1] in "镇乡"] or a.towns
    if rng.random() < 0.93:
        parts.append((rng.choice(rural_towns), "town"))
    return parts + rural_tail(rng, nf)


def shape_town_road(rng, nf, letter=False):
    a = rng.choice(WITH_TOWNS)
    mode = gc.weighted(rng, [("full", 40), ("city", 35), ("county", 15), ("short", 10)])
    parts = admin_parts(rng, a, mode) + [(town_of(rng, a), "town")]
    if rng.random() < 0.3:
        comm = rng.choice(COMMUNITY_WORDS) + "社区"
        parts.append((comm, "comm"))
        if rng.random() < 0.5:
            return parts + res_tail(rng, nf, letter=letter)
        if rng.random() < 0.5:
            return parts + [(nf.card(rng.randint(1, 12)) + "组", "grp")]
    parts += road_parts(rng, nf)
    if rng.random() < 0.4:
        parts += cmpd_parts(rng, nf, letter)
    return parts


def shape_admin_road(rng, nf, letter=False):
    a = rng.choice(ADMINS)
    mode = gc.weighted(rng, [("full", 30), ("city", 30), ("county", 15), ("short", 15), ("prov-city", 5),
                             ("city-only", 5)])
    parts = admin_parts(rng, a, mode)
    if rng.random() < 0.12:
        return parts + [(road_name(rng), "road")]
    parts += road_parts(rng, nf)
    if parts[-1][0].endswith("院") and rng.random() < 0.5:
        parts += res_tail(rng, nf, letter=letter)
    return parts


def shape_admin_cmpd(rng, nf, letter=False):
    a = rng.choice(ADMINS)
    mode = gc.weighted(rng, [("full", 25), ("city", 35), ("county", 20), ("short", 20)])
    return admin_parts(rng, a, mode) + cmpd_parts(rng, nf, letter, need_detail=False)


def shape_partial_road(rng, nf, letter=False):
    parts = road_parts(rng, nf)
    k = rng.randrange(100)
    if k < 40:
        return parts
    if parts[-1][0].endswith("院") or k < 60:
        return parts + res_tail(rng, nf, letter=letter)
    return parts + cmpd_parts(rng, nf, letter)


def shape_partial_cmpd(rng, nf, letter=False):
    parts = cmpd_parts(rng, nf, letter)
    if len(parts) == 1:
        parts += res_tail(rng, nf)
    if rng.random() < 0.12:
        parts = [(rng.choice(COMMUNITY_WORDS) + "社区", "comm")] + parts
    return parts


SHAPES = {
    "full": shape_full, "short-admin": shape_short, "municipality": shape_muni,
    "autonomous": shape_auto, "rural": shape_rural, "town-road": shape_town_road,
    "admin-road": shape_admin_road, "admin-compound": shape_admin_cmpd,
    "partial-road": shape_partial_road, "partial-compound": shape_partial_cmpd,
}
# Shapes a styled form (spaced, comma, asr, fullwidth, letter-block) draws from.
STYLED_BASES = [("full", 25), ("short-admin", 15), ("municipality", 20), ("autonomous", 8), ("rural", 12),
                ("town-road", 6), ("admin-road", 8), ("admin-compound", 8), ("partial-road", 8),
                ("partial-compound", 8)]


def boundary_class(a, b):
    if a == "adm" and b == "adm":
        return "adm"
    if a == "adm" or (a in ("town", "zone", "comm") and b not in ("unit", "room")):
        return "major"
    if a == "road" and b == "num":
        return "road-num"
    if a in ("num", "cmpd") and b in ("cmpd", "road", "vill", "bldg") and a != b:
        return "major"
    if a == "vill" and b in ("grp", "num"):
        return "minor"
    if a in ("bldg", "unit") and b == "room":
        return "room"
    return "none"


SPACE_P = {"adm": 0.55, "major": 0.9, "road-num": 0.4, "minor": 0.3, "room": 0.45, "none": 0.0}
COMMA_P = {"adm": 0.9, "major": 0.85, "road-num": 0.0, "minor": 0.2, "room": 0.0, "none": 0.0}
ASR_P = {"adm": 0.1, "major": 0.35, "road-num": 0.1, "minor": 0.2, "room": 0.2, "none": 0.0}


def join_parts(rng, parts, sep_style):
    if sep_style == "none":
        return "".join(t for t, _ in parts)
    comma = rng.choice(["，", "，", ","])
    probs = {"space": SPACE_P, "comma": COMMA_P, "asr": ASR_P}[sep_style]
    out = [parts[0][0]]
    n_sep = 0
    for (_, ta), (tb_text, tb) in zip(parts, parts[1:]):
        cls = boundary_class(ta, tb)
        if rng.random() < probs[cls]:
            sep = comma if sep_style == "comma" else " "
            if sep_style == "comma" and cls == "major" and rng.random() < 0.2:
                sep = " "
            out.append(sep)
            n_sep += 1
        out.append(tb_text)
    text = "".join(out)
    if sep_style in ("space", "comma") and n_sep < 2:
        return None
    return text


DIGIT_RUN = re.compile(r"[0-9０-９]{7,}")
POS_FORMS = [
    # (form, lines, base shape or None for a styled form, separator style, number style, letters)
    ("full", 95, "full", "none", "ascii", False),
    ("short-admin", 60, "short-admin", "none", "ascii", False),
    ("municipality", 75, "municipality", "none", "ascii", False),
    ("autonomous", 55, "autonomous", "none", "ascii", False),
    ("rural", 80, "rural", "none", "ascii", False),
    ("town-road", 30, "town-road", "none", "ascii", False),
    ("admin-road", 50, "admin-road", "none", "ascii", False),
    ("admin-compound", 40, "admin-compound", "none", "ascii", False),
    ("partial-road", 50, "partial-road", "none", "ascii", False),
    ("partial-compound", 60, "partial-compound", "none", "ascii", False),
    ("spaced", 40, None, "space", "ascii", False),
    ("comma", 35, None, "comma", "ascii", False),
    ("asr", 80, None, "asr", "asr", False),
    ("fullwidth", 30, None, "none", "fw", False),
    ("letter-block", 25, None, "none", "ascii", True),
]
FORM_INFO = {f[0]: f for f in POS_FORMS}


def make_address(rng, form):
    _, _, base, sep_style, num_style, letter = FORM_INFO[form]
    for _ in range(200):
        shape = base or gc.weighted(rng, STYLED_BASES)
        if sep_style == "comma" and shape in ("partial-road", "partial-compound"):
            continue
        nf = NumFmt(rng, num_style)
        parts = SHAPES[shape](rng, nf, letter)
        if letter and not any(re.search(r"[A-HＡ-Ｈ][0-9]?(?:座|栋|幢|区)", t) for t, _ in parts):
            continue
        if num_style == "fw" and not re.search("[０-９]", "".join(t for t, _ in parts)):
            continue
        text = join_parts(rng, parts, sep_style)
        if text is None or len(text) > MAX_SPAN or DIGIT_RUN.search(text):
            continue
        return text
    raise RuntimeError(f"could not build an address for {form}")


# ---------------------------------------------------------------------------
# Positive templates.  "ROLE|TEXT"; ROLE c customer, a agent, n ticket note,
# r ASR transcript, e customer mixing English.  {A} (and {A2}) is the
# address; {PH} a phone, {ID} an ID number; the other placeholders are
# unlabeled fillers.
# ---------------------------------------------------------------------------

POS_T = """
c|收货地址：{A}
c|地址是{A}，麻烦尽快发货
c|帮我把收货地址改成{A}
c|寄到{A}，谢谢
c|我住在{A}，快递能送上门吗？
c|送到{A}就行，放门口
c|地址改一下，改成{A}
c|我家在{A}，你们那边能配送吗
c|新地址：{A}
c|{A}，这个地址能到吗？
c|麻烦送货到{A}，下午在家
c|地址填错了，应该是{A}
c|发到{A}吧，公司有人收
c|收件地址{A}，收件人{NAME}
c|我现在搬到{A}了，以后都寄这里
c|快递放{A}门口就行
c|能不能送到{A}？我白天不在家
c|{A}的快递到了没
c|我是{A}的，订单还没发
c|寄件人地址写{A}
c|退货寄到哪？我这边是{A}
c|上门取件地址{A}，明天上午
c|默认地址还是{A}吗
c|亲，帮我备注一下送到{A}
c|改地址！！改成{A}
c|之前的地址不要了，现在是{A}
c|{A}附近有没有自提点
c|我填的{A}，怎么显示超区了
c|我要修改账单地址，新地址是{A}
c|信用卡账单寄到{A}
c|通讯地址变更为{A}
c|我的居住地址是{A}，单位地址没变
c|卡片寄送地址{A}，麻烦核实
c|宽带装在{A}，什么时候能上门
c|预约装机，地址{A}
c|我在{A}，光纤能拉过来吗
c|移机到{A}，下周搬家
c|{A}这边信号很差，帮我报个障
c|寄件地址{A}，让快递员上门
c|包裹显示送到{A}了，但我没收到
c|派件地址写的{A}，是放驿站了吗
c|麻烦改派到{A}
c|我要寄到{A}，多少钱
c|{A}
c|{A} 到了打我电话
c|{A}！急！
c|就是{A}那里
c|你们上门维修的话地址是{A}
c|老人住{A}，帮忙送一下
c|{A}，收件人{NAME}
c|我家{A}，昨天预约的安装
c|送货地址不变，还是{A}
c|单位地址：{A}，工作日收货
c|{A}，家里白天有人
c|我在{A}上班，寄公司吧
c|请帮我把发票寄到{A}
c|我的地址{A}，别放快递柜
c|家里地址是{A}，麻烦上门回收旧机
c|{A}这个地址怎么一直提示不能配送？
c|我之前填的是{A}，能改吗
c|把收货人改成{NAME}，地址还是{A}
c|公司地址{A}，周末别送
c|我回老家了，寄到{A}
c|住址：{A}
c|地址发你了：{A}
c|在{A}住，能办宽带吗
c|送到{A}的丰巢柜
c|地址是{A}，到了给我打电话
c|{X}，收货地址{A}
c|我是{A}的业主，燃气表坏了
c|师傅，{A}，门口有个黄色的信箱
c|我妈住{A}，药寄给她
c|保单上的地址改成{A}
c|家里装修，暂时住{A}
a|跟您核对一下地址，{A}，对吗？
a|跟您核对一下收货地址：{A}，对吗？
a|您的收货地址是{A}，请确认
a|好的，已为您将地址修改为{A}
a|请问是送到{A}吗？
a|师傅会上门到{A}安装，请保持电话畅通
a|您登记的账单地址为{A}，需要修改吗？
a|系统显示包裹已派送至{A}
a|已为您预约明天上午上门，地址{A}
a|好的，{A}，已备注送货上门
a|您好，核实到您的通讯地址为{A}
a|新卡将寄送至{A}，预计3-5个工作日送达
a|确认一下，装机地址是{A}对吧？
a|快递员反馈{A}无人签收，您看方便改时间吗
a|亲，地址是{A}没错吧？
a|请问{A}这个地址是您本人签收吗？
a|退货请寄回{A}，收件人{NAME}
a|查询到您的宽带地址是{A}，该地址已覆盖光纤
a|已为您办理移机，新地址{A}
a|好的，这边登记的安装地址：{A}
a|请问您是住在{A}吗？
a|您好，您的订单将配送至{A}
a|已为您修改：{A}
a|麻烦您再核对一下，{A}，门牌号没问题吧？
a|维修师傅明天下午到{A}，请留人在家
n|工单备注：客户地址{A}，要求上门
n|工单备注：改派至{A}
n|备注：送货地址{A}，周末配送
n|处理记录：已核实地址{A}，无误
n|【装机】地址：{A}，预约时间{TIME}
n|回访：客户已搬至{A}
n|地址变更：{A}
n|客户反映{A}快递未送达，已联系网点
n|故障报修 地址：{A} 现象：无法上网
n|理赔登记，出险地址{A}
n|上门取件：{A}，{DATE}
n|账单地址更新为{A}，已复核
n|投诉：{A}快递员未送货上门
n|派件员联系不上客户，地址{A}
n|客户要求发票邮寄至{A}
n|营业厅受理：装机地址{A}，工单已派
n|{X}；配送地址{A}
e|pls ship to {A} thx
e|address: {A}
e|my address is {A}，thanks
e|deliver to {A} pls
r|嗯 我地址是{A} 对
r|那个 送到{A} 就行
r|我住在{A} 你们能上门吗
r|地址啊 {A}
r|就是 {A} 那边
r|对对对 {A} 没错
r|我家在{A} 那个宽带坏了
r|你记一下啊 {A}
r|寄到{A} 谢谢啊
r|嗯 是{A}
r|地址改成{A} 改一下
r|我现在在{A} 快递员找不到
r|装机地址是{A} 明天上午可以吗
r|喂 你好 我是{A}的 我的快递呢
r|新地址是{A} 账单寄到这里
r|就{A} 我在家等
r|呃 收货地址写的是{A}
r|我们家是{A} 你让师傅直接上来
"""

MIX_T = """
c|收货人：{NAME}，电话：{PH}，地址：{A}
c|{NAME} {PH} {A}
c|{A} {NAME} {PH}
c|{A}，{NAME}，{PH}
c|寄到{A}，收件人{NAME}，手机{PH}
a|跟您核对一下：收件人{NAME}，电话{PH}，地址{A}，对吗？
n|工单备注：客户{NAME}，联系电话{PH}，上门地址{A}
n|装机信息：{A}，联系人{SUR}先生 {PH}
c|身份证号{ID}，账单地址改成{A}
n|开户信息：{NAME}，证件号{ID}，住址{A}
a|为您核对：证件号码{ID}，居住地址{A}，联系电话{PH}
r|地址是{A} 电话{PH}
r|我叫{NAME} 手机{PH} 住在{A}
c|地址{A}，电话{PH}，到了打我
e|ship to: {A}, tel {PH}
c|收件人{NAME}，{PH}，{A}
n|快递改派：{A}，收件人电话{PH}
c|我的身份证{ID}，户籍地址{A}
a|您好，您预留的联系方式{PH}，配送地址{A}，请问信息有变化吗
n|报修：{A}，{NAME}，{PH}，光猫红灯
c|{PH} {A} 放门卫
c|新地址：{A} 联系人：{NAME} 电话：{PH}
"""

PAIR_T = """
c|地址从{A}改成{A2}
a|已为您将收货地址由{A}修改为{A2}
n|地址变更：原{A}，新{A2}
c|不要寄到{A}了，寄到{A2}
r|原来是{A} 现在搬到{A2}了
c|家里是{A}，公司是{A2}，寄公司
"""

# ---------------------------------------------------------------------------
# Negative templates (never labeled).
# ---------------------------------------------------------------------------

NEG_T = {}
NEG_T["place-name"] = """
c|我去过{CITYS}，挺好玩的
c|{CITYS}的天气怎么样
c|我是{PROVS}人，说话有口音别介意
c|你们{CITYS}有门店吗？
c|下周我要去{CITYS}出差
a|{CITYS}地区目前暂停配送
c|在{CITYS}能用吗这个卡
c|我老家{PROVS}的
n|客户来自{PROVS}，方言较重
c|{PROVS}那边能发货吗
r|我在{CITYS} 出差呢 晚点再说
c|{CITYS}到{CITYS2}运费多少
a|{PROVS}、{PROVS2}部分地区暂不支持次日达
c|{CITYS}现在还限购吗
c|我在{CITYS}读书，放假回{CITYS2}
c|{CITYS}发货的吗？
"""
NEG_T["admin-only"] = """
c|寄到{ADMIN}
c|我是{ADMIN}的
c|在{ADMIN}上班，周末才在家
c|{ADMIN}能送吗？
a|您好，{ADMIN}在配送范围内
c|地址只写到{ADMIN}可以吗
n|客户所在地：{ADMIN}
c|收货地址在{ADMIN}，具体的我晚点发你
a|请提供详细地址，目前只有{ADMIN}
c|我户口在{ADMIN}
r|我在{ADMIN} 那边
c|{ADMIN}有没有你们的售后网点
c|从{ADMIN}寄出的，怎么还没到
a|包裹目前在{ADMIN}，正在转运
c|请问{ADMIN}的宽带资费是多少
e|I'm in {ADMIN} now
c|IP属地显示{ADMIN}，不是我登录的
"""
NEG_T["admin-town"] = """
c|我老家是{TOWNADM}的
c|{TOWNADM}能发快递吗
c|寄到{TOWNADM}，具体哪个村我问下我妈
a|{TOWNADM}暂时只能送到乡镇网点，需要您自提
n|客户位于{TOWNADM}，偏远地区加收运费
c|{TOWNADM}有你们的网点吗
r|我在{TOWNADM} 这边信号不好
c|在{TOWNADM}赶集呢，晚点回你
a|{TOWNADM}的宽带需要等资源核查
"""
NEG_T["organisation"] = """
c|我在{COMPANY}上班
c|发票抬头写{COMPANY}
c|去{HOSPITAL}看病了，明天再处理
c|{BANKBR}让我找你们
n|客户称已向{COURT}起诉
c|我刚到{STATION}，东西先别寄
c|在{AIRPORT}转机，手机快没电了
a|您可以到{BANKBR}柜台办理
c|{SCHOOL}开学了，给孩子买的
c|{COMPANY}的员工能用企业价吗
n|单位：{COMPANY}
c|我在{HOSPITAL}住院，家里没人收
c|去{SHOP}问了说找你们
c|{GOV}让我开证明
c|{POLICE}已经立案了
a|建议您前往就近的{SHOP}办理
c|能不能开{COMPANY}的专票
n|客户工作单位：{HOSPITAL}
"""
NEG_T["trigger-word"] = """
c|这两个有什么区别？
c|市场价都没这么贵
c|超市里买的比你们便宜
c|号码我发你了
c|我在路上了，等会儿
a|祝您一路顺风
c|这个城市的快递太慢了
c|放小区门口就行
n|单元测试通过后再发版
c|第{N}层意思我没看懂
c|我下楼拿一下
a|请问门牌号是多少？
c|这个号不用了
c|你们的社区团购怎么参加
c|园区里面车进不来
c|单元门禁坏了，快递员进不来
c|我们这边城区和郊区价格一样吗
c|大厦的保安不让外卖进
c|村里没有快递站
c|房间号我发微信上了
c|我住的是老小区，没有电梯
c|到了放门卫室
c|楼道灯坏了，物业不管
c|中心那边说可以退
c|路由器放在几楼信号好
c|你们公司在哪个城市
c|号称全网最低价？
c|这边路况不好，晚点到很正常
c|你们小区团购的群在哪加
a|市区一般次日达，郊县要晚一两天
c|区别不大的话我就买便宜的
c|楼下就有快递柜
c|我们楼里好几家都没收到
c|城里城外都一个价吗
c|号都换了，怎么还发短信
c|这个园区的快递都集中放
c|我这边是新区，导航找不到
c|我家门牌掉了，快递员找不到
c|住的村子太偏了
c|城管不让摆摊
c|上楼的时候摔了
c|院子里有狗，别进来
a|请问您所在的城市是？
c|市里的店有现货吗
c|楼层太高了，能送上来吗
c|单元楼下的快递柜满了
"""
NEG_T["transit"] = """
c|我坐地铁{N}号线过去
c|{N}号线换乘站在哪
c|在地铁站{N}号口等你
c|坐{BUS}路公交车到终点站
c|{HWY}堵死了，快递延误正常吗
c|走{HWY}过来的，估计晚点到
a|物流车辆在{HWY}遇到管制，预计延迟一天
c|{BUS}路车改线了
c|坐机场大巴{N}线
r|我在地铁{N}号线上 信号不好
c|高铁{TRAIN}次晚点了
c|我在{N}号车厢{SEAT}座
c|从{STATION}坐地铁{N}号线
c|{N}号线末班车几点
a|建议您乘坐地铁{N}号线前往
c|{BUS}路和{BUS2}路都能到
"""
NEG_T["route"] = """
c|往前走两个路口右转就是
c|过了红绿灯第二个路口左转
c|从东门进来直走，看到超市右拐
a|快递员说找不到位置，麻烦描述一下怎么走
c|导航到那个加油站，再往南五百米
c|下了高架第一个出口出来
c|沿着河边一直走到桥头
c|进门后左手边第三家
c|你从南门进，别走北门
c|掉头再走三百米就到了
r|就是 往前直走 然后左拐 看到一个大门就是了
c|在路口那个红色的房子
c|过了桥右边那栋楼就是
c|从停车场电梯上来右手边
c|快递员绕了两圈没找到入口
c|从地铁口出来往左走一百米
c|看到一个药店就往里拐
c|在那个大红门旁边
c|公交站对面那条小路进去
c|快递员别走正门，正门在修
c|导航过来会绕远，从后门进
c|第二个岔路口往右
c|学校后面那排平房
r|然后 你就 往那个坡上走 看到一个小卖部
c|门口有两棵大树的那家
"""
NEG_T["date-number"] = """
c|{D}号发货可以吗
c|说好{D}号到的
c|每个月{D}号还款
c|{M}月{D}号之前能到吗
a|预计{D}号送达
c|{D}号那天我不在家
n|客户要求{D}号后再配送
c|一共{AMOUNT}，{D}号付的款
c|这个月{D}号扣了两次费
a|账单日是每月{D}号
c|第{N}期分期扣款失败
c|选{N}号套餐
r|十八号那天 我不在家
c|发了{N}个包裹，只到了{N2}个
c|我是{D}号下的单
c|{D}号以后再打电话
"""
NEG_T["floor-alone"] = """
c|我在{F}楼，电梯坏了
c|放{F}楼前台就行
c|{F}层的会议室
c|送到{F}楼吧
c|我住{F}楼，没电梯加钱吗
a|请问是几楼？{F}楼对吗
c|{F}楼的邻居帮我收了
c|搬到{F}楼要加搬运费吗
c|我在{F}楼，下来要一会儿
"""
NEG_T["detail-no-name"] = """
c|送到{ROOM}，放门口就行
c|我在{ROOM}
a|跟您确认一下是{ROOM}吗？
n|客户在{ROOM}，已通知
c|{ROOM}的快递怎么又放错了
c|我是{ROOM}的，楼上漏水
"""
NEG_T["product"] = """
c|买的{N}号电池不够用
c|这双鞋{SZ}码偏小
c|我要{N}号的，{N2}号太大了
c|A4纸还有货吗
c|{MODEL}什么时候到货
c|{N}号色口红还有吗
c|{N}号球是成人用的吗
c|加大号的床单有吗
c|{N2}室{N2}厅的户型能装几台空调
c|{N2}层收纳架少了螺丝
c|乐高城市系列什么时候补货
c|{N}单元的练习册缺页了
c|XL号大了，换成L号
c|买的{MODEL}，{G}G的
c|{N}号线的数据线能快充吗
c|{IN}寸的行李箱有几种颜色
"""
NEG_T["tourist"] = """
c|去了趟西湖，刚回来
c|国庆去故宫人太多了
c|外滩夜景真好看
c|在颐和园逛了一天
c|下个月去鼓浪屿玩
c|兵马俑值得去吗
c|刚从布达拉宫回来
c|想去张家界玩几天
c|黄山日出太美了
c|去泰山爬山了，腿疼
c|在宽窄巷子吃东西呢
c|南锣鼓巷人好多
c|去了趟王府井步行街
c|大理古城租了个民宿
c|去三里屯逛街了
c|在春熙路逛街，等会回你
c|夫子庙玩了一圈
c|洪崖洞夜景绝了
c|在外滩拍照呢，等下回
c|去了趟乌镇，人山人海
c|爬长城去了，刚下来
c|在西湖边散步，没听到电话
c|刚从丽江回来，东西寄到家了吗
c|去平遥古城玩了
c|五一去了趟青岛，海鲜好吃
c|在迪士尼排队呢
c|厦门大学现在还能进去参观吗
"""
NEG_T["weather-news"] = """
c|{CITYS}今天暴雨，快递停了吗
c|听说{CITYS}台风要来了
c|新闻说{ADMIN}停电了
a|受{PROVS}暴雪天气影响，部分线路停运
c|{CITYS}明天降温，羽绒服能快点发吗
n|受台风影响，{CITYS}地区延迟派送
c|{ADMIN}今天停水，装机改天吧
c|{CITYS}的房价又涨了
c|{CITYS}限行，车进不了城
a|{ADMIN}部分区域因道路施工暂停配送
c|{ROADN}在修路，快递车进不来
c|看新闻{CITYS}又堵成停车场了
"""
NEG_T["road-only"] = """
c|{ROADN}那边堵车了
c|{ROADN}上有家店
c|我在{ROADN}等你
c|快到{ROADN}了
c|{ROADN}修地铁，封路了
c|{ROADN}和{ROADN2}交叉口等你
a|快递员说{ROADN}那边进不去
c|顺着{ROADN}一直往东走
c|{ROADN}的那家分店关门了吗
"""
NEG_T["compound-only"] = """
c|{CMPDN}的房子涨价了
c|{CMPDN}的物业太差了
c|在{CMPDN}看房
c|{CMPDN}开盘了吗
c|{CMPDN}那边新开了超市
a|{CMPDN}是新小区，导航可能搜不到
c|{CMPDN}的业主群里说的
c|我朋友在{CMPDN}买了房
"""
NEG_T["address-talk"] = """
c|地址我晚点发你
c|收货地址写错了，能改吗
a|请问您的详细地址是？
c|地址还是原来那个
a|为保护隐私，地址已隐藏
c|门牌号我忘了，到了打电话
c|我的地址不用改
a|请提供完整的收货地址，包括楼栋和门牌号
c|地址写的是公司，周末没人
c|新地址还没定，先别发
c|你们能不能送到家门口
n|客户地址不详，需回访确认
c|地址对的，就是没人打电话
c|我不知道具体几栋几单元，我问一下
c|省市区怎么选不了
a|请在地址栏选择省、市、区后填写详细地址
c|默认地址怎么删
c|地址栏提示超出配送范围
c|地址我复制给你了，你看下对不对
c|能不能不写门牌号
a|您的地址已更新，请在订单详情查看
c|地址怎么自动识别错了
c|我家没有门牌号，村里都这样
c|新小区还没有正式地址
a|地址信息不完整，快递无法派送
c|寄件地址和收件地址写反了
c|地址里的小区名打错了一个字
c|快递员说地址找不到，我该怎么写
"""
NEG_COUNTS = [
    ("place-name", 60), ("admin-only", 75), ("admin-town", 30), ("organisation", 70),
    ("trigger-word", 65), ("transit", 55), ("route", 35), ("date-number", 45),
    ("floor-alone", 30), ("detail-no-name", 25), ("product", 50), ("tourist", 35),
    ("weather-news", 40), ("road-only", 40), ("compound-only", 35), ("address-talk", 40),
]


def parse_templates(block):
    out = []
    for raw in block.strip("\n").split("\n"):
        role, text = raw.split("|", 1)
        out.append((role, text))
    return out


POS_TPL = parse_templates(POS_T)
MIX_TPL = parse_templates(MIX_T)
PAIR_TPL = parse_templates(PAIR_T)
NEG_TPL = {k: parse_templates(v) for k, v in NEG_T.items()}

# ---------------------------------------------------------------------------
# Negative fillers
# ---------------------------------------------------------------------------

COMPANY_STEMS = "星海 蓝天 华创 启明 鼎盛 恒信 天翼 博远 中科 汇通 佳美 优选 云帆 卓越 万通 新航".split()
COMPANY_TYPES = ["科技有限公司", "网络科技有限公司", "贸易有限公司", "电子商务有限公司", "物流有限公司",
                 "餐饮管理有限公司", "信息技术有限公司", "建设工程有限公司"]
STATIONS = ["杭州东站", "北京南站", "深圳北站", "上海虹桥站", "广州南站", "成都东站", "西安北站", "武汉站",
            "郑州东站", "南京南站", "长沙南站", "重庆北站"]
AIRPORTS = ["浦东机场", "首都机场", "大兴机场", "白云机场", "宝安机场", "双流机场", "天府机场", "萧山机场",
            "虹桥机场", "江北机场"]
HWYS = ["G4高速", "G15沈海高速", "京港澳高速", "沪昆高速", "绕城高速", "机场高速", "G60沪昆高速",
        "京沪高速", "S20外环高速", "G2京沪高速", "沈海高速"]
MODELS = ["iPhone 15 Pro", "小米14", "华为Mate 60", "iPad Air", "荣耀X50", "Redmi K70", "OPPO Reno11",
          "vivo X100", "MacBook Air"]


def city_s(rng, a=None):
    a = a or rng.choice(ADMINS)
    if a.muni or a.pref is None:
        name = a.prov if a.muni else a.county
    else:
        name = a.pref
    if name.endswith("市") and len(name) >= 3 and rng.random() < 0.6:
        return name[:-1]
    if name in PREF_SHORT and rng.random() < 0.5:
        return PREF_SHORT[name]
    return name


def prov_s(rng):
    a = rng.choice(ADMINS)
    return a.prov_s() if rng.random() < 0.6 else a.prov


def admin_only(rng):
    a = rng.choice(ADMINS)
    mode = gc.weighted(rng, [("full", 30), ("city", 30), ("short", 25), ("county", 10), ("city-only", 5)])
    return "".join(t for t, _ in admin_parts(rng, a, mode))


def town_admin(rng):
    a = rng.choice(WITH_TOWNS)
    t = town_of(rng, a)
    mode = rng.choice(["full", "city", "county", "none"])
    if mode == "none":
        return t
    return "".join(x for x, _ in admin_parts(rng, a, mode)) + t


DISTRICTS = [a.county for a in ADMINS if a.county and a.county.endswith("区")]


def district(rng):
    return rng.choice(DISTRICTS)


def big_city(rng):
    return rng.choice(gc.CITIES)


def neg_company(rng):
    if rng.random() < 0.15:
        return rng.choice(["北京字节跳动科技有限公司", "深圳市腾讯计算机系统有限公司", "阿里巴巴（中国）有限公司",
                           "小米科技有限责任公司"])
    return big_city(rng) + rng.choice(COMPANY_STEMS) + rng.choice(COMPANY_TYPES)


def neg_hospital(rng):
    k = rng.randrange(5)
    if k == 0:
        return big_city(rng) + "市第" + rng.choice("一二三四五六") + "人民医院"
    if k == 1:
        return district(rng)[:-1] + "医院"
    if k == 2:
        return big_city(rng) + rng.choice(["中医院", "妇幼保健院", "儿童医院"])
    if k == 3:
        return rng.choice(["协和医院", "华西医院", "湘雅医院", "瑞金医院", "同济医院", "朝阳医院"])
    return rng.choice([a.prov for a in ADMINS if a.prov.endswith("省")]) + "人民医院"


def neg_bank_branch(rng):
    k = rng.randrange(3)
    if k == 0:
        return "中国银行" + big_city(rng) + "分行"
    if k == 1:
        return rng.choice(gc.BANKS) + district(rng) + "支行"
    return rng.choice(gc.BANKS) + big_city(rng) + rng.choice(["分行营业部", "分行"])


def neg_court(rng):
    if rng.random() < 0.6:
        return district(rng) + "人民法院"
    return big_city(rng) + "中级人民法院"


def neg_school(rng):
    return rng.choice([big_city(rng) + "大学", district(rng) + "实验小学", big_city(rng) + "第一中学",
                       big_city(rng) + "外国语学校"])


def neg_gov(rng):
    return rng.choice([district(rng) + "政务服务中心", rng.choice(WITH_TOWNS).towns[0] + "政府",
                       district(rng) + "市场监督管理局", big_city(rng) + "公积金管理中心"])


def neg_police(rng):
    return rng.choice([town_of(rng, rng.choice(WITH_TOWNS)) + "派出所", district(rng) + "公安分局"])


def neg_shop(rng):
    return rng.choice(["中国移动", "中国联通", "中国电信"]) + rng.choice(
        [district(rng), road_name(rng), big_city(rng)]) + "营业厅"


def neg_room_only(rng):
    nf = NumFmt(rng, "ascii")
    k = rng.randrange(4)
    if k == 0:
        return "".join(t for t, _ in res_tail(rng, nf, depth="unit-room"))
    if k == 1:
        return "".join(t for t, _ in res_tail(rng, nf, depth="room"))
    if k == 2:
        return f"{rng.choice('ABCD')}座{rng.randint(2, 33)}{rng.randint(1, 9):02d}"
    return f"{rng.randint(2, 33)}{rng.randint(1, 4):02d}室"


def cmpd_only(rng):
    return cmpd_name(rng, rng.random() < 0.2)


NEG_FILLERS = {
    "CITYS": city_s, "CITYS2": city_s, "PROVS": prov_s, "PROVS2": prov_s,
    "ADMIN": admin_only, "TOWNADM": town_admin,
    "COMPANY": neg_company, "HOSPITAL": neg_hospital, "BANKBR": neg_bank_branch,
    "COURT": neg_court, "STATION": lambda rng: rng.choice(STATIONS),
    "AIRPORT": lambda rng: rng.choice(AIRPORTS), "SCHOOL": neg_school, "GOV": neg_gov,
    "POLICE": neg_police, "SHOP": neg_shop,
    "N": lambda rng: str(rng.randint(1, 12)), "N2": lambda rng: str(rng.randint(1, 5)),
    "D": lambda rng: str(rng.randint(1, 31)), "M": lambda rng: str(rng.randint(1, 12)),
    "F": lambda rng: str(rng.randint(2, 30)), "BUS": lambda rng: str(rng.randint(1, 399)),
    "BUS2": lambda rng: str(rng.randint(1, 99)), "HWY": lambda rng: rng.choice(HWYS),
    "TRAIN": lambda rng: rng.choice("GDK") + str(rng.randint(1, 2999)),
    "SEAT": lambda rng: f"{rng.randint(1, 20)}{rng.choice('ABCDF')}",
    "SZ": lambda rng: str(rng.randint(35, 45)), "G": lambda rng: rng.choice(["128", "256", "512"]),
    "MODEL": lambda rng: rng.choice(MODELS), "IN": lambda rng: rng.choice(["20", "24", "26", "28"]),
    "ROADN": road_name, "ROADN2": road_name, "CMPDN": cmpd_only, "ROOM": neg_room_only,
}
X_PHRASES = ["订单号{ORDER}", "快递单号{TRACK}", "{DATE}下的单", "运单号{TRACKN}", "预计{DATE}到",
             "付了{AMOUNT}", "{TIME}打过电话", "订单编号：{ORDER}"]

# ---------------------------------------------------------------------------
# Rendering and validation
# ---------------------------------------------------------------------------

PH_RE = re.compile(r"\{([A-Z0-9]+)\}")
DECKS = {}


def deal(rng, key, items):
    deck = DECKS.get(key)
    if not deck:
        deck = list(items)
        rng.shuffle(deck)
        DECKS[key] = deck
    return deck.pop()


def render(rng, tpl, values):
    segs = []
    pos = 0
    for m in PH_RE.finditer(tpl):
        if m.start() > pos:
            segs.append(("t", tpl[pos:m.start()]))
        name = m.group(1)
        if name in values:
            segs.append(values[name])
        elif name == "X":
            segs.extend(render(rng, deal(rng, "X", X_PHRASES), {}))
        elif name in NEG_FILLERS:
            segs.append(("n", NEG_FILLERS[name](rng)))
        elif name in gc.DECOYS:
            segs.append(("n", gc.DECOYS[name](rng)))
        elif name in gc.TEXT_FILLERS:
            segs.append(("t", gc.TEXT_FILLERS[name](rng)))
        else:
            raise KeyError(f"unknown placeholder {name} in {tpl}")
        pos = m.end()
    if pos < len(tpl):
        segs.append(("t", tpl[pos:]))
    return segs


ADDR_UNIT_CHARS = frozenset("号栋幢座楼层单元室房弄院组村屯期区路街道巷队")
SEP_CHARS = frozenset(" \u3000，,、")


def cont_char(ch):
    """A character that would continue an address if it followed one."""
    return ch in gc.DIGIT_CHARS or gc.is_latin(ch) or ch in gc.NUMERAL_ADJ or ch in ADDR_UNIT_CHARS or ch in "-－"


def addr_boundary_ok(plain, a, b):
    if a > 0:
        p = plain[a - 1]
        if p in gc.DIGIT_CHARS or gc.is_latin(p) or p in gc.NUMERAL_ADJ or p in ADDR_UNIT_CHARS:
            return False
        if p in SEP_CHARS and a > 1 and (plain[a - 2] in gc.DIGIT_CHARS or plain[a - 2] in ADDR_UNIT_CHARS):
            return False
    if b < len(plain):
        q = plain[b]
        if cont_char(q):
            return False
        if q in SEP_CHARS and b + 1 < len(plain) and cont_char(plain[b + 1]):
            return False
    return True


NUMERAL_RE = "0-9０-９零〇一二三四五六七八九十百千幺两"
# Shapes that must not appear in unlabeled text: they would make it an address.
ADDR_LINT = [
    re.compile("(?:路|街|大道|巷|胡同)[" + NUMERAL_RE + "]+(?:号|弄)"),
    re.compile("(?:小区|花园|苑|府|庭|大厦|公寓|广场|中心|家园|新村|城|写字楼)[A-HＡ-Ｈ" + NUMERAL_RE
               + "]+(?:栋|幢|座|号楼|单元|期)"),
    re.compile("(?:镇|乡|街道)[\u4e00-\u9fff]{1,4}村"),
    re.compile("村[" + NUMERAL_RE + "]+组"),
    re.compile("(?:区|县|市|旗)[\u4e00-\u9fff]{1,6}(?:路|街|大道)[" + NUMERAL_RE + "]*号?"),
]


def addr_lint(text):
    return [m.group() for r in ADDR_LINT for m in r.finditer(text)]


FORBIDDEN = ("\t", "\n", "\r", "⟦", "⟧", "|", "▮")


SEEN = set()  # membership only, never iterated


def validate(segs, subs):
    plain = gc.plain_of(segs)
    if not plain or plain != plain.strip() or any(f in plain for f in FORBIDDEN) or plain in SEEN:
        return False
    pos, k, masked = 0, 0, []
    for s in segs:
        text = s[-1]
        if s[0] == "s":
            if s[1] == "address":
                if not addr_boundary_ok(plain, pos, pos + len(text)):
                    return False
            elif not gc.boundary_ok(plain, pos, pos + len(text), subs[k]):
                return False
            k += 1
            masked.append("▮")
        else:
            masked.append(text)
        pos += len(text)
    m = "".join(masked)
    if gc.lint(m) or addr_lint(m):
        return False
    SEEN.add(plain)
    return True


def strip_markup(marked):
    return re.sub(r"⟦(?:phone|id_card|bank_card|address)\|", "", marked).replace("⟧", "")


# Words that introduce an address; a template whose {A} follows one of them
# (plus an optional colon or comma) is in placement "ctx".
CTX_WORDS = ("地址", "地址是", "地址写", "住址", "住在", "住", "家在", "送到", "寄到", "发到", "寄回", "改成",
             "变更为", "修改为", "更新为", "派送至", "寄送至", "配送至", "邮寄至", "改派至", "搬至", "搬到",
             "移机到", "改派到", "装在", "送货到", "上门到", "address", "address:", "ship to", "deliver to")


def placement_of(tpl, name="A"):
    before = tpl[:tpl.index("{" + name + "}")]
    if before.strip() == "":
        return "edge"
    b = before.rstrip(" ：:，,")
    return "ctx" if b.endswith(CTX_WORDS) else "free"


def address_value(rng, form):
    return ("s", "address", make_address(rng, form))


def pick_form(rng, asr):
    if asr:
        return "asr"
    return gc.weighted(rng, [(f[0], f[1]) for f in POS_FORMS if f[0] != "asr"])


def build_pos(rng, form):
    asr = form == "asr"
    cands = [t for t in POS_TPL if (t[0] == "r") == asr]
    role, tpl = deal(rng, ("pos", asr), cands)
    segs = render(rng, tpl, {"A": address_value(rng, form)})
    if role != "r" and "{X}" not in tpl and rng.random() < 0.12:
        segs = segs + [("t", rng.choice(["，", "。", "；"]))] + render(rng, deal(rng, "X", X_PHRASES), {})
    return role, tpl, gc.decorate(rng, role, segs), []


def build_mix(rng):
    role, tpl = deal(rng, "mix", MIX_TPL)
    asr = role == "r"
    values = {"A": address_value(rng, pick_form(rng, asr))}
    subs = []
    for m in PH_RE.finditer(tpl):
        if m.group(1) == "PH":
            kind = "mobile" if rng.random() < 0.85 else "landline"
            values["PH"] = ("s", "phone", gc.random_item(rng, kind, asr))
            subs.append(kind)
        elif m.group(1) == "ID":
            values["ID"] = ("s", "id_card", gc.random_item(rng, "id", asr))
            subs.append(None)
        elif m.group(1) == "A":
            subs.append("address")
    segs = gc.decorate(rng, role, render(rng, tpl, values))
    kinds = ["address"] + [k for k in ("phone", "id") if ("{PH}" if k == "phone" else "{ID}") in tpl]
    return "mix/" + "+".join(kinds), segs, subs


def build_pair(rng):
    role, tpl = deal(rng, "pair", PAIR_TPL)
    asr = role == "r"
    values = {"A": address_value(rng, pick_form(rng, asr)), "A2": address_value(rng, pick_form(rng, asr))}
    segs = gc.decorate(rng, role, render(rng, tpl, values))
    return segs, ["address", "address"]


def build_neg(rng, cat):
    role, tpl = deal(rng, ("neg", cat), NEG_TPL[cat])
    segs = render(rng, tpl, {})
    if role != "r" and rng.random() < 0.15:
        segs = segs + [("t", rng.choice(["，", "。"]))] + render(rng, deal(rng, "X", X_PHRASES), {})
    return gc.decorate(rng, role, segs)


def attempt(fn, what):
    for _ in range(500):
        out = fn()
        if out is not None:
            return out
    raise RuntimeError(f"could not build a valid line for {what}")


N_MIX = 100
N_PAIR = 25


def generate_lines(seed=SEED):
    rng = random.Random(seed)
    DECKS.clear()
    SEEN.clear()
    lines = []
    for form, n, *_ in POS_FORMS:
        for _ in range(n):
            def one():
                role, tpl, segs, subs = build_pos(rng, form)
                return (f"pos/address/{form}/{placement_of(tpl)}", segs) if validate(segs, subs) else None
            lines.append(attempt(one, form))
    for _ in range(N_MIX):
        def one():
            cat, segs, subs = build_mix(rng)
            return (cat, segs) if validate(segs, subs) else None
        lines.append(attempt(one, "mix"))
    for _ in range(N_PAIR):
        def one():
            segs, subs = build_pair(rng)
            return ("mix/address-pair", segs) if validate(segs, subs) else None
        lines.append(attempt(one, "pair"))
    for cat, n in NEG_COUNTS:
        for _ in range(n):
            def one():
                segs = build_neg(rng, cat)
                return ("neg/" + cat, segs) if validate(segs, []) else None
            lines.append(attempt(one, cat))
    return lines


def render_corpus(seed=SEED):
    out = [f"# generated by scripts/gen_address_corpus.py, seed {seed}, places from {PLACE_SOURCE}"]
    for cat, segs in generate_lines(seed):
        marked = gc.marked_of(segs)
        assert strip_markup(marked) == gc.plain_of(segs)
        out.append(f"{cat}\t{marked}")
    return "\n".join(out) + "\n"


def main(argv=None):
    return corpus_cli.run("Generate the labeled postal-address corpus.", render_corpus, argv)


if __name__ == "__main__":
    sys.exit(main())
