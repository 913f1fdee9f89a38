//! The eight dimensions of the city health check. The article gives no scores, so only the
//! dimensions are drawn.

use crate::data::{Dataset, MissingEntry};
use crate::format::{capitalized, count_in_words_en, format_number};
use crate::lang::Lang;

use super::details::figure_details;
use super::layout::{list_tiles, text_item, tile_grid, TextStyle, GAP};
use super::scene::Scene;
use super::theme::Role;

/// Lays the chart out at `width` CSS px.
pub fn layout(dataset: &Dataset, width: f64, lang: Lang) -> Result<Scene, MissingEntry> {
    let count = dataset.figure("city_check_dimensions")?;
    let list = dataset.list("city_check_dimensions_named")?;
    let mut scene = Scene {
        width,
        ..Scene::default()
    };
    let headline = match lang {
        Lang::Zh => format!(
            "住建部确定的{}个维度（文章未给出评分）",
            format_number(count.value, lang)
        ),
        Lang::En => format!(
            "{} dimensions set by the housing ministry (the article gives no scores)",
            capitalized(&count_in_words_en(count.value))
        ),
    };
    let height = text_item(
        &mut scene,
        0.0,
        width,
        &headline,
        TextStyle::HEADING,
        &count.id,
        figure_details(count, lang),
    );
    let tiles = list_tiles(dataset, list, Role::Plan, false, lang);
    let min_tile = if width >= 640.0 {
        (width - 3.0 * 8.0) / 4.0 - 1.0
    } else {
        140.0
    };
    let y = height + GAP + tile_grid(&mut scene, 0.0, height + GAP, width, min_tile, tiles);
    scene.height = y.ceil();
    Ok(scene)
}
