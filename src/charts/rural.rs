//! Rural revitalisation: this year's areas, counts and goals, 姜家镇's plans, and the places the
//! article names. Figures of one unit share a scale; counts are drawn one square per unit.

use crate::data::{Dataset, MissingEntry, Status};
use crate::lang::Lang;

use super::details::{figure_item, figure_value, label_with_period};
use super::layout::{
    figure_bar, legend, list_block, more_than_entry, stat_grid, status_legend, status_style,
    text_block, Stat, TextStyle, ARROW, FIGURE_BAR_HEIGHT, GAP, TOUCH_MIN,
};
use super::scene::{Anchor, Mark, Rect, Scene, Stroke};
use super::text::bold_text_width;
use super::theme::Role;

/// Areas in 万亩, on one scale.
pub const AREAS: [&str; 2] = ["specialty_products_area", "jiangjia_farmland"];
/// Counts, one square each.
pub const COUNTS: [&str; 4] = [
    "municipal_brand_products",
    "green_food_enterprises",
    "integration_demo_projects",
    "jiangjia_products",
];
/// Single figures of their own kind.
pub const STATS: [&str; 2] = ["agri_processing_growth", "jiangjia_output_goal"];
/// Named places and products, with whether the article reports them as built.
pub const NAMED: [(&str, bool); 6] = [
    ("rural_environment_demo_areas", true),
    ("agritourism_projects", true),
    ("integration_demo_named", false),
    ("specialty_product_types", false),
    ("digital_village_brands", false),
    ("jiangjia_black_industry", false),
];
const SQUARE: f64 = 10.0;
const SQUARE_GAP: f64 = 3.0;

/// Lays the chart out at `width` CSS px.
pub fn layout(dataset: &Dataset, width: f64, lang: Lang) -> Result<Scene, MissingEntry> {
    let mut scene = Scene {
        width,
        ..Scene::default()
    };
    // The figures' kinds of claim, and "result" for the places reported as built.
    let mut shown = Vec::new();
    for id in AREAS.iter().chain(&COUNTS).chain(&STATS) {
        shown.push(dataset.figure(id)?.status);
    }
    if NAMED.iter().any(|(_, built)| *built) {
        shown.push(Status::Result);
    }
    let mut entries = status_legend(lang, &shown, false);
    entries.push(more_than_entry(lang));
    let mut y = legend(&mut scene, 0.0, 0.0, width, &entries) + GAP / 2.0;

    // Areas on one scale.
    y += text_block(
        &mut scene,
        0.0,
        y,
        width,
        lang.pick("面积（亩）", "Area (mu)"),
        TextStyle::HEADING,
        Anchor::Start,
    ) + 2.0;
    let areas = dataset.figures_of(&AREAS)?;
    let max = areas.iter().map(|f| f.value).fold(0.0, f64::max);
    let value_reserve = areas
        .iter()
        .map(|f| bold_text_width(&figure_value(f, lang), TextStyle::LABEL.size))
        .fold(0.0, f64::max)
        + ARROW
        + 12.0;
    for figure in &areas {
        let label = figure.label.get(lang);
        let label_height = text_block(
            &mut scene,
            0.0,
            y + 4.0,
            width,
            label,
            TextStyle::LABEL,
            Anchor::Start,
        );
        let bar_top = y + 4.0 + label_height + 2.0;
        let length = (width - value_reserve).max(1.0) * figure.value / max;
        figure_bar(
            &mut scene,
            figure,
            &figure_value(figure, lang),
            0.0,
            bar_top,
            length,
        );
        let height = (label_height + FIGURE_BAR_HEIGHT + 10.0).max(TOUCH_MIN);
        let bounds = Rect::new(0.0, y, width, height);
        scene.items.push(figure_item(figure, bounds, lang));
        y += height;
    }
    y += GAP / 2.0;

    // Counts, one square each, in groups of ten.
    y += text_block(
        &mut scene,
        0.0,
        y,
        width,
        lang.pick("数量（每格代表1）", "Counts (one square each)"),
        TextStyle::HEADING,
        Anchor::Start,
    ) + 2.0;
    for id in COUNTS {
        let figure = dataset.figure(id)?;
        let label = match lang {
            Lang::Zh => format!("{} {}", figure.label.zh, figure_value(figure, lang)),
            Lang::En => format!("{}: {}", figure.label.en, figure_value(figure, lang)),
        };
        let label_height = text_block(
            &mut scene,
            0.0,
            y + 4.0,
            width,
            &label,
            TextStyle::LABEL,
            Anchor::Start,
        );
        let (role, fill, dashed) = status_style(figure.status);
        // Whole tens a row: a ten is ten squares and their gaps, then the wider gap between
        // tens, which the row's last ten does not need.
        let ten = 10.0 * (SQUARE + SQUARE_GAP) + SQUARE_GAP * 2.0;
        let per_row = ((width + SQUARE_GAP * 3.0) / ten).floor().max(1.0) as usize * 10;
        let count = figure.value.round().max(0.0) as usize;
        let squares_top = y + 4.0 + label_height + 2.0;
        for index in 0..count {
            let (row, column) = (index / per_row, index % per_row);
            let x = column as f64 * (SQUARE + SQUARE_GAP) + (column / 10) as f64 * SQUARE_GAP * 2.0;
            let top = squares_top + row as f64 * (SQUARE + SQUARE_GAP);
            scene.marks.push(Mark::Box {
                rect: Rect::new(x, top, SQUARE, SQUARE),
                role,
                fill,
                stroke: dashed.then_some(Stroke {
                    role,
                    width: 1.0,
                    dashed: false,
                }),
            });
        }
        let rows = count.div_ceil(per_row).max(1) as f64;
        let height = (label_height + rows * (SQUARE + SQUARE_GAP) + 10.0).max(TOUCH_MIN);
        let bounds = Rect::new(0.0, y, width, height);
        scene.items.push(figure_item(figure, bounds, lang));
        y += height;
    }
    y += GAP / 2.0;

    let stats = dataset
        .figures_of(&STATS)?
        .into_iter()
        .map(|figure| Stat::of_figure(figure, label_with_period(figure, lang), lang))
        .collect();
    y += stat_grid(&mut scene, 0.0, y, width, 200.0, stats) + GAP;

    for (id, built) in NAMED {
        let list = dataset.list(id)?;
        let role = if built { Role::Result } else { Role::Plan };
        let area = (0.0, y, width);
        y += list_block(&mut scene, dataset, list, role, area, 120.0, lang) + GAP;
    }
    scene.height = (y - GAP).ceil();
    Ok(scene)
}
