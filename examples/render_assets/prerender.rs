//! `render_assets prerender <build>`: writes the whole page into the HTML of every address the
//! graphic has (`banan_infographic::edition`), from Trunk's `index.html` in `<build>`, so that
//! readers see it before the wasm arrives and without JavaScript at all:
//!
//! ```text
//! <build>/index.html, en/index.html, embed/…, en/embed/<chart>/index.html
//!       the page rendered by Yew's server renderer (hydratable), in Trunk's shell, with the
//!       edition's language, title and description and a <base> back to the root
//!       and the data file it was rendered from (read by the page instead of compiled into the
//!       wasm, so that a change of a figure leaves the code readers have cached as it is)
//! <build>/charts/<lang>/<chart>-<width>[-dark].svg
//!       each chart's first image at the widths of `prerender::IMAGE_WIDTHS`, light and dark,
//!       drawn by the page's own chart code on plotters' SVG backend
//! ```
//!
//! Run by Trunk's post_build hook (Trunk.toml) on the staging folder, in `trunk build` and
//! `trunk serve` alike.

use std::fs;
use std::ops::Range;
use std::path::Path;

use banan_infographic::charts::catalog::{find, ChartSpec, CHARTS};
use banan_infographic::charts::theme::Theme;
use banan_infographic::data::{load_default, Dataset, DEFAULT_DATA_JSON};
use banan_infographic::edition::Edition;
use banan_infographic::embed::escape_html as esc;
use banan_infographic::lang::Lang;
use banan_infographic::prerender::{data_script, image_path, render_edition, IMAGE_WIDTHS};

use super::share::{og_locales, Shared};
use super::{svg, write};

pub fn run(build: &Path, public: &str) {
    let shell = fs::read_to_string(build.join("index.html"))
        .unwrap_or_else(|error| panic!("{}/index.html: {error}", build.display()));
    let dataset = load_default().unwrap_or_else(|error| panic!("{error}"));
    let mut images = 0;
    for lang in [Lang::Zh, Lang::En] {
        for spec in &CHARTS {
            images += write_images(build, &dataset, spec, lang);
        }
    }
    let editions = Edition::all();
    for edition in &editions {
        let body = render_edition(&dataset, *edition)
            .unwrap_or_else(|missing| panic!("{}: {missing}", edition.folder()));
        let page = page(&shell, &dataset, *edition, &body, public)
            .unwrap_or_else(|why| panic!("{}index.html: {why}", edition.folder()));
        let folder = build.join(edition.folder());
        fs::create_dir_all(&folder).expect("cannot create the edition's folder");
        write(&folder.join("index.html"), &page);
    }
    println!(
        "render_assets prerender: {} pages and {images} chart images in {}",
        editions.len(),
        build.display()
    );
}

/// Draws `spec` at every width of `IMAGE_WIDTHS` in both themes; returns how many files.
fn write_images(build: &Path, dataset: &Dataset, spec: &ChartSpec, lang: Lang) -> usize {
    let mut count = 0;
    for size in &IMAGE_WIDTHS {
        let scene = (spec.layout)(dataset, f64::from(size.width), lang)
            .unwrap_or_else(|missing| panic!("{}: {missing}", spec.id));
        for dark in [false, true] {
            let theme = if dark { Theme::dark() } else { Theme::light() };
            let path = build.join(image_path(spec.id, lang, size.width, dark));
            fs::create_dir_all(path.parent().expect("an image has a folder"))
                .expect("cannot create the images' folder");
            write(&path, &svg(&scene, &theme));
            count += 1;
        }
    }
    count
}

/// Trunk's `shell` (index.html, minified or not) with the edition's language, title,
/// description and base, `body` in its `#app`, and the data file after it.
fn page(
    shell: &str,
    dataset: &Dataset,
    edition: Edition,
    body: &str,
    public: &str,
) -> Result<String, String> {
    let lang = edition.lang;
    let chart = edition.chart.and_then(find);
    // A chart's embedded page describes that chart: its title, preview and oEmbed document.
    let shared = Shared::of(dataset, chart, lang, public);
    let description = match chart {
        Some(spec) => spec.note(lang),
        None => dataset.article.dek.get(lang),
    };
    let mut html = shell.to_owned();
    replace_tag(
        &mut html,
        "<html",
        &format!("<html lang=\"{}\">", lang.tag()),
    )?;
    let (open, close) = (
        html.find("<title>").ok_or("no <title>")?,
        html.find("</title>").ok_or("no </title>")?,
    );
    html.replace_range(open..close, &format!("<title>{}", esc(&shared.title)));
    replace_meta(&mut html, "name", "description", description)?;
    // The shell carries the Chinese whole graphic's share tags (head.html).
    let url = format!("{public}{}", edition.folder());
    let (locale, other_locale) = og_locales(lang);
    for (attribute, name, content) in [
        ("property", "og:title", shared.title.as_str()),
        ("name", "twitter:title", &shared.title),
        ("property", "og:description", &shared.description),
        ("name", "twitter:description", &shared.description),
        ("property", "og:url", &url),
        ("property", "og:image", &shared.image),
        ("name", "twitter:image", &shared.image),
        ("property", "og:image:alt", &shared.image_alt),
        ("name", "twitter:image:alt", &shared.image_alt),
        ("property", "og:locale", locale),
        ("property", "og:locale:alternate", other_locale),
    ] {
        replace_meta(&mut html, attribute, name, content)?;
    }
    let oembed = find_tag(&html, "<link", "type", "application/json+oembed")?;
    html.replace_range(
        oembed,
        &format!(
            "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}\" title=\"{}\">",
            esc(&shared.oembed),
            esc(&shared.title)
        ),
    );
    // After the charset, before anything with an address: the page's assets, links and data
    // file are all addressed from the graphic's root.
    let charset = html.find("<meta charset").ok_or("no <meta charset>")?;
    let after = charset + html[charset..].find('>').ok_or("an unclosed <meta>")? + 1;
    let mut head = String::new();
    if !edition.folder().is_empty() {
        head.push_str(&format!("<base href=\"{}\">", edition.to_root()));
    }
    if !edition.embed {
        for other in [Lang::Zh, Lang::En] {
            let folder = Edition {
                lang: other,
                ..edition
            }
            .folder();
            head.push_str(&format!(
                "<link rel=\"alternate\" hreflang=\"{}\" href=\"{public}{folder}\">",
                other.tag()
            ));
        }
    } else {
        // An embed is part of someone else's page, not a page of its own to list.
        head.push_str("<meta name=\"robots\" content=\"noindex\">");
    }
    html.insert_str(after, &head);
    let app = ["<div id=\"app\"></div>", "<div id=app></div>"]
        .iter()
        .find_map(|empty| html.find(empty).map(|at| (at, empty.len())))
        .ok_or("no empty <div id=\"app\"></div>")?;
    html.replace_range(
        app.0..app.0 + app.1,
        &format!(
            "<div id=\"app\" data-edition=\"{}\">{body}</div>{}",
            edition.folder(),
            data_script(DEFAULT_DATA_JSON)
        ),
    );
    Ok(html)
}

/// Replaces the whole tag that starts with `start` (`<html`) by `tag`.
fn replace_tag(html: &mut String, start: &str, tag: &str) -> Result<(), String> {
    let at = html.find(start).ok_or(format!("no {start}"))?;
    let end = at + html[at..].find('>').ok_or(format!("an unclosed {start}"))? + 1;
    html.replace_range(at..end, tag);
    Ok(())
}

/// Where the tag that opens with `open` (`<meta`) and has `attribute` = `value` (quoted or not,
/// as a minifier leaves it) is in `html`.
fn find_tag(html: &str, open: &str, attribute: &str, value: &str) -> Result<Range<usize>, String> {
    let spellings = [
        format!("{attribute}=\"{value}\""),
        format!("{attribute}={value}>"),
        format!("{attribute}={value} "),
    ];
    let found = spellings
        .iter()
        .find_map(|spelling| html.find(spelling.as_str()))
        .ok_or(format!("no {open} {attribute}={value}>"))?;
    let start = html[..found]
        .rfind(open)
        .ok_or(format!("{attribute}={value} outside {open}"))?;
    let end = found
        + html[found..]
            .find('>')
            .ok_or(format!("an unclosed {open}"))?
        + 1;
    Ok(start..end)
}

/// Replaces the `<meta>` whose `attribute` is `value` by one with `content`.
fn replace_meta(
    html: &mut String,
    attribute: &str,
    value: &str,
    content: &str,
) -> Result<(), String> {
    let tag = find_tag(html, "<meta", attribute, value)?;
    html.replace_range(
        tag,
        &format!(
            "<meta {attribute}=\"{value}\" content=\"{}\">",
            esc(content)
        ),
    );
    Ok(())
}
