//! Embedding on other sites: the iframe snippet editors paste into their CMS, with a first
//! height for each width before the graphic reports its own, estimated from the same layouts
//! that draw the charts. Pure (no browser): the Embed control in the page and the build's asset
//! renderer (`examples/render_assets.rs`, which writes the oEmbed documents) share it.

use crate::charts::catalog::{find, ChartSpec, CHARTS};
use crate::charts::details::{figure_tags, figure_value, with_years};
use crate::charts::text::{wrap, BOLD_FACTOR};
use crate::components::headline_cards::GROUPS;
use crate::data::{Dataset, Figure};
use crate::data_address::ResolvedUrl;
use crate::edition::Edition;
use crate::lang::Lang;

/// The parent script that sizes our iframes on any page, relative to the site's base URL.
pub const PARENT_SCRIPT: &str = "share/embed.js";

/// The host widths, CSS px, the snippet carries a first height for.
pub const SNIPPET_WIDTHS: [u32; 3] = [360, 768, 1280];

/// The chart of the page's share preview.
pub const KEY_CHART: &str = "scale";

/// The address of the embedded graphic, or of one chart (by id): its pre-rendered page
/// (`crate::edition`). `base` is the graphic's address ending in `/`.
pub fn embed_url(base: &str, chart: Option<&str>, lang: Lang) -> String {
    let edition = Edition {
        lang,
        embed: true,
        chart: chart.and_then(find).map(|spec| spec.id),
    };
    format!("{base}{}", edition.folder())
}

/// The path, from the graphic's folder, of the static share page of the chart `chart_id` in
/// `lang` (written by the asset build): the address to share on social media or to give a CMS
/// that embeds by oEmbed, which the page's tags lead to.
pub fn share_page_path(chart_id: &str, lang: Lang) -> String {
    format!("share/{chart_id}{}.html", file_suffix(lang))
}

/// The path, from the graphic's folder, of the address to share `chart` in `lang`, or the whole
/// graphic (`None`): a chart's share page, or the edition's own page, whose tags lead social
/// media and oEmbed to the whole graphic.
pub fn shared_path(chart: Option<&ChartSpec>, lang: Lang) -> String {
    match chart {
        Some(spec) => share_page_path(spec.id, lang),
        None => Edition {
            lang,
            embed: false,
            chart: None,
        }
        .folder(),
    }
}

/// How the name of a shared file (preview, oEmbed document, share page) in `lang` ends: English
/// files in `-en`, the Chinese edition's, the graphic's first, in nothing.
pub fn file_suffix(lang: Lang) -> &'static str {
    lang.pick("", "-en")
}

/// The graphic's folder address (ending in `/`) for snippets, from `folder`, the page's address
/// resolved against `./` by the URL parser: its origin and path only, so that neither the
/// reader's query and fragment nor any user name or password in the address reach a snippet.
pub fn base_of(folder: &ResolvedUrl) -> String {
    format!("{}{}", folder.origin, folder.pathname)
}

/// Escapes text for an HTML element or a double-quoted attribute.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// Lines `text` takes at `size` px in `width` px in `lang`'s page.
///
/// The chart layouts' measurer counts curly quotes a full em, as a Chinese font sets them; the
/// English page sets them from its Latin font, as narrow as straight quotes.
pub fn page_text_lines(text: &str, size: f64, width: f64, lang: Lang) -> f64 {
    let set = match lang {
        Lang::Zh => wrap(text, size, width),
        Lang::En => {
            let straight: String = text
                .chars()
                .map(|c| match c {
                    '‘' | '’' => '\'',
                    '“' | '”' => '"',
                    c => c,
                })
                .collect();
            wrap(&straight, size, width)
        }
    };
    set.len().max(1) as f64
}

/// A box of the embedded page with its vertical margins, from the sizes in static/style.css.
struct Block {
    margin_top: f64,
    height: f64,
    margin_bottom: f64,
}

/// The height of `blocks` stacked in the page's padding: the margins of neighbours collapse
/// into the larger, as CSS lays out block boxes (a figure's 16 px under it and the next one's
/// 4 px above are 16 px apart, not 20).
fn stacked(blocks: impl IntoIterator<Item = Block>) -> f64 {
    let mut total = 0.0;
    let mut margin_above: Option<f64> = None;
    for block in blocks {
        total += margin_above.map_or(block.margin_top, |above| above.max(block.margin_top));
        total += block.height;
        margin_above = Some(block.margin_bottom);
    }
    total + margin_above.unwrap_or(0.0)
}

/// One chart's figure in the embedded page: title, note, canvas, source line, tools.
fn figure(dataset: &Dataset, spec: &ChartSpec, width: f64, lang: Lang) -> Block {
    let canvas = (spec.layout)(dataset, width, lang).map_or(300.0, |scene| scene.height);
    let title = page_text_lines(&spec.title(dataset, lang), 18.4, width, lang) * 18.4 * 1.4 + 4.0;
    let note = page_text_lines(spec.note(lang), 14.4, width, lang) * 14.4 * 1.6 + 12.0;
    // The caption under the canvas, as the figure writes it.
    let caption = lang.chart_source(dataset.article.title.get(lang)) + lang.details_note();
    let source = page_text_lines(&caption, 12.8, width, lang) * 12.8 * 1.6 + 8.0;
    // The row of chart tools: 44 px buttons 8 px below the caption.
    Block {
        margin_top: 4.0,
        height: title + note + canvas + source + 52.0,
        margin_bottom: 16.0,
    }
}

/// The source line under the graphic: a rule, and a paragraph at 0.8rem whose own margins (the
/// user agent's 1em) are its box's.
fn footer(dataset: &Dataset, width: f64, lang: Lang) -> Block {
    let article = &dataset.article;
    let text = lang.source_line(article.title.get(lang), article.credit.get(lang));
    Block {
        margin_top: 16.0,
        height: 1.0 + 8.0 + 12.8 + page_text_lines(&text, 12.8, width, lang) * 12.8 * 1.6,
        margin_bottom: 12.8,
    }
}

/// The headline cards at `width`: four groups 16 px apart, each a grid of cards at least 200 px
/// wide whose empty columns collapse (`auto-fit`, so a group of two fills the row), each row as
/// tall as its tallest card.
fn cards(dataset: &Dataset, width: f64, lang: Lang) -> Block {
    let columns_that_fit = ((width + 8.0) / 208.0).floor().max(1.0) as usize;
    let groups = GROUPS.iter().map(|((zh, en), ids)| {
        let figures: Vec<_> = ids
            .iter()
            .filter_map(|id| dataset.figure(id).ok())
            .collect();
        let columns = columns_that_fit.min(figures.len()).max(1);
        let card_width = (width - (columns as f64 - 1.0) * 8.0) / columns as f64 - 28.0;
        // Padding, the 3 px rule, the value (1.6rem bold, line height 1.2), the label 2 px
        // below it, and the tags at 0.85rem.
        let card = |figure: &Figure| {
            let value = page_text_lines(
                &figure_value(figure, lang),
                25.6 * BOLD_FACTOR,
                card_width,
                lang,
            );
            let label = page_text_lines(figure.label.get(lang), 16.0, card_width, lang);
            let tags = page_text_lines(
                &figure_tags(figure, lang).join(" · "),
                13.6,
                card_width,
                lang,
            );
            24.0 + 3.0 + value * 30.72 + 2.0 + label * 25.6 + tags * 13.6 * 1.6
        };
        let rows: Vec<f64> = figures
            .chunks(columns)
            .map(|row| row.iter().map(|figure| card(figure)).fold(0.0, f64::max))
            .collect();
        // The heading as the page shows it, with the year where the article dates it.
        let heading = with_years(lang.pick(zh, en), dataset.article.this_year.as_ref(), lang);
        page_text_lines(&heading, 16.0, width, lang) * 25.6
            + 8.0
            + rows.iter().sum::<f64>()
            + (rows.len() as f64 - 1.0).max(0.0) * 8.0
    });
    Block {
        margin_top: 4.0,
        height: groups.sum::<f64>() + (GROUPS.len() as f64 - 1.0) * 16.0,
        margin_bottom: 16.0,
    }
}

/// The estimated height, CSS px, of the embedded graphic (`?embed=1`, one chart or the whole
/// page) in an iframe `width` px wide. The graphic reports its real height once loaded; this
/// is only the first guess, so that the page does not jump far.
pub fn estimated_height(
    dataset: &Dataset,
    chart: Option<&ChartSpec>,
    width: u32,
    lang: Lang,
) -> u32 {
    // The embedded page's padding (style.css, `.page.embed`).
    let inner = (f64::from(width) - 16.0).max(200.0);
    let graphic: Vec<Block> = match chart {
        Some(spec) => vec![figure(dataset, spec, inner, lang)],
        None => std::iter::once(cards(dataset, inner, lang))
            .chain(CHARTS.iter().map(|spec| figure(dataset, spec, inner, lang)))
            .collect(),
    };
    let body = stacked(graphic.into_iter().chain([footer(dataset, inner, lang)]));
    (body + 16.0).ceil() as u32
}

/// First heights for each of [`SNIPPET_WIDTHS`].
pub fn estimated_heights(
    dataset: &Dataset,
    chart: Option<&ChartSpec>,
    lang: Lang,
) -> Vec<(u32, u32)> {
    SNIPPET_WIDTHS
        .iter()
        .map(|&width| (width, estimated_height(dataset, chart, width, lang)))
        .collect()
}

/// The HTML to paste for `chart` (or the whole graphic) in `lang`: `snippet` with its title and
/// first heights.
pub fn graphic_snippet(
    base: &str,
    dataset: &Dataset,
    chart: Option<&ChartSpec>,
    lang: Lang,
) -> String {
    snippet(
        base,
        chart.map(|spec| spec.id),
        &embed_title(dataset, chart, lang),
        lang,
        &estimated_heights(dataset, chart, lang),
    )
}

/// The title of the embedded graphic in `lang`: the chart's heading, or the article's title.
pub fn embed_title(dataset: &Dataset, chart: Option<&ChartSpec>, lang: Lang) -> String {
    chart.map_or_else(
        || dataset.article.title.get(lang).to_owned(),
        |spec| spec.title(dataset, lang),
    )
}

/// The HTML to paste: an iframe of the embedded graphic, full width, with a first height per
/// host width (`data-banan-heights`, read by the parent script), and the parent script, which
/// then follows the height the graphic reports. `base` is the site's address ending in `/`.
pub fn snippet(
    base: &str,
    chart: Option<&str>,
    title: &str,
    lang: Lang,
    heights: &[(u32, u32)],
) -> String {
    let fallback = heights
        .iter()
        .find(|(width, _)| *width >= 768)
        .or(heights.last())
        .map_or(600, |(_, height)| *height);
    let table = heights
        .iter()
        .map(|(width, height)| format!("{width}:{height}"))
        .collect::<Vec<_>>()
        .join(" ");
    format!(
        "<iframe src=\"{src}\" title=\"{title}\" width=\"100%\" height=\"{fallback}\" \
         data-banan-heights=\"{table}\" scrolling=\"no\" frameborder=\"0\"></iframe>\n\
         <script async src=\"{script}\"></script>",
        src = escape_html(&embed_url(base, chart, lang)),
        title = escape_html(title),
        script = escape_html(&format!("{base}{PARENT_SCRIPT}")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::load_default;
    use crate::data_address::tests::resolve;

    #[test]
    fn base_addresses() {
        let base = |page: &str| base_of(&resolve("./", page).unwrap());
        assert_eq!(base("https://a.example/"), "https://a.example/");
        assert_eq!(
            base("https://a.example/g/index.html?chart=x#y"),
            "https://a.example/g/"
        );
        assert_eq!(
            base("https://reader:secret@a.example/g/?x=\"><script>"),
            "https://a.example/g/"
        );
        assert_eq!(base("http://127.0.0.1:8080"), "http://127.0.0.1:8080/");
        assert_eq!(
            embed_url("https://a.example/g/", Some("rural"), Lang::En),
            "https://a.example/g/en/embed/rural/"
        );
        assert_eq!(
            embed_url("https://a.example/", None, Lang::Zh),
            "https://a.example/embed/"
        );
        assert_eq!(share_page_path("rural", Lang::Zh), "share/rural.html");
        assert_eq!(share_page_path("rural", Lang::En), "share/rural-en.html");
        let rural = find("rural");
        assert_eq!(shared_path(rural, Lang::En), "share/rural-en.html");
        assert_eq!(shared_path(None, Lang::Zh), "");
        assert_eq!(shared_path(None, Lang::En), "en/");
    }

    #[test]
    fn the_snippet_is_an_iframe_and_the_parent_script() {
        let html = snippet(
            "https://a.example/",
            Some("rural"),
            "A \"quoted\" <title>",
            Lang::En,
            &[(360, 900), (768, 700), (1280, 600)],
        );
        assert_eq!(
            html,
            "<iframe src=\"https://a.example/en/embed/rural/\" \
             title=\"A &quot;quoted&quot; &lt;title&gt;\" width=\"100%\" height=\"700\" \
             data-banan-heights=\"360:900 768:700 1280:600\" scrolling=\"no\" frameborder=\"0\"></iframe>\n\
             <script async src=\"https://a.example/share/embed.js\"></script>"
        );
    }

    #[test]
    fn heights_are_plausible_and_shrink_as_the_host_widens() {
        let dataset = load_default().unwrap();
        for lang in [Lang::Zh, Lang::En] {
            let page = estimated_heights(&dataset, None, lang);
            assert!(page[0].1 > page[2].1, "{page:?}");
            assert!(
                page.iter().all(|(_, h)| (1500..20_000).contains(h)),
                "{page:?}"
            );
            for spec in &CHARTS {
                let chart = estimated_heights(&dataset, Some(spec), lang);
                assert!(chart[0].1 >= chart[2].1, "{}: {chart:?}", spec.id);
                assert!(
                    chart.iter().all(|(_, h)| (150..4_000).contains(h)),
                    "{}: {chart:?}",
                    spec.id
                );
                assert!(chart[0].1 < page[0].1);
            }
        }
    }

    #[test]
    fn english_text_sets_curly_quotes_as_narrow_as_straight_ones() {
        let curly = "“a” ‘b’ “c” ‘d’";
        let straight = "\"a\" 'b' \"c\" 'd'";
        // A full em per quote makes the curly text overflow 100 px at 10 px; straight, it fits.
        assert_eq!(page_text_lines(curly, 10.0, 100.0, Lang::En), 1.0);
        assert_eq!(page_text_lines(curly, 10.0, 100.0, Lang::Zh), 2.0);
        for width in [20.0, 40.0, 60.0, 100.0] {
            assert_eq!(
                page_text_lines(curly, 10.0, width, Lang::En),
                page_text_lines(straight, 10.0, width, Lang::Zh),
                "at {width} px"
            );
        }
        assert_eq!(page_text_lines("", 10.0, 100.0, Lang::En), 1.0);
    }
}
