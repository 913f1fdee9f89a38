//! Draws a scene with plotters onto any backend: the canvas in the browser, SVG in tests and
//! for static images. `scale` maps CSS px to backend px (the device pixel ratio on a canvas).

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::scene::{Anchor, Fill, Mark, Rect, Scene};
use super::theme::{Rgb, Theme, FONT_FAMILY};

/// Spacing of hatch lines, CSS px.
const HATCH_SPACING: f64 = 5.0;

/// Where a text's alphabetic baseline lies below the point of plotters' `VPos::Top`, in em:
/// plotters' SVG backend writes it as `dy="0.76em"`, and the page's canvas backend
/// (`src/components/baseline_canvas.rs`) places the baseline there itself. A browser's own
/// `textBaseline = "top"` is not used: engines resolve it from different font metrics (WebKit
/// from the ascent, Chromium and Firefox from the em box), about 5 px apart at our sizes.
pub const TOP_TO_BASELINE_EM: f64 = 0.76;

/// How far above the alphabetic baseline the middle of a line's ink lies, in em: CJK ideographs
/// (Noto Sans CJK, PingFang, Microsoft YaHei) fill the em box from 0.12 em below the baseline to
/// 0.88 em above, less their side bearing; digits and Latin capitals reach 0.73 em.
pub const INK_MIDDLE_EM: f64 = 0.38;

/// The `VPos::Top` point of a line whose box (1.25 em tall) starts at `y`: the glyphs' middle
/// is the box's middle.
pub fn text_top(y: f64, size: f64) -> f64 {
    let baseline = y + size * (1.25 / 2.0 + INK_MIDDLE_EM);
    baseline - size * TOP_TO_BASELINE_EM
}

fn rgb(color: Rgb) -> RGBColor {
    RGBColor(color.0, color.1, color.2)
}

type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// What is under the marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backdrop {
    /// The theme's background, painted first: an image of its own (a PNG, a preview, an SVG).
    Filled,
    /// Nothing: the page's background shows through the canvas, and the page's load does not
    /// fill every device pixel of its canvases (millions on a phone at DPR 3) a second time.
    Transparent,
}

/// Draws every mark of `scene` over `backdrop`. The highlighted item's outline is not drawn
/// here: the page shows it as an element over the canvas.
pub fn draw_scene<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    scene: &Scene,
    theme: &Theme,
    scale: f64,
    backdrop: Backdrop,
) -> DrawResult<DB> {
    if backdrop == Backdrop::Filled {
        area.fill(&rgb(theme.background))?;
    }
    let px = |v: f64| (v * scale).round() as i32;
    let point = |(x, y): (f64, f64)| (px(x), px(y));
    for mark in &scene.marks {
        match mark {
            Mark::Box {
                rect,
                role,
                fill,
                stroke,
            } => {
                let corners = [
                    (px(rect.x), px(rect.y)),
                    (px(rect.right()), px(rect.bottom())),
                ];
                match fill {
                    Fill::Solid => {
                        area.draw(&Rectangle::new(corners, rgb(theme.color(*role)).filled()))?
                    }
                    Fill::Tint => {
                        area.draw(&Rectangle::new(corners, rgb(theme.tint(*role)).filled()))?
                    }
                    Fill::Hatched => {
                        area.draw(&Rectangle::new(corners, rgb(theme.tint(*role)).filled()))?;
                        draw_hatching(area, rect, rgb(theme.color(*role)), scale)?;
                    }
                    Fill::None => {}
                }
                if let Some(stroke) = stroke {
                    let dashes = stroke.dashed.then(|| (px(4.0), px(3.0)));
                    draw_outline(
                        area,
                        corners,
                        px(stroke.width).max(1),
                        rgb(theme.color(stroke.role)),
                        dashes,
                    )?;
                }
            }
            Mark::Text(text) => {
                let h_pos = match text.anchor {
                    Anchor::Start => HPos::Left,
                    Anchor::Middle => HPos::Center,
                    Anchor::End => HPos::Right,
                };
                let font_style = if text.bold {
                    FontStyle::Bold
                } else {
                    FontStyle::Normal
                };
                let color = rgb(theme.color(text.role));
                let style = TextStyle::from(FontDesc::new(
                    FontFamily::Name(FONT_FAMILY),
                    text.size * scale,
                    font_style,
                ))
                .color(&color)
                .pos(Pos::new(h_pos, VPos::Top));
                area.draw(&Text::new(
                    text.text.as_str(),
                    (px(text.x), px(text_top(text.y, text.size))),
                    style,
                ))?;
            }
            Mark::Line {
                from,
                to,
                role,
                width,
                dashed,
            } => {
                let style = rgb(theme.color(*role)).stroke_width(px(*width).max(1) as u32);
                let points = vec![point(*from), point(*to)];
                if *dashed {
                    area.draw(&DashedPathElement::new(points, px(4.0), px(3.0), style))?;
                } else {
                    area.draw(&PathElement::new(points, style))?;
                }
            }
            Mark::Arrow { tip, size, role } => {
                let (x, y) = *tip;
                let triangle = vec![
                    point((x, y)),
                    point((x - size, y - size * 0.7)),
                    point((x - size, y + size * 0.7)),
                ];
                area.draw(&Polygon::new(triangle, rgb(theme.color(*role)).filled()))?;
            }
        }
    }
    area.present()?;
    Ok(())
}

/// A box's outline, `width` device px wide, drawn as filled bands just inside `corners`
/// (solid, or `dashes` = (dash, gap) long): crisp at every pixel ratio, where a stroke centred
/// on whole pixels blurs over two, and whole at the canvas's edge, where half a centred stroke
/// falls outside (a tile against the right edge had lost its right side).
fn draw_outline<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    [(x0, y0), (x1, y1)]: [(i32, i32); 2],
    width: i32,
    color: RGBColor,
    dashes: Option<(i32, i32)>,
) -> DrawResult<DB> {
    let style = color.filled();
    let width = width.min((x1 - x0) / 2).min((y1 - y0) / 2).max(1);
    // Each side as (start, end) along it and the band across it; top and bottom run the full
    // width, left and right fit between them.
    let sides = [
        ((x0, x1), (y0, y0 + width), true),
        ((x0, x1), (y1 - width, y1), true),
        ((y0 + width, y1 - width), (x0, x0 + width), false),
        ((y0 + width, y1 - width), (x1 - width, x1), false),
    ];
    for ((start, end), (across0, across1), horizontal) in sides {
        let (dash, gap) = dashes.unwrap_or((end - start, 0));
        let mut at = start;
        while at < end {
            let until = (at + dash.max(1)).min(end);
            let corners = if horizontal {
                [(at, across0), (until, across1)]
            } else {
                [(across0, at), (across1, until)]
            };
            area.draw(&Rectangle::new(corners, style))?;
            at = until + gap;
        }
    }
    Ok(())
}

/// 45° lines clipped to `rect`: the mark of a derived figure.
fn draw_hatching<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    rect: &Rect,
    color: RGBColor,
    scale: f64,
) -> DrawResult<DB> {
    let px = |v: f64| (v * scale).round() as i32;
    let style = color.stroke_width(px(1.0).max(1) as u32);
    // Lines x - y = c for c from (x0 - y1) to (x1 - y0), clipped to the rectangle.
    let (x0, y0, x1, y1) = (rect.x, rect.y, rect.right(), rect.bottom());
    let mut c = x0 - y1 + HATCH_SPACING;
    while c < x1 - y0 {
        let start = if c + y0 >= x0 {
            (c + y0, y0)
        } else {
            (x0, x0 - c)
        };
        let end = if c + y1 <= x1 {
            (c + y1, y1)
        } else {
            (x1, x1 - c)
        };
        area.draw(&PathElement::new(
            vec![(px(start.0), px(start.1)), (px(end.0), px(end.1))],
            style,
        ))?;
        c += HATCH_SPACING;
    }
    Ok(())
}
