//! The vocabulary of a figure: its unit, how the article qualifies it, and what kind of claim it is.

use serde::{Deserialize, Serialize};

/// A unit as the article writes it, magnitude included: the stored value is the number printed
/// before this unit (215 with `YiYuan` is 215亿元).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// The number as it stands.
    #[default]
    Exact,
    /// 破 / 突破 / 余 / 多 / 以上 / 超: more than the number.
    MoreThan,
    /// 至少 / 不低于 / 不少于: the number or more (the article has none).
    AtLeast,
    /// 约 / 左右: about the number.
    About,
    /// 级: of the number's order of magnitude (500亿级, 百亿级).
    Scale,
}

/// What kind of claim a figure is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Something that has happened (完成, 实现, 开工).
    Result,
    /// Something the district says it will do (将, 计划).
    Plan,
    /// A goal it strives for (力争, 打造 … 级).
    Target,
}
