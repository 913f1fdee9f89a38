//! A chart framed for export: heading and note above it, source below, so a PNG taken away
//! still says what it shows and where it comes from.

use super::layout::{text_block, TextStyle, GAP};
use super::scene::{Anchor, Item, Mark, Scene, TextMark};

/// Padding round the framed chart, CSS px.
const PADDING: f64 = 16.0;
/// The heading, a little larger than a chart's own.
const HEADING_STYLE: TextStyle = TextStyle {
    size: 17.0,
    ..TextStyle::HEADING
};

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
        HEADING_STYLE,
        Anchor::Start,
    ) + 2.0;
    y += text_block(
        &mut framed,
        PADDING,
        y,
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
    use std::mem::discriminant;

    /// Where a mark is: a box's corners, a text's origin, a line's ends, an arrow's tip.
    fn points(mark: &Mark) -> Vec<(f64, f64)> {
        match mark {
            Mark::Box { rect, .. } => vec![(rect.x, rect.y), (rect.right(), rect.bottom())],
            Mark::Text(text) => vec![(text.x, text.y)],
            Mark::Line { from, to, .. } => vec![*from, *to],
            Mark::Arrow { tip, .. } => vec![*tip],
        }
    }

    fn text(mark: &Mark) -> &TextMark {
        match mark {
            Mark::Text(text) => text,
            other => panic!("a text expected, not {other:?}"),
        }
    }

    /// Every chart, each of its marks and items moved by the same offset, lies between a
    /// heading (17 px, wrapped) with its note above and the source line below, all inside the
    /// padding.
    #[test]
    fn the_chart_moves_whole_between_heading_and_note_above_and_source_below() {
        let dataset = load_default().unwrap();
        let heading = "A heading long enough to wrap onto a second line at a phone's width";
        let mut kinds = Vec::new();
        for spec in &CHARTS {
            let scene = (spec.layout)(&dataset, 390.0, Lang::En).unwrap();
            let framed = framed(&scene, heading, "A note", "Source: the article");
            assert_eq!(framed.width, scene.width + 2.0 * PADDING, "{}", spec.id);

            // Heading and note, the chart's marks, then the one-line source.
            let chart_start = framed.marks.len() - 1 - scene.marks.len();
            let (above, rest) = framed.marks.split_at(chart_start);
            let (chart, source) = rest.split_at(scene.marks.len());
            let heading_lines: Vec<&TextMark> = above
                .iter()
                .map(text)
                .filter(|t| t.size == 17.0 && t.bold)
                .collect();
            let note_lines: Vec<&TextMark> = above
                .iter()
                .map(text)
                .filter(|t| t.size == TextStyle::SMALL.size && !t.bold)
                .collect();
            assert!(heading_lines.len() >= 2, "{}: the heading wraps", spec.id);
            assert_eq!(note_lines.len(), 1, "{}", spec.id);
            assert_eq!(heading_lines.len() + note_lines.len(), above.len());
            let source = text(&source[0]);
            assert_eq!(source.text, "Source: the article");

            let dy = points(&chart[0])[0].1 - points(&scene.marks[0])[0].1;
            for (inner, outer) in scene.marks.iter().zip(chart) {
                kinds.push(discriminant(inner));
                assert_eq!(discriminant(inner), discriminant(outer), "{}", spec.id);
                for ((x, y), (outer_x, outer_y)) in points(inner).into_iter().zip(points(outer)) {
                    assert!(
                        (outer_x - x - PADDING).abs() < 1e-9 && (outer_y - y - dy).abs() < 1e-9,
                        "{}: {inner:?} moved to {outer:?}",
                        spec.id
                    );
                }
            }
            assert_eq!(framed.items.len(), scene.items.len());
            for (inner, outer) in scene.items.iter().zip(&framed.items) {
                let (a, b) = (inner.bounds, outer.bounds);
                assert!(
                    (b.x - a.x - PADDING).abs() < 1e-9
                        && (b.y - a.y - dy).abs() < 1e-9
                        && (b.width, b.height) == (a.width, a.height),
                    "{}: {} at {a:?} moved to {b:?}",
                    spec.id,
                    inner.key
                );
            }

            // Top to bottom: padding, heading, 2 px, note, a gap, the chart, a gap, source,
            // padding.
            assert_eq!((heading_lines[0].x, heading_lines[0].y), (PADDING, PADDING));
            let heading_end = heading_lines.last().unwrap().y + HEADING_STYLE.line_height();
            let note = note_lines[0];
            assert!((note.y - heading_end - 2.0).abs() < 1e-9, "{}", spec.id);
            let note_end = note.y + TextStyle::SMALL.line_height();
            assert!((dy - note_end - GAP).abs() < 1e-9, "{}", spec.id);
            assert_eq!(source.x, PADDING);
            assert!(
                (source.y - dy - scene.height - GAP).abs() < 1e-9,
                "{}",
                spec.id
            );
            let source_end = source.y + TextStyle::SMALL.line_height() + PADDING;
            assert!(
                framed.height >= source_end && framed.height < source_end + 1.0,
                "{}: {} tall, the source ends at {source_end}",
                spec.id,
                framed.height
            );
        }
        // Every kind of mark was moved.
        kinds.sort_by_key(|kind| format!("{kind:?}"));
        kinds.dedup();
        assert_eq!(kinds.len(), 4, "boxes, texts, lines and arrows");
    }
}
