//! The pages as the build pre-renders them (Yew's server renderer, as
//! examples/render_assets/prerender.rs runs it): every edition holds the whole graphic in its
//! language, each chart with its image and its whole data table, ready to be taken over.
#![cfg(not(target_arch = "wasm32"))]

use banan_infographic::charts::catalog::CHARTS;
use banan_infographic::components::headline_cards::GROUPS;
use banan_infographic::data::load_default;
use banan_infographic::edition::Edition;
use banan_infographic::lang::Lang;
use banan_infographic::prerender::render_edition;

fn render(edition: Edition) -> String {
    let dataset = load_default().expect("the built-in data loads");
    render_edition(&dataset, edition).expect("every chart lays out")
}

/// Text as it appears in HTML (the renderer escapes these).
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[test]
fn each_edition_is_the_whole_graphic_in_its_language() {
    let dataset = load_default().unwrap();
    for lang in [Lang::Zh, Lang::En] {
        let edition = Edition {
            lang,
            embed: false,
            chart: None,
        };
        let html = render(edition);
        assert!(html.contains(&escaped(dataset.article.title.get(lang))));
        for spec in &CHARTS {
            assert!(
                html.contains(&escaped(&spec.title(&dataset, lang))),
                "{}",
                spec.id
            );
            assert!(html.contains(&escaped(spec.note(lang))), "{}", spec.id);
            // Its first image, and its whole data table, one row per item.
            assert!(html.contains(&format!(
                "charts/{}/{}-1056.svg",
                lang.pick("zh", "en"),
                spec.id
            )));
            let scene = (spec.layout)(&dataset, 343.0, lang).unwrap();
            for item in &scene.items {
                assert!(
                    html.contains(&format!("<tr data-key=\"{}\">", item.key)),
                    "{}: {}",
                    spec.id,
                    item.key
                );
            }
        }
        for (_, ids) in GROUPS {
            for id in ids {
                let figure = dataset.figure(id).unwrap();
                assert!(html.contains(&escaped(figure.label.get(lang))), "{id}");
            }
        }
        // The other edition is a link; nothing is positioned for a width the build guessed.
        let other = lang.pick("href=\"en/\"", "href=\"./\"");
        assert!(html.contains(other), "{other}");
        assert!(!html.contains("data-items"));
        // The other language's notes are not there (sources quote both languages).
        for spec in &CHARTS {
            assert!(
                !html.contains(&escaped(spec.note(lang.other()))),
                "{}",
                spec.id
            );
        }
    }
}

#[test]
fn an_embedded_chart_is_that_chart_alone_without_page_chrome() {
    let dataset = load_default().unwrap();
    let spec = &CHARTS[6];
    let html = render(Edition {
        lang: Lang::En,
        embed: true,
        chart: Some(spec.id),
    });
    assert!(html.contains(&escaped(&spec.title(&dataset, Lang::En))));
    assert_eq!(html.matches("<figure").count(), 1);
    for chrome in [
        "page-header",
        "headline-cards",
        "embed-control",
        "page-downloads",
    ] {
        assert!(!html.contains(chrome), "{chrome}");
    }
    assert!(html.contains("class=\"page embed\""));
}

#[test]
fn pre_rendered_tables_wait_out_of_the_layout_and_are_named() {
    let html = render(Edition::ROOT);
    let wraps = html.matches("class=\"data-table-wrap sr-only\"").count();
    assert_eq!(wraps, CHARTS.len());
    assert_eq!(
        html.matches("hidden=\"hidden\" class=\"data-table-wrap")
            .count(),
        wraps
    );
    assert_eq!(html.matches("<caption").count(), 0);
    assert_eq!(html.matches("aria-label=\"数据表：").count(), CHARTS.len());
}
