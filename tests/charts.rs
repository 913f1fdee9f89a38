//! Chart geometry from the real data at phone to desktop widths, and SVG snapshots drawn by the
//! same code that draws the canvas.

use banan_infographic::charts::catalog::CHARTS;
use banan_infographic::charts::draw::{draw_scene, Backdrop};
use banan_infographic::charts::layout::{GAP, TOUCH_MIN};
use banan_infographic::charts::scene::{Anchor, Mark, Rect, Scene, TextMark};
use banan_infographic::charts::theme::Theme;
use banan_infographic::charts::{city_check, investment};
use banan_infographic::data::{load_default, Dataset};
use banan_infographic::lang::Lang;
use plotters::prelude::*;

mod scene_marks;
use scene_marks::boxes_of_height;

const WIDTHS: [f64; 7] = [288.0, 320.0, 360.0, 390.0, 768.0, 1280.0, 1440.0];

fn dataset() -> Dataset {
    load_default().expect("the default data is valid")
}

fn scenes() -> Vec<(&'static str, f64, Lang, Scene)> {
    let dataset = dataset();
    let mut scenes = Vec::new();
    for chart in &CHARTS {
        for width in WIDTHS {
            for lang in [Lang::Zh, Lang::En] {
                let scene = (chart.layout)(&dataset, width, lang)
                    .unwrap_or_else(|e| panic!("{}: {e}", chart.id));
                scenes.push((chart.id, width, lang, scene));
            }
        }
    }
    scenes
}

fn text_bounds(scene: &Scene) -> Vec<(String, Rect)> {
    scene
        .marks
        .iter()
        .filter_map(|mark| match mark {
            Mark::Text(text) => Some((text.text.clone(), text.bounds())),
            _ => None,
        })
        .collect()
}

#[test]
fn every_item_and_label_lies_inside_the_chart() {
    for (id, width, lang, scene) in scenes() {
        assert_eq!(scene.width, width);
        assert!(
            scene.height > 0.0 && scene.height < 4000.0,
            "{id} {width} {lang:?}: height {}",
            scene.height
        );
        let frame = Rect::new(0.0, 0.0, scene.width, scene.height);
        assert!(!scene.items.is_empty(), "{id}");
        for item in &scene.items {
            assert!(
                frame.encloses(&item.bounds),
                "{id} {width} {lang:?}: item {} at {:?}",
                item.key,
                item.bounds
            );
        }
        for (text, bounds) in text_bounds(&scene) {
            assert!(
                frame.encloses(&bounds),
                "{id} {width} {lang:?}: label {text:?} at {bounds:?} is cut"
            );
        }
    }
}

/// A tile's or a big number's text stays inside its outlined box at any width a phone or a
/// desktop gives (every 3 px from 260 to 1,440): the box is as tall as its text wraps.
#[test]
fn the_text_in_a_tile_stays_inside_it() {
    let dataset = dataset();
    for chart in &CHARTS {
        for width in (260..=1440).step_by(3).map(f64::from) {
            for lang in [Lang::Zh, Lang::En] {
                let scene = (chart.layout)(&dataset, width, lang).unwrap();
                let tiles: Vec<Rect> = scene
                    .marks
                    .iter()
                    .filter_map(|mark| match mark {
                        Mark::Box {
                            rect,
                            stroke: Some(_),
                            ..
                        } => Some(*rect),
                        _ => None,
                    })
                    .collect();
                for (text, bounds) in text_bounds(&scene) {
                    for tile in tiles
                        .iter()
                        .filter(|tile| tile.contains(bounds.x, bounds.y))
                    {
                        assert!(
                            tile.encloses(&bounds),
                            "{} {width} {lang:?}: {text:?} at {bounds:?} leaves its tile {tile:?}",
                            chart.id
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn no_two_items_overlap_and_every_item_is_a_finger_wide() {
    for (id, width, lang, scene) in scenes() {
        for (index, a) in scene.items.iter().enumerate() {
            assert!(
                a.bounds.width >= TOUCH_MIN && a.bounds.height >= TOUCH_MIN,
                "{id} {width} {lang:?}: {} is {:?}",
                a.key,
                a.bounds
            );
            for b in &scene.items[index + 1..] {
                assert!(
                    !a.bounds.overlaps(&b.bounds),
                    "{id} {width} {lang:?}: {} overlaps {}",
                    a.key,
                    b.key
                );
            }
        }
    }
}

#[test]
fn no_two_labels_overlap() {
    for (id, width, lang, scene) in scenes() {
        let labels = text_bounds(&scene);
        for (index, (a, ra)) in labels.iter().enumerate() {
            for (b, rb) in &labels[index + 1..] {
                assert!(
                    !ra.overlaps(rb),
                    "{id} {width} {lang:?}: {a:?} {ra:?} overlaps {b:?} {rb:?}"
                );
            }
        }
    }
}

#[test]
fn item_keys_are_unique_and_the_same_in_both_languages() {
    let dataset = dataset();
    for chart in &CHARTS {
        let zh = (chart.layout)(&dataset, 390.0, Lang::Zh).unwrap();
        let en = (chart.layout)(&dataset, 1280.0, Lang::En).unwrap();
        let keys = |scene: &Scene| {
            scene
                .items
                .iter()
                .map(|item| item.key.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(keys(&zh), keys(&en), "{}", chart.id);
        let mut unique = keys(&zh);
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), zh.items.len(), "{}", chart.id);
        for item in &zh.items {
            assert!(
                !item.details.sources.is_empty(),
                "{}: {} has no source",
                chart.id,
                item.key
            );
            for source in &item.details.sources {
                assert!(banan_infographic::data::ARTICLE_TEXT
                    .replace('\n', "")
                    .contains(&source.zh));
            }
        }
    }
}

#[test]
fn the_scale_ladder_draws_lengths_proportional_to_values() {
    let dataset = dataset();
    for width in WIDTHS {
        let scene =
            banan_infographic::charts::scale_ladder::layout(&dataset, width, Lang::Zh).unwrap();
        let lengths: Vec<f64> = boxes_of_height(&scene, 18.0)
            .iter()
            .map(|r| r.width)
            .collect();
        let values: Vec<f64> = scene
            .items
            .iter()
            .map(|item| dataset.figure(&item.key).unwrap().value)
            .collect();
        assert_eq!(lengths.len(), 6);
        assert_eq!(values, vec![1000.0, 700.0, 500.0, 215.0, 100.0, 100.0]);
        for (length, value) in lengths.iter().zip(&values) {
            assert!(
                (length / lengths[0] - value / values[0]).abs() < 1e-9,
                "{width}: {length} for {value}"
            );
        }
    }
}

/// Narrower than 560 px each label goes above its bar, the bars starting at the left edge; from
/// 560 px the labels make a column and the bars start at one x right of it, level with them.
#[test]
fn the_scale_ladder_puts_labels_above_bars_below_560_px_and_beside_them_from_560() {
    let dataset = dataset();
    for lang in [Lang::Zh, Lang::En] {
        for width in [559.0, 560.0] {
            let scene =
                banan_infographic::charts::scale_ladder::layout(&dataset, width, lang).unwrap();
            let bars = boxes_of_height(&scene, 18.0);
            assert_eq!(bars.len(), 6);
            // The labels start at the left edge; the legend's texts follow their swatches.
            let labels: Vec<Rect> = text_bounds(&scene)
                .into_iter()
                .map(|(_, bounds)| bounds)
                .filter(|bounds| bounds.x == 0.0)
                .collect();
            assert!(
                labels.len() >= bars.len(),
                "{lang:?} at {width}: {labels:?}"
            );
            for bar in &bars {
                let beside = labels
                    .iter()
                    .any(|label| label.y < bar.bottom() && label.bottom() > bar.y);
                if width < 560.0 {
                    assert_eq!(bar.x, 0.0, "{lang:?} at {width}: {bar:?}");
                    assert!(!beside, "{lang:?} at {width}: a label beside {bar:?}");
                } else {
                    assert_eq!(bar.x, bars[0].x, "{lang:?} at {width}");
                    assert!(beside, "{lang:?} at {width}: no label beside {bar:?}");
                    assert!(labels.iter().all(|label| label.right() <= bar.x));
                }
            }
        }
    }
}

/// Beside the bars, the labels take 38 % of the width, at most 300 px, and a gap: the bars keep
/// the rest, so a 560-px ladder is not mostly labels.
#[test]
fn the_scale_ladder_gives_labels_at_most_38_percent_and_300_px() {
    let dataset = dataset();
    for lang in [Lang::Zh, Lang::En] {
        for width in (560..=1440).step_by(20).map(f64::from) {
            let scene =
                banan_infographic::charts::scale_ladder::layout(&dataset, width, lang).unwrap();
            let bars = boxes_of_height(&scene, 18.0);
            let expected = (width * 0.38).min(300.0) + GAP;
            assert!(
                bars.iter().all(|bar| (bar.x - expected).abs() < 1e-9),
                "{lang:?} at {width}: bars start at {}, not {expected}",
                bars[0].x
            );
        }
    }
}

/// The ladder runs largest first and keeps the order of `FIGURES` for equal values, whatever
/// the data file's values are.
#[test]
fn the_scale_ladder_runs_largest_first_and_keeps_ties_in_order() {
    use banan_infographic::charts::scale_ladder::{layout, FIGURES};
    let order = |dataset: &Dataset| -> Vec<String> {
        let scene = layout(dataset, 1280.0, Lang::En).unwrap();
        scene.items.iter().map(|item| item.key.clone()).collect()
    };
    let mut dataset = dataset();
    // The article's values: 1000, 700, 500, 215, 100 and 100 (a tie kept in FIGURES order).
    assert_eq!(order(&dataset), FIGURES);
    let mut set = |id: &str, value: f64| {
        let figure = dataset.figures.iter_mut().find(|f| f.id == id).unwrap();
        figure.value = value;
    };
    set("car_maker_scale", 2000.0);
    set("display_cluster_target", 215.0);
    set("industrial_output", 100.0);
    assert_eq!(
        order(&dataset),
        [
            "car_maker_scale",
            "digital_economy_revenue",
            "display_cluster_target",
            "major_projects_investment",
            "industrial_output",
            "industrial_investment",
        ]
    );
}

#[test]
fn the_investment_bar_splits_the_total_at_the_known_part() {
    let dataset = dataset();
    let scene = banan_infographic::charts::investment::layout(&dataset, 390.0, Lang::Zh).unwrap();
    // The bar's two segments share a row; the tiles of the fields below are as tall.
    let boxes = boxes_of_height(&scene, 44.0);
    let segments: Vec<Rect> = boxes
        .iter()
        .filter(|r| r.y == boxes[0].y)
        .copied()
        .collect();
    assert_eq!(segments.len(), 2);
    assert!((segments[0].width / 390.0 - 50.0 / 215.0).abs() < 1e-9);
    assert!((segments[0].width + segments[1].width - 390.0).abs() < 1e-9);
    let remainder = scene
        .items
        .iter()
        .find(|item| item.key == "major_projects_remainder")
        .unwrap();
    assert_eq!(remainder.details.value.as_deref(), Some("165亿元"));
    assert!(remainder.details.tags.contains(&"派生数据".to_owned()));
}

/// Under the investment bar the known part's label keeps to the left half and the remainder's
/// to the right, a gap apart, at every width: long labels wrap in their own half.
#[test]
fn the_investment_labels_keep_to_their_halves_a_gap_apart() {
    let dataset = dataset();
    for lang in [Lang::Zh, Lang::En] {
        for width in (280..=1440).map(f64::from) {
            let scene = investment::layout(&dataset, width, lang).unwrap();
            // The bar is the first two 44-px boxes; its labels are the texts after it, the
            // part's anchored at the start, then the remainder's at the end.
            let bar_end = scene
                .marks
                .iter()
                .enumerate()
                .filter(|(_, mark)| matches!(mark, Mark::Box { rect, .. } if rect.height == 44.0))
                .nth(1)
                .map(|(index, _)| index)
                .unwrap();
            let labels: Vec<&TextMark> = scene.marks[bar_end + 1..]
                .iter()
                .map_while(|mark| match mark {
                    Mark::Text(text) => Some(text),
                    _ => None,
                })
                .collect();
            let split = labels
                .iter()
                .position(|text| text.anchor == Anchor::End)
                .unwrap();
            let (part, rest) = labels.split_at(split);
            let rest: Vec<_> = rest
                .iter()
                .take_while(|t| t.anchor == Anchor::End)
                .collect();
            assert!(!part.is_empty() && !rest.is_empty(), "{lang:?} at {width}");
            let part_right = part.iter().map(|t| t.bounds().right()).fold(0.0, f64::max);
            let rest_left = rest.iter().map(|t| t.bounds().x).fold(width, f64::min);
            assert!(
                part_right <= (width - GAP) / 2.0 + 1e-9 && rest_left >= (width + GAP) / 2.0 - 1e-9,
                "{lang:?} at {width}: the part's label ends at {part_right}, the rest's starts at {rest_left}"
            );
        }
    }
}

/// A derived figure quotes every sentence its inputs come from, each once: the remainder of the
/// 215亿元 quotes the total's sentence and the 50亿元's; a combined renovation total quotes the
/// completed and the started work's.
#[test]
fn a_derived_figure_cites_every_sentence_it_is_computed_from() {
    let dataset = dataset();
    let sentence = |id: &str| dataset.figure(id).unwrap().source.display_zh();
    let cases = [
        (
            "investment",
            "major_projects_remainder",
            ["major_projects_investment", "display_module_investment"],
        ),
        (
            "renovation",
            "old_completed_floor_area_combined",
            ["old_completed_floor_area", "old_started_floor_area"],
        ),
        (
            "renovation",
            "old_completed_households_combined",
            ["old_completed_households", "old_started_households"],
        ),
    ];
    for (chart, key, inputs) in cases {
        let spec = CHARTS.iter().find(|spec| spec.id == chart).unwrap();
        for lang in [Lang::Zh, Lang::En] {
            let scene = (spec.layout)(&dataset, 768.0, lang).unwrap();
            let item = &scene.items[scene.index_of(key).unwrap()];
            let quoted: Vec<&str> = item.details.sources.iter().map(|s| s.zh.as_str()).collect();
            let expected: Vec<String> = inputs.iter().map(|id| sentence(id)).collect();
            assert_eq!(quoted, expected, "{key} {lang:?}");
            assert!(item
                .details
                .sources
                .iter()
                .all(|s| s.en.is_some() == (lang == Lang::En)));
        }
    }
}

#[test]
fn a_legend_lists_only_the_kinds_of_claim_its_chart_draws() {
    let dataset = dataset();
    let texts = |id: &str| {
        let chart = CHARTS.iter().find(|chart| chart.id == id).unwrap();
        let scene = (chart.layout)(&dataset, 390.0, Lang::Zh).unwrap();
        text_bounds(&scene)
            .into_iter()
            .map(|(text, _)| text)
            .collect::<Vec<_>>()
    };
    // The investment chart draws one planned project and a derived remainder.
    let investment = texts("investment");
    for shown in ["计划", "派生数据"] {
        assert!(investment.iter().any(|t| t == shown), "{investment:?}");
    }
    for absent in ["已实现", "目标"] {
        assert!(!investment.iter().any(|t| t == absent), "{investment:?}");
    }
    // The ladder mixes results, plans and targets.
    let ladder = texts("scale");
    for shown in ["已实现", "计划", "目标"] {
        assert!(ladder.iter().any(|t| t == shown), "{ladder:?}");
    }
}

#[test]
fn renovation_bars_compare_completed_with_started_and_derive_totals() {
    let dataset = dataset();
    let scene = banan_infographic::charts::renovation::layout(&dataset, 768.0, Lang::Zh).unwrap();
    let lengths: Vec<f64> = boxes_of_height(&scene, 22.0)
        .iter()
        .map(|r| r.width)
        .collect();
    // Counts: 12 and 15 on their own scale; floor area and households with their sums.
    assert_eq!(lengths.len(), 8);
    assert!((lengths[0] / lengths[1] - 12.0 / 15.0).abs() < 1e-9);
    assert!((lengths[2] / lengths[4] - 49.82 / (49.82 + 67.79)).abs() < 1e-9);
    assert!((lengths[6] / lengths[7] - 10732.0 / 16443.0).abs() < 1e-9);
    let households = scene
        .items
        .iter()
        .find(|item| item.key == "old_completed_households_combined")
        .unwrap();
    assert_eq!(households.details.value.as_deref(), Some("16443户"));
    assert!(
        scene
            .items
            .iter()
            .all(|item| item.key != "old_completed_areas_combined"),
        "片区 and 小区 are not added"
    );
}

#[test]
fn the_rural_chart_draws_one_square_per_unit() {
    let dataset = dataset();
    let scene = banan_infographic::charts::rural::layout(&dataset, 390.0, Lang::Zh).unwrap();
    let squares = boxes_of_height(&scene, 10.0).len();
    assert_eq!(squares, 11 + 20 + 10 + 10);
}

#[test]
fn the_city_check_draws_eight_dimensions_and_no_scores() {
    let dataset = dataset();
    let scene = banan_infographic::charts::city_check::layout(&dataset, 390.0, Lang::Zh).unwrap();
    let dimensions = scene
        .items
        .iter()
        .filter(|item| item.key.starts_with("city_check_dimensions_named."))
        .count();
    assert_eq!(dimensions, 8);
    assert!(scene
        .items
        .iter()
        .all(|item| item.details.value.is_none() || item.key == "city_check_dimensions"));
}

/// From 640 px the eight dimensions are two rows of four tiles; narrower, as many tiles of at
/// least 140 px as fit, at any width a container may have (fractions of a pixel included).
#[test]
fn the_city_check_puts_four_dimensions_a_row_from_640_px() {
    let dataset = dataset();
    for tenth in 2800..=14400 {
        let width = f64::from(tenth) / 10.0;
        let scene = city_check::layout(&dataset, width, Lang::En).unwrap();
        let tiles: Vec<Rect> = scene
            .items
            .iter()
            .filter(|item| item.key.starts_with("city_check_dimensions_named."))
            .map(|item| item.bounds)
            .collect();
        let per_row = tiles.iter().filter(|tile| tile.y == tiles[0].y).count();
        let expected = if width >= 640.0 {
            4
        } else {
            // Tiles 8 px apart.
            (((width + 8.0) / 148.0).floor() as usize).clamp(1, 8)
        };
        assert_eq!(per_row, expected, "at {width} px");
    }
}

#[test]
fn hit_testing_finds_each_item_at_its_centre() {
    for (id, _, _, scene) in scenes().into_iter().step_by(3) {
        for (index, item) in scene.items.iter().enumerate() {
            let (x, y) = (
                item.bounds.x + item.bounds.width / 2.0,
                item.bounds.y + item.bounds.height / 2.0,
            );
            assert_eq!(scene.item_at(x, y), Some(index), "{id}: {}", item.key);
        }
        assert_eq!(scene.item_at(-5.0, -5.0), None);
    }
}

fn render_svg(scene: &Scene, theme: &Theme) -> String {
    render_svg_at(scene, theme, 1.0)
}

/// Drawn as on a canvas of `scale` device px per CSS px, as an image of its own.
fn render_svg_at(scene: &Scene, theme: &Theme, scale: f64) -> String {
    render_svg_over(scene, theme, scale, Backdrop::Filled)
}

fn render_svg_over(scene: &Scene, theme: &Theme, scale: f64, backdrop: Backdrop) -> String {
    let mut svg = String::new();
    {
        let size = (
            (scene.width * scale).round() as u32,
            (scene.height * scale).round() as u32,
        );
        let backend = SVGBackend::with_string(&mut svg, size);
        let area = backend.into_drawing_area();
        draw_scene(&area, scene, theme, scale, backdrop).expect("drawing to SVG works");
    }
    svg
}

/// The attributes of every `<rect>` of `svg`.
fn svg_rects(svg: &str) -> impl Iterator<Item = &str> {
    svg.split("<rect")
        .skip(1)
        .map(|element| element.split('>').next().unwrap_or_default())
}

/// The rectangles of `svg` that cover the whole canvas of `scene` at scale 1.
fn full_canvas_rects<'a>(svg: &'a str, scene: &Scene) -> Vec<&'a str> {
    svg_rects(svg)
        .filter(|element| {
            let number =
                |name| svg_attribute(element, name).map_or(-1.0, |v| v.parse::<f64>().unwrap());
            number("x") == 0.0
                && number("y") == 0.0
                && number("width") >= scene.width.round()
                && number("height") >= scene.height.round()
        })
        .collect()
}

#[test]
fn only_an_image_of_its_own_paints_the_background() {
    // The page's canvas leaves it to the page behind it; a PNG or a preview carries it.
    for (id, _, _, scene) in scenes().into_iter().step_by(5) {
        for theme in [Theme::light(), Theme::dark()] {
            let (r, g, b) = (theme.background.0, theme.background.1, theme.background.2);
            let colour = format!("fill=\"#{r:02X}{g:02X}{b:02X}\"");
            let filled_svg = render_svg_over(&scene, &theme, 1.0, Backdrop::Filled);
            let filled = full_canvas_rects(&filled_svg, &scene);
            assert_eq!(filled.len(), 1, "{id}: {filled:?}");
            assert!(
                filled[0].contains(&colour),
                "{id}: {} not in {}",
                colour,
                filled[0]
            );
            let transparent_svg = render_svg_over(&scene, &theme, 1.0, Backdrop::Transparent);
            let transparent = full_canvas_rects(&transparent_svg, &scene);
            assert_eq!(transparent, Vec::<&str>::new(), "{id}");
        }
    }
}

/// The value of `name="…"` in one SVG element.
fn svg_attribute<'a>(element: &'a str, name: &str) -> Option<&'a str> {
    let start = element.find(&format!(" {name}=\""))? + name.len() + 3;
    element[start..].split('"').next()
}

#[test]
fn every_box_and_outline_is_drawn_whole_inside_the_canvas() {
    // A stroke is centred on its path: an outline stroked along the canvas's edge loses its
    // outer half (tiles against the right edge showed no right side at a pixel ratio of 1).
    for (id, width, lang, scene) in scenes() {
        for scale in [1.0, 2.0, 3.0] {
            let svg = render_svg_at(&scene, &Theme::light(), scale);
            let (canvas_width, canvas_height) = (
                (scene.width * scale).round(),
                (scene.height * scale).round(),
            );
            for element in svg_rects(&svg) {
                let number =
                    |name| svg_attribute(element, name).map_or(0.0, |v| v.parse::<f64>().unwrap());
                let stroked = svg_attribute(element, "stroke").is_some_and(|s| s != "none");
                let half_stroke = if stroked {
                    svg_attribute(element, "stroke-width")
                        .map_or(1.0, |v| v.parse::<f64>().unwrap())
                        / 2.0
                } else {
                    0.0
                };
                let (x, y) = (number("x"), number("y"));
                let (right, bottom) = (x + number("width"), y + number("height"));
                assert!(
                    x - half_stroke >= 0.0
                        && y - half_stroke >= 0.0
                        && right + half_stroke <= canvas_width
                        && bottom + half_stroke <= canvas_height,
                    "{id} at {width} px ({lang:?}), scale {scale}: <rect{element}> is not whole \
                     inside the {canvas_width}×{canvas_height} canvas"
                );
            }
        }
    }
}

/// Compares with `tests/snapshots/NAME.svg`. A changed drawing, or one without a snapshot, is
/// written beside it as `NAME-changed.svg` for review and fails the test; `UPDATE_SNAPSHOTS=1`
/// accepts it (writes `NAME.svg`).
fn assert_snapshot(name: &str, svg: &str) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let path = dir.join(format!("{name}.svg"));
    let changed = dir.join(format!("{name}-changed.svg"));
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let expected = std::fs::read_to_string(&path).ok();
    if expected.as_deref() == Some(svg) {
        let _ = std::fs::remove_file(&changed);
        return;
    }
    if update {
        std::fs::write(&path, svg).unwrap();
        let _ = std::fs::remove_file(&changed);
        return;
    }
    std::fs::write(&changed, svg).unwrap();
    let what = if expected.is_some() {
        "the drawing changed"
    } else {
        "no snapshot yet"
    };
    panic!(
        "{name}: {what}; review {} and rerun with UPDATE_SNAPSHOTS=1",
        changed.display()
    );
}

#[test]
fn snapshots() {
    let dataset = dataset();
    for chart in &CHARTS {
        for (width, lang, theme) in [
            (390.0, Lang::Zh, Theme::light()),
            (1280.0, Lang::En, Theme::dark()),
        ] {
            let scene = (chart.layout)(&dataset, width, lang).unwrap();
            let svg = render_svg(&scene, &theme);
            assert!(
                svg.matches("<rect").count() >= 3,
                "{}: nearly empty drawing",
                chart.id
            );
            assert_snapshot(
                &format!(
                    "{}-{}-{}",
                    chart.id,
                    width,
                    if theme.dark { "dark" } else { "light" }
                ),
                &svg,
            );
        }
    }
}

/// A combined total says it adds completed and started work; the heading compares this year's
/// work with the 12 areas the article counts as completed, not with "everything".
#[test]
fn renovation_totals_and_heading_say_what_they_add_and_compare() {
    let dataset = dataset();
    let scene = banan_infographic::charts::renovation::layout(&dataset, 768.0, Lang::En).unwrap();
    let title = |key: &str| {
        scene.items[scene.index_of(key).unwrap()]
            .details
            .title
            .clone()
    };
    assert_eq!(
        title("old_completed_floor_area_combined"),
        "Floor area: completed and started this year, combined"
    );
    assert_eq!(
        title("old_completed_households_combined"),
        "Households benefiting: completed and started this year, combined"
    );
    let spec = CHARTS.iter().find(|spec| spec.id == "renovation").unwrap();
    let heading = spec.title(&dataset, Lang::En);
    assert!(
        heading.ends_with("than the 12 areas completed so far"),
        "{heading}"
    );
    assert!(heading.contains("started this year (2022)"), "{heading}");
}
