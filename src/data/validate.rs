//! From text to the checked model. Every rule here names the entry it found at fault.

use std::rc::Rc;

use super::decode::decode_file;
use super::error::{DataError, DataProblem};
use super::model::{
    ArticleMeta, Bilingual, Dataset, DerivedYear, Figure, ListItem, NamedList, Source,
};
use super::raw::{RawDataFile, RawFigure, RawList, RawThisYear};
use super::units::qualifies_a_number;

/// Parses and checks a data file against the article it claims to quote. Without the article
/// (`None`: the page does not carry the article; the native tests always pass it)
/// every check runs but the one that each sentence is in the article.
pub fn parse_dataset(file: &str, json: &str, article: Option<&str>) -> Result<Dataset, DataError> {
    let named_error = |problems| DataError {
        file: file.to_owned(),
        problems,
    };
    let raw = decode_file(json).map_err(named_error)?;
    let mut checker = Checker {
        problems: Vec::new(),
        article,
    };
    let dataset = checker.check(raw);
    if checker.problems.is_empty() {
        Ok(dataset)
    } else {
        Err(named_error(checker.problems))
    }
}

struct Checker<'a> {
    problems: Vec<DataProblem>,
    article: Option<&'a str>,
}

/// Chinese numerals the article writes instead of digits (五大产业集群, 破千亿元, 百余家).
const CHINESE_NUMERALS: [(f64, &str); 10] = [
    (1.0, "一"),
    (2.0, "两"),
    (2.0, "二"),
    (3.0, "三"),
    (5.0, "五"),
    (8.0, "八"),
    (10.0, "十"),
    (100.0, "百"),
    (1000.0, "千"),
    (10000.0, "万"),
];

/// Decimal and Chinese spellings the article uses for a number, to find it in its sentence.
fn spellings(value: f64) -> Vec<String> {
    let mut forms = vec![value.to_string()];
    forms.extend(
        CHINESE_NUMERALS
            .iter()
            .filter(|(number, _)| *number == value)
            .map(|(_, numeral)| (*numeral).to_owned()),
    );
    forms
}

/// Words after a list's last item that make it a list of examples: 生态渔业等特色产品,
/// 黑五谷、黑五牧为代表的“黑产业”.
const INCOMPLETE_MARKERS: [&str; 2] = ["等", "为代表"];

/// Whether `sentence` closes the list ending in `last` with 等 or 为代表: at any of its
/// occurrences, as a name may recur in the sentence (丰盛等 … 丰盛七彩森林等).
fn closes_with_examples(sentence: &str, last: &str) -> bool {
    !last.is_empty()
        && sentence.match_indices(last).any(|(at, _)| {
            let rest = &sentence[at + last.len()..];
            INCOMPLETE_MARKERS
                .iter()
                .any(|marker| rest.starts_with(marker))
        })
}

/// The year of a period the article words relative to its 今年: 今年 and 全年 are that year,
/// 去年 the one before; other periods (目前, 3年内, 2022年 itself) have none to derive.
fn period_year(period_zh: &str, this_year: &DerivedYear) -> Option<DerivedYear> {
    let offset = if period_zh.contains("去年") {
        -1
    } else if period_zh.contains("今年") || period_zh.contains("全年") {
        0
    } else {
        return None;
    };
    Some(DerivedYear {
        year: this_year.year + offset,
        sources: this_year.sources.clone(),
    })
}

fn find_figure<'a>(figures: &'a [RawFigure], id: &str) -> Option<&'a RawFigure> {
    figures.iter().find(|figure| figure.id == id)
}

fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

impl Checker<'_> {
    fn report(&mut self, entry: &str, problem: impl Into<String>) {
        self.problems.push(DataProblem {
            entry: Some(entry.to_owned()),
            problem: problem.into(),
        });
    }

    fn require_text(&mut self, entry: &str, field: &str, text: &str) {
        if text.trim().is_empty() {
            self.report(entry, format!("\"{field}\" is empty"));
        }
    }

    fn check_ids<'b>(&mut self, kind: &str, ids: impl Iterator<Item = &'b str>) {
        let mut seen: Vec<&str> = Vec::new();
        for id in ids {
            if !is_valid_id(id) {
                self.report(
                    &format!("{kind} \"{id}\""),
                    "an id is lower-case letters, digits and _",
                );
            }
            if seen.contains(&id) {
                self.report(&format!("{kind} \"{id}\""), "the id is used twice");
            }
            seen.push(id);
        }
    }

    fn check(&mut self, raw: RawDataFile) -> Dataset {
        self.check_ids("source", raw.sources.iter().map(|s| s.id.as_str()));
        self.check_ids("figure", raw.figures.iter().map(|f| f.id.as_str()));
        self.check_ids("list", raw.lists.iter().map(|l| l.id.as_str()));

        let article = &raw.article;
        for (field, text) in [
            ("title_zh", &article.title_zh),
            ("title_en", &article.title_en),
            ("dek_zh", &article.dek_zh),
            ("dek_en", &article.dek_en),
            ("credit_zh", &article.credit_zh),
            ("credit_en", &article.credit_en),
        ] {
            self.require_text("article", field, text);
        }

        let mut sources: Vec<(&str, Rc<Source>)> = Vec::new();
        for source in &raw.sources {
            let entry = format!("source \"{}\"", source.id);
            self.require_text(&entry, "zh", &source.zh);
            self.require_text(&entry, "en", &source.en);
            // A foreign desk publishes the whole sentence: a rendering cut short with an
            // ellipsis drops what the Chinese says.
            if source.en.contains("...") || source.en.contains('…') {
                self.report(
                    &entry,
                    "the English rendering leaves part of the sentence out (…)",
                );
            }
            if !source.zh.is_empty()
                && self
                    .article
                    .is_some_and(|article| !article.contains(source.zh.as_str()))
            {
                self.report(&entry, "the sentence is not in the article word for word");
            }
            sources.push((
                &source.id,
                Rc::new(Source {
                    id: source.id.clone(),
                    text: Bilingual::new(&source.zh, &source.en),
                }),
            ));
        }

        let this_year = article
            .this_year
            .as_ref()
            .and_then(|dating| self.check_this_year(dating, &sources));
        let values = raw.figures.as_slice();
        let figures: Vec<Figure> = raw
            .figures
            .iter()
            .filter_map(|figure| self.check_figure(figure, &sources, values, this_year.as_ref()))
            .collect();
        let lists: Vec<NamedList> = raw
            .lists
            .iter()
            .filter_map(|list| self.check_list(list, &sources, values))
            .collect();

        let used: Vec<&str> = raw
            .figures
            .iter()
            .map(|f| f.source.as_str())
            .chain(raw.lists.iter().map(|l| l.source.as_str()))
            .chain(
                article
                    .this_year
                    .iter()
                    .flat_map(|dating| dating.sources.iter().map(String::as_str)),
            )
            .collect();
        for source in &raw.sources {
            if !used.contains(&source.id.as_str()) {
                self.report(
                    &format!("source \"{}\"", source.id),
                    "no figure or list quotes this sentence",
                );
            }
        }

        let sources: Vec<Rc<Source>> = sources.into_iter().map(|(_, source)| source).collect();
        Dataset {
            article: ArticleMeta {
                title: Bilingual::new(&article.title_zh, &article.title_en),
                dek: Bilingual::new(&article.dek_zh, &article.dek_en),
                credit: Bilingual::new(&article.credit_zh, &article.credit_en),
                this_year,
            },
            figures,
            lists,
            sources,
        }
    }

    /// The article's 今年 as a year: a whole year, written out (2022年) in each sentence given.
    fn check_this_year(
        &mut self,
        raw: &RawThisYear,
        sources: &[(&str, Rc<Source>)],
    ) -> Option<DerivedYear> {
        let entry = "article, this_year";
        let year = raw.year;
        if year.fract() != 0.0 || !(1900.0..=2100.0).contains(&year) {
            self.report(entry, format!("{year} is not a year"));
            return None;
        }
        let year = year as i32;
        if raw.sources.is_empty() {
            self.report(entry, "no sentence dates the article's 今年");
        }
        let written = format!("{year}年");
        let mut dating = Vec::with_capacity(raw.sources.len());
        for id in &raw.sources {
            let Some(source) = self.lookup_source(entry, id, sources) else {
                continue;
            };
            if !source.display_zh().contains(written.as_str()) {
                self.report(
                    entry,
                    format!("the sentence \"{id}\" does not write {written}"),
                );
            }
            dating.push(source);
        }
        Some(DerivedYear {
            year,
            sources: dating,
        })
    }

    fn lookup_source(
        &mut self,
        entry: &str,
        id: &str,
        sources: &[(&str, Rc<Source>)],
    ) -> Option<Rc<Source>> {
        let found = sources
            .iter()
            .find(|(key, _)| *key == id)
            .map(|(_, source)| source.clone());
        if found.is_none() {
            self.report(
                entry,
                format!("its source \"{id}\" is not among the sources"),
            );
        }
        found
    }

    /// The qualifier must say what the article's words say: 破, 突破, 余, 多 and 超 are "more
    /// than"; 以上 counts the number itself (10%以上 includes 10%), so it and 至少, 不低于, 不少于 are
    /// "at least"; 级 is a scale, 约 and 左右 are "about". A figure stored as exact, or as "more
    /// than", when the article writes 以上 would claim more than the article does.
    fn check_qualifier_words(&mut self, entry: &str, raw: &RawFigure) {
        use super::units::Qualifier;
        const MARKERS: [(Qualifier, &[&str]); 4] = [
            (Qualifier::MoreThan, &["破", "余", "多", "超"]),
            (Qualifier::AtLeast, &["以上", "至少", "不低于", "不少于"]),
            (Qualifier::Scale, &["级"]),
            (Qualifier::About, &["约", "左右"]),
        ];
        let says = MARKERS.iter().find(|(_, words)| {
            words
                .iter()
                .any(|word| qualifies_a_number(&raw.written, word))
        });
        match says {
            Some((qualifier, words)) if *qualifier != raw.qualifier => self.report(
                entry,
                format!(
                    "\"{}\" says {} ({}), but the qualifier is {}",
                    raw.written,
                    qualifier.json_name(),
                    words.join("/"),
                    raw.qualifier.json_name()
                ),
            ),
            None if raw.qualifier != Qualifier::Exact => self.report(
                entry,
                format!(
                    "the qualifier is {}, but \"{}\" has no word that says so",
                    raw.qualifier.json_name(),
                    raw.written
                ),
            ),
            _ => {}
        }
    }

    fn check_figure(
        &mut self,
        raw: &RawFigure,
        sources: &[(&str, Rc<Source>)],
        figures: &[RawFigure],
        this_year: Option<&DerivedYear>,
    ) -> Option<Figure> {
        let entry = format!("figure \"{}\"", raw.id);
        self.require_text(&entry, "label_zh", &raw.label_zh);
        self.require_text(&entry, "label_en", &raw.label_en);
        self.require_text(&entry, "written", &raw.written);
        let source = self.lookup_source(&entry, &raw.source, sources);
        let value = match raw.value {
            None => {
                self.report(&entry, "the value is missing");
                None
            }
            Some(v) if !v.is_finite() || v < 0.0 => {
                self.report(
                    &entry,
                    format!("the value {} is not a finite amount ≥ 0", v),
                );
                None
            }
            Some(v) => Some(v),
        };
        if let Some(source) = &source {
            if !raw.written.is_empty() && !source.display_zh().contains(raw.written.as_str()) {
                self.report(
                    &entry,
                    format!("\"{}\" is not in its source sentence", raw.written),
                );
            }
        }
        if let Some(v) = value {
            // A bare 亿元 after 破 reads as one: 产值破亿元.
            let bare_one = v == 1.0 && !raw.written.chars().any(|c| c.is_ascii_digit());
            if !bare_one
                && !spellings(v)
                    .iter()
                    .any(|form| raw.written.contains(form.as_str()))
            {
                self.report(
                    &entry,
                    format!("the value {} is not what \"{}\" says", v, raw.written),
                );
            }
        }
        self.check_qualifier_words(&entry, raw);
        if raw.period_zh.is_some() != raw.period_en.is_some() {
            self.report(&entry, "a period needs both period_zh and period_en");
        }
        if let (Some(whole_id), Some(v)) = (&raw.part_of, value) {
            match find_figure(figures, whole_id) {
                None => self.report(
                    &entry,
                    format!("part_of names \"{whole_id}\", which is not a figure"),
                ),
                Some(whole) if whole.unit != raw.unit => self.report(
                    &entry,
                    format!("it is part of \"{whole_id}\" but in another unit"),
                ),
                Some(whole) if whole.value.is_some_and(|w| v > w) => self.report(
                    &entry,
                    format!("it is part of \"{whole_id}\" but larger than it"),
                ),
                Some(_) => {}
            }
        }
        if let (Some(part_ids), Some(v)) = (&raw.sum_of, value) {
            let mut total = 0.0;
            for part_id in part_ids {
                match find_figure(figures, part_id).and_then(|f| f.value) {
                    Some(part) => total += part,
                    None => self.report(
                        &entry,
                        format!("sum_of names \"{part_id}\", which is not a figure with a value"),
                    ),
                }
            }
            if (total - v).abs() > 1e-9 {
                self.report(
                    &entry,
                    format!(
                        "it should be the sum of {}, which is {}, not {}",
                        part_ids.join(" + "),
                        total,
                        v
                    ),
                );
            }
        }
        Some(Figure {
            id: raw.id.clone(),
            value: value?,
            unit: raw.unit,
            qualifier: raw.qualifier,
            status: raw.status,
            label: Bilingual::new(&raw.label_zh, &raw.label_en),
            written: raw.written.clone(),
            period: match (&raw.period_zh, &raw.period_en) {
                (Some(zh), Some(en)) => Some(Bilingual::new(zh, en)),
                _ => None,
            },
            year: this_year.and_then(|dating| period_year(raw.period_zh.as_deref()?, dating)),
            part_of: raw.part_of.clone(),
            source: source?,
        })
    }

    fn check_list(
        &mut self,
        raw: &RawList,
        sources: &[(&str, Rc<Source>)],
        figures: &[RawFigure],
    ) -> Option<NamedList> {
        let entry = format!("list \"{}\"", raw.id);
        self.require_text(&entry, "title_zh", &raw.title_zh);
        self.require_text(&entry, "title_en", &raw.title_en);
        if raw.items.is_empty() {
            self.report(&entry, "the list has no items");
        }
        let source = self.lookup_source(&entry, &raw.source, sources);
        let sentence = source.as_ref().map(|s| s.display_zh()).unwrap_or_default();
        let mut items = Vec::with_capacity(raw.items.len());
        for (index, item) in raw.items.iter().enumerate() {
            let item_entry = format!("{entry}, item {}", index + 1);
            self.require_text(&item_entry, "zh", &item.zh);
            self.require_text(&item_entry, "en", &item.en);
            if source.is_some() && !item.zh.is_empty() && !sentence.contains(item.zh.as_str()) {
                self.report(
                    &item_entry,
                    format!("\"{}\" is not in the list's source sentence", item.zh),
                );
            }
            for figure_id in &item.figures {
                if find_figure(figures, figure_id).is_none() {
                    self.report(
                        &item_entry,
                        format!("it names figure \"{figure_id}\", which does not exist"),
                    );
                }
            }
            if item.note_zh.is_some() != item.note_en.is_some() {
                self.report(&item_entry, "a note needs both note_zh and note_en");
            }
            items.push(ListItem {
                name: Bilingual::new(&item.zh, &item.en),
                figures: item.figures.clone(),
                note: match (&item.note_zh, &item.note_en) {
                    (Some(zh), Some(en)) => Some(Bilingual::new(zh, en)),
                    _ => None,
                },
            });
        }
        let examples = raw
            .items
            .last()
            .is_some_and(|last| closes_with_examples(&sentence, &last.zh));
        if examples && raw.named_of.as_ref().is_some_and(|n| n.complete) {
            self.report(
                &entry,
                "named_of says complete, but the article closes the list with 等 or 为代表",
            );
        }
        if let Some(named_of) = &raw.named_of {
            match find_figure(figures, &named_of.figure).and_then(|f| f.value) {
                None => self.report(
                    &entry,
                    format!(
                        "named_of names \"{}\", which is not a figure with a value",
                        named_of.figure
                    ),
                ),
                Some(count) => {
                    let named = items.len() as f64;
                    if named_of.complete && named != count {
                        self.report(
                            &entry,
                            format!(
                                "it names {} items but \"{}\" counts {}",
                                items.len(),
                                named_of.figure,
                                count
                            ),
                        );
                    } else if named > count {
                        self.report(
                            &entry,
                            format!(
                                "it names {} items, more than the {} of \"{}\"",
                                items.len(),
                                count,
                                named_of.figure
                            ),
                        );
                    }
                }
            }
        }
        Some(NamedList {
            id: raw.id.clone(),
            title: Bilingual::new(&raw.title_zh, &raw.title_en),
            items,
            named_of: raw
                .named_of
                .as_ref()
                .map(|n| (n.figure.clone(), n.complete)),
            complete: !examples && raw.named_of.as_ref().is_none_or(|n| n.complete),
            source: source?,
        })
    }
}
