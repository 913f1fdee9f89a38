//! Hosts one chart: measures its container, lays the chart out for that width, draws it at the
//! device pixel ratio (scene_bitmap.rs), and turns pointer, touch and keys into highlighted items
//! with an HTML tooltip. Hit-testing reads the same scene that was drawn. It also renders the
//! figure's caption and tools, which need that scene (data table, CSV, PNG).

use std::rc::Rc;

use web_sys::{HtmlCanvasElement, HtmlElement};
use yew::prelude::*;

use crate::charts::catalog::ChartSpec;
use crate::charts::scene::{Rect, Scene};
use crate::charts::theme::{Role, Theme};
use crate::format::plain_number;
use crate::lang::Lang;

use super::chart_input::ChartInput;
use super::chart_interaction::{Action, Interaction};
use super::chart_tools::{ChartTools, SharedScene};
use super::hooks::{use_content_width, use_dismiss_outside};
use super::scene_bitmap::draw_and_show;
use super::tooltip::{place_tooltip, position_tooltip, tooltip_view};
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
    /// The figure's heading (the start of the canvas's accessible name), note and source line:
    /// drawn into the PNG export and named by the data table, which this component renders
    /// because it holds the laid-out scene.
    pub heading: AttrValue,
    pub note: AttrValue,
    pub source: AttrValue,
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
            && self.heading == other.heading
            && self.note == other.note
            && self.source == other.source
    }
}

/// Width of the highlight outline, CSS px.
const FOCUS_WIDTH: f64 = 2.5;

/// Places the highlight outline over the item at `bounds` (CSS px in the canvas), or hides it.
/// An element over the canvas rather than a redraw of the canvas: a hover then costs no
/// drawing, and the browser does not upload the whole canvas again (at a phone's pixel ratio
/// that upload was most of a hover's time; see README.md, "Benchmark"). The stylesheet gives it
/// the rest (`.chart-highlight`: absolute, hidden, no pointer events).
fn place_highlight(element: &HtmlElement, bounds: Option<Rect>, theme: &Theme) {
    let css = bounds.map_or_else(String::new, |r| {
        let focus = theme.color(Role::Focus);
        // Drawn just outside the item, so the outline never covers the item's own text (a label
        // that starts at the chart's left edge lost its first letter under it).
        let outset = FOCUS_WIDTH + 1.0;
        let css_px = |v: f64| plain_number(v, 2);
        format!(
            "display:block;left:{}px;top:{}px;width:{}px;height:{}px;border:{}px solid rgb({},{},{})",
            css_px(r.x - outset),
            css_px(r.y - outset),
            css_px(r.width + 2.0 * outset),
            css_px(r.height + 2.0 * outset),
            css_px(FOCUS_WIDTH),
            focus.0,
            focus.1,
            focus.2
        )
    });
    // Through the style object, not a style attribute, so a strict CSP allows it.
    element.style().set_css_text(&css);
}

#[function_component(ChartCanvas)]
pub fn chart_canvas(props: &ChartCanvasProps) -> Html {
    let container = use_node_ref();
    let canvas = use_node_ref();
    let highlight_ref = use_node_ref();
    let tooltip_ref = use_node_ref();
    let width = use_content_width(container.clone(), props.width_hint);
    let interaction = use_reducer_eq(Interaction::default);
    let active = interaction.active;
    let draw_error = use_state_eq(|| None::<String>);
    use_dismiss_outside(
        container.clone(),
        interaction.dispatcher(),
        Action::TapOutside,
    );

    let scene = {
        let (layout, dataset, lang) = (props.spec.layout, props.dataset.clone(), props.lang);
        use_memo(
            (width.unwrap_or(0.0) as u32, lang, dataset),
            move |(width, lang, dataset)| {
                (*width > 0).then(|| layout(&dataset.0, f64::from(*width), *lang).map(Rc::new))
            },
        )
    };
    let ready: Option<Rc<Scene>> = match &*scene {
        Some(Ok(scene)) => Some(scene.clone()),
        _ => None,
    };
    let theme = if props.dark {
        Theme::dark()
    } else {
        Theme::light()
    };
    let scene_ptr = ready.as_ref().map(|s| Rc::as_ptr(s) as usize);
    {
        let (canvas, draw_error, ready) = (canvas.clone(), draw_error.clone(), ready.clone());
        let theme = theme.clone();
        use_effect_with(
            (scene_ptr, props.dark, props.pixel_ratio),
            move |(_, _, ratio)| {
                if let (Some(scene), Some(element)) = (ready, canvas.cast::<HtmlCanvasElement>()) {
                    draw_error.set(draw_and_show(&element, &scene, &theme, *ratio).err());
                }
            },
        );
    }
    let shown_item = ready.as_ref().zip(active).and_then(|(scene, active)| {
        Some((scene.items.get(active.point.item)?, scene.width, active))
    });
    let placement = shown_item.map(|(_, width, active)| {
        let point = active.point;
        place_tooltip(point.x, point.y, width, point.above)
    });
    // The overlays over the canvas, placed once they are in the page: the highlight outline
    // and the tooltip.
    {
        let (highlight_ref, tooltip_ref) = (highlight_ref.clone(), tooltip_ref.clone());
        let bounds = shown_item.map(|(item, _, _)| item.bounds);
        use_effect_with(
            (bounds, placement, props.dark),
            move |(bounds, placement, _)| {
                if let Some(element) = highlight_ref.cast::<HtmlElement>() {
                    place_highlight(&element, *bounds, &theme);
                }
                if let (Some(placement), Some(element)) =
                    (placement, tooltip_ref.cast::<HtmlElement>())
                {
                    position_tooltip(&element, placement);
                }
            },
        );
    }

    let input = ChartInput::new(&interaction, ready.clone(), &canvas);

    let tooltip_id = format!("{}-tooltip", props.spec.id);
    let message = match (&*scene, width) {
        (_, Some(w)) if w < 1.0 => Some(
            props
                .lang
                .pick(
                    "此图所在区域宽度为0，无法绘制。",
                    "This chart’s container is 0 px wide, so it cannot be drawn.",
                )
                .to_owned(),
        ),
        (Some(Err(missing)), _) => Some(match props.lang {
            Lang::Zh => format!("此图无法绘制：{missing}。"),
            Lang::En => format!("This chart cannot be drawn: {missing}."),
        }),
        _ => None,
    };
    let live_text = match (&ready, active) {
        (Some(scene), Some(active)) => scene.items.get(active.point.item).map(|item| {
            let details = &item.details;
            [
                Some(details.title.clone()),
                details.value.clone(),
                Some(details.tags.join(props.lang.pick("，", ", "))),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ")
        }),
        _ => None,
    }
    .unwrap_or_default();
    let tooltip = shown_item.map(|(item, _, _)| {
        tooltip_view(
            tooltip_id.clone().into(),
            &item.details,
            props.lang,
            tooltip_ref.clone(),
        )
    });
    // Where each item is, for end-to-end tests and tools that drive the chart by position;
    // made once per scene, not on every hover.
    let item_bounds = {
        let ready = ready.clone();
        use_memo(scene_ptr, move |_| {
            ready.map(|scene| {
                let text = scene
                    .items
                    .iter()
                    .map(|item| {
                        let b = item.bounds;
                        let [x, y, width, height] =
                            [b.x, b.y, b.width, b.height].map(|v| v.round() as i64);
                        format!("{}:{x},{y},{width},{height}", item.key)
                    })
                    .collect::<Vec<_>>()
                    .join(";");
                AttrValue::from(text)
            })
        })
    };
    let lang = props.lang;
    // The chart's accessible name: the heading, then how to read it by keyboard.
    let label = format!(
        "{}{}",
        props.heading,
        lang.pick(
            "。用方向键逐项查看详情，Esc 关闭。",
            ". Use the arrow keys to read each item’s details; Escape closes them.",
        )
    );
    html! {
        <>
        <div class="chart-body" ref={container}>
            // The chart as a reader's tools know it: an image with a name, reached by Tab and read
            // item by item with the arrow keys. Its canvas is rendered by the browser only near
            // the viewport (`.canvas-box`, scene_bitmap.rs), and while it is skipped Chromium
            // leaves it out of the accessibility tree, so the box, which is always there, is the
            // image (an image's content is presentational anyway).
            <div class="canvas-box" hidden={ready.is_none()} tabindex="0" role="img" aria-label={label}
                aria-describedby={active.is_some().then(|| tooltip_id.clone())}
                onkeydown={input.onkeydown} onblur={input.onblur}>
            // 0 × 0 until its first drawing is shown (scene_bitmap.rs), so that a sized canvas
            // is a drawn one.
            <canvas
                class="chart-canvas"
                ref={canvas}
                width="0"
                height="0"
                hidden={ready.is_none()}
                data-items={(*item_bounds).clone()}
                data-active-item={ready.as_ref().zip(active).and_then(|(s, a)| s.items.get(a.point.item)).map(|item| item.key.clone())}
                onpointerdown={input.onpointerdown} onpointermove={input.onpointermove}
                onpointerleave={input.onpointerleave} onpointerup={input.onpointerup}
                onpointercancel={input.onpointercancel}
            />
            </div>
            // Always present (shown and placed by its effect), like the tooltip layer below.
            <div class="chart-highlight" ref={highlight_ref} aria-hidden="true"></div>
            // A wrapper of its own, so showing a tooltip never changes the number of siblings
            // and Yew never replaces the canvas (which would drop keyboard focus).
            <div class="tooltip-layer">{ for tooltip }</div>
            if let Some(message) = message {
                <p class="chart-message" role="status">{ message }</p>
            }
            if let Some(error) = &*draw_error {
                <p class="chart-message" role="alert">{ props.lang.pick("绘图失败：", "Drawing failed: ") }{ error }</p>
            }
            <div class="sr-only" aria-live="polite">{ live_text }</div>
        </div>
        <figcaption class="chart-source">
            { props.source.clone() }{ lang.pick("，每项详情附原文语句。", "; each item’s details quote the article’s sentence.") }
        </figcaption>
        if let Some(scene) = ready {
            <ChartTools chart_id={props.spec.id} scene={SharedScene(scene)} heading={props.heading.clone()}
                note={props.note.clone()} source={props.source.clone()} {lang} dark={props.dark} printing={props.printing} />
        }
        </>
    }
}
