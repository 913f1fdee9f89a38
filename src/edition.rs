//! The pages the build pre-renders (README.md, "Addresses"): each language's edition of the whole
//! graphic, and the embedded graphic and each embedded chart in both languages. Each lives in a
//! folder of its own under the graphic's root (`en/`, `embed/rural/`, `en/embed/`), so that any
//! static host serves it as it is, and the address alone decides what a page shows.

use crate::charts::catalog::{self, CHARTS};
use crate::lang::Lang;
use crate::query::{PageOptions, QueryNotice};

/// One pre-rendered page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Edition {
    pub lang: Lang,
    /// Without the page's header, headline cards' settings and embed controls, for iframes.
    pub embed: bool,
    /// One chart alone (embedded pages only).
    pub chart: Option<&'static str>,
}

impl Edition {
    /// The graphic's root page: the whole graphic in Chinese.
    pub const ROOT: Edition = Edition {
        lang: Lang::Zh,
        embed: false,
        chart: None,
    };

    /// Every page the build writes, the root first.
    pub fn all() -> Vec<Edition> {
        [Lang::Zh, Lang::En]
            .into_iter()
            .flat_map(|lang| {
                let whole = [false, true].map(|embed| Edition {
                    lang,
                    embed,
                    chart: None,
                });
                let charts = CHARTS.iter().map(move |spec| Edition {
                    lang,
                    embed: true,
                    chart: Some(spec.id),
                });
                whole.into_iter().chain(charts)
            })
            .collect()
    }

    /// Its folder under the graphic's root: `""`, `"en/"`, `"embed/"`, `"en/embed/rural/"`.
    pub fn folder(&self) -> String {
        let mut folder = String::new();
        if self.lang == Lang::En {
            folder.push_str("en/");
        }
        if self.embed {
            folder.push_str("embed/");
        }
        if let Some(chart) = self.chart {
            folder.push_str(chart);
            folder.push('/');
        }
        folder
    }

    /// The edition whose folder is `folder`, as the build wrote it into the page.
    pub fn from_folder(folder: &str) -> Option<Edition> {
        Edition::all()
            .into_iter()
            .find(|edition| edition.folder() == folder)
    }

    /// The way from its folder back to the root: `"./"`, `"../"`, `"../../../"`.
    pub fn to_root(&self) -> String {
        match self.folder().matches('/').count() {
            0 => "./".to_owned(),
            depth => "../".repeat(depth),
        }
    }

    /// The options that show this page.
    pub fn options(&self) -> PageOptions {
        PageOptions {
            lang: Some(self.lang),
            embed: self.embed,
            chart: self.chart.map(str::to_owned),
            ..PageOptions::default()
        }
    }
}

/// How the page starts in the browser.
#[derive(Clone, Debug, PartialEq)]
pub struct Start {
    /// What the page shows: the query's options over those of the page's edition.
    pub options: PageOptions,
    /// The pre-rendered HTML shows exactly that, so the page takes it over in place; otherwise
    /// it is rendered afresh (the query asks for another language, chart, data file, or has
    /// something to report).
    pub hydrate: bool,
}

/// Decides how the page starts: `prerendered` is the edition the build wrote into the page
/// (`None` for a page the build did not render), `options` and `notices` what the query says.
pub fn start(prerendered: Option<Edition>, options: PageOptions, notices: &[QueryNotice]) -> Start {
    let edition = prerendered.unwrap_or(Edition::ROOT);
    let merged = PageOptions {
        lang: Some(options.lang.unwrap_or(edition.lang)),
        embed: options.embed || edition.embed,
        chart: options.chart.or(edition.chart.map(str::to_owned)),
        ..options
    };
    let shown = Edition {
        lang: merged.lang.unwrap_or(edition.lang),
        embed: merged.embed,
        chart: merged
            .chart
            .as_deref()
            .and_then(catalog::find)
            .map(|spec| spec.id),
    };
    let hydrate = prerendered == Some(shown)
        && merged.data.is_none()
        && notices.is_empty()
        && merged.chart.as_deref() == shown.chart;
    Start {
        options: merged,
        hydrate,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_has_its_own_folder_that_reads_back() {
        let all = Edition::all();
        assert_eq!(all.len(), 2 * (2 + CHARTS.len()));
        assert_eq!(all[0], Edition::ROOT);
        let mut folders: Vec<String> = all.iter().map(Edition::folder).collect();
        for edition in &all {
            assert_eq!(Edition::from_folder(&edition.folder()), Some(*edition));
        }
        folders.sort();
        folders.dedup();
        assert_eq!(folders.len(), all.len());
        assert_eq!(Edition::from_folder("nowhere/"), None);
    }

    #[test]
    fn folders_and_the_way_back() {
        let en_rural = Edition {
            lang: Lang::En,
            embed: true,
            chart: Some("rural"),
        };
        assert_eq!(Edition::ROOT.folder(), "");
        assert_eq!(Edition::ROOT.to_root(), "./");
        assert_eq!(en_rural.folder(), "en/embed/rural/");
        assert_eq!(en_rural.to_root(), "../../../");
        let en = Edition {
            lang: Lang::En,
            ..Edition::ROOT
        };
        assert_eq!(en.folder(), "en/");
        assert_eq!(en.to_root(), "../");
    }

    fn notice() -> QueryNotice {
        QueryNotice {
            zh: "参数".into(),
            en: "parameter".into(),
        }
    }

    #[test]
    fn a_plain_address_takes_over_its_page() {
        let en = Edition {
            lang: Lang::En,
            ..Edition::ROOT
        };
        let start = start(Some(en), PageOptions::default(), &[]);
        assert!(start.hydrate);
        assert_eq!(start.options, en.options());
        // The query may repeat what the address says.
        let same = PageOptions {
            lang: Some(Lang::En),
            ..PageOptions::default()
        };
        assert!(super::start(Some(en), same, &[]).hydrate);
    }

    #[test]
    fn a_query_that_asks_for_something_else_renders_afresh() {
        let other_lang = PageOptions {
            lang: Some(Lang::En),
            ..PageOptions::default()
        };
        let started = start(Some(Edition::ROOT), other_lang, &[]);
        assert!(!started.hydrate);
        assert_eq!(started.options.lang, Some(Lang::En));

        let one_chart = PageOptions {
            chart: Some("rural".into()),
            ..PageOptions::default()
        };
        let started = start(Some(Edition::ROOT), one_chart, &[]);
        assert!(!started.hydrate);
        assert_eq!(started.options.chart.as_deref(), Some("rural"));

        let data = PageOptions {
            data: Some("./other.json".into()),
            ..PageOptions::default()
        };
        assert!(!start(Some(Edition::ROOT), data, &[]).hydrate);
        assert!(!start(Some(Edition::ROOT), PageOptions::default(), &[notice()]).hydrate);
        // A page the build did not render has nothing to take over.
        assert!(!start(None, PageOptions::default(), &[]).hydrate);
    }

    #[test]
    fn an_embedded_chart_keeps_its_chart_and_mode() {
        let embedded = Edition {
            lang: Lang::Zh,
            embed: true,
            chart: Some("scale"),
        };
        let started = start(Some(embedded), PageOptions::default(), &[]);
        assert!(started.hydrate);
        assert!(started.options.embed);
        assert_eq!(started.options.chart.as_deref(), Some("scale"));
        // The whole embedded graphic asked for one chart by the old query is rendered afresh.
        let whole = Edition {
            chart: None,
            ..embedded
        };
        let one_chart = PageOptions {
            chart: Some("scale".into()),
            ..PageOptions::default()
        };
        assert!(!start(Some(whole), one_chart, &[]).hydrate);
    }
}
