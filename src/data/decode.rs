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

#[cfg(test)]
mod position_tests {
    use super::*;
    use crate::data::DEFAULT_DATA_JSON;

    /// The text of the file up to the position a problem gives: its line, then `column` bytes.
    fn up_to<'a>(text: &'a str, problem: &str) -> &'a str {
        let at = problem.rfind("(line ").expect("a position");
        let (line, column) = problem[at + 6..]
            .trim_end_matches(')')
            .split_once(", column ")
            .expect("line and column");
        let (line, column): (usize, usize) = (line.parse().unwrap(), column.parse().unwrap());
        let line_text = text
            .split('\n')
            .nth(line - 1)
            .expect("the line is in the file");
        &line_text[..column]
    }

    /// The data file with the figure "major_projects_count" valued "ten", that figure written on
    /// one line where the figures begin, after `  "figures": [`; or the whole file on one line.
    fn broken_file(one_line: bool) -> String {
        let mut json: serde_json::Value = serde_json::from_str(DEFAULT_DATA_JSON).unwrap();
        let figures = json["figures"].as_array_mut().unwrap();
        let at = figures
            .iter()
            .position(|figure| figure["id"] == "major_projects_count")
            .unwrap();
        let mut figure = figures.remove(at);
        figure["value"] = serde_json::json!("ten");
        let figure = serde_json::to_string(&figure).unwrap();
        if one_line {
            let file = serde_json::to_string(&json).unwrap();
            file.replacen("\"figures\":[", &format!("\"figures\":[{figure},"), 1)
        } else {
            let file = serde_json::to_string_pretty(&json).unwrap();
            file.replacen("\"figures\": [", &format!("\"figures\": [{figure},"), 1)
        }
    }

    /// A problem on the first line of an entry that starts part-way along a line of the file is
    /// placed in the file, not in the entry's own text: the editor's cursor lands on the value.
    #[test]
    fn a_problem_on_an_entrys_first_line_is_placed_in_the_files_line() {
        for one_line in [false, true] {
            let text = broken_file(one_line);
            let Err(problems) = decode_file(&text) else {
                panic!("the value \"ten\" is accepted");
            };
            assert_eq!(problems.len(), 1, "{problems:?}");
            let problem = &problems[0];
            assert_eq!(
                problem.entry.as_deref(),
                Some("figure \"major_projects_count\"")
            );
            assert!(
                problem.problem.starts_with("field `value`: invalid type"),
                "{problem}"
            );
            let line = 1 + text
                .split('\n')
                .position(|line| line.contains("\"figures\":") || line.contains("\"figures\": "))
                .unwrap();
            assert_eq!(line == 1, one_line);
            assert!(
                problem.problem.contains(&format!("(line {line}, column ")),
                "{problem}"
            );
            assert!(
                up_to(&text, &problem.problem).ends_with(r#""value":"ten""#),
                "{problem}: {}",
                up_to(&text, &problem.problem)
            );
        }
    }
}
