//! A ladder of the article's 亿-sized figures on one linear scale, each marked as a result, a
//! plan or a target, with an arrowhead where the article says "more than".

use crate::data::{Dataset, MissingEntry};
use crate::lang::Lang;

use super::details::{figure_item, figure_value, label_with_period};
use super::layout::{
    figure_bar, legend, more_than_entry, status_legend, text_block, text_block_height, TextStyle,
    ARROW, FIGURE_BAR_HEIGHT, GAP, TOUCH_MIN,
};
use super::scene::{Anchor, Mark, Rect, Scene};
use super::text::bold_text_width;
use super::theme::Role;

/// The figures on the ladder, all in 亿元.
pub const FIGURES: [&str; 6] = [
    "industrial_output",
    "digital_economy_revenue",
    "display_cluster_target",
    "major_projects_investment",
    "industrial_investment",
    "car_maker_scale",
];
/// Below this width labels go above their bars instead of beside them.
const STACKED_BELOW: f64 = 560.0;

/// Lays the chart out at `width` CSS px.
pub fn layout(dataset: &Dataset, width: f64, lang: Lang) -> Result<Scene, MissingEntry> {
    let mut figures = dataset.figures_of(&FIGURES)?;
    // Largest first; the sort is stable, so equal values keep the order of FIGURES.
    figures.sort_by(|a, b| b.value.total_cmp(&a.value));
    let mut scene = Scene {
        width,
        ..Scene::default()
    };
    let shown: Vec<_> = figures.iter().map(|figure| figure.status).collect();
    let mut entries = status_legend(lang, &shown, false);
    entries.push(more_than_entry(lang));
    let mut y = legend(&mut scene, 0.0, 0.0, width, &entries) + GAP / 2.0;

    let stacked = width < STACKED_BELOW;
    let label_width = if stacked {
        width
    } else {
        (width * 0.38).min(300.0)
    };
    let bar_x = if stacked { 0.0 } else { label_width + GAP };
    let values: Vec<String> = figures.iter().map(|f| figure_value(f, lang)).collect();
    let value_reserve = values
        .iter()
        .map(|v| bold_text_width(v, TextStyle::LABEL.size))
        .fold(0.0, f64::max)
        + ARROW
        + 16.0;
    let bar_room = (width - bar_x - value_reserve).max(1.0);
    let max = figures.iter().map(|f| f.value).fold(0.0, f64::max);

    let ladder_top = y;
    for (figure, value_text) in figures.iter().zip(&values) {
        let label = label_with_period(figure, lang);
        let label_height = text_block_height(&label, TextStyle::LABEL, label_width);
        let row_height = if stacked {
            label_height + 4.0 + FIGURE_BAR_HEIGHT
        } else {
            label_height.max(FIGURE_BAR_HEIGHT)
        }
        .max(TOUCH_MIN - 8.0);
        let row = Rect::new(0.0, y, width, row_height + 8.0);
        let content_top = y + 4.0;
        text_block(
            &mut scene,
            0.0,
            content_top,
            label_width,
            &label,
            TextStyle::LABEL,
            Anchor::Start,
        );
        let bar_top = if stacked {
            content_top + label_height + 4.0
        } else {
            content_top + (row_height - FIGURE_BAR_HEIGHT) / 2.0
        };
        let bar_length = bar_room * figure.value / max;
        figure_bar(&mut scene, figure, value_text, bar_x, bar_top, bar_length);
        scene.items.push(figure_item(figure, row, lang));
        y += row.height;
    }
    // The scale's zero line, drawn last so the bars start on it.
    scene.marks.push(Mark::Line {
        from: (bar_x, ladder_top),
        to: (bar_x, y),
        role: Role::Grid,
        width: 1.0,
        dashed: false,
    });
    scene.height = y.ceil();
    Ok(scene)
}
