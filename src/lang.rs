//! The two languages of the page.

/// A language the page is written in. Chinese is the article's language and the default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
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

    /// The other language: the edition a page links to.
    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    /// Picks the Chinese or the English of a pair.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// The name of the site the graphic is published under: page titles, share tags, oEmbed.
    pub const fn site_name(self) -> &'static str {
        match self {
            Lang::Zh => "巴南数据图解",
            Lang::En => "Banan in figures",
        }
    }

    /// The document's title: the article's title, if there is one, and the site's name. The
    /// page's static `<title>` in index.html is this for Chinese.
    pub fn page_title(self, article_title: Option<&str>) -> String {
        match article_title {
            Some(title) => format!("{title} · {}", self.site_name()),
            None => self.site_name().to_owned(),
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

    /// A chart's source: the article cited.
    pub fn chart_source(self, article_title: &str) -> String {
        format!(
            "{}{}",
            self.pick("来源：", "Source: "),
            self.cite_title(article_title)
        )
    }

    /// What follows a chart's source under it: where its details come from.
    pub fn details_note(self) -> &'static str {
        self.pick(
            "，每项详情附原文语句。",
            "; each item’s details quote the article’s sentence.",
        )
    }

    /// The graphic's source line, under it: the article cited, its credit, and what the
    /// derived figures are.
    pub fn source_line(self, title: &str, credit: &str) -> String {
        let source = self.chart_source(title);
        match self {
            Lang::Zh => format!("{source}，{credit}。派生数据由文中数字计算得出，已标注。"),
            Lang::En => format!("{source}, {credit}. Derived figures are computed from the article’s numbers and marked as such."),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn the_source_line_cites_the_article_and_its_credit() {
        assert_eq!(
            Lang::Zh.source_line("建设『一区五城』", "文：王彩艳"),
            "来源：《建设『一区五城』》，文：王彩艳。派生数据由文中数字计算得出，已标注。"
        );
        assert_eq!(
            Lang::En.source_line("Building “one district”", "Text: Wang Caiyan"),
            "Source: “Building ‘one district’”, Text: Wang Caiyan. Derived figures are computed \
             from the article’s numbers and marked as such."
        );
    }

    #[test]
    fn a_chart_source_cites_the_article_and_says_where_details_come_from() {
        let caption = |lang: Lang, title| lang.chart_source(title) + lang.details_note();
        assert_eq!(
            caption(Lang::Zh, "建设『一区五城』"),
            "来源：《建设『一区五城』》，每项详情附原文语句。"
        );
        assert_eq!(
            caption(Lang::En, "Building “one district”"),
            "Source: “Building ‘one district’”; each item’s details quote the article’s sentence."
        );
    }

    #[test]
    fn tags_codes_and_titles() {
        assert_eq!((Lang::Zh.tag(), Lang::En.tag()), ("zh-CN", "en"));
        assert_eq!(Lang::from_code("zh"), Some(Lang::Zh));
        assert_eq!(Lang::from_code("en"), Some(Lang::En));
        for code in ["", "EN", "zh-CN", "fr"] {
            assert_eq!(Lang::from_code(code), None, "{code}");
        }
        assert_eq!(Lang::default(), Lang::Zh);
        assert_eq!(Lang::Zh.pick("中", "en"), "中");
        assert_eq!(Lang::En.pick("中", "en"), "en");
        assert_eq!((Lang::Zh.other(), Lang::En.other()), (Lang::En, Lang::Zh));
        assert_eq!(Lang::Zh.page_title(None), "巴南数据图解");
        assert_eq!(
            Lang::En.page_title(Some("Building")),
            "Building · Banan in figures"
        );
    }

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
