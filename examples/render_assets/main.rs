//! Writes what the build adds around the page, all from the data file and drawn by the same
//! code as the page's canvas (`charts::draw::draw_scene`, here on plotters' SVG backend):
//!
//! ```text
//! <out>/svg/chart-<id>.svg        each chart at 720 px, for its share page
//! <out>/svg/preview.svg           the 1200×630 share preview of the page (its key chart)
//! <out>/svg/preview-<id>.svg      the share preview of each chart
//! <out>/head.html                 og:/twitter: tags and oEmbed discovery (inlined by Trunk)
//! <out>/share/oembed.json         oEmbed (type "rich") of the page, and oembed-<id>.json of
//!                                 each chart
//! <out>/share/<id>.html           a static page per chart with its own tags and preview
//! <out>/share/share.css           the style of those pages (and favicon.svg, a copy)
//! ```
//!
//! Each in both languages: the English file's name ends in `-en` (`preview-en.svg`,
//! `oembed-<id>-en.json`, `<id>-en.html`).
//!
//! `scripts/build-assets.sh` runs this, then `scripts/rasterize.mjs` turns the SVGs into PNGs
//! in `<out>/share/` with headless Chromium. Absolute addresses (share tags, oEmbed) start
//! with `$BANAN_PUBLIC_URL` (default `http://127.0.0.1:8080/`, the address of `trunk serve`).
//!
//! Run: `cargo run --example render_assets -- generated`

use std::fs;
use std::path::{Path, PathBuf};

use banan_infographic::charts::catalog::{find, ChartSpec, CHARTS};
use banan_infographic::charts::draw::{draw_scene, text_top, Backdrop};
use banan_infographic::charts::layout::{text_block, text_block_height, TextStyle};
use banan_infographic::charts::scene::{Anchor, Fill, Mark, Rect, Scene};
use banan_infographic::charts::theme::{Role, Theme};
use banan_infographic::data::{load_default, Dataset};
use banan_infographic::embed::{file_suffix, share_page_path, KEY_CHART};
use banan_infographic::lang::Lang;
use plotters::prelude::*;

// Yew's server renderer is native only (Cargo.toml).
#[cfg(not(target_arch = "wasm32"))]
mod prerender;
mod share;

use share::{chart_page, head, oembed, Shared, SHARE_CSS};

/// Size of a share preview (Open Graph and Twitter's large card).
const PREVIEW: (u32, u32) = (1200, 630);
/// Width of the chart images of the no-JS fallback, CSS px.
const STATIC_WIDTH: f64 = 720.0;
/// plotters' SVG backend writes font sizes divided by 1.24 (points to pixels); the canvas
/// backend does not. Text sizes are multiplied back so the images match the page.
const SVG_FONT_FIX: f64 = 1.24;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    #[cfg(not(target_arch = "wasm32"))]
    if args.first().map(String::as_str) == Some("prerender") {
        let Some(build) = args.get(1) else {
            eprintln!("usage: render_assets prerender <build folder with Trunk's index.html>");
            std::process::exit(2);
        };
        return prerender::run(Path::new(build), &public_url());
    }
    let out = PathBuf::from(args.first().cloned().unwrap_or_else(|| "generated".into()));
    let public = public_url();
    let dataset = load_default().unwrap_or_else(|error| panic!("{error}"));
    for dir in ["svg", "share"] {
        fs::create_dir_all(out.join(dir)).expect("cannot create the output folders");
    }
    let theme = Theme::light();

    // Each chart's static image and share preview, and the page's, in both languages.
    let mut images = Vec::new();
    for lang in [Lang::Zh, Lang::En] {
        let suffix = file_suffix(lang);
        for spec in &CHARTS {
            let scene = (spec.layout)(&dataset, STATIC_WIDTH, lang)
                .unwrap_or_else(|missing| panic!("{}: {missing}", spec.id));
            write(
                &out.join(format!("svg/chart-{}{suffix}.svg", spec.id)),
                &svg(&scene, &theme),
            );
            images.push((spec, lang, scene.height as u32));
            write(
                &out.join(format!("svg/preview-{}{suffix}.svg", spec.id)),
                &preview(&dataset, spec, false, &theme, lang),
            );
        }
        let key = find(KEY_CHART).expect("the key chart is in the catalog");
        write(
            &out.join(format!("svg/preview{suffix}.svg")),
            &preview(&dataset, key, true, &theme, lang),
        );
    }

    write(&out.join("head.html"), &head(&dataset, &public));
    // The graphic's and each chart's, in both languages; each page links the one it shows.
    for chart in std::iter::once(None).chain(CHARTS.iter().map(Some)) {
        for lang in [Lang::Zh, Lang::En] {
            let address = Shared::of(&dataset, chart, lang, &public).oembed;
            let file = address.rsplit('/').next().expect("a file name");
            write(
                &out.join("share").join(file),
                &oembed(&dataset, chart, &public, lang),
            );
        }
    }
    for &(spec, lang, height) in &images {
        write(
            &out.join(share_page_path(spec.id, lang)),
            &chart_page(&dataset, spec, lang, height, &public),
        );
    }
    write(&out.join("share/share.css"), SHARE_CSS);
    write(
        &out.join("share/favicon.svg"),
        include_str!("../../static/favicon.svg"),
    );
    println!("render_assets: wrote {}", out.display());
}

/// The graphic's published address, ending in `/` (`$BANAN_PUBLIC_URL`).
fn public_url() -> String {
    let mut public = std::env::var("BANAN_PUBLIC_URL")
        .ok()
        .filter(|url| !url.is_empty())
        .unwrap_or_else(|| "http://127.0.0.1:8080/".into());
    if !public.ends_with('/') {
        public.push('/');
    }
    public
}

pub fn write(path: &Path, text: &str) {
    fs::write(path, text).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
}

/// The scene drawn as SVG, with text sized as on the canvas.
pub fn svg(scene: &Scene, theme: &Theme) -> String {
    svg_scaled(scene, theme, 1.0)
}

/// The scene drawn as SVG `scale` times its size.
fn svg_scaled(scene: &Scene, theme: &Theme, scale: f64) -> String {
    let mut text = String::new();
    {
        let size = (
            (scene.width * scale).ceil() as u32,
            (scene.height * scale).ceil() as u32,
        );
        let area = SVGBackend::with_string(&mut text, size).into_drawing_area();
        draw_scene(&area, &svg_text(scene), theme, scale, Backdrop::Filled)
            .expect("drawing to SVG works");
    }
    text
}

/// The scene with its text sized for the SVG backend, each line still placed from the size the
/// page draws it at (`draw_scene` places a line's top from its size).
fn svg_text(scene: &Scene) -> Scene {
    let mut scene = scene.clone();
    for mark in &mut scene.marks {
        if let Mark::Text(text) = mark {
            let size = text.size * SVG_FONT_FIX;
            text.y -= text_top(0.0, size) - text_top(0.0, text.size);
            text.size = size;
        }
    }
    scene
}

/// A 1200×630 share preview: site, heading and note over the chart scaled to fit, and the source.
fn preview(dataset: &Dataset, spec: &ChartSpec, page: bool, theme: &Theme, lang: Lang) -> String {
    let (width, height) = (f64::from(PREVIEW.0), f64::from(PREVIEW.1));
    let margin = 48.0;
    let inner = width - 2.0 * margin;
    let article = &dataset.article;
    let mut chrome = Scene {
        width,
        height,
        ..Scene::default()
    };
    chrome.marks.push(Mark::Box {
        rect: Rect::new(0.0, 0.0, width, 8.0),
        role: Role::Result,
        fill: Fill::Solid,
        stroke: None,
    });
    let style = |size: f64, bold: bool, role: Role| TextStyle { size, bold, role };
    let mut y = 28.0;
    let site = lang.site_name();
    let kicker = if page {
        format!("{site} · {}", article.dek.get(lang))
    } else {
        format!("{site} · {}", article.title.get(lang))
    };
    y += text_block(
        &mut chrome,
        margin,
        y,
        inner,
        &kicker,
        style(20.0, false, Role::Muted),
        Anchor::Start,
    );
    let (heading, note) = if page {
        (
            article.title.get(lang).to_owned(),
            spec.title(dataset, lang),
        )
    } else {
        (spec.title(dataset, lang), spec.note(lang).to_owned())
    };
    y += 6.0;
    // The largest size at which the heading keeps to its lines (English headings are longer).
    let (sizes, most_lines): (&[f64], f64) = if page {
        (&[44.0, 36.0, 30.0], 2.0)
    } else {
        (&[32.0, 28.0, 24.0], 3.0)
    };
    let heading_style = sizes
        .iter()
        .map(|&size| style(size, true, Role::Text))
        .find(|s| text_block_height(&heading, *s, inner) <= most_lines * s.line_height())
        .unwrap_or(style(sizes[sizes.len() - 1], true, Role::Text));
    y += text_block(
        &mut chrome,
        margin,
        y,
        inner,
        &heading,
        heading_style,
        Anchor::Start,
    );
    y += 4.0;
    y += text_block(
        &mut chrome,
        margin,
        y,
        inner,
        &note,
        style(20.0, false, Role::Muted),
        Anchor::Start,
    );
    let source = format!(
        "{}{}{}",
        lang.chart_source(article.title.get(lang)),
        lang.pick("，", "; "),
        article.credit.get(lang)
    );
    let source_style = style(
        if lang == Lang::Zh { 18.0 } else { 16.0 },
        false,
        Role::Muted,
    );
    let foot = height - 24.0 - text_block_height(&source, source_style, inner);
    text_block(
        &mut chrome,
        margin,
        foot,
        inner,
        &source,
        source_style,
        Anchor::Start,
    );

    // The chart: the layout width whose scene, scaled, fills the space best; a chart too tall
    // to stay legible that way is shown at full size from the top, cut off at the source line.
    let (top, bottom) = (y + 20.0, foot - 16.0);
    let room = bottom - top;
    let layout = |w: f64| {
        (spec.layout)(dataset, w, lang).unwrap_or_else(|missing| panic!("{}: {missing}", spec.id))
    };
    let (scene, scale) = [
        1104.0, 1000.0, 900.0, 800.0, 720.0, 640.0, 560.0, 480.0, 400.0, 360.0,
    ]
    .into_iter()
    .map(|w| {
        let scene = layout(w);
        let scale = (inner / scene.width).min(room / scene.height).min(1.5);
        (scene, scale)
    })
    .max_by(|a, b| a.1.total_cmp(&b.1))
    .filter(|(_, scale)| *scale >= 0.8)
    .unwrap_or_else(|| (layout(inner), 1.0));
    let (w, h) = (scene.width * scale, (scene.height * scale).min(room));
    let left = margin + (inner - w) / 2.0;

    // The chart is its own SVG, nested at its place (plotters closes a document once drawn);
    // a nested SVG clips what lies outside its box.
    let chart = svg_scaled(&scene, theme, scale);
    let open = chart.find('>').expect("an SVG document");
    let chart = format!(
        "<svg x=\"{}\" y=\"{}\" width=\"{w:.0}\" height=\"{h:.0}\" viewBox=\"0 0 {w:.0} {h:.0}\">{}",
        left.round(),
        top.round(),
        &chart[open + 1..]
    );
    let frame = svg(&chrome, theme);
    let end = frame.rfind("</svg>").expect("an SVG document");
    format!("{}{chart}</svg>\n", &frame[..end])
}
