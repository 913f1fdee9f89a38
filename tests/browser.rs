//! Components in a real browser (headless Chromium through chromedriver): the app mounts, a
//! card shows its figure, a chart's backing store is its CSS size times the pixel ratio, and
//! the data loader survives mutated files in the wasm build.
#![cfg(target_arch = "wasm32")]

use banan_infographic::components::app::{App, AppProps, DataSource, Environment, Rendering};
use banan_infographic::components::SharedDataset;
use banan_infographic::edition::Edition;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the app into a fresh element and waits until its charts have drawn.
async fn mount() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    root.set_attribute("style", "width: 390px").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let props = AppProps {
        options: Edition::ROOT.options(),
        notices: Vec::new(),
        environment: Environment {
            pixel_ratio: web_sys::window().unwrap().device_pixel_ratio(),
            ..Environment::default()
        },
        rendering: Rendering::Fresh,
        data: DataSource::Carried(banan_infographic::data::load_default().map(SharedDataset::new)),
    };
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    // Let Yew render, measure the widths, and every chart draw. A canvas is 0 × 0 until its
    // drawing is shown (src/components/chart_drawing.rs), so wait for that rather than for it
    // to show: a slow CI machine draws the charts over many frames.
    let expected = banan_infographic::charts::catalog::CHARTS.len() as u32;
    for _ in 0..500 {
        gloo_timers::future::TimeoutFuture::new(20).await;
        let canvases = root.query_selector_all("canvas.chart-canvas").unwrap();
        let drawn = (0..canvases.length())
            .filter_map(|index| canvases.get(index))
            .filter_map(|node| node.dyn_into::<HtmlCanvasElement>().ok())
            .filter(|canvas| !canvas.hidden() && canvas.width() > 0)
            .count() as u32;
        if drawn == expected {
            break;
        }
    }
    root
}

#[wasm_bindgen_test]
async fn the_app_mounts_with_title_cards_and_charts() {
    let root = mount().await;
    assert!(
        root.query_selector(".error-panel").unwrap().is_none(),
        "{}",
        root.inner_html()
    );
    let title = root
        .query_selector(".page-title")
        .unwrap()
        .expect("a title");
    assert!(!title.text_content().unwrap().is_empty());
    let charts = root.query_selector_all("figure.chart").unwrap().length();
    assert_eq!(
        charts as usize,
        banan_infographic::charts::catalog::CHARTS.len()
    );
}

#[wasm_bindgen_test]
async fn a_card_shows_its_figure_with_its_qualifier() {
    let root = mount().await;
    // The root edition is Chinese, whatever the browser's language.
    let lang = Edition::ROOT.lang;
    let card = root
        .query_selector("[data-figure-id=\"industrial_output\"]")
        .unwrap()
        .expect("the industrial-output card");
    let value = card
        .query_selector(".card-value")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    let qualifier = card
        .query_selector(".card-qualifier")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    match lang {
        banan_infographic::lang::Lang::Zh => {
            assert_eq!(value, "超1000亿元");
            assert!(
                qualifier.contains("超过") && qualifier.contains("已实现"),
                "{qualifier}"
            );
        }
        banan_infographic::lang::Lang::En => {
            assert_eq!(value, "over CNY 100 billion");
            assert!(
                qualifier.contains("more than") && qualifier.contains("result"),
                "{qualifier}"
            );
        }
    }
}

#[wasm_bindgen_test]
async fn the_canvas_backing_store_is_css_size_times_the_pixel_ratio() {
    let root = mount().await;
    let ratio = web_sys::window().unwrap().device_pixel_ratio();
    let canvases = root.query_selector_all("canvas.chart-canvas").unwrap();
    assert!(canvases.length() > 0);
    for index in 0..canvases.length() {
        let canvas: HtmlCanvasElement = canvases.get(index).unwrap().dyn_into().unwrap();
        let rect = canvas.get_bounding_client_rect();
        assert!(
            rect.width() > 300.0,
            "chart {index} is {} px wide",
            rect.width()
        );
        assert_eq!(canvas.width(), (rect.width() * ratio).round() as u32);
        assert_eq!(canvas.height(), (rect.height() * ratio).round() as u32);
    }
}

/// The loader as the wasm build runs it (serde_json compiled for wasm32). Mutations of the embedded file, at
/// the byte level and in its JSON tree, must each come back as a checked model or as an error
/// that names the file and a problem: a panic here aborts the test.
#[wasm_bindgen_test]
fn the_browser_parse_path_never_panics_on_mutated_files() {
    use banan_infographic::data::{parse_dataset, DEFAULT_DATA_JSON};
    use serde_json::Value;

    const CASES: usize = 2000;
    // xorshift64: deterministic, so a failure is reproducible from its case number.
    let mut state = 0x9E37_79B9_7F4A_7C15_u64;
    let mut next = move |bound: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % bound.max(1) as u64) as usize
    };
    let tree: Value = serde_json::from_str(DEFAULT_DATA_JSON).unwrap();
    let replacements = [
        Value::Null,
        Value::Bool(true),
        Value::from(-1.5e308),
        Value::from(""),
        Value::from("<img src=x onerror=alert(1)>\u{202e}"),
        Value::Array(vec![]),
        Value::Object(Default::default()),
    ];
    let (mut checked, mut refused) = (0, 0);
    for case in 0..CASES {
        let text = if case % 2 == 0 {
            // Bytes: cut, overwrite or repeat a stretch of the file.
            let mut bytes = DEFAULT_DATA_JSON.as_bytes().to_vec();
            let at = next(bytes.len());
            match next(3) {
                0 => bytes.truncate(at),
                1 => {
                    let alphabet = b" {}[]\",:0123456789-.etruefalsnul\\";
                    for byte in bytes.iter_mut().skip(at).take(1 + next(8)) {
                        *byte = alphabet[next(alphabet.len())];
                    }
                }
                _ => {
                    let stretch = bytes[at..(at + next(64)).min(bytes.len())].to_vec();
                    bytes.splice(at..at, stretch);
                }
            }
            String::from_utf8_lossy(&bytes).into_owned()
        } else {
            // Tree: replace one value anywhere with a value of another type, or drop a key.
            let mut mutated = tree.clone();
            let depth = 1 + next(5);
            let replacement = replacements[next(replacements.len())].clone();
            mutate(&mut mutated, depth, &mut next, replacement);
            mutated.to_string()
        };
        match parse_dataset("fuzz.json", &text, None) {
            Ok(dataset) => {
                assert!(!dataset.figures.is_empty(), "case {case}: no figures");
                checked += 1;
            }
            Err(error) => {
                assert_eq!(error.file, "fuzz.json", "case {case}");
                assert!(
                    error.problems.iter().all(|p| !p.problem.is_empty()),
                    "case {case}: {error}"
                );
                assert!(!error.problems.is_empty(), "case {case}");
                refused += 1;
            }
        }
    }
    assert_eq!(checked + refused, CASES);
    // Most mutations break the file; if none did, the mutations above are not reaching it.
    assert!(refused > CASES / 2, "only {refused} of {CASES} refused");
}

/// The page decodes with the same serde types as the native tests, so a key written twice is
/// refused in the browser too, naming the entry and the key.
#[wasm_bindgen_test]
fn the_page_refuses_a_key_written_twice() {
    use banan_infographic::data::{parse_dataset, DEFAULT_DATA_JSON};
    let figure = r#""id": "major_projects_count","#;
    assert!(DEFAULT_DATA_JSON.contains(figure));
    let text = DEFAULT_DATA_JSON.replacen(figure, &format!(r#"{figure} "value": 1,"#), 1);
    let error = parse_dataset("twice.json", &text, None).unwrap_err();
    assert!(
        error
            .to_string()
            .contains(r#"figure "major_projects_count": duplicate field `value` (line "#),
        "{error}"
    );
}

/// Walks `depth` levels down `value` along random keys and indices, then replaces what it
/// reached with `replacement` (or, at times, drops the key it was about to follow).
fn mutate(
    value: &mut serde_json::Value,
    depth: usize,
    next: &mut dyn FnMut(usize) -> usize,
    replacement: serde_json::Value,
) {
    use serde_json::Value;
    if depth > 0 {
        match value {
            Value::Object(map) if !map.is_empty() => {
                let key = map.keys().nth(next(map.len())).cloned().unwrap();
                if next(4) == 0 {
                    map.remove(&key);
                } else {
                    mutate(map.get_mut(&key).unwrap(), depth - 1, next, replacement);
                }
                return;
            }
            Value::Array(list) if !list.is_empty() => {
                let index = next(list.len());
                mutate(&mut list[index], depth - 1, next, replacement);
                return;
            }
            _ => {}
        }
    }
    *value = replacement;
}
