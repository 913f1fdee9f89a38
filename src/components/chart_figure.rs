//! One chart as a figure: the heading that states its point, what it measures, the canvas, and
//! the source.

use yew::prelude::*;

use crate::charts::catalog::ChartSpec;

use crate::lang::Lang;

use super::chart_canvas::ChartCanvas;
use super::chart_tools::{ChartTools, SharedScene};
use super::embed_control::embed_control;
use super::SharedDataset;

#[derive(Properties)]
pub struct ChartFigureProps {
    /// The chart, from the catalog (compared by address: the catalog is static).
    pub spec: &'static ChartSpec,
    pub dataset: SharedDataset,
    pub lang: Lang,
    pub dark: bool,
}

impl PartialEq for ChartFigureProps {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.spec, other.spec)
            && self.dataset == other.dataset
            && self.lang == other.lang
            && self.dark == other.dark
    }
}

#[function_component(ChartFigure)]
pub fn chart_figure(props: &ChartFigureProps) -> Html {
    let spec = props.spec;
    let lang = props.lang;
    let scene = use_state_eq(|| None::<SharedScene>);
    let on_scene = {
        let scene = scene.clone();
        use_callback((), move |laid_out: Option<SharedScene>, _| {
            scene.set(laid_out)
        })
    };
    let title = spec.title(&props.dataset.0, lang);
    let heading_id = format!("{}-heading", spec.id);
    let instructions = lang.pick(
        "。用方向键逐项查看详情，Esc 关闭。",
        ". Use the arrow keys to read each item's details; Escape closes them.",
    );
    let article_title = props.dataset.0.article.title.get(lang);
    let source = match lang {
        Lang::Zh => format!("来源：《{article_title}》"),
        Lang::En => format!("Source: “{article_title}”"),
    };
    html! {
        <figure class="chart" data-chart-id={spec.id} aria-labelledby={heading_id.clone()}>
            <h2 class="chart-title" id={heading_id}>{ &title }</h2>
            <p class="chart-note">{ spec.note(lang) }</p>
            <ChartCanvas
                {spec}
                label={format!("{title}{instructions}")}
                dataset={props.dataset.clone()}
                {lang}
                dark={props.dark}
                {on_scene}
            />
            <figcaption class="chart-source">
                { &source }{ lang.pick("，每项详情附原文语句。", "; each item's details quote the article's sentence.") }
            </figcaption>
            if let Some(scene) = (*scene).clone() {
                <ChartTools chart_id={spec.id} {scene} heading={title.clone()} note={spec.note(lang)} {source} {lang} dark={props.dark} />
            }
            { embed_control(Some(spec), &props.dataset, lang) }
        </figure>
    }
}
