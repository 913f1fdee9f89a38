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
/// `data/article.json` as editors write it, so that an error in it names the line they see:
/// checked and drawn by the build, which writes it into every page it pre-renders (the page reads
/// it from there, `prerender::data_script`), and by the tests.
pub const DEFAULT_DATA_JSON: &str = include_str!("../../data/article.json");
/// The name the default data file is reported under.
pub const DEFAULT_DATA_FILE: &str = "data/article.json";

/// The compiled-in data set, checked. Native builds (the build's tools, tests) check the
/// sentences against the article too; the browser tests leave the article out.
pub fn load_default() -> Result<Dataset, DataError> {
    #[cfg(not(target_arch = "wasm32"))]
    let article = Some(ARTICLE_TEXT);
    #[cfg(target_arch = "wasm32")]
    let article = None;
    parse_dataset(DEFAULT_DATA_FILE, DEFAULT_DATA_JSON, article)
}
