//! The two languages of the page.

use serde::{Deserialize, Serialize};

/// A language the page is written in. Chinese is the article's language and the default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// The BCP 47 tag for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// Parses the value of a `?lang=` parameter.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Picks the Chinese or the English of a pair.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// `title` cited as a work: 《title》 in Chinese (whose titles already nest 『』), “title” in
    /// English with the title's own double quotes turned single, as quotes within quotes are.
    pub fn cite_title(self, title: &str) -> String {
        match self {
            Lang::Zh => format!("《{title}》"),
            Lang::En => format!("“{}”", title.replace('“', "‘").replace('”', "’")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn a_cited_title_nests_its_quotes() {
        let title = "Building “one district, five cities”, striving for “two highs”";
        assert_eq!(
            Lang::En.cite_title(title),
            "“Building ‘one district, five cities’, striving for ‘two highs’”"
        );
        assert_eq!(
            Lang::Zh.cite_title("建设『一区五城』"),
            "《建设『一区五城』》"
        );
    }
}
