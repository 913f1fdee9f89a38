//! The 13 major projects' planned 215亿元, with the display-module project's 50亿元 as a part
//! and the rest of the 13 as a derived remainder.

use crate::data::{Dataset, MissingEntry};
use crate::format::{format_number, format_share, format_value};
use crate::lang::Lang;

use super::details::{derived_details, figure_details, figure_item, figure_value};
use super::layout::{
    legend, list_block, status_legend, status_style, text_block, text_item, TextStyle, GAP,
};
use super::scene::{Anchor, Fill, Item, Mark, Rect, Scene};
use super::theme::Role;

const BAR_HEIGHT: f64 = 44.0;

/// Lays the chart out at `width` CSS px.
pub fn layout(dataset: &Dataset, width: f64, lang: Lang) -> Result<Scene, MissingEntry> {
    let total = dataset.figure("major_projects_investment")?;
    let part = dataset.figure("display_module_investment")?;
    let count = dataset.figure("major_projects_count")?;
    let mut scene = Scene {
        width,
        ..Scene::default()
    };

    let mut y = legend(
        &mut scene,
        0.0,
        0.0,
        width,
        &status_legend(lang, &[part.status], true),
    ) + GAP / 2.0;

    let headline = match lang {
        Lang::Zh => format!(
            "{}个重大项目 计划总投资{}",
            format_number(count.value, lang),
            figure_value(total, lang)
        ),
        Lang::En => format!(
            "{} major projects: planned total {}",
            format_number(count.value, lang),
            figure_value(total, lang)
        ),
    };
    y += text_item(
        &mut scene,
        y,
        width,
        &headline,
        TextStyle::VALUE,
        &total.id,
        figure_details(total, lang),
    ) + GAP / 2.0;

    let share = part.value / total.value;
    let part_width = (width * share).max(1.0);
    let (role, fill, _) = status_style(part.status);
    let part_rect = Rect::new(0.0, y, part_width, BAR_HEIGHT);
    let rest_rect = Rect::new(part_width, y, width - part_width, BAR_HEIGHT);
    scene.marks.push(Mark::Box {
        rect: part_rect,
        role,
        fill,
        stroke: None,
    });
    scene.marks.push(Mark::Box {
        rect: rest_rect,
        role: Role::Derived,
        fill: Fill::Hatched,
        stroke: None,
    });
    scene.items.push(figure_item(part, part_rect, lang));

    let rest_value = total.value - part.value;
    let rest_count = count.value - 1.0;
    let rest_text = format_value(Some(rest_value), total.unit, total.qualifier, lang);
    let rest_title = match lang {
        Lang::Zh => format!("其余{}个项目", format_number(rest_count, lang)),
        Lang::En => format!("The other {} projects", format_number(rest_count, lang)),
    };
    let how = match lang {
        Lang::Zh => format!(
            "{} − {} = {}；占{}。文章未给出其余项目各自的投资额。",
            figure_value(total, lang), figure_value(part, lang), rest_text, format_share(rest_value / total.value, lang)
        ),
        Lang::En => format!(
            "{} − {} = {}; {} of the total. The article does not give the other projects’ own amounts.",
            figure_value(total, lang), figure_value(part, lang), rest_text, format_share(rest_value / total.value, lang)
        ),
    };
    scene.items.push(Item {
        key: "major_projects_remainder".into(),
        bounds: rest_rect,
        details: derived_details(
            rest_title.clone(),
            rest_text.clone(),
            how,
            &[&total.source, &part.source],
            lang,
        ),
    });
    y += BAR_HEIGHT + 6.0;

    // Labels under the bar, one column for each segment.
    let column = (width - GAP) / 2.0;
    let part_label = match lang {
        Lang::Zh => format!(
            "{} {}（占{}，派生）",
            part.label.zh,
            figure_value(part, lang),
            format_share(share, lang)
        ),
        Lang::En => format!(
            "{}: {} ({} of the total, derived)",
            part.label.en,
            figure_value(part, lang),
            format_share(share, lang)
        ),
    };
    let rest_label = match lang {
        Lang::Zh => format!("{} {}（派生）", rest_title, rest_text),
        Lang::En => format!("{}: {} (derived)", rest_title, rest_text),
    };
    let left = text_block(
        &mut scene,
        0.0,
        y,
        column,
        &part_label,
        TextStyle::LABEL,
        Anchor::Start,
    );
    let right = text_block(
        &mut scene,
        width,
        y,
        column,
        &rest_label,
        TextStyle::LABEL,
        Anchor::End,
    );
    y += left.max(right) + GAP;

    // What the 13 projects span, as far as the article says (its 等).
    let fields = dataset.list("major_projects_fields")?;
    let area = (0.0, y, width);
    y += list_block(&mut scene, dataset, fields, Role::Muted, area, 150.0, lang);
    scene.height = y.ceil();
    Ok(scene)
}
