//! Hosts one chart: measures its container, lays the chart out for that width, draws it at the
//! device pixel ratio (chart_drawing.rs), and turns pointer, touch and keys (chart_input.rs)
//! into highlighted items (chart_interaction.rs) with an HTML tooltip (chart_overlays.rs).
//! Hit-testing reads the same scene that was drawn. It also renders the figure's caption and
//! tools, which need that scene (data table, CSV, PNG).

use std::rc::Rc;

use yew::prelude::*;

use crate::charts::catalog::{self, ChartSpec};
use crate::charts::scene::{Details, Mark, Scene};
use crate::charts::theme::Theme;
use crate::data::MissingEntry;
use crate::lang::Lang;
use crate::prerender;

use super::chart_drawing::use_drawing;
use super::chart_input::ChartInput;
use super::chart_interaction::{Action, Interaction, Point};
use super::chart_overlays::use_overlays;
use super::chart_tools::{ChartTools, SharedScene};
use super::hooks::{use_content_width, use_dismiss_outside};
use super::tooltip::{place_tooltip, tooltip_view};
use super::SharedDataset;

#[derive(Properties)]
pub struct ChartCanvasProps {
    pub spec: &'static ChartSpec,
    pub dataset: SharedDataset,
    pub lang: Lang,
    pub dark: bool,
    /// The page is being printed: the data table is printed whole, even before it has filled in.
    pub printing: bool,
    /// Device pixels per CSS px, for the canvas's backing store.
    pub pixel_ratio: f64,
    /// The chart's width as the page measured it before its first render, if it could.
    pub width_hint: Option<f64>,
    /// The build's image of the chart (`Rendering::picture`), shown until the chart is drawn:
    /// its markup when the build renders the page, empty when the page takes over that markup.
    pub picture: Option<AttrValue>,
    /// The figure's heading (the start of the canvas's accessible name), note and source line:
    /// drawn into the PNG export and named by the data table, which this component renders
    /// because it holds the laid-out scene.
    pub heading: AttrValue,
    pub note: AttrValue,
    pub source: AttrValue,
    /// The page is embedded (`?embed=1`): no Embed control on the row of the chart's tools.
    pub embedded: bool,
}

impl PartialEq for ChartCanvasProps {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.spec, other.spec)
            && self.dataset == other.dataset
            && self.lang == other.lang
            && self.dark == other.dark
            && self.printing == other.printing
            && self.pixel_ratio == other.pixel_ratio
            && self.width_hint == other.width_hint
            && self.picture == other.picture
            && self.heading == other.heading
            && self.note == other.note
            && self.source == other.source
            && self.embedded == other.embedded
    }
}

/// A chart laid out for its container's width, or the entry it misses; `None` until the width
/// is known and above 0.
type Layout = Option<Result<Rc<Scene>, MissingEntry>>;

/// Lays the chart out for `width` (whole CSS px): again only when the width, the language or
/// the data change.
#[hook]
fn use_layout(
    spec: &'static ChartSpec,
    dataset: SharedDataset,
    width: Option<f64>,
    lang: Lang,
) -> Rc<Layout> {
    let layout = spec.layout;
    use_memo(
        (width.unwrap_or(0.0) as u32, lang, dataset),
        move |(width, lang, dataset)| {
            (*width > 0).then(|| layout(&dataset.0, f64::from(*width), *lang).map(Rc::new))
        },
    )
}

/// Where each item is (`data-items`) and each line of text (`data-labels`), for end-to-end
/// tests and tools that drive the chart by position; made once per scene, not on every hover.
#[hook]
fn use_positions(scene: Option<Rc<Scene>>) -> Rc<Option<(AttrValue, AttrValue)>> {
    use_memo(scene.map(SharedScene), |scene| {
        scene
            .as_ref()
            .map(|SharedScene(scene)| (item_bounds(scene), label_boxes(scene)))
    })
}

fn item_bounds(scene: &Scene) -> AttrValue {
    let text = scene
        .items
        .iter()
        .map(|item| {
            let b = item.bounds;
            let [x, y, width, height] = [b.x, b.y, b.width, b.height].map(|v| v.round() as i64);
            format!("{}:{x},{y},{width},{height}", item.key)
        })
        .collect::<Vec<_>>()
        .join(";");
    AttrValue::from(text)
}

/// `x,y,w,h;…`: each text mark's line box (its estimated width, 1.25 em tall), to 0.1 CSS px.
fn label_boxes(scene: &Scene) -> AttrValue {
    let text = scene
        .marks
        .iter()
        .filter_map(|mark| match mark {
            Mark::Text(text) => {
                let b = text.bounds();
                Some(format!(
                    "{:.1},{:.1},{:.1},{:.1}",
                    b.x, b.y, b.width, b.height
                ))
            }
            _ => None,
        })
        .collect::<Vec<_>>()
        .join(";");
    AttrValue::from(text)
}

/// Why the chart is not drawn, for the reader, if it cannot be.
fn layout_message(layout: &Layout, width: Option<f64>, lang: Lang) -> Option<String> {
    match (layout, width) {
        (_, Some(w)) if w < 1.0 => Some(
            lang.pick(
                "此图所在区域宽度为0，无法绘制。",
                "This chart’s container is 0 px wide, so it cannot be drawn.",
            )
            .to_owned(),
        ),
        (Some(Err(missing)), _) => Some(match lang {
            Lang::Zh => format!("此图无法绘制：{missing}。"),
            Lang::En => format!("This chart cannot be drawn: {missing}."),
        }),
        _ => None,
    }
}

/// What the live region says of the item shown: its title, value and tags.
fn spoken_details(details: &Details, lang: Lang) -> String {
    [
        Some(details.title.clone()),
        details.value.clone(),
        Some(details.tags.join(lang.pick("，", ", "))),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ")
}

/// The chart's accessible name: the heading, then how to read it by keyboard.
fn accessible_label(heading: &str, lang: Lang) -> String {
    format!(
        "{heading}{}",
        lang.pick(
            "。用方向键逐项查看详情，Esc 关闭。",
            ". Use the arrow keys to read each item’s details; Escape closes them.",
        )
    )
}

/// What the canvas and its box say of the chart's state.
struct CanvasState {
    /// The scene is laid out; the box and the canvas are hidden until it is.
    laid_out: bool,
    /// The tooltip's id, while an item is active (`aria-describedby`).
    described_by: Option<String>,
    /// Where each item is (`data-items`) and each line of text (`data-labels`).
    positions: Option<(AttrValue, AttrValue)>,
    /// The key of the item shown (`data-active-item`).
    active_item: Option<String>,
}

/// The chart as a reader's tools know it: an image with a name, reached by Tab and read item by
/// item with the arrow keys. Its canvas is rendered by the browser only near the viewport
/// (`.canvas-box`, chart_drawing.rs), and while it is skipped Chromium leaves it out of the
/// accessibility tree, so the box, which is always there, is the image (an image's content is
/// presentational anyway).
///
/// A pre-rendered page has the build's image of the chart after the canvas; the stylesheet shows
/// it until the first drawing is on the canvas (`data-drawn`, chart_drawing.rs), in the same
/// frame, and the image has the drawing's size, so nothing moves.
fn canvas_box(
    label: String,
    state: CanvasState,
    canvas: NodeRef,
    input: ChartInput,
    picture: Option<AttrValue>,
) -> Html {
    html! {
        <div class="canvas-box" hidden={!state.laid_out} tabindex="0" role="img" aria-label={label}
            aria-describedby={state.described_by}
            onkeydown={input.onkeydown} onblur={input.onblur}>
        // 0 × 0 until its first drawing is shown (chart_drawing.rs), so that a sized canvas
        // is a drawn one.
        <canvas
            class="chart-canvas"
            ref={canvas}
            width="0"
            height="0"
            hidden={!state.laid_out}
            data-items={state.positions.as_ref().map(|(items, _)| items.clone())}
            data-labels={state.positions.map(|(_, labels)| labels)}
            data-active-item={state.active_item}
            onpointerdown={input.onpointerdown} onpointermove={input.onpointermove}
            onpointerleave={input.onpointerleave} onpointerup={input.onpointerup}
            onpointercancel={input.onpointercancel}
        />
        if let Some(picture) = picture {
            // Hydrating, the empty markup adopts the image already in the page as it is.
            <div class="chart-picture" aria-hidden="true">{ Html::from_html_unchecked(picture) }</div>
        }
        </div>
    }
}

#[function_component(ChartCanvas)]
pub fn chart_canvas(props: &ChartCanvasProps) -> Html {
    let container = use_node_ref();
    let canvas = use_node_ref();
    let highlight = use_node_ref();
    let tooltip = use_node_ref();
    let lang = props.lang;
    let width = use_content_width(container.clone(), props.width_hint);
    let interaction = use_reducer_eq(Interaction::default);
    use_dismiss_outside(
        container.clone(),
        interaction.dispatcher(),
        Action::TapOutside,
    );
    // A pre-rendered page is laid out at a set width until its own is measured, as the build
    // laid it out (the data table is the same at any width), and drawn only at its own.
    let layout_width = width.or(props
        .picture
        .is_some()
        .then_some(prerender::TABLE_LAYOUT_WIDTH));
    let layout = use_layout(props.spec, props.dataset.clone(), layout_width, lang);
    let laid_out = match &*layout {
        Some(Ok(scene)) => Some(scene.clone()),
        _ => None,
    };
    // What is drawn, pointed at and read by keyboard: the scene at the chart's own width.
    let scene = laid_out.clone().filter(|_| width.is_some());
    let theme = if props.dark {
        Theme::dark()
    } else {
        Theme::light()
    };
    let (draw_error, drawn) = use_drawing(
        canvas.clone(),
        scene.clone(),
        theme.clone(),
        props.pixel_ratio,
        // Pre-rendered, the charts take over in page order, one per frame.
        props
            .picture
            .as_ref()
            .map(|_| catalog::position(props.spec.id).unwrap_or(catalog::CHARTS.len()) as u32),
    );
    let active = interaction.active;
    // The item shown, while the scene has it, and where its tooltip goes.
    let shown = scene.as_deref().zip(active).and_then(|(scene, active)| {
        let item = scene.items.get(active.point.item)?;
        let Point { x, y, above, .. } = active.point;
        Some((item, place_tooltip(x, y, scene.width, above)))
    });
    use_overlays(
        highlight.clone(),
        tooltip.clone(),
        shown.map(|(item, placement)| (item.bounds, placement)),
        theme,
    );
    let positions = use_positions(scene.clone());
    let input = ChartInput::new(&interaction, scene.clone(), &canvas);

    let tooltip_id = format!("{}-tooltip", props.spec.id);
    let state = CanvasState {
        laid_out: laid_out.is_some(),
        described_by: active.is_some().then(|| tooltip_id.clone()),
        positions: (*positions).clone(),
        active_item: shown.map(|(item, _)| item.key.clone()),
    };
    let tooltip_box =
        shown.map(|(item, _)| tooltip_view(tooltip_id.into(), &item.details, lang, tooltip));
    let live_text = shown.map_or_else(String::new, |(item, _)| spoken_details(&item.details, lang));
    html! {
        <>
        <div class="chart-body" ref={container}>
            // The image leaves the page once the chart is drawn (the stylesheet hid it in that frame),
            // so that a window resized across a breakpoint fetches no other image.
            { canvas_box(accessible_label(&props.heading, lang), state, canvas, input, props.picture.clone().filter(|_| !drawn)) }
            // Always present (shown and placed by its effect), like the tooltip layer below.
            <div class="chart-highlight" ref={highlight} aria-hidden="true"></div>
            // A wrapper of its own, so showing a tooltip never changes the number of siblings
            // and Yew never replaces the canvas (which would drop keyboard focus).
            <div class="tooltip-layer">{ for tooltip_box }</div>
            if let Some(message) = layout_message(&layout, width, lang) {
                <p class="chart-message" role="status">{ message }</p>
            }
            if let Some(error) = draw_error {
                <p class="chart-message" role="alert">{ lang.pick("绘图失败：", "Drawing failed: ") }{ error }</p>
            }
            <div class="sr-only" aria-live="polite">{ live_text }</div>
        </div>
        <figcaption class="chart-source">
            { props.source.clone() }{ lang.details_note() }
        </figcaption>
        if let Some(scene) = laid_out {
            <ChartTools chart_id={props.spec.id} scene={SharedScene(scene)} heading={props.heading.clone()}
                note={props.note.clone()} source={props.source.clone()} {lang} dark={props.dark} printing={props.printing}
                prerendered={props.picture.is_some()} dataset={props.dataset.clone()} embedded={props.embedded} />
        }
        </>
    }
}
