#!/usr/bin/env python3
"""Generate the labeled corpus of secrets at testdata/corpus/kinds-secret.txt.

Usage:
    python3 scripts/gen_kinds_secret.py > testdata/corpus/kinds-secret.txt
    python3 scripts/gen_kinds_secret.py --check testdata/corpus/kinds-secret.txt

Standard library only, fully deterministic: one random.Random(SEED), no
iteration over sets or hash-ordered containers, no clock.  The output depends
only on this script and scripts/gen_corpus.py (whose number generators,
numeral spelling and speaker prefixes are imported, not changed).  --check
FILE exits 1 with a one-line message when FILE differs from what would be
generated.

File format
-----------
Same as testdata/corpus/chat.txt: one example per line, "CATEGORY<TAB>TEXT",
items marked inline as "⟦KIND|ITEM⟧".  Kinds: "verification_code",
"password", "card_security_code", "card_expiry", and "phone" and
"bank_card" for the numbers that share lines with them.  Categories:
"pos/<kind>/<form>/<role>" (one secret, maybe with a phone or card number),
"mix/<kinds>" (two or more secrets), "neg/<kind>/<what>" (no secret; phone and
card numbers may still be labeled).

Roles: c customer, a agent, s forwarded text message, r speech recognition
(no punctuation, numbers in numerals), e English words.

Span conventions
----------------
  * Only the value is labeled; the word announcing it (验证码, 支付密码, CVV,
    卡背面三位, 有效期) and the filler after it (是, ：, 收到了, 改成, 至) are
    outside.
  * An opening bracket right before the value is inside (验证码（482913）):
    the number scan claims it for the number after it.
  * Verification code: 4-8 digits (ASCII, full-width, numerals, one per space
    or comma, or two groups of three), or 6 ASCII letters and digits.
  * Password: 4-12 digits, or 6-14 ASCII letters and digits with maybe one
    symbol; a trailing "!" or "." is outside.
  * Card security code: 3 digits, 4 after American Express words.
  * Card expiry: month and year as written (08/27, 08/2027, 08-27, 0827,
    2027/08, 2027年8月, 27年8月, 零八 二七), with a card word, a card number,
    CVV or a card's security code in the line.  A month-year with a day
    (2027年8月31日) or a year alone is not an expiry date.
  * Nothing else is labeled: secrets without a value (验证码发不出来,
    密码忘了), values that belong to something else (会员有效期, 快递柜安全码,
    手机尾号后三位, 发票校验码), amounts, dates, counts and durations after the
    words, and values without a word before them.
"""

import os
import random
import re
import sys

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen_corpus as gc  # noqa: E402  (number generators, numerals, speaker prefixes)
import corpus_cli

SEED = 20261201

APPS = ["支付宝", "微信支付", "京东", "淘宝", "美团", "拼多多", "抖音", "携程", "滴滴出行", "中国移动", "顺丰速运", "12306"]
BANKS = gc.BANKS
LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"
LOWER = "abcdefghijkmnpqrstuvwxyz"
NAMES = ["zhang", "wang", "li", "liu", "chen", "yang", "zhao", "huang", "zhou", "wu", "sun", "ma"]


def digits(rng, n):
    return gc.digits(rng, n)


def numerals(rng, s):
    return gc.to_numerals(rng, s)


def spaced(s):
    return " ".join(s)


# ---------------------------------------------------------------------------
# Values.  Each returns (form, text).
# ---------------------------------------------------------------------------


def code_value(rng, role):
    if role == "r":
        form = gc.weighted(rng, [("numerals", 45), ("spaced-numerals", 30), ("spaced", 15), ("grouped-numerals", 10)])
    else:
        form = gc.weighted(rng, [("d6", 52), ("d4", 12), ("d8", 5), ("fullwidth", 6), ("alnum", 9), ("grouped", 6),
                                 ("spaced", 4), ("numerals", 6)])
    n = {"d4": 4, "d8": 8}.get(form, 6)
    d = digits(rng, n)
    if form == "alnum":
        while True:
            v = "".join(rng.choice(LETTERS + "23456789") for _ in range(6))
            if any(c.isdigit() for c in v) and any(c.isalpha() for c in v):
                return form, v
    if form == "fullwidth":
        return form, gc.fw(d)
    if form == "grouped":
        return form, d[:3] + " " + d[3:]
    if form == "spaced":
        return form, spaced(d)
    if form == "numerals":
        return form, numerals(rng, d)
    if form == "spaced-numerals":
        return form, spaced(numerals(rng, d))
    if form == "grouped-numerals":
        v = numerals(rng, d)
        return form, v[:3] + " " + v[3:]
    return form, d


def password_value(rng, role, pin=False):
    if role == "r":
        form = gc.weighted(rng, [("numerals", 60), ("spaced-numerals", 40)])
    elif pin:
        form = gc.weighted(rng, [("d4", 60), ("d6", 40)])
    else:
        form = gc.weighted(rng, [("d6", 32), ("alnum", 22), ("name-year", 12), ("symbol", 10), ("d8", 6), ("d4", 4),
                                 ("fullwidth", 6), ("numerals", 4), ("mixed-case", 4)])
    if form in ("d4", "d6", "d8"):
        return form, digits(rng, int(form[1]))
    d = digits(rng, 6)
    if form == "fullwidth":
        return form, gc.fw(d)
    if form == "numerals":
        return form, numerals(rng, d)
    if form == "spaced-numerals":
        return form, spaced(numerals(rng, d))
    if form == "alnum":
        while True:
            v = "".join(rng.choice(LOWER + "0123456789") for _ in range(rng.randint(6, 12)))
            if any(c.isdigit() for c in v) and any(c.isalpha() for c in v):
                return form, v
    if form == "name-year":
        return form, rng.choice(NAMES) + str(rng.randint(1970, 2005))
    if form == "symbol":
        name = rng.choice(NAMES)
        return form, name[0].upper() + name[1:] + rng.choice("@#_.!*") + digits(rng, rng.randint(3, 6))
    name = rng.choice(NAMES)
    return form, name[0].upper() + name[1:] + rng.choice(LETTERS) + digits(rng, rng.randint(2, 4))


def cvv_value(rng, role, amex=False):
    d = digits(rng, 4 if amex else 3)
    if role == "r":
        form = gc.weighted(rng, [("numerals", 60), ("spaced-numerals", 40)])
        v = numerals(rng, d)
        return form, v if form == "numerals" else spaced(v)
    form = gc.weighted(rng, [("digits", 88), ("fullwidth", 12)])
    return ("amex" if amex else form), (gc.fw(d) if form == "fullwidth" else d)


def expiry_value(rng, role):
    month = rng.randint(1, 12)
    year = rng.randint(2024, 2033)
    mm, yy = f"{month:02d}", f"{year % 100:02d}"
    if role == "r":
        form = gc.weighted(rng, [("numerals-pair", 50), ("numerals-run", 20), ("numerals-year-month", 30)])
        if form == "numerals-pair":
            return form, numerals(rng, mm) + " " + numerals(rng, yy)
        if form == "numerals-run":
            return form, numerals(rng, mm + yy)
        return form, numerals(rng, yy) + "年" + numerals(rng, str(month)) + "月"
    form = gc.weighted(rng, [("slash", 42), ("slash-yyyy", 8), ("dash", 6), ("mmyy", 8), ("year-first", 6),
                             ("year-month-cn", 12), ("short-year-month-cn", 5), ("spaced-slash", 4),
                             ("fullwidth", 5), ("one-digit-month", 4)])
    return form, {
        "slash": f"{mm}/{yy}",
        "slash-yyyy": f"{mm}/{year}",
        "dash": f"{mm}-{yy}",
        "mmyy": mm + yy,
        "year-first": f"{year}/{mm}",
        "year-month-cn": f"{year}年{month}月",
        "short-year-month-cn": f"{yy}年{month}月",
        "spaced-slash": f"{mm} / {yy}",
        "fullwidth": gc.fw(mm) + "／" + gc.fw(yy),
        "one-digit-month": f"{month}/{yy}",
    }[form]


def phone_value(rng):
    n = gc.gen_mobile_number(rng)
    return n if rng.random() < 0.7 else f"{n[:3]} {n[3:7]} {n[7:]}"


def card_value(rng):
    n = gc.gen_card(rng)
    return n if rng.random() < 0.6 else gc.group4(n, " ")


# Unlabeled fillers for templates.
def text_fillers(rng):
    y = rng.randint(2024, 2031)
    return {
        "BANK": rng.choice(BANKS),
        "APP": rng.choice(APPS),
        "N": str(rng.choice([2, 3, 5, 10, 15, 30])),
        "SEC": str(rng.choice([60, 90, 120])),
        "T4": digits(rng, 4),
        "D3": digits(rng, 3),
        "D4": digits(rng, 4),
        "D6": digits(rng, 6),
        "AMT": str(rng.choice([99, 199, 299, 458, 1280, 2000])),
        "Y": str(y),
        "Y2": str(y + rng.randint(1, 5)),
        "M": str(rng.randint(1, 12)),
        "MM": f"{rng.randint(1, 12):02d}",
        "DD": f"{rng.randint(1, 28):02d}",
        "D": str(rng.randint(1, 28)),
        "ORDER": digits(rng, 1).replace("0", "3") + digits(rng, 17),
        "TICKET": "GD" + digits(rng, 10),
        "INV": " ".join(digits(rng, 5) for _ in range(4)),
        "HOT": rng.choice(["95588", "95533", "95555", "95566", "95559"]),
        "CARDM": rng.choice(["6222", "6228", "6217", "4367", "6225", "5187"]) + " **** **** " + digits(rng, 4),
        "DATE": f"{y}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
    }


# ---------------------------------------------------------------------------
# Templates: "ROLE|TEXT".  Labeled placeholders: {V} the line's secret, {VC},
# {P}, {C}, {E} secrets of a given kind, {PH} a phone number, {CARD} a card
# number.  Others are unlabeled text (see text_fillers).
# ---------------------------------------------------------------------------

POS = {
    "verification_code": """
c|验证码是{V}
c|收到的验证码{V}，你看对不对
c|验证码：{V}
c|刚才那个验证码是{V}吗？
c|你们发的验证码{V}，输进去显示错误
c|验证码{V}，麻烦快点处理
c|手机号{PH}，验证码{V}
c|我手机{PH}收到的验证码是{V}
c|验证码{V}已经输进去了还是不行
c|好的，验证码就是{V}
c|验证码收到了：{V}
c|这是短信验证码 {V}
c|短信码{V}
c|动态码是{V}，帮我看下
c|收到验证码了，{V}
c|登录验证码{V}
c|动态密码{V}，转账用的
c|验证码（{V}）
c|{PH}这个号收到的验证码{V}
c|验证码{V}，我的号码是{PH}
a|跟您核对一下，验证码是{V}对吗？
a|系统显示验证码{V}已过期，我帮您重新发送
a|备注：客户提供验证码{V}，已完成身份核验
s|【{BANK}】您的验证码为{V}，{N}分钟内有效，请勿向任何人泄露。
s|【{APP}】验证码{V}，您正在登录，若非本人操作请忽略。
s|{APP}：您的动态验证码是{V}，有效期{N}分钟。
s|【{APP}】校验码：{V}。工作人员不会向您索要，请勿告知他人
s|[{APP}] 短信验证码 {V}，用于修改绑定手机
e|my verification code is {V}
e|OTP: {V}, please confirm
e|the verify code is {V}
e|SMS code {V} thanks
r|嗯 验证码是 {V}
r|那个 验证码 {V}
r|验证码就是 {V} 对
r|我念一下啊 验证码 {V}
r|呃 短信验证码 是 {V}
""",
    "password": """
c|支付密码是{V}
c|我的登录密码{V}，你帮我看看为啥登不上
c|取款密码：{V}
c|密码{V}，账号是我手机号{PH}
c|新密码设置为{V}了
c|我把密码改成{V}了
c|WiFi密码是{V}
c|初始密码{V}对吗
c|原密码{V}，想改一下
c|银行卡密码是{V}，别告诉别人哈
c|账户密码：{V}
c|服务密码{V}
c|查询密码是{V}
c|网银密码 {V}
c|卡号{CARD}，密码{V}
c|密码（{V}）
c|账号{PH} 密码{V}
a|跟您确认一下，您设置的新密码是{V}吗？
a|工单备注：客户自述交易密码{V}
e|password: {V}
e|my password is {V}
e|pwd={V}
r|嗯 密码是 {V}
r|那个 支付密码 {V}
r|取款密码 就是 {V}
""",
    "pin": """
c|PIN码{V}
c|卡的PIN是{V}
e|PIN {V}
e|my PIN is {V}
""",
    "card_security_code": """
c|信用卡CVV是{V}
c|卡背面三位数是{V}
c|背面那三位是{V}，信用卡的
c|信用卡安全码{V}
c|安全码：{V}，卡号{CARD}
c|卡号{CARD}，CVV2：{V}
c|卡号{CARD} CVV2 {V}
c|cvv {V}
c|卡片背后的三位数字：{V}
c|CVN码{V}
c|{BANK}信用卡，安全码是{V}
c|卡背后三位{V}
c|CVV（{V}）
a|坐席备注：客户报出CVV {V}，已提醒风险
e|security code {V} on the back of my credit card
e|CVC: {V}
r|卡背面 三位 是 {V}
r|信用卡 CVV 是 {V}
""",
    "amex": """
c|美国运通卡，安全码{V}
e|AMEX card CVV {V}
""",
    "card_expiry": """
c|信用卡有效期{V}
c|卡的有效期是{V}
c|卡号{CARD}，有效期{V}
c|卡号{CARD} 有效期至{V}
c|有效期：{V}，{BANK}信用卡
c|银行卡有效期到{V}
c|这张卡有效期{V}，还能用吗
c|借记卡有效期{V}
c|有效期是{V}，卡号尾号{T4}
c|{BANK}信用卡有效日期{V}
c|卡号{CARDM}，有效期{V}
a|跟您核对一下信用卡有效期，是{V}对吗
a|系统显示您的卡片有效期至{V}，需要换卡
e|card exp {V}
e|expiry date: {V}, card ending {T4}
e|Valid thru {V} on the card
r|信用卡 有效期 {V}
r|卡的有效期是 {V}
""",
}

MIX = """
c|卡号{CARD}，有效期{E}，CVV{C}
c|{BANK}信用卡{CARD} 有效期{E} 安全码{C}
c|有效期{E}，背面三位{C}
c|卡背后三位{C}，有效期{E}
c|手机{PH}，验证码{VC}
c|密码{P}，验证码{VC}
c|支付密码{P}，短信验证码{VC}
a|客户提供：卡号{CARD}，有效期{E}，CVV {C}，动态码{VC}
e|card {CARD} exp {E} cvv {C}
"""

NEG = {
    "verification_code": """
c|验证码一直收不到，急
c|为什么我收不到验证码
c|验证码发过来了但是提示已失效
c|验证码输了三遍都不对
c|验证码过期了，能再发一个吗
c|重新获取验证码要等{SEC}秒
c|验证码{SEC}秒后才能重新发送
a|验证码已发送至您尾号{T4}的手机，请注意查收
a|请您提供一下收到的验证码
a|验证码请勿告诉任何人，包括客服人员
a|验证码有效期为{N}分钟，请尽快输入
a|验证码是6位数字，请核对后再输入
c|图形验证码看不清，换一张
c|我输入验证码后提示系统繁忙
c|验证码错误次数过多，要等{N}小时吗
c|发票校验码在哪里看
c|发票校验码后六位是{D6}
c|我的发票校验码 {INV}
c|验证码问题已反馈，工单号{TICKET}
c|验证码那一栏显示{N}位
c|收到验证码的手机是{PH}
c|验证码发到{PH}了吗
c|验证码是不是要{N}分钟才到
c|验证码框在哪
r|呃 验证码 还没收到
r|验证码 一直 没来
e|I did not get the verification code
e|resend the OTP please
c|短信验证码收不到，卡号{CARD}的那张
c|验证码错了{N}次
c|{DATE}发的验证码还能用吗
c|验证码 {DATE} 那天发的
c|验证码都是{N}分钟前的了
c|校验码是身份证最后一位
""",
    "password": """
c|密码忘了怎么办
c|我想修改一下登录密码
c|密码输错{N}次被锁了
c|支付密码错误，请重试
c|重置密码需要带身份证去网点吗
c|密码要求8到16位字母加数字
c|密码必须包含大小写字母
c|密码箱多少钱，{AMT}元能买吗
c|密码锁坏了，修一下要{AMT}块吗
c|支付密码是6位数字吧
c|密码是我生日
c|密码就是身份证后六位
c|动态密码收不到
a|请勿向他人透露您的密码
a|密码强度太弱，请重新设置
a|设置密码时提示格式不对，请换一个
c|改密码要输短信验证码吗
c|修改密码后{N}小时内不能转账
c|密码已经改过了，订单号{ORDER}
c|忘记密码，手机号{PH}
c|密码{N}次输错会锁卡吗
c|密码是多少来着
e|forgot password again
e|the reset password link expired
e|ping {N}ms is fine
c|拼音pinyin怎么打
c|密码 ****** 已隐藏
c|密码器{D4}型号的
c|密码有效期90天
c|PIN码是几位的
c|登录密码 {DATE} 改过一次
""",
    "card_security_code": """
c|手机尾号后三位{D3}
c|卡号后三位是{D3}
c|身份证后三位{D3}
c|CVV在卡的哪里
c|安全码是什么意思
a|卡背面的三位数不要告诉任何人
a|CVV码一般是卡背面的三位数字
c|快递柜安全码{D3}，帮我取一下
c|门禁安全码{D4}
c|游戏账号安全码{D3}
c|背面三位我看不清了
c|背后的原因是什么
c|安全码输错了{N}次
c|信用卡安全码忘了
c|卡背面写着客服电话{HOT}
c|手机背面三位数{D3}是什么
e|what is the CVV
c|CVV {D4}
c|安全码 {D6}
c|信用卡背面的签名栏要签名吗
c|路由器安全码{D3}
c|安全码{D3}是快递的
c|电话{PH}，信用卡安全码忘了怎么办
""",
    "card_expiry": """
c|会员有效期至{Y}年{M}月{D}日
c|优惠券有效期{N}天
c|身份证有效期{Y}.{MM}.{DD}至{Y2}.{MM}.{DD}
c|保修期两年
c|有效期三年
c|积分有效期到{Y}年底
c|信用卡有效期一般是5年
c|卡有效期到了怎么办
c|护照有效期至{Y}/{MM}
c|套餐有效期到{MM}/{DD}
c|驾照有效期{Y}年{M}月到期
c|合同有效期{Y}-{Y2}
c|信用卡有效期过了，卡号{CARD}
c|临时额度有效期至{Y}年{M}月，信用卡
c|信用卡有效期 {Y}/{MM}/{DD}
c|药品有效期{Y}/{MM}
c|优惠活动有效期至{M}月{D}日
c|二维码有效期{N}分钟
c|信用卡有效期还剩{N}个月
c|American Express 信用卡{AMT}元年费
c|有效期至{Y}年，卡号{CARD}
c|体验卡有效期{MM}/{DD}
c|信用卡有效期是多久
c|会员卡有效期 {MM}/{DD}
c|信用卡有效期到了，我电话{PH}
""",
}


# A second set of templates, phrased apart from the first; their categories
# end in "/second".  Some of their lines are known misses: a code before its
# word (123456是验证码), 后面三位 without 背面.
POS2 = {
    "verification_code": """
c|验证码发给你：{V}
c|你要的验证码 {V}
c|{V}是验证码
c|短信里的验证码是{V}吧
c|{APP}发的验证码{V}
c|验证码:{V} 这个能用吗
c|登录时的验证码为{V}
s|【{BANK}】验证码：{V}（动态码），您正在进行网上支付，请勿泄露。
s|您的登录验证码是{V}，请于{N}分钟内填写。如非本人操作，请忽略本短信。
r|验证码 是 {V} 嗯
""",
    "password": """
c|我的密码是{V}，你帮我登录看看
c|支付密码我设的{V}
c|密码：{V} 用户名是我名字拼音
c|登陆密码{V}
c|交易密码是{V}吧，我记不太清了
c|邮箱密码{V}
r|密码 我说一下 {V}
e|Password is {V}
c|六位数密码{V}
""",
    "card_security_code": """
c|信用卡背面的三个数字是{V}
c|后面三位数是{V}，信用卡的
c|CVV码：{V}
c|卡背面最后三位{V}
c|信用卡的cvv是{V}
e|CVV2 is {V}
""",
    "card_expiry": """
c|卡上写的有效期是{V}
c|有效期{V}的那张信用卡
c|信用卡到期时间{V}
c|我的卡有效期到{V}
c|{BANK}借记卡，有效期{V}
e|card exp date {V}
r|有效期 {V} 信用卡的
""",
}

NEG2 = {
    "verification_code": """
c|验证码发送失败，提示号码异常
c|收不到短信验证码是怎么回事，我是{PH}
a|为保障账户安全，验证码切勿转发他人
c|验证码输入框一直是灰的
c|验证码6分钟就过期了
c|验证码第{N}次发送了
c|注册的时候要验证码吗
c|验证码短信被拦截了
c|语音验证码可以吗
c|验证码是4位还是6位
""",
    "password": """
c|密码多少位啊
c|我不记得密码了
c|密码被盗了怎么办
c|能不能不设密码
a|请不要在对话中发送密码
c|设置了{N}次密码都失败
c|密码修改成功
c|免密支付怎么关
c|密码重置链接{N}分钟有效
""",
    "card_security_code": """
c|CVV泄露了怎么办
c|卡背面的签名需要写吗
a|我们不会索要您的CVV码
c|银行卡安全码在哪儿看
c|背面那个三位数是干嘛的
""",
    "card_expiry": """
c|信用卡有效期快到了
c|有效期多久
c|会员卡有效期到{Y}年{M}月
c|营业执照有效期{Y}年
c|押金有效期{N}天
""",
}


def parse(block):
    out = []
    for line in block.strip().splitlines():
        role, tpl = line.split("|", 1)
        out.append((role, tpl))
    return out


POS_T = {k: parse(v) for k, v in POS.items()}
MIX_T = parse(MIX)
NEG_T = {k: parse(v) for k, v in NEG.items()}
POS2_T = {k: parse(v) for k, v in POS2.items()}
NEG2_T = {k: parse(v) for k, v in NEG2.items()}

PH_RE = re.compile(r"\{([A-Z0-9]+)\}")
ASCII_PUNCT = {"，": ",", "：": ":", "？": "?", "！": "!", "（": "(", "）": ")", "。": "."}
ASR_PUNCT = {"，": " ", "：": " ", "？": "", "！": "", "。": "", "、": " "}


def style(rng, role, text):
    if role == "r":
        return "".join(ASR_PUNCT.get(ch, ch) for ch in text)
    if role == "e" or (role == "c" and rng.random() < 0.25):
        return "".join(ASCII_PUNCT.get(ch, ch) for ch in text)
    return text


def render(rng, role, tpl, values):
    fill = text_fillers(rng)
    segs = []
    pos = 0
    for m in PH_RE.finditer(tpl):
        if m.start() > pos:
            segs.append(("t", style(rng, role, tpl[pos:m.start()])))
        name = m.group(1)
        if name in values:
            segs.append(values[name])
        elif name == "PH":
            segs.append(("s", "phone", phone_value(rng)))
        elif name == "CARD":
            segs.append(("s", "bank_card", card_value(rng)))
        else:
            segs.append(("t", fill[name]))
        pos = m.end()
    if pos < len(tpl):
        segs.append(("t", style(rng, role, tpl[pos:])))
    return segs


def prefix(rng, role):
    if role == "s":
        return rng.choice(["", "", "客户转发短信：", "截图文字：", "客户："])
    if role == "e":
        return rng.choice(["", "", "customer: ", "客户：", "user: "])
    return gc.speaker_prefix(rng, role)


def line_of(rng, role, segs):
    segs = [("t", prefix(rng, role))] + segs
    out = []
    for s in segs:
        if s[0] == "t" and out and out[-1][0] == "t":
            out[-1] = ("t", out[-1][1] + s[1])
        elif not (s[0] == "t" and s[1] == ""):
            out.append(s)
    # An opening bracket right before a secret is part of its span.
    for k in range(1, len(out)):
        prev, cur = out[k - 1], out[k]
        if cur[0] == "s" and cur[1] not in ("phone", "bank_card") and prev[0] == "t" and prev[1][-1:] in ("(", "（", "【"):
            out[k - 1] = ("t", prev[1][:-1])
            out[k] = ("s", cur[1], prev[1][-1] + cur[2])
    if out[0][0] == "t":
        out[0] = ("t", out[0][1].lstrip(" "))
    if out[-1][0] == "t":
        out[-1] = ("t", out[-1][1].rstrip(" "))
    return out


def plain_of(segs):
    return "".join(s[-1] for s in segs)


def marked_of(segs):
    return "".join(f"⟦{s[1]}|{s[2]}⟧" if s[0] == "s" else s[1] for s in segs)


def strip_markup(marked):
    return re.sub(r"⟦[a-z_]+\|", "", marked).replace("⟧", "")


class Deck:
    """Deals templates in shuffled rounds, so every one is used evenly."""

    def __init__(self, rng, items):
        self.rng = rng
        self.items = items
        self.left = []

    def deal(self):
        if not self.left:
            self.left = list(self.items)
            self.rng.shuffle(self.left)
        return self.left.pop()


def secret_value(rng, kind, role):
    if kind == "verification_code":
        return code_value(rng, role)
    if kind in ("password", "pin"):
        return password_value(rng, role, pin=kind == "pin")
    if kind in ("card_security_code", "amex"):
        return cvv_value(rng, role, amex=kind == "amex")
    return expiry_value(rng, role)


LABEL = {"pin": "password", "amex": "card_security_code"}

# Lines per template group.
POS_COUNTS = [("verification_code", 90), ("password", 70), ("pin", 14), ("card_security_code", 70), ("amex", 6),
              ("card_expiry", 85)]
N_MIX = 45
NEG_COUNTS = [("verification_code", 130), ("password", 120), ("card_security_code", 95), ("card_expiry", 105)]
POS2_COUNTS = [("verification_code", 30), ("password", 27), ("card_security_code", 18), ("card_expiry", 21)]
NEG2_COUNTS = [("verification_code", 30), ("password", 27), ("card_security_code", 15), ("card_expiry", 15)]


def valid(segs):
    plain = plain_of(segs)
    return plain and plain == plain.strip() and not any(f in plain for f in ("\t", "\n", "⟦", "⟧", "|"))


def generate_lines(seed=SEED):
    rng = random.Random(seed)
    lines = []
    for group, n in POS_COUNTS:
        deck = Deck(rng, POS_T[group])
        kind = LABEL.get(group, group)
        for _ in range(n):
            role, tpl = deck.deal()
            form, v = secret_value(rng, group, role)
            segs = line_of(rng, role, render(rng, role, tpl, {"V": ("s", kind, v)}))
            assert valid(segs), segs
            lines.append((f"pos/{kind}/{form}/{role}", segs))
    deck = Deck(rng, MIX_T)
    for _ in range(N_MIX):
        role, tpl = deck.deal()
        values = {
            "VC": ("s", "verification_code", code_value(rng, role)[1]),
            "P": ("s", "password", password_value(rng, role)[1]),
            "C": ("s", "card_security_code", cvv_value(rng, role)[1]),
            "E": ("s", "card_expiry", expiry_value(rng, role)[1]),
        }
        segs = line_of(rng, role, render(rng, role, tpl, values))
        assert valid(segs), segs
        kinds = [s[1] for s in segs if s[0] == "s" and s[1] not in ("phone", "bank_card")]
        lines.append(("mix/" + "+".join(kinds), segs))
    for kind, n in NEG_COUNTS:
        deck = Deck(rng, NEG_T[kind])
        for i in range(n):
            role, tpl = deck.deal()
            segs = line_of(rng, role, render(rng, role, tpl, {}))
            assert valid(segs), segs
            lines.append((f"neg/{kind}/{role}", segs))
    for kind, n in POS2_COUNTS:
        deck = Deck(rng, POS2_T[kind])
        for _ in range(n):
            role, tpl = deck.deal()
            form, v = secret_value(rng, kind, role)
            segs = line_of(rng, role, render(rng, role, tpl, {"V": ("s", kind, v)}))
            assert valid(segs), segs
            lines.append((f"pos/{kind}/{form}/{role}/second", segs))
    for kind, n in NEG2_COUNTS:
        deck = Deck(rng, NEG2_T[kind])
        for _ in range(n):
            role, tpl = deck.deal()
            segs = line_of(rng, role, render(rng, role, tpl, {}))
            assert valid(segs), segs
            lines.append((f"neg/{kind}/{role}/second", segs))
    return lines


def render_corpus(seed=SEED):
    out = [f"# generated by scripts/gen_kinds_secret.py, seed {seed}"]
    for cat, segs in generate_lines(seed):
        marked = marked_of(segs)
        assert strip_markup(marked) == plain_of(segs)
        out.append(f"{cat}\t{marked}")
    return "\n".join(out) + "\n"


def main(argv=None):
    return corpus_cli.run("Generate the labeled corpus of secrets.", render_corpus, argv)


if __name__ == "__main__":
    sys.exit(main())
