#!/usr/bin/env python3
"""Generate the labeled chat corpus at testdata/corpus/chat.txt.

Usage:
    python3 scripts/gen_corpus.py > testdata/corpus/chat.txt
    python3 scripts/gen_corpus.py --check testdata/corpus/chat.txt
    python3 scripts/gen_corpus.py --example > examples/chat.txt

Standard library only, fully deterministic: the same seed gives byte-identical
output (one random.Random(SEED) per output file, no iteration over sets or
hash-ordered containers, no clock).  Every number in the output is synthetic.
--check FILE (optionally with --example) exits 1 with a one-line message when
FILE differs from what would be generated.

File format
-----------
One example per line, UTF-8, "\n" line ends, no trailing spaces:

    CATEGORY<TAB>TEXT

CATEGORY is an ASCII tag split by "/": "pos/<kind>/<form>/<placement>" for
lines with exactly one phone, ID or card item, "mix/<kinds>" for lines with
two or more, "neg/<what>" for lines with none.  Items of the other kinds
(see below) do not count here: "neg/vcode" lines carry a verification code.
It only groups lines for error reports.

TEXT is the chat line with every PII item marked inline as

    ⟦KIND|ITEM⟧        (U+27E6 ... U+27E7)

where KIND is "phone", "id_card", "bank_card", "verification_code", "email",
"qq", "ip_address" or "address" and ITEM is the exact original text of the
span.  Deleting every "⟦KIND|" and "⟧" gives back the original
line.  The original text never contains ⟦, ⟧, "|" or a tab.  Lines starting
with "#" are comments (only the header line).

Span conventions
----------------
phone
  * the span includes a country-code prefix when present: +86, 86, 0086,
    (+86), （+86）, +86-, "+86 " (the separator after the prefix is inside the
    span because digits follow it);
  * landlines include an opening parenthesis around the area code
    ("(021)5555-1234", "（０２１）５５５５１２３４") and an extension written
    right after the number ("转123", "-8001", "分机8001");
  * brackets enclosing the whole number (【...】, （...）, [...], (...)) are
    not part of the span; trailing punctuation never is;
  * 400/800 service numbers are phones.
id_card
  * the 18 (or legacy 15) characters plus any separators between them.
bank_card
  * the digits plus the separators between the groups.
verification_code
  * the 4 or 6 digits (or numerals) after 验证码; the word and "是" are
    outside.
email
  * local part, "@" and domain.
qq
  * the digits after "QQ "/"qq是"; the word is outside.
ip_address
  * the dotted address after "IP " or "在".
address
  * a city name followed by a building, unit, room or lane number
    ("北京5栋4单元404", "郑州74弄86号1187室"); context words before it
    (地址, 地址是, 收货地址：) are outside.  A room without a city before it
    (送到5栋4单元404) is not an address (no administrative name, no road,
    no compound) and is not labeled.
These five come from decoys that label_other_kinds labels after a line is
built, so they never change the text or the other labels.
Nothing else is labeled.

When a form is only a positive after a context word (unseparated landline or
400 number, legacy 15-digit ID, 62-prefixed card number failing Luhn), the
context word comes immediately before the number, separated by nothing or by
exactly one of "：", ":", "是" or a space.  Context words used:
    landline  电话 座机 固话 办公电话 联系电话 (and the verbs 打/拨打)
    400/800   客服电话 热线 拨打 致电
    ID (15)   身份证 老身份证 证件号码 15位身份证
    card      卡号 银行卡号 储蓄卡 信用卡 借记卡 账号 银行账号

Number construction
-------------------
  * mobiles: segments 130-139 145 147 149 150-153 155-159 162 165-167
    170-178 180-189 190-199 and 8 random digits;
  * landlines: real area codes, subscriber numbers of 8 digits (7 for some
    4-digit area codes) starting with 2-8;
  * IDs: real county codes, birth dates 1940-01-01..2008-12-31, ISO 7064
    MOD 11-2 check character; legacy IDs are county + YYMMDD + 3 digits;
  * cards: Chinese IIN prefixes, 16-19 digits, valid Luhn check digit.

Hard negatives (order, tracking, transaction and invoice numbers, amounts,
dates, short hotlines, invalid mobile segments, IDs with a
wrong check digit or an impossible date, digit runs without card context that
fail Luhn, phone-shaped runs inside longer runs, masked numbers ...) are never
labeled.  A lint pass rejects and regenerates any line whose unlabeled text
could be read as one of the positive shapes above, so labels stay exact.
"""

import argparse
import datetime
import re
import random
import sys

SEED = 20261129

# ---------------------------------------------------------------------------
# Reference data
# ---------------------------------------------------------------------------

MOBILE_SEGMENTS = (
    [str(n) for n in range(130, 140)]
    + ["145", "147", "149", "150", "151", "152", "153"]
    + [str(n) for n in range(155, 160)]
    + ["162", "165", "166", "167"]
    + [str(n) for n in range(170, 179)]
    + [str(n) for n in range(180, 190)]
    + [str(n) for n in range(190, 200)]
)
MOBILE_SEGMENT_SET = frozenset(MOBILE_SEGMENTS)
BAD_MOBILE_PREFIXES = ["10", "11", "12", "140", "154", "160", "168", "169", "179"]

AREA_CODES = [
    "010", "020", "021", "022", "023", "024", "025", "027", "028", "029",
    "0311", "0351", "0371", "0431", "0451", "0471", "0531", "0551", "0571",
    "0574", "0591", "0592", "0731", "0755", "0756", "0757", "0769", "0771",
    "0791", "0851", "0871", "0898", "0931", "0951", "0971", "0991", "0512",
    "0510", "0532", "0535",
]

ID_REGIONS = [
    "110101", "110102", "110105", "110108", "120101", "130102", "130603",
    "140105", "150102", "210102", "210106", "220102", "230103", "310101",
    "310104", "310112", "310115", "320102", "320106", "320583", "330102",
    "330106", "330203", "340104", "350102", "350203", "350206", "360102",
    "360403", "370102", "370202", "371502", "410102", "410105", "411302",
    "420102", "420106", "430102", "430104", "440106", "440111", "440304",
    "440305", "445302", "450103", "460105", "500103", "510104", "510107",
    "511302", "520102", "530102", "540102", "610102", "610113", "620102",
    "630102", "640104", "650102",
]
# Province prefixes a detector may accept; used only by the lint pass.
ID_PROVINCES = (
    "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 "
    "50 51 52 53 54 61 62 63 64 65 71 81 82"
).split()

ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ID_CHECK_MAP = "10X98765432"

CARD_IINS = [
    "622202", "621226", "622848", "621700", "621661", "622588", "622609",
    "622155", "621483", "622700", "625965", "436742", "621799", "623058",
    "622262", "622908", "6217", "6222", "6228", "6230", "403391", "512431",
    "552599", "356833",
]
CARD_IINS_62 = [p for p in CARD_IINS if p.startswith("62")]

HOTLINES = [
    "10086", "10010", "10000", "95588", "95533", "95555", "95566", "95599",
    "95559", "12345", "110", "120", "119", "12315", "12306", "95338",
    "95311", "95554", "12321", "96777",
]

NAMES = [
    "张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄勇", "周杰",
    "吴霞", "徐强", "孙丽", "马超", "朱红", "胡军", "郭鹏", "林涛", "何雪",
    "高峰", "罗琳", "梁晨", "宋佳", "郑凯", "谢婷",
]
SURNAMES = ["张", "王", "李", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"]
BANKS = [
    "工商银行", "建设银行", "农业银行", "中国银行", "招商银行", "交通银行",
    "邮储银行", "浦发银行", "兴业银行", "中信银行", "民生银行", "平安银行",
]
CITIES = [
    "北京", "上海", "广州", "深圳", "杭州", "南京", "武汉", "成都", "西安",
    "重庆", "天津", "青岛", "厦门", "长沙", "郑州", "沈阳", "哈尔滨", "昆明",
]
EMOJI = ["😊", "🙏", "👍", "😭", "😡", "🤔", "😂", "💔", "😅", "👌"]

FW_DIGITS = str.maketrans("0123456789Xx", "０１２３４５６７８９Ｘｘ")
TO_ASCII = str.maketrans("０１２３４５６７８９ＸｘＡＢＣ", "0123456789XxABC")
NUMERAL_STD = "零一二三四五六七八九"
NUMERAL_CHARS = "零〇洞一幺二两三四五六七拐八九"

# Context words.  Each entry is (word, separators allowed after it).
SEPS = ["", "", "：", "：", "是", " ", ":"]
SEPS_VERB = ["", "", " "]
SEPS_LATIN = [" ", "：", ":"]

CTX = {
    "mobile": {
        "C": [("手机号", SEPS), ("手机", SEPS), ("电话", SEPS), ("联系电话", SEPS),
              ("手机号码", SEPS), ("号码", SEPS), ("联系方式", SEPS),
              ("电话号码", SEPS), ("回拨号码", SEPS), ("新手机号", SEPS)],
        "CV": [("打", [""]), ("打给", [""]), ("拨打", SEPS_VERB), ("联系", [""])],
    },
    "landline": {
        "C": [("座机", SEPS), ("固话", SEPS), ("办公电话", SEPS), ("电话", SEPS),
              ("联系电话", SEPS), ("公司电话", SEPS), ("总机", SEPS)],
        "CV": [("打", [""]), ("拨打", SEPS_VERB)],
    },
    "service": {
        "C": [("客服电话", SEPS), ("热线", SEPS), ("服务热线", SEPS), ("客服热线", SEPS)],
        "CV": [("拨打", SEPS_VERB), ("致电", SEPS_VERB)],
    },
    "id": {
        "C": [("身份证", SEPS), ("身份证号", SEPS), ("证件号", SEPS),
              ("身份证号码", SEPS), ("sfz", SEPS_LATIN), ("证件号码", SEPS)],
    },
    "bank": {
        "C": [("卡号", SEPS), ("银行卡", SEPS), ("银行卡号", SEPS), ("储蓄卡", SEPS),
              ("信用卡", SEPS), ("借记卡", SEPS), ("账号", SEPS), ("银行账号", SEPS),
              ("收款账号", SEPS)],
    },
}
# Strict lists: forms that are positives only right after one of these.
CTX_STRICT = {
    "landline": {
        "C": [("电话", SEPS), ("座机", SEPS), ("固话", SEPS), ("办公电话", SEPS),
              ("联系电话", SEPS)],
        "CV": [("打", [""]), ("拨打", SEPS_VERB)],
    },
    "service": {
        "C": [("客服电话", SEPS), ("热线", SEPS)],
        "CV": [("拨打", SEPS_VERB), ("致电", SEPS_VERB)],
    },
    "id": {
        "C": [("身份证", SEPS), ("老身份证", SEPS), ("证件号码", SEPS),
              ("15位身份证", SEPS)],
    },
    "bank": {
        "C": [("卡号", SEPS), ("银行卡号", SEPS), ("储蓄卡", SEPS), ("信用卡", SEPS),
              ("借记卡", SEPS), ("账号", SEPS), ("银行账号", SEPS)],
    },
}

# Words the lint pass treats as context (suffix match on the text before a run).
LINT_ID15_CTX = ("身份证", "证件号码", "证件号", "身份证号", "身份证号码")
LINT_CARD_CTX = ("卡号", "银行卡", "储蓄卡", "信用卡", "借记卡", "账号", "账户")
LINT_ORDER_CTX = ("订单", "单号", "order", "Order", "这单", "一单")

# ---------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------


def digits(rng, n, first="0123456789"):
    if n <= 0:
        return ""
    return rng.choice(first) + "".join(rng.choice("0123456789") for _ in range(n - 1))


def fw(s):
    return s.translate(FW_DIGITS)


def luhn_ok(s):
    total = 0
    for i, ch in enumerate(reversed(s)):
        d = ord(ch) - 48
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def luhn_digit(body):
    for d in "0123456789":
        if luhn_ok(body + d):
            return d
    raise AssertionError(body)


def id_check(body17):
    return ID_CHECK_MAP[sum(int(c) * w for c, w in zip(body17, ID_WEIGHTS)) % 11]


def valid_date(y, m, d):
    try:
        datetime.date(y, m, d)
    except ValueError:
        return False
    return True


def id18_plausible(s):
    """Loose ID test (province prefix, any 1900-2099 date, check char)."""
    if len(s) != 18 or not s[:17].isdigit() or s[:2] not in ID_PROVINCES:
        return False
    y, m, d = int(s[6:10]), int(s[10:12]), int(s[12:14])
    if not (1900 <= y <= 2099 and valid_date(y, m, d)):
        return False
    return id_check(s[:17]) == s[17].upper()


def weighted(rng, items):
    """items: list of (value, weight)."""
    total = sum(w for _, w in items)
    r = rng.randrange(total)
    for v, w in items:
        if r < w:
            return v
        r -= w
    raise AssertionError


def allocate(total, weights):
    """Split total into integer parts proportional to weights (exact, stable)."""
    s = sum(weights)
    base = [total * w // s for w in weights]
    rems = [(-(total * w % s), i) for i, w in enumerate(weights)]
    rems.sort()
    for _, i in rems[: total - sum(base)]:
        base[i] += 1
    return base


def rand_date(rng, y0=2023, y1=2025):
    a = datetime.date(y0, 1, 1).toordinal()
    b = datetime.date(y1, 12, 31).toordinal()
    return datetime.date.fromordinal(rng.randint(a, b))


def rand_hms(rng):
    return rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59)


def to_numerals(rng, s, style=None):
    """Spell digits the way an ASR engine writes them."""
    if style is None:
        style = weighted(rng, [("std", 50), ("yao", 30), ("spoken", 12), ("ling", 8)])
    out = []
    for ch in s:
        c = NUMERAL_STD[int(ch)]
        if style == "yao" and ch == "1":
            c = "幺"
        elif style == "spoken":
            if ch == "1":
                c = "幺"
            elif ch in "027" and rng.random() < 0.5:
                c = {"0": "洞", "2": "两", "7": "拐"}[ch]
        elif style == "ling" and ch == "0":
            c = "〇"
        out.append(c)
    return "".join(out)


# ---------------------------------------------------------------------------
# Positive generators.  Each returns the exact span text.
# ---------------------------------------------------------------------------


def gen_mobile_number(rng):
    n = rng.choice(MOBILE_SEGMENTS) + digits(rng, 8)
    assert len(n) == 11 and n[:3] in MOBILE_SEGMENT_SET
    return n


def asr_mixed(rng, n):
    groups = [n[:3], n[3:7], n[7:]]
    while True:
        modes = [rng.choice(["num", "dig", "mix"]) for _ in groups]
        if "mix" in modes or ("num" in modes and "dig" in modes):
            break
    out = []
    for g, mode in zip(groups, modes):
        if mode == "num":
            out.append(to_numerals(rng, g, "yao"))
        elif mode == "dig":
            out.append(g)
        else:
            out.append("".join(to_numerals(rng, c, "yao") if rng.random() < 0.5 else c for c in g))
    return " ".join(out)


def fmt_mobile(rng, form):
    n = gen_mobile_number(rng)
    a, b, c = n[:3], n[3:7], n[7:]
    if form == "plain":
        return n
    if form == "spaced344":
        return f"{a} {b} {c}"
    if form == "dashed344":
        return f"{a}-{b}-{c}"
    if form == "spaced74":
        return f"{a}{b} {c}"
    if form == "spaced38":
        return f"{a} {b}{c}"
    if form == "fullwidth":
        if rng.random() < 0.2:
            return fw(a) + "－" + fw(b) + "－" + fw(c)
        return fw(n)
    if form == "fwspace":
        return f"{a}\u3000{b}\u3000{c}"
    if form == "emdash":
        return f"{a}—{b}—{c}"
    if form == "fwdash":
        return f"{a}－{b}－{c}"
    if form == "cc-plus86":
        return "+86" + n
    if form == "cc-86":
        return "86" + n
    if form == "cc-0086":
        return "0086" + n
    if form == "cc-paren":
        return "(+86)" + (n if rng.random() < 0.7 else f"{a} {b} {c}")
    if form == "cc-fwparen":
        return "（+86）" + n
    if form == "cc-plus86dash":
        return "+86-" + (n if rng.random() < 0.6 else f"{a}-{b}-{c}")
    if form == "cc-plus86space":
        return "+86 " + (n if rng.random() < 0.5 else f"{a} {b} {c}")
    if form == "asr-numerals":
        return to_numerals(rng, n)
    if form == "asr-grouped":
        style = weighted(rng, [("std", 50), ("yao", 35), ("spoken", 15)])
        return " ".join(to_numerals(rng, g, style) for g in (a, b, c))
    if form == "asr-digitspace":
        return " ".join(n)
    if form == "asr-digitcomma":
        return rng.choice(["，", ","]).join(n)
    if form == "asr-mixed":
        return asr_mixed(rng, n)
    raise KeyError(form)


def gen_landline_parts(rng):
    area = rng.choice(AREA_CODES)
    length = 7 if (len(area) == 4 and rng.random() < 0.25) else 8
    sub = digits(rng, length, "2345678")
    return area, sub


def split_sub(sub, sep):
    k = 4 if len(sub) == 8 else 3
    return sub[:k] + sep + sub[k:]


def gen_ext(rng):
    return digits(rng, rng.choice([3, 4, 4]), "123456789")


def fmt_landline(rng, form):
    area, sub = gen_landline_parts(rng)
    if form == "dash":
        return f"{area}-{sub}"
    if form == "dash-split":
        return f"{area}-{split_sub(sub, '-')}"
    if form == "space":
        return f"{area} {sub}" if rng.random() < 0.7 else f"{area} {split_sub(sub, ' ')}"
    if form == "paren":
        return f"({area})" + (split_sub(sub, "-") if rng.random() < 0.6 else sub)
    if form == "fwparen":
        return f"（{area}）{sub}"
    if form == "fullwidth":
        if rng.random() < 0.75:
            return f"（{fw(area)}）{fw(sub)}"
        return f"{fw(area)}－{fw(sub)}"
    if form == "ext-zhuan":
        base = rng.choice([f"{area}-{sub}", f"{area}-{sub}", f"({area}){sub}", f"{area} {sub}"])
        return base + "转" + gen_ext(rng)
    if form == "ext-dash":
        return f"{area}-{sub}-{gen_ext(rng)}"
    if form == "ext-fenji":
        base = rng.choice([f"{area}-{sub}", f"{area}-{split_sub(sub, '-')}", f"{area} {sub}"])
        return base + "分机" + gen_ext(rng)
    if form == "unsep":
        return area + sub
    if form == "intl-space":
        return f"+86 {area[1:]} {split_sub(sub, ' ')}"
    if form == "intl-dash":
        return f"+86-{area[1:]}-{split_sub(sub, '-')}"
    raise KeyError(form)


def fmt_service(rng, form):
    head = "400" if rng.random() < 0.75 else "800"
    rest = digits(rng, 7, "123456789")
    if form == "dash334":
        return f"{head}-{rest[:3]}-{rest[3:]}"
    if form == "space334":
        return f"{head} {rest[:3]} {rest[3:]}"
    if form == "dash433":
        return f"{head}{rest[0]}-{rest[1:4]}-{rest[4:]}"
    if form == "unsep":
        return head + rest
    raise KeyError(form)


BIRTH_MIN = datetime.date(1940, 1, 1).toordinal()
BIRTH_MAX = datetime.date(2008, 12, 31).toordinal()


def gen_id18(rng, want=None, regions=ID_REGIONS):
    while True:
        birth = datetime.date.fromordinal(rng.randint(BIRTH_MIN, BIRTH_MAX))
        body = rng.choice(regions) + birth.strftime("%Y%m%d") + digits(rng, 3)
        chk = id_check(body)
        if want == "X" and chk != "X":
            continue
        if want == "digit" and chk == "X":
            continue
        return body + chk


def fmt_id18(rng, form):
    if form == "plain":
        return gen_id18(rng, "X" if rng.random() < 0.25 else None)
    if form == "lowerx":
        return gen_id18(rng, "X").lower()
    if form == "fullwidth":
        return fw(gen_id18(rng, "X" if rng.random() < 0.4 else None))
    if form == "sep-space":
        s = gen_id18(rng, "X" if rng.random() < 0.3 else None)
        return f"{s[:6]} {s[6:14]} {s[14:]}"
    if form == "sep-dash":
        s = gen_id18(rng, "X" if rng.random() < 0.3 else None)
        return f"{s[:6]}-{s[6:14]}-{s[14:]}"
    if form == "asr-numerals":
        return to_numerals(rng, gen_id18(rng, "digit"))
    raise KeyError(form)


def gen_id15(rng):
    a = datetime.date(1940, 1, 1).toordinal()
    b = datetime.date(1999, 12, 31).toordinal()
    birth = datetime.date.fromordinal(rng.randint(a, b))
    return rng.choice(ID_REGIONS) + birth.strftime("%y%m%d") + digits(rng, 3)


def card_length(rng, iin):
    if not iin.startswith("62"):
        return 16
    return weighted(rng, [(16, 4), (17, 1), (18, 1), (19, 4)])


def gen_card(rng):
    while True:
        iin = rng.choice(CARD_IINS)
        length = card_length(rng, iin)
        body = iin + digits(rng, length - len(iin) - 1)
        card = body + luhn_digit(body)
        if id18_plausible(card):
            continue
        return card


def gen_card_luhn_fail(rng):
    while True:
        iin = rng.choice(CARD_IINS_62 + ["62"])
        length = weighted(rng, [(16, 4), (17, 1), (18, 1), (19, 4)])
        body = iin + digits(rng, length - len(iin) - 1)
        good = luhn_digit(body)
        bad = rng.choice([d for d in "0123456789" if d != good])
        card = body + bad
        if id18_plausible(card):
            continue
        return card


def group4(s, sep):
    return sep.join(s[i:i + 4] for i in range(0, len(s), 4))


def fmt_bank(rng, form):
    if form == "luhnfail":
        return gen_card_luhn_fail(rng)
    card = gen_card(rng)
    if form == "plain":
        return card
    if form == "spaced4":
        return group4(card, " ")
    if form == "dashed4":
        return group4(card, "-")
    if form == "fullwidth":
        return fw(card) if rng.random() < 0.8 else group4(fw(card), " ")
    if form == "asr-numerals":
        return to_numerals(rng, card, weighted(rng, [("std", 60), ("yao", 40)]))
    raise KeyError(form)


# ---------------------------------------------------------------------------
# Negative (never labeled) token generators
# ---------------------------------------------------------------------------


def neg_order(rng):
    kind = weighted(rng, [("taobao", 45), ("jd", 25), ("generic", 30)])
    if kind == "taobao":
        return digits(rng, rng.choice([18, 19]), "1234")
    if kind == "jd":
        return digits(rng, 12, "23456789")
    return digits(rng, rng.randint(12, 19), "123456789")


def neg_pdd(rng):
    return rand_date(rng).strftime("%y%m%d") + "-" + digits(rng, 15, "123456789")


def neg_track(rng):
    kind = rng.choice(["SF", "SF", "YT", "JT", "JDVA", "JDX", "ZT"])
    if kind == "SF":
        return "SF" + digits(rng, rng.choice([12, 13]), "1")
    if kind == "JDVA":
        return "JDVA" + digits(rng, 11, "123456789")
    if kind == "JDX":
        return "JDX" + digits(rng, 12, "123456789")
    return kind + digits(rng, 13, "123456789")


def neg_track_num(rng):
    return digits(rng, rng.randint(12, 15), "2345789")


def neg_amount(rng):
    kind = rng.randrange(9)
    if kind == 0:
        return "¥{:,}.{:02d}".format(rng.randint(10, 99999), rng.choice([0, 0, 50, 90, 99, rng.randint(0, 99)]))
    if kind == 1:
        return gen_mobile_number(rng)[:5] + "元"
    if kind == 2:
        return f"{rng.randint(1, 9999)}.{rng.randint(0, 99):02d}元"
    if kind == 3:
        return f"￥{rng.randint(1, 999)}"
    if kind == 4:
        return f"{rng.randint(20, 5000)}块"
    if kind == 5:
        return "RMB {:,}".format(rng.randint(100, 99999))
    if kind == 6:
        return f"{rng.randint(1, 999)}.{rng.choice(['9', '99', '5', '00'])}元"
    if kind == 7:
        return "￥{:,}.00".format(rng.randint(1000, 999999))
    return f"{rng.randint(1, 99)}元{rng.randint(1, 9)}角"


def neg_date(rng):
    d = rand_date(rng)
    kind = rng.randrange(8)
    if kind == 0:
        return d.strftime("%Y-%m-%d")
    if kind == 1:
        return d.strftime("%Y/%m/%d")
    if kind == 2:
        return d.strftime("%Y%m%d")
    if kind == 3:
        return f"{d.year}年{d.month}月{d.day}日"
    if kind == 4:
        return f"{d.month}月{d.day}号"
    if kind == 5:
        return d.strftime("%Y.%m.%d")
    if kind == 6:
        return f"{d.month}.{d.day}"
    return f"{d.year}年{d.month:02d}月{d.day:02d}日"


def neg_time(rng):
    h, m, s = rand_hms(rng)
    d = rand_date(rng)
    kind = rng.randrange(7)
    if kind == 0:
        return f"{h:02d}:{m:02d}"
    if kind == 1:
        return f"{h:02d}:{m:02d}:{s:02d}"
    if kind == 2:
        return d.strftime("%Y-%m-%d") + f" {h:02d}:{m:02d}:{s:02d}"
    if kind == 3:
        return d.strftime("%Y%m%d") + f"{h:02d}{m:02d}{s:02d}"
    if kind == 4:
        return rng.choice(["上午", "下午", "晚上"]) + f"{rng.randint(1, 11)}点" + rng.choice(["", "半", f"{rng.randint(1, 5)}0分"])
    if kind == 5:
        return d.strftime("%Y-%m-%dT") + f"{h:02d}:{m:02d}:{s:02d}"
    return f"{d.month}月{d.day}日 {h:02d}:{m:02d}"


def neg_vcode(rng):
    return digits(rng, rng.choice([4, 6, 6, 6]))


def neg_hotline(rng):
    return rng.choice(HOTLINES)


def neg_bad_mobile(rng):
    p = rng.choice(BAD_MOBILE_PREFIXES)
    return p + digits(rng, 11 - len(p))


def neg_id_bad_check(rng):
    good = gen_id18(rng)
    wrong = rng.choice([c for c in ID_CHECK_MAP if c != good[17]])
    return good[:17] + wrong


def neg_id_bad_date(rng):
    y = rng.randint(1950, 2005)
    kind = rng.randrange(5)
    if kind == 0:
        m, d = rng.choice([0, 13, 14, 19, 21]), rng.randint(1, 28)
    elif kind == 1:
        m, d = rng.randint(1, 12), rng.choice([0, 32, 33, 35, 39])
    elif kind == 2:
        m, d = 2, rng.choice([30, 31])
    elif kind == 3:
        m, d = rng.choice([4, 6, 9, 11]), 31
    else:
        y = rng.choice([1951, 1955, 1962, 1978, 1983, 1990, 1997, 2001, 2003])
        m, d = 2, 29
    body = rng.choice(ID_REGIONS) + f"{y:04d}{m:02d}{d:02d}" + digits(rng, 3)
    assert not valid_date(y, m, d)
    return body + id_check(body)


def neg_luhn_fail(rng):
    while True:
        length = rng.randint(16, 19)
        if rng.random() < 0.3:
            body = "62" + digits(rng, length - 3)
        else:
            body = digits(rng, length - 1, "123456789")
        good = luhn_digit(body)
        s = body + rng.choice([d for d in "0123456789" if d != good])
        if not id18_plausible(s):
            return s


def neg_embedded_digits(rng):
    left = digits(rng, rng.randint(1, 4), "1234579")
    right = digits(rng, rng.randint(1, 4))
    return left + gen_mobile_number(rng) + right


def neg_embedded_letters(rng):
    m = gen_mobile_number(rng)
    letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    kind = rng.randrange(6)
    if kind == 0:
        return "ABC" + m
    if kind == 1:
        return "SN" + m + "X" + digits(rng, 1)
    if kind == 2:
        return rng.choice(["TB", "NO", "KF", "DD", "WX"]) + m
    if kind == 3:
        return m + rng.choice(letters) + rng.choice(letters)
    if kind == 4:
        return rng.choice(letters) + m + rng.choice(letters)
    return rng.choice(["tb", "sn", "id", "no"]) + m


def neg_agent(rng):
    n = digits(rng, 4, "123456789")
    return rng.choice([f"工号{n}", f"工号 {n}", f"坐席编号{n}", f"客服{n}号", f"工号A{n}", f"员工号{digits(rng, 5, '123456789')}"])


def neg_room(rng):
    kind = rng.randrange(6)
    if kind == 0:
        return f"{rng.randint(2, 33)}{rng.randint(1, 4):02d}室"
    if kind == 1:
        return f"{rng.randint(1, 20)}栋{rng.randint(1, 6)}单元{rng.randint(2, 33)}{rng.randint(1, 4):02d}"
    if kind == 2:
        return f"{rng.choice('ABCD')}座{rng.randint(2, 33)}{rng.randint(1, 9):02d}"
    if kind == 3:
        return f"{rng.randint(1, 300)}号院{rng.randint(1, 12)}号楼{rng.randint(101, 2808)}"
    if kind == 4:
        return f"{rng.randint(1, 999)}弄{rng.randint(1, 99)}号{rng.randint(101, 1802)}室"
    return f"{rng.randint(2, 40)}楼{rng.randint(1, 40)}号"


def neg_qty(rng):
    return rng.choice([
        f"{rng.randint(1, 20)}件", f"{rng.randint(1, 10)}箱", f"{rng.randint(1, 9)}00g",
        f"{rng.randint(2, 24)}瓶", f"{rng.randint(1, 5)}.{rng.randint(1, 9)}kg",
        f"x{rng.randint(2, 9)}", f"{rng.randint(1, 12)}盒", f"{rng.randint(2, 6)}双",
    ])


def neg_version(rng):
    return rng.choice([
        f"v{rng.randint(1, 9)}.{rng.randint(0, 20)}.{rng.randint(0, 30)}",
        f"V{rng.randint(10, 15)}.{rng.randint(0, 9)}.{rng.randint(0, 9)}",
        f"{rng.randint(5, 13)}.{rng.randint(0, 30)}.{rng.randint(0, 9)}",
        f"iOS {rng.randint(15, 18)}.{rng.randint(0, 6)}.{rng.randint(1, 3)}",
        f"Android {rng.randint(10, 15)}",
        f"{rng.randint(1, 9)}.{rng.randint(0, 9)}.{rng.randint(0, 9)}.{rng.randint(100, 9999)}",
    ])


def neg_ip(rng):
    if rng.random() < 0.3:
        return f"192.168.{rng.randint(0, 10)}.{rng.randint(2, 254)}"
    return ".".join(str(rng.randint(1, 254)) for _ in range(4))


def neg_pct(rng):
    return rng.choice([
        f"{rng.randint(1, 99)}%", f"{rng.randint(5, 9)}.{rng.randint(1, 9)}折",
        f"{rng.randint(90, 99)}.{rng.randint(1, 9)}%", f"{rng.randint(1, 9)}折",
        f"百分之{rng.choice(['五', '十', '二十', '三十'])}",
    ])


def neg_balance(rng):
    return rng.choice([
        "{:,}.{:02d}元".format(rng.randint(0, 99999), rng.randint(0, 99)),
        f"{rng.randint(0, 99999)}.{rng.randint(0, 99):02d}",
        f"¥{rng.randint(0, 9)}.{rng.randint(0, 99):02d}",
        f"{rng.randint(1, 9999)}元",
    ])


def neg_points(rng):
    return str(rng.randint(1, 999999))


def neg_coupon(rng):
    al = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    an = al + "23456789"
    kind = rng.randrange(4)
    if kind == 0:
        return "".join(rng.choice(al) for _ in range(4)) + "-" + digits(rng, 4) + "-" + "".join(rng.choice(al) for _ in range(4))
    if kind == 1:
        return "-".join("".join(rng.choice(an) for _ in range(4)) for _ in range(3))
    if kind == 2:
        return rng.choice(["WX", "TM", "JD", "VIP"]) + str(rng.randint(2023, 2025)) + rng.choice(al) + digits(rng, 2)
    return "".join(rng.choice(an) for _ in range(8))


def neg_invoice(rng):
    kind = rng.randrange(3)
    if kind == 0:
        return str(rng.choice([24, 25])) + digits(rng, 18)
    if kind == 1:
        return digits(rng, 8, "123456789")
    return digits(rng, 20, "123456789")


def neg_serial(rng):
    al = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    while True:
        s = "".join(rng.choice(al + "0123456789") for _ in range(rng.randint(10, 14)))
        if sum(c.isalpha() for c in s) >= 4 and not re.search(r"[0-9]{5}", s):
            return s


def neg_tail(rng):
    return digits(rng, 4)


def neg_masked(rng):
    m = gen_mobile_number(rng)
    kind = rng.randrange(7)
    if kind == 0:
        return m[:3] + "****" + m[7:]
    if kind == 1:
        return m[:3] + "*" * 6 + m[9:]
    if kind == 2:
        s = gen_id18(rng)
        return s[:6] + "*" * 8 + s[14:]
    if kind == 3:
        s = gen_id18(rng)
        return s[:3] + "*" * 11 + s[14:]
    if kind == 4:
        c = gen_card(rng)
        return c[:4] + " **** **** " + c[-4:]
    if kind == 5:
        c = gen_card(rng)
        return c[:6] + "*" * (len(c) - 10) + c[-4:]
    return m[:3] + "xxxx" + m[7:]


def neg_year(rng):
    y = rng.randint(1950, 2024)
    return rng.choice([f"{y}年", f"{y % 100:02d}年", f"{(y // 10 % 10) * 10}后", f"{y}年的"])


def neg_qq(rng):
    return digits(rng, rng.choice([8, 9]), "123456789")


def neg_email(rng):
    user = rng.choice(["zhangwei", "lina", "wangfang", "chenjing", "yanglei", "service", "zm"])
    return user + str(rng.randint(1, 99)) + "@" + rng.choice(["163.com", "qq.com", "126.com", "foxmail.com", "sina.com"])


DECOYS = {
    "ORDER": neg_order, "PDD": neg_pdd, "TRACK": neg_track, "TRACKN": neg_track_num,
    "AMOUNT": neg_amount, "DATE": neg_date, "TIME": neg_time, "VCODE": neg_vcode,
    "HOTLINE": neg_hotline, "BADMOB": neg_bad_mobile, "IDBADCHK": neg_id_bad_check,
    "IDBADDATE": neg_id_bad_date, "LUHNFAIL": neg_luhn_fail, "EMBD": neg_embedded_digits,
    "EMBL": neg_embedded_letters, "AGENT": neg_agent, "ROOM": neg_room, "QTY": neg_qty,
    "VER": neg_version, "IP": neg_ip, "PCT": neg_pct, "BAL": neg_balance,
    "PTS": neg_points, "COUPON": neg_coupon, "INV": neg_invoice, "SN": neg_serial,
    "TAIL": neg_tail, "MASK": neg_masked, "YEAR": neg_year, "QQ": neg_qq,
    "EMAIL": neg_email,
}
TEXT_FILLERS = {
    "NAME": lambda rng: rng.choice(NAMES),
    "SUR": lambda rng: rng.choice(SURNAMES),
    "BANK": lambda rng: rng.choice(BANKS),
    "CITY": lambda rng: rng.choice(CITIES),
}

# Short decoy phrases dropped into positive lines ({X}) and negative lines.
X_PHRASES = [
    "订单号{ORDER}", "订单编号：{ORDER}", "单号{ORDER}", "运单号{TRACKN}",
    "快递单号{TRACK}", "验证码{VCODE}", "金额{AMOUNT}", "付了{AMOUNT}",
    "{DATE}下的单", "{TIME}打过电话", "{AGENT}", "尾号{TAIL}的那张卡",
    "积分{PTS}", "优惠券{COUPON}", "交易流水号{LUHNFAIL}", "拼多多订单{PDD}",
    "余额{BAL}", "地址{CITY}{ROOM}", "发票号码{INV}", "买了{QTY}",
    "退款{AMOUNT}", "物流单号{TRACK}", "预计{DATE}到", "客户编号{BADMOB}",
]

# ---------------------------------------------------------------------------
# Templates.  One per line: "ROLE|TEXT".  ROLE: c customer, a agent,
# n ticket note, r ASR transcript, e customer mixing English.  A "@" after
# the role marks a literal context word written right before {P}.
# {C}/{CV} expand to a context word plus separator.
# ---------------------------------------------------------------------------

T = {}

T["mobile", "ctx"] = """
c|我的{C}{P}，麻烦帮我登记一下
c|{C}{P}，有问题打这个就行
c|换号了，新的{C}{P}
c|快递员联系不上我，{C}{P}，麻烦转告一下
c|收货人{NAME}，{C}{P}
c|之前留的不用了，现在{C}{P}
c|{C}{P} 微信同号
c|请{CV}{P}，谢谢！
c|售后联系我{C}{P}，下午以后方便
c|退款到账了没？我{C}{P}
c|{X}，{C}{P}，麻烦尽快处理
c|家里老人不会用，留我的{C}{P}
c|送货前先{CV}{P}，我下楼拿
c|你好 我{C}{P} 查一下我的快递
c|在吗？{C}{P}，昨天说好给我回电的
c|急！{C}{P}，东西到现在还没到
c|我老婆的{C}{P}，找她也行
c|麻烦师傅到了{CV}{P}
c|我的{C}{P}，{X}，帮我看下进度
c|能不能别打我原来的号了，{C}{P}
a|跟您核对一下，{C}{P}，对吗？
a|好的，您的{C}{P}已经记录
a|请问{C}{P}是您本人在用吗？
a|系统里预留的{C}{P}，需要修改吗？
a|已为您更新{C}{P}，请留意短信通知
a|稍后会有同事通过{C}{P}和您联系
a|您好，这边看到您登记的{C}{P}，{X}，没问题我就提交了
a|确认一下收件人{C}{P}哈
a|亲，{C}{P}这个号码可以接听电话吗？
a|跟您确认下，回访{C}{P}没错吧
n|工单备注：客户要求回电，{C}{P}
n|备注：用户新{C}{P}，{X}
n|处理记录：已致电客户{C}{P}，无人接听
n|回访登记：{C}{P}，满意
n|【工单】投诉人{NAME}，{C}{P}，诉求：退款
n|来电记录：{C}{P}，咨询退货流程
r|嗯 我的{C}{P} 对
r|那个 {C}{P} 就这个
r|呃 你记一下啊 {C}{P}
r|对对 {C}{P} 没错
r|我说一下{C}{P} 你记一下
r|就是 {C}{P} 打这个就行
r|喂 你好 我{C}{P} 我想问一下退款
r|嗯嗯 {C}{P} 是的
e|我的{C}{P}，call me anytime
e|pls {CV}{P} thx
"""

T["mobile", "free"] = """
c|有事直接打{P}就行
c|改一下收货电话，改成{P}
c|联系人{SUR}先生，{P}
c|我现在用的是{P}，原来那个停机了
c|留的是{P}，你们打不通吗？
c|你们打的是{P}吧？我没接到
c|收件人{NAME} {P} {CITY}市
c|快递放驿站了，取件人{P}
a|您说的是{P}对吗？
a|好的，回拨号码为{P}，请保持畅通
a|收件信息：{SUR}先生 {P}，{X}
a|{NAME}女士您好，{P}尾号对得上
n|客户留言：回电{P}
n|联系人：{SUR}女士/{P}
n|{X}，联系人{NAME} {P}
e|my phone is {P}
e|tel: {P}
e|call me at {P}, thanks
e|Contact: {P}
e|mobile {P} pls
e|ok 那就打{P} thx
e|my number {P}，whatsapp 不用
"""

T["mobile", "glued"] = """
c|手机{P}联系
c|有事打{P}找我
c|号码{P}是我老公的
c|你们给{P}发个短信
c|师傅到了打{P}我下来拿
c|换成{P}了哈
c|用{P}注册的账户登录不上
c|我用{P}下的单
a|已登记{P}为回访号码
n|客户来电{P}咨询退货
n|用户{P}反映未收到货
"""

T["mobile", "bracket"] = """
c|我的手机号【{P}】
c|联系人：{NAME}（{P}）
c|电话[{P}]
c|收件人 {SUR}女士（{P}）
c|就打这个号({P})吧
a|【{P}】这个号码是您本人的吗？
n|回访号码【{P}】
n|联系人{NAME}({P})，{X}
"""

T["mobile", "edge"] = """
c|{P}
c|{P} 这个号能收到短信吗
c|{P}，这个是我手机
c|我的号码是 {P}
c|打这个 {P}
c|新号码：{P}
c|{P}。
c|{P}！急！
c|换号了：{P}
a|{P}？您确认一下
c|{P}～
c|这是我电话{P}
"""

T["mobile", "pair"] = """
c|{P}/{P2}
c|{C}{P}/{P2}，两个都行
c|{C}{P}、{P2}
c|打{P}或者{P2}都可以
c|{C}{P} 或者 {P2}
a|登记了两个号码：{P}和{P2}
n|联系方式：{P}；备用{P2}
c|我的{P}，我老公的{P2}
r|{C}{P} 或者 {P2} 都行
"""

T["landline", "ctx"] = """
c|公司{C}{P}，工作日有人接
c|家里{C}{P}，白天没人
c|有事{CV}{P}，找前台就行
c|门店{C}{P}，可以直接打
c|我们单位{C}{P}，找前台转一下
c|白天{CV}{P}，晚上打手机
a|跟您确认一下，{C}{P}对吗？
a|已记录您的{C}{P}
a|您也可以{CV}{P}咨询门店
n|工单备注：客户留{C}{P}
n|商家{C}{P}，已电话沟通
n|网点{C}{P}，{X}
r|嗯 {C}{P} 对
r|那个{C}{P} 你打这个
"""

T["landline", "free"] = """
c|门店的号码是{P}
c|打{P}没人接啊
c|你们{P}一直占线
c|前台：{P}
c|公司地址{CITY}，{P}找行政
a|这边建议您联系当地网点，{P}
n|网点信息：{CITY}{ROOM}，{P}
e|Tel: {P}
e|office {P}, pls call back
"""

T["landline", "glued"] = """
c|打{P}转前台
c|座机{P}随时找我
n|商户{P}已回访
"""

T["service", "ctx"] = """
c|你们{C}{P}一直打不通
c|打了{C}{P}，没人接
c|{C}{P}，是这个吗？
c|官网写的{C}{P}，转人工要多久
a|如有疑问请{CV}{P}
a|您可以{CV}{P}咨询
a|建议您{CV}{P}，按0转人工
n|已告知客户官方{C}{P}
n|引导客户{CV}{P}
r|我{CV}{P} 一直占线
r|那个{C}{P} 打不进去
"""

T["service", "free"] = """
c|你们那个{P}是免费的吗
c|打{P}转人工要等好久
a|全国统一服务号码{P}，工作时间9:00-21:00
c|{P}，这是你们家的电话吗？
e|hotline {P}
n|商家售后：{P}
"""

T["id", "ctx"] = """
c|{C}{P}，麻烦帮我实名一下
c|我的{C}{P}
c|实名认证填的{C}{P}，一直提示错误
c|{C}{P}，姓名{NAME}
c|帮我查下这个{C}{P}名下的订单
c|{C}{P}，有效期到2030年
c|我妈的{C}{P}，帮她改一下实名
c|开发票需要吗？{C}{P}
a|跟您核对一下{C}{P}，对吗？
a|您提供的{C}{P}与系统一致
a|为保障账户安全，核实一下{C}{P}是否本人
a|已为您登记{C}{P}
a|好的{NAME}先生，{C}{P}已提交审核
n|工单备注：实名信息 {NAME} {C}{P}
n|核验记录：{C}{P}，核验通过
n|客户提供{C}{P}，需人工复核
n|{X}；持卡人{C}{P}
r|我{C}{P} 对
r|嗯 {C}{P} 你查一下
r|那个{C}{P} 是我本人的
"""

T["id", "free"] = """
c|{P}，{NAME}，帮忙查下
c|这是我老婆的：{P}
c|姓名{NAME} {P} 麻烦改一下实名
a|您提供的是{P}，请确认
n|实名信息：{NAME}/{P}
e|my ID: {P}
e|ID card {P} pls check
c|就是这个{P}，登记错了
"""

T["id", "glued"] = """
c|用{P}注册的
c|实名是{P}没错
c|我拿{P}登记了
n|客户提供{P}办理退款
"""

T["id15", "ctx"] = """
c|我是{C}{P}，系统认不了
c|{C}{P}，要不要升级成18位的？
c|老人家用的{C}{P}
a|您提供的{C}{P}是旧版号码，请提供新版
n|客户提供{C}{P}，需线下核验
c|我爸的{C}{P}，能登记吗？
r|嗯 {C}{P} 旧的
"""

T["bank", "ctx"] = """
c|退款退到我{C}{P}
c|{C}{P}，户名{NAME}
c|我的{C}{P}，开户行{BANK}
c|绑定的{C}{P}扣款失败了
c|麻烦打款到{C}{P}
c|{C}{P} {BANK}的
c|{X}，退款请退到{C}{P}
a|跟您核对一下收款{C}{P}，对吗？
a|退款将原路退回至{C}{P}，预计3个工作日到账
a|您登记的{C}{P}与户名不一致
n|工单备注：客户要求退款至{C}{P}
n|财务：打款{C}{P}，金额{AMOUNT}
n|理赔收款：{NAME}，{C}{P}
r|嗯 我的{C}{P}
r|就是{C}{P} 对
r@|卡号{P}
c@|卡号是{P}，别搞错了
e|我的{C}{P} pls refund asap
"""

T["bank", "free"] = """
c|打到这张{P}，谢谢
c|{P}，{BANK}
c|转账到{P}就行
a|收款信息：{NAME} {P} {BANK}
n|退款账户：{P}
e|pls refund to {P}
c|是这张{P}吗，我记不清了
"""

T["bank", "glued"] = """
c|退到{P}里面
c|用{P}付的款
n|客户{P}已退款
"""

# Mixes: literal context words; {MOB} {LAND} {SVC} {PH} {ID} {BK}.
T["mix", "mix"] = """
c|姓名{NAME}，手机{PH}，身份证{ID}
c|收款人{NAME} 卡号{BK} 电话{PH}
c|实名信息：{ID}，联系电话{PH}
a|跟您核对：手机号{MOB}，银行卡{BK}，对吗？
n|工单备注：客户{NAME}，身份证号{ID}，银行卡号{BK}，回电{PH}
n|退款登记 卡号：{BK} 手机：{MOB}
c|{MOB} {NAME} 身份证{ID}
c|手机号{MOB}，座机{LAND}
a|您留的是手机{MOB}和办公电话{LAND}，优先打哪个？
n|联系方式：{MOB}/{LAND}
c|身份证号{ID}，开户的储蓄卡{BK}
r|我手机号{MOB} 身份证{ID}
e|name: {NAME}, tel {MOB}, ID {ID}
c|{X}，手机{MOB}，退款到卡{BK}
n|投诉人{NAME}，证件号{ID}，电话{PH}，{X}
a|为您登记：证件号码{ID}，收款账号{BK}，联系电话{MOB}
c|我打了{SVC}没人理，我手机{MOB}
n|客户反映{SVC}无法接通，回电{MOB}
c|开户信息：{NAME} {ID} {BK}
c|工作单位电话{LAND}，本人手机{MOB}，身份证{ID}
"""

NEG_T = {}
NEG_T["order"] = """
c|订单号{ORDER}，什么时候发货？
c|我的订单{ORDER}还没到
c|单号{ORDER}，申请退款
c|订单编号：{ORDER}，商品有破损
c|{ORDER}这个订单能改地址吗
a|您的订单{ORDER}已经出库
a|查询到订单号{ORDER}，预计明天送达
n|工单备注：订单{ORDER}，客户要求换货
n|关联订单：{ORDER}
r|订单号是{ORDER} 对
e|order no. {ORDER}，still not shipped
c|帮我看下单号{ORDER}，{DATE}下的
a|订单{ORDER}已为您申请退款{AMOUNT}
"""
NEG_T["order-pdd"] = """
c|拼多多订单{PDD}，商家不发货
a|订单编号{PDD}已为您催促发货
n|平台订单：{PDD}
c|订单号{PDD} 申请退款
"""
NEG_T["tracking"] = """
c|快递单号{TRACK}，显示已签收但我没收到
c|快递{TRACK}到哪了？
a|您的包裹运单号{TRACK}，已到达网点
n|物流单号：{TRACK}，破损理赔中
c|{TRACK}这个快递好几天没动了
"""
NEG_T["tracking-num"] = """
c|快递单号{TRACKN}
c|运单号{TRACKN}，麻烦查一下
a|运单号{TRACKN}显示派送中
n|退货运单号：{TRACKN}
r|快递单号是{TRACKN}
"""
NEG_T["amount"] = """
c|我付了{AMOUNT}，怎么只退了一半？
a|退款金额{AMOUNT}，已原路返回
n|补偿{AMOUNT}，已审批
c|{AMOUNT}的东西就这质量？
c|运费{AMOUNT}也要退
e|total {AMOUNT}，refund pls
c|实付{AMOUNT}，优惠了{AMOUNT}
"""
NEG_T["date"] = """
c|我是{DATE}下的单
a|预计{DATE}前送达
n|客户于{DATE}来电投诉
c|{DATE}签收的，现在还能退吗
c|保修到{DATE}吧？
"""
NEG_T["time"] = """
c|{TIME}的时候打过电话没人接
a|我们会在{TIME}前回电
n|来电时间{TIME}
c|约的是{TIME}上门，人呢
"""
NEG_T["vcode"] = """
c|验证码{VCODE}，是这个吗
c|收到的验证码是{VCODE}
c|你们发的验证码{VCODE}一直提示错误
n|客户误将验证码{VCODE}发给陌生人
r|验证码是{VCODE}
a|验证码{VCODE}已失效，请重新获取
"""
NEG_T["hotline"] = """
c|打{HOTLINE}没人接
c|我已经打过{HOTLINE}投诉了
a|紧急情况请拨打{HOTLINE}
c|{HOTLINE}说让我找你们商家
n|客户称已向{HOTLINE}反映
c|再不处理我就打{HOTLINE}了
"""
NEG_T["bad-mobile-segment"] = """
c|这个号码{BADMOB}是你们的吗？
c|用户ID：{BADMOB}
c|会员编号{BADMOB}
a|您的客户编号{BADMOB}
n|账户标识{BADMOB}
c|一直收到{BADMOB}发来的短信
"""
NEG_T["id-bad-check"] = """
c|身份证号{IDBADCHK}，为什么提示格式错误？
a|您提供的证件号{IDBADCHK}校验不通过，请核对
n|客户填写证件号{IDBADCHK}，校验失败
c|{IDBADCHK}这个输了好几次都不对
"""
NEG_T["id-bad-date"] = """
c|身份证{IDBADDATE}，系统说无效
a|证件号{IDBADDATE}出生日期有误，请重新填写
n|客户录入{IDBADDATE}，日期非法
c|我填的{IDBADDATE}怎么不行
"""
NEG_T["luhn-fail-nocontext"] = """
c|交易流水号{LUHNFAIL}，钱扣了没到账
a|交易号{LUHNFAIL}，已提交核查
n|支付流水：{LUHNFAIL}
c|商户订单号{LUHNFAIL}
c|转账凭证号{LUHNFAIL}
c|支付宝交易号{LUHNFAIL}，退款没到
"""
NEG_T["embedded-digits"] = """
c|包裹上的条码是{EMBD}
n|批次号{EMBD}
c|设备编号{EMBD}
a|您的工单号{EMBD}请留存
"""
NEG_T["embedded-letters"] = """
c|激活码{EMBL}用不了
n|序列号：{EMBL}
c|商品编码{EMBL}
a|您的兑换码是{EMBL}
"""
NEG_T["agent-id"] = """
a|您好，{AGENT}为您服务
c|刚才{AGENT}的客服说可以退
n|处理人：{AGENT}
c|我要投诉{AGENT}，态度太差
"""
NEG_T["room"] = """
c|地址是{CITY}{ROOM}，放门口就行
c|送到{ROOM}，别放快递柜
n|收货地址：{CITY}{ROOM}
a|跟您确认地址：{ROOM}对吗？
"""
NEG_T["quantity"] = """
c|买了{QTY}，只到了一半
c|少发了{QTY}
n|客户退回{QTY}
a|已为您补发{QTY}
"""
NEG_T["version"] = """
c|app是{VER}，一直闪退
a|请升级到{VER}以上再试
n|客户系统版本{VER}
e|version {VER} crash again
"""
NEG_T["ip"] = """
n|登录IP {IP}，疑似异地登录
c|提示IP {IP}被限制了
a|检测到您在{IP}登录
"""
NEG_T["percent"] = """
c|说好的{PCT}优惠呢？
a|本次活动{PCT}，{DATE}截止
n|客户要求补差价，差额{PCT}
c|电量只剩{PCT}了，快点
"""
NEG_T["balance"] = """
c|余额{BAL}怎么提不出来
a|您的账户余额{BAL}
n|钱包余额{BAL}，冻结中
"""
NEG_T["points"] = """
c|我的积分{PTS}怎么清零了
a|您当前积分{PTS}，可抵扣{AMOUNT}
n|补发积分{PTS}
c|成长值{PTS}还不能升级吗
"""
NEG_T["coupon"] = """
c|优惠券{COUPON}用不了
a|兑换码{COUPON}已发放到账户
n|补发券码{COUPON}
"""
NEG_T["invoice"] = """
c|发票号码{INV}，抬头开错了
a|电子发票{INV}已发送到邮箱
n|发票号{INV}，申请红冲
"""
NEG_T["serial"] = """
c|序列号{SN}，保修还在吗
n|设备SN：{SN}
a|请提供机身背面的SN码，例如{SN}
"""
NEG_T["card-tail"] = """
c|尾号{TAIL}的卡扣了两次
a|退款已退至尾号{TAIL}的银行卡
n|客户卡号尾号{TAIL}
c|手机尾号{TAIL}，查一下我的订单
c|卡号后四位{TAIL}
"""
NEG_T["masked"] = """
a|您预留的号码是{MASK}
c|短信显示{MASK}，是我吗
n|客户信息：{MASK}
a|系统显示证件号{MASK}
"""
NEG_T["year"] = """
c|我{YEAR}出生的，能办吗
c|{YEAR}就在你们家买东西了
a|该型号是{YEAR}款
"""
NEG_T["asr-numerals"] = """
r|验证码是{ASRVCODE}
r|一共{ASRAMOUNT} 对
r|我打了{ASRHOT} 他们让我找你们
r|尾号{ASRTAIL} 那张卡
r|订单号最后几位是{ASRTAIL}
r|花了{ASRAMOUNT} 东西都没收到
"""
NEG_T["chitchat"] = """
c|你好，在吗？
c|东西什么时候到啊
c|我要退货，怎么操作
a|您好，很高兴为您服务
a|请问还有其他可以帮您的吗？
a|感谢您的耐心等待
c|好的谢谢
c|怎么还没人处理？？
n|客户情绪激动，已安抚
r|喂 你好 听得到吗
r|嗯 好的 那我等你们电话
a|稍等，正在为您查询
c|算了不退了
c|你们这服务太差了
n|已升级至二线处理
a|非常抱歉给您带来不便
"""
NEG_T["qq-email"] = """
c|QQ {QQ}，加我聊
c|邮箱{EMAIL}，发票发这里
a|已发送至邮箱{EMAIL}
c|我的qq是{QQ}
"""

# ---------------------------------------------------------------------------
# Segments, rendering, styling, validation
# ---------------------------------------------------------------------------
# A line is a list of segments: ("t", text) template text (styled),
# ("n", text) an unlabeled token (never styled), ("d", name, text) a decoy
# made by the generator for placeholder {name} (never styled; labeled or not
# by label_other_kinds), ("s", kind, text) a span.

PH_RE = re.compile(r"\{([A-Z0-9]+)\}")


def parse_templates(block):
    out = []
    for raw in block.strip("\n").split("\n"):
        role, text = raw.split("|", 1)
        lit = role.endswith("@")
        out.append((role.rstrip("@"), text, lit))
    return out


TPL = {key: parse_templates(block) for key, block in T.items()}
NEG_TPL = {key: parse_templates(block) for key, block in NEG_T.items()}


def ctx_text(rng, entries):
    word, seps = rng.choice(entries)
    return word + rng.choice(seps)


def asr_neg(rng, name):
    if name == "ASRVCODE":
        return to_numerals(rng, digits(rng, 6), "yao")
    if name == "ASRAMOUNT":
        return rng.choice(["一千三百八十块", "三百八十八块", "两千块", "九十九块九", "一百二十八", "五千多", "四百五"])
    if name == "ASRHOT":
        return to_numerals(rng, rng.choice(["10086", "10010", "12315", "95588", "12345"]), "yao")
    if name == "ASRTAIL":
        return to_numerals(rng, digits(rng, 4))
    raise KeyError(name)


def render(rng, tpl, values):
    segs = []
    pos = 0
    for m in PH_RE.finditer(tpl):
        if m.start() > pos:
            segs.append(("t", tpl[pos:m.start()]))
        name = m.group(1)
        if name in values:
            v = values[name]
            segs.extend(v if isinstance(v, list) else [v])
        elif name == "X":
            segs.extend(render(rng, deal(rng, "X", X_PHRASES), {}))
        elif name in DECOYS:
            segs.append(("d", name, DECOYS[name](rng)))
        elif name in TEXT_FILLERS:
            segs.append(("t", TEXT_FILLERS[name](rng)))
        elif name.startswith("ASR"):
            segs.append(("d", name, asr_neg(rng, name)))
        else:
            raise KeyError(f"unknown placeholder {name} in {tpl}")
        pos = m.end()
    if pos < len(tpl):
        segs.append(("t", tpl[pos:]))
    return segs


ASCII_PUNCT = {"，": ",", "。": ".", "？": "?", "！": "!", "：": ":", "；": ";", "（": "(", "）": ")"}
NONE_PUNCT = {"，": " ", "。": " ", "？": " ", "！": " ", "；": " ", "：": "", "～": ""}
TYPOS = [
    ("已经", "以经"), ("登录", "登陆"), ("怎么", "咋"), ("的", "得"), ("收到", "收道"),
    ("麻烦", "麻凡"), ("一下", "一哈"), ("谢谢", "3q"), ("现在", "先在"), ("好的", "好滴"),
    ("什么", "神马"), ("还没", "还木"), ("这个", "这各"), ("在吗", "再吗"),
]


def style_text(rng, s, mode):
    if mode == "full":
        return s
    if mode == "ascii":
        return "".join(ASCII_PUNCT.get(ch, ch) for ch in s)
    if mode == "none":
        return "".join(NONE_PUNCT.get(ch, ch) for ch in s)
    out = []
    for ch in s:
        if ch in ASCII_PUNCT and rng.random() < 0.5:
            out.append(ASCII_PUNCT[ch])
        else:
            out.append(ch)
    return "".join(out)


def merge_text(segs):
    out = []
    for seg in segs:
        if seg[0] == "t" and out and out[-1][0] == "t":
            out[-1] = ("t", out[-1][1] + seg[1])
        elif seg[0] == "t" and seg[1] == "":
            continue
        else:
            out.append(seg)
    return out


def stamp(rng):
    d = rand_date(rng, 2024, 2025)
    h, m, s = rand_hms(rng)
    return d, f"{h:02d}:{m:02d}:{s:02d}"


def speaker_prefix(rng, role):
    if role in ("c", "e"):
        who = rng.choice(["客户：", "客户:", "用户：", "用户: ", "买家：", "顾客：", "客户 "])
        mode = weighted(rng, [("none", 40), ("who", 32), ("ts", 28)])
    elif role == "a":
        n = digits(rng, 4, "123456789")
        who = rng.choice(["坐席：", "客服：", f"坐席(工号{n})：", f"坐席（工号{n}）：", "人工客服：",
                          f"客服小{rng.choice('王李张刘陈美')}：", "agent: ", "坐席:"])
        mode = weighted(rng, [("none", 30), ("who", 40), ("ts", 30)])
    elif role == "n":
        who = ""
        mode = weighted(rng, [("none", 75), ("ts", 25)])
    else:  # ASR
        mm, ss = rng.randint(0, 29), rng.randint(0, 59)
        return weighted(rng, [
            ("", 40), (f"[00:{mm:02d}:{ss:02d}] 客户 ", 20), ("spk1: ", 10), ("说话人1：", 10),
            (f"[{mm:02d}:{ss:02d}.{rng.randint(0, 99):02d}] ", 10), ("A: ", 5), ("用户 ", 5),
        ])
    if mode == "none":
        return ""
    if mode == "who":
        return who
    d, t = stamp(rng)
    fmt = rng.randrange(4)
    if fmt == 0:
        return f"[{d.isoformat()} {t}] {who}"
    if fmt == 1:
        return f"{d.isoformat()} {t} {who}"
    if fmt == 2:
        return f"[{t}] {who}"
    return f"{d.strftime('%Y/%m/%d')} {t} {who}"


def decorate(rng, role, segs, edge=False):
    if role == "r":
        mode = "none"
    elif role == "a":
        mode = weighted(rng, [("full", 80), ("ascii", 14), ("none", 6)])
    elif role == "n":
        mode = weighted(rng, [("full", 70), ("ascii", 30)])
    else:
        mode = weighted(rng, [("full", 50), ("ascii", 25), ("none", 15), ("mixed", 10)])
    segs = [("t", style_text(rng, s[1], mode)) if s[0] == "t" else s for s in segs]
    if role in ("c", "r") and rng.random() < 0.12:
        idx = [i for i, s in enumerate(segs) if s[0] == "t"]
        rng.shuffle(idx)
        for i in idx:
            cands = [p for p in TYPOS if p[0] in segs[i][1]]
            if cands:
                a, b = rng.choice(cands)
                segs[i] = ("t", segs[i][1].replace(a, b, 1))
                break
    if role == "r" and not edge and rng.random() < 0.3:
        segs = [("t", rng.choice(["嗯 ", "呃 ", "那个 ", "就是 ", "喂 "]))] + segs
    if role in ("c", "e") and rng.random() < 0.07:
        segs = segs + [("t", rng.choice(EMOJI))]
    segs = merge_text(segs)
    segs = [("t", re.sub(r" {2,}", " ", s[1])) if s[0] == "t" else s for s in segs]
    if segs and segs[0][0] == "t":
        segs[0] = ("t", segs[0][1].lstrip(" "))
    if segs and segs[-1][0] == "t":
        segs[-1] = ("t", segs[-1][1].rstrip(" "))
    segs = merge_text(segs)
    if not edge:
        prefix = speaker_prefix(rng, role)
        if prefix:
            segs = merge_text([("t", prefix)] + segs)
    return segs


DIGIT_CHARS = frozenset("0123456789０１２３４５６７８９")
NUMERAL_ADJ = frozenset(NUMERAL_CHARS + "十百千万")
JOINERS = frozenset(" \u3000-—－.,，_")


def is_latin(ch):
    return ("a" <= ch <= "z") or ("A" <= ch <= "Z") or ("ａ" <= ch <= "ｚ") or ("Ａ" <= ch <= "Ｚ")


def bad_neighbour(ch):
    return ch in DIGIT_CHARS or ch in NUMERAL_ADJ or ch in "+＋*＊#＃"


def boundary_ok(plain, a, b, sub):
    if a > 0:
        p = plain[a - 1]
        if bad_neighbour(p) or is_latin(p):
            return False
        if p in JOINERS and a > 1 and bad_neighbour(plain[a - 2]):
            return False
        if sub == "landline" and p in "(（[【":
            return False
    if b < len(plain):
        q = plain[b]
        if bad_neighbour(q) or is_latin(q):
            return False
        if q in JOINERS and b + 1 < len(plain) and bad_neighbour(plain[b + 1]):
            return False
        if q in "转分" and b + 1 < len(plain) and plain[b + 1] in DIGIT_CHARS | {"机"}:
            return False
    return True


def ends_with_ctx(before, words):
    b = before.rstrip(" :：是")
    return any(b.endswith(w) for w in words)


def has_order_ctx(before, after):
    window = before + after
    return any(w in window for w in LINT_ORDER_CTX)


MIXED_RE = re.compile(
    "[" + NUMERAL_CHARS + "0-9](?:[ ,，、]?[" + NUMERAL_CHARS + "0-9]){10,}")
GROUPED_RE = re.compile(r"[0-9]+(?:[ \u3000\-—－][0-9]+)+")


def lint(text):
    """Problems in unlabeled text that a detector could read as a positive."""
    probs = []
    n = text.translate(TO_ASCII)
    for m in re.finditer(r"[0-9]+", n):
        r = m.group()
        a, b = m.span()
        before, after = n[max(0, a - 12):a], n[b:b + 10]
        L = len(r)
        # A run glued to Latin letters is part of a code (SN..., ABC...),
        # which the spec lists as a hard negative.
        glued = (a > 0 and is_latin(n[a - 1])) or (
            b < len(n) and is_latin(n[b]) and not (L == 17 and n[b] in "Xx"))
        if glued:
            continue
        if L == 11 and r[:3] in MOBILE_SEGMENT_SET:
            probs.append("mobile-shaped " + r)
        if L == 13 and r.startswith("86") and r[2:5] in MOBILE_SEGMENT_SET:
            probs.append("86+mobile " + r)
        if L == 15 and r.startswith("0086") and r[4:7] in MOBILE_SEGMENT_SET:
            probs.append("0086+mobile " + r)
        if r[0] == "0" and L >= 10:
            probs.append("landline-shaped " + r)
        if L == 10 and r[:3] in ("400", "800"):
            probs.append("service-shaped " + r)
        if L == 18 and id18_plausible(r):
            probs.append("id-shaped " + r)
        if L == 17 and n[b:b + 1] in ("X", "x") and id18_plausible(r + "X"):
            probs.append("id-shaped " + r + "X")
        if L == 15 and ends_with_ctx(before, LINT_ID15_CTX):
            probs.append("15 digits after id context " + r)
        if 16 <= L <= 19:
            if ends_with_ctx(before, LINT_CARD_CTX):
                probs.append("card context " + r)
            if luhn_ok(r) and not has_order_ctx(before, after):
                probs.append("luhn-valid without order context " + r)
    for m in GROUPED_RE.finditer(n):
        j = re.sub(r"[^0-9]", "", m.group())
        a, b = m.span()
        before, after = n[max(0, a - 12):a], n[b:b + 10]
        if len(j) == 11 and j[:3] in MOBILE_SEGMENT_SET:
            probs.append("grouped mobile " + m.group())
        if 16 <= len(j) <= 19 and luhn_ok(j) and not has_order_ctx(before, after):
            probs.append("grouped luhn " + m.group())
        if len(j) == 18 and id18_plausible(j):
            probs.append("grouped id " + m.group())
        if j[0] == "0" and 10 <= len(j) <= 13:
            probs.append("grouped landline " + m.group())
        if len(j) == 10 and j[:3] in ("400", "800"):
            probs.append("grouped service " + m.group())
    for m in MIXED_RE.finditer(n):
        if not m.group().isdigit():
            probs.append("digit sequence " + m.group())
    if re.search(r"\+ ?\(?8", n) or "(+" in n or "（+" in n:
        probs.append("country code")
    return probs


def plain_of(segs):
    return "".join(s[-1] for s in segs)


def marked_of(segs):
    out = []
    for s in segs:
        if s[0] == "s":
            out.append(f"⟦{s[1]}|{s[2]}⟧")
        else:
            out.append(s[-1])
    return "".join(out)


FORBIDDEN = ("\t", "\n", "\r", "⟦", "⟧", "|")


def validate(segs, subs):
    """subs: phone subtype per span in order (mobile/landline/service/None)."""
    plain = plain_of(segs)
    if not plain or plain != plain.strip() or any(f in plain for f in FORBIDDEN):
        return False
    pos = 0
    masked = []
    k = 0
    for s in segs:
        text = s[-1]
        if s[0] == "s":
            if not boundary_ok(plain, pos, pos + len(text), subs[k]):
                return False
            k += 1
            masked.append("▮")
        else:
            masked.append(text)
        pos += len(text)
    return not lint("".join(masked))


def strip_markup(marked):
    return re.sub(r"⟦[a-z_]+\|", "", marked).replace("⟧", "")


# ---------------------------------------------------------------------------
# Recipes
# ---------------------------------------------------------------------------

SPAN_KIND = {"mobile": "phone", "landline": "phone", "service": "phone",
             "id": "id_card", "id15": "id_card", "bank": "bank_card"}

PLACEMENTS = {"ctx": 45, "free": 22, "glued": 12, "bracket": 10, "edge": 11}

# (form, weight, allowed placements, needs strict context, ASR style)
ALL5 = ("ctx", "free", "glued", "bracket", "edge")
FORMS = {
    "mobile": [
        ("plain", 14, ALL5, False, False),
        ("spaced344", 8, ALL5, False, False),
        ("dashed344", 6, ALL5, False, False),
        ("spaced74", 3, ("ctx", "free", "edge"), False, False),
        ("spaced38", 3, ("ctx", "free", "edge"), False, False),
        ("fullwidth", 4, ALL5, False, False),
        ("fwspace", 3, ("ctx", "free", "bracket"), False, False),
        ("emdash", 2, ("ctx", "free"), False, False),
        ("fwdash", 2, ("ctx", "free", "glued"), False, False),
        ("cc-plus86", 4, ALL5, False, False),
        ("cc-86", 3, ("ctx", "free", "glued", "edge"), False, False),
        ("cc-0086", 3, ("ctx", "free", "glued", "edge"), False, False),
        ("cc-paren", 3, ("ctx", "free", "edge"), False, False),
        ("cc-fwparen", 2, ("ctx", "free", "glued"), False, False),
        ("cc-plus86dash", 3, ("ctx", "free", "edge"), False, False),
        ("cc-plus86space", 3, ("ctx", "free", "edge"), False, False),
        ("asr-numerals", 6, ("ctx", "free"), False, True),
        ("asr-grouped", 4, ("ctx", "free"), False, True),
        ("asr-digitspace", 4, ("ctx", "free"), False, True),
        ("asr-digitcomma", 4, ("ctx", "free"), False, True),
        ("asr-mixed", 2, ("ctx", "free"), False, True),
    ],
    "landline": [
        ("dash", 10, ("ctx", "free", "glued"), False, False),
        ("dash-split", 5, ("ctx", "free"), False, False),
        ("space", 5, ("ctx", "free"), False, False),
        ("paren", 6, ("ctx", "free", "glued"), False, False),
        ("fwparen", 3, ("ctx", "free"), False, False),
        ("fullwidth", 3, ("ctx", "free"), False, False),
        ("ext-zhuan", 5, ("ctx", "free"), False, False),
        ("ext-dash", 4, ("ctx", "free"), False, False),
        ("ext-fenji", 4, ("ctx", "free"), False, False),
        ("unsep", 5, ("ctx",), True, False),
        ("intl-space", 3, ("ctx", "free"), False, False),
        ("intl-dash", 3, ("ctx", "free"), False, False),
    ],
    "service": [
        ("dash334", 10, ("ctx", "free"), False, False),
        ("space334", 5, ("ctx", "free"), False, False),
        ("dash433", 5, ("ctx", "free"), False, False),
        ("unsep", 6, ("ctx",), True, False),
    ],
    "id": [
        ("plain", 16, ("ctx", "free", "glued"), False, False),
        ("lowerx", 4, ("ctx", "free", "glued"), False, False),
        ("fullwidth", 4, ("ctx", "free"), False, False),
        ("sep-space", 4, ("ctx", "free"), False, False),
        ("sep-dash", 3, ("ctx", "free"), False, False),
        ("asr-numerals", 3, ("ctx",), False, True),
    ],
    "id15": [
        ("legacy15", 1, ("ctx",), True, False),
    ],
    "bank": [
        ("plain", 14, ("ctx", "free", "glued"), False, False),
        ("spaced4", 8, ("ctx", "free", "glued"), False, False),
        ("dashed4", 4, ("ctx", "free"), False, False),
        ("fullwidth", 3, ("ctx", "free"), False, False),
        ("asr-numerals", 2, ("ctx",), False, True),
        ("luhnfail", 5, ("ctx",), True, False),
    ],
}

FORMATTERS = {
    "mobile": fmt_mobile, "landline": fmt_landline, "service": fmt_service,
    "id": fmt_id18, "id15": lambda rng, form: gen_id15(rng), "bank": fmt_bank,
}
CATEGORY_KIND = {"mobile": "mobile", "landline": "landline", "service": "service",
                 "id": "id18", "id15": "id15", "bank": "bank"}


def pick_template(rng, kind, placement, strict, asr):
    key = (kind, placement)
    cands = TPL[key]
    if strict:
        cands = [t for t in cands if t[2] or "{C}{P}" in t[1] or "{CV}{P}" in t[1]]
    if asr:
        cands = [t for t in cands if t[0] in ("c", "r")]
    return deal(rng, (key, strict, asr), cands)


# Templates are dealt like cards from a reshuffled deck per list, so every
# template is used and none dominates.  Reset before each generation run.
DECKS = {}


def deal(rng, key, items):
    deck = DECKS.get(key)
    if not deck:
        deck = list(items)
        rng.shuffle(deck)
        DECKS[key] = deck
    return deck.pop()


def ctx_values(rng, kind, strict):
    lists = (CTX_STRICT if strict else CTX).get(kind, CTX.get(kind, {}))
    vals = {}
    for name in ("C", "CV"):
        if name in lists:
            vals[name] = ("t", ctx_text(rng, lists[name]))
        elif name in CTX.get(kind, {}):
            vals[name] = ("t", ctx_text(rng, CTX[kind][name]))
    return vals


def append_decoy(rng, role, segs):
    if role == "r":
        joiner = " "
    elif segs[-1][0] == "t" and segs[-1][1][-1:] in ("？", "！", "。", "～"):
        joiner = rng.choice(["", "另外", "还有"])
    else:
        joiner = rng.choice(["，", "，另外", "。", "；"])
    return segs + [("t", joiner)] + render(rng, deal(rng, "X", X_PHRASES), {})


def build_single(rng, kind, form, placement, strict, asr):
    role, tpl, _lit = pick_template(rng, kind, placement, strict, asr)
    span_kind = SPAN_KIND[kind]
    text = FORMATTERS[kind](rng, form)
    if kind == "id15" or kind == "id":
        ctx_kind = "id"
    else:
        ctx_kind = kind
    vals = ctx_values(rng, ctx_kind, strict)
    vals["P"] = ("s", span_kind, text)
    segs = render(rng, tpl, vals)
    if placement != "edge" and role != "e" and "{X}" not in tpl and rng.random() < 0.18:
        segs = append_decoy(rng, role, segs)
    segs = decorate(rng, role, segs, edge=(placement == "edge"))
    sub = kind if kind in ("mobile", "landline", "service") else None
    subs = [sub] * sum(1 for s in segs if s[0] == "s")
    return segs, subs


NONSTRICT = {k: [f for f in v if not f[3]] for k, v in FORMS.items()}


def random_item(rng, kind, asr_ok):
    forms = [f for f in NONSTRICT[kind] if asr_ok or not f[4]]
    form = weighted(rng, [(f[0], f[1]) for f in forms])
    return FORMATTERS[kind](rng, form)


def build_pair(rng):
    role, tpl, _ = deal(rng, "pair", TPL["mobile", "pair"])
    vals = ctx_values(rng, "mobile", False)
    vals["P"] = ("s", "phone", random_item(rng, "mobile", role == "r"))
    vals["P2"] = ("s", "phone", random_item(rng, "mobile", role == "r"))
    segs = decorate(rng, role, render(rng, tpl, vals))
    return segs, ["mobile", "mobile"]


def build_mix(rng):
    role, tpl, _ = deal(rng, "mix", TPL["mix", "mix"])
    asr_ok = role == "r" and rng.random() < 0.5
    vals = {}
    subs = []
    for m in PH_RE.finditer(tpl):
        name = m.group(1)
        if name == "MOB" or (name == "PH" and rng.random() < 0.75):
            vals[name] = ("s", "phone", random_item(rng, "mobile", asr_ok))
            subs.append("mobile")
        elif name in ("LAND", "PH"):
            vals[name] = ("s", "phone", random_item(rng, "landline", False))
            subs.append("landline")
        elif name == "SVC":
            vals[name] = ("s", "phone", random_item(rng, "service", False))
            subs.append("service")
        elif name == "ID":
            vals[name] = ("s", "id_card", random_item(rng, "id", asr_ok))
            subs.append(None)
        elif name == "BK":
            vals[name] = ("s", "bank_card", random_item(rng, "bank", asr_ok))
            subs.append(None)
    segs = render(rng, tpl, vals)
    if role != "e" and "{X}" not in tpl and rng.random() < 0.2:
        segs = append_decoy(rng, role, segs)
    segs = decorate(rng, role, segs)
    return segs, subs


def mix_category(segs, subs):
    kinds = []
    for s, sub in zip([s for s in segs if s[0] == "s"], subs):
        k = {"phone": "phone", "id_card": "id", "bank_card": "bank"}[s[1]]
        if k not in kinds:
            kinds.append(k)
    order = ["phone", "id", "bank"]
    kinds.sort(key=order.index)
    if kinds == ["phone"]:
        return "mix/" + "+".join(sorted(set(x for x in subs), key=["mobile", "landline", "service"].index))
    return "mix/" + "+".join(kinds)


def build_neg(rng, cat):
    role, tpl, _ = deal(rng, ("neg", cat), NEG_TPL[cat])
    segs = render(rng, tpl, {})
    if cat != "chitchat" and rng.random() < 0.3:
        segs = append_decoy(rng, role, segs)
    return decorate(rng, role, segs), []


# Line budget.
TOTAL_LINES = 3600
GROUP_WEIGHTS = [("mobile", 196), ("landline", 52), ("service", 27), ("id", 103),
                 ("id15", 15), ("bank", 94), ("mix", 63), ("neg", 450)]
NEG_WEIGHTS = [
    ("order", 150), ("order-pdd", 30), ("tracking", 55), ("tracking-num", 55),
    ("amount", 70), ("date", 55), ("time", 45), ("vcode", 50), ("hotline", 50),
    ("bad-mobile-segment", 70), ("id-bad-check", 70), ("id-bad-date", 55),
    ("luhn-fail-nocontext", 70), ("embedded-digits", 60), ("embedded-letters", 50),
    ("agent-id", 30), ("room", 30), ("quantity", 28), ("version", 28), ("ip", 25),
    ("percent", 28), ("balance", 28), ("points", 28), ("coupon", 28), ("invoice", 35),
    ("serial", 28), ("card-tail", 40), ("masked", 45), ("year", 28),
    ("asr-numerals", 35), ("chitchat", 60), ("qq-email", 22),
]


def attempt(rng, builder, *args):
    for _ in range(500):
        segs, subs = builder(rng, *args)
        if validate(segs, subs):
            return segs, subs
    raise RuntimeError(f"could not build a valid line for {builder.__name__}{args}")


def plan_single(kind, count):
    """[(category, form, placement, strict, asr, n)]"""
    forms = FORMS[kind]
    out = []
    for (form, _w, places, strict, asr), n in zip(forms, allocate(count, [f[1] for f in forms])):
        pls = list(places)
        for place, m in zip(pls, allocate(n, [PLACEMENTS[p] for p in pls])):
            if m:
                cat = f"pos/{CATEGORY_KIND[kind]}/{form}/{place}"
                out.append((cat, form, place, strict, asr, m))
    return out


def generate_lines(seed=SEED):
    rng = random.Random(seed)
    DECKS.clear()
    budget = dict(zip([g for g, _ in GROUP_WEIGHTS], allocate(TOTAL_LINES, [w for _, w in GROUP_WEIGHTS])))
    lines = []
    for kind in ("mobile", "landline", "service", "id", "id15", "bank"):
        for cat, form, place, strict, asr, n in plan_single(kind, budget[kind]):
            for _ in range(n):
                segs, _subs = attempt(rng, build_single, kind, form, place, strict, asr)
                lines.append((cat, segs))
    n_pair = budget["mix"] // 4
    for _ in range(n_pair):
        segs, _ = attempt(rng, lambda r: build_pair(r))
        lines.append(("mix/mobile-pair", segs))
    for _ in range(budget["mix"] - n_pair):
        segs, subs = attempt(rng, lambda r: build_mix(r))
        lines.append((mix_category(segs, subs), segs))
    neg_counts = allocate(budget["neg"], [w for _, w in NEG_WEIGHTS])
    for (cat, _), n in zip(NEG_WEIGHTS, neg_counts):
        for _ in range(n):
            segs, _ = attempt(rng, build_neg, cat)
            lines.append(("neg/" + cat, segs))
    return lines


# Decoys that are personal information of a kind other than phone, ID and
# bank card, and the kind they are labeled with.  Every template puts a
# verification code right after 验证码 and a QQ number right after QQ/qq, so
# each one is announced as the kind requires.
OTHER_KIND_DECOYS = {
    "VCODE": "verification_code", "ASRVCODE": "verification_code",
    "EMAIL": "email", "QQ": "qq", "IP": "ip_address",
}


def label_other_kinds(segs):
    """Label the decoys that are personal information of the other kinds.

    The lines are built, and checked by the lint, with these decoys as plain
    text, so labeling them afterwards changes neither the random stream nor
    the text: the phone, ID and card labels stay exactly as they were.

    A building, unit or room right after a city name ({CITY}{ROOM}, as in
    地址是北京5栋4单元404) is an address: an administrative name with a
    building or door number below it.  The span runs from the city name to
    the end of the room.  Without a city before it (送到5栋4单元404) the room
    alone is no address and stays unlabeled.
    """
    out = []
    for seg in segs:
        if seg[0] != "d":
            out.append(seg)
            continue
        _, name, text = seg
        if name in OTHER_KIND_DECOYS:
            out.append(("s", OTHER_KIND_DECOYS[name], text))
            continue
        city = None
        if name == "ROOM" and out and out[-1][0] == "t":
            city = next((c for c in CITIES if out[-1][1].endswith(c)), None)
        if city:
            before = out.pop()[1][: -len(city)]
            if before:
                out.append(("t", before))
            out.append(("s", "address", city + text))
        else:
            out.append(seg)
    return out


def render_corpus(seed=SEED):
    out = [f"# generated by scripts/gen_corpus.py, seed {seed}"]
    for cat, segs in generate_lines(seed):
        segs = label_other_kinds(segs)
        marked = marked_of(segs)
        assert strip_markup(marked) == plain_of(segs)
        out.append(f"{cat}\t{marked}")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------
# Example transcript (examples/chat.txt): plain text, no markup.
# ---------------------------------------------------------------------------

EXAMPLE = """
客户|您好，在吗？我上周买的空气净化器到现在还没收到
坐席|您好，很高兴为您服务，我是{AGENT}。请问您的订单号是多少？
客户|订单号{ORDER}，{DATE}下的单
坐席|好的，请稍等，正在为您查询
坐席|查询到订单已于{DATE2}发出，快递单号{TRACK}，目前显示在{CITY}中转
客户|都三天没动了，你们能不能催一下
坐席|可以的，为了方便快递员联系，跟您核对一下收件手机号是{MOB_PLAIN}对吗？
客户|不对，那个号停机了，新号是{MOB_SPACED}
坐席|好的，已为您更新为新号码，请注意接听
客户|另外我人在外地，备用的也留一下吧 {MOB_86}
坐席|收到，两个号码都已登记
客户|还有我家里座机{LAND_EXT}，白天我妈在
坐席|好的，座机也备注上了
客户|算了，这东西我不想要了，直接退款吧，付了{AMOUNT}
坐席|理解您的心情，退款需要先拦截快递，拦截成功后{DAYS}个工作日内原路退回
客户|原路退回是退到哪里？我当时用的信用卡分期
坐席|会退回到您支付时使用的银行卡，您方便提供一下卡号核对吗？
客户|{CARD_GROUPED}，{BANK}的
坐席|好的，核对无误
客户|分期的手续费也退吗
坐席|手续费由银行收取，具体以银行为准，您可以咨询银行客服{SHORT}
客户|行吧
坐席|因为涉及大额退款，需要核实一下实名信息，请提供一下身份证号
客户|{ID_X}
坐席|感谢配合，信息一致
客户|验证码收到了，{VCODE}，要发给你吗？
坐席|不用的，验证码请不要告诉任何人，包括客服
客户|哦哦好的
客户|我刚才打了你们{SVC_CTX}，一直排队，所以在线上问
坐席|非常抱歉让您久等了，全国客服热线是{SVC}，在线和电话都可以处理
客户|你们的售后网点电话是多少？我想顺便问下保修
坐席|{CITY}售后网点电话{LAND_PAREN}，工作日9:00-18:00
客户|好的，我记一下
客户|对了我老公的手机号你也记一下吧：{MOB_FW}
坐席|好的，已作为第三联系人登记
客户|我家地址是{CITY}市建设路小区{ROOM}，别送到快递柜
坐席|已备注：送货上门，不放快递柜
客户|我之前在你们家买过{QTY}滤芯，积分{POINTS}还能用吗
坐席|积分有效期到{YEAREND}，可以在下单时抵扣
客户|好的谢谢
坐席|拦截申请已提交，工单号{TICKET}，请留意短信通知
客户|多久有结果
坐席|一般{HOURS}小时内会有结果，快递员会联系您尾号{TAIL}的手机
客户|好
坐席|请问还有其他可以帮您的吗？
客户|没有了
坐席|感谢您的耐心，祝您生活愉快，再见
客服系统|本次会话已结束，请对本次服务进行评价
客户|【语音转写】我再确认一下我手机号是{MOB_ASR}没错吧
坐席|没错的，和系统登记的新号一致
客户|好的 拜拜
"""


CITY_AREA = [("北京", "010"), ("上海", "021"), ("广州", "020"), ("深圳", "0755"),
             ("杭州", "0571"), ("南京", "025"), ("武汉", "027"), ("成都", "028"),
             ("西安", "029"), ("重庆", "023"), ("天津", "022"), ("郑州", "0371")]


EXAMPLE_CARDS = [("622202", "工商银行", 19), ("622848", "农业银行", 19), ("621700", "建设银行", 19),
                 ("622588", "招商银行", 16), ("622262", "交通银行", 19), ("621661", "中国银行", 19)]


def render_example(seed=SEED):
    rng = random.Random(seed)
    DECKS.clear()
    mob_new = gen_mobile_number(rng)
    iin, bank, length = rng.choice(EXAMPLE_CARDS)
    body = iin + digits(rng, length - len(iin) - 1)
    card = body + luhn_digit(body)
    city, city_area = rng.choice(CITY_AREA)
    values = {
        "AGENT": neg_agent(rng),
        "ORDER": digits(rng, 19, "2"),
        "DATE": "",
        "DATE2": "",
        "TRACK": "SF" + digits(rng, 13, "1"),
        "CITY": city,
        "MOB_PLAIN": gen_mobile_number(rng),
        "MOB_SPACED": f"{mob_new[:3]} {mob_new[3:7]} {mob_new[7:]}",
        "MOB_86": "+86 " + gen_mobile_number(rng),
        "LAND_EXT": f"{city_area}-{digits(rng, 8, '2345678')}转{gen_ext(rng)}",
        "AMOUNT": "¥{:,}.00".format(rng.randint(1200, 4999)),
        "DAYS": str(rng.randint(3, 7)),
        "CARD_GROUPED": group4(card, " "),
        "BANK": bank,
        "SHORT": rng.choice(["95588", "95533", "95555", "95566"]),
        "ID_X": gen_id18(rng, "X"),
        "VCODE": digits(rng, 6),
        "SVC_CTX": "",
        "SVC": fmt_service(rng, "dash334"),
        "LAND_PAREN": "",
        "MOB_FW": fw(gen_mobile_number(rng)),
        "ROOM": neg_room(rng),
        "QTY": f"{rng.randint(2, 4)}个",
        "POINTS": str(rng.randint(1000, 9999)),
        "YEAREND": "",
        "TICKET": "GD" + digits(rng, 12, "2"),
        "HOURS": str(rng.choice([24, 48])),
        "TAIL": mob_new[7:],
        "MOB_ASR": to_numerals(rng, mob_new, "yao"),
    }
    values["SVC_CTX"] = "热线" + values["SVC"].replace("-", "")
    s2 = digits(rng, 8, "2345678")
    values["LAND_PAREN"] = f"({city_area}){split_sub(s2, '-')}"
    start = datetime.datetime(2024, 11, 28, 13, 45, 12) + datetime.timedelta(
        minutes=rng.randint(0, 300))
    order_day = (start - datetime.timedelta(days=rng.randint(6, 9))).date()
    values["DATE"] = f"{order_day.month}月{order_day.day}号"
    values["DATE2"] = (order_day + datetime.timedelta(days=1)).isoformat()
    values["YEAREND"] = f"{start.year}年12月31日"
    out = []
    t = start
    for raw in EXAMPLE.strip("\n").split("\n"):
        who, text = raw.split("|", 1)
        text = re.sub(r"\{([A-Z0-9_]+)\}", lambda m: values[m.group(1)], text)
        t += datetime.timedelta(seconds=rng.randint(8, 95))
        out.append(f"[{t.strftime('%Y-%m-%d %H:%M:%S')}] {who}：{text}")
    return "\n".join(out) + "\n"


def write_stdout(text):
    sys.stdout.buffer.write(text.encode("utf-8"))


def main(argv=None):
    ap = argparse.ArgumentParser(description="Generate the labeled PII chat corpus.")
    ap.add_argument("--check", metavar="FILE", help="exit 1 if FILE differs from the generated corpus")
    ap.add_argument("--example", action="store_true", help="print the example transcript instead")
    args = ap.parse_args(argv)
    text = render_example() if args.example else render_corpus()
    if args.check:
        try:
            with open(args.check, "rb") as f:
                current = f.read()
        except OSError as e:
            print(f"{args.check}: cannot read ({e.strerror}); regenerate it with scripts/gen_corpus.py")
            return 1
        if current != text.encode("utf-8"):
            what = "--example " if args.example else ""
            print(f"{args.check} is out of date: run python3 scripts/gen_corpus.py {what}> {args.check}")
            return 1
        return 0
    write_stdout(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
