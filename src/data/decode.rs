//! From a parsed data file to the raw types, entry by entry: an entry of the wrong shape is
//! reported by its name and field (``figure "x": field `value`: invalid type: string "13",
//! expected a number``), and every such entry at once, as the checks in `validate` report theirs.
//!
//! Written out rather than derived with serde: serde's generic decoding was 11.5 KB (gzip) of the
//! page's wasm, a tenth of it, for four plain structs (README, "Where the bytes go").

use super::error::DataProblem;
use super::json::{self, Json};
use super::raw::{
    RawArticle, RawDataFile, RawFigure, RawItem, RawList, RawNamedOf, RawSource, RawThisYear,
};
use super::units::{Qualifier, Status, Unit};

/// Decodes a data file. `Err` lists a whole-file problem (not JSON, a top-level key missing or
/// unknown) or one problem per entry that does not decode.
pub fn decode_file(text: &str) -> Result<RawDataFile, Vec<DataProblem>> {
    let (article, sources, figures, lists) = outline(text).map_err(|problem| {
        vec![DataProblem {
            entry: None,
            problem: format!("not a valid data file: {problem}"),
        }]
    })?;
    let mut problems = Vec::new();
    let article = decode_entry(article, "article".to_owned(), &mut problems);
    let sources = decode_all(sources, "source", &mut problems);
    let figures = decode_all(figures, "figure", &mut problems);
    let lists = decode_all(lists, "list", &mut problems);
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

/// The file's four parts, their entries not yet decoded.
type Outline = (Json, Vec<Json>, Vec<Json>, Vec<Json>);

fn outline(text: &str) -> Result<Outline, String> {
    let mut file = Fields::of(json::parse(text)?)?;
    let parts = (
        file.required("article")?,
        file.required("sources")?,
        file.required("figures")?,
        file.required("lists")?,
    );
    file.finish().map(|()| parts)
}

fn decode_all<T: Decode>(
    entries: Vec<Json>,
    kind: &str,
    problems: &mut Vec<DataProblem>,
) -> Vec<T> {
    let mut decoded = Vec::with_capacity(entries.len());
    for (index, entry) in entries.into_iter().enumerate() {
        // An entry is named as the checks name it (`figure "x"`), or by its place without an id.
        let name = match entry.get("id") {
            Some(Json::String(id)) => format!("{kind} \"{id}\""),
            _ => format!("{kind} no. {}", index + 1),
        };
        decoded.extend(decode_entry(entry, name, problems));
    }
    decoded
}

fn decode_entry<T: Decode>(
    entry: Json,
    name: String,
    problems: &mut Vec<DataProblem>,
) -> Option<T> {
    T::decode(entry)
        .map_err(|problem| {
            problems.push(DataProblem {
                entry: Some(name),
                problem,
            })
        })
        .ok()
}

/// A value the data file holds. `Err` says what is wrong, in an editor's words.
trait Decode: Sized {
    fn decode(value: Json) -> Result<Self, String>;
}

fn invalid(found: &Json, expected: &str) -> String {
    format!("invalid type: {}, expected {expected}", found.describe())
}

impl Decode for Json {
    fn decode(value: Json) -> Result<Self, String> {
        Ok(value)
    }
}

impl Decode for String {
    fn decode(value: Json) -> Result<Self, String> {
        match value {
            Json::String(text) => Ok(text),
            other => Err(invalid(&other, "a string")),
        }
    }
}

impl Decode for f64 {
    fn decode(value: Json) -> Result<Self, String> {
        match value {
            Json::Number(number) => Ok(number),
            other => Err(invalid(&other, "a number")),
        }
    }
}

impl Decode for bool {
    fn decode(value: Json) -> Result<Self, String> {
        match value {
            Json::Bool(flag) => Ok(flag),
            other => Err(invalid(&other, "true or false")),
        }
    }
}

impl<T: Decode> Decode for Vec<T> {
    fn decode(value: Json) -> Result<Self, String> {
        let Json::Array(items) = value else {
            return Err(invalid(&value, "an array"));
        };
        let mut decoded = Vec::with_capacity(items.len());
        for (index, item) in items.into_iter().enumerate() {
            decoded
                .push(T::decode(item).map_err(|problem| format!("item {}: {problem}", index + 1))?);
        }
        Ok(decoded)
    }
}

/// One of a closed set of names, such as a unit (`"亿元"`); the error lists them all.
fn one_of<T: Copy>(value: Json, all: &[T], name: impl Fn(T) -> &'static str) -> Result<T, String> {
    let text = String::decode(value)?;
    all.iter()
        .copied()
        .find(|&variant| name(variant) == text)
        .ok_or_else(|| {
            let names: Vec<_> = all
                .iter()
                .map(|&variant| format!("`{}`", name(variant)))
                .collect();
            format!(
                "unknown variant `{text}`, expected one of {}",
                names.join(", ")
            )
        })
}

impl Decode for Unit {
    fn decode(value: Json) -> Result<Self, String> {
        one_of(value, &Unit::ALL, Unit::symbol)
    }
}

impl Decode for Qualifier {
    fn decode(value: Json) -> Result<Self, String> {
        one_of(value, &Qualifier::ALL, Qualifier::json_name)
    }
}

impl Decode for Status {
    fn decode(value: Json) -> Result<Self, String> {
        one_of(value, &Status::ALL, Status::json_name)
    }
}

#[inline(never)]
fn in_field(key: &str, problem: String) -> String {
    format!("field `{key}`: {problem}")
}

/// An object's fields, taken one by one; those left at the end are unknown to the format.
struct Fields(Vec<(String, Json)>);

impl Fields {
    fn of(value: Json) -> Result<Fields, String> {
        match value {
            Json::Object(fields) => Ok(Fields(fields)),
            other => Err(invalid(&other, "an object")),
        }
    }

    fn take(&mut self, key: &str) -> Option<Json> {
        let at = self.0.iter().position(|(name, _)| name == key)?;
        Some(self.0.swap_remove(at).1)
    }

    // The work that does not depend on the field's type stays out of line, in one copy: inlined
    // at each of the thirty-odd field reads it made the loader larger.
    #[inline(never)]
    fn take_required(&mut self, key: &str) -> Result<Json, String> {
        self.take(key)
            .ok_or_else(|| format!("missing field `{key}`"))
    }

    fn required<T: Decode>(&mut self, key: &str) -> Result<T, String> {
        T::decode(self.take_required(key)?).map_err(|problem| in_field(key, problem))
    }

    /// A field that may be left out or given as `null`.
    fn optional<T: Decode>(&mut self, key: &str) -> Result<Option<T>, String> {
        match self.take(key) {
            None | Some(Json::Null) => Ok(None),
            Some(value) => T::decode(value)
                .map(Some)
                .map_err(|problem| in_field(key, problem)),
        }
    }

    /// The first unknown field in alphabetical order, so a message is the same on every run.
    fn finish(self) -> Result<(), String> {
        match self.0.iter().map(|(key, _)| key).min() {
            Some(key) => Err(format!("unknown field `{key}`")),
            None => Ok(()),
        }
    }
}

impl Decode for RawArticle {
    fn decode(value: Json) -> Result<Self, String> {
        let mut fields = Fields::of(value)?;
        let article = RawArticle {
            title_zh: fields.required("title_zh")?,
            title_en: fields.required("title_en")?,
            dek_zh: fields.required("dek_zh")?,
            dek_en: fields.required("dek_en")?,
            credit_zh: fields.required("credit_zh")?,
            credit_en: fields.required("credit_en")?,
            this_year: fields.optional("this_year")?,
        };
        fields.finish().map(|()| article)
    }
}

impl Decode for RawThisYear {
    fn decode(value: Json) -> Result<Self, String> {
        let mut fields = Fields::of(value)?;
        let this_year = RawThisYear {
            year: fields.required("year")?,
            sources: fields.required("sources")?,
        };
        fields.finish().map(|()| this_year)
    }
}

impl Decode for RawSource {
    fn decode(value: Json) -> Result<Self, String> {
        let mut fields = Fields::of(value)?;
        let source = RawSource {
            id: fields.required("id")?,
            zh: fields.required("zh")?,
            en: fields.required("en")?,
        };
        fields.finish().map(|()| source)
    }
}

impl Decode for RawFigure {
    fn decode(value: Json) -> Result<Self, String> {
        let mut fields = Fields::of(value)?;
        let figure = RawFigure {
            id: fields.required("id")?,
            // Optional so that a missing number is reported by name by the checks.
            value: fields.optional("value")?,
            unit: fields.required("unit")?,
            qualifier: fields.optional("qualifier")?.unwrap_or_default(),
            status: fields.required("status")?,
            label_zh: fields.required("label_zh")?,
            label_en: fields.required("label_en")?,
            written: fields.required("written")?,
            period_zh: fields.optional("period_zh")?,
            period_en: fields.optional("period_en")?,
            part_of: fields.optional("part_of")?,
            sum_of: fields.optional("sum_of")?,
            source: fields.required("source")?,
        };
        fields.finish().map(|()| figure)
    }
}

impl Decode for RawList {
    fn decode(value: Json) -> Result<Self, String> {
        let mut fields = Fields::of(value)?;
        let list = RawList {
            id: fields.required("id")?,
            title_zh: fields.required("title_zh")?,
            title_en: fields.required("title_en")?,
            items: fields.required("items")?,
            named_of: fields.optional("named_of")?,
            source: fields.required("source")?,
        };
        fields.finish().map(|()| list)
    }
}

impl Decode for RawNamedOf {
    fn decode(value: Json) -> Result<Self, String> {
        let mut fields = Fields::of(value)?;
        let named_of = RawNamedOf {
            figure: fields.required("figure")?,
            complete: fields.required("complete")?,
        };
        fields.finish().map(|()| named_of)
    }
}

impl Decode for RawItem {
    fn decode(value: Json) -> Result<Self, String> {
        let mut fields = Fields::of(value)?;
        let item = RawItem {
            zh: fields.required("zh")?,
            en: fields.required("en")?,
            figures: fields.optional("figures")?.unwrap_or_default(),
            note_zh: fields.optional("note_zh")?,
            note_en: fields.optional("note_en")?,
        };
        fields.finish().map(|()| item)
    }
}
