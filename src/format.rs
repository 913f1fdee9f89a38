//! Numbers and units as readers expect them, in Chinese and in English.
//!
//! Every function here is pure and total: any input, including NaN, infinities and absurd
//! magnitudes, gives a string and never a panic.
//!
//! Conventions shared by all functions:
//!
//! * At most two decimals (one for [`format_share`]), rounded half away from zero on the
//!   number's shortest decimal form, so 1.005 rounds to 1.01.
//! * Trailing zeros are trimmed only when rounding did not change the number; when it did, the
//!   fixed decimals stay to signal it (0.99995亿元 prints "1.00亿元", 1.2亿元 prints "1.2亿元").
//! * Negative numbers take a real minus sign "−" (U+2212); a number that rounds to zero drops it.
//! * A missing or non-finite number prints [`MISSING`], never "NaN".
//! * English groups thousands with commas ("5,711"); Chinese prints digits without separators
//!   ("5711"), as Chinese newspapers do.

use crate::data::{MoreThanWord, Qualifier, Status, Unit};
use crate::lang::Lang;

/// What is printed in place of a missing or non-finite number, in both languages.
pub const MISSING: &str = "—";

/// The minus sign used for negative numbers (U+2212, not the ASCII hyphen).
pub const MINUS: char = '\u{2212}';

/// Decimals kept for amounts and plain numbers.
const AMOUNT_DECIMALS: usize = 2;

/// Decimals kept for derived shares, in percent.
const SHARE_DECIMALS: usize = 1;

/// Significant digits kept before rounding, to wash out binary floating-point noise
/// (49.82 × 10⁴ ÷ 10⁴ must come back as exactly 49.82, not 49.820000000000007).
const SIGNIFICANT_DIGITS: i64 = 15;

/// Scaled values below this convert to integers exactly enough (10¹⁸ < u64::MAX).
const MAX_EXACT_SCALED: f64 = 1e18;

/// Chinese magnitudes, largest first: 亿 (10⁸), 万 (10⁴), none.
const ZH_MAGNITUDES: [(f64, &str); 3] = [(1e8, "亿"), (1e4, "万"), (1.0, "")];

/// English magnitudes, largest first: billion, million, none.
const EN_MAGNITUDES: [(f64, &str); 3] = [(1e9, "billion"), (1e6, "million"), (1.0, "")];

/// Formats a stored figure: `value` is the number the article prints before `unit`
/// (215 with [`Unit::YiYuan`] is 215亿元).
///
/// The value is converted to base units (yuan, m², mu, …) and handed to
/// [`format_base_amount`], so the display magnitude is chosen afresh: 0.5亿元 prints "5000万元"
/// in Chinese and "CNY 50 million" in English. `None`, NaN and infinities print [`MISSING`].
///
/// A Chinese "more than" is 超, "at least" 不低于 (以上 for a rate): an amount formatted here has
/// no wording of its own. A figure of the article keeps the article's word through [`format_as_written`].
pub fn format_value(value: Option<f64>, unit: Unit, qualifier: Qualifier, lang: Lang) -> String {
    format_worded(value, unit, qualifier, MoreThanWord::plain(unit), lang)
}

/// [`format_value`] for a figure the article writes as `written`: a Chinese "more than" keeps the
/// article's word (1500多公顷, 2万余亩), as does "at least" (10%以上), or is 超 for its 破 and 突破 (突破300户 prints
/// 超300户, not 300多户, which would mean fewer than 400).
pub fn format_as_written(
    value: Option<f64>,
    unit: Unit,
    qualifier: Qualifier,
    written: &str,
    lang: Lang,
) -> String {
    format_worded(
        value,
        unit,
        qualifier,
        MoreThanWord::in_written(written),
        lang,
    )
}

fn format_worded(
    value: Option<f64>,
    unit: Unit,
    qualifier: Qualifier,
    word: MoreThanWord,
    lang: Lang,
) -> String {
    match value {
        Some(value) => format_base_worded(value * unit.multiplier(), unit, qualifier, word, lang),
        None => MISSING.to_string(),
    }
}

/// Formats an amount already in base units: yuan for [`Unit::YiYuan`], m² for
/// [`Unit::WanSquareMetres`], mu for [`Unit::WanMu`], and the plain number for every other unit
/// (percent values are percentage points).
///
/// The amount is rounded at each candidate magnitude, largest first, and the first magnitude at
/// which the rounded number is at least 1 is chosen, so rounding comes before the choice of
/// unit: 99,995,000 yuan prints "1.00亿元", never "10000.0万元", and 999,999,999 yuan prints
/// "CNY 1.00 billion", never "CNY 1000.00 million".
///
/// Chinese puts money, areas and land (元, 平方米, 亩, 公顷) into 亿 or 万 but never counts
/// (户, 家, 个, 款, 处); English puts money, areas and land into billion or million and prints
/// counts in full.
pub fn format_base_amount(base: f64, unit: Unit, qualifier: Qualifier, lang: Lang) -> String {
    format_base_worded(base, unit, qualifier, MoreThanWord::plain(unit), lang)
}

fn format_base_worded(
    base: f64,
    unit: Unit,
    qualifier: Qualifier,
    word: MoreThanWord,
    lang: Lang,
) -> String {
    if !base.is_finite() {
        return MISSING.to_string();
    }
    match lang {
        Lang::Zh => format_zh(base, unit, qualifier, word),
        Lang::En => format_en(base, unit, qualifier),
    }
}

/// Formats a plain number with at most two decimals: "5,711" in English, "5711" in Chinese,
/// [`MISSING`] when it is not finite.
pub fn format_number(n: f64, lang: Lang) -> String {
    match RoundedNumber::new(n, AMOUNT_DECIMALS) {
        Some(rounded) => rounded.render(lang),
        None => MISSING.to_string(),
    }
}

/// A count as English prose writes it: one to nine in words ("five industry clusters"), other
/// numbers as [`format_number`] prints them. A heading that starts with it takes it through
/// [`capitalized`], as a number at the start of a sentence is spelled out.
pub fn count_in_words_en(n: f64) -> String {
    const WORDS: [&str; 9] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ];
    WORDS
        .iter()
        .zip(1..)
        .find(|&(_, count)| f64::from(count) == n)
        .map_or_else(
            || format_number(n, Lang::En),
            |(word, _)| (*word).to_owned(),
        )
}

/// `text` with its first letter a capital, for a word of the code's own English that stands
/// alone (a legend entry): "more than" → "More than". Those words are ASCII, so only an ASCII
/// first letter changes; Chinese is left as it is.
pub fn capitalized(text: &str) -> String {
    let mut text = text.to_owned();
    if let Some(first) = text.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    text
}

/// Formats a derived share (a fraction of a whole) as a percentage with at most one decimal:
/// 0.2326 prints "23.3%", 0.5 prints "50%". The same in both languages; [`MISSING`] when the
/// fraction is not finite.
pub fn format_share(fraction: f64, lang: Lang) -> String {
    let percent = fraction * 100.0;
    match RoundedNumber::new(percent, SHARE_DECIMALS) {
        Some(rounded) => format!("{}%", rounded.render(lang)),
        None => MISSING.to_string(),
    }
}

/// The reader-facing word for a qualifier, for legends and tooltips: in Chinese "" (exact),
/// "超过", "不低于", "约", "量级"; in English "", "more than", "at least", "about",
/// "order of magnitude".
pub fn qualifier_label(q: Qualifier, lang: Lang) -> &'static str {
    match (q, lang) {
        (Qualifier::Exact, _) => "",
        (Qualifier::MoreThan, Lang::Zh) => "超过",
        (Qualifier::MoreThan, Lang::En) => "more than",
        (Qualifier::AtLeast, Lang::Zh) => "不低于",
        (Qualifier::AtLeast, Lang::En) => "at least",
        (Qualifier::About, Lang::Zh) => "约",
        (Qualifier::About, Lang::En) => "about",
        (Qualifier::Scale, Lang::Zh) => "量级",
        (Qualifier::Scale, Lang::En) => "order of magnitude",
    }
}

/// The reader-facing word for the kind of claim a figure is: in Chinese "已实现", "计划", "目标";
/// in English "result", "plan", "target".
pub fn status_label(s: Status, lang: Lang) -> &'static str {
    match (s, lang) {
        (Status::Result, Lang::Zh) => "已实现",
        (Status::Result, Lang::En) => "result",
        (Status::Plan, Lang::Zh) => "计划",
        (Status::Plan, Lang::En) => "plan",
        (Status::Target, Lang::Zh) => "目标",
        (Status::Target, Lang::En) => "target",
    }
}

/// How a unit behaves on the page, apart from its multiplier.
#[derive(Clone, Copy)]
enum UnitKind {
    /// Money in yuan.
    Money,
    /// An area or land measure that may take 万/亿 (zh) or million/billion (en).
    Measure,
    /// A count of things, never put into a larger magnitude.
    Count,
    /// Percentage points.
    Percent,
}

fn unit_kind(unit: Unit) -> UnitKind {
    match unit {
        Unit::YiYuan => UnitKind::Money,
        Unit::WanSquareMetres | Unit::WanMu | Unit::Hectares => UnitKind::Measure,
        Unit::Households
        | Unit::EnterpriseHouseholds
        | Unit::Enterprises
        | Unit::Count
        | Unit::Products
        | Unit::Sites => UnitKind::Count,
        Unit::Percent => UnitKind::Percent,
    }
}

/// The Chinese base unit written after the number and its magnitude.
fn zh_base_unit(unit: Unit) -> &'static str {
    match unit {
        Unit::YiYuan => "元",
        Unit::WanSquareMetres => "平方米",
        Unit::WanMu => "亩",
        Unit::Hectares => "公顷",
        Unit::Households | Unit::EnterpriseHouseholds => "户",
        Unit::Enterprises => "家",
        Unit::Count => "个",
        Unit::Products => "款",
        Unit::Sites => "处",
        Unit::Percent => "%",
    }
}

/// The English noun for counts, singular and plural (`None` for the bare 个).
fn en_count_noun(unit: Unit) -> Option<(&'static str, &'static str)> {
    match unit {
        Unit::Households => Some(("household", "households")),
        Unit::Enterprises | Unit::EnterpriseHouseholds => Some(("enterprise", "enterprises")),
        Unit::Products => Some(("product", "products")),
        Unit::Sites => Some(("site", "sites")),
        _ => None,
    }
}

/// The English symbol for measures.
fn en_measure_symbol(unit: Unit) -> &'static str {
    match unit {
        Unit::WanSquareMetres => "m²",
        Unit::WanMu => "mu",
        _ => "ha",
    }
}

/// Rounds `base` at the first magnitude, largest first, where the rounded number is at least 1;
/// the last magnitude is taken when none is. Returns the rounded number and the magnitude's word.
fn pick_magnitude(base: f64, magnitudes: &[(f64, &'static str)]) -> (RoundedNumber, &'static str) {
    let mut chosen = (RoundedNumber::zero(), "");
    for (index, &(size, word)) in magnitudes.iter().enumerate() {
        let Some(rounded) = RoundedNumber::new(base / size, AMOUNT_DECIMALS) else {
            continue;
        };
        let is_last = index + 1 == magnitudes.len();
        if rounded.is_at_least_one() || is_last {
            chosen = (rounded, word);
            break;
        }
    }
    chosen
}

fn format_zh(base: f64, unit: Unit, qualifier: Qualifier, word: MoreThanWord) -> String {
    let kind = unit_kind(unit);
    let (number, magnitude) = match kind {
        UnitKind::Money | UnitKind::Measure => pick_magnitude(base, &ZH_MAGNITUDES),
        UnitKind::Count | UnitKind::Percent => pick_magnitude(base, &ZH_MAGNITUDES[2..]),
    };
    let digits = number.render(Lang::Zh);
    let unit_text = zh_base_unit(unit);
    let exact = format!("{digits}{magnitude}{unit_text}");
    match qualifier {
        Qualifier::Exact => exact,
        Qualifier::About => format!("约{exact}"),
        // 以上 counts the number itself (10%以上: 10% or more), so it says "at least".
        Qualifier::AtLeast if word == MoreThanWord::YiShang => format!("{exact}以上"),
        Qualifier::AtLeast => format!("不低于{exact}"),
        Qualifier::Scale => format!("{exact}级"),
        Qualifier::MoreThan => match word {
            // 余 and 多 go after a whole number or a magnitude (1500多公顷, 2万余亩); after
            // decimals or a percent sign (1.5多公顷, 10%多) they would misread.
            MoreThanWord::Yu | MoreThanWord::Duo
                if !matches!(kind, UnitKind::Percent)
                    && (!magnitude.is_empty() || number.is_whole()) =>
            {
                let word = if word == MoreThanWord::Yu {
                    "余"
                } else {
                    "多"
                };
                format!("{digits}{magnitude}{word}{unit_text}")
            }
            _ => format!("超{exact}"),
        },
    }
}

fn format_en(base: f64, unit: Unit, qualifier: Qualifier) -> String {
    let kind = unit_kind(unit);
    let (number, magnitude) = match kind {
        UnitKind::Money | UnitKind::Measure => pick_magnitude(base, &EN_MAGNITUDES),
        UnitKind::Count | UnitKind::Percent => pick_magnitude(base, &EN_MAGNITUDES[2..]),
    };
    let digits = number.render(Lang::En);
    // The number with its magnitude word joined by `joiner` (" " normally, "-" for a scale).
    let sized = |joiner: &str| {
        if magnitude.is_empty() {
            digits.clone()
        } else {
            format!("{digits}{joiner}{magnitude}")
        }
    };
    let with_unit = |amount: String| match kind {
        UnitKind::Money => format!("CNY {amount}"),
        UnitKind::Measure => format!("{amount} {}", en_measure_symbol(unit)),
        UnitKind::Percent => format!("{amount}%"),
        UnitKind::Count => match en_count_noun(unit) {
            Some((singular, _)) if digits == "1" => format!("{amount} {singular}"),
            Some((_, plural)) => format!("{amount} {plural}"),
            None => amount,
        },
    };
    let exact = with_unit(sized(" "));
    let text = match qualifier {
        Qualifier::Exact => exact,
        Qualifier::MoreThan => format!("over {exact}"),
        Qualifier::AtLeast => format!("{exact} or more"),
        Qualifier::About => format!("about {exact}"),
        Qualifier::Scale if magnitude.is_empty() => format!("on the order of {exact}"),
        Qualifier::Scale => format!("{} scale", with_unit(sized("-"))),
    };
    // English readers do not know the mu: hectares beside it, at 15 mu to the hectare.
    if unit == Unit::WanMu {
        let hectares = format_number((base / MU_PER_HECTARE).round(), Lang::En);
        format!("{text} (≈{hectares} ha)")
    } else {
        text
    }
}

/// Mu in a hectare (1 mu = 666.7 m²).
const MU_PER_HECTARE: f64 = 15.0;

/// A number rounded to a fixed count of decimals, kept as decimal digits.
struct RoundedNumber {
    /// Whether the number is below zero (false when it rounded to zero).
    negative: bool,
    /// Digits before the decimal point, without leading zeros (at least "0").
    integer: String,
    /// Digits after the decimal point: trimmed when rounding changed nothing, else exactly the
    /// requested count.
    fraction: String,
}

impl RoundedNumber {
    fn zero() -> Self {
        RoundedNumber {
            negative: false,
            integer: "0".to_string(),
            fraction: String::new(),
        }
    }

    /// Rounds `x` half away from zero to `decimals` decimals; `None` when `x` is not finite.
    ///
    /// Works on integers, not on formatted floats, whose rounding follows the binary value
    /// (`format!("{:.2}", 1.005)` is "1.00"): `x` is scaled to [`SIGNIFICANT_DIGITS`] digits and
    /// rounded to an integer, which washes out the last-bit noise of binary floats (49.82 × 10⁴ ÷ 10⁴ comes
    /// back as 49.82; 1.005 rounds to 1.01), then the digits beyond `decimals` are rounded off
    /// half away from zero.
    fn new(x: f64, decimals: usize) -> Option<Self> {
        if !x.is_finite() {
            return None;
        }
        // Guard digits fill the number up to 15 significant digits, what a float holds exactly.
        let integer_digits = integer_digit_count(x.abs());
        let guard_digits =
            (SIGNIFICANT_DIGITS - integer_digits - decimals as i64).clamp(0, 16) as u32;
        let scale = 10f64.powi(decimals as i32 + guard_digits as i32);
        let scaled = (x.abs() * scale).round();
        let (integer, fraction, changed) = if scaled < MAX_EXACT_SCALED {
            let scaled = scaled as u64;
            let guard = 10u64.pow(guard_digits);
            let (mut kept, dropped) = (scaled / guard, scaled % guard);
            if dropped * 2 >= guard {
                kept += 1;
            }
            let unit = 10u64.pow(decimals as u32);
            let fraction = format!("{:0width$}", kept % unit, width = decimals);
            ((kept / unit).to_string(), fraction, dropped != 0)
        } else {
            // Beyond 10¹⁸ no reader's figure lies; the whole part as the float holds it.
            (
                format!("{:.0}", x.abs().trunc()),
                "0".repeat(decimals),
                false,
            )
        };
        let fraction = if changed {
            fraction
        } else {
            fraction.trim_end_matches('0').to_owned()
        };
        let is_zero = integer == "0" && fraction.bytes().all(|b| b == b'0');
        Some(RoundedNumber {
            negative: x < 0.0 && !is_zero,
            integer,
            fraction,
        })
    }

    /// Whether the magnitude of the rounded number is at least 1.
    fn is_at_least_one(&self) -> bool {
        self.integer != "0"
    }

    /// Whether the printed number has no decimals.
    fn is_whole(&self) -> bool {
        self.fraction.is_empty()
    }

    /// The digits as printed: minus sign, integer part (grouped in English), decimals.
    fn render(&self, lang: Lang) -> String {
        let mut out = String::new();
        if self.negative {
            out.push(MINUS);
        }
        match lang {
            Lang::Zh => out.push_str(&self.integer),
            Lang::En => out.push_str(&group_thousands(&self.integer)),
        }
        if !self.fraction.is_empty() {
            out.push('.');
            out.push_str(&self.fraction);
        }
        out
    }
}

/// How many digits the whole part of `x` (≥ 0) has, at least 1.
fn integer_digit_count(x: f64) -> i64 {
    let mut digits = 1;
    let mut power = 10.0;
    while x >= power && digits < 400 {
        digits += 1;
        power *= 10.0;
    }
    digits
}

/// Puts a comma between every group of three integer digits: "498200" → "498,200".
fn group_thousands(integer: &str) -> String {
    let len = integer.len();
    let mut out = String::with_capacity(len + len / 3);
    for (index, ch) in integer.chars().enumerate() {
        if index > 0 && (len - index).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod rounding_tests {
    use super::*;

    /// Half away from zero on the shortest decimal form holds at any size, not just below 10:
    /// 150.015 is stored as 150.01499999…, and 150.015 × 100 is 15001.499999999998 in floats, yet
    /// it prints as 150.02, as 1.005 prints 1.01.
    #[test]
    fn halves_round_up_on_the_written_digits_at_every_size() {
        for (n, zh, en) in [
            (1.005, "1.01", "1.01"),
            (20.025, "20.03", "20.03"),
            (150.015, "150.02", "150.02"),
            (5000.025, "5000.03", "5,000.03"),
            (-20_000.045, "\u{2212}20000.05", "\u{2212}20,000.05"),
        ] {
            assert_eq!(format_number(n, Lang::Zh), zh, "{n}");
            assert_eq!(format_number(n, Lang::En), en, "{n}");
        }
    }
}
