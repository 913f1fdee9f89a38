//! Building blocks shared by the chart layouts: wrapped text blocks, legends and tile grids.

use crate::format::capitalized;

use super::scene::{Anchor, Details, Fill, Item, Mark, Rect, Scene, Stroke, TextMark};
use super::text::{text_width, wrap, BOLD_FACTOR};
use super::theme::{size, Role};

/// Line height as a multiple of the font size (Chinese needs more air than Latin).
pub const LINE_HEIGHT: f64 = 1.35;
/// Space between blocks, CSS px.
pub const GAP: f64 = 12.0;
/// Smallest side of anything a finger should hit, CSS px.
pub const TOUCH_MIN: f64 = 44.0;

/// Style of a text block.
#[derive(Clone, Copy)]
pub struct TextStyle {
    pub size: f64,
    pub bold: bool,
    pub role: Role,
}

impl TextStyle {
    pub const LABEL: TextStyle = TextStyle {
        size: size::LABEL,
        bold: false,
        role: Role::Text,
    };
    pub const HEADING: TextStyle = TextStyle {
        size: size::HEADING,
        bold: true,
        role: Role::Text,
    };
    pub const VALUE: TextStyle = TextStyle {
        size: size::VALUE,
        bold: true,
        role: Role::Text,
    };
    pub const SMALL: TextStyle = TextStyle {
        size: size::SMALL,
        bold: false,
        role: Role::Muted,
    };

    pub fn line_height(self) -> f64 {
        self.size * LINE_HEIGHT
    }

    /// The width to wrap regular-width estimates into, so bold text fits `max_width` too.
    fn wrap_width(self, max_width: f64) -> f64 {
        if self.bold {
            max_width / BOLD_FACTOR
        } else {
            max_width
        }
    }
}

/// Wraps `text` into `max_width` and adds it at (`x`, `y`); returns the height used.
pub fn text_block(
    scene: &mut Scene,
    x: f64,
    y: f64,
    max_width: f64,
    text: &str,
    style: TextStyle,
    anchor: Anchor,
) -> f64 {
    let lines = wrap(text, style.size, style.wrap_width(max_width));
    for (index, line) in lines.iter().enumerate() {
        scene.push_text(TextMark {
            x,
            y: y + index as f64 * style.line_height(),
            text: line.clone(),
            size: style.size,
            bold: style.bold,
            role: style.role,
            anchor,
        });
    }
    lines.len() as f64 * style.line_height()
}

/// Height `text_block` would use.
pub fn text_block_height(text: &str, style: TextStyle, max_width: f64) -> f64 {
    wrap(text, style.size, style.wrap_width(max_width)).len() as f64 * style.line_height()
}

/// One key of a legend.
pub struct LegendEntry {
    pub role: Role,
    /// `Fill::None` without dashes draws an arrowhead: the mark of "more than".
    pub fill: Fill,
    pub dashed: bool,
    pub label: String,
}

/// The key to the arrowhead that marks the article's "more than" (破, 突破, 余, 多).
pub fn more_than_entry(lang: crate::lang::Lang) -> LegendEntry {
    LegendEntry {
        role: Role::Muted,
        fill: Fill::None,
        dashed: false,
        label: lang.pick("超过（破、余、多）", "more than").to_owned(),
    }
}

/// A legend of swatches and labels, wrapping onto new rows; returns the height used.
pub fn legend(scene: &mut Scene, x: f64, y: f64, width: f64, entries: &[LegendEntry]) -> f64 {
    let style = TextStyle::SMALL;
    let swatch = 12.0;
    let row_height = style.line_height().max(swatch) + 4.0;
    let (mut cx, mut cy) = (x, y);
    for entry in entries {
        // Entries are written as they read inside a sentence ("more than"); alone, each starts
        // with a capital.
        let label = capitalized(&entry.label);
        let entry_width = swatch + 6.0 + text_width(&label, style.size) + 16.0;
        if cx > x && cx + entry_width > x + width {
            cx = x;
            cy += row_height;
        }
        let top = cy + (style.line_height() - swatch) / 2.0;
        if entry.fill == Fill::None && !entry.dashed {
            scene.marks.push(Mark::Arrow {
                tip: (cx + swatch, top + swatch / 2.0),
                size: swatch * 0.8,
                role: entry.role,
            });
        } else {
            scene.marks.push(Mark::Box {
                rect: Rect::new(cx, top, swatch, swatch),
                role: entry.role,
                fill: entry.fill,
                stroke: (entry.fill != Fill::Solid).then_some(Stroke {
                    role: entry.role,
                    width: 1.5,
                    dashed: entry.dashed,
                }),
            });
        }
        scene.push_text(TextMark {
            x: cx + swatch + 6.0,
            y: cy,
            text: label,
            size: style.size,
            bold: false,
            role: Role::Text,
            anchor: Anchor::Start,
        });
        cx += entry_width;
    }
    cy + row_height - y
}

/// A tile of a grid: a pale box with a wrapped label, which is an item.
pub struct Tile {
    pub key: String,
    pub label: String,
    pub role: Role,
    pub dashed: bool,
    pub details: Details,
}

/// One tile for each item of a named list, keyed `LISTID.INDEX`; `dashed` marks the items the
/// article ties to no figure.
pub fn list_tiles(
    dataset: &crate::data::Dataset,
    list: &crate::data::NamedList,
    role: Role,
    dash_unlinked: bool,
    lang: crate::lang::Lang,
) -> Vec<Tile> {
    list.items
        .iter()
        .enumerate()
        .map(|(index, item)| Tile {
            key: format!("{}.{index}", list.id),
            label: item.name.get(lang).to_owned(),
            role,
            dashed: dash_unlinked && item.figures.is_empty(),
            details: super::details::list_item_details(dataset, list, index, lang),
        })
        .collect()
}

/// Lays cells out in rows of equal columns, as many as fit at `min_width`, each row as tall as
/// its tallest cell (and at least a finger tall); `height_of` measures a cell at a given
/// width, `draw` draws it into its rectangle. Returns the height used.
fn grid<T>(
    scene: &mut Scene,
    (x, y, width, min_width): (f64, f64, f64, f64),
    cells: &[T],
    height_of: impl Fn(&T, f64) -> f64,
    mut draw: impl FnMut(&mut Scene, &T, Rect),
) -> f64 {
    if cells.is_empty() {
        return 0.0;
    }
    let gap = 8.0;
    let columns = (((width + gap) / (min_width + gap)).floor() as usize).clamp(1, cells.len());
    let cell_width = (width - gap * (columns as f64 - 1.0)) / columns as f64;
    let mut top = y;
    for row in cells.chunks(columns) {
        let height = row
            .iter()
            .map(|cell| height_of(cell, cell_width))
            .fold(TOUCH_MIN, f64::max);
        for (column, cell) in row.iter().enumerate() {
            draw(
                scene,
                cell,
                Rect::new(
                    x + column as f64 * (cell_width + gap),
                    top,
                    cell_width,
                    height,
                ),
            );
        }
        top += height + gap;
    }
    top - gap - y
}

/// Lays tiles out in rows of equal columns, as many as fit at `min_width`; returns the height.
pub fn tile_grid(
    scene: &mut Scene,
    x: f64,
    y: f64,
    width: f64,
    min_width: f64,
    tiles: Vec<Tile>,
) -> f64 {
    const PADDING: f64 = 8.0;
    let style = TextStyle::LABEL;
    let label_height =
        |tile: &Tile, width: f64| text_block_height(&tile.label, style, width - 2.0 * PADDING);
    grid(
        scene,
        (x, y, width, min_width),
        &tiles,
        |tile, width| label_height(tile, width) + 2.0 * PADDING,
        |scene, tile, rect| {
            scene.marks.push(Mark::Box {
                rect,
                role: tile.role,
                fill: Fill::Tint,
                stroke: Some(Stroke {
                    role: tile.role,
                    width: 1.0,
                    dashed: tile.dashed,
                }),
            });
            let text_height = label_height(tile, rect.width);
            text_block(
                scene,
                rect.x + PADDING,
                rect.y + (rect.height - text_height) / 2.0,
                rect.width - 2.0 * PADDING,
                &tile.label,
                style,
                Anchor::Start,
            );
            scene.items.push(Item {
                key: tile.key.clone(),
                bounds: rect,
                details: tile.details.clone(),
            });
        },
    )
}

/// A big-number tile: the value above its label.
pub struct Stat {
    pub key: String,
    pub value: String,
    pub label: String,
    pub role: Role,
    pub fill: Fill,
    pub dashed: bool,
    pub details: Details,
}

impl Stat {
    /// A figure's tile under `label`, styled by its status, with the figure's details.
    pub fn of_figure(figure: &crate::data::Figure, label: String, lang: crate::lang::Lang) -> Stat {
        let (role, _, dashed) = status_style(figure.status);
        Stat {
            key: figure.id.clone(),
            value: super::details::figure_value(figure, lang),
            label,
            role,
            fill: Fill::Tint,
            dashed,
            details: super::details::figure_details(figure, lang),
        }
    }
}

/// Lays big-number tiles out in equal columns, as many as fit at `min_width`; returns the height.
pub fn stat_grid(
    scene: &mut Scene,
    x: f64,
    y: f64,
    width: f64,
    min_width: f64,
    stats: Vec<Stat>,
) -> f64 {
    const PADDING: f64 = 10.0;
    let value_style = TextStyle {
        size: 20.0,
        bold: true,
        role: Role::Text,
    };
    let height_of = |stat: &Stat, width: f64| {
        let inner = width - 2.0 * PADDING;
        text_block_height(&stat.value, value_style, inner)
            + 4.0
            + text_block_height(&stat.label, TextStyle::LABEL, inner)
            + 2.0 * PADDING
    };
    grid(
        scene,
        (x, y, width, min_width),
        &stats,
        height_of,
        |scene, stat, rect| {
            let inner = rect.width - 2.0 * PADDING;
            scene.marks.push(Mark::Box {
                rect,
                role: stat.role,
                fill: stat.fill,
                stroke: Some(Stroke {
                    role: stat.role,
                    width: 1.5,
                    dashed: stat.dashed,
                }),
            });
            let value_height = text_block(
                scene,
                rect.x + PADDING,
                rect.y + PADDING,
                inner,
                &stat.value,
                value_style,
                Anchor::Start,
            );
            text_block(
                scene,
                rect.x + PADDING,
                rect.y + PADDING + value_height + 4.0,
                inner,
                &stat.label,
                TextStyle::LABEL,
                Anchor::Start,
            );
            scene.items.push(Item {
                key: stat.key.clone(),
                bounds: rect,
                details: stat.details.clone(),
            });
        },
    )
}

/// Height of a figure's bar, CSS px.
pub const FIGURE_BAR_HEIGHT: f64 = 18.0;
/// Size of the "more than" arrowhead at the end of a bar, CSS px.
pub const ARROW: f64 = 9.0;

/// A figure's bar from (`x`, `top`), `length` long, in the figure's status style, with the
/// "more than" arrowhead where the article says so and the bold value after it.
pub fn figure_bar(
    scene: &mut Scene,
    figure: &crate::data::Figure,
    value_text: &str,
    x: f64,
    top: f64,
    length: f64,
) {
    let (role, fill, dashed) = status_style(figure.status);
    scene.marks.push(Mark::Box {
        rect: Rect::new(x, top, length, FIGURE_BAR_HEIGHT),
        role,
        fill,
        stroke: dashed.then_some(Stroke {
            role,
            width: 1.5,
            dashed,
        }),
    });
    let mut value_x = x + length + 6.0;
    if figure.qualifier == crate::data::Qualifier::MoreThan {
        scene.marks.push(Mark::Arrow {
            tip: (value_x + ARROW, top + FIGURE_BAR_HEIGHT / 2.0),
            size: ARROW,
            role,
        });
        value_x += ARROW + 4.0;
    }
    scene.push_text(TextMark {
        x: value_x,
        y: top + (FIGURE_BAR_HEIGHT - TextStyle::LABEL.line_height()) / 2.0,
        text: value_text.to_owned(),
        size: TextStyle::LABEL.size,
        bold: true,
        role: Role::Text,
        anchor: Anchor::Start,
    });
}

/// The one encoding of a claim's kind, used by every chart: colour and fill for results and
/// plans, a dashed outline on a pale ground for targets.
pub fn status_style(status: crate::data::Status) -> (Role, Fill, bool) {
    use crate::data::Status;
    match status {
        Status::Result => (Role::Result, Fill::Solid, false),
        Status::Plan => (Role::Plan, Fill::Solid, false),
        Status::Target => (Role::Target, Fill::Tint, true),
    }
}

/// Legend entries for the kinds of claim (result, plan, target) the chart draws, in that order,
/// and, optionally, derived: a legend lists only what the reader can find in the chart.
pub fn status_legend(
    lang: crate::lang::Lang,
    shown: &[crate::data::Status],
    with_derived: bool,
) -> Vec<LegendEntry> {
    use crate::data::Status;
    use crate::format::status_label;
    let mut entries: Vec<LegendEntry> = [Status::Result, Status::Plan, Status::Target]
        .into_iter()
        .filter(|status| shown.contains(status))
        .map(|status| {
            let (role, fill, dashed) = status_style(status);
            LegendEntry {
                role,
                fill,
                dashed,
                label: status_label(status, lang).to_owned(),
            }
        })
        .collect();
    if with_derived {
        entries.push(LegendEntry {
            role: Role::Derived,
            fill: Fill::Hatched,
            dashed: false,
            label: super::details::derived_tag(lang),
        });
    }
    entries
}

/// A line of text that is itself an item (a total, a count), at least a finger tall, with the
/// text centred in it; returns the height used.
pub fn text_item(
    scene: &mut Scene,
    y: f64,
    width: f64,
    text: &str,
    style: TextStyle,
    key: &str,
    details: Details,
) -> f64 {
    text_item_at(scene, (0.0, y, width), text, style, key, details)
}

/// [`text_item`] in a column: (`x`, `y`, `width`).
pub fn text_item_at(
    scene: &mut Scene,
    (x, y, width): (f64, f64, f64),
    text: &str,
    style: TextStyle,
    key: &str,
    details: Details,
) -> f64 {
    let text_height = text_block_height(text, style, width);
    let height = text_height.max(TOUCH_MIN);
    text_block(
        scene,
        x,
        y + (height - text_height) / 2.0,
        width,
        text,
        style,
        Anchor::Start,
    );
    scene.items.push(Item {
        key: key.to_owned(),
        bounds: Rect::new(x, y, width, height),
        details,
    });
    height
}

/// A list's heading in a column: an item showing the figure that counts the list where the
/// article gives one (2大新兴产业 is the heading of its two industries), else plain text;
/// returns the height used.
pub fn list_heading_block(
    scene: &mut Scene,
    dataset: &crate::data::Dataset,
    list: &crate::data::NamedList,
    (x, y, width): (f64, f64, f64),
    lang: crate::lang::Lang,
) -> f64 {
    let heading = super::details::list_heading(list, lang);
    let count = list
        .named_of
        .as_ref()
        .and_then(|(id, _)| dataset.figure(id).ok());
    match count {
        Some(figure) => text_item_at(
            scene,
            (x, y, width),
            &heading,
            TextStyle::HEADING,
            &figure.id,
            super::details::figure_details(figure, lang),
        ),
        None => text_block(
            scene,
            x,
            y,
            width,
            &heading,
            TextStyle::HEADING,
            Anchor::Start,
        ),
    }
}

/// A named list as a plain heading over its tiles (at least `tile_width` wide, in `role`), in a
/// column at `(x, y, width)`; returns the height used.
pub fn list_block(
    scene: &mut Scene,
    dataset: &crate::data::Dataset,
    list: &crate::data::NamedList,
    role: Role,
    (x, y, width): (f64, f64, f64),
    tile_width: f64,
    lang: crate::lang::Lang,
) -> f64 {
    let heading = super::details::list_heading(list, lang);
    let heading_height = text_block(
        scene,
        x,
        y,
        width,
        &heading,
        TextStyle::HEADING,
        Anchor::Start,
    ) + 4.0;
    let tiles = list_tiles(dataset, list, role, false, lang);
    heading_height + tile_grid(scene, x, y + heading_height, width, tile_width, tiles)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(labels: &[&str]) -> Vec<LegendEntry> {
        labels
            .iter()
            .map(|label| LegendEntry {
                role: Role::Result,
                fill: Fill::Solid,
                dashed: false,
                label: (*label).to_owned(),
            })
            .collect()
    }

    /// A legend keeps on a row every entry that fits whole, the first one even when it alone
    /// is wider than the legend, and returns the height of its rows wherever it starts.
    #[test]
    fn a_legend_wraps_only_the_entries_that_do_not_fit() {
        let labels = ["result", "plan", "target"];
        // Each entry: a 12 px swatch, 6 px, its label as shown (a capital first), 16 px before
        // the next.
        let shown = ["Result", "Plan", "Target"];
        let widths: Vec<f64> = shown
            .iter()
            .map(|label| 12.0 + 6.0 + text_width(label, TextStyle::SMALL.size) + 16.0)
            .collect();
        let exactly_all: f64 = widths.iter().sum();
        let row_height = TextStyle::SMALL.line_height() + 4.0;
        let cases = [
            (exactly_all, 1),
            (exactly_all - 0.01, 2),
            (widths[0] + widths[1], 2),
            (widths[0] / 2.0, 3),
        ];
        for (width, rows) in cases {
            for top in [0.0, 100.0] {
                let mut scene = Scene::default();
                let height = legend(&mut scene, 0.0, top, width, &entries(&labels));
                let texts: Vec<&TextMark> = scene
                    .marks
                    .iter()
                    .filter_map(|mark| match mark {
                        Mark::Text(text) => Some(text),
                        _ => None,
                    })
                    .collect();
                assert!(texts.iter().map(|text| &text.text).eq(shown.iter()));
                let mut row_tops: Vec<f64> = texts.iter().map(|text| text.y).collect();
                row_tops.dedup();
                let expected: Vec<f64> =
                    (0..rows).map(|row| top + row as f64 * row_height).collect();
                assert_eq!(row_tops, expected, "{width} px from {top}");
                assert!(
                    (height - rows as f64 * row_height).abs() < 1e-9,
                    "{width} px from {top}: {height} tall"
                );
            }
        }
    }
}
