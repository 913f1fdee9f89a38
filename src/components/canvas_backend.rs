//! A plotters backend for a canvas's 2D context: what plotters-canvas does for the marks
//! `charts::draw` uses (rectangles, lines, paths, polygons, text), with colours and font sizes
//! written without Rust's float printing, which plotters-canvas's `format!("{}", f64)` pulled
//! into the page (about 9 KB of wasm; README, "Where the bytes go").

use plotters::prelude::IntoDrawingArea;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::charts::draw::{draw_scene, Backdrop};
use crate::charts::scene::Scene;
use crate::charts::theme::Theme;
use crate::format::plain_number;

/// Draws `scene` over `backdrop` on `canvas` (already sized) at `ratio` device px per CSS px.
pub fn draw_on(
    canvas: &HtmlCanvasElement,
    scene: &Scene,
    theme: &Theme,
    ratio: f64,
    backdrop: Backdrop,
) -> Result<(), String> {
    let context = canvas.get_context("2d").ok().flatten();
    draw_with(
        context,
        (canvas.width(), canvas.height()),
        scene,
        theme,
        ratio,
        backdrop,
    )
}

/// Draws `scene` with `context`, the 2D context of a canvas of `size` device px: a canvas
/// element's or an `OffscreenCanvas`'s, whose methods are the same (the glue calls them by name).
pub fn draw_with(
    context: Option<js_sys::Object>,
    size: (u32, u32),
    scene: &Scene,
    theme: &Theme,
    ratio: f64,
    backdrop: Backdrop,
) -> Result<(), String> {
    let context: CanvasRenderingContext2d = context
        .ok_or("the canvas has no 2D context")?
        .unchecked_into();
    let backend = CanvasBackend::new(context, size);
    draw_scene(&backend.into_drawing_area(), scene, theme, ratio, backdrop)
        .map_err(|error| error.to_string())
}

/// Draws on `context`, whose canvas is `size` device px.
pub struct CanvasBackend {
    context: CanvasRenderingContext2d,
    size: (u32, u32),
}

impl CanvasBackend {
    pub fn new(context: CanvasRenderingContext2d, size: (u32, u32)) -> Self {
        CanvasBackend { context, size }
    }

    fn set_line_style(&self, style: &impl BackendStyle) {
        self.context
            .set_stroke_style_str(&canvas_color(style.color()));
        self.context.set_line_width(f64::from(style.stroke_width()));
    }

    /// Starts a path through `points`; `false` when there are none.
    fn trace(&self, points: impl IntoIterator<Item = BackendCoord>) -> bool {
        let mut points = points.into_iter();
        self.context.begin_path();
        let Some((x, y)) = points.next() else {
            return false;
        };
        self.context.move_to(f64::from(x), f64::from(y));
        for (x, y) in points {
            self.context.line_to(f64::from(x), f64::from(y));
        }
        true
    }
}

/// The one thing that can fail: the canvas refusing a text (a detached context).
#[derive(Debug)]
pub struct CanvasError;

impl std::fmt::Display for CanvasError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the canvas refused to draw text")
    }
}

impl std::error::Error for CanvasError {}

/// `rgb(r,g,b)`, or `rgba(r,g,b,0.xyz)` when the colour is not opaque.
fn canvas_color(color: BackendColor) -> String {
    let (r, g, b) = color.rgb;
    if color.alpha >= 1.0 {
        format!("rgb({r},{g},{b})")
    } else {
        format!(
            "rgba({r},{g},{b},{})",
            plain_number(color.alpha.max(0.0), 3)
        )
    }
}

type Drawn = Result<(), DrawingErrorKind<CanvasError>>;

impl DrawingBackend for CanvasBackend {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Drawn {
        Ok(())
    }

    fn present(&mut self) -> Drawn {
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Drawn {
        self.draw_rect(point, (point.0 + 1, point.1 + 1), &color, true)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Drawn {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        // A 1-px horizontal or vertical line centred on a pixel edge blurs over two pixels;
        // half a pixel over, it covers one.
        let [mut x0, mut y0, mut x1, mut y1] = [from.0, from.1, to.0, to.1].map(f64::from);
        if x0 == x1 {
            x0 -= 0.5;
            x1 -= 0.5;
        }
        if y0 == y1 {
            y0 -= 0.5;
            y1 -= 0.5;
        }
        self.set_line_style(style);
        self.context.begin_path();
        self.context.move_to(x0, y0);
        self.context.line_to(x1, y1);
        self.context.stroke();
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Drawn {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let (x, y) = (f64::from(upper_left.0), f64::from(upper_left.1));
        let width = f64::from(bottom_right.0 - upper_left.0);
        let height = f64::from(bottom_right.1 - upper_left.1);
        if fill {
            self.context
                .set_fill_style_str(&canvas_color(style.color()));
            self.context.fill_rect(x, y, width, height);
        } else {
            self.set_line_style(style);
            self.context.stroke_rect(x, y, width, height);
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        if self.trace(path) {
            self.set_line_style(style);
            self.context.stroke();
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vertices: I,
        style: &S,
    ) -> Drawn {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        if self.trace(vertices) {
            self.context.close_path();
            self.context
                .set_fill_style_str(&canvas_color(style.color()));
            self.context.fill();
        }
        Ok(())
    }

    /// Upright text only (the charts never rotate theirs).
    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Drawn {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let anchor = style.anchor();
        self.context.set_text_baseline(match anchor.v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        });
        self.context.set_text_align(match anchor.h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        });
        self.context.set_fill_style_str(&canvas_color(color));
        self.context.set_font(&format!(
            "{} {}px {}",
            style.style().as_str(),
            plain_number(style.size(), 3),
            style.family().as_str(),
        ));
        self.context
            .fill_text(text, f64::from(pos.0), f64::from(pos.1))
            .map_err(|_| DrawingErrorKind::DrawingError(CanvasError))
    }
}
