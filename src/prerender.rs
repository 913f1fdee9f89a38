//! The charts' first images in the pre-rendered pages: each chart drawn by the build (plotters'
//! SVG backend, examples/render_assets.rs) at the widths the page gives it on common screens, in
//! light and dark, and chosen by the browser from media queries, before any script runs.
//!
//! A `<picture>` of SVG files rather than SVG inline: eight charts at four widths in two themes
//! inline would put thousands of elements in every page; a `<picture>` fetches the one that fits.

use crate::charts::catalog::ChartSpec;
use crate::data::{Dataset, MissingEntry};
use crate::lang::Lang;

/// One width the charts are drawn at, and the viewports that show it.
pub struct ImageWidth {
    /// CSS px: a chart's width (`.chart-body`) in a viewport of `viewport` px.
    pub width: u32,
    pub viewport: u32,
    /// The media query that picks it (the last one is the fallback for all others).
    pub media: &'static str,
}

/// The chart's width in the page at 360, 390, 768 and 1,280 px wide viewports (style.css: the
/// page's padding, capped at 1,056 px), on phones and tablets, whose scrollbars take no room; so
/// on those screens the image is exactly the size the interactive chart will be, and taking over
/// moves nothing. Between them (or beside a desktop's scrollbar) the nearest is scaled.
/// e2e/prerender.test.mjs checks the widths against the page.
pub const IMAGE_WIDTHS: [ImageWidth; 4] = [
    ImageWidth {
        width: 331,
        viewport: 360,
        media: "(max-width: 374.98px)",
    },
    ImageWidth {
        width: 358,
        viewport: 390,
        media: "(max-width: 559.98px)",
    },
    ImageWidth {
        width: 706,
        viewport: 768,
        media: "(max-width: 999.98px)",
    },
    ImageWidth {
        width: 1056,
        viewport: 1280,
        media: "all",
    },
];

/// The width the build lays each chart out at for its data table, which is the same at any
/// width; the page lays it out again at its real width (on a 390 px phone, this one).
pub const TABLE_LAYOUT_WIDTH: f64 = 358.0;

/// The image of `chart` at `width` in `lang`, relative to the graphic's root.
pub fn image_path(chart: &str, lang: Lang, width: u32, dark: bool) -> String {
    let theme = if dark { "-dark" } else { "" };
    format!(
        "charts/{}/{chart}-{width}{theme}.svg",
        lang.pick("zh", "en")
    )
}

/// The `<picture>` of `spec`'s images: for each width a dark and a light source, each with its
/// size, so the browser keeps the right room for it before the file arrives. `eager` for a
/// chart that is the page's first content (a one-chart embed); the others load as they near the
/// viewport.
pub fn picture(
    spec: &ChartSpec,
    dataset: &Dataset,
    lang: Lang,
    eager: bool,
) -> Result<String, MissingEntry> {
    let mut html = String::from("<picture>");
    let mut fallback = String::new();
    for (index, size) in IMAGE_WIDTHS.iter().enumerate() {
        let height = (spec.layout)(dataset, f64::from(size.width), lang)?
            .height
            .ceil() as u32;
        let last = index + 1 == IMAGE_WIDTHS.len();
        let (dark_media, light_media) = if last {
            ("(prefers-color-scheme: dark)".to_owned(), None)
        } else {
            (
                format!("(prefers-color-scheme: dark) and {}", size.media),
                Some(size.media),
            )
        };
        let source = |media: &str, dark: bool| {
            format!(
                "<source media=\"{media}\" srcset=\"{}\" width=\"{}\" height=\"{height}\">",
                image_path(spec.id, lang, size.width, dark),
                size.width
            )
        };
        html.push_str(&source(&dark_media, true));
        match light_media {
            Some(media) => html.push_str(&source(media, false)),
            None => {
                fallback = format!(
                    "<img src=\"{}\" width=\"{}\" height=\"{height}\" alt=\"\"{}>",
                    image_path(spec.id, lang, size.width, false),
                    size.width,
                    if eager { "" } else { " loading=\"lazy\"" }
                )
            }
        }
    }
    html.push_str(&fallback);
    html.push_str("</picture>");
    Ok(html)
}

/// The id of the element that carries the data file in every pre-rendered page.
pub const DATA_ELEMENT_ID: &str = "banan-data";

/// The data file as the page carries it: verbatim in a JSON data block, which no browser runs
/// (so the CSP needs no hash for it). `<` can only stand inside a JSON string, where `\u003c`
/// means the same, so no text of the file can close the element.
pub fn data_script(json: &str) -> String {
    format!(
        "<script type=\"application/json\" id=\"{DATA_ELEMENT_ID}\">{}</script>",
        json.replace('<', "\\u003c")
    )
}

/// The edition's page as Yew's server renderer writes it (the inside of `#app`), ready to be
/// taken over in the browser. In the whole graphic every image loads as the reader nears it:
/// the first chart sits below a phone's first screen, and an image fetched with the page is laid
/// out (an SVG as a document of its own) in the page's first paint, which it holds back.
#[cfg(not(target_arch = "wasm32"))]
pub fn render_edition(
    dataset: &Dataset,
    edition: crate::edition::Edition,
) -> Result<String, MissingEntry> {
    use crate::charts::catalog::CHARTS;
    use crate::components::app::{App, AppProps, DataSource, Environment, Rendering};
    use crate::components::SharedDataset;

    let eager = edition.chart.is_some();
    let pictures = CHARTS
        .iter()
        .filter(|spec| edition.chart.is_none_or(|id| id == spec.id))
        .map(|spec| Ok((spec.id, picture(spec, dataset, edition.lang, eager)?)))
        .collect::<Result<Vec<_>, MissingEntry>>()?;
    let props = AppProps {
        options: edition.options(),
        notices: Vec::new(),
        environment: Environment::default(),
        rendering: Rendering::Build(std::rc::Rc::new(pictures)),
        data: DataSource::Carried(Ok(SharedDataset::new(dataset.clone()))),
    };
    Ok(futures::executor::block_on(
        yew::LocalServerRenderer::<App>::with_props(props)
            .hydratable(true)
            .render(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::catalog::CHARTS;
    use crate::data::load_default;

    #[test]
    fn no_text_of_the_data_file_can_close_its_element_and_the_file_reads_the_same() {
        let json = r#"{"note": "a </script> or <!-- in a string", "<b>": 1}"#;
        let script = data_script(json);
        let inner = script
            .strip_prefix(r#"<script type="application/json" id="banan-data">"#)
            .and_then(|rest| rest.strip_suffix("</script>"))
            .expect("one data element");
        assert!(!inner.contains('<'), "{inner}");
        let read = |text| serde_json::from_str::<serde_json::Value>(text).unwrap();
        assert_eq!(read(inner), read(json));
    }

    #[test]
    fn widths_grow_with_their_viewports_and_the_last_takes_the_rest() {
        for pair in IMAGE_WIDTHS.windows(2) {
            assert!(pair[0].width < pair[1].width);
            assert!(pair[0].viewport < pair[1].viewport);
        }
        assert_eq!(IMAGE_WIDTHS.last().map(|w| w.media), Some("all"));
    }

    #[test]
    fn a_picture_offers_every_width_in_both_themes_sized_as_laid_out() {
        let dataset = load_default().expect("the built-in data loads");
        for spec in &CHARTS {
            for lang in [Lang::Zh, Lang::En] {
                let html = picture(spec, &dataset, lang, false).expect("every chart lays out");
                assert_eq!(html.matches("<source ").count(), 2 * IMAGE_WIDTHS.len() - 1);
                assert_eq!(html.matches("<img ").count(), 1);
                assert!(html.contains("loading=\"lazy\""));
                for size in &IMAGE_WIDTHS {
                    let scene = (spec.layout)(&dataset, f64::from(size.width), lang).unwrap();
                    let sized = format!(
                        "width=\"{}\" height=\"{}\"",
                        size.width,
                        scene.height.ceil() as u32
                    );
                    assert!(html.contains(&sized), "{}: {sized} in {html}", spec.id);
                    assert!(html.contains(&image_path(spec.id, lang, size.width, true)));
                    assert!(html.contains(&image_path(spec.id, lang, size.width, false)));
                }
            }
        }
        let eager = picture(&CHARTS[0], &dataset, Lang::Zh, true).unwrap();
        assert!(!eager.contains("loading="));
    }

    // The server renderer is native only.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn only_a_one_chart_page_fetches_its_image_with_the_page() {
        use crate::edition::Edition;
        let dataset = load_default().expect("the built-in data loads");
        for edition in Edition::all() {
            let html = render_edition(&dataset, edition).expect("every edition renders");
            let images = html.matches("<img ").count();
            let lazy = html.matches(" loading=\"lazy\"").count();
            match edition.chart {
                Some(_) => assert_eq!((images, lazy), (1, 0), "{}", edition.folder()),
                None => assert_eq!((images, lazy), (CHARTS.len(), CHARTS.len())),
            }
        }
    }

    #[test]
    fn dark_sources_come_before_light_ones_of_the_same_width() {
        let dataset = load_default().expect("the built-in data loads");
        let html = picture(&CHARTS[0], &dataset, Lang::En, true).unwrap();
        let first_dark = html.find("-331-dark.svg").unwrap();
        let first_light = html.find("-331.svg").unwrap();
        assert!(first_dark < first_light);
        assert!(html.contains("charts/en/clusters-1056.svg"));
    }
}
