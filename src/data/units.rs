//! The vocabulary of a figure: its unit, how the article qualifies it, and what kind of claim it is.
//! The data file names each by the `serde` renames below; `symbol` and `json_name` give the same
//! names back for the page and for messages (tests/data.rs reads every one back).

use serde::Deserialize;

/// A unit as the article writes it, magnitude included: the stored value is the number printed
/// before this unit (215 with `YiYuan` is 215亿元).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
pub enum Unit {
    /// 亿元, hundred million yuan.
    #[serde(rename = "亿元")]
    YiYuan,
    /// 万平方米, ten thousand square metres.
    #[serde(rename = "万平方米")]
    WanSquareMetres,
    /// 万亩, ten thousand mu.
    #[serde(rename = "万亩")]
    WanMu,
    /// 公顷, hectares.
    #[serde(rename = "公顷")]
    Hectares,
    /// 户, households (also the article's measure for enterprises counted in a register).
    #[serde(rename = "户")]
    Households,
    /// 户 counting enterprises, as the article counts those above designated size (300户).
    #[serde(rename = "户（企业）")]
    EnterpriseHouseholds,
    /// 家, enterprises.
    #[serde(rename = "家")]
    Enterprises,
    /// 个, a generic count (projects, areas, products, dimensions).
    #[serde(rename = "个")]
    Count,
    /// 款, product lines.
    #[serde(rename = "款")]
    Products,
    /// 处, sites.
    #[serde(rename = "处")]
    Sites,
    /// %, a percentage (growth rates).
    #[serde(rename = "%")]
    Percent,
}

impl Unit {
    /// Every unit, for tests and the format's documentation.
    pub const ALL: [Unit; 11] = [
        Unit::YiYuan,
        Unit::WanSquareMetres,
        Unit::WanMu,
        Unit::Hectares,
        Unit::Households,
        Unit::EnterpriseHouseholds,
        Unit::Enterprises,
        Unit::Count,
        Unit::Products,
        Unit::Sites,
        Unit::Percent,
    ];

    /// The unit as the article and the data file write it.
    pub fn symbol(self) -> &'static str {
        match self {
            Unit::YiYuan => "亿元",
            Unit::WanSquareMetres => "万平方米",
            Unit::WanMu => "万亩",
            Unit::Hectares => "公顷",
            Unit::Households => "户",
            Unit::EnterpriseHouseholds => "户（企业）",
            Unit::Enterprises => "家",
            Unit::Count => "个",
            Unit::Products => "款",
            Unit::Sites => "处",
            Unit::Percent => "%",
        }
    }

    /// How many base units (yuan, m², mu, …) one of this unit holds.
    pub fn multiplier(self) -> f64 {
        match self {
            Unit::YiYuan => 1e8,
            Unit::WanSquareMetres | Unit::WanMu => 1e4,
            _ => 1.0,
        }
    }
}

/// How the article qualifies a number, in its own words.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// The number as it stands.
    #[default]
    Exact,
    /// 破 / 突破 / 余 / 多 / 超: more than the number.
    MoreThan,
    /// 以上 / 至少 / 不低于 / 不少于: the number or more (以上 counts the number itself, as in
    /// 10%以上).
    AtLeast,
    /// 约 / 左右: about the number.
    About,
    /// 级: of the number's order of magnitude (500亿级, 百亿级).
    Scale,
}

impl Qualifier {
    pub const ALL: [Qualifier; 5] = [
        Qualifier::Exact,
        Qualifier::MoreThan,
        Qualifier::AtLeast,
        Qualifier::About,
        Qualifier::Scale,
    ];

    /// The name the data file gives the qualifier (`"more_than"`), for messages to its editors.
    pub const fn json_name(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::MoreThan => "more_than",
            Qualifier::AtLeast => "at_least",
            Qualifier::About => "about",
            Qualifier::Scale => "scale",
        }
    }
}

/// The word the article says "more than" (or, with 以上, "at least") with, which Chinese display keeps: 300多户 would say
/// three hundred and some (under 400) where the article writes 突破300户, with no upper bound.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MoreThanWord {
    /// 超, for the article's 破, 突破 and 超: past the number, by any amount.
    Chao,
    /// 余 after the number: 2万余亩, 百余家.
    Yu,
    /// 多 after the number: 1500多公顷.
    Duo,
    /// 以上 after the number: 增长10%以上, which says "at least" (the number itself counts).
    YiShang,
}

impl MoreThanWord {
    /// The word `written` (the figure as the article writes it) uses next to its number;
    /// 超 when it uses none of 余, 多 and 以上.
    pub fn in_written(written: &str) -> MoreThanWord {
        [
            ("以上", MoreThanWord::YiShang),
            ("余", MoreThanWord::Yu),
            ("多", MoreThanWord::Duo),
        ]
        .into_iter()
        .find(|(word, _)| qualifies_a_number(written, word))
        .map_or(MoreThanWord::Chao, |(_, found)| found)
    }

    /// The word for an amount with no wording of its own (a derived sum): 超, or 以上 for a rate
    /// as the article writes one (for "at least"; a rate "more than" is 超).
    pub fn plain(unit: Unit) -> MoreThanWord {
        if unit == Unit::Percent {
            MoreThanWord::YiShang
        } else {
            MoreThanWord::Chao
        }
    }
}

/// Whether `word` occurs in `text` next to a number (破千亿, 2万余, 1500多, 10%以上, 百亿级),
/// not inside another word (市级, 多彩).
pub fn qualifies_a_number(text: &str, word: &str) -> bool {
    let numeric = |c: Option<char>| {
        c.is_some_and(|c| {
            c.is_ascii_digit() || c == '%' || "一两二三四五六七八九十百千万亿".contains(c)
        })
    };
    text.match_indices(word).any(|(at, _)| {
        numeric(text[..at].chars().next_back()) || numeric(text[at + word.len()..].chars().next())
    })
}

/// What kind of claim a figure is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Something that has happened (完成, 实现, 开工).
    Result,
    /// Something the district says it will do (将, 计划).
    Plan,
    /// A goal it strives for (力争, 打造 … 级).
    Target,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Result, Status::Plan, Status::Target];

    /// The name the data file gives the status (`"target"`).
    pub const fn json_name(self) -> &'static str {
        match self {
            Status::Result => "result",
            Status::Plan => "plan",
            Status::Target => "target",
        }
    }
}

#[cfg(test)]
mod multiplier_tests {
    use super::Unit;

    /// A stored value is the number the article prints before its unit, so the unit's 亿 or 万
    /// is the factor to the base unit: 215 亿元 is 21,500,000,000 yuan, 2 万亩 is 20,000 mu, and a
    /// unit without either (公顷, 户, %, …) counts its base unit itself.
    #[test]
    fn the_multiplier_is_the_units_own_yi_or_wan() {
        for unit in Unit::ALL {
            let expected = match unit.symbol().chars().next() {
                Some('亿') => 1e8,
                Some('万') => 1e4,
                _ => 1.0,
            };
            assert_eq!(unit.multiplier(), expected, "{}", unit.symbol());
        }
        assert_eq!(215.0 * Unit::YiYuan.multiplier(), 21_500_000_000.0);
        assert_eq!(Unit::Percent.multiplier(), 1.0);
    }
}

#[cfg(test)]
mod more_than_word_tests {
    use super::{MoreThanWord, Unit};

    /// An amount with no wording of its own (a derived sum) says "more than" with 超 in every
    /// unit; a rate says "at least" as the article writes one, with 以上 (10%以上).
    #[test]
    fn a_plain_amount_says_chao_and_a_rate_yishang() {
        for unit in Unit::ALL {
            let expected = if unit.symbol() == "%" {
                MoreThanWord::YiShang
            } else {
                MoreThanWord::Chao
            };
            assert_eq!(MoreThanWord::plain(unit), expected, "{}", unit.symbol());
        }
    }

    /// The article's own word next to its number, 超 for 破, 突破 and 超, and none inside a word.
    #[test]
    fn the_written_word_is_kept() {
        for (written, word) in [
            ("增长10%以上", MoreThanWord::YiShang),
            ("2万余亩", MoreThanWord::Yu),
            ("百余家", MoreThanWord::Yu),
            ("1500多公顷", MoreThanWord::Duo),
            ("突破300户", MoreThanWord::Chao),
            ("超215亿元", MoreThanWord::Chao),
            ("多彩乡村10个", MoreThanWord::Chao),
        ] {
            assert_eq!(MoreThanWord::in_written(written), word, "{written}");
        }
    }
}
