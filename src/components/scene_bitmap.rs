//! Draws a scene off the page and shows it on the page's canvas as one bitmap.
//!
//! The page's canvas has a `bitmaprenderer` context, not a 2D one. With a 2D canvas in the page,
//! Chromium without a GPU copies the whole backing store of every canvas in view into each frame
//! that paints anything else (a tooltip, a scroll): on a phone at DPR 3 and 4× throttling that
//! was 20–25 ms of each hover's frame, and 284 ms for the frame that scrolled the charts into
//! view. A bitmap handed to a `bitmaprenderer` canvas is shown as it is, without that copy
//! (README.md, "Benchmark").
//!
//! The drawing is made on an `OffscreenCanvas` and handed over with `transferToImageBitmap`,
//! synchronously; a scratch canvas element needed `createImageBitmap` and a promise, so a drawing
//! could be overtaken by a newer one before it was shown. (Chromium without a GPU copies the
//! pixels either way: the two measured the same load time.)
//!
//! The drawing leaves the background transparent: the page's own shows through, and the
//! browser does not fill millions of pixels it would cover anyway.

use wasm_bindgen::JsCast;
use web_sys::{HtmlCanvasElement, HtmlElement, ImageBitmapRenderingContext, OffscreenCanvas};

use crate::charts::draw::Backdrop;
use crate::charts::scene::Scene;
use crate::charts::theme::Theme;
use crate::format::plain_number;

use super::canvas_backend::{draw_on, draw_with};

/// Draws `scene` at `ratio` device px per CSS px and shows it on `canvas`, which takes the
/// scene's CSS size and, with the pixels, its backing-store size. A browser without
/// OffscreenCanvas (Safari before 16.4) gets the drawing on `canvas` itself.
pub fn draw_and_show(
    canvas: &HtmlCanvasElement,
    scene: &Scene,
    theme: &Theme,
    ratio: f64,
) -> Result<(), String> {
    let size = (
        (scene.width * ratio).round() as u32,
        (scene.height * ratio).round() as u32,
    );
    // Through the style object, not a style attribute, so a strict CSP allows it. The canvas's
    // box (`.canvas-box`, rendered only near the viewport) keeps the canvas's size while the
    // browser skips it, so the page is as tall either way.
    let (width, height) = (plain_number(scene.width, 3), plain_number(scene.height, 3));
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
    let offscreen = js_sys::Reflect::get(&window, &"OffscreenCanvas".into())
        .is_ok_and(|constructor| constructor.is_function());
    let shown_by = offscreen
        .then(|| canvas.get_context("bitmaprenderer").ok().flatten())
        .flatten();
    let Some(shown_by) = shown_by else {
        canvas.set_width(size.0);
        canvas.set_height(size.1);
        return draw_on(canvas, scene, theme, ratio, Backdrop::Transparent);
    };
    let drawing = OffscreenCanvas::new(size.0, size.1).map_err(|_| "cannot make a canvas")?;
    draw_with(
        drawing.get_context("2d").ok().flatten(),
        size,
        scene,
        theme,
        ratio,
        Backdrop::Transparent,
    )?;
    let bitmap = drawing
        .transfer_to_image_bitmap()
        .map_err(|_| "the drawing cannot be made a bitmap")?;
    canvas.set_width(size.0);
    canvas.set_height(size.1);
    shown_by
        .unchecked_into::<ImageBitmapRenderingContext>()
        .transfer_from_image_bitmap(&bitmap);
    Ok(())
}
