//! The page: settings at the top, the checked data (or a visible error), cards and charts.

use std::rc::Rc;

use yew::prelude::*;

use crate::browser;
use crate::charts::catalog::{self, CHARTS};
use crate::data::{load_default, parse_dataset, DataError};
use crate::lang::Lang;
use crate::state::{initial_lang, Settings, SettingsAction};

use super::chart_figure::chart_figure;
use super::data_downloads::data_downloads;
use super::embed_control::embed_control;
use super::error_panel::error_panel;
use super::headline_cards::headline_cards;
use super::page_header::page_header;
use super::SharedDataset;

/// The data set: the embedded one at once, or the file of `?data=` once fetched (`None` while
/// loading). Either way a file that cannot be loaded or checked becomes a named error.
#[hook]
fn use_data(path: Option<String>) -> UseStateHandle<Option<Result<SharedDataset, DataError>>> {
    let share = |dataset| SharedDataset(Rc::new(dataset));
    let state = {
        let embedded = path.is_none();
        use_state(move || embedded.then(|| load_default().map(share)))
    };
    {
        let state = state.clone();
        use_effect_with(path, move |path| {
            if let Some(path) = path.clone() {
                wasm_bindgen_futures::spawn_local(async move {
                    let loaded = match browser::fetch_text(&path).await {
                        Ok(text) => parse_dataset(&path, &text, None).map(share),
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

#[function_component(App)]
pub fn app() -> Html {
    let query = use_memo((), |_| browser::page_options());
    let (options, notices) = (&query.0, &query.1);
    let settings = {
        let options = options.clone();
        use_reducer(move || Settings {
            lang: initial_lang(
                options.lang,
                browser::stored_lang().as_deref(),
                browser::browser_language().as_deref(),
            ),
            theme: options.theme,
            system_dark: browser::prefers_dark(),
            printing: false,
            pixel_ratio: browser::device_pixel_ratio(),
        })
    };
    let dataset = use_data(options.data.clone());
    // Measured in the first render, while the page is still empty (see the function).
    let width_hint = {
        let embed = options.embed;
        *use_memo((), move |_| browser::chart_width_before_render(embed))
    };
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
    let on_lang = {
        let settings = settings.clone();
        Callback::from(move |lang: Lang| {
            browser::store_lang(lang);
            browser::set_lang_in_url(lang);
            settings.dispatch(SettingsAction::SetLang(lang));
        })
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
                lang,
                dark,
                settings.printing,
                settings.pixel_ratio,
                width_hint,
            )
        });
    let single = options.chart.as_deref().and_then(catalog::find).is_some();
    let content = html! {
        <>
        if !options.embed && !single {
            { page_header(&article, lang, &on_lang) }
        }
        { for notices }
        if !single {
            { headline_cards(&dataset, lang) }
        }
        { for charts }
        <footer class="page-source">
            <p>
                { match lang {
                    Lang::Zh => format!("来源：{}，{}。派生数据由文中数字计算得出，已标注。", lang.cite_title(&article.title.zh), article.credit.zh),
                    Lang::En => format!("Source: {}, {}. Derived figures are computed from the article’s numbers and marked as such.", lang.cite_title(&article.title.en), article.credit.en),
                } }
            </p>
            if !options.embed {
                { data_downloads(&dataset, options.data.clone().map(AttrValue::from), lang) }
            }
            if !options.embed && !single {
                { embed_control(None, &dataset, lang) }
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
