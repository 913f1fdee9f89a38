//! The five industry clusters as structure, not magnitude: the article gives no output per
//! cluster, so groups and members are drawn and what it says of each is in the details.

use crate::data::{Dataset, Figure, MissingEntry};
use crate::format::{capitalized, count_in_words_en, format_number};
use crate::lang::Lang;

use super::details::{figure_details, quotes};
use super::layout::{list_heading_block, list_tiles, text_item, tile_grid, TextStyle, GAP};
use super::scene::{Details, Fill, Mark, Rect, Scene};
use super::theme::Role;

/// The groups, in the article's order, with the colour of each.
pub const GROUPS: [(&str, Role); 4] = [
    ("emerging_industries", Role::Emerging),
    ("advantage_industries", Role::Advantage),
    ("future_industries", Role::Future),
    ("producer_services", Role::Services),
];
const BAND: f64 = 4.0;
/// Narrowest member tile: a panel as wide as a phone's chart takes two columns of them, as the
/// renewal and rural charts' lists do, instead of one tile a row with most of each empty
/// (nine rows on a 390 px phone, 853 px tall in all; the page's tallest canvases cost it most
/// of its load time, README.md, "Benchmark").
const MEMBER_MIN_WIDTH: f64 = 130.0;

fn panel_columns(width: f64) -> usize {
    if width >= 880.0 {
        4
    } else if width >= 480.0 {
        2
    } else {
        1
    }
}

/// Lays the chart out at `width` CSS px.
pub fn layout(dataset: &Dataset, width: f64, lang: Lang) -> Result<Scene, MissingEntry> {
    let [total, emerging, advantage] = cluster_counts(dataset)?;
    let mut scene = Scene {
        width,
        ..Scene::default()
    };

    let headline = match lang {
        Lang::Zh => format!(
            "{} = {} + {}（据文意）",
            total.written, emerging.written, advantage.written
        ),
        Lang::En => format!(
            "{} industry clusters = {} emerging + {} advantage industries (as we read the article)",
            capitalized(&count_in_words_en(total.value)),
            format_number(emerging.value, lang),
            format_number(advantage.value, lang)
        ),
    };
    let mut y = text_item(
        &mut scene,
        0.0,
        width,
        &headline,
        TextStyle::VALUE,
        &total.id,
        reading_details(total, [emerging, advantage], lang),
    );
    let chains = dataset.figure("leading_chain_count")?;
    let chains_text = match lang {
        Lang::Zh => format!("另：做优做强{}（文章未列出是哪几条）", chains.written),
        Lang::En => format!(
            "Also: strengthen {} leading industry chains (the article does not name them)",
            count_in_words_en(chains.value)
        ),
    };
    y += text_item(
        &mut scene,
        y,
        width,
        &chains_text,
        TextStyle::LABEL,
        &chains.id,
        figure_details(chains, lang),
    ) + GAP;

    let columns = panel_columns(width);
    let panel_width = (width - GAP * (columns as f64 - 1.0)) / columns as f64;
    let mut lists = Vec::with_capacity(GROUPS.len());
    for (id, _) in &GROUPS {
        lists.push(dataset.list(id)?);
    }
    for (row_lists, row_roles) in lists.chunks(columns).zip(GROUPS.chunks(columns)) {
        let mut row_height: f64 = 0.0;
        for (column, (list, (_, role))) in row_lists.iter().zip(row_roles).enumerate() {
            let x = column as f64 * (panel_width + GAP);
            scene.marks.push(Mark::Box {
                rect: Rect::new(x, y, panel_width, BAND),
                role: *role,
                fill: Fill::Solid,
                stroke: None,
            });
            let heading_height = list_heading_block(
                &mut scene,
                dataset,
                list,
                (x, y + BAND + 6.0, panel_width),
                lang,
            );
            let tiles = list_tiles(dataset, list, *role, false, lang);
            let tiles_height = tile_grid(
                &mut scene,
                x,
                y + BAND + 6.0 + heading_height + 6.0,
                panel_width,
                MEMBER_MIN_WIDTH,
                tiles,
            );
            row_height = row_height.max(BAND + 6.0 + heading_height + 6.0 + tiles_height);
        }
        y += row_height + GAP;
    }

    let named = dataset.list("major_projects_named")?;
    y += list_heading_block(&mut scene, dataset, named, (0.0, y, width), lang) + 6.0;
    let tiles = list_tiles(dataset, named, Role::Muted, true, lang);
    y += tile_grid(&mut scene, 0.0, y, width, 240.0, tiles) + GAP;

    let financing = dataset.list("sme_financing_tools")?;
    y += list_heading_block(&mut scene, dataset, financing, (0.0, y, width), lang) + 6.0;
    let tiles = list_tiles(dataset, financing, Role::Muted, false, lang);
    y += tile_grid(&mut scene, 0.0, y, width, 160.0, tiles);
    scene.height = y.ceil();
    Ok(scene)
}

/// The counts of clusters, of emerging and of advantage industries.
fn cluster_counts(dataset: &Dataset) -> Result<[&Figure; 3], MissingEntry> {
    Ok([
        dataset.figure("industry_cluster_count")?,
        dataset.figure("emerging_industry_count")?,
        dataset.figure("advantage_industry_count")?,
    ])
}

/// The heading, with the counts of clusters and of the industries named as the data gives
/// them (五大产业集群, 2大新兴产业, 3大优势产业 in the article).
pub fn headline(dataset: &Dataset, lang: Lang) -> Option<String> {
    let [total, emerging, advantage] = cluster_counts(dataset).ok()?;
    Some(match lang {
        Lang::Zh => format!(
            "{}：文章具体列出{}、{}，另培育未来产业和生产性服务业",
            total.written, emerging.written, advantage.written
        ),
        Lang::En => format!(
            "{} industry clusters: the article goes on to name {} emerging and {} advantage industries, and future industries and producer services to cultivate",
            capitalized(&count_in_words_en(total.value)),
            count_in_words_en(emerging.value),
            count_in_words_en(advantage.value)
        ),
    })
}

/// The five clusters as 2 + 3: the article says 五大产业集群, then, 具体来讲, names two emerging
/// and three advantage industries, but never says the five are these; the details say it is our
/// reading and quote every sentence it rests on.
fn reading_details(total: &Figure, [emerging, advantage]: [&Figure; 2], lang: Lang) -> Details {
    let mut details = figure_details(total, lang);
    details
        .tags
        .push(lang.pick("据文意", "our reading").to_owned());
    details.note = Some(match lang {
        Lang::Zh => format!(
            "{}即“具体来讲”后列出的{}和{}：这是据文意读出的，文章没有直接这样说。",
            total.written, emerging.written, advantage.written
        ),
        Lang::En => format!(
            "That the {} clusters are the {} emerging and {} advantage industries named after “specifically” is our reading; the article does not say so.",
            count_in_words_en(total.value),
            count_in_words_en(emerging.value),
            count_in_words_en(advantage.value)
        ),
    });
    let sources = [&*total.source, &*emerging.source, &*advantage.source];
    details.sources = quotes(&sources, lang);
    details
}
