//! A chart framed for export: heading and note above it, source below, so a PNG taken away
//! still says what it shows and where it comes from.

use super::layout::{text_block, TextStyle, GAP};
use super::scene::{Anchor, Item, Mark, Scene, TextMark};

/// Padding round the framed chart, CSS px.
const PADDING: f64 = 16.0;

/// Moves every mark and item of `scene` by (`dx`, `dy`).
fn translated(scene: &Scene, dx: f64, dy: f64) -> (Vec<Mark>, Vec<Item>) {
    let shift = |(x, y): (f64, f64)| (x + dx, y + dy);
    let marks = scene
        .marks
        .iter()
        .map(|mark| match mark {
            Mark::Box {
                rect,
                role,
                fill,
                stroke,
            } => {
                let mut rect = *rect;
                rect.x += dx;
                rect.y += dy;
                Mark::Box {
                    rect,
                    role: *role,
                    fill: *fill,
                    stroke: *stroke,
                }
            }
            Mark::Text(text) => Mark::Text(TextMark {
                x: text.x + dx,
                y: text.y + dy,
                ..text.clone()
            }),
            Mark::Line {
                from,
                to,
                role,
                width,
                dashed,
            } => Mark::Line {
                from: shift(*from),
                to: shift(*to),
                role: *role,
                width: *width,
                dashed: *dashed,
            },
            Mark::Arrow { tip, size, role } => Mark::Arrow {
                tip: shift(*tip),
                size: *size,
                role: *role,
            },
        })
        .collect();
    let items = scene
        .items
        .iter()
        .map(|item| {
            let mut item = item.clone();
            item.bounds.x += dx;
            item.bounds.y += dy;
            item
        })
        .collect();
    (marks, items)
}

/// The chart with its heading and note above and its source line below.
pub fn framed(scene: &Scene, heading: &str, note: &str, source: &str) -> Scene {
    let width = scene.width + 2.0 * PADDING;
    let inner = scene.width;
    let mut framed = Scene {
        width,
        ..Scene::default()
    };
    let mut y = PADDING;
    y += text_block(
        &mut framed,
        PADDING,
        y,
        inner,
        heading,
        TextStyle {
            size: 17.0,
            ..TextStyle::HEADING
        },
        Anchor::Start,
    );
    y += text_block(
        &mut framed,
        PADDING,
        y + 2.0,
        inner,
        note,
        TextStyle::SMALL,
        Anchor::Start,
    ) + GAP;
    let (marks, items) = translated(scene, PADDING, y);
    framed.marks.extend(marks);
    framed.items = items;
    y += scene.height + GAP;
    y += text_block(
        &mut framed,
        PADDING,
        y,
        inner,
        source,
        TextStyle::SMALL,
        Anchor::Start,
    );
    framed.height = (y + PADDING).ceil();
    framed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::catalog::CHARTS;
    use crate::data::load_default;
    use crate::lang::Lang;

    #[test]
    fn the_frame_keeps_the_chart_whole_and_adds_heading_and_source() {
        let dataset = load_default().unwrap();
        let scene = (CHARTS[1].layout)(&dataset, 390.0, Lang::Zh).unwrap();
        let framed = framed(&scene, "标题", "说明", "来源：文章");
        assert_eq!(framed.width, 390.0 + 2.0 * PADDING);
        assert!(framed.height > scene.height + 60.0);
        assert_eq!(framed.marks.len(), scene.marks.len() + 3);
        for (inner, outer) in scene.items.iter().zip(&framed.items) {
            assert_eq!(outer.bounds.width, inner.bounds.width);
            assert_eq!(outer.bounds.x - inner.bounds.x, PADDING);
            assert!(outer.bounds.bottom() < framed.height);
        }
    }
}
