//! The page: settings at the top, the checked data (or a visible error), cards and charts.

use std::rc::Rc;

use yew::prelude::*;

use crate::browser;
use crate::charts::catalog::{self, CHARTS};
use crate::data::{parse_dataset, DataError, DEFAULT_DATA_FILE};
use crate::edition::Edition;
use crate::lang::Lang;
use crate::query::{PageOptions, QueryNotice};
use crate::state::{Settings, SettingsAction};

use super::chart_figure::{chart_figure, FigureSettings};
use super::data_downloads::data_downloads;
use super::embed_control::embed_control;
use super::error_panel::error_panel;
use super::headline_cards::headline_cards;
use super::page_header::page_header;
use super::SharedDataset;

/// Where the page's data set comes from.
#[derive(Clone, PartialEq)]
pub enum DataSource {
    /// Read and checked before the first render: the data file the build wrote into the page
    /// (`<script type="application/json" id="banan-data">`), natively the one compiled in.
    Carried(Result<SharedDataset, DataError>),
    /// A file fetched once the page has rendered: `?data=`'s, or the build's own copy
    /// (`data/article.json`) for a page that carries none.
    Fetched(AttrValue),
}

impl DataSource {
    /// The address the reader downloads the data file from.
    fn address(&self) -> AttrValue {
        match self {
            DataSource::Carried(_) => AttrValue::Static(DEFAULT_DATA_FILE),
            DataSource::Fetched(path) => path.clone(),
        }
    }
}

/// The data set: the carried one at once, or a fetched file once it has arrived (`None` while
/// loading). Either way a file that cannot be loaded or checked becomes a named error.
#[hook]
fn use_data(source: &DataSource) -> UseStateHandle<Option<Result<SharedDataset, DataError>>> {
    let state = {
        let source = source.clone();
        use_state(move || match source {
            DataSource::Carried(data) => Some(data),
            DataSource::Fetched(_) => None,
        })
    };
    {
        let state = state.clone();
        use_effect_with(source.clone(), move |source| {
            if let DataSource::Fetched(path) = source.clone() {
                wasm_bindgen_futures::spawn_local(async move {
                    let loaded = match browser::fetch_text(&path).await {
                        Ok(text) => parse_dataset(&path, &text, None).map(SharedDataset::new),
                        Err(why) => Err(DataError::whole_file(
                            &path,
                            format!("cannot be loaded: {why}"),
                        )),
                    };
                    state.set(Some(loaded));
                });
            }
        });
    }
    state
}

/// What the page knows of the browser before it starts: read by `main.rs` in the page, the
/// defaults when the build renders it.
#[derive(Clone, Debug, PartialEq)]
pub struct Environment {
    /// Whether the system asks for dark colours.
    pub system_dark: bool,
    /// Device pixels per CSS px.
    pub pixel_ratio: f64,
    /// The charts' width measured before the first render, for a page rendered afresh.
    pub width_hint: Option<f64>,
}

impl Default for Environment {
    fn default() -> Environment {
        Environment {
            system_dark: false,
            pixel_ratio: 1.0,
            width_hint: None,
        }
    }
}

/// How this render of the page came about.
#[derive(Clone, PartialEq)]
pub enum Rendering {
    /// In the browser from nothing: an address the build did not pre-render.
    Fresh,
    /// In the browser, taking over the page the build pre-rendered (its images are there).
    Hydrating,
    /// By the build: each chart's pre-rendered image markup (`crate::prerender::picture`), by
    /// chart id.
    Build(Rc<Vec<(&'static str, String)>>),
}

impl Rendering {
    /// The pre-rendered image markup of `chart`: the build's own, empty when hydrating (the
    /// markup is adopted as it is in the page), none for a fresh page.
    pub fn picture(&self, chart: &str) -> Option<AttrValue> {
        match self {
            Rendering::Fresh => None,
            Rendering::Hydrating => Some(AttrValue::default()),
            Rendering::Build(pictures) => pictures
                .iter()
                .find(|(id, _)| *id == chart)
                .map(|(_, html)| AttrValue::from(html.clone())),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// What the page shows (`crate::edition::start`): its language is always set.
    pub options: PageOptions,
    /// What the query string asked for that the page could not follow.
    pub notices: Vec<QueryNotice>,
    pub environment: Environment,
    pub rendering: Rendering,
    pub data: DataSource,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let AppProps {
        options,
        notices,
        environment,
        rendering,
        data,
    } = props;
    let settings = {
        let (options, environment) = (options.clone(), environment.clone());
        use_reducer(move || Settings {
            lang: options.lang.unwrap_or_default(),
            theme: options.theme,
            system_dark: environment.system_dark,
            printing: false,
            pixel_ratio: environment.pixel_ratio,
        })
    };
    let dataset = use_data(data);
    let width_hint = environment.width_hint;
    let lang = settings.lang;
    let dark = settings.dark();
    let page_title = lang.page_title(match &*dataset {
        Some(Ok(data)) => Some(data.0.article.title.get(lang)),
        _ => None,
    });
    use_effect_with((lang, dark, page_title), |(lang, dark, title)| {
        browser::apply_to_document(*lang, *dark, title)
    });

    {
        let settings = settings.clone();
        use_effect_with((), move |_| {
            // Every component has rendered (or taken over its pre-rendered HTML) by now.
            browser::mark_started();
            let printing = settings.clone();
            let guards = (
                browser::watch_dark_preference(move |dark| {
                    settings.dispatch(SettingsAction::SystemDark(dark))
                }),
                browser::watch_printing(move |on| printing.dispatch(SettingsAction::Printing(on))),
            );
            move || drop(guards)
        });
    }
    {
        let settings = settings.clone();
        use_effect_with(settings.pixel_ratio, move |ratio| {
            let listener = browser::watch_pixel_ratio(*ratio, move |ratio| {
                settings.dispatch(SettingsAction::PixelRatio(ratio))
            });
            move || drop(listener)
        });
    }
    // The other edition's address, with the rest of this page's query (a data file, a theme).
    let other_edition = {
        let other = Edition {
            lang: lang.other(),
            embed: false,
            chart: None,
        };
        let query = match rendering {
            Rendering::Build(_) => String::new(),
            _ => browser::query_without("lang"),
        };
        // The root's folder is "": "./" names it (an empty link would name this very page).
        let folder = match other.folder() {
            folder if folder.is_empty() => "./".to_owned(),
            folder => folder,
        };
        AttrValue::from(format!("{folder}{query}"))
    };
    let notices = (!notices.is_empty()).then(|| {
        html! {
            <div class="notice" role="status">
                { for notices.iter().map(|notice| html! { <p>{ lang.pick(&notice.zh, &notice.en) }</p> }) }
            </div>
        }
    });
    let dataset = match &*dataset {
        None => {
            return html! {
                <main class="page"><p class="chart-message" role="status">{ lang.pick("正在载入数据…", "Loading the data…") }</p></main>
            };
        }
        Some(Ok(dataset)) => dataset.clone(),
        Some(Err(error)) => {
            let heading = match lang {
                Lang::Zh => format!("数据文件 {} 有误，图表无法显示：", error.file),
                Lang::En => format!(
                    "The data file {} has errors, so the charts cannot be shown:",
                    error.file
                ),
            };
            return html! {
                <main class="page">
                    { for notices }
                    { error_panel(&heading, error.problems.iter().map(|p| p.to_string())) }
                </main>
            };
        }
    };
    let article = dataset.0.article.clone();
    let charts = CHARTS
        .iter()
        .filter(|spec| options.chart.as_deref().is_none_or(|id| id == spec.id))
        .map(|spec| {
            chart_figure(
                spec,
                &dataset,
                &FigureSettings {
                    lang,
                    dark,
                    printing: settings.printing,
                    pixel_ratio: settings.pixel_ratio,
                    width_hint,
                    embed: options.embed,
                    picture: rendering.picture(spec.id),
                },
            )
        });
    let single = options.chart.as_deref().and_then(catalog::find).is_some();
    let content = html! {
        <>
        if !options.embed && !single {
            { page_header(&article, lang, &other_edition) }
        }
        { for notices }
        if !single {
            { headline_cards(&dataset, lang) }
        }
        { for charts }
        <footer class="page-source">
            <p>
                { lang.source_line(article.title.get(lang), article.credit.get(lang)) }
            </p>
            if !options.embed {
                { data_downloads(&dataset, data.address(), lang) }
            }
            if !options.embed && !single {
                { embed_control(None, &dataset, lang, options.embed) }
            }
        </footer>
        </>
    };
    // Literal class lists: a computed one goes through Yew's Classes set (see chart_tools.rs).
    if options.embed {
        html! { <main class="page embed">{ content }</main> }
    } else {
        html! { <main class="page">{ content }</main> }
    }
}
