//! The page's options from its query string (`?lang=en&theme=dark&chart=rural&embed=1`).
//! Unknown parameters and values are reported, never silently ignored.

use crate::charts::catalog;
use crate::data_address::Refusal;
use crate::lang::Lang;

/// Light, dark, or whatever the reader's system prefers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ThemeChoice {
    #[default]
    Auto,
    Light,
    Dark,
}

impl ThemeChoice {
    pub fn from_code(code: &str) -> Option<ThemeChoice> {
        match code {
            "auto" => Some(ThemeChoice::Auto),
            "light" => Some(ThemeChoice::Light),
            "dark" => Some(ThemeChoice::Dark),
            _ => None,
        }
    }
}

/// What the query string asks for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageOptions {
    /// `None` when the URL does not say; the page then follows the reader's browser.
    pub lang: Option<Lang>,
    pub theme: ThemeChoice,
    /// One chart alone.
    pub chart: Option<String>,
    /// No page chrome, for iframes on other sites.
    pub embed: bool,
    /// A data file to load instead of the embedded one: the address `data_address` accepted.
    pub data: Option<String>,
}

/// Something in the query string the page could not follow.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryNotice {
    pub zh: String,
    pub en: String,
}

/// A `?data=` value as the page shows it in a notice: characters that would be invisible (a tab,
/// a line break) are written as the address would write them, `%09`.
fn visible(value: &str) -> String {
    value
        .chars()
        .map(|c| match c {
            c if c.is_control() => format!("%{:02X}", u32::from(c)),
            c => c.to_string(),
        })
        .collect()
}

/// Reads the query string's `pairs`, already decoded (the browser's `URLSearchParams`).
/// `data_address` decides what a `?data=` value may load (`crate::data_address`).
pub fn parse_query(
    pairs: impl IntoIterator<Item = (String, String)>,
    data_address: impl Fn(&str) -> Result<String, Refusal>,
) -> (PageOptions, Vec<QueryNotice>) {
    let mut options = PageOptions::default();
    let mut notices = Vec::new();
    for (key, value) in pairs {
        let invalid = |valid: &str| {
            let (key, value) = (visible(&key), visible(&value));
            QueryNotice {
                zh: format!("参数 {key}={value} 无效，可用的值：{valid}。已使用默认值。"),
                en: format!("The parameter {key}={value} is not valid; valid values: {valid}. The default is used."),
            }
        };
        match key.as_str() {
            "lang" => match Lang::from_code(&value) {
                Some(lang) => options.lang = Some(lang),
                None => notices.push(invalid("zh, en")),
            },
            "theme" => match ThemeChoice::from_code(&value) {
                Some(theme) => options.theme = theme,
                None => notices.push(invalid("light, dark, auto")),
            },
            "embed" => match value.as_str() {
                "1" | "true" | "" => options.embed = true,
                "0" | "false" => options.embed = false,
                _ => notices.push(invalid("1, 0")),
            },
            // A graphic must never show figures from elsewhere.
            "data" => match data_address(&value) {
                Ok(address) => options.data = Some(address),
                Err(refusal) => {
                    let value = visible(&value);
                    notices.push(QueryNotice {
                        zh: format!(
                            "参数 data={value} 未被采用：{}。本图只加载本图解目录下的数据文件，例如 data/article.json；现显示内置数据。",
                            refusal.reason(Lang::Zh)
                        ),
                        en: format!(
                            "The parameter data={value} is refused: {}. This graphic loads only data files from its own folder, such as data/article.json; the built-in data is shown.",
                            refusal.reason(Lang::En)
                        ),
                    })
                }
            },
            "chart" => match catalog::find(&value) {
                Some(chart) => options.chart = Some(chart.id.to_owned()),
                None => notices.push(invalid(&catalog::ids())),
            },
            // Added by a pym.js parent to the address of the iframe it makes; read by
            // static/page.js, not by the page.
            "initialWidth" | "childId" | "parentTitle" | "parentUrl" => {}
            _ => notices.push(QueryNotice {
                zh: format!("未知参数“{key}”已忽略；可用参数：lang、theme、chart、embed、data。"),
                en: format!("The unknown parameter “{key}” is ignored; known parameters: lang, theme, chart, embed, data."),
            }),
        }
    }
    (options, notices)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data_address::{data_address, tests as address};

    /// The query string as the browser's `URLSearchParams` decodes it (the `url` crate's
    /// `form_urlencoded` follows the same standard), on a page at the root of a test site.
    fn parse(search: &str) -> (PageOptions, Vec<QueryNotice>) {
        let pairs = url::form_urlencoded::parse(search.trim_start_matches('?').as_bytes())
            .map(|(key, value)| (key.into_owned(), value.into_owned()));
        let page = address::page("https://news.example/graphics/banan/?x");
        parse_query(pairs, |value| data_address(value, &page, address::resolve))
    }

    #[test]
    fn reads_every_option() {
        let (options, notices) = parse("?lang=en&theme=dark&chart=rural&embed=1&data=d.json");
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(
            options,
            PageOptions {
                lang: Some(Lang::En),
                theme: ThemeChoice::Dark,
                chart: Some("rural".into()),
                embed: true,
                data: Some("https://news.example/graphics/banan/d.json".into()),
            }
        );
        assert_eq!(parse("").0, PageOptions::default());
    }

    #[test]
    fn every_theme_and_language_is_read() {
        for (search, theme) in [
            ("theme=light", ThemeChoice::Light),
            ("theme=dark", ThemeChoice::Dark),
            ("theme=dark&theme=auto", ThemeChoice::Auto),
        ] {
            let (options, notices) = parse(search);
            assert_eq!(options.theme, theme, "{search}");
            assert!(notices.is_empty(), "{search}: {notices:?}");
        }
        assert_eq!(parse("lang=zh").0.lang, Some(Lang::Zh));
        assert_eq!(parse("lang=en").0.lang, Some(Lang::En));
    }

    #[test]
    fn embed_is_on_for_1_true_or_no_value_and_off_for_0_or_false() {
        for (search, embed) in [
            ("embed=1", true),
            ("embed=true", true),
            ("embed", true),
            ("embed=", true),
            ("embed=0", false),
            ("embed=false", false),
            ("embed=1&embed=0", false),
        ] {
            let (options, notices) = parse(search);
            assert_eq!(options.embed, embed, "{search}");
            assert!(notices.is_empty(), "{search}: {notices:?}");
        }
        let (options, notices) = parse("embed=yes");
        assert!(!options.embed);
        assert!(notices[0].en.contains("embed=yes") && notices[0].en.contains("1, 0"));
    }

    #[test]
    fn reports_unknown_values_and_keeps_defaults() {
        let (options, notices) = parse("lang=fr&chart=pie&utm_source=x&theme=%E6%B7%B1");
        assert_eq!(options, PageOptions::default());
        assert_eq!(notices.len(), 4);
        assert!(notices[0].en.contains("lang=fr") && notices[0].en.contains("zh, en"));
        assert!(
            notices[1]
                .en
                .contains("clusters, display, investment, scale"),
            "{}",
            notices[1].en
        );
        assert!(notices[2].zh.contains("utm_source"));
        assert!(notices[3].zh.contains("theme=深"));
    }

    #[test]
    fn a_refused_data_value_is_named_with_the_reason_in_each_language() {
        for (search, shown, why_zh, why_en) in [
            (
                "data=//evil.example/x.json",
                "data=//evil.example/x.json",
                "其他网站（https://evil.example）",
                "another site (https://evil.example)",
            ),
            (
                "data=/%09/evil.example/x.json",
                "data=/%09/evil.example/x.json",
                "其他网站",
                "another site",
            ),
            (
                "data=../x.json",
                "data=../x.json",
                "不在本图解的目录（/graphics/banan/）之内",
                "outside this graphic’s folder (/graphics/banan/)",
            ),
            ("data=", "data=", "没有给出文件地址", "gives no file"),
        ] {
            let (options, notices) = parse(search);
            assert_eq!(options.data, None, "{search}");
            assert_eq!(notices.len(), 1, "{search}");
            let QueryNotice { zh, en } = &notices[0];
            assert!(zh.contains(shown) && zh.contains(why_zh), "{zh}");
            assert!(en.contains(shown) && en.contains(why_en), "{en}");
            // The Chinese notice is Chinese throughout, but for the value and the example path.
            assert!(!zh.contains("a path") && !zh.contains("site"), "{zh}");
        }
    }

    #[test]
    fn a_pym_parent_s_parameters_are_expected() {
        let (options, notices) = parse(
            "embed=1&chart=rural&initialWidth=360&childId=g&parentTitle=A%20B&parentUrl=https%3A%2F%2Fh.example%2F",
        );
        assert!(notices.is_empty(), "{notices:?}");
        assert!(options.embed);
        assert_eq!(options.chart.as_deref(), Some("rural"));
    }

    #[test]
    fn invisible_characters_in_a_value_are_shown() {
        let (options, notices) = parse("theme=%09dark%0A");
        assert_eq!(options.theme, ThemeChoice::Auto);
        assert!(
            notices[0].en.contains("theme=%09dark%0A"),
            "{}",
            notices[0].en
        );
    }
}
