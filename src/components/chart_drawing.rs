//! Draws a chart's scene with plotters-canvas, and again whenever what it shows changes, crisp
//! at any device pixel ratio.
//!
//! Text is placed from its alphabetic baseline, the same in every engine (baseline_canvas.rs).
//! plotters-canvas draws in the canvas's own pixels and knows nothing of `devicePixelRatio`, so
//! the backing store is the scene's CSS size × the ratio, and `draw_scene` draws at that scale
//! (fonts, strokes and positions); the canvas's CSS size stays the scene's. The drawing leaves
//! the background transparent: the page's own shows through.
//!
//! The drawing is made on a detached canvas and shown on the page's canvas as one bitmap (a
//! `bitmaprenderer` context). With a 2D canvas in the page, Chromium without a GPU copies the
//! backing store of every canvas in view into each frame that paints anything else, which made
//! hovers on a slow phone miss frames and the hover moves long tasks.
//! `createImageBitmap` is asynchronous, so a drawing overtaken by a newer one is dropped. A
//! browser without `createImageBitmap` or `bitmaprenderer` gets the drawing on the canvas itself.

use std::cell::Cell;
use std::rc::Rc;

use plotters::prelude::IntoDrawingArea;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlCanvasElement, HtmlElement, ImageBitmap, ImageBitmapRenderingContext};
use yew::prelude::*;

use crate::browser;
use crate::charts::draw::{draw_scene, Backdrop};
use crate::charts::scene::Scene;
use crate::charts::theme::Theme;

use super::baseline_canvas::BaselineCanvas;
use super::chart_tools::SharedScene;

/// Draws `scene` on `canvas` in `theme` at `ratio` device px per CSS px once it is laid out, and
/// again whenever one of them changes. Returns why the last drawing failed, if it did.
///
/// `first_after`: frames to wait before the first drawing, in a task of its own. A pre-rendered
/// page shows every chart's image already, so its charts take over one per frame instead of all
/// in one long task that would hold back the reader's first hover.
///
/// Also says whether a drawing has been shown, from then on.
#[hook]
pub fn use_drawing(
    canvas: NodeRef,
    scene: Option<Rc<Scene>>,
    theme: Theme,
    ratio: f64,
    first_after: Option<u32>,
) -> (Option<String>, bool) {
    let draw_error = use_state_eq(|| None::<String>);
    let shown = use_state_eq(|| false);
    // The number of the latest drawing, so that an older one still on its way is dropped.
    let latest = use_memo((), |_| Rc::new(Cell::new(0u64)));
    {
        let (draw_error, shown) = (draw_error.clone(), shown.clone());
        use_effect_with(
            (scene.map(SharedScene), theme, ratio),
            move |(scene, theme, ratio)| {
                if let (Some(SharedScene(scene)), Some(element)) =
                    (scene, canvas.cast::<HtmlCanvasElement>())
                {
                    let latest = (*latest).clone();
                    latest.set(latest.get() + 1);
                    let first = latest.get() == 1;
                    let drawing = Drawing {
                        number: latest.get(),
                        latest,
                        shown: shown.clone(),
                    };
                    match first_after.filter(|_| first) {
                        None => draw_error
                            .set(draw_and_show(&element, scene, theme, *ratio, drawing).err()),
                        Some(frames) => {
                            let (scene, theme, ratio) = (scene.clone(), theme.clone(), *ratio);
                            browser::after_frames(frames, move || {
                                if drawing.is_latest() {
                                    draw_error.set(
                                        draw_and_show(&element, &scene, &theme, ratio, drawing)
                                            .err(),
                                    );
                                }
                            });
                        }
                    }
                }
            },
        );
    }
    ((*draw_error).clone(), *shown)
}

/// One drawing of a canvas, the number of the latest, and whether one has been shown.
struct Drawing {
    number: u64,
    latest: Rc<Cell<u64>>,
    shown: UseStateHandle<bool>,
}

impl Drawing {
    fn is_latest(&self) -> bool {
        self.number == self.latest.get()
    }
}

/// Draws `scene` at `ratio` device px per CSS px and shows it on `canvas`, which takes the
/// scene's CSS size and, with the drawing, a backing store of that size × `ratio`.
fn draw_and_show(
    canvas: &HtmlCanvasElement,
    scene: &Scene,
    theme: &Theme,
    ratio: f64,
    drawing: Drawing,
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
    let window = web_sys::window().ok_or("no window")?;
    let can_hand_over = js_sys::Reflect::get(&window, &"createImageBitmap".into())
        .is_ok_and(|function| function.is_function());
    let shown_by = can_hand_over
        .then(|| canvas.get_context("bitmaprenderer").ok().flatten())
        .flatten();
    let Some(shown_by) = shown_by else {
        draw_on(canvas, scene, theme, ratio, Backdrop::Transparent)?;
        mark_drawn(canvas);
        drawing.shown.set(true);
        return Ok(());
    };
    let detached: HtmlCanvasElement = window
        .document()
        .ok_or("no document")?
        .create_element("canvas")
        .map_err(|_| "cannot make a canvas")?
        .unchecked_into();
    draw_on(&detached, scene, theme, ratio, Backdrop::Transparent)?;
    let bitmap = window
        .create_image_bitmap_with_html_canvas_element(&detached)
        .map_err(|_| "the drawing cannot be made a bitmap")?;
    let canvas = canvas.clone();
    let shown_by: ImageBitmapRenderingContext = shown_by.unchecked_into();
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(bitmap) = JsFuture::from(bitmap).await else {
            return;
        };
        if drawing.is_latest() {
            canvas.set_width(detached.width());
            canvas.set_height(detached.height());
            shown_by.transfer_from_image_bitmap(&bitmap.unchecked_into::<ImageBitmap>());
            mark_drawn(&canvas);
            drawing.shown.set(true);
        }
    });
    Ok(())
}

/// Marks the canvas's box as drawn: the stylesheet then shows the canvas in place of the
/// pre-rendered image, in the same frame as the drawing.
fn mark_drawn(canvas: &HtmlCanvasElement) {
    if let Some(canvas_box) = canvas.parent_element() {
        let _ = canvas_box.set_attribute("data-drawn", "");
    }
}

/// Gives `canvas` a backing store of the scene's size × `ratio` and draws `scene` over
/// `backdrop` on it: the drawings for the page, and the PNG export's.
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
