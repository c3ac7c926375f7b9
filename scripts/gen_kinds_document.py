#!/usr/bin/env python3
"""Generate the labeled identity-document corpus at testdata/corpus/kinds-document.txt.

Usage:
    python3 scripts/gen_kinds_document.py > testdata/corpus/kinds-document.txt
    python3 scripts/gen_kinds_document.py --check testdata/corpus/kinds-document.txt

Standard library only, fully deterministic: one random.Random(SEED), no
iteration over sets or hash-ordered containers, no clock.  The output depends
only on this script and scripts/gen_corpus.py (whose small helpers -- digits,
weighted choice, numerals, resident ID numbers, mobile numbers, speaker
prefixes -- are imported, not changed).  --check FILE exits 1 with a one-line
message when FILE differs from what would be generated.

File format
-----------
Same as testdata/corpus/chat.txt: one example per line, "CATEGORY<TAB>TEXT",
items marked inline as "⟦KIND|ITEM⟧".  Kinds: "passport", "travel_permit",
"hk_id", "macao_id", "taiwan_id", "military_id"; some lines also hold
"phone" and "id_card" items.  Categories: "pos/<kind>/<form>/<placement>"
(exactly one item), "mix/<kinds>" (two items), "neg/<what>" (no item of the
document kinds; "neg/resident-id" lines hold one id_card item).

What counts as a document number
--------------------------------
  * passport: E + 8 digits, E + letter (not I/O) + 7 digits, G + 8 digits,
    DE/SE/PE + 7 digits, D/S/P + 7 or 8 digits, K + 8, KJ + 7, MA + 7;
    after a passport word (护照, 護照, passport).
  * travel_permit: H or M + 8 digits, or + 10 (8 and a 2-digit issue
    count), after 回乡证 / 通行证 / permit; C + 8 digits or C + letter
    (not I/O) + 7 digits after 通行证 / 双程证 / permit; 8 digits after
    台胞证, or after 通行证 with 台湾 shortly before it.
  * hk_id: 1 or 2 letters, 6 digits and the check character (weights 9..2,
    letters A=10..Z=35, a lone letter preceded by 36, check A for 10).
    Written A123456(3) with ASCII upper-case letters it needs no word;
    every other form (full-width, lower case, unbracketed, spaced, numerals)
    follows 香港身份证, 香港(永久性)居民身份证, 身份證 or HKID.
  * macao_id: 1, 5 or 7, 6 digits and a check digit, as 1234567(8),
    12345678 or 1/234567/8, after 澳门身份证, 澳門身份證 or
    澳门(永久性)居民身份证.
  * taiwan_id: letter, 1/2 (or 8/9), 8 digits, check digit valid (letter
    codes A=10 ... with I=34, O=35, W=32, Z=33; weights 1,9,8,...,1,1); or
    letter, A-D, 8 digits; after 台湾身份证, 身分證 / 身分证 or 身份證.
  * military_id: X字第 + 6-8 digits (or letters and digits) after 军官证,
    士兵证, 士官证, 文职干部证, 文职人员证, 武警警官证; or 6-8 digits.

Span conventions
----------------
  * The span is the number as written: letters, digits, the separators
    between groups, and for Hong Kong and Macao numbers the bracketed check
    character with its brackets.  The word and connectors before it
    (护照号码是：, 证件号码：) are outside, and so are trailing words.
  * Officer IDs span from the issuing character to the last digit:
    军官证号南字第1234567号 -> 南字第1234567 (the closing 号 is outside).
  * A value follows its word with at most a few characters between
    (号码是, 的号码是：, number is), never across a sentence end (。！；), and
    never with another number's label (订单, 快递, 手机 ...) between; or
    it comes right before it, written compactly, with only 是/我的/这是
    between (C12345678是我的通行证).
  * Digits may be full-width, or, in ASR lines, Chinese numerals or one
    digit per space, only after the word.

Hard negatives: document words without a number (护照过期了, 通行证办好了吗,
港澳通行证签注), train and flight numbers, tracking and order numbers with
letters, product models, licence keys, court and property file numbers
(民初字第, 房地字第), numbers of the wrong shape for their word, numbers across
a sentence end or too far from their word, Hong Kong and Taiwan numbers with
a wrong check character, Taiwan-resident permit digits without Taiwan, Macao
numbers without Macao, masked numbers, and resident ID numbers (labeled
id_card: they belong to the ID detector).
"""

import os
import random
import sys

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen_corpus as gc  # noqa: E402  (small helpers)
import corpus_cli

SEED = 20261201

# ---------------------------------------------------------------------------
# Characters
# ---------------------------------------------------------------------------

FW = str.maketrans(
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz()",
    "０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ"
    "ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ（）",
)
LETTERS_NO_IO = "ABCDEFGHJKLMNPQRSTUVWXYZ"


def fw(s):
    return s.translate(FW)


def numerals(rng, s):
    return gc.to_numerals(rng, s)


def spaced(s):
    return " ".join(s)


# ---------------------------------------------------------------------------
# Check characters
# ---------------------------------------------------------------------------


def hk_check(letters, six):
    value = [ord(c) - ord("A") + 10 for c in letters]
    first, second = (36, value[0]) if len(value) == 1 else (value[0], value[1])
    total = first * 9 + second * 8 + sum(int(d) * (7 - i) for i, d in enumerate(six))
    r = total % 11
    return "0" if r == 0 else "A" if r == 1 else str(11 - r)


TW_CODES = dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                    [10, 11, 12, 13, 14, 15, 16, 17, 34, 18, 19, 20, 21, 22, 35, 23, 24, 25, 26, 27, 28, 29,
                     32, 30, 31, 33]))


def tw_check(letter, eight):
    """eight: the values of the second character and the 7 digits after it."""
    code = TW_CODES[letter]
    total = code // 10 + (code % 10) * 9 + sum(int(x) * w for x, w in zip(eight, [8, 7, 6, 5, 4, 3, 2, 1]))
    return str((10 - total % 10) % 10)


# ---------------------------------------------------------------------------
# Numbers.  Each returns (letters, digit string) or the finished value.
# ---------------------------------------------------------------------------


def passport_parts(rng):
    kind = gc.weighted(rng, [("E8", 28), ("EL7", 30), ("G8", 14), ("XE7", 9), ("DSP", 7), ("K8", 4),
                             ("KJ7", 3), ("MA7", 5)])
    if kind == "E8":
        return "E", gc.digits(rng, 8)
    if kind == "EL7":
        return "E" + rng.choice(LETTERS_NO_IO[:12]), gc.digits(rng, 7)
    if kind == "G8":
        return "G", gc.digits(rng, 8)
    if kind == "XE7":
        return rng.choice("DSP") + "E", gc.digits(rng, 7)
    if kind == "DSP":
        return rng.choice("DSP"), gc.digits(rng, rng.choice([7, 8]))
    if kind == "K8":
        return "K", gc.digits(rng, 8)
    if kind == "KJ7":
        return "KJ", gc.digits(rng, 7)
    return "MA", gc.digits(rng, 7)


def hm_permit_parts(rng):
    n = gc.digits(rng, 8) + (gc.digits(rng, 2, "0") if rng.random() < 0.3 else "")
    return rng.choice("HHHM"), n


def exit_permit_parts(rng):
    if rng.random() < 0.5:
        return "C", gc.digits(rng, 8)
    return "C" + rng.choice(LETTERS_NO_IO), gc.digits(rng, 7)


def taiwan_permit_parts(rng):
    return "", gc.digits(rng, 8)


def hk_parts(rng, two=None, want=None, wrong=False):
    while True:
        if two is None:
            two = rng.random() < 0.2
        letters = rng.choice(["XA", "XB", "XD", "XG", "WX", "CA", "RB", "YA"]) if two \
            else rng.choice("ABCDEGHKMPRVYZ")
        six = gc.digits(rng, 6)
        check = hk_check(letters, six)
        if want is not None and check != want:
            continue
        if wrong:
            bad = rng.choice([c for c in "0123456789A" if c != check])
            return letters, six, bad
        return letters, six, check


def macao_parts(rng):
    return rng.choice("1115557"), gc.digits(rng, 6), gc.digits(rng, 1)


def taiwan_parts(rng, wrong=False):
    letter = rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    kind = gc.weighted(rng, [("national", 80), ("new-resident", 12), ("old-resident", 8)])
    if kind == "old-resident":
        second = rng.choice("ABCD")
        seven = gc.digits(rng, 7)
        check = tw_check(letter, str(TW_CODES[second] % 10) + seven)
        body = second + seven
    else:
        second = rng.choice("12") if kind == "national" else rng.choice("89")
        seven = gc.digits(rng, 7)
        check = tw_check(letter, second + seven)
        body = second + seven
    if wrong:
        check = rng.choice([c for c in "0123456789" if c != check])
    return letter, body, check


ISSUERS = "南北东西中军政后装参海空火战联训陆武警兵士济沈兰广成京"


def officer_parts(rng):
    n = rng.choice([6, 7, 7, 7, 8])
    return rng.choice(ISSUERS), gc.digits(rng, n)


# ---------------------------------------------------------------------------
# Written forms
# ---------------------------------------------------------------------------


def letters_digits(rng, letters, digits, form):
    """A value made of letters and digits, written in `form`."""
    if form == "plain":
        return letters + digits
    if form == "lower":
        return letters.lower() + digits
    if form == "fw":
        return fw(letters + digits) if rng.random() < 0.7 else letters + fw(digits)
    if form == "groups":
        if len(digits) == 8:
            parts = [digits[:4], digits[4:]]
        elif len(digits) == 10:
            parts = rng.choice([[digits[:8], digits[8:]], [digits[:4], digits[4:8], digits[8:]]])
        else:
            parts = [digits[:3], digits[3:]]
        lead = letters + (" " if letters and rng.random() < 0.5 else "")
        return lead + (" " if rng.random() < 0.75 else "-").join(parts)
    if form == "spaced":
        return (letters + " " if letters else "") + spaced(digits)
    if form == "numerals":
        return letters + (" " if letters and rng.random() < 0.3 else "") + numerals(rng, digits)
    raise KeyError(form)


def hk_value(rng, letters, six, check, form):
    if form == "bracket":
        return f"{letters}{six}({check})"
    if form == "bracket-space":
        return f"{letters}{six} ({check})"
    if form == "fw-bracket":
        return f"{letters}{six}（{check}）"
    if form == "fw":
        return fw(f"{letters}{six}") + f"（{fw(check)}）"
    if form == "lower":
        return f"{letters.lower()}{six}({check})"
    if form == "unbracketed":
        return f"{letters}{six}{check}"
    if form == "letter-space":
        return f"{letters} {six}({check})"
    if form == "spaced":
        if check == "A":
            return f"{letters} {spaced(six)}(A)"
        return f"{letters} {spaced(six + check)}"
    if form == "numerals":
        body = numerals(rng, six)
        return f"{letters}{body}(" + ("A" if check == "A" else numerals(rng, check)) + ")"
    raise KeyError(form)


def macao_value(rng, first, six, check, form):
    if form == "bracket":
        return f"{first}{six}({check})"
    if form == "fw-bracket":
        return f"{first}{six}（{check}）"
    if form == "plain":
        return f"{first}{six}{check}"
    if form == "slashes":
        return f"{first}/{six}/{check}"
    if form == "fw":
        return fw(f"{first}{six}") + f"（{fw(check)}）"
    if form == "spaced":
        return spaced(first + six + check)
    if form == "numerals":
        return numerals(rng, first + six) + "(" + numerals(rng, check) + ")"
    raise KeyError(form)


def taiwan_value(rng, letter, body, check, form):
    if not body[0].isdigit():
        # Older resident certificates: two letters, written compactly.
        value = letter + body + check
        return value.lower() if form == "lower" else fw(value) if form == "fw" else value
    if form == "groups":
        s = body + check
        return letter + rng.choice([" ", "-"]).join([s[:3], s[3:6], s[6:]])
    return letters_digits(rng, letter, body + check, form)


def officer_value(rng, issuer, digits, form):
    if form == "serial":
        return f"{issuer}字第{digits}"
    if form == "serial-fw":
        return f"{issuer}字第{fw(digits)}"
    if form == "serial-numerals":
        return f"{issuer}字第{numerals(rng, digits)}"
    if form == "digits":
        return digits
    if form == "digits-numerals":
        return numerals(rng, digits)
    raise KeyError(form)


# ---------------------------------------------------------------------------
# Words and connectors
# ---------------------------------------------------------------------------

CONNECT = ["", "", "：", ":", "号", "号：", "号码", "号码：", "号码是", "号是", "是", " ", "为", "号码为",
           "号码是：", "的号码是", "号码是 ", "： "]
CONNECT_PLAIN = ["", "：", ":", "是", " ", "为", "： ", "是 "]
CONNECT_EN = [" ", ": ", " no. ", " No.", " number ", " number: ", " # ", " number is "]

WORDS = {
    "passport": (["护照", "护照", "护照", "我的护照", "因私护照", "新护照", "護照", "公务护照"], CONNECT),
    "passport-en": (["passport", "Passport", "PASSPORT", "my passport"], CONNECT_EN),
    "hm-permit": (["回乡证", "回乡证", "港澳居民来往内地通行证", "通行证", "回鄉證", "港澳通行证"], CONNECT),
    "hm-permit-en": (["home return permit", "Home Return Permit", "mainland travel permit"], CONNECT_EN),
    "exit-permit": (["港澳通行证", "港澳通行证", "往来港澳通行证", "双程证", "通行证", "电子通行证"], CONNECT),
    "exit-permit-en": (["exit-entry permit", "Exit-Entry Permit", "two-way permit"], CONNECT_EN),
    "tw-permit": (["台胞证", "台胞证", "台胞证", "台湾居民来往大陆通行证", "台胞證", "台湾通行证"], CONNECT),
    "hk-id": (["香港身份证", "香港身份证", "香港居民身份证", "香港永久性居民身份证", "身份證", "香港身份證"], CONNECT),
    "hk-id-en": (["HKID", "HKID card", "My HKID"], CONNECT_EN),
    "macao-id": (["澳门身份证", "澳门身份证", "澳门居民身份证", "澳門身份證", "澳门永久性居民身份证", "澳門居民身份證"],
                 CONNECT),
    "taiwan-id": (["台湾身份证", "身分證", "身分證字號", "台灣身分證", "身份證", "台湾身份证"], CONNECT_PLAIN + ["号", "号码是"]),
    "officer": (["军官证", "军官证", "士兵证", "士官证", "文职干部证", "文职人员证", "武警警官证", "武警士兵证"], CONNECT),
}

# Words a compact value may come right before (`C12345678是我的通行证`).
BACK_WORDS = {
    "passport": ["护照", "护照号", "护照号码"],
    "hm-permit": ["回乡证", "回乡证号码", "通行证"],
    "exit-permit": ["港澳通行证", "通行证号", "双程证"],
    "tw-permit": ["台胞证", "台胞证号码"],
    "hk-id": ["香港身份证", "香港身份证号"],
    "macao-id": ["澳门身份证", "澳门身份证号码"],
    "taiwan-id": ["身分證", "台湾身份证", "身分證字號"],
}
BACK_JOIN = ["是我的", "是我的", "是我", "是", " 是我的", "这是我的", "是我新", "就是我的"]


def word_and_connector(rng, key):
    words, connectors = WORDS[key]
    return rng.choice(words), rng.choice(connectors)


# ---------------------------------------------------------------------------
# Templates.  {W}: word and connector, {V}: the value, {N}: a name,
# {T}: a ticket number, {D}: a date.  Lines are built as segments so that
# the value can be marked.
# ---------------------------------------------------------------------------

FORWARD_T = {
    "c": [
        "{W}{V}",
        "您好，{W}{V}，麻烦帮我查一下",
        "我的{W}{V}，之前登记错了",
        "帮我改一下，{W}{V}",
        "预约的时候填的{W}{V}",
        "{N}，{W}{V}",
        "核对一下：{W}{V}",
        "{W}{V}，姓名{N}",
        "你们系统里{W}{V}是对的吗",
        "刚才说错了，{W}{V}",
        "办理人{N} {W}{V} 请尽快处理",
        "{W}{V}，酒店入住要用",
        "给您发一下{W}{V}",
        "机票上{W}{V}，名字拼音没问题吧",
        "{W}{V}，这个能用吗？",
    ],
    "a": [
        "好的，您的{W}{V}，已为您登记",
        "跟您确认一下{W}{V}对吗？",
        "系统显示{W}{V}，请问是本人吗",
        "已收到，{W}{V}，稍后给您回复",
        "麻烦您核对：{W}{V}",
    ],
    "n": [
        "【工单{T}】{W}{V}",
        "姓名：{N}；{W}{V}；有效期至{D}",
        "[实名信息] {W}{V} 已核验",
        "备注：客户{N}，{W}{V}",
    ],
    "r": [
        "嗯 {W} {V} 对",
        "那个 {W}{V} 就这个",
        "{W}{V} 您记一下",
        "我念一下啊 {W} {V}",
    ],
}
ENGLISH_T = [
    "Hi, {W}{V}, please check",
    "{W}{V}",
    "I booked with {W}{V} last week",
    "{W}{V}, name {N}",
    "Can you update it? {W}{V}",
]
BACKWARD_T = [
    "{V}{J}{B}",
    "{V}{J}{B}，麻烦登记一下",
    "您好，{V}{J}{B}",
    "{N}的{V}{J}{B}，帮忙看看",
]
DOC_NAME_T = [
    "证件类型：{DOC} 证件号码：{V}",
    "【实名】证件类型：{DOC}，证件号码：{V}",
    "{DOC} 证件号：{V} 姓名：{N}",
]
DOC_NAMES = {
    "passport": ["护照", "普通护照", "因私护照"],
    "hm-permit": ["港澳居民来往内地通行证", "回乡证"],
    "exit-permit": ["往来港澳通行证", "港澳通行证"],
    "tw-permit": ["台湾居民来往大陆通行证", "台胞证"],
    "hk-id": ["香港居民身份证", "香港身份证"],
    "macao-id": ["澳门居民身份证", "澳门身份证"],
    "taiwan-id": ["台湾身份证", "身分證"],
    "officer": ["军官证", "士兵证", "武警警官证"],
}

NAMES = gc.NAMES


def fill(rng, tpl, values):
    """Segments of a template: ("t", text) or ("v", text)."""
    segs = []
    i = 0
    while i < len(tpl):
        j = tpl.find("{", i)
        if j < 0:
            segs.append(("t", tpl[i:]))
            break
        if j > i:
            segs.append(("t", tpl[i:j]))
        k = tpl.index("}", j)
        name = tpl[j + 1:k]
        if name == "N":
            segs.append(("t", rng.choice(NAMES)))
        elif name == "T":
            segs.append(("t", "#" + gc.digits(rng, 5, "123456789")))
        elif name == "D":
            segs.append(("t", f"{rng.randint(2026, 2035)}年{rng.randint(1, 12)}月"))
        else:
            segs.append(values[name])
        i = k + 1
    return segs


ASCII_PUNCT = {"，": ",", "：": ":", "？": "?", "；": ";"}


def styled(rng, segs, role):
    """Speaker prefix, ASCII punctuation in some lines, an emoji now and then."""
    ascii_p = role == "c" and rng.random() < 0.25
    out = []
    for kind, text in segs:
        if kind == "t" and ascii_p:
            text = "".join(ASCII_PUNCT.get(ch, ch) for ch in text)
        out.append((kind, text))
    prefix = gc.speaker_prefix(rng, role if role != "r" else "r")
    if prefix:
        out.insert(0, ("t", prefix))
    if role == "c" and rng.random() < 0.06:
        out.append(("t", rng.choice(gc.EMOJI)))
    return out


def render(segs):
    out = []
    for seg in segs:
        if seg[0] == "t":
            out.append(seg[1])
        else:
            out.append(f"⟦{seg[0]}|{seg[1]}⟧")
    return "".join(out)


# ---------------------------------------------------------------------------
# Positives
# ---------------------------------------------------------------------------

# kind -> (word keys, value maker(rng, form) -> text, forms (weighted), forms needing a word)
def make_value(rng, key, form):
    if key == "passport":
        letters, digits = passport_parts(rng)
        return letters_digits(rng, letters, digits, form)
    if key == "hm-permit":
        letters, digits = hm_permit_parts(rng)
        return letters_digits(rng, letters, digits, form)
    if key == "exit-permit":
        letters, digits = exit_permit_parts(rng)
        return letters_digits(rng, letters, digits, form)
    if key == "tw-permit":
        _, digits = taiwan_permit_parts(rng)
        return letters_digits(rng, "", digits, form)
    if key == "hk-id":
        letters, six, check = hk_parts(rng)
        return hk_value(rng, letters, six, check, form)
    if key == "macao-id":
        first, six, check = macao_parts(rng)
        return macao_value(rng, first, six, check, form)
    if key == "taiwan-id":
        letter, body, check = taiwan_parts(rng)
        return taiwan_value(rng, letter, body, check, form)
    if key == "officer":
        issuer, digits = officer_parts(rng)
        return officer_value(rng, issuer, digits, form)
    raise KeyError(key)


KIND_OF = {
    "passport": "passport", "hm-permit": "travel_permit", "exit-permit": "travel_permit",
    "tw-permit": "travel_permit", "hk-id": "hk_id", "macao-id": "macao_id", "taiwan-id": "taiwan_id",
    "officer": "military_id",
}

FORMS = {
    "passport": [("plain", 50), ("lower", 6), ("fw", 10), ("groups", 10), ("spaced", 10), ("numerals", 14)],
    "hm-permit": [("plain", 55), ("lower", 5), ("fw", 10), ("groups", 10), ("spaced", 8), ("numerals", 12)],
    "exit-permit": [("plain", 55), ("lower", 5), ("fw", 10), ("groups", 10), ("spaced", 8), ("numerals", 12)],
    "tw-permit": [("plain", 55), ("fw", 12), ("groups", 8), ("spaced", 10), ("numerals", 15)],
    "hk-id": [("bracket", 40), ("bracket-space", 6), ("fw-bracket", 10), ("fw", 6), ("lower", 6),
              ("unbracketed", 12), ("letter-space", 6), ("spaced", 6), ("numerals", 8)],
    "macao-id": [("bracket", 45), ("fw-bracket", 10), ("plain", 15), ("slashes", 10), ("fw", 6), ("spaced", 6),
                 ("numerals", 8)],
    "taiwan-id": [("plain", 55), ("lower", 10), ("fw", 10), ("groups", 8), ("spaced", 7), ("numerals", 10)],
    "officer": [("serial", 55), ("serial-fw", 8), ("serial-numerals", 12), ("digits", 17), ("digits-numerals", 8)],
}
COMPACT = {"plain", "lower", "fw", "bracket", "fw-bracket", "unbracketed", "slashes"}
ENGLISH_KEYS = {"passport": "passport-en", "hm-permit": "hm-permit-en", "exit-permit": "exit-permit-en",
                "hk-id": "hk-id-en"}


def build_positive(rng, key):
    kind = KIND_OF[key]
    form = gc.weighted(rng, FORMS[key])
    value = make_value(rng, key, form)
    placement = gc.weighted(rng, [("forward", 62), ("english", 8 if key in ENGLISH_KEYS else 0),
                                  ("backward", 12 if form in COMPACT and key in BACK_WORDS else 0),
                                  ("doc-name", 10), ("bare", 8 if key == "hk-id" and form == "bracket" else 0)])
    item = (kind, value)
    if placement == "forward":
        role = "r" if form in ("spaced", "numerals", "serial-numerals", "digits-numerals") and rng.random() < 0.6 \
            else gc.weighted(rng, [("c", 55), ("a", 20), ("n", 15), ("r", 10)])
        word, connector = word_and_connector(rng, key)
        segs = fill(rng, rng.choice(FORWARD_T[role]), {"W": ("t", word + connector), "V": item})
    elif placement == "english":
        role = "c"
        word, connector = word_and_connector(rng, ENGLISH_KEYS[key])
        segs = fill(rng, rng.choice(ENGLISH_T), {"W": ("t", word + connector), "V": item})
    elif placement == "backward":
        role = gc.weighted(rng, [("c", 80), ("n", 20)])
        segs = fill(rng, rng.choice(BACKWARD_T), {"V": item, "J": ("t", rng.choice(BACK_JOIN)),
                                                   "B": ("t", rng.choice(BACK_WORDS[key]))})
    elif placement == "doc-name":
        role = "n"
        segs = fill(rng, rng.choice(DOC_NAME_T), {"DOC": ("t", rng.choice(DOC_NAMES[key])), "V": item})
    else:
        role = gc.weighted(rng, [("c", 70), ("a", 30)])
        tpl = rng.choice(["{V}", "我的证件是{V}，请核对", "证件号：{V}", "{V} 陈大文", "登记的是{V}对吧"])
        segs = fill(rng, tpl, {"V": item})
    return f"pos/{kind}/{form}/{placement}", styled(rng, segs, role)


MIX_T = [
    ("phone", "{W}{V}，手机{P}"),
    ("phone", "电话{P}，{W}{V}"),
    ("phone", "{N} {P} {W}{V}"),
    ("phone", "联系方式{P}；{W}{V}"),
]


def build_mix(rng, key):
    kind = KIND_OF[key]
    form = gc.weighted(rng, [(f, w) for f, w in FORMS[key] if f not in ("spaced", "numerals", "serial-numerals",
                                                                         "digits-numerals")])
    value = make_value(rng, key, form)
    word, connector = word_and_connector(rng, key)
    _, tpl = rng.choice(MIX_T)
    phone = gc.gen_mobile_number(rng)
    if rng.random() < 0.3:
        phone = f"{phone[:3]} {phone[3:7]} {phone[7:]}"
    segs = fill(rng, tpl, {"W": ("t", word + connector), "V": (kind, value), "P": ("phone", phone)})
    return f"mix/{kind}+phone", styled(rng, segs, gc.weighted(rng, [("c", 70), ("n", 30)]))


# ---------------------------------------------------------------------------
# Hard negatives.  Each returns a plain line (no item of the document kinds).
# ---------------------------------------------------------------------------


def passport_like(rng):
    letters, digits = passport_parts(rng)
    return letters + digits


def neg_word_only(rng):
    return rng.choice([
        "护照过期了", "护照过期了怎么办", "通行证办好了吗", "港澳通行证签注", "港澳通行证签注怎么续",
        "台胞证在哪里办", "回乡证丢了", "军官证可以优惠吗", "士兵证能买票吗", "身分證忘記帶了",
        "香港身份证在深圳能用吗", "澳门身份证可以网上预约吗", "护照照片有什么要求", "双程证还有几次签注",
        "护照号码是多少？", "你们收护照复印件吗", "passport expired, what should I do",
        "我的home return permit过期了", "通行证办理需要多久", "军官证和身份证哪个能用",
    ])


def neg_train(rng):
    t = rng.choice(["G", "D", "K", "Z", "T", "C"]) + str(rng.randint(1, 9999))
    return rng.choice([
        f"护照带了，坐高铁{t}过去", f"拿着护照坐{t}次回去", f"港澳通行证和{t}次的车票都在包里",
        f"回乡证过闸，{t}次几点发车", f"台胞证可以取票吗？我坐{t}次", f"高铁{t}，护照能进站吗",
        f"军官证坐{t}次有优先吗",
    ])


def neg_flight(rng):
    f = rng.choice(["CA", "MU", "CZ", "HU", "MF", "3U", "NX", "CX", "BR", "CI"]) + str(rng.randint(100, 9999))
    return rng.choice([
        f"护照和机票{f}都准备好了", f"航班{f}，护照在值机柜台", f"通行证带了，航班号{f}", f"护照办好了，航班号是{f}",
        f"我坐{f}去香港，通行证在我这",
    ])


def neg_tracking(rng):
    no = rng.choice(["SF", "YT", "ZTO", "JD", "YD", "EMS"]) + gc.digits(rng, rng.choice([10, 12, 13]))
    return rng.choice([
        f"护照寄出了，快递单号{no}", f"通行证已邮寄，运单号{no}", f"快递单号{no}，里面是护照",
        f"台胞证寄回来了，物流单号{no}", f"单号{no}，护照在里面",
    ])


def neg_order(rng):
    v = rng.choice([passport_like(rng), "C" + gc.digits(rng, 8), "H" + gc.digits(rng, 8), gc.digits(rng, 8)])
    return rng.choice([
        f"护照过期了，订单号{v}", f"订单号{v}，护照已寄出", f"通行证续签的订单号是{v}",
        f"护照加急，订单{v}", f"台胞证办理订单号：{v}", f"回乡证的单号{v}查一下",
    ])


def neg_model(rng):
    m = rng.choice(["iPhone 12", "iPhone 15 Pro", "P30 Pro", "Mate 60", "E15", "X200", "A52", "S23 Ultra",
                    "K70", "G7"])
    return rng.choice([
        f"护照照片用{m}拍的可以吗", f"用{m}扫描通行证", f"护照夹{m}同款", f"{m}能不能识别护照",
        f"我用{m}拍了回乡证",
    ])


def neg_license(rng):
    key = "-".join("".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(5)) for _ in range(4))
    return rng.choice([
        f"Passport.js 的 license key 是 {key}", f"授权码{key}，和护照无关", f"激活码：{key}",
    ])


def neg_court(rng):
    n = gc.digits(rng, rng.choice([3, 4, 6, 7]), "123456789")
    return rng.choice([
        f"({rng.randint(2015, 2025)})京0105民初字第{n}号", f"沪房地浦字第{n}号", f"粤ICP备{gc.digits(rng, 8)}号",
        f"国税字第{n}号", f"南字第{n}号", f"建字第{n}号", f"军字第{n}号文件",
    ])


def neg_wrong_shape(rng):
    return rng.choice([
        f"护照号C{gc.digits(rng, 8)}", f"护照H{gc.digits(rng, 8)}", f"护照号E{gc.digits(rng, 7)}",
        f"护照号E{gc.digits(rng, 9)}", f"护照号EI{gc.digits(rng, 7)}", f"护照号码 Q{gc.digits(rng, 8)}",
        f"双程证H{gc.digits(rng, 8)}", f"回乡证C{gc.digits(rng, 8)}", f"回乡证H{gc.digits(rng, 9)}",
        f"港澳通行证C{gc.digits(rng, 7)}", f"往来港澳通行证CO{gc.digits(rng, 7)}", f"通行证E{gc.digits(rng, 8)}",
        f"台胞证H{gc.digits(rng, 8)}", f"台胞证{gc.digits(rng, 10)}", f"台湾身份证{gc.digits(rng, 9)}",
        f"澳门身份证{rng.choice('234689')}{gc.digits(rng, 6)}({gc.digits(rng, 1)})",
        f"澳门身份证{gc.digits(rng, 6)}({gc.digits(rng, 1)})", f"军官证号{gc.digits(rng, 9)}",
        f"军官证号码{gc.digits(rng, 4)}", f"香港身份证{gc.digits(rng, 8)}",
    ])


def neg_sentence_end(rng):
    v = rng.choice([passport_like(rng), "C" + gc.digits(rng, 8), "H" + gc.digits(rng, 8)])
    return rng.choice([
        f"护照丢了。{v}是订单号", f"通行证办好了！{v}是取件码", f"护照的事先放一放；{v}是发票号",
        f"回乡证在家里。{v}这个是会员号",
    ])


def neg_far(rng):
    v = rng.choice([passport_like(rng), "C" + gc.digits(rng, 8)])
    return rng.choice([
        f"护照的事我上周已经在网上问过客服了对方说可以{v}",
        f"通行证那边的人一直没有给我回电话说让我等通知{v}",
    ])


def neg_bad_check(rng):
    letters, six, check = hk_parts(rng, wrong=True)
    hk = f"{letters}{six}({check})"
    letter, body, tcheck = taiwan_parts(rng, wrong=True)
    tw = letter + body + tcheck
    return rng.choice([
        hk, f"我的证件是{hk}", f"香港身份证{hk}", f"证件号：{hk}，请核对", f"HKID {letters}{six}{check}",
        f"台湾身份证{tw}", f"身分證字號：{tw}", f"身分證 {tw.lower()}",
    ])


def neg_no_region(rng):
    d8 = gc.digits(rng, 8)
    mo = f"{rng.choice('157')}{gc.digits(rng, 6)}({gc.digits(rng, 1)})"
    return rng.choice([
        f"通行证号码{d8}", f"通行证{d8}", f"身份证号{mo}", f"居民身份证{d8}", f"大陆居民往来台湾通行证{d8}",
        f"我去过澳门。身份证{mo}", f"香港身份证{rng.choice('157')}{gc.digits(rng, 7)}",
    ])


def neg_bare_shapes(rng):
    letter, body, check = taiwan_parts(rng)
    return rng.choice([
        letter + body + check, f"序列号{letter}{body}{check}", f"快递单号{letter}{body}{check}",
        f"{letter.lower()}{gc.digits(rng, 6)}({gc.digits(rng, 1)})", passport_like(rng),
        f"编号C{gc.digits(rng, 8)}", f"会员卡H{gc.digits(rng, 8)}", f"学生证号{passport_like(rng)}",
        f"驾驶证档案编号{gc.digits(rng, 12, '123456789')}",
    ])


def neg_brackets(rng):
    return rng.choice([
        f"步骤({rng.randint(1, 9)})打开设置", f"见附件({rng.randint(1, 9)})", f"型号CA{gc.digits(rng, 4)}({rng.randint(1, 9)})",
        f"iPhone {rng.randint(11, 16)}({rng.choice([128, 256, 512])}G)", f"版本V2.{rng.randint(0, 9)}({rng.randint(1, 9)})",
        f"第({rng.randint(1, 9)})条", f"验证码A{gc.digits(rng, 5)}({rng.randint(0, 9)})",
        f"ABC{gc.digits(rng, 6)}({rng.randint(0, 9)})", f"订单号{hk_bracketed_valid(rng)}",
        f"型号{hk_bracketed_valid(rng)}", f"运单号{hk_bracketed_valid(rng)}",
    ])


def hk_bracketed_valid(rng):
    letters, six, check = hk_parts(rng, two=False)
    return f"{letters}{six}({check})"


def neg_masked(rng):
    return rng.choice([
        "护照号E******78", "港澳通行证C******21", "香港身份证A*****6(3)", "身分證A*******89",
        "军官证南字第1*****7号", "台胞证1*****78", "澳门身份证1*****7(8)", "回乡证H********01",
    ])


def neg_amount(rng):
    return rng.choice([
        f"护照费用{rng.randint(100, 500)}元", f"港澳通行证办理费用{rng.randint(15, 80)}元",
        f"护照加急要{gc.digits(rng, 8, '123456789')}元", f"士兵证补贴{gc.digits(rng, 7, '123456789')}元",
        f"台胞证押金{gc.digits(rng, 8, '123456789')}块", f"军官证优惠{rng.randint(10, 90)}%",
        f"护照{rng.randint(2026, 2035)}年到期", f"通行证还有{rng.randint(2, 9)}次签注",
        f"护照要等{rng.randint(7, 20)}个工作日", f"护照还有{rng.randint(5, 30)}页空白",
    ])


def neg_game(rng):
    return rng.choice([
        f"游戏通行证{rng.randint(1, 99)}级", f"战令通行证{rng.randint(30, 128)}元", "小区通行证车位号B" + gc.digits(rng, 4),
        f"校园通行证编号A{gc.digits(rng, 5)}", f"电子通行证版本V{rng.randint(1, 5)}.{rng.randint(0, 9)}.{rng.randint(0, 9)}",
        "parking permit valid until 2025", "work permit renewal is next month",
    ])


NEG_BUILDERS = [
    ("word-only", neg_word_only, 50), ("train", neg_train, 45), ("flight", neg_flight, 35),
    ("tracking", neg_tracking, 40), ("order", neg_order, 45), ("model", neg_model, 30),
    ("license-key", neg_license, 20), ("file-number", neg_court, 35), ("wrong-shape", neg_wrong_shape, 60),
    ("sentence-end", neg_sentence_end, 25), ("too-far", neg_far, 15), ("bad-check", neg_bad_check, 60),
    ("no-region", neg_no_region, 35), ("bare-shape", neg_bare_shapes, 40), ("brackets", neg_brackets, 40),
    ("masked", neg_masked, 16), ("amount", neg_amount, 30), ("other-pass", neg_game, 25),
]


def build_resident_id(rng):
    n = gc.gen_id18(rng)
    word = rng.choice(["护照和身份证", "身份证", "内地身份证", "居民身份证", "军官证和身份证", "证件号码"])
    tpl = rng.choice(["{W}{V}", "{W}{V}都带上", "{W}：{V}", "我的{W}是{V}"])
    segs = fill(rng, tpl, {"W": ("t", word), "V": ("id_card", n)})
    return "neg/resident-id", styled(rng, segs, "c")


# ---------------------------------------------------------------------------
# The corpus
# ---------------------------------------------------------------------------

POSITIVE_COUNTS = [("passport", 90), ("hm-permit", 36), ("exit-permit", 36), ("tw-permit", 30), ("hk-id", 90),
                   ("macao-id", 80), ("taiwan-id", 85), ("officer", 85)]
MIX_COUNTS = [("passport", 8), ("exit-permit", 6), ("hk-id", 6), ("macao-id", 4), ("taiwan-id", 6), ("officer", 6)]


def generate_lines(seed=SEED):
    rng = random.Random(seed)
    lines = []
    for key, count in POSITIVE_COUNTS:
        for _ in range(count):
            lines.append(build_positive(rng, key))
    for key, count in MIX_COUNTS:
        for _ in range(count):
            lines.append(build_mix(rng, key))
    for name, builder, count in NEG_BUILDERS:
        for _ in range(count):
            role = gc.weighted(rng, [("c", 60), ("a", 15), ("n", 25)])
            lines.append((f"neg/{name}", styled(rng, [("t", builder(rng))], role)))
    for _ in range(36):
        lines.append(build_resident_id(rng))
    rng.shuffle(lines)
    return [(cat, render(segs)) for cat, segs in lines]


def render_corpus(seed=SEED):
    out = [f"# generated by scripts/gen_kinds_document.py, seed {seed}"]
    for cat, marked in generate_lines(seed):
        assert "\t" not in marked and "\n" not in marked, marked
        out.append(f"{cat}\t{marked}")
    return "\n".join(out) + "\n"


def main(argv=None):
    return corpus_cli.run("Generate the labeled identity-document corpus.", render_corpus, argv)


if __name__ == "__main__":
    sys.exit(main())
