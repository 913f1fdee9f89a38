//! The first heights of the embed snippet (`src/embed.rs`): each is the embedded page's boxes as
//! static/style.css sizes them, around the canvas height the chart's own layout gives at that
//! width. The stylesheet's sizes are read from the stylesheet here, so a change to the embedded
//! page's CSS that the estimate does not follow fails this test. And the escaping of the snippet's
//! text.

use banan_infographic::charts::catalog::CHARTS;
use banan_infographic::charts::details::{figure_tags, figure_value, with_years};
use banan_infographic::charts::text::BOLD_FACTOR;
use banan_infographic::components::headline_cards::GROUPS;
use banan_infographic::data::{load_default, Dataset, Figure};
use banan_infographic::embed::{
    escape_html, estimated_height, estimated_heights, page_text_lines, SNIPPET_WIDTHS,
};
use banan_infographic::lang::Lang;

mod common;
use common::value;

/// The body's font size, px (`body { font: 16px/1.6 … }`): 1rem.
const REM: f64 = 16.0;

/// A length in px (`12px`, `0.9rem`, `0`).
fn px(length: &str) -> f64 {
    let number = |text: &str| {
        text.parse::<f64>()
            .unwrap_or_else(|_| panic!("a length: {length}"))
    };
    if let Some(rem) = length.strip_suffix("rem") {
        number(rem) * REM
    } else if let Some(px) = length.strip_suffix("px") {
        number(px)
    } else {
        number(length)
    }
}

/// The `n`th (0: top … 3: left) side of a margin or padding shorthand.
fn side(shorthand: &str, n: usize) -> f64 {
    let parts: Vec<f64> = shorthand.split_whitespace().map(px).collect();
    match (parts.len(), n) {
        (1, _) => parts[0],
        (2, n) => parts[n % 2],
        (3, 3) => parts[1],
        (3, n) => parts[n],
        (_, n) => parts[n],
    }
}

/// The body's line height (`16px/1.6`), a multiple of the font size.
fn body_line_height() -> f64 {
    let font = value("body", "font");
    let ratio = font
        .split_whitespace()
        .next()
        .and_then(|size| size.split_once('/'));
    ratio.expect("16px/1.6").1.parse().unwrap()
}

/// The embedded page's padding, each side.
fn page_padding() -> f64 {
    px(value(".page.embed", "padding"))
}

/// A box's top margin, height and bottom margin.
type Block = (f64, f64, f64);

/// `blocks` one under another, neighbouring margins collapsed into the larger.
fn stack(blocks: &[Block]) -> f64 {
    let inner: f64 = blocks.iter().map(|(_, height, _)| height).sum();
    let between: f64 = blocks.windows(2).map(|pair| pair[0].2.max(pair[1].0)).sum();
    let ends = blocks.first().map_or(0.0, |b| b.0) + blocks.last().map_or(0.0, |b| b.2);
    inner + between + ends
}

/// The page's source line (`<footer class="page-source"><p>…`): the paragraph's own margins
/// (the user agent's 1em) are the top one inside the footer's padding, the bottom one the box's.
fn footer(dataset: &Dataset, width: f64, lang: Lang) -> Block {
    let article = &dataset.article;
    let text = lang.source_line(article.title.get(lang), article.credit.get(lang));
    let size = px(value(".chart-source, .page-source", "font-size"));
    let border = px(value(".page-source", "border-top")
        .split_whitespace()
        .next()
        .unwrap());
    (
        px(value(".page.embed .page-source", "margin-top")),
        border
            + px(value(".page.embed .page-source", "padding-top"))
            + size
            + page_text_lines(&text, size, width, lang) * size * body_line_height(),
        size,
    )
}

/// One chart's figure: title, note, canvas (the layout's own height), caption, tools; and the
/// canvas's height alone.
fn figure(dataset: &Dataset, index: usize, width: f64, lang: Lang) -> (Block, f64) {
    let spec = &CHARTS[index];
    let canvas = (spec.layout)(dataset, width, lang)
        .expect("the chart draws")
        .height;
    let title_size = px(value(".chart-title", "font-size"));
    let title = page_text_lines(&spec.title(dataset, lang), title_size, width, lang)
        * title_size
        * value(".chart-title", "line-height").parse::<f64>().unwrap()
        + side(value(".chart-title", "margin"), 2);
    let note_size = px(value(".chart-note", "font-size"));
    let note =
        page_text_lines(spec.note(lang), note_size, width, lang) * note_size * body_line_height()
            + side(value(".chart-note", "margin"), 2);
    // The caption as the figure writes it: the source and where the details come from.
    let caption = lang.chart_source(dataset.article.title.get(lang)) + lang.details_note();
    let source_size = px(value(".chart-source, .page-source", "font-size"));
    let source =
        page_text_lines(&caption, source_size, width, lang) * source_size * body_line_height()
            + px(value(".chart-source, .page-source", "margin-top"));
    let tools = px(value(".chart-tools", "margin-top")) + px(value(".tool-button", "min-height"));
    let margin = value(".page.embed .chart", "margin");
    (
        (
            side(margin, 0),
            title + note + canvas + source + tools,
            side(margin, 2),
        ),
        canvas,
    )
}

/// The headline cards: the groups' headings and grids of cards, the groups `gap` apart. A grid
/// (`repeat(auto-fit, minmax(min(100%, 200px), 1fr))`) has as many columns as fit, but no more
/// than it has cards, and each row is as tall as its tallest card.
fn cards(dataset: &Dataset, width: f64, lang: Lang) -> Block {
    let gap = px(value(".cards", "gap"));
    let padding = value(".card", "padding");
    let label_size = REM;
    let line = label_size * body_line_height();
    let value_size = px(value(".card-value", "font-size"));
    let value_line = value_size * value(".card-value", "line-height").parse::<f64>().unwrap();
    let tags_size = px(value(".card-qualifier", "font-size"));
    let border = px(value(".card", "border-top")
        .split_whitespace()
        .next()
        .unwrap());
    let heading_size = px(value(".card-group-title", "font-size"));
    let groups: f64 = GROUPS
        .iter()
        .map(|((zh, en), ids)| {
            let figures: Vec<_> = ids
                .iter()
                .map(|id| dataset.figure(id).expect("a card's figure"))
                .collect();
            let columns = ((width + gap) / (200.0 + gap))
                .floor()
                .clamp(1.0, figures.len() as f64);
            let card_width =
                (width - (columns - 1.0) * gap) / columns - side(padding, 1) - side(padding, 3);
            let card_height = |figure: &Figure| {
                // The value is bold: measured as wider type.
                let value_lines = page_text_lines(
                    &figure_value(figure, lang),
                    value_size * BOLD_FACTOR,
                    card_width,
                    lang,
                );
                let label = page_text_lines(figure.label.get(lang), label_size, card_width, lang);
                let tags = page_text_lines(
                    &figure_tags(figure, lang).join(" · "),
                    tags_size,
                    card_width,
                    lang,
                );
                side(padding, 0)
                    + border
                    + value_lines * value_line
                    + px(value(".card-label", "margin-top"))
                    + label * line
                    + tags * tags_size * body_line_height()
                    + side(padding, 2)
            };
            let rows: Vec<f64> = figures
                .chunks(columns as usize)
                .map(|row| row.iter().map(|f| card_height(f)).fold(0.0, f64::max))
                .collect();
            let heading = with_years(lang.pick(zh, en), dataset.article.this_year.as_ref(), lang);
            page_text_lines(&heading, heading_size, width, lang) * heading_size * body_line_height()
                + side(value(".card-group-title", "margin"), 2)
                + rows.iter().sum::<f64>()
                + (rows.len() as f64 - 1.0) * gap
        })
        .sum();
    let margin = value(".page.embed .headline-cards", "margin");
    (
        side(margin, 0),
        groups + (GROUPS.len() as f64 - 1.0) * px(value(".headline-cards", "gap")),
        side(margin, 2),
    )
}

/// The host widths of the table: the snippet's, one where the cards grid just fits two columns
/// (424 - 16 = 408 = 2 × 200 + 8), and one narrower than the page's least width (200 px).
const WIDTHS: [u32; 6] = [120, 360, 424, 768, 1024, 1280];

#[test]
fn a_charts_first_height_is_its_layout_and_the_stylesheets_boxes() {
    let dataset = load_default().unwrap();
    for lang in [Lang::Zh, Lang::En] {
        for (index, spec) in CHARTS.iter().enumerate() {
            for width in WIDTHS {
                let inner = (f64::from(width) - 2.0 * page_padding()).max(200.0);
                let (figure, canvas) = figure(&dataset, index, inner, lang);
                let expected =
                    stack(&[figure, footer(&dataset, inner, lang)]) + 2.0 * page_padding();
                assert_eq!(
                    estimated_height(&dataset, Some(spec), width, lang),
                    expected.ceil() as u32,
                    "{} at {width} px, {lang:?}: canvas {canvas}, figure {figure:?}",
                    spec.id
                );
            }
        }
    }
}

#[test]
fn the_pages_first_height_is_the_cards_and_every_chart() {
    let dataset = load_default().unwrap();
    for lang in [Lang::Zh, Lang::En] {
        for width in WIDTHS {
            let inner = (f64::from(width) - 2.0 * page_padding()).max(200.0);
            let cards = cards(&dataset, inner, lang);
            let blocks: Vec<Block> = std::iter::once(cards)
                .chain((0..CHARTS.len()).map(|index| figure(&dataset, index, inner, lang).0))
                .chain([footer(&dataset, inner, lang)])
                .collect();
            let expected = stack(&blocks) + 2.0 * page_padding();
            assert_eq!(
                estimated_height(&dataset, None, width, lang),
                expected.ceil() as u32,
                "at {width} px, {lang:?}: cards {cards:?}"
            );
        }
    }
}

#[test]
fn the_snippet_heights_are_the_estimates_at_its_widths() {
    let dataset = load_default().unwrap();
    for lang in [Lang::Zh, Lang::En] {
        for spec in CHARTS.iter().map(Some).chain([None]) {
            let heights = estimated_heights(&dataset, spec, lang);
            let expected: Vec<(u32, u32)> = SNIPPET_WIDTHS
                .iter()
                .map(|&width| (width, estimated_height(&dataset, spec, width, lang)))
                .collect();
            assert_eq!(heights, expected);
            assert_eq!(
                heights.iter().map(|(width, _)| *width).collect::<Vec<_>>(),
                [360, 768, 1280]
            );
        }
    }
}

#[test]
fn escaping_for_an_element_or_a_double_quoted_attribute() {
    assert_eq!(escape_html(""), "");
    assert_eq!(
        escape_html(r#"Tom & "Jerry" <b>'s</b>"#),
        "Tom &amp; &quot;Jerry&quot; &lt;b&gt;'s&lt;/b&gt;"
    );
    // Already escaped text is escaped again (the snippet's text is plain text).
    assert_eq!(escape_html("&amp;"), "&amp;amp;");
    assert_eq!(
        escape_html("二〇二五年「三大突破」 → 1,2 亿元"),
        "二〇二五年「三大突破」 → 1,2 亿元"
    );
}
