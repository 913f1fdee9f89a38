//! From JSON text to the raw types, entry by entry: an entry of the wrong shape is reported by
//! its name (`figure "x": invalid type: a string, expected f64`), and every such entry at once,
//! as the checks in `validate` report theirs. serde stops at the first error of a file decoded in
//! one piece, and its type errors name neither the entry nor the field.
//!
//! Native builds parse with serde_json; the page uses the browser's own JSON.parse through
//! serde-wasm-bindgen, which keeps a JSON parser out of the download.

use serde::de::DeserializeOwned;
use serde::Deserialize;

use super::error::DataProblem;
use super::raw::RawDataFile;

/// The file's top level, each entry still undecoded.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Outline {
    article: Entry,
    sources: Vec<Entry>,
    figures: Vec<Entry>,
    lists: Vec<Entry>,
}

/// Decodes a data file. `Err` lists a whole-file problem (not JSON, a top-level key missing or
/// unknown) or one problem per entry that does not decode.
pub fn decode_file(json: &str) -> Result<RawDataFile, Vec<DataProblem>> {
    let outline = parse_outline(json).map_err(|error| {
        vec![DataProblem {
            entry: None,
            problem: format!("not a valid data file: {error}"),
        }]
    })?;
    let mut problems = Vec::new();
    let article = decode_entry(outline.article, || "article".to_owned(), &mut problems);
    let sources = decode_all(outline.sources, "source", &mut problems);
    let figures = decode_all(outline.figures, "figure", &mut problems);
    let lists = decode_all(outline.lists, "list", &mut problems);
    match (article, problems.is_empty()) {
        (Some(article), true) => Ok(RawDataFile {
            article,
            sources,
            figures,
            lists,
        }),
        _ => Err(problems),
    }
}

fn decode_all<T: DeserializeOwned>(
    entries: Vec<Entry>,
    kind: &str,
    problems: &mut Vec<DataProblem>,
) -> Vec<T> {
    let mut decoded = Vec::with_capacity(entries.len());
    for (index, entry) in entries.into_iter().enumerate() {
        let name = entry_name(&entry, kind, index);
        decoded.extend(decode_entry(entry, || name, problems));
    }
    decoded
}

/// An entry named as the checks name it (`figure "x"`), or by its place without a usable id.
fn entry_name(entry: &Entry, kind: &str, index: usize) -> String {
    match entry.id() {
        Some(id) => format!("{kind} \"{id}\""),
        None => format!("{kind} no. {}", index + 1),
    }
}

fn decode_entry<T: DeserializeOwned>(
    entry: Entry,
    name: impl FnOnce() -> String,
    problems: &mut Vec<DataProblem>,
) -> Option<T> {
    match entry.decode() {
        Ok(decoded) => Some(decoded),
        Err(problem) => {
            report(problems, name(), problem);
            None
        }
    }
}

fn report(problems: &mut Vec<DataProblem>, entry: String, problem: String) {
    problems.push(DataProblem {
        entry: Some(entry),
        problem,
    });
}

#[cfg(not(target_arch = "wasm32"))]
mod parser {
    use serde::de::DeserializeOwned;
    use serde::Deserialize;

    /// One entry of the file, parsed but not yet decoded.
    #[derive(Deserialize)]
    pub struct Entry(serde_json::Value);

    impl Entry {
        pub fn id(&self) -> Option<&str> {
            self.0.get("id")?.as_str()
        }

        pub fn decode<T: DeserializeOwned>(self) -> Result<T, String> {
            serde_json::from_value(self.0).map_err(|error| error.to_string())
        }
    }

    /// serde_json's messages give the line and column of a syntax error.
    pub fn parse_outline(json: &str) -> Result<super::Outline, String> {
        serde_json::from_str(json).map_err(|error| error.to_string())
    }
}

#[cfg(target_arch = "wasm32")]
mod parser {
    use serde::de::DeserializeOwned;
    use serde::Deserialize;
    use wasm_bindgen::JsValue;

    /// One entry of the file: the browser's parsed object, decoded when asked.
    #[derive(Deserialize)]
    pub struct Entry(#[serde(with = "serde_wasm_bindgen::preserve")] JsValue);

    impl Entry {
        pub fn id(&self) -> Option<String> {
            js_sys::Reflect::get(&self.0, &JsValue::from_str("id"))
                .ok()?
                .as_string()
        }

        pub fn decode<T: DeserializeOwned>(self) -> Result<T, String> {
            serde_wasm_bindgen::from_value(self.0).map_err(mend)
        }
    }

    pub fn parse_outline(json: &str) -> Result<super::Outline, String> {
        let value = js_sys::JSON::parse(json)
            .map_err(|error| String::from(js_sys::Error::from(error).message()))?;
        serde_wasm_bindgen::from_value(value).map_err(mend)
    }

    /// Release builds format Debug as nothing (-Zfmt-debug=none, scripts/env.sh), which leaves
    /// an empty slot in two of serde's messages: the "x" of `invalid type: string "x", expected
    /// f64`, and the whole value where JSON has an array or an object (serde-wasm-bindgen shows
    /// those as a JsValue's Debug text).
    /// Also drops the "Error: " that the JS error object's text starts with.
    fn mend(error: serde_wasm_bindgen::Error) -> String {
        let text = error.to_string();
        text.strip_prefix("Error: ")
            .unwrap_or(&text)
            .replace("string , ", "a string, ")
            .replace("invalid type: , ", "invalid type: an array or object, ")
    }
}

use parser::{parse_outline, Entry};
