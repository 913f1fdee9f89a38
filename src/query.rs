//! The page's options from its query string (`?lang=en&theme=dark&chart=rural&embed=1`).
//! Unknown parameters and values are reported, never silently ignored.

use crate::charts::catalog;
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
    /// A data file to load instead of the embedded one: a path on this site.
    pub data: Option<String>,
}

/// Something in the query string the page could not follow.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryNotice {
    pub zh: String,
    pub en: String,
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        match bytes[index] {
            b'+' => out.push(b' '),
            b'%' if index + 2 < bytes.len() => {
                match text
                    .get(index + 1..index + 3)
                    .and_then(|hex| u8::from_str_radix(hex, 16).ok())
                    .ok_or(())
                {
                    Ok(byte) => {
                        out.push(byte);
                        index += 2;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            byte => out.push(byte),
        }
        index += 1;
    }
    // Bytes that are not UTF-8 once decoded are reported as the reader wrote them.
    String::from_utf8(out).unwrap_or_else(|_| text.to_owned())
}

/// Parses `search` (with or without the leading `?`).
pub fn parse_query(search: &str) -> (PageOptions, Vec<QueryNotice>) {
    let mut options = PageOptions::default();
    let mut notices = Vec::new();
    for pair in search
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
    {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let (key, value) = (percent_decode(key), percent_decode(value));
        let mut unknown_value = |valid: &str| {
            notices.push(QueryNotice {
                zh: format!("参数 {key}={value} 无效，可用的值：{valid}。已使用默认值。"),
                en: format!("The parameter {key}={value} is not valid; valid values: {valid}. The default is used."),
            })
        };
        match key.as_str() {
            "lang" => match Lang::from_code(&value) {
                Some(lang) => options.lang = Some(lang),
                None => unknown_value("zh, en"),
            },
            "theme" => match ThemeChoice::from_code(&value) {
                Some(theme) => options.theme = theme,
                None => unknown_value("light, dark, auto"),
            },
            "embed" => match value.as_str() {
                "1" | "true" | "" => options.embed = true,
                "0" | "false" => options.embed = false,
                _ => unknown_value("1, 0"),
            },
            // Same-site paths only: a graphic must never show figures from elsewhere.
            "data" => {
                let same_site = !value.is_empty() && !crate::search::contains(&value, "//") && !value.contains(':') && !value.starts_with('\\');
                if same_site {
                    options.data = Some(value.clone());
                } else {
                    unknown_value("a path on this site, such as data/article.json")
                }
            }
            "chart" => match catalog::find(&value) {
                Some(chart) => options.chart = Some(chart.id.to_owned()),
                None => unknown_value(&catalog::ids()),
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

    #[test]
    fn reads_every_option() {
        let (options, notices) = parse_query("?lang=en&theme=dark&chart=rural&embed=1&data=d.json");
        assert!(notices.is_empty());
        assert_eq!(
            options,
            PageOptions {
                lang: Some(Lang::En),
                theme: ThemeChoice::Dark,
                chart: Some("rural".into()),
                embed: true,
                data: Some("d.json".into()),
            }
        );
        assert_eq!(parse_query("").0, PageOptions::default());
    }

    #[test]
    fn reports_unknown_values_and_keeps_defaults() {
        let (options, notices) = parse_query("lang=fr&chart=pie&utm_source=x&theme=%E6%B7%B1");
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
    fn data_must_be_a_path_on_this_site() {
        assert_eq!(
            parse_query("data=fixtures/x.json").0.data.as_deref(),
            Some("fixtures/x.json")
        );
        for bad in [
            "data=https://evil.example/x.json",
            "data=//evil.example/x",
            "data=javascript:alert(1)",
            "data=",
        ] {
            let (options, notices) = parse_query(bad);
            assert_eq!(options.data, None, "{bad}");
            assert_eq!(notices.len(), 1, "{bad}");
        }
    }

    #[test]
    fn a_pym_parent_s_parameters_are_expected() {
        let (options, notices) = parse_query(
            "embed=1&chart=rural&initialWidth=360&childId=g&parentTitle=A%20B&parentUrl=https%3A%2F%2Fh.example%2F",
        );
        assert!(notices.is_empty(), "{notices:?}");
        assert!(options.embed);
        assert_eq!(options.chart.as_deref(), Some("rural"));
    }

    #[test]
    fn a_value_that_is_not_utf8_is_reported_as_written() {
        let (options, notices) = parse_query("theme=%E6%B7");
        assert_eq!(options.theme, ThemeChoice::Auto);
        assert!(notices[0].en.contains("theme=%E6%B7"), "{}", notices[0].en);
    }

    #[test]
    fn decoding_is_total() {
        for search in ["%", "%z", "a=%e6%", "=", "&&", "lang", "%%%=%%"] {
            let _ = parse_query(search);
        }
    }
}
