//! Deterministic benchmark corpora, generated at bench time (nothing large
//! is committed). Shared by the benches and by `examples/bench_corpus.rs`,
//! which the instruction-count script uses.
#![allow(dead_code)]

/// The shapes of text a contact center redacts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// Chat transcripts: timestamps, speakers, order numbers, amounts; about
    /// 4% of lines carry personal information.
    Chat,
    /// Ticket text dense in order and logistics numbers (a third of lines).
    Tickets,
    /// Every line carries personal information.
    Dense,
    /// CJK text with no digits and no address words.
    Cjk,
    /// ASCII application logs.
    Logs,
}

impl Shape {
    pub const ALL: [Shape; 5] = [Shape::Chat, Shape::Tickets, Shape::Dense, Shape::Cjk, Shape::Logs];

    pub fn name(self) -> &'static str {
        match self {
            Shape::Chat => "chat",
            Shape::Tickets => "tickets",
            Shape::Dense => "dense",
            Shape::Cjk => "cjk",
            Shape::Logs => "logs",
        }
    }

    pub fn from_name(name: &str) -> Option<Shape> {
        Shape::ALL.into_iter().find(|s| s.name() == name)
    }
}

/// A small linear congruential generator: the same bytes on every machine.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.next() % items.len()]
    }
}

/// Corpus lines without markup: (lines with personal information, lines
/// without).
fn corpus_lines() -> (Vec<String>, Vec<String>) {
    let mut personal = Vec::new();
    let mut plain = Vec::new();
    for text in [include_str!("../../testdata/corpus/chat.txt"), include_str!("../../testdata/corpus/address.txt")] {
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let Some((_, marked)) = line.split_once('\t') else { continue };
            let mut clean = String::new();
            let mut rest = marked;
            while let Some(open) = rest.find('⟦') {
                clean.push_str(&rest[..open]);
                let after = &rest[open + '⟦'.len_utf8()..];
                let bar = after.find('|').expect("markup has a kind");
                let close = after.find('⟧').expect("markup is closed");
                clean.push_str(&after[bar + 1..close]);
                rest = &after[close + '⟧'.len_utf8()..];
            }
            clean.push_str(rest);
            if marked.contains('⟦') { personal.push(clean) } else { plain.push(clean) }
        }
    }
    (personal, plain)
}

const CJK_WORDS: &[&str] = &[
    "您好",
    "请问",
    "有什么",
    "可以",
    "帮您",
    "的吗",
    "我想",
    "咨询",
    "一下",
    "关于",
    "退款",
    "问题",
    "好的",
    "稍等",
    "正在",
    "为您",
    "查询",
    "感谢",
    "耐心",
    "等待",
    "这边",
    "看到",
    "您的",
    "申请",
    "已经",
    "提交",
    "预计",
    "会在",
    "工作日内",
    "处理",
    "完成",
    "还有",
    "其他",
    "没有了",
    "谢谢",
    "再见",
    "祝您",
    "生活愉快",
    "麻烦",
    "尽快",
];

/// About `bytes` bytes of text of the given shape.
pub fn generate(shape: Shape, bytes: usize) -> Vec<u8> {
    let (personal, plain) = corpus_lines();
    let mut rng = Lcg(0x2545_f491_4f6c_dd1d ^ shape as u64);
    let mut out = Vec::with_capacity(bytes + 512);
    let mut second = 0usize;
    while out.len() < bytes {
        second += rng.next() % 40 + 1;
        let clock = format!("{:02}:{:02}:{:02}", second / 3600 % 24, second / 60 % 60, second % 60);
        let line = match shape {
            Shape::Chat => {
                let text = if rng.next() % 100 < 4 { rng.pick(&personal) } else { rng.pick(&plain) };
                let speaker = if rng.next().is_multiple_of(2) { "客户" } else { "坐席" };
                format!("[2024-11-28 {clock}] {speaker}：{text}\n")
            }
            Shape::Tickets => {
                let text = if rng.next().is_multiple_of(3) {
                    format!(
                        "订单号{}，运单号SF{}，金额¥{}.{:02}",
                        rng.next() % 9_000_000_000 + 1_000_000_000,
                        rng.next() % 900_000_000 + 100_000_000,
                        rng.next() % 5000,
                        rng.next() % 100
                    )
                } else {
                    rng.pick(&plain).clone()
                };
                format!("工单{} {clock} {text}\n", rng.next() % 1_000_000)
            }
            Shape::Dense => format!("{}\n", rng.pick(&personal)),
            Shape::Cjk => {
                let n = rng.next() % 12 + 4;
                let mut s: String = (0..n).map(|_| *rng.pick(CJK_WORDS)).collect();
                s.push_str(if rng.next().is_multiple_of(2) { "。\n" } else { "？\n" });
                s
            }
            Shape::Logs => format!(
                "2024-11-28T{clock}.{:03}Z INFO request id={} path=/api/v1/items/{} status=200 latency_ms={}\n",
                rng.next() % 1000,
                rng.next(),
                rng.next() % 100_000,
                rng.next() % 500
            ),
        };
        out.extend_from_slice(line.as_bytes());
    }
    out
}
