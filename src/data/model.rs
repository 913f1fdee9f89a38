//! The checked model: every reference resolved, every figure traced to its sentence.

use std::rc::Rc;

use crate::lang::Lang;

use super::units::{Qualifier, Status, Unit};

/// A piece of text in both languages.
#[derive(Debug, Clone, PartialEq)]
pub struct Bilingual {
    pub zh: String,
    pub en: String,
}

impl Bilingual {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Bilingual {
            zh: zh.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.zh, &self.en)
    }
}

/// A sentence of the article (verbatim in `text.zh`) with its English rendering.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub id: String,
    pub text: Bilingual,
}

impl Source {
    /// The Chinese sentence for display: the article's page breaks that fall inside a
    /// sentence are removed (Chinese needs no space there).
    pub fn display_zh(&self) -> String {
        self.text.zh.chars().filter(|c| *c != '\n').collect()
    }
}

/// A number the article states.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub id: String,
    /// In `unit`, as the article prints it (215 for 215亿元).
    pub value: f64,
    pub unit: Unit,
    pub qualifier: Qualifier,
    pub status: Status,
    pub label: Bilingual,
    pub written: String,
    pub period: Option<Bilingual>,
    /// The calendar year of a period of 今年 or 去年, where the article dates its 今年.
    pub year: Option<DerivedYear>,
    pub part_of: Option<String>,
    pub source: Rc<Source>,
}

/// A calendar year we derived, not one the article states next to the figure: the year the
/// article writes out elsewhere (2022年) for its 今年, or the one before for 去年.
#[derive(Debug, Clone, PartialEq)]
pub struct DerivedYear {
    pub year: i32,
    /// The sentences that write the article's 今年 out.
    pub sources: Vec<Rc<Source>>,
}

/// One named thing in an enumeration of the article.
#[derive(Debug, Clone, PartialEq)]
pub struct ListItem {
    pub name: Bilingual,
    /// Ids of figures the article ties to this item.
    pub figures: Vec<String>,
    pub note: Option<Bilingual>,
}

/// An enumeration of the article: named places, enterprises, industries.
#[derive(Debug, Clone, PartialEq)]
pub struct NamedList {
    pub id: String,
    pub title: Bilingual,
    pub items: Vec<ListItem>,
    /// The figure counting the items, and whether the list names all of them.
    pub named_of: Option<(String, bool)>,
    /// Whether the article names them all: `false` where it closes the list with 等 or 为代表
    /// (such as, represented by), so that the page says the list is incomplete.
    pub complete: bool,
    pub source: Rc<Source>,
}

/// Title, dek and credit of the article.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleMeta {
    pub title: Bilingual,
    pub dek: Bilingual,
    pub credit: Bilingual,
    /// The article's 今年, where its sentences date it.
    pub this_year: Option<DerivedYear>,
}

/// The whole checked data set.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    pub article: ArticleMeta,
    pub figures: Vec<Figure>,
    pub lists: Vec<NamedList>,
    pub sources: Vec<Rc<Source>>,
}

/// A chart asked for an entry the data set lacks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingEntry {
    pub kind: &'static str,
    pub id: String,
}

impl std::fmt::Display for MissingEntry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the data has no {} \"{}\"", self.kind, self.id)
    }
}

impl Dataset {
    pub fn figure(&self, id: &str) -> Result<&Figure, MissingEntry> {
        self.figures
            .iter()
            .find(|figure| figure.id == id)
            .ok_or_else(|| MissingEntry {
                kind: "figure",
                id: id.to_owned(),
            })
    }

    /// The figures of `ids`, in order.
    pub fn figures_of(&self, ids: &[&str]) -> Result<Vec<&Figure>, MissingEntry> {
        ids.iter().map(|id| self.figure(id)).collect()
    }

    pub fn list(&self, id: &str) -> Result<&NamedList, MissingEntry> {
        self.lists
            .iter()
            .find(|list| list.id == id)
            .ok_or_else(|| MissingEntry {
                kind: "list",
                id: id.to_owned(),
            })
    }
}

#[cfg(test)]
mod lookup_tests {
    use crate::data::load_default;

    /// A chart asks for its entries by id: it gets them in the order it asked, or the first one
    /// missing, which the page shows in the chart's place (src/components/chart_canvas.rs).
    #[test]
    fn entries_by_id_in_order_or_the_one_missing() {
        let dataset = load_default().unwrap();
        let ids = ["major_projects_investment", "major_projects_count"];
        let figures = dataset.figures_of(&ids).unwrap();
        let found: Vec<&str> = figures.iter().map(|figure| figure.id.as_str()).collect();
        assert_eq!(found, ids);
        assert_eq!(
            figures[1].value,
            dataset.figure("major_projects_count").unwrap().value
        );
        assert!(dataset.figures_of(&[]).unwrap().is_empty());

        let missing = dataset
            .figures_of(&["major_projects_count", "nowhere", "elsewhere"])
            .unwrap_err();
        assert_eq!(missing.to_string(), "the data has no figure \"nowhere\"");
        assert_eq!(
            dataset.list("nothing").unwrap_err().to_string(),
            "the data has no list \"nothing\""
        );
        assert_eq!(
            dataset.list("emerging_industries").unwrap().id,
            "emerging_industries"
        );
    }
}
