//! Components in a real browser (headless Chromium through chromedriver): the app mounts, a
//! card shows its figure, and a chart's backing store is its CSS size times the pixel ratio.
#![cfg(target_arch = "wasm32")]

use banan_infographic::components::app::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlCanvasElement, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the app into a fresh element and waits until its charts have drawn.
async fn mount() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    root.set_attribute("style", "width: 390px").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    // Let Yew render, the ResizeObserver report the widths, and every chart draw. Drawing is
    // what sizes a canvas (its style width), so wait for that rather than for it to show: a
    // slow CI machine draws the charts over many frames.
    let expected = banan_infographic::charts::catalog::CHARTS.len() as u32;
    for _ in 0..500 {
        gloo_timers::future::TimeoutFuture::new(20).await;
        let canvases = root.query_selector_all("canvas.chart-canvas").unwrap();
        let drawn = (0..canvases.length())
            .filter_map(|index| canvases.get(index))
            .filter_map(|node| node.dyn_into::<HtmlElement>().ok())
            .filter(|canvas| {
                !canvas.hidden()
                    && !canvas
                        .style()
                        .get_property_value("width")
                        .unwrap()
                        .is_empty()
            })
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
    let lang = banan_infographic::state::initial_lang(
        None,
        banan_infographic::browser::stored_lang().as_deref(),
        banan_infographic::browser::browser_language().as_deref(),
    );
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
