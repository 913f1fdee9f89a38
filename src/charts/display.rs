//! The new-display cluster, one of the article's main paragraphs: the enterprises of scale it
//! has gathered, the 500亿级 it aims for and the project that started on 2 March, then the firms
//! and projects the article names. The article gives no output for the cluster today, so
//! nothing is drawn to scale.

use crate::data::{Dataset, MissingEntry};
use crate::lang::Lang;

use super::details::{figure_value, label_with_period};
use super::layout::{legend, list_block, stat_grid, status_legend, Stat, GAP};
use super::scene::Scene;
use super::theme::Role;

/// Where the cluster stands and where it is to go.
pub const STATS: [&str; 3] = [
    "display_chain_enterprises",
    "display_cluster_target",
    "display_module_investment",
];
/// The firms and the projects the article names, each a list it closes with 等.
pub const NAMED: [&str; 2] = ["display_enterprises", "display_representative_projects"];

/// Lays the chart out at `width` CSS px.
pub fn layout(dataset: &Dataset, width: f64, lang: Lang) -> Result<Scene, MissingEntry> {
    let mut scene = Scene {
        width,
        ..Scene::default()
    };
    let figures = dataset.figures_of(&STATS)?;
    let shown: Vec<_> = figures.iter().map(|figure| figure.status).collect();
    let mut y = legend(
        &mut scene,
        0.0,
        0.0,
        width,
        &status_legend(lang, &shown, false),
    ) + GAP / 2.0;
    let stats = figures
        .into_iter()
        .map(|figure| Stat::of_figure(figure, label_with_period(figure, lang), lang))
        .collect();
    y += stat_grid(&mut scene, 0.0, y, width, 200.0, stats) + GAP;
    for id in NAMED {
        let list = dataset.list(id)?;
        let area = (0.0, y, width);
        y += list_block(&mut scene, dataset, list, Role::Emerging, area, 170.0, lang) + GAP;
    }
    scene.height = (y - GAP).ceil();
    Ok(scene)
}

/// The heading, with the cluster's figures as the article gives them.
pub fn headline(dataset: &Dataset, lang: Lang) -> Option<String> {
    let enterprises = dataset.figure("display_chain_enterprises").ok()?;
    let target = dataset.figure("display_cluster_target").ok()?;
    Some(match lang {
        Lang::Zh => format!(
            "新型显示产业集群：已聚集链上规模企业{}，目标打造{}",
            figure_value(enterprises, lang),
            figure_value(target, lang)
        ),
        Lang::En => format!(
            "The new-display cluster: {} of scale gathered so far, and a {} cluster as the goal",
            figure_value(enterprises, lang),
            figure_value(target, lang)
        ),
    })
}
