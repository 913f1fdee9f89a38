//! What a reader is told about an item: built from the checked model in the page's language.

use crate::data::{Dataset, DerivedYear, Figure, NamedList, Source};
use crate::format::{format_as_written, qualifier_label, status_label};
use crate::lang::Lang;

use super::scene::{Details, Item, Rect, SourceQuote};

/// The quote of a source sentence: Chinese always, the English rendering on the English page.
pub fn quote(source: &Source, lang: Lang) -> SourceQuote {
    SourceQuote {
        zh: source.display_zh(),
        en: (lang == Lang::En).then(|| source.text.en.clone()),
    }
}

/// The quotes of `sources`, a sentence quoted twice only once.
pub fn quotes(sources: &[&Source], lang: Lang) -> Vec<SourceQuote> {
    let mut quotes: Vec<SourceQuote> = Vec::with_capacity(sources.len());
    for source in sources {
        let quote = quote(source, lang);
        if !quotes.contains(&quote) {
            quotes.push(quote);
        }
    }
    quotes
}

/// The figure's value, formatted with its unit and qualifier in the article's words.
pub fn figure_value(figure: &Figure, lang: Lang) -> String {
    format_as_written(
        Some(figure.value),
        figure.unit,
        figure.qualifier,
        &figure.written,
        lang,
    )
}

/// The figure's period in words, with the year where we derived it: 去年，2021年, last year,
/// 2021.
pub fn period_text(figure: &Figure, lang: Lang) -> Option<String> {
    let period = figure.period.as_ref()?.get(lang);
    Some(match (&figure.year, lang) {
        (Some(derived), Lang::Zh) => format!("{period}，{}年", derived.year),
        (Some(derived), Lang::En) => format!("{period}, {}", derived.year),
        (None, _) => period.to_owned(),
    })
}

/// The tags of a figure: its qualifier in words, result/plan/target, its period, and whether
/// its year is derived.
pub fn figure_tags(figure: &Figure, lang: Lang) -> Vec<String> {
    let mut tags = Vec::new();
    let qualifier = qualifier_label(figure.qualifier, lang);
    if !qualifier.is_empty() {
        tags.push(qualifier.to_owned());
    }
    tags.push(status_label(figure.status, lang).to_owned());
    tags.extend(period_text(figure, lang));
    if figure.year.is_some() {
        tags.push(lang.pick("年份为派生", "year derived").to_owned());
    }
    tags
}

/// The figure's label with its period in brackets: 工业总产值（去年，2021年）, gross industrial
/// output (last year, 2021).
pub fn label_with_period(figure: &Figure, lang: Lang) -> String {
    let label = figure.label.get(lang);
    match (period_text(figure, lang), lang) {
        (Some(period), Lang::Zh) => format!("{label}（{period}）"),
        (Some(period), Lang::En) => format!("{label} ({period})"),
        (None, _) => label.to_owned(),
    }
}

/// The item a reader points at for `figure`, over `bounds`.
pub fn figure_item(figure: &Figure, bounds: Rect, lang: Lang) -> Item {
    Item {
        key: figure.id.clone(),
        bounds,
        details: figure_details(figure, lang),
    }
}

/// Everything about one figure; a derived year says how it was derived and quotes the
/// sentences that date the article's 今年.
pub fn figure_details(figure: &Figure, lang: Lang) -> Details {
    let mut dated_by: Vec<&Source> = Vec::new();
    let note = figure.year.as_ref().map(|derived| {
        dated_by.extend(derived.sources.iter().map(|source| &**source));
        let last_year = figure
            .period
            .as_ref()
            .is_some_and(|period| period.zh.contains("去年"));
        let this_year = derived.year + i32::from(last_year);
        match (lang, last_year) {
            (Lang::Zh, false) => format!("年份为派生：文章谈今年的计划时写明“{this_year}年”。"),
            (Lang::Zh, true) => format!(
                "年份为派生：文章谈今年的计划时写明“{this_year}年”，去年即{}年。",
                derived.year
            ),
            (Lang::En, false) => {
                format!("The year is derived: the article dates this year’s plans “{this_year}”.")
            }
            (Lang::En, true) => format!(
                "The year is derived: the article dates this year’s plans “{this_year}”, so last year is {}.",
                derived.year
            ),
        }
    });
    Details {
        title: figure.label.get(lang).to_owned(),
        value: Some(figure_value(figure, lang)),
        tags: figure_tags(figure, lang),
        note,
        related: Vec::new(),
        sources: vec![quote(&figure.source, lang)],
        dated_by: quotes(&dated_by, lang),
    }
}

/// A heading's 今年 and 去年 with the years the article's dates give them (今年（2022年）,
/// "this year (2022)"); unchanged where the article dates nothing.
pub fn with_years(text: &str, this_year: Option<&DerivedYear>, lang: Lang) -> String {
    let Some(derived) = this_year else {
        return text.to_owned();
    };
    let (this, last) = (derived.year, derived.year - 1);
    match lang {
        Lang::Zh => text
            .replace("今年", &format!("今年（{this}年）"))
            .replace("去年", &format!("去年（{last}年）")),
        Lang::En => text
            .replace("this year", &format!("this year ({this})"))
            .replace("This year", &format!("This year ({this})"))
            .replace("last year", &format!("last year ({last})")),
    }
}

/// The word that marks a computed figure.
pub fn derived_tag(lang: Lang) -> String {
    lang.pick("派生数据", "derived").to_owned()
}

/// A figure we computed: its title, value, how it was computed, and every sentence its inputs
/// come from (each once, in the order given).
pub fn derived_details(
    title: String,
    value: String,
    how: String,
    sources: &[&Source],
    lang: Lang,
) -> Details {
    Details {
        title,
        value: Some(value),
        tags: vec![derived_tag(lang)],
        note: Some(how),
        related: Vec::new(),
        sources: quotes(sources, lang),
        dated_by: Vec::new(),
    }
}

/// A list's heading, marked where the article names only some of its items (its 等): 未来产业
/// （部分）, "Future industries, including".
pub fn list_heading(list: &NamedList, lang: Lang) -> String {
    let title = list.title.get(lang);
    match (list.complete, lang) {
        (true, _) => title.to_owned(),
        (false, Lang::Zh) => format!("{title}（部分）"),
        (false, Lang::En) => format!("{title}, including"),
    }
}

/// One named item of a list, with the figures the article ties to it.
pub fn list_item_details(dataset: &Dataset, list: &NamedList, index: usize, lang: Lang) -> Details {
    let item = &list.items[index];
    let related = item
        .figures
        .iter()
        .filter_map(|id| dataset.figure(id).ok())
        .map(|figure| format!("{}：{}", figure.label.get(lang), figure_value(figure, lang)))
        .map(|line| {
            if lang == Lang::En {
                line.replace('：', ": ")
            } else {
                line
            }
        })
        .collect();
    Details {
        title: item.name.get(lang).to_owned(),
        value: None,
        tags: vec![list.title.get(lang).to_owned()],
        note: item.note.as_ref().map(|note| note.get(lang).to_owned()),
        related,
        sources: vec![quote(&list.source, lang)],
        dated_by: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::load_default;

    #[test]
    fn tags_give_the_qualifier_status_period_and_a_derived_year_and_nothing_empty() {
        let dataset = load_default().unwrap();
        let output = dataset.figure("industrial_output").unwrap();
        assert_eq!(
            figure_tags(output, Lang::Zh),
            ["超过", "已实现", "去年，2021年", "年份为派生"]
        );
        assert_eq!(
            figure_tags(output, Lang::En),
            ["more than", "result", "last year, 2021", "year derived"]
        );
        // An exact figure has no qualifier tag, not an empty one.
        let projects = dataset.figure("major_projects_count").unwrap();
        assert_eq!(
            figure_tags(projects, Lang::En),
            [
                "result",
                "since the start of this year, 2022",
                "year derived"
            ]
        );
    }

    #[test]
    fn a_last_year_figure_says_which_year_the_article_dates_this_year() {
        let dataset = load_default().unwrap();
        let output = dataset.figure("industrial_output").unwrap();
        assert_eq!(
            figure_details(output, Lang::Zh).note.as_deref(),
            Some("年份为派生：文章谈今年的计划时写明“2022年”，去年即2021年。")
        );
        assert_eq!(
            figure_details(output, Lang::En).note.as_deref(),
            Some("The year is derived: the article dates this year’s plans “2022”, so last year is 2021.")
        );
        let projects = dataset.figure("major_projects_count").unwrap();
        assert_eq!(
            figure_details(projects, Lang::Zh).note.as_deref(),
            Some("年份为派生：文章谈今年的计划时写明“2022年”。")
        );
    }

    #[test]
    fn headings_get_this_year_and_last_year_from_the_articles_dates() {
        let dataset = load_default().unwrap();
        let this_year = dataset.article.this_year.as_ref();
        assert_eq!(
            with_years("今年开工，去年实现", this_year, Lang::Zh),
            "今年（2022年）开工，去年（2021年）实现"
        );
        assert_eq!(
            with_years("This year and last year", this_year, Lang::En),
            "This year (2022) and last year (2021)"
        );
        assert_eq!(with_years("今年", None, Lang::Zh), "今年");
    }

    #[test]
    fn a_list_items_related_figures_are_punctuated_for_their_language() {
        let dataset = load_default().unwrap();
        let list = dataset
            .lists
            .iter()
            .find(|list| list.id == "major_projects_named")
            .unwrap();
        assert_eq!(
            list_item_details(&dataset, list, 0, Lang::Zh).related,
            [
                "惠科显示模组生产线项目总投资：50亿元",
                "新型显示产业集群目标规模：500亿元级"
            ]
        );
        assert_eq!(
            list_item_details(&dataset, list, 0, Lang::En).related,
            [
                "Total investment of the HKC display-module line: CNY 5 billion",
                "Target size of the new-display cluster: CNY 50-billion scale"
            ]
        );
    }
}
