//! What a page of the graphic says about itself to the places it is shared and embedded: its
//! share tags (Open Graph, Twitter) and oEmbed discovery, the oEmbed documents, and the static
//! share page of each chart; in both languages.

use banan_infographic::charts::catalog::{find, ChartSpec};
use banan_infographic::data::Dataset;
use banan_infographic::embed::{
    embed_title, escape_html as esc, estimated_height, file_suffix, graphic_snippet,
    share_page_path, KEY_CHART,
};
use banan_infographic::lang::Lang;
use serde_json::json;

use super::{PREVIEW, STATIC_WIDTH};

const SITE_ZH: &str = Lang::Zh.site_name();
const SITE_EN: &str = Lang::En.site_name();

/// Open Graph's locale of `lang`, and of the other edition.
pub fn og_locales(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::Zh => ("zh_CN", "en_US"),
        Lang::En => ("en_US", "zh_CN"),
    }
}

/// The page's share tags and oEmbed discovery, inlined into `<head>` by Trunk.
pub fn head(dataset: &Dataset, public: &str) -> String {
    share_tags(
        &Shared::of(dataset, None, Lang::Zh, public),
        Lang::Zh,
        public,
    )
}

/// What a page's share tags and oEmbed discovery describe, in `lang`: the whole graphic, or one
/// chart (its share page and its embedded page).
pub struct Shared {
    /// The page's title, with the site's name.
    pub title: String,
    /// The share tags' description.
    pub description: String,
    pub image: String,
    /// The preview's description.
    pub image_alt: String,
    pub oembed: String,
}

impl Shared {
    pub fn of(dataset: &Dataset, chart: Option<&ChartSpec>, lang: Lang, public: &str) -> Shared {
        // The Chinese edition's descriptions carry the English too, for readers abroad.
        let both = |zh: &str, en: &str| match lang {
            Lang::Zh if zh.ends_with('。') => format!("{zh}{en}"),
            Lang::Zh => format!("{zh} {en}"),
            Lang::En => en.to_owned(),
        };
        let suffix = file_suffix(lang);
        let article = &dataset.article;
        match chart {
            None => Shared {
                title: lang.page_title(Some(article.title.get(lang))),
                description: both(&format!("{}。", article.dek.zh), &article.dek.en),
                image: format!("{public}share/preview{suffix}.png"),
                image_alt: format!(
                    "{}{}{}",
                    article.title.get(lang),
                    lang.pick("：", ": "),
                    find(KEY_CHART)
                        .map(|s| s.title(dataset, lang))
                        .unwrap_or_default()
                ),
                oembed: format!("{public}share/oembed{suffix}.json"),
            },
            Some(spec) => {
                let title = spec.title(dataset, lang);
                Shared {
                    title: lang.page_title(Some(&title)),
                    description: both(spec.note(Lang::Zh), spec.note(Lang::En)),
                    image: format!("{public}share/preview-{}{suffix}.png", spec.id),
                    image_alt: title,
                    oembed: format!("{public}share/oembed-{}{suffix}.json", spec.id),
                }
            }
        }
    }
}

/// The share tags and oEmbed discovery of the page at `url`, in `lang`.
fn share_tags(shared: &Shared, lang: Lang, url: &str) -> String {
    let (title, description, url, image, image_alt, oembed) = (
        esc(&shared.title),
        esc(&shared.description),
        esc(url),
        esc(&shared.image),
        esc(&shared.image_alt),
        esc(&shared.oembed),
    );
    let (w, h) = PREVIEW;
    let (locale, other_locale) = og_locales(lang);
    format!(
        r#"<meta property="og:type" content="article" />
<meta property="og:site_name" content="{SITE_ZH} {SITE_EN}" />
<meta property="og:locale" content="{locale}" />
<meta property="og:locale:alternate" content="{other_locale}" />
<meta property="og:title" content="{title}" />
<meta property="og:description" content="{description}" />
<meta property="og:url" content="{url}" />
<meta property="og:image" content="{image}" />
<meta property="og:image:type" content="image/png" />
<meta property="og:image:width" content="{w}" />
<meta property="og:image:height" content="{h}" />
<meta property="og:image:alt" content="{image_alt}" />
<meta name="twitter:card" content="summary_large_image" />
<meta name="twitter:title" content="{title}" />
<meta name="twitter:description" content="{description}" />
<meta name="twitter:image" content="{image}" />
<meta name="twitter:image:alt" content="{image_alt}" />
<link rel="alternate" type="application/json+oembed" href="{oembed}" title="{title}" />
"#
    )
}

/// oEmbed 1.0, type "rich": the embed snippet of the `lang` edition with its size at a 768 px
/// column.
pub fn oembed(dataset: &Dataset, spec: Option<&ChartSpec>, public: &str, lang: Lang) -> String {
    let title = embed_title(dataset, spec, lang);
    let html = graphic_snippet(public, dataset, spec, lang);
    let thumbnail = Shared::of(dataset, spec, lang, public).image;
    let value = json!({
        "version": "1.0",
        "type": "rich",
        "title": title,
        "author_name": dataset.article.credit.get(lang),
        "provider_name": format!("{SITE_ZH} {SITE_EN}"),
        "provider_url": public,
        "cache_age": 86400,
        "html": html,
        "width": 768,
        "height": estimated_height(dataset, spec, 768, lang),
        "thumbnail_url": thumbnail,
        "thumbnail_width": PREVIEW.0,
        "thumbnail_height": PREVIEW.1,
    });
    let mut text = serde_json::to_string_pretty(&value).expect("JSON");
    text.push('\n');
    text
}

/// A static page of one chart in `lang`: its share tags and oEmbed discovery, the chart as an
/// image (`height` px tall at `STATIC_WIDTH`), and a link to the interactive chart.
pub fn chart_page(
    dataset: &Dataset,
    spec: &ChartSpec,
    lang: Lang,
    height: u32,
    public: &str,
) -> String {
    let title = spec.title(dataset, lang);
    let shared = Shared::of(dataset, Some(spec), lang, public);
    let suffix = file_suffix(lang);
    let tags = share_tags(
        &shared,
        lang,
        &format!("{public}{}", share_page_path(spec.id, lang)),
    );
    let source = format!(
        "{}{}",
        lang.chart_source(dataset.article.title.get(lang)),
        lang.details_note()
    );
    let (edition, open) = match lang {
        Lang::Zh => ("", "打开互动图表 Open the interactive chart"),
        Lang::En => ("en/", "Open the interactive chart"),
    };
    format!(
        r#"<!doctype html>
<html lang="{html_lang}">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>{page_title}</title>
<meta name="description" content="{note}" />
<link rel="icon" href="favicon.svg" />
<link rel="stylesheet" href="share.css" />
{tags}</head>
<body>
<main>
<h1>{title}</h1>
<p class="note">{note}</p>
<img src="chart-{id}{suffix}.png" width="{width}" height="{height}" alt="{title}" />
<p class="note">{source}</p>
<p><a href="../{edition}?chart={id}">{open}</a></p>
</main>
</body>
</html>
"#,
        html_lang = lang.tag(),
        page_title = esc(&shared.title),
        title = esc(&title),
        note = esc(spec.note(lang)),
        id = spec.id,
        width = STATIC_WIDTH as u32,
        source = esc(&source),
    )
}

pub const SHARE_CSS: &str = "body{margin:0;font:16px/1.6 system-ui,\"Noto Sans CJK SC\",sans-serif;color:#1a1a1a;background:#fff}\
main{max-width:752px;margin:0 auto;padding:16px}h1{font-size:1.3rem;line-height:1.4}\
img{display:block;max-width:100%;height:auto}.note{color:#5c5c5c;font-size:.9rem}\
h2{font-size:1.1rem;line-height:1.4;margin:24px 0 4px}figure{margin:24px 0}ul{padding-left:20px}\
span[lang=en]{color:#5c5c5c;font-weight:normal}\n";
