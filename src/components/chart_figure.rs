//! One chart as a figure: the heading that states its point, what it measures, the canvas, and
//! the source.

use yew::prelude::*;

use crate::charts::catalog::ChartSpec;

use crate::lang::Lang;

use super::chart_canvas::ChartCanvas;
use super::SharedDataset;

/// What a figure takes from the page besides its chart and data.
pub struct FigureSettings {
    pub lang: Lang,
    pub dark: bool,
    pub printing: bool,
    pub pixel_ratio: f64,
    pub width_hint: Option<f64>,
    /// Inside an iframe: no Embed control.
    pub embed: bool,
    /// The pre-rendered image markup (`Rendering::picture`), shown until the chart is drawn.
    pub picture: Option<AttrValue>,
}

/// One chart's figure. A plain function: the chart component inside holds all the state.
pub fn chart_figure(
    spec: &'static ChartSpec,
    dataset: &SharedDataset,
    settings: &FigureSettings,
) -> Html {
    let lang = settings.lang;
    let title = spec.title(&dataset.0, lang);
    let heading_id = format!("{}-heading", spec.id);
    let article_title = dataset.0.article.title.get(lang);
    let source = lang.chart_source(article_title);
    html! {
        <figure key={spec.id} class="chart" data-chart-id={spec.id} aria-labelledby={heading_id.clone()}>
            <h2 class="chart-title" id={heading_id}>{ &title }</h2>
            <p class="chart-note">{ spec.note(lang) }</p>
            <ChartCanvas
                {spec}
                dataset={dataset.clone()}
                {lang}
                dark={settings.dark}
                printing={settings.printing}
                pixel_ratio={settings.pixel_ratio}
                width_hint={settings.width_hint}
                picture={settings.picture.clone()}
                heading={title}
                note={spec.note(lang)}
                {source}
                embedded={settings.embed}
            />
        </figure>
    }
}
