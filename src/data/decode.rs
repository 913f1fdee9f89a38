//! From the data file's text to the raw types, with serde_json, in the page and natively alike.
//!
//! The file is read in two steps so that one broken entry does not hide the others: first its
//! outline (the four parts, each entry kept as its unparsed text), then each entry on its own.
//! A problem names the entry as the checks name it (`figure "x"`), the field by its path
//! (``field `items`: item 2: field `zh` ``), and the line and column in the file.
//!
//! serde_json rather than the browser's `JSON.parse`: `JSON.parse` keeps the last of two equal
//! keys without a word, where serde's derive refuses a field written twice.

use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::value::RawValue;

use super::error::DataProblem;
use super::raw::{RawArticle, RawDataFile};

/// The file's four parts, their entries not yet decoded.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Outline<'a> {
    #[serde(borrow)]
    article: &'a RawValue,
    #[serde(borrow)]
    sources: Vec<&'a RawValue>,
    #[serde(borrow)]
    figures: Vec<&'a RawValue>,
    #[serde(borrow)]
    lists: Vec<&'a RawValue>,
}

/// Just the id of an entry that does not decode, to name it.
#[derive(Deserialize)]
struct IdOf {
    id: String,
}

/// Decodes a data file. `Err` lists a whole-file problem (not JSON, a part missing, unknown or
/// written twice) or one problem per entry that does not decode.
pub fn decode_file(text: &str) -> Result<RawDataFile, Vec<DataProblem>> {
    let outline: Outline = serde_json::from_str(text).map_err(|error| {
        vec![DataProblem {
            entry: None,
            problem: format!("not a valid data file: {error}"),
        }]
    })?;
    let mut problems = Vec::new();
    let mut entries = Entries {
        text,
        problems: &mut problems,
    };
    let article = entries.decode::<RawArticle>(outline.article, || "article".to_owned());
    let sources = entries.decode_all(&outline.sources, "source");
    let figures = entries.decode_all(&outline.figures, "figure");
    let lists = entries.decode_all(&outline.lists, "list");
    match article {
        Some(article) if problems.is_empty() => Ok(RawDataFile {
            article,
            sources,
            figures,
            lists,
        }),
        _ => Err(problems),
    }
}

/// Decodes the entries of one file, collecting their problems.
struct Entries<'a> {
    text: &'a str,
    problems: &'a mut Vec<DataProblem>,
}

impl Entries<'_> {
    fn decode_all<T: DeserializeOwned>(&mut self, raws: &[&RawValue], kind: &str) -> Vec<T> {
        raws.iter()
            .enumerate()
            .filter_map(|(index, raw)| {
                // Named as the checks name it (`figure "x"`), or by its place without an id.
                self.decode(raw, || match serde_json::from_str::<IdOf>(raw.get()) {
                    Ok(IdOf { id }) => format!("{kind} \"{id}\""),
                    Err(_) => format!("{kind} no. {}", index + 1),
                })
            })
            .collect()
    }

    fn decode<T: DeserializeOwned>(
        &mut self,
        raw: &RawValue,
        name: impl FnOnce() -> String,
    ) -> Option<T> {
        let mut parser = serde_json::Deserializer::from_str(raw.get());
        serde_path_to_error::deserialize(&mut parser)
            .map_err(|error| {
                let problem = self.describe(raw, &error);
                self.problems.push(DataProblem {
                    entry: Some(name()),
                    problem,
                });
            })
            .ok()
    }

    /// ``field `items`: item 2: field `zh`: invalid type: … (line 40, column 18)``.
    fn describe(
        &self,
        raw: &RawValue,
        error: &serde_path_to_error::Error<serde_json::Error>,
    ) -> String {
        use serde_path_to_error::Segment;
        let mut parts: Vec<String> = error
            .path()
            .iter()
            .filter_map(|segment| match segment {
                Segment::Map { key } => Some(format!("field `{key}`")),
                Segment::Seq { index } => Some(format!("item {}", index + 1)),
                Segment::Enum { .. } | Segment::Unknown => None,
            })
            .collect();
        let inner = error.inner();
        // serde_json ends its message with the position in the entry's own text; the file's is
        // the one an editor can go to.
        let message = inner.to_string();
        let message = match message.rfind(" at line ") {
            Some(at) => &message[..at],
            None => &message,
        };
        let (line, column) = self.position(raw, inner.line(), inner.column());
        parts.push(format!("{message} (line {line}, column {column})"));
        parts.join(": ")
    }

    /// The file's line and column of a position given in `raw`'s own text.
    fn position(&self, raw: &RawValue, line: usize, column: usize) -> (usize, usize) {
        // `raw` borrows its text from the file's (`Outline` is decoded without copies).
        let offset = (raw.get().as_ptr() as usize).saturating_sub(self.text.as_ptr() as usize);
        let before = self.text.get(..offset).unwrap_or_default();
        let start_line = before.matches('\n').count() + 1;
        let start_column = before.len() - before.rfind('\n').map_or(0, |at| at + 1) + 1;
        match line {
            1 => (start_line, start_column + column.saturating_sub(1)),
            _ => (start_line + line - 1, column),
        }
    }
}
