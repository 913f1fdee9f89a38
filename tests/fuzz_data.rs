//! Fuzzing of the data loader. `parse_dataset` gets arbitrary bytes, JSON-shaped token soup,
//! byte-level mutations of `data/article.json` and structural mutations of its JSON tree (keys
//! dropped and renamed, values swapped between entries, types changed, hostile and absurd text
//! and numbers). Every input must come back either as a checked model, whose invariants are
//! checked again here and which every chart must lay out and draw without panicking, or as a
//! named error (the file's name and at least one problem); never as a panic.
//!
//! ```sh
//! cargo test --test fuzz_data                                   # CI: 1,500 inputs per strategy
//! FUZZ_CASES=100000 cargo test --profile fuzz --test fuzz_data -- --nocapture   # a long run
//! ```
//!
//! `FUZZ_CASES` is the number of inputs of each of the five strategies; `--nocapture` prints
//! how many inputs each strategy ran, how they ended and the seed. A failure prints the shrunk
//! input (the edits and the text they make), the seed and the command that replays it:
//! `FUZZ_SEED=<16 hex digits> FUZZ_CASES=<n> cargo test --test fuzz_data <strategy's test>`.
//! The page decodes with the same serde types and serde_json as this test (src/data/decode.rs);
//! tests/browser.rs mutates 2,000 files in the browser as well.
#![cfg(not(target_arch = "wasm32"))]

use std::cell::Cell;
use std::rc::Rc;

use banan_infographic::charts::catalog::CHARTS;
use banan_infographic::charts::draw::{draw_scene, Backdrop};
use banan_infographic::charts::theme::Theme;
use banan_infographic::data::{
    parse_dataset, Bilingual, DataError, Dataset, ARTICLE_TEXT, DEFAULT_DATA_JSON,
};
use banan_infographic::format::format_value;
use banan_infographic::lang::Lang;
use plotters::prelude::*;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestError, TestRng, TestRunner};
use serde_json::{Map, Value};

const FILE: &str = "fuzz.json";

/// Inputs per strategy: `FUZZ_CASES`, or 1,500 (a few seconds in a debug build).
fn cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1500)
}

/// Text that must stay text wherever the page shows it, and text that strains layout.
const HOSTILE: [&str; 12] = [
    "<img src=x onerror=alert(1)>",
    "</script><script>alert(1)</script>",
    "\u{202E}\u{2067}RTL override\u{202C}\u{2069}",
    "zero\u{200B}width\u{200D}joiner\u{FEFF}",
    "\u{0}\u{1}\u{7}\u{1b}[31m",
    "e\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}\u{307}",
    "👩‍👩‍👧‍👦🏳️‍🌈",
    "   ",
    "",
    "\n\n\n",
    "{{__TRUNK NONCE__}}",
    "'; DROP TABLE figures; --",
];

fn long_text() -> String {
    "长".repeat(3000) + &"W".repeat(3000)
}

/// Every string of the default file (ids, units, sentences, labels), so that mutations make
/// plausible cross-references: a figure's source swapped for another's, a part_of pointing at
/// itself, a unit replaced by another unit.
fn vocabulary() -> Vec<String> {
    fn collect(value: &Value, out: &mut Vec<String>) {
        match value {
            Value::String(s) => out.push(s.clone()),
            Value::Array(items) => items.iter().for_each(|v| collect(v, out)),
            Value::Object(map) => map.iter().for_each(|(k, v)| {
                out.push(k.clone());
                collect(v, out);
            }),
            _ => {}
        }
    }
    let mut out = Vec::new();
    collect(&default_value(), &mut out);
    out.extend(HOSTILE.iter().map(|s| s.to_string()));
    out.extend(
        [
            "exact",
            "more_than",
            "at_least",
            "about",
            "scale",
            "result",
            "plan",
            "target",
            "亿元",
            "万平方米",
            "%",
        ]
        .map(String::from),
    );
    out.sort();
    out.dedup();
    out
}

fn default_value() -> Value {
    serde_json::from_str(DEFAULT_DATA_JSON).expect("data/article.json is JSON")
}

// ---------------------------------------------------------------------------------------------
// The property.

#[derive(Default)]
struct Tally {
    inputs: Cell<u64>,
    models: Cell<u64>,
    errors: Cell<u64>,
}

impl Tally {
    fn report(&self, strategy: &str) {
        eprintln!(
            "fuzz_data: {strategy}: {} inputs: {} checked models, {} named errors",
            self.inputs.get(),
            self.models.get(),
            self.errors.get()
        );
        assert_eq!(
            self.inputs.get(),
            self.models.get() + self.errors.get(),
            "{strategy}: an input ended neither as a model nor as an error"
        );
    }
}

fn fail(message: String) -> TestCaseError {
    TestCaseError::fail(message)
}

/// A named error: the file, at least one problem, each with words, and a report that starts
/// with the file's name.
fn check_error(error: &DataError) -> Result<(), TestCaseError> {
    if error.file != FILE {
        return Err(fail(format!(
            "the error names {:?}, not {FILE}",
            error.file
        )));
    }
    if error.problems.is_empty() {
        return Err(fail("an error without any problem".into()));
    }
    if let Some(problem) = error.problems.iter().find(|p| p.problem.trim().is_empty()) {
        return Err(fail(format!("a problem without words: {problem:?}")));
    }
    let report = error.to_string();
    if !report.starts_with(&format!("{FILE}:")) {
        return Err(fail(format!(
            "the report does not start with the file: {report}"
        )));
    }
    Ok(())
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

fn unique<'a>(ids: impl Iterator<Item = &'a str>) -> bool {
    let mut seen: Vec<&str> = ids.collect();
    let count = seen.len();
    seen.sort_unstable();
    seen.dedup();
    seen.len() == count
}

/// The invariants that the rest of the page relies on, checked on the model itself.
fn check_model(dataset: &Dataset, article: Option<&str>) -> Result<(), TestCaseError> {
    let ensure = |ok: bool, what: String| if ok { Ok(()) } else { Err(fail(what)) };
    ensure(
        dataset
            .figures
            .iter()
            .map(|f| f.id.as_str())
            .chain(dataset.lists.iter().map(|l| l.id.as_str()))
            .chain(dataset.sources.iter().map(|s| s.id.as_str()))
            .all(valid_id),
        "an id that is not lower-case letters, digits and _".into(),
    )?;
    ensure(
        unique(dataset.figures.iter().map(|f| f.id.as_str())),
        "a figure id twice".into(),
    )?;
    ensure(
        unique(dataset.lists.iter().map(|l| l.id.as_str())),
        "a list id twice".into(),
    )?;
    ensure(
        unique(dataset.sources.iter().map(|s| s.id.as_str())),
        "a source id twice".into(),
    )?;
    for text in [
        &dataset.article.title,
        &dataset.article.dek,
        &dataset.article.credit,
    ] {
        ensure(
            !text.zh.trim().is_empty() && !text.en.trim().is_empty(),
            "empty article text".into(),
        )?;
    }
    for source in &dataset.sources {
        ensure(
            !source.text.zh.trim().is_empty() && !source.text.en.trim().is_empty(),
            format!("source {}: empty text", source.id),
        )?;
        if let Some(article) = article {
            ensure(
                article.contains(&source.text.zh),
                format!("source {}: not in the article", source.id),
            )?;
        }
    }
    let is_listed = |source: &Rc<_>| dataset.sources.iter().any(|s| Rc::ptr_eq(s, source));
    for figure in &dataset.figures {
        let at = format!("figure {}", figure.id);
        ensure(
            figure.value.is_finite() && figure.value >= 0.0,
            format!("{at}: value {}", figure.value),
        )?;
        ensure(
            is_listed(&figure.source),
            format!("{at}: its source is not among the sources"),
        )?;
        ensure(
            !figure.written.is_empty() && figure.source.display_zh().contains(&figure.written),
            format!("{at}: \"written\" is not in its sentence"),
        )?;
        ensure(
            !figure.label.zh.trim().is_empty() && !figure.label.en.trim().is_empty(),
            format!("{at}: empty label"),
        )?;
        if let Some(whole) = &figure.part_of {
            let whole = dataset
                .figure(whole)
                .map_err(|e| fail(format!("{at}: part_of: {e}")))?;
            ensure(
                whole.unit == figure.unit && figure.value <= whole.value,
                format!("{at}: a part in another unit or larger than its whole"),
            )?;
        }
    }
    for list in &dataset.lists {
        let at = format!("list {}", list.id);
        ensure(!list.items.is_empty(), format!("{at}: no items"))?;
        ensure(
            is_listed(&list.source),
            format!("{at}: its source is not among the sources"),
        )?;
        let sentence = list.source.display_zh();
        for item in &list.items {
            ensure(
                !item.name.zh.trim().is_empty() && sentence.contains(&item.name.zh),
                format!("{at}: item {:?} is not in its sentence", item.name.zh),
            )?;
            ensure(
                !item.name.en.trim().is_empty(),
                format!("{at}: item without English"),
            )?;
            for id in &item.figures {
                ensure(
                    dataset.figure(id).is_ok(),
                    format!("{at}: item names a missing figure {id}"),
                )?;
            }
        }
    }
    Ok(())
}

/// A field of an entry of the file, if present and not `null` (serde reads `null` as absent).
fn field<'a>(entry: &'a Value, key: &str) -> Option<&'a Value> {
    entry.get(key).filter(|v| !v.is_null())
}

/// The value of the file's figure `id`, if it has one.
fn file_value(file: &Value, id: &str) -> Option<f64> {
    file["figures"]
        .as_array()?
        .iter()
        .find(|f| f["id"] == id)
        .and_then(|f| field(f, "value")?.as_f64())
}

/// What a checked model must agree with in the file it came from, where the model keeps less
/// than the file: periods and notes given in both languages or in neither, each `sum_of` adding
/// up, and each `named_of` count matching its list.
fn check_against_file(dataset: &Dataset, json: &str) -> Result<(), TestCaseError> {
    let ensure = |ok: bool, what: String| if ok { Ok(()) } else { Err(fail(what)) };
    let file: Value = serde_json::from_str(json)
        .map_err(|e| fail(format!("a checked model from a file that is not JSON: {e}")))?;
    let entries = |kind: &str| file[kind].as_array().cloned().unwrap_or_default();
    let pair = |entry: &Value, zh: &str, en: &str| -> Result<Option<Bilingual>, TestCaseError> {
        match (field(entry, zh), field(entry, en)) {
            (None, None) => Ok(None),
            (Some(zh), Some(en)) => Ok(Some(Bilingual::new(
                zh.as_str().unwrap_or_default(),
                en.as_str().unwrap_or_default(),
            ))),
            _ => Err(fail(format!(
                "{zh} and {en}: one without the other in {entry}"
            ))),
        }
    };

    let figures = entries("figures");
    ensure(
        figures.len() == dataset.figures.len(),
        format!(
            "{} figures in the file, {} in the model",
            figures.len(),
            dataset.figures.len()
        ),
    )?;
    for raw in &figures {
        let id = raw["id"].as_str().unwrap_or_default();
        let figure = dataset
            .figure(id)
            .map_err(|e| fail(format!("a figure of the file is not in the model: {e}")))?;
        let at = format!("figure {id}");
        ensure(
            pair(raw, "period_zh", "period_en")? == figure.period,
            format!("{at}: period {:?} in the model", figure.period),
        )?;
        if let Some(parts) = field(raw, "sum_of") {
            let mut total = 0.0;
            for part in parts.as_array().into_iter().flatten() {
                let part = part.as_str().unwrap_or_default();
                total += file_value(&file, part).ok_or_else(|| {
                    fail(format!("{at}: sum_of names {part}, which has no value"))
                })?;
            }
            ensure(
                (total - figure.value).abs() <= 1e-9,
                format!("{at}: {} is not the sum of {parts}, {total}", figure.value),
            )?;
        }
    }

    let lists = entries("lists");
    ensure(
        lists.len() == dataset.lists.len(),
        format!(
            "{} lists in the file, {} in the model",
            lists.len(),
            dataset.lists.len()
        ),
    )?;
    for raw in &lists {
        let id = raw["id"].as_str().unwrap_or_default();
        let list = dataset
            .list(id)
            .map_err(|e| fail(format!("a list of the file is not in the model: {e}")))?;
        let at = format!("list {id}");
        let items = raw["items"].as_array().cloned().unwrap_or_default();
        ensure(
            items.len() == list.items.len(),
            format!(
                "{at}: {} items in the file, {} in the model",
                items.len(),
                list.items.len()
            ),
        )?;
        for (raw_item, item) in items.iter().zip(&list.items) {
            ensure(
                pair(raw_item, "note_zh", "note_en")? == item.note,
                format!("{at}: note {:?} in the model", item.note),
            )?;
        }
        match field(raw, "named_of") {
            None => ensure(
                list.named_of.is_none(),
                format!("{at}: a named_of from nowhere"),
            )?,
            Some(named_of) => {
                let figure = named_of["figure"].as_str().unwrap_or_default();
                let complete = named_of["complete"].as_bool().unwrap_or_default();
                ensure(
                    list.named_of == Some((figure.to_owned(), complete)),
                    format!("{at}: named_of {:?} in the model", list.named_of),
                )?;
                let count = file_value(&file, figure)
                    .ok_or_else(|| fail(format!("{at}: named_of {figure}, which has no value")))?;
                let named = items.len() as f64;
                ensure(
                    if complete {
                        named == count
                    } else {
                        named <= count
                    },
                    format!(
                        "{at}: names {named} items, {figure} counts {count} (complete: {complete})"
                    ),
                )?;
                ensure(
                    complete || !list.complete,
                    format!("{at}: complete, but named_of says the article names only some"),
                )?;
            }
        }
    }
    Ok(())
}

/// What the page does with a checked model: headline values, chart titles, every chart laid
/// out at phone to desktop widths in both languages, hit-tested and drawn.
fn use_model(dataset: &Dataset, draw: bool) -> Result<(), TestCaseError> {
    for lang in [Lang::Zh, Lang::En] {
        for figure in &dataset.figures {
            let _ = format_value(Some(figure.value), figure.unit, figure.qualifier, lang);
        }
        for chart in &CHARTS {
            let _ = chart.title(dataset, lang);
            for width in [1.0, 120.0, 320.0, 390.0, 1280.0, 4000.0] {
                let Ok(scene) = (chart.layout)(dataset, width, lang) else {
                    // A chart whose entry is missing shows that by name.
                    continue;
                };
                let finite = |v: f64| v.is_finite();
                if !(finite(scene.width) && finite(scene.height)) {
                    return Err(fail(format!(
                        "{} at {width}: a scene of {} x {}",
                        chart.id, scene.width, scene.height
                    )));
                }
                for item in &scene.items {
                    let b = item.bounds;
                    if ![b.x, b.y, b.width, b.height].into_iter().all(finite) {
                        return Err(fail(format!(
                            "{} at {width}: item {} at {b:?}",
                            chart.id, item.key
                        )));
                    }
                    let _ = scene.item_at(b.x + b.width / 2.0, b.y + b.height / 2.0);
                }
                if draw && width == 390.0 {
                    let size = (
                        scene.width.clamp(1.0, 8000.0) as u32,
                        scene.height.clamp(1.0, 8000.0) as u32,
                    );
                    let mut svg = String::new();
                    {
                        let area = SVGBackend::with_string(&mut svg, size).into_drawing_area();
                        draw_scene(&area, &scene, &Theme::light(), 1.0, Backdrop::Filled)
                            .map_err(|e| fail(format!("{}: drawing failed: {e}", chart.id)))?;
                    }
                }
            }
        }
    }
    Ok(())
}

/// Parses `json` as the page would (without the article) and as CI does (with it), and checks
/// the outcome.
fn check_input(json: &str, tally: &Tally, draw: bool) -> Result<(), TestCaseError> {
    tally.inputs.set(tally.inputs.get() + 1);
    let mut modelled = false;
    for article in [Some(ARTICLE_TEXT), None] {
        match parse_dataset(FILE, json, article) {
            Ok(dataset) => {
                check_model(&dataset, article)?;
                check_against_file(&dataset, json)?;
                if article.is_some() {
                    modelled = true;
                    use_model(&dataset, draw)?;
                }
            }
            Err(error) => check_error(&error)?,
        }
    }
    if modelled {
        tally.models.set(tally.models.get() + 1);
    } else {
        tally.errors.set(tally.errors.get() + 1);
    }
    Ok(())
}

/// The seed of a run: `FUZZ_SEED` (16 hex digits, as a failure prints it), or a new one.
fn seed() -> u64 {
    match std::env::var("FUZZ_SEED") {
        Ok(hex) => u64::from_str_radix(hex.trim(), 16)
            .unwrap_or_else(|_| panic!("FUZZ_SEED={hex:?} is not 16 hex digits")),
        Err(_) => {
            use std::hash::{BuildHasher, Hasher};
            let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
            hasher.write_u128(
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |t| t.as_nanos()),
            );
            hasher.finish()
        }
    }
}

/// Runs `test` on `cases()` inputs of `strategy`, drawn from a seeded generator. A failure
/// panics with the shrunk input (as proptest shows it and as the text `parse_dataset` got, by
/// `render`), the seed, and the command that replays the same inputs.
fn run<S: Strategy>(
    name: &str,
    test_name: &str,
    strategy: S,
    render: impl Fn(&S::Value) -> String,
    test: impl Fn(S::Value, &Tally) -> Result<(), TestCaseError>,
) where
    S::Value: std::fmt::Debug,
{
    let seed = seed();
    let tally = Tally::default();
    let mut bytes = [0u8; 32];
    for (i, chunk) in bytes.chunks_mut(8).enumerate() {
        chunk.copy_from_slice(
            &(seed ^ (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)).to_le_bytes(),
        );
    }
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &bytes);
    let mut runner = TestRunner::new_with_rng(
        Config {
            cases: cases(),
            failure_persistence: None,
            max_shrink_iters: 2000,
            ..Config::default()
        },
        rng,
    );
    let outcome = runner.run(&strategy, |input| test(input, &tally));
    if let Err(error) = outcome {
        let input = match &error {
            TestError::Fail(_, value) => render(value),
            TestError::Abort(_) => String::from("(none: the run was aborted)"),
        };
        panic!(
            "{name}: {error}\n\nthe shrunk input as text ({} bytes):\n{input}\n\n\
             seed {seed:016x}; replay: FUZZ_SEED={seed:016x} FUZZ_CASES={} \
             cargo test --test fuzz_data {test_name} -- --exact",
            input.len(),
            cases(),
        );
    }
    eprintln!("fuzz_data: {name}: seed {seed:016x}");
    tally.report(name);
}

// ---------------------------------------------------------------------------------------------
// Strategy 1 and 2: bytes and token soup.

#[test]
fn arbitrary_bytes() {
    run(
        "arbitrary bytes",
        "arbitrary_bytes",
        prop::collection::vec(any::<u8>(), 0..4096),
        |bytes| String::from_utf8_lossy(bytes).into_owned(),
        |bytes, tally| check_input(&String::from_utf8_lossy(&bytes), tally, false),
    );
}

/// JSON punctuation, the file's keys and enum values, odd numbers and escapes: inputs that
/// get past the first byte of the parser far more often than random bytes do.
const TOKENS: [&str; 44] = [
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "null",
    "true",
    "false",
    "0",
    "-1",
    "13",
    "215",
    "1e308",
    "1e999",
    "-0",
    "0.5",
    "NaN",
    "\"\\ud800\"",
    "\"\\u0000\"",
    "\"\\\"\"",
    "\"article\"",
    "\"sources\"",
    "\"figures\"",
    "\"lists\"",
    "\"id\"",
    "\"value\"",
    "\"unit\"",
    "\"亿元\"",
    "\"status\"",
    "\"result\"",
    "\"qualifier\"",
    "\"source\"",
    "\"zh\"",
    "\"en\"",
    "\"items\"",
    "\"named_of\"",
    "\"part_of\"",
    "\"sum_of\"",
    "\"written\"",
    "\"label_zh\"",
    " ",
    "\u{FEFF}",
];

#[test]
fn json_token_soup() {
    run(
        "JSON token soup",
        "json_token_soup",
        prop::collection::vec(prop::sample::select(&TOKENS[..]), 0..200),
        |tokens| tokens.concat(),
        |tokens, tally| check_input(&tokens.concat(), tally, false),
    );
}

// ---------------------------------------------------------------------------------------------
// Strategy 3: byte-level mutations of the valid file.

#[derive(Clone, Debug)]
enum ByteEdit {
    Flip {
        at: usize,
        bit: u8,
    },
    Set {
        at: usize,
        byte: u8,
    },
    Delete {
        at: usize,
        len: usize,
    },
    Insert {
        at: usize,
        bytes: Vec<u8>,
    },
    /// Copy a run of the file elsewhere (a duplicated key, entry or half a string).
    Splice {
        from: usize,
        len: usize,
        to: usize,
    },
    Truncate {
        at: usize,
    },
}

fn byte_edit() -> impl Strategy<Value = ByteEdit> {
    let at = any::<usize>();
    prop_oneof![
        (at, 0u8..8).prop_map(|(at, bit)| ByteEdit::Flip { at, bit }),
        (at, any::<u8>()).prop_map(|(at, byte)| ByteEdit::Set { at, byte }),
        (at, 1usize..64).prop_map(|(at, len)| ByteEdit::Delete { at, len }),
        (at, prop::collection::vec(any::<u8>(), 1..16))
            .prop_map(|(at, bytes)| ByteEdit::Insert { at, bytes }),
        (at, 1usize..512, any::<usize>()).prop_map(|(from, len, to)| ByteEdit::Splice {
            from,
            len,
            to
        }),
        at.prop_map(|at| ByteEdit::Truncate { at }),
    ]
}

fn apply_byte_edit(bytes: &mut Vec<u8>, edit: &ByteEdit) {
    let n = bytes.len();
    if n == 0 {
        return;
    }
    match edit {
        ByteEdit::Flip { at, bit } => bytes[at % n] ^= 1 << bit,
        ByteEdit::Set { at, byte } => bytes[at % n] = *byte,
        ByteEdit::Delete { at, len } => {
            let start = at % n;
            bytes.drain(start..(start + len).min(n));
        }
        ByteEdit::Insert { at, bytes: new } => {
            let at = at % (n + 1);
            bytes.splice(at..at, new.iter().copied());
        }
        ByteEdit::Splice { from, len, to } => {
            let start = from % n;
            let run: Vec<u8> = bytes[start..(start + len).min(n)].to_vec();
            let to = to % (n + 1);
            bytes.splice(to..to, run);
        }
        ByteEdit::Truncate { at } => bytes.truncate(at % n),
    }
}

#[test]
fn byte_mutations_of_the_valid_file() {
    let edited = |edits: &Vec<ByteEdit>| {
        let mut bytes = DEFAULT_DATA_JSON.as_bytes().to_vec();
        for edit in edits {
            apply_byte_edit(&mut bytes, edit);
        }
        String::from_utf8_lossy(&bytes).into_owned()
    };
    run(
        "byte mutations of data/article.json",
        "byte_mutations_of_the_valid_file",
        prop::collection::vec(byte_edit(), 1..6),
        edited,
        |edits, tally| check_input(&edited(&edits), tally, false),
    );
}

// ---------------------------------------------------------------------------------------------
// Strategy 4 and 5: structural mutations of the valid file's JSON tree.

/// Where an edit lands: a walk from the root, each step picking a child by index (modulo the
/// number of children), stopping at a leaf.
type Path = Vec<usize>;

#[derive(Clone, Debug)]
enum TreeEdit {
    Remove(Path),
    Replace(Path, Value),
    /// Replace with a copy of another node of the file (a source id where a figure id goes, an
    /// entry of one list inside another).
    CopyFrom {
        to: Path,
        from: Path,
    },
    Duplicate(Path),
    RenameKey(Path, String),
    InsertKey(Path, String, Value),
}

fn leaf(vocabulary: Vec<String>) -> impl Strategy<Value = Value> {
    let numbers = prop_oneof![
        prop::sample::select(vec![
            0.0,
            -0.0,
            -1.0,
            0.5,
            1.0,
            2.0,
            13.0,
            215.0,
            1e-300,
            1e15,
            1e300,
            f64::MAX,
            f64::MIN_POSITIVE,
            u64::MAX as f64,
        ]),
        any::<f64>().prop_filter("JSON has no NaN or infinity", |v| v.is_finite()),
        (0u32..100_000).prop_map(f64::from),
    ]
    .prop_map(|v| serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number));
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        numbers,
        any::<i64>().prop_map(|v| Value::Number(v.into())),
        prop::sample::select(vocabulary).prop_map(Value::String),
        ".{0,40}".prop_map(Value::String),
        Just(Value::String(long_text())),
    ]
}

fn json_value(vocabulary: Vec<String>) -> impl Strategy<Value = Value> {
    leaf(vocabulary.clone()).prop_recursive(3, 24, 4, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(vocabulary.clone()), inner), 0..4)
                .prop_map(|entries| Value::Object(entries.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

fn path() -> impl Strategy<Value = Path> {
    prop::collection::vec(any::<usize>(), 0..6)
}

fn tree_edit() -> impl Strategy<Value = TreeEdit> {
    let vocabulary = vocabulary();
    let key = prop::sample::select(vocabulary.clone());
    prop_oneof![
        1 => path().prop_map(TreeEdit::Remove),
        1 => (path(), json_value(vocabulary.clone())).prop_map(|(p, v)| TreeEdit::Replace(p, v)),
        3 => (path(), path()).prop_map(|(to, from)| TreeEdit::CopyFrom { to, from }),
        1 => path().prop_map(TreeEdit::Duplicate),
        1 => (path(), key.clone()).prop_map(|(p, k)| TreeEdit::RenameKey(p, k)),
        1 => (path(), key, json_value(vocabulary)).prop_map(|(p, k, v)| TreeEdit::InsertKey(p, k, v)),
    ]
}

fn children(value: &Value) -> usize {
    match value {
        Value::Array(items) => items.len(),
        Value::Object(map) => map.len(),
        _ => 0,
    }
}

fn child(value: &Value, index: usize) -> &Value {
    match value {
        Value::Array(items) => &items[index],
        Value::Object(map) => map.values().nth(index).expect("index in range"),
        _ => unreachable!("a leaf has no children"),
    }
}

fn child_mut(value: &mut Value, index: usize) -> &mut Value {
    match value {
        Value::Array(items) => &mut items[index],
        Value::Object(map) => map.values_mut().nth(index).expect("index in range"),
        _ => unreachable!("a leaf has no children"),
    }
}

/// The concrete child indices of a walk, stopping at the first leaf.
fn resolve(root: &Value, path: &Path) -> Vec<usize> {
    let mut node = root;
    let mut steps = Vec::new();
    for &step in path {
        let n = children(node);
        if n == 0 {
            break;
        }
        steps.push(step % n);
        node = child(node, step % n);
    }
    steps
}

fn node_mut<'a>(root: &'a mut Value, steps: &[usize]) -> &'a mut Value {
    steps.iter().fold(root, |node, &i| child_mut(node, i))
}

fn apply_tree_edit(root: &mut Value, edit: &TreeEdit) {
    match edit {
        TreeEdit::Replace(path, value) => {
            let steps = resolve(root, path);
            *node_mut(root, &steps) = value.clone();
        }
        TreeEdit::CopyFrom { to, from } => {
            let from = resolve(root, from);
            let copy = from.iter().fold(&*root, |node, &i| child(node, i)).clone();
            let to = resolve(root, to);
            *node_mut(root, &to) = copy;
        }
        TreeEdit::InsertKey(path, key, value) => {
            let steps = resolve(root, path);
            match node_mut(root, &steps) {
                Value::Object(map) => {
                    map.insert(key.clone(), value.clone());
                }
                Value::Array(items) => items.push(value.clone()),
                _ => {}
            }
        }
        TreeEdit::Remove(path) | TreeEdit::Duplicate(path) | TreeEdit::RenameKey(path, _) => {
            let steps = resolve(root, path);
            let Some((&last, parent)) = steps.split_last() else {
                return;
            };
            match (node_mut(root, parent), edit) {
                (Value::Array(items), TreeEdit::Remove(_)) => {
                    items.remove(last);
                }
                (Value::Array(items), TreeEdit::Duplicate(_)) => {
                    let copy = items[last].clone();
                    items.insert(last, copy);
                }
                (Value::Object(map), TreeEdit::Remove(_)) => {
                    let key = map.keys().nth(last).cloned().expect("index in range");
                    map.remove(&key);
                }
                (Value::Object(map), TreeEdit::RenameKey(_, new)) => {
                    let key = map.keys().nth(last).cloned().expect("index in range");
                    if let Some(value) = map.remove(&key) {
                        map.insert(new.clone(), value);
                    }
                }
                _ => {}
            }
        }
    }
}

#[test]
fn structural_mutations_of_the_valid_file() {
    let original = default_value();
    let edited = |edits: &Vec<TreeEdit>| {
        let mut value = original.clone();
        for edit in edits {
            apply_tree_edit(&mut value, edit);
        }
        value.to_string()
    };
    run(
        "structural mutations of data/article.json",
        "structural_mutations_of_the_valid_file",
        prop::collection::vec(tree_edit(), 1..5),
        edited,
        |edits, tally| check_input(&edited(&edits), tally, false),
    );
}

/// The free-text fields of the file, which a valid file may fill with anything non-blank:
/// these mutations mostly stay valid, so the charts get laid out and drawn with hostile, huge,
/// right-to-left and invisible text, and with entries removed or reordered.
#[derive(Clone, Debug)]
enum TextEdit {
    /// Replace the free-text field number `field` (modulo their count) with `text`.
    Text { field: usize, text: String },
    /// Move an entry of `figures`, `lists` or `sources` to the end (reading order changes).
    Rotate { kind: usize, at: usize },
    /// Drop an optional field (period, note, named_of, part_of, sum_of) of an entry.
    DropOptional { field: usize },
}

const FREE_TEXT: [&str; 10] = [
    "title_zh",
    "title_en",
    "dek_zh",
    "dek_en",
    "credit_zh",
    "credit_en",
    "label_zh",
    "label_en",
    "period_zh",
    "period_en",
];
const FREE_TEXT_NESTED: [&str; 3] = ["en", "note_zh", "note_en"];
const OPTIONAL: [&str; 7] = [
    "period_zh",
    "period_en",
    "note_zh",
    "note_en",
    "named_of",
    "part_of",
    "sum_of",
];

/// Pointers into the file's free-text fields (titles, labels, English renderings, notes,
/// periods), in file order.
fn free_text_fields(root: &Value) -> Vec<(Vec<usize>, String)> {
    fn walk(value: &Value, steps: &mut Vec<usize>, out: &mut Vec<(Vec<usize>, String)>) {
        if let Value::Object(map) = value {
            for (index, (key, child)) in map.iter().enumerate() {
                steps.push(index);
                let text = FREE_TEXT.contains(&key.as_str())
                    || (FREE_TEXT_NESTED.contains(&key.as_str()) && steps.len() >= 3);
                if child.is_string() && text {
                    out.push((steps.clone(), key.clone()));
                }
                walk(child, steps, out);
                steps.pop();
            }
        } else if let Value::Array(items) = value {
            for (index, child) in items.iter().enumerate() {
                steps.push(index);
                walk(child, steps, out);
                steps.pop();
            }
        }
    }
    let mut out = Vec::new();
    walk(root, &mut Vec::new(), &mut out);
    out
}

fn text_edit() -> impl Strategy<Value = TextEdit> {
    let text = prop_oneof![
        prop::sample::select(HOSTILE.to_vec()).prop_map(String::from),
        ".{1,80}",
        Just(long_text()),
        prop::collection::vec(prop::sample::select(HOSTILE.to_vec()), 1..4)
            .prop_map(|parts| parts.concat()),
    ];
    prop_oneof![
        6 => (any::<usize>(), text).prop_map(|(field, text)| TextEdit::Text { field, text }),
        1 => (0usize..3, any::<usize>()).prop_map(|(kind, at)| TextEdit::Rotate { kind, at }),
        1 => any::<usize>().prop_map(|field| TextEdit::DropOptional { field }),
    ]
}

fn apply_text_edit(root: &mut Value, edit: &TextEdit) {
    match edit {
        TextEdit::Text { field, text } => {
            let fields = free_text_fields(root);
            let (steps, _) = &fields[field % fields.len()];
            *node_mut(root, steps) = Value::String(text.clone());
        }
        TextEdit::Rotate { kind, at } => {
            let kind = ["figures", "lists", "sources"][*kind];
            if let Some(Value::Array(items)) = root.get_mut(kind) {
                if !items.is_empty() {
                    let entry = items.remove(at % items.len());
                    items.push(entry);
                }
            }
        }
        TextEdit::DropOptional { field } => {
            let mut holders = Vec::new();
            for kind in ["figures", "lists"] {
                for (i, entry) in root[kind].as_array().into_iter().flatten().enumerate() {
                    for key in OPTIONAL {
                        if entry.get(key).is_some() {
                            holders.push((kind, i, None, key));
                        }
                    }
                    for (j, item) in entry["items"].as_array().into_iter().flatten().enumerate() {
                        for key in OPTIONAL {
                            if item.get(key).is_some() {
                                holders.push((kind, i, Some(j), key));
                            }
                        }
                    }
                }
            }
            if holders.is_empty() {
                return;
            }
            let (kind, i, j, key) = holders[field % holders.len()];
            let entry = &mut root[kind][i];
            let target = match j {
                Some(j) => &mut entry["items"][j],
                None => entry,
            };
            if let Value::Object(map) = target {
                map.remove(key);
            }
        }
    }
}

#[test]
fn text_mutations_that_keep_the_file_valid() {
    let original = default_value();
    let edited = |edits: &Vec<TextEdit>| {
        let mut value = original.clone();
        for edit in edits {
            apply_text_edit(&mut value, edit);
        }
        value.to_string()
    };
    run(
        "free-text mutations of data/article.json",
        "text_mutations_that_keep_the_file_valid",
        prop::collection::vec(text_edit(), 1..8),
        edited,
        |edits, tally| check_input(&edited(&edits), tally, true),
    );
}
