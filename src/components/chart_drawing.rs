//! Draws a chart's scene on its canvas with plotters-canvas, and again whenever what it shows
//! changes, crisp at any device pixel ratio.
//!
//! Text is placed from its alphabetic baseline, the same in every engine (baseline_canvas.rs).
//! plotters-canvas draws in the canvas's own pixels and knows nothing of `devicePixelRatio`, so
//! the backing store is the scene's CSS size × the ratio, and `draw_scene` draws at that scale
//! (fonts, strokes and positions); the canvas's CSS size stays the scene's. The drawing leaves
//! the background transparent: the page's own shows through.

use std::rc::Rc;

use plotters::prelude::IntoDrawingArea;
use wasm_bindgen::JsCast;
use web_sys::{HtmlCanvasElement, HtmlElement};
use yew::prelude::*;

use crate::charts::draw::{draw_scene, Backdrop};
use crate::charts::scene::Scene;
use crate::charts::theme::Theme;

use super::baseline_canvas::BaselineCanvas;
use super::chart_tools::SharedScene;

/// Draws `scene` on `canvas` in `theme` at `ratio` device px per CSS px once it
/// is laid out, and again whenever one of them changes. Returns why the last drawing failed, if
/// it did.
#[hook]
pub fn use_drawing(
    canvas: NodeRef,
    scene: Option<Rc<Scene>>,
    theme: Theme,
    ratio: f64,
) -> Option<String> {
    let draw_error = use_state_eq(|| None::<String>);
    {
        let draw_error = draw_error.clone();
        use_effect_with(
            (scene.map(SharedScene), theme, ratio),
            move |(scene, theme, ratio)| {
                if let (Some(SharedScene(scene)), Some(element)) =
                    (scene, canvas.cast::<HtmlCanvasElement>())
                {
                    draw_error.set(draw_and_show(&element, scene, theme, *ratio).err());
                }
            },
        );
    }
    (*draw_error).clone()
}

/// Draws `scene` at `ratio` device px per CSS px on `canvas`, which takes the scene's CSS size
/// and a backing store of that size × `ratio`.
pub fn draw_and_show(
    canvas: &HtmlCanvasElement,
    scene: &Scene,
    theme: &Theme,
    ratio: f64,
) -> Result<(), String> {
    let (width, height) = (scene.width, scene.height);
    // Through the style object, not a style attribute, so a strict CSP allows it. The canvas's
    // box (`.canvas-box`, rendered only near the viewport) keeps the canvas's size while the
    // browser skips it, so the page is as tall either way.
    if let Some(canvas_box) = canvas
        .parent_element()
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        canvas_box
            .style()
            .set_css_text(&format!("contain-intrinsic-size:{width}px {height}px"));
    }
    canvas
        .style()
        .set_css_text(&format!("width:{width}px;height:{height}px"));
    draw_on(canvas, scene, theme, ratio, Backdrop::Transparent)
}

/// Gives `canvas` a backing store of the scene's size × `ratio` and draws `scene` over
/// `backdrop` on it: the page's canvases, and the PNG export's detached one.
pub fn draw_on(
    canvas: &HtmlCanvasElement,
    scene: &Scene,
    theme: &Theme,
    ratio: f64,
    backdrop: Backdrop,
) -> Result<(), String> {
    // Setting the size clears the canvas, also when it is unchanged.
    canvas.set_width((scene.width * ratio).round() as u32);
    canvas.set_height((scene.height * ratio).round() as u32);
    let backend = BaselineCanvas::new(canvas).ok_or("the canvas has no 2D context")?;
    draw_scene(&backend.into_drawing_area(), scene, theme, ratio, backdrop)
        .map_err(|error| error.to_string())
}
