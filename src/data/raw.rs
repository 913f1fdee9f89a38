//! The data file exactly as editors write it, decoded by serde (`decode`), no meaning checked
//! yet. `validate` turns these into the checked model. Every type refuses fields the format does
//! not know, and serde refuses a field written twice, so a misspelt or copied key is an error
//! rather than a silently wrong figure.

use serde::Deserialize;

use super::units::{Qualifier, Status, Unit};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawArticle {
    pub title_zh: String,
    pub title_en: String,
    pub dek_zh: String,
    pub dek_en: String,
    pub credit_zh: String,
    pub credit_en: String,
    /// The year the article's 今年 is, where its own sentences date it.
    #[serde(default)]
    pub this_year: Option<RawThisYear>,
}

/// The article's 今年 as a calendar year, and the sentences that write it out (2022年).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawThisYear {
    pub year: f64,
    pub sources: Vec<String>,
}

/// A sentence of the article, verbatim, with an English rendering.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub id: String,
    pub zh: String,
    pub en: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFigure {
    pub id: String,
    /// `null` or left out is allowed by the format so that a missing number is reported by
    /// name by the checks, not as a decoding error.
    #[serde(default)]
    pub value: Option<f64>,
    pub unit: Unit,
    #[serde(default)]
    pub qualifier: Qualifier,
    pub status: Status,
    pub label_zh: String,
    pub label_en: String,
    /// The words of the source sentence that state the number (计划总投资215亿元).
    pub written: String,
    #[serde(default)]
    pub period_zh: Option<String>,
    #[serde(default)]
    pub period_en: Option<String>,
    /// This figure is a part of that one (same unit, not larger).
    #[serde(default)]
    pub part_of: Option<String>,
    /// This figure is the sum of those ones.
    #[serde(default)]
    pub sum_of: Option<Vec<String>>,
    pub source: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawList {
    pub id: String,
    pub title_zh: String,
    pub title_en: String,
    pub items: Vec<RawItem>,
    /// The figure that counts this list's items.
    #[serde(default)]
    pub named_of: Option<RawNamedOf>,
    pub source: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNamedOf {
    pub figure: String,
    /// `true`: the list names all of them; `false`: some (the article's 等).
    pub complete: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawItem {
    pub zh: String,
    pub en: String,
    /// Figures the article itself ties to this item.
    #[serde(default)]
    pub figures: Vec<String>,
    #[serde(default)]
    pub note_zh: Option<String>,
    #[serde(default)]
    pub note_en: Option<String>,
}

/// The whole file, decoded: what `validate` checks.
#[derive(Debug, Clone)]
pub struct RawDataFile {
    pub article: RawArticle,
    pub sources: Vec<RawSource>,
    pub figures: Vec<RawFigure>,
    pub lists: Vec<RawList>,
}
