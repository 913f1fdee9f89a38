//! Old-community renovation: what is completed against what started this year, measure by
//! measure, with the combined totals derived where adding up is meaningful.

use std::cmp::Ordering;

use crate::data::{Dataset, Figure, MissingEntry};
use crate::format::{format_number, format_value};
use crate::lang::Lang;

use super::details::{derived_details, figure_details, figure_value};
use super::layout::{legend, list_block, text_block, LegendEntry, TextStyle, GAP};
use super::scene::{Anchor, Details, Fill, Item, Mark, Rect, Scene, TextMark};
use super::text::{bold_text_width, text_width};
use super::theme::Role;

const BAR_HEIGHT: f64 = 22.0;
const ROW_HEIGHT: f64 = 44.0;
/// Narrowest bar area worth drawing beside the labels.
const MIN_BAR_ROOM: f64 = 120.0;

/// One measure: its heading, the completed and the started figure, and whether their sum means
/// anything (12 片区 and 15 小区 are counted differently, so they are not added).
struct Measure {
    heading: (&'static str, &'static str),
    completed: &'static str,
    started: &'static str,
    summable: bool,
}

const MEASURES: [Measure; 3] = [
    Measure {
        heading: ("改造范围（个）", "Areas and communities"),
        completed: "old_completed_areas",
        started: "old_started_communities",
        summable: false,
    },
    Measure {
        heading: ("改造面积", "Floor area"),
        completed: "old_completed_floor_area",
        started: "old_started_floor_area",
        summable: true,
    },
    Measure {
        heading: ("惠及群众", "Households benefiting"),
        completed: "old_completed_households",
        started: "old_started_households",
        summable: true,
    },
];

/// The named areas and communities, in the colour of their phase.
const NAMED: [(&str, Role); 2] = [
    ("old_completed_named", Role::Result),
    ("old_started_named", Role::Started),
];

fn phase_label(lang: Lang, started: bool) -> &'static str {
    match (lang, started) {
        (Lang::Zh, false) => "已完成",
        (Lang::Zh, true) => "今年开工",
        (Lang::En, false) => "Completed",
        (Lang::En, true) => "Started this year",
    }
}

/// Lays the chart out at `width` CSS px.
pub fn layout(dataset: &Dataset, width: f64, lang: Lang) -> Result<Scene, MissingEntry> {
    let mut scene = Scene {
        width,
        ..Scene::default()
    };
    let entries = [
        LegendEntry {
            role: Role::Result,
            fill: Fill::Solid,
            dashed: false,
            label: phase_label(lang, false).to_owned(),
        },
        LegendEntry {
            role: Role::Started,
            fill: Fill::Solid,
            dashed: false,
            label: phase_label(lang, true).to_owned(),
        },
        LegendEntry {
            role: Role::Derived,
            fill: Fill::Hatched,
            dashed: false,
            label: lang.pick("合计（派生）", "Combined (derived)").to_owned(),
        },
    ];
    let mut y = legend(&mut scene, 0.0, 0.0, width, &entries) + GAP / 2.0;
    // Room right of the longest bar for the widest value label, totals included.
    let mut value_texts = Vec::new();
    for measure in &MEASURES {
        let (completed, started) = (
            dataset.figure(measure.completed)?,
            dataset.figure(measure.started)?,
        );
        value_texts.push(figure_value(completed, lang));
        value_texts.push(figure_value(started, lang));
        value_texts.push(format_value(
            Some(completed.value + started.value),
            completed.unit,
            completed.qualifier,
            lang,
        ));
    }
    let value_reserve = value_texts
        .iter()
        .map(|text| bold_text_width(text, TextStyle::LABEL.size))
        .fold(0.0, f64::max)
        + 10.0;
    let label_width = [false, true]
        .map(|started| text_width(phase_label(lang, started), TextStyle::LABEL.size))
        .into_iter()
        .chain([text_width(
            lang.pick("合计", "Combined"),
            TextStyle::LABEL.size,
        )])
        .fold(0.0, f64::max);
    // Labels beside the bars when that leaves the bars room, else above them.
    let stacked = width - label_width - 8.0 - value_reserve < MIN_BAR_ROOM;
    let bar_x = if stacked { 0.0 } else { label_width + 8.0 };
    let bar_room = (width - bar_x - value_reserve).max(1.0);
    let line = TextStyle::LABEL.line_height();
    let row_height = if stacked {
        (line + BAR_HEIGHT + 6.0).max(ROW_HEIGHT)
    } else {
        ROW_HEIGHT
    };
    let label_top = |y: f64| {
        if stacked {
            y + 2.0
        } else {
            y + (row_height - line) / 2.0
        }
    };
    let bar_top = |y: f64| {
        if stacked {
            y + 4.0 + line
        } else {
            y + (row_height - BAR_HEIGHT) / 2.0
        }
    };

    for measure in &MEASURES {
        let completed = dataset.figure(measure.completed)?;
        let started = dataset.figure(measure.started)?;
        y += text_block(
            &mut scene,
            0.0,
            y,
            width,
            lang.pick(measure.heading.0, measure.heading.1),
            TextStyle::HEADING,
            Anchor::Start,
        ) + 2.0;
        let total = completed.value + started.value;
        let scale_max = if measure.summable {
            total
        } else {
            completed.value.max(started.value)
        };
        let bar = |scene: &mut Scene,
                   y: f64,
                   key: String,
                   label: &str,
                   segments: &[(f64, Role, Fill)],
                   value: String,
                   details| {
            let row = Rect::new(0.0, y, width, row_height);
            scene.push_text(TextMark {
                x: 0.0,
                y: label_top(y),
                text: label.to_owned(),
                size: TextStyle::LABEL.size,
                bold: false,
                role: Role::Text,
                anchor: Anchor::Start,
            });
            let mut x = bar_x;
            for (amount, role, fill) in segments {
                let length = bar_room * amount / scale_max;
                scene.marks.push(Mark::Box {
                    rect: Rect::new(x, bar_top(y), length, BAR_HEIGHT),
                    role: *role,
                    fill: *fill,
                    stroke: None,
                });
                x += length;
            }
            scene.push_text(TextMark {
                x: x + 6.0,
                y: bar_top(y) + (BAR_HEIGHT - line) / 2.0,
                text: value,
                size: TextStyle::LABEL.size,
                bold: true,
                role: Role::Text,
                anchor: Anchor::Start,
            });
            scene.items.push(Item {
                key,
                bounds: row,
                details,
            });
        };
        for (figure, started_phase) in [(completed, false), (started, true)] {
            let role = if started_phase {
                Role::Started
            } else {
                Role::Result
            };
            bar(
                &mut scene,
                y,
                figure.id.clone(),
                phase_label(lang, started_phase),
                &[(figure.value, role, Fill::Solid)],
                figure_value(figure, lang),
                figure_details(figure, lang),
            );
            y += row_height;
        }
        if measure.summable {
            let value = format_value(Some(total), completed.unit, completed.qualifier, lang);
            let details = combined_details(measure, completed, started, total, lang);
            let label = lang.pick("合计", "Combined");
            bar(
                &mut scene,
                y,
                format!("{}_combined", measure.completed),
                label,
                &[(total, Role::Derived, Fill::Hatched)],
                value,
                details,
            );
            y += row_height;
        } else {
            let note = match lang {
                Lang::Zh => format!("已完成的是{}个片区，今年开工的是{}个小区，口径不同，不相加。", format_number(completed.value, lang), format_number(started.value, lang)),
                Lang::En => format!(
                    "Completed work is counted as {} areas, this year’s as {} communities, two different measures; the two are not added.",
                    format_number(completed.value, lang), format_number(started.value, lang)
                ),
            };
            y += text_block(
                &mut scene,
                0.0,
                y + 2.0,
                width,
                &note,
                TextStyle::SMALL,
                Anchor::Start,
            ) + 4.0;
        }
        y += GAP / 2.0;
    }

    // The areas and communities the article names, completed and started (each list its 等).
    for (id, role) in NAMED {
        let list = dataset.list(id)?;
        let area = (0.0, y, width);
        y += list_block(&mut scene, dataset, list, role, area, 130.0, lang) + GAP;
    }
    scene.height = (y - GAP).ceil();
    Ok(scene)
}

/// The sum of completed and started work. Titled by the measure, not by the completed figure's
/// label, which would call a sum of both "completed".
fn combined_details(
    measure: &Measure,
    completed: &Figure,
    started: &Figure,
    total: f64,
    lang: Lang,
) -> Details {
    let difference = started.value - completed.value;
    let unit = completed.unit;
    let sum = format_value(Some(total), unit, completed.qualifier, lang);
    // The gap as a size and a direction, so that changed figures never read "−5,021 more".
    let gap = format_value(Some(difference.abs()), unit, completed.qualifier, lang);
    let comparison = match (lang, difference.partial_cmp(&0.0)) {
        (Lang::Zh, Some(Ordering::Greater)) => format!("今年开工比已完成多{gap}"),
        (Lang::Zh, Some(Ordering::Less)) => format!("今年开工比已完成少{gap}"),
        (Lang::Zh, _) => "今年开工与已完成相同".to_owned(),
        (Lang::En, Some(Ordering::Greater)) => {
            format!("this year’s work is {gap} more than the completed")
        }
        (Lang::En, Some(Ordering::Less)) => {
            format!("the completed work exceeds this year’s by {gap}")
        }
        (Lang::En, _) => "this year’s work is the same as the completed".to_owned(),
    };
    let how = match lang {
        Lang::Zh => format!(
            "已完成{} + 今年开工{} = {}；{comparison}。",
            figure_value(completed, lang),
            figure_value(started, lang),
            sum
        ),
        Lang::En => format!(
            "completed {} + started this year {} = {}; {comparison}.",
            figure_value(completed, lang),
            figure_value(started, lang),
            sum
        ),
    };
    let title = match lang {
        Lang::Zh => format!("{}：已完成与今年开工合计", measure.heading.0),
        Lang::En => format!(
            "{}: completed and started this year, combined",
            measure.heading.1
        ),
    };
    derived_details(title, sum, how, &[&completed.source, &started.source], lang)
}

/// "This year's work is larger than the 12 areas completed so far" when the numbers say so, in
/// every summable measure; otherwise no computed heading. The article counts what is completed
/// as those 12 areas, so the heading says no more than that.
pub fn headline(dataset: &Dataset, lang: Lang) -> Option<String> {
    let larger = MEASURES.iter().filter(|m| m.summable).all(|m| {
        match (dataset.figure(m.started), dataset.figure(m.completed)) {
            (Ok(started), Ok(completed)) => started.value > completed.value,
            _ => false,
        }
    });
    let areas = format_number(dataset.figure(MEASURES[0].completed).ok()?.value, lang);
    larger.then(|| match lang {
        Lang::Zh => format!("老旧小区改造：今年开工的面积和惠及户数都超过此前已完成的{areas}个片区"),
        Lang::En => format!(
            "Old-community renovation: the work started this year covers more floor area and more households than the {areas} areas completed so far"
        ),
    })
}
