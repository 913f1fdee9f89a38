//! The urban-renewal plan: its size (areas, hectares, zones) and the named places with how each
//! is to be renewed.

use crate::data::{Dataset, MissingEntry};
use crate::lang::Lang;

use super::layout::{list_block, stat_grid, Stat, GAP};
use super::scene::Scene;
use super::theme::Role;

/// The size of the plan.
pub const STATS: [&str; 3] = [
    "renewal_planning_areas",
    "renewal_area_hectares",
    "renewal_key_zones",
];
/// Named places grouped by how they are to be renewed, in the article's order.
pub const MODES: [&str; 7] = [
    "renewal_expansion",
    "renewal_public_art",
    "renewal_industrial_upgrade",
    "renewal_military_heritage",
    "renewal_protective",
    "renewal_guaranteed",
    "renewal_works_this_year",
];

/// Lays the chart out at `width` CSS px.
pub fn layout(dataset: &Dataset, width: f64, lang: Lang) -> Result<Scene, MissingEntry> {
    let mut scene = Scene {
        width,
        ..Scene::default()
    };
    let stats = dataset
        .figures_of(&STATS)?
        .into_iter()
        .map(|figure| Stat::of_figure(figure, figure.label.get(lang).to_owned(), lang))
        .collect();
    let mut y = stat_grid(&mut scene, 0.0, 0.0, width, 150.0, stats) + GAP;

    let group_width = if width >= 700.0 {
        (width - GAP) / 2.0
    } else {
        width
    };
    let mut column = 0;
    let mut row_height: f64 = 0.0;
    for id in MODES {
        let list = dataset.list(id)?;
        let x = if group_width < width {
            column as f64 * (group_width + GAP)
        } else {
            0.0
        };
        let area = (x, y, group_width);
        let height = list_block(&mut scene, dataset, list, Role::Plan, area, 130.0, lang);
        row_height = row_height.max(height);
        if group_width < width && column == 0 {
            column = 1;
        } else {
            column = 0;
            y += row_height + GAP;
            row_height = 0.0;
        }
    }
    y += row_height;
    scene.height = y.ceil();
    Ok(scene)
}
