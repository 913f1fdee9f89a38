//! plotters-canvas with text placed from its alphabetic baseline, where every engine puts it.
//!
//! plotters-canvas draws text with `textBaseline` set from the anchor (`top`, `middle`,
//! `bottom`), and engines resolve those from different metrics of the fonts: Chromium and
//! Firefox from the em box, WebKit from the ascent. With the page's fonts (DejaVu Sans, then
//! Noto Sans CJK on Linux) WebKit set every label about 5 px lower than Chromium at 13 px:
//! tile names sat at the bottom of their tiles. This backend draws every shape with
//! plotters-canvas and text itself, with `textBaseline = "alphabetic"` at the offset plotters'
//! SVG backend uses (`TOP_TO_BASELINE_EM` below the `VPos::Top` point), so the canvas, the SVG
//! and every engine agree.

use std::error::Error;
use std::fmt;

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontTransform,
};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::charts::draw::TOP_TO_BASELINE_EM;

/// plotters-canvas's error, a type it does not export.
type CanvasError = <CanvasBackend as DrawingBackend>::ErrorType;

/// A canvas's 2D context refused to draw a text.
#[derive(Debug)]
struct TextError(String);

impl fmt::Display for TextError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "the canvas refused a text: {}", self.0)
    }
}

impl Error for TextError {}

/// plotters-canvas on a page's canvas, drawing text from its alphabetic baseline.
pub struct BaselineCanvas {
    shapes: CanvasBackend,
    context: CanvasRenderingContext2d,
}

impl BaselineCanvas {
    /// The backend of `canvas`, or `None` when it has no 2D context.
    pub fn new(canvas: &HtmlCanvasElement) -> Option<BaselineCanvas> {
        let context = canvas
            .get_context("2d")
            .ok()??
            .dyn_into::<CanvasRenderingContext2d>()
            .ok()?;
        let shapes = CanvasBackend::with_canvas_object(canvas.clone())?;
        Some(BaselineCanvas { shapes, context })
    }
}

/// Where the baseline is below the anchor's point, in em: `Top` as plotters' SVG backend puts
/// it, `Center` and `Bottom` half an em and an em higher.
fn baseline_offset_em(v_pos: VPos) -> f64 {
    match v_pos {
        VPos::Top => TOP_TO_BASELINE_EM,
        VPos::Center => TOP_TO_BASELINE_EM - 0.5,
        VPos::Bottom => TOP_TO_BASELINE_EM - 1.0,
    }
}

fn rgba(color: BackendColor) -> String {
    let (r, g, b) = color.rgb;
    format!("rgba({r},{g},{b},{})", color.alpha)
}

impl DrawingBackend for BaselineCanvas {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.shapes.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.shapes.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.shapes.present()
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.shapes.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.shapes.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.shapes.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.shapes.draw_path(path, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.shapes.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.shapes.fill_polygon(vert, style)
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        // The charts draw no turned text; plotters-canvas turns it as before.
        if !matches!(style.transform(), FontTransform::None) {
            return self.shapes.draw_text(text, style, pos);
        }
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let anchor = style.anchor();
        let align = match anchor.h_pos {
            HPos::Left => "start",
            HPos::Center => "center",
            HPos::Right => "end",
        };
        let size = style.size();
        let context = &self.context;
        context.set_text_baseline("alphabetic");
        context.set_text_align(align);
        context.set_fill_style_str(&rgba(color));
        context.set_font(&format!(
            "{} {size}px {}",
            style.style().as_str(),
            style.family().as_str()
        ));
        let baseline = f64::from(pos.1) + size * baseline_offset_em(anchor.v_pos);
        context
            .fill_text(text, f64::from(pos.0), baseline)
            .map_err(|error| DrawingErrorKind::FontError(Box::new(TextError(format!("{error:?}")))))
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<CanvasError>> {
        self.shapes.estimate_text_size(text, style)
    }

    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        size: (u32, u32),
        src: &[u8],
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.shapes.blit_bitmap(pos, size, src)
    }
}
