//! Draws a scene off the page and shows it on the page's canvas as one bitmap.
//!
//! The page's canvas has a `bitmaprenderer` context, not a 2D one. With a 2D canvas in the page,
//! Chromium without a GPU copies the whole backing store of every canvas in view into each frame
//! that paints anything else (a tooltip, a scroll): on a phone at DPR 3 and 4× throttling that
//! was 20–25 ms of each hover's frame, and 284 ms for the frame that scrolled the charts into
//! view. A bitmap handed to a `bitmaprenderer` canvas is shown as it is, without that copy
//! (README.md, "Benchmark").

use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlCanvasElement, ImageBitmap, ImageBitmapRenderingContext};

use crate::charts::scene::Scene;
use crate::charts::theme::Theme;
use crate::format::plain_number;

use super::canvas_backend::draw_on;

/// Draws `scene` at `ratio` device px per CSS px into a canvas of its own, then shows it on
/// `canvas`: CSS size at once (so the page's layout does not wait), backing-store size and
/// pixels together once the bitmap is ready, if `still_wanted()` then says so (a drawing
/// overtaken by a newer one, in a resize storm, is dropped). A browser without ImageBitmap gets
/// the drawing on `canvas` itself.
pub async fn draw_and_show(
    canvas: HtmlCanvasElement,
    scene: Rc<Scene>,
    theme: Theme,
    ratio: f64,
    still_wanted: impl Fn() -> bool,
) -> Result<(), String> {
    let (width, height) = (
        (scene.width * ratio).round() as u32,
        (scene.height * ratio).round() as u32,
    );
    // Through the style object, not a style attribute, so a strict CSP allows it.
    canvas.style().set_css_text(&format!(
        "width:{}px;height:{}px",
        plain_number(scene.width, 3),
        plain_number(scene.height, 3)
    ));
    let window = web_sys::window().ok_or("no window")?;
    let bitmaps = js_sys::Reflect::get(&window, &"createImageBitmap".into())
        .is_ok_and(|create| create.is_function());
    let context = bitmaps
        .then(|| canvas.get_context("bitmaprenderer").ok().flatten())
        .flatten();
    let Some(context) = context else {
        // No ImageBitmap in this browser (Safari before 15): draw on the page's canvas itself.
        canvas.set_width(width);
        canvas.set_height(height);
        return draw_on(&canvas, &scene, &theme, ratio);
    };
    let scratch: HtmlCanvasElement = window
        .document()
        .and_then(|document| document.create_element("canvas").ok())
        .ok_or("cannot make a canvas")?
        .unchecked_into();
    scratch.set_width(width);
    scratch.set_height(height);
    draw_on(&scratch, &scene, &theme, ratio)?;
    let bitmap = window
        .create_image_bitmap_with_html_canvas_element(&scratch)
        .map_err(|_| "the drawing cannot be made a bitmap")?;
    let bitmap = JsFuture::from(bitmap)
        .await
        .map_err(|_| "the drawing cannot be made a bitmap")?;
    // The bitmap is a copy: the scratch canvas's backing store can go now, not at the next GC.
    scratch.set_width(0);
    if !still_wanted() {
        return Ok(());
    }
    canvas.set_width(width);
    canvas.set_height(height);
    context
        .unchecked_into::<ImageBitmapRenderingContext>()
        .transfer_from_image_bitmap(&bitmap.unchecked_into::<ImageBitmap>());
    Ok(())
}
