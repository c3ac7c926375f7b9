#!/usr/bin/env python3
"""Generate the labeled contact-handle corpus at testdata/corpus/kinds-contact.txt.

Usage:
    python3 scripts/gen_kinds_contact.py > testdata/corpus/kinds-contact.txt
    python3 scripts/gen_kinds_contact.py --check testdata/corpus/kinds-contact.txt

Standard library only, fully deterministic: one random.Random(SEED), no
iteration over sets or hash-ordered containers, no clock.  --check FILE exits
1 with a one-line message when FILE differs from what would be generated.

File format
-----------
As testdata/corpus/chat.txt: one example per line, "CATEGORY<TAB>TEXT", items
marked inline as "⟦KIND|ITEM⟧".  Kinds: "email", "qq", "wechat", "ip_address",
"license_plate", and "phone" for mobile numbers given after a WeChat or QQ
word (WeChat finds people by mobile number; the phone detector reports them).
Categories: "pos/<kind>/<form>" (one or more items of that kind),
"pos/phone/<form>" (a mobile number after a WeChat or QQ word),
"mix/<kinds>" (items of several kinds), "neg/<kind>/<what>" (no item: a hard
negative for that kind).

Span conventions
----------------
  * email: local part, "@" and domain; brackets, colons and Chinese text
    around it are outside.
  * qq: the digits only (ASCII, full-width, Chinese numerals), with the
    spaces, dashes or commas between them; the word before (QQ, 扣扣, 企鹅号,
    加我) and labels (号, 号码, 是, ：) are outside.  5 to 11 digits, not
    starting with 0, never shaped like a mobile number (11 digits starting
    with 13 to 19): those are labeled phone.
  * wechat: the ID, 6 to 20 letters, digits, "_" and "-" starting with a
    letter, or an assigned "wxid_" ID; the word before is outside.
  * ip_address: the address only; a port, zone or prefix length after it is
    outside.  IPv6 addresses written in full (no "::") appear only after the
    word IP (IP, IPv6, ip地址); compressed ones anywhere.
  * license_plate: from the province character to the end of the serial
    (and a suffix character such as 警 or 学), separators inside included.
    Formats per GA 36-2018: ordinary plates (5 serial characters, at most two
    letters, no I or O), new-energy plates (D/F first then a letter or digit
    and four digits, or five digits then D/F), four characters and a suffix.
  * phone: the mobile number with the separators inside it.

Hard negatives are the look-alikes chat is full of: QQ words followed by a
product or a quantity (QQ音乐, QQ群号, QQ等级, QQ钱包 500元), WeChat words
followed by a service or an amount (微信支付, 微信转账, 微信公众号), coupon and
serial codes holding VX/WX/QQ, emails that are not addresses (@mentions,
package@version), times, MAC addresses, version numbers, C++ and Rust paths,
province characters starting ordinary words (京东, 沪深300, 粤语, 新款) and
plate-like strings of the wrong length or with I/O.

Every handle is made up: random digits, random letters and syllables, reserved
documentation IPv6 prefixes next to random ones, random plates.
"""

import random
import re
import sys
import corpus_cli

SEED = 20261201

# ---------------------------------------------------------------------------
# Building blocks
# ---------------------------------------------------------------------------

SYLLABLES = [
    "zhang", "wang", "li", "liu", "chen", "yang", "zhao", "huang", "zhou", "wu", "xu", "sun", "hu", "zhu",
    "gao", "lin", "he", "guo", "ma", "luo", "xiao", "ming", "hua", "jie", "fang", "ling", "yu", "lei",
    "tian", "xin", "yan", "hao", "jun", "mei", "qiang", "ting", "bo", "wen", "jing", "yi",
]
ENGLISH = ["sunny", "lucky", "happy", "tiger", "panda", "coco", "kevin", "amy", "jack", "lily", "tony", "momo"]
DOMAINS = [
    "qq.com", "163.com", "126.com", "sina.com", "sina.cn", "foxmail.com", "outlook.com", "gmail.com",
    "yeah.net", "139.com", "aliyun.com", "hotmail.com", "sohu.com", "example.com", "example.com.cn",
    "corp-mail.example.cn", "mail.example.org",
]
PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"  # no I, no O
PLATE_SUFFIXES = "警学挂领港澳"
MOBILE_SEGMENTS = (
    [str(n) for n in range(130, 140)] + ["150", "151", "152", "153", "155", "156", "157", "158", "159"]
    + ["166", "176", "177", "178"] + [str(n) for n in range(180, 190)] + ["191", "198", "199"]
)
NUMERALS = "零一二三四五六七八九"
NUMERAL_VARIANTS = {"0": "零洞", "1": "一幺", "2": "二两", "7": "七拐"}
FW = str.maketrans("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_",
                   "０１２３４５６７８９ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ"
                   "ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ＿")

SPEAKERS = ["", "", "", "客户：", "顾客：", "买家：", "用户: ", "坐席：", "客服小王：", "[{t}] 客户：", "{d} {t} 用户："]
ENDINGS = ["", "", "", "。", "，谢谢", " 谢谢", "～", "！", " 麻烦了", "，好的", "😊", "，收到吗"]


def hms(rng):
    return f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"


def ymd(rng):
    return f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def speaker(rng):
    return rng.choice(SPEAKERS).format(t=hms(rng), d=ymd(rng))


def digits(rng, n, first="123456789"):
    return rng.choice(first) + "".join(rng.choice("0123456789") for _ in range(n - 1))


def to_numerals(rng, s):
    out = []
    for c in s:
        v = NUMERAL_VARIANTS.get(c)
        out.append(rng.choice(v) if v and rng.random() < 0.4 else NUMERALS[int(c)])
    return "".join(out)


def mobile(rng):
    return rng.choice(MOBILE_SEGMENTS) + digits(rng, 8, "0123456789")


# ---------------------------------------------------------------------------
# Handles
# ---------------------------------------------------------------------------

def email_address(rng):
    r = rng.random()
    if r < 0.25:
        local = digits(rng, rng.randint(6, 10))
    elif r < 0.55:
        local = rng.choice(SYLLABLES) + rng.choice([".", "_", "", "-"]) + rng.choice(SYLLABLES)
        if rng.random() < 0.6:
            local += str(rng.randint(1, 2025))
    else:
        local = rng.choice(ENGLISH + SYLLABLES) + str(rng.randint(0, 999))
    if rng.random() < 0.1:
        local = local.capitalize()
    domain = rng.choice(DOMAINS)
    if rng.random() < 0.08:
        domain = domain.upper()
    return f"{local}@{domain}"


def qq_number(rng):
    n = rng.choice([5, 6, 7, 8, 8, 9, 9, 9, 10, 10, 10, 11])
    while True:
        s = digits(rng, n)
        if not (n == 11 and s[0] == "1" and s[1] in "3456789"):
            return s


def qq_written(rng, s):
    """The QQ number as chat writes it, and the form's name."""
    r = rng.random()
    if r < 0.45:
        return s, "plain"
    if r < 0.55:
        return s.translate(FW), "fullwidth"
    if r < 0.65:
        return " ".join(s), "digit-per-space"
    if r < 0.78:
        return to_numerals(rng, s), "numerals"
    if r < 0.84:
        return " ".join(to_numerals(rng, s)), "numerals-spaced"
    if r < 0.90:
        return "，".join(s), "digit-per-comma"
    if len(s) >= 8:
        return s[:4] + rng.choice([" ", "-"]) + s[4:], "grouped"
    return s, "plain"


def wechat_id(rng):
    r = rng.random()
    if r < 0.12:
        return "wxid_" + "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(14))
    head = rng.choice(SYLLABLES + ENGLISH)
    parts = [head]
    if rng.random() < 0.6:
        parts.append(rng.choice(["_", "-", ""]))
        parts.append(rng.choice(SYLLABLES + [str(rng.randint(1, 9999))]))
    if rng.random() < 0.5:
        parts.append(str(rng.randint(0, 2025)))
    s = "".join(parts)
    if rng.random() < 0.15:
        s = s[0].upper() + s[1:]
    while len(s) < 6:
        s += str(rng.randint(0, 9))
    return s[:20]


def ipv4(rng):
    return ".".join(str(x) for x in [rng.choice([10, 58, 101, 112, 172, 183, 192, 203, 222]), rng.randint(0, 255),
                                     rng.randint(0, 255), rng.randint(1, 254)])


def hex_group(rng, full=False):
    v = rng.randint(0x100 if full else 1, 0xFFFF)
    return f"{v:04x}" if full and rng.random() < 0.5 else f"{v:x}"


IPV6_PREFIXES = ["2001:db8", "240e:388", "2408:8207", "2409:8a28", "2400:3200", "fe80:"]


def ipv6_compressed(rng):
    prefix = rng.choice(IPV6_PREFIXES)
    if prefix == "fe80:":
        tail = ":".join(hex_group(rng) for _ in range(rng.randint(1, 4)))
        return "fe80::" + tail
    head = prefix + ("" if rng.random() < 0.5 else ":" + hex_group(rng, True))
    tail = ":".join(hex_group(rng) for _ in range(rng.randint(1, 3)))
    return head + "::" + tail


def ipv6_full(rng):
    groups = rng.choice(IPV6_PREFIXES[1:5]).split(":") + [hex_group(rng, True) for _ in range(6)]
    s = ":".join(groups)
    return s.upper() if rng.random() < 0.1 else s


def plate(rng):
    """A plate and its form."""
    p = rng.choice(PROVINCES)
    office = rng.choice(PLATE_LETTERS)
    r = rng.random()
    if r < 0.45:
        serial = list(digits(rng, 5, "0123456789"))
        for k in rng.sample(range(5), rng.choice([0, 0, 1, 1, 2])):
            serial[k] = rng.choice(PLATE_LETTERS)
        serial, form = "".join(serial), "ordinary"
    elif r < 0.65:
        serial = rng.choice("DF") + rng.choice(PLATE_LETTERS + "0123456789") + digits(rng, 4, "0123456789")
        form = "new-energy-small"
    elif r < 0.75:
        serial = digits(rng, 5, "0123456789") + rng.choice("DF")
        form = "new-energy-large"
    else:
        serial = digits(rng, 4, "0123456789") + rng.choice(PLATE_SUFFIXES)
        form = "suffix"
    sep = rng.choice(["", "", "", "·", " "] + (["."] if rng.random() < 0.1 else []))
    s = p + office + sep + serial
    x = rng.random()
    if x < 0.08:
        s = p + office.lower() + sep + serial.lower()
        form += "-lowercase"
    elif x < 0.14:
        s = p + (office + sep + serial).translate(FW)
        form += "-fullwidth"
    elif x < 0.20 and form == "ordinary" and serial.isdigit():
        s = p + office + " " + " ".join(serial)
        form += "-spoken"
    elif x < 0.26 and form == "ordinary" and serial.isdigit():
        s = p + office + to_numerals(rng, serial)
        form += "-numerals"
    return s, form


# ---------------------------------------------------------------------------
# Lines: each is (category, [(kind or None, text), ...])
# ---------------------------------------------------------------------------

def line(rng, cat, *segs):
    segs = [(None, speaker(rng))] + list(segs) + [(None, rng.choice(ENDINGS))]
    return cat, [s for s in segs if s[1]]


def pos_email(rng):
    e = email_address(rng)
    if rng.random() < 0.04:
        # Typed with a full-width input method.
        e = e.replace("@", "＠")
        return line(rng, "pos/email/fullwidth-at", (None, "邮箱 "), ("email", e))
    before = rng.choice(["邮箱", "邮箱是", "我的邮箱：", "email: ", "E-mail：", "发到 ", "电子邮箱 ", "麻烦发我邮箱",
                         "发票发到", "联系邮箱:", "请发送至 ", "mail to ", "备用邮箱是 "])
    after = rng.choice(["", "", " 吧", "，发票开这个", " 这个邮箱", "，收到回我"])
    return line(rng, "pos/email/" + ("upper" if e != e.lower() else "plain"), (None, before), ("email", e),
                (None, after))


def pos_qq(rng):
    s, form = qq_written(rng, qq_number(rng))
    word = rng.choice(["QQ", "qq", "QQ号", "QQ号码", "qq号是", "QQ：", "ＱＱ", "扣扣", "扣扣号", "企鹅号", "QQ账号:",
                       "Qq"])
    word = rng.choice(["", "我的", "您加", "方便的话加", "有事找我，"]) + word
    word = rng.choice([word, word, "加我", "加我好友", "我QQ是", "我扣扣是"])
    gap = rng.choice(["", " ", "：", ":", " "]) if not word.endswith(("：", ":", "是")) else rng.choice(["", " "])
    after = rng.choice(["", "", "，加一下", " 有事留言", "，验证写订单号"])
    return line(rng, "pos/qq/" + form, (None, word + gap), ("qq", s), (None, after))


def pos_wechat(rng):
    w = wechat_id(rng)
    form = "wxid" if w.startswith("wxid_") else "chosen"
    if form == "chosen" and rng.random() < 0.08:
        w = w.translate(FW)
        form = "fullwidth"
    if form == "chosen" and rng.random() < 0.04:
        # "Search for it in WeChat".
        return line(rng, "pos/wechat/search", (None, "微信搜 "), ("wechat", w), (None, " 加我"))
    if form == "wxid" and rng.random() < 0.4:
        return line(rng, "pos/wechat/wxid-alone", (None, rng.choice(["好友申请来自 ", "搜 ", "ID是"])), ("wechat", w))
    word = rng.choice(["微信", "微信号", "微信号：", "vx", "VX:", "wx：", "weixin ", "WeChat ID: ", "V信", "薇信",
                       "加我", "加我微信", "我微信是", "微信账号 ", "wechat: ", "加vx"])
    if word.endswith((" ", ":", "：")):
        gap = ""
    elif word[-1].isascii():
        # An ASCII word glued to an ID would be one longer word.
        gap = rng.choice([" ", "：", ": "])
    else:
        gap = rng.choice(["", " "])
    after = rng.choice(["", "", " 备注订单号", "，通过一下", " 加的时候说一声"])
    return line(rng, "pos/wechat/" + form, (None, word + gap), ("wechat", w), (None, after))


def pos_phone_after_wechat(rng):
    m = mobile(rng)
    r = rng.random()
    if r < 0.5:
        shown = m
    elif r < 0.8:
        shown = f"{m[:3]} {m[3:7]} {m[7:]}"
    else:
        shown = f"{m[:3]}-{m[3:7]}-{m[7:]}"
    word = rng.choice(["微信", "微信号", "微信号是", "vx", "VX：", "wx:", "加我微信", "微信同手机号", "QQ", "扣扣",
                       "加我"])
    gap = rng.choice(["", " "])
    return line(rng, "pos/phone/after-handle-word", (None, word + gap), ("phone", shown))


def pos_ip(rng):
    r = rng.random()
    if r < 0.4:
        a = ipv4(rng)
        before = rng.choice(["IP是", "ip地址 ", "服务器", "网关 ", "DNS ", "登录IP ", "内网地址：", "从", "访问 "])
        after = rng.choice(["", "", ":8080 打不开", " ping不通", " 登录的", "，连不上"])
        return line(rng, "pos/ip_address/v4", (None, before), ("ip_address", a), (None, after))
    if r < 0.75:
        a = ipv6_compressed(rng)
        before = rng.choice(["", "网关 ", "DNS填", "地址是 ", "ip是 ", "光猫显示 ", "ping ", "["])
        after = "]:443" if before == "[" else rng.choice(["", "", " 不通", "%eth0", "/64", " 这个对吗"])
        return line(rng, "pos/ip_address/v6-compressed", (None, before), ("ip_address", a), (None, after))
    a = ipv6_full(rng)
    if rng.random() < 0.12:
        # Written in full with no IP word before it: not found (a known limit).
        return line(rng, "pos/ip_address/v6-full-no-word", (None, "路由器上显示 "), ("ip_address", a))
    before = rng.choice(["IPv6地址：", "IPv6: ", "IP地址是 ", "ip：", "IPv6是", "我的IP地址为 ", "IP="])
    return line(rng, "pos/ip_address/v6-full", (None, before), ("ip_address", a),
                (None, rng.choice(["", " 没错吧", "，帮我查下"])))


def pos_plate(rng):
    s, form = plate(rng)
    before = rng.choice(["车牌", "车牌号", "车牌号是", "我的车是", "车号：", "帮我查一下", "ETC绑定的是", "登记的车牌 ",
                         "停车场的车", "违章车辆 ", "挪车，"])
    after = rng.choice(["", "", "，停在B2", " 白色的", "，麻烦查下违章"])
    return line(rng, "pos/license_plate/" + form, (None, before), ("license_plate", s), (None, after))


def mix(rng):
    kinds = rng.sample(["email", "qq", "wechat", "plate", "ip"], 2)
    segs = []
    for k in kinds:
        if k == "email":
            segs += [(None, "邮箱 "), ("email", email_address(rng))]
        elif k == "qq":
            segs += [(None, rng.choice(["QQ ", "扣扣"])), ("qq", qq_number(rng))]
        elif k == "wechat":
            w = wechat_id(rng)
            segs += [(None, "微信 "), ("wechat", w)]
        elif k == "plate":
            s, _ = plate(rng)
            segs += [(None, "车牌"), ("license_plate", s)]
        else:
            segs += [(None, "IP "), ("ip_address", ipv4(rng))]
        segs.append((None, rng.choice(["，", "；", " "])))
    segs.pop()
    names = "+".join("license_plate" if k == "plate" else "ip_address" if k == "ip" else k for k in kinds)
    return line(rng, "mix/" + names, *segs)


# Hard negatives per kind: functions of rng returning text.
NEG = {
    "email": [
        lambda r: f"@所有人 {r.randint(1, 12)}月{r.randint(1, 28)}日放假",
        lambda r: f"@{r.choice(['张三', '李四', '小王'])} 你看一下这个订单",
        lambda r: f"依赖 lodash@{r.randint(1, 4)}.{r.randint(0, 20)}.{r.randint(0, 30)} 装不上",
        lambda r: f"邮箱格式写成 xxx@xxx 就行",
        lambda r: f"会议@{r.randint(1, 5)}点 别迟到",
        lambda r: f"单价@{r.randint(2, 99)}元",
        lambda r: f"user@localhost 登录失败",
        lambda r: f"发到{r.choice(SYLLABLES)}@ 就行",
        lambda r: f"关注@{r.choice(['人民日报', '小米手机', '央视新闻'])} 看新闻",
        lambda r: f"邮箱还没注册，明天再发",
        lambda r: f"邮箱是 {r.choice(SYLLABLES)} at qq dot com",
        lambda r: f"{r.choice(SYLLABLES)}@{r.choice(['qq', '163'])}.c 好像不对",
    ],
    "qq": [
        lambda r: f"QQ群号 {qq_number(r)}",
        lambda r: f"加入QQ群：{qq_number(r)}",
        lambda r: f"QQ音乐会员 {r.randint(1, 12)}个月",
        lambda r: f"QQ等级 LV{r.randint(1, 64)}",
        lambda r: f"QQ钱包转了{r.randint(10000, 99999)}元",
        lambda r: f"充了{r.randint(100, 999)}个Q币",
        lambda r: f"QQ {r.randint(10000, 99999)} 元的那个套餐",
        lambda r: f"QQ号被盗了，怎么找回",
        lambda r: f"QQ号是多少",
        lambda r: f"QQ {r.randint(1000, 9999)}",
        lambda r: f"QQ 0{digits(r, 8)}",
        lambda r: f"QQ会员订单号 {digits(r, 12)}",
        lambda r: f"QQ飞车 {r.randint(10000, 99999)}分",
        lambda r: f"企鹅 {r.randint(10000, 99999)}只",
        lambda r: f"加我们的群 {qq_number(r)}",
        lambda r: f"QQ {r.randint(1, 9)}.{r.randint(0, 9)}.{r.randint(0, 30)} 版本闪退",
        lambda r: f"优惠券{digits(r, 1)}DMH-V{r.randint(1, 9)}QQ-CGUD",
        lambda r: f"QQ空间 说说 {r.randint(10, 99)}条",
        lambda r: f"QQ {digits(r, 8)}.{r.randint(10, 99)}",
    ],
    "wechat": [
        lambda r: f"微信支付 {r.randint(10, 999)}元",
        lambda r: f"微信转账 {r.randint(10, 999)}元 收到没",
        lambda r: "微信号被封了，怎么解封",
        lambda r: "微信号是多少",
        lambda r: f"关注微信公众号 {r.choice(SYLLABLES)}_official",
        lambda r: f"微信名叫 {r.choice(ENGLISH).capitalize()}",
        lambda r: f"微信 {r.choice(SYLLABLES)[:3]}{r.randint(1, 9)}",
        lambda r: f"微信 {digits(r, 8)}",
        lambda r: "打开 wx.qq.com 登录",
        lambda r: f"优惠券WX{r.randint(2023, 2025)}{r.choice('ABCDEFGH')}{r.randint(10, 99)}用不了",
        lambda r: f"优惠券VX{r.choice('ABCDEFGH')}{r.choice('ABCDEFGH')}-{r.randint(1000, 9999)}-SVHJ",
        lambda r: f"序列号C5GF{r.randint(1, 9)}XXWXD{r.randint(1, 9)}",
        lambda r: "我的wechat account 被封了",
        lambda r: "加个微信 thanks",
        lambda r: f"微信群 {r.randint(100000, 999999)}",
        lambda r: f"微信红包 {r.randint(1, 200)}.{r.randint(10, 99)}",
        lambda r: "微信扫码支付就行",
        lambda r: f"微信 {r.randint(6, 8)}.0.{r.randint(10, 60)} 版本",
        lambda r: "WeChat Pay 支付失败",
        lambda r: f"微信 {r.choice(['cannot', 'already', 'blocked', 'updated', 'crashed'])} 了，怎么办",
        lambda r: "VXLAN 配置好了",
    ],
    "ip_address": [
        lambda r: f"[{hms(r)}] 客户：在吗",
        lambda r: f"MAC地址 {':'.join(f'{r.randint(0, 255):02X}' for _ in range(6))}",
        lambda r: f"MAC {'-'.join(f'{r.randint(0, 255):02X}' for _ in range(6))}",
        lambda r: "std::string 转 int 报错",
        lambda r: f"调用 {r.choice(['Foo', 'Vec', 'HashMap'])}::new() 报错",
        lambda r: f"版本 {r.randint(1, 9)}.{r.randint(0, 9)}.{r.randint(0, 9)}.{r.randint(0, 99)}",
        lambda r: f"版本号：{r.randint(1, 20)}.{r.randint(0, 9)}.{r.randint(0, 9)}.{r.randint(0, 999)}",
        lambda r: f"比分 {r.randint(0, 5)}:{r.randint(0, 5)}",
        lambda r: f"IP属地：{r.choice(['广东', '北京', '浙江'])}",
        lambda r: "IPv6 未开启",
        lambda r: f"{r.randint(10, 23)}::{r.randint(10, 59)} 开会",
        lambda r: "::1 是本机",
        lambda r: f"IP: 256.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(0, 255)}",
        lambda r: f"iPhone {r.randint(11, 16)} Pro",
        lambda r: f"IP{r.randint(54, 68)} 防水",
        lambda r: f"{ymd(r)} {hms(r)} 下单",
        lambda r: f"指纹 {':'.join(f'{r.randint(0, 255):02x}' for _ in range(10))}",
    ],
    "license_plate": [
        lambda r: f"京东E卡 {r.randint(100, 999)}元",
        lambda r: f"沪深300指数涨了",
        lambda r: "粤语客服有吗",
        lambda r: f"{r.choice(PROVINCES)}{r.choice(PLATE_LETTERS)} 的车",
        lambda r: f"车牌{r.choice(PROVINCES)}{r.choice(PLATE_LETTERS)}{digits(r, 4, '0123456789')}",
        lambda r: "新款iPhone 到货了吗",
        lambda r: f"{r.choice(PROVINCES)}{r.choice(PLATE_LETTERS)}{digits(r, 9, '0123456789')}",
        lambda r: f"{r.choice(PROVINCES)}{r.choice('IO')}{digits(r, 5, '0123456789')}",
        lambda r: f"{r.choice(PROVINCES)}A{r.choice(PLATE_LETTERS)}{r.choice(PLATE_LETTERS)}{r.choice(PLATE_LETTERS)}"
                  f"{digits(r, 2, '0123456789')}",
        lambda r: "贵州茅台 太贵了",
        lambda r: f"新的订单号 {digits(r, 12)}",
        lambda r: "吉利汽车 宁波工厂",
        lambda r: f"云南 A级景区 门票{r.randint(50, 200)}元",
        lambda r: "川菜和湘菜都行",
        lambda r: f"赣南脐橙 {r.randint(3, 10)}斤",
        lambda r: f"{r.choice(PROVINCES)}AX{digits(r, 5, '0123456789')}",
        lambda r: f"新品A款 {digits(r, 5)}",
        lambda r: f"{r.choice(PROVINCES)}A-{digits(r, 4, '0123456789')}-{r.randint(1, 9)}",
    ],
}


def neg(rng, kind):
    f = rng.choice(NEG[kind])
    return line(rng, f"neg/{kind}", (None, f(rng)))


COUNTS = [(pos_email, 70), (pos_qq, 80), (pos_wechat, 80), (pos_phone_after_wechat, 40), (pos_ip, 80),
          (pos_plate, 80), (mix, 40)]
NEG_COUNT = 60

# ---------------------------------------------------------------------------
# Checks and output
# ---------------------------------------------------------------------------

FORBIDDEN = ("\t", "\n", "\r", "⟦", "⟧", "|")


def valid(segs):
    text = "".join(s[1] for s in segs)
    if any(f in text for f in FORBIDDEN):
        return False
    # Items never touch each other, so spans are unambiguous.
    for a, b in zip(segs, segs[1:]):
        if a[0] and b[0]:
            return False
    return True


def marked(segs):
    return "".join(f"⟦{k}|{t}⟧" if k else t for k, t in segs)


def generate_lines(seed=SEED):
    rng = random.Random(seed)
    out = []
    for make, n in COUNTS:
        for _ in range(n):
            while True:
                cat, segs = make(rng)
                if valid(segs):
                    break
            out.append((cat, segs))
    for kind in ["email", "qq", "wechat", "ip_address", "license_plate"]:
        for _ in range(NEG_COUNT):
            cat, segs = neg(rng, kind)
            assert valid(segs)
            out.append((cat, segs))
    return out


def render_corpus(seed=SEED):
    lines = [f"# generated by scripts/gen_kinds_contact.py, seed {seed}"]
    for cat, segs in generate_lines(seed):
        m = marked(segs)
        assert re.sub(r"⟦[a-z_]+\|([^⟧]*)⟧", r"\1", m) == "".join(s[1] for s in segs)
        lines.append(f"{cat}\t{m}")
    return "\n".join(lines) + "\n"


def main(argv=None):
    return corpus_cli.run("Generate the labeled contact-handle corpus.", render_corpus, argv)


if __name__ == "__main__":
    sys.exit(main())
