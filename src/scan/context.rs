//! Context words ("hotwords") written shortly before a number.
//!
//! `身份证号` before a 15-digit number is what makes it a legacy ID rather
//! than a tracking number; `订单号` before a Luhn-valid 19-digit number is
//! what makes it an order number rather than a card. Only the hotword
//! nearest to the number counts: in `订单号123，手机13812345678` the phone
//! is introduced by `手机`, not by `订单号`.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::units::prev_char_start;

/// What a hotword says about the number after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Cue {
    Phone,
    IdCard,
    BankCard,
    /// A label of an order, tracking, invoice or other business number
    /// (`订单号`, `运单号`): not personal information, whatever its digits
    /// look like.
    NotPersonal,
    /// A business topic (`订单`, `快递`) that labels a number only when
    /// written right before it (`订单3427581938475629183`).
    BusinessTopic,
    /// An address follows (`地址是`, `寄到`).
    Address,
}

/// The hotwords, by what they announce. Matching is ASCII case-insensitive.
const HOTWORDS: &[(Cue, &[&str])] = &[
    (
        Cue::Phone,
        &[
            "手机",
            "手机号",
            "手机号码",
            "电话",
            "电话号码",
            "联系电话",
            "联系方式",
            "联系号码",
            "号码",
            "座机",
            "固话",
            "固定电话",
            "办公电话",
            "家里电话",
            "宅电",
            "分机",
            "热线",
            "客服电话",
            "服务电话",
            "打",
            "拨打",
            "致电",
            "来电",
            "回电",
            "回拨",
            "电联",
            "联系",
            "联系人",
            "微信",
            "短信",
            "取件人",
            "收件人",
            "收货人",
            "寄件人",
            "签收人",
            "总机",
            "快递员",
            "配送员",
            "骑手",
            "司机",
            "师傅",
            "下单号码",
            "下单电话",
            "tel",
            "phone",
            "mobile",
            "call",
            "fax",
            "传真",
        ],
    ),
    (
        Cue::IdCard,
        &[
            "身份证",
            "身份证号",
            "身份证号码",
            "身份号码",
            "证件",
            "证件号",
            "证件号码",
            "身份证件",
            "老身份证",
            "二代证",
            "sfz",
            "户口",
        ],
    ),
    (
        Cue::BankCard,
        &[
            "卡",
            "卡号",
            "银行卡",
            "银行卡号",
            "储蓄卡",
            "信用卡",
            "借记卡",
            "贷记卡",
            "工资卡",
            "账号",
            "帐号",
            "账户",
            "帐户",
            "银行账号",
            "银行账户",
            "收款账号",
            "还款账号",
            "开户",
            "card",
        ],
    ),
    (
        Cue::NotPersonal,
        &[
            "订单号",
            "单号",
            "运单",
            "运单号",
            "快递单",
            "物流单",
            "流水号",
            "交易号",
            "交易单号",
            "订单编号",
            "编号",
            "编码",
            "工单号",
            "发票号",
            "序列号",
            "批次号",
            "型号",
            "条码",
            "合同号",
            "保单号",
            "票号",
            "退款单",
            "支付单",
            "业务单",
            "受理号",
            "工号",
            "券码",
            "券号",
            "参考号",
            "凭证号",
            "验证码",
            "取件码",
            "提货码",
            "激活码",
            "兑换码",
            "优惠码",
            "邀请码",
            "授权码",
            "序号",
            "订单id",
            "交易id",
            "sim卡",
            "sim卡号",
            "iccid",
            "imei",
            "串号",
            "设备号",
            "价格",
            "价位",
            "区间",
            "金额",
            "余额",
            "积分",
            "ticket",
            "order",
            "sn",
            "s/n",
        ],
    ),
    (
        Cue::Address,
        &[
            "地址",
            "住址",
            "收货地址",
            "家庭住址",
            "详细地址",
            "住在",
            "家在",
            "送到",
            "寄到",
            "送货到",
            "寄往",
            "发到",
            "邮寄到",
            "搬到",
            "位于",
            "地点",
            "改成",
            "改为",
        ],
    ),
    (Cue::BusinessTopic, &["订单", "快递", "物流", "包裹", "商品", "发票", "合同", "保单", "流水", "交易", "工单"]),
];

/// The hotword nearest to a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Nearest {
    pub(crate) cue: Cue,
    /// Characters between the hotword and the number (`手机：138...` is 1).
    pub(crate) distance: usize,
}

/// Characters in `s`, counting each byte that starts no UTF-8 sequence as
/// one.
fn char_count(s: &[u8]) -> usize {
    s.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

/// The hotword automaton and the cue of each pattern.
#[derive(Clone, Debug)]
pub(crate) struct Hotwords {
    automaton: AhoCorasick,
    cues: Vec<Cue>,
}

impl Hotwords {
    /// The process-wide hotword automaton, built on first use (it is the
    /// same for every redactor).
    pub(crate) fn shared() -> Hotwords {
        static SHARED: std::sync::OnceLock<Hotwords> = std::sync::OnceLock::new();
        SHARED.get_or_init(Hotwords::new).clone()
    }

    pub(crate) fn new() -> Hotwords {
        let mut words = Vec::new();
        let mut cues = Vec::new();
        for &(cue, list) in HOTWORDS {
            for &w in list {
                words.push(w);
                cues.push(cue);
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(&words)
            .expect("the built-in hotword list is small and valid");
        Hotwords { automaton, cues }
    }

    /// The hotword that ends nearest to `before`, among those that lie
    /// entirely within the `window` characters before it (never before
    /// `floor`): its cue, and how many characters separate it from `before`.
    pub(crate) fn nearest(&self, hay: &[u8], before: usize, window: usize, floor: usize) -> Option<Nearest> {
        let mut start = before;
        for _ in 0..window {
            match prev_char_start(hay, start, floor) {
                Some(c) => start = c,
                None => {
                    // Step over one byte that is not UTF-8, so that invalid
                    // bytes do not hide the words before them.
                    if start > floor {
                        start -= 1;
                    } else {
                        break;
                    }
                }
            }
        }
        let slice = &hay[start..before];
        let mut best: Option<(usize, Cue)> = None;
        for m in self.automaton.find_iter(slice) {
            let cue = self.cues[m.pattern().as_usize()];
            if !is_word_match(slice, m.start(), m.end()) {
                continue;
            }
            if best.is_none_or(|(end, _)| m.end() >= end) {
                best = Some((m.end(), cue));
            }
        }
        best.map(|(end, cue)| Nearest { cue, distance: char_count(&slice[end..]) })
    }
}

/// ASCII hotwords (`tel`, `id`, `sn`) count only as whole words, so that
/// `android` does not announce an ID and `snack` no serial number.
fn is_word_match(slice: &[u8], start: usize, end: usize) -> bool {
    if !slice[start].is_ascii_alphabetic() {
        return true;
    }
    let before_ok = start == 0 || !slice[start - 1].is_ascii_alphabetic();
    let after_ok = end == slice.len() || !slice[end].is_ascii_alphabetic();
    before_ok && after_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cue(s: &str) -> Option<Cue> {
        Hotwords::new().nearest(s.as_bytes(), s.len(), 12, 0).map(|n| n.cue)
    }

    #[test]
    fn nearest_hotword_wins() {
        assert_eq!(cue("订单号123，手机"), Some(Cue::Phone));
        assert_eq!(cue("手机号码和订单号"), Some(Cue::NotPersonal));
        assert_eq!(cue("快递员"), Some(Cue::Phone));
        assert_eq!(cue("订单"), Some(Cue::BusinessTopic));
        assert_eq!(cue("我的身份证号码是："), Some(Cue::IdCard));
        assert_eq!(cue("银行卡号"), Some(Cue::BankCard));
        assert_eq!(cue("Tel: "), Some(Cue::Phone));
    }

    #[test]
    fn window_is_counted_in_characters() {
        assert_eq!(cue("身份证，然后呢，那个那个那个那个，"), None);
        let n = Hotwords::new().nearest("身份证后面是".as_bytes(), 18, 6, 0).unwrap();
        assert_eq!((n.cue, n.distance), (Cue::IdCard, 3));
    }

    #[test]
    fn ascii_hotwords_are_whole_words() {
        assert_eq!(cue("android "), None);
        assert_eq!(cue("sfz: "), Some(Cue::IdCard));
        assert_eq!(cue("?id="), None);
    }
}
