//! The article's figures: the data file, its validation, and the checked model.

mod decode;
mod error;
mod model;
mod raw;
mod units;
mod validate;

pub use error::{DataError, DataProblem};
pub use model::{
    ArticleMeta, Bilingual, Dataset, DerivedYear, Figure, ListItem, MissingEntry, NamedList, Source,
};
pub use raw::{RawDataFile, RawFigure, RawItem, RawList, RawNamedOf, RawSource, RawThisYear};
pub use units::{qualifies_a_number, MoreThanWord, Qualifier, Status, Unit};
pub use validate::parse_dataset;

/// The article, verbatim: every source sentence must be a substring of it.
pub const ARTICLE_TEXT: &str = include_str!("../../source/article.zh.txt");
/// The data file compiled into the page, so it starts without a fetch: `data/article.json` as
/// editors write it, so an error in it names the line they see.
pub const DEFAULT_DATA_JSON: &str = include_str!("../../data/article.json");
/// The name the default data file is reported under.
pub const DEFAULT_DATA_FILE: &str = "data/article.json";

/// The embedded data set, checked. Native builds (tests, tools) check the sentences against the
/// article too; the page leaves the article out of its download, as CI has checked it.
pub fn load_default() -> Result<Dataset, DataError> {
    #[cfg(not(target_arch = "wasm32"))]
    let article = Some(ARTICLE_TEXT);
    #[cfg(target_arch = "wasm32")]
    let article = None;
    parse_dataset(DEFAULT_DATA_FILE, DEFAULT_DATA_JSON, article)
}
