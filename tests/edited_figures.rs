//! Charts after an editor changes a figure (README, "Changing a figure"): the real data file
//! with some values replaced, so that the layouts meet what the article's own figures never
//! reach (a sum with more digits than its parts, a count longer than a row of squares, a year
//! whose work is smaller than or equal to what was done before) and still draw it truthfully.

use banan_infographic::charts::catalog::CHARTS;
use banan_infographic::charts::renovation;
use banan_infographic::charts::rural;
use banan_infographic::charts::scene::{Mark, Rect, Scene};
use banan_infographic::data::{load_default, Dataset};
use banan_infographic::lang::Lang;
use scene_marks::boxes_of_height;

mod scene_marks;

const WIDTHS: [f64; 7] = [288.0, 320.0, 360.0, 390.0, 768.0, 1280.0, 1440.0];

/// The real data with the figures `changes` names set to new values.
fn edited(changes: &[(&str, f64)]) -> Dataset {
    let mut dataset = load_default().expect("the default data is valid");
    for (id, value) in changes {
        let figure = dataset
            .figures
            .iter_mut()
            .find(|figure| figure.id == *id)
            .unwrap_or_else(|| panic!("no figure {id}"));
        figure.value = *value;
    }
    dataset
}

fn how(scene: &Scene, key: &str) -> String {
    let index = scene
        .index_of(key)
        .unwrap_or_else(|| panic!("no item {key}"));
    scene.items[index]
        .details
        .note
        .clone()
        .expect("a derived figure says how")
}

#[test]
fn a_combined_total_says_which_phase_is_larger_and_by_how_much() {
    let key = "old_completed_households_combined";
    // The article: 5,711 households completed, 10,732 this year; then fewer this year (the gap
    // is never a negative "more"), then the same.
    let cases = [
        (
            5711.0,
            10732.0,
            "今年开工比已完成多5021户。",
            "this year’s work is 5,021 households more than the completed.",
        ),
        (
            10732.0,
            5711.0,
            "今年开工比已完成少5021户。",
            "the completed work exceeds this year’s by 5,021 households.",
        ),
        (
            5711.0,
            5711.0,
            "今年开工与已完成相同。",
            "this year’s work is the same as the completed.",
        ),
    ];
    for (completed, started, zh_end, en_end) in cases {
        let dataset = edited(&[
            ("old_completed_households", completed),
            ("old_started_households", started),
        ]);
        for (lang, end) in [(Lang::Zh, zh_end), (Lang::En, en_end)] {
            let note = how(&renovation::layout(&dataset, 390.0, lang).unwrap(), key);
            assert!(note.ends_with(end), "{completed} and {started}: {note}");
        }
    }
}

#[test]
fn the_renovation_heading_says_larger_only_when_this_years_work_is_larger() {
    assert!(renovation::headline(&edited(&[]), Lang::Zh).is_some());
    for lang in [Lang::Zh, Lang::En] {
        // Equal floor area: "covers more floor area" would be false.
        let equal = edited(&[("old_started_floor_area", 49.82)]);
        assert_eq!(renovation::headline(&equal, lang), None);
        let smaller = edited(&[("old_started_households", 5000.0)]);
        assert_eq!(renovation::headline(&smaller, lang), None);
    }
}

#[test]
fn renovation_value_labels_stay_inside_when_a_sum_has_more_digits_than_its_parts() {
    // 6,000 + 5,000 = 11,000: the total's label is the widest of the chart.
    let dataset = edited(&[
        ("old_completed_households", 6000.0),
        ("old_started_households", 5000.0),
    ]);
    for width in WIDTHS {
        for lang in [Lang::Zh, Lang::En] {
            let scene = renovation::layout(&dataset, width, lang).unwrap();
            for mark in &scene.marks {
                if let Mark::Text(text) = mark {
                    let bounds = text.bounds();
                    assert!(
                        bounds.x >= 0.0 && bounds.right() <= width + 1e-9,
                        "{width} {lang:?}: {:?} at {bounds:?} is cut",
                        text.text
                    );
                }
            }
        }
    }
}

#[test]
fn renovation_bars_keep_room_to_compare_at_every_width() {
    // The longest bar of a measure spans its whole bar area: never squeezed under 120 px beside
    // labels that could have gone above it.
    let dataset = edited(&[]);
    for width in WIDTHS {
        for lang in [Lang::Zh, Lang::En] {
            let scene = renovation::layout(&dataset, width, lang).unwrap();
            let longest = boxes_of_height(&scene, 22.0)
                .iter()
                .map(|bar| bar.width)
                .fold(0.0, f64::max);
            assert!(
                longest >= 120.0,
                "{width} {lang:?}: longest bar {longest} px"
            );
        }
    }
}

#[test]
fn a_count_longer_than_a_row_wraps_its_squares_in_whole_tens_inside_its_item() {
    // 45 green-food enterprises: more squares than a phone's row holds.
    let dataset = edited(&[("green_food_enterprises", 45.0)]);
    for width in WIDTHS {
        for lang in [Lang::Zh, Lang::En] {
            let scene = rural::layout(&dataset, width, lang).unwrap();
            let item = &scene.items[scene.index_of("green_food_enterprises").unwrap()].bounds;
            let squares: Vec<Rect> = boxes_of_height(&scene, 10.0)
                .into_iter()
                .filter(|square| square.overlaps(item))
                .collect();
            let at = format!("{width} {lang:?}");
            assert_eq!(squares.len(), 45, "{at}");
            for (index, square) in squares.iter().enumerate() {
                assert!(
                    item.encloses(square) && square.right() <= width,
                    "{at}: square {index} at {square:?} outside {item:?}"
                );
                for other in &squares[index + 1..] {
                    assert!(!square.overlaps(other), "{at}: {square:?} and {other:?}");
                }
            }
            // Rows fill left to right, top to bottom, in whole tens but the last.
            let mut rows: Vec<(f64, usize)> = Vec::new();
            for square in &squares {
                match rows.last_mut() {
                    Some((top, count)) if *top == square.y => *count += 1,
                    _ => rows.push((square.y, 1)),
                }
            }
            assert!(rows.len() >= 2 || width >= 768.0, "{at}: {rows:?}");
            assert!(rows.windows(2).all(|pair| pair[0].0 < pair[1].0), "{at}");
            let (last, full) = rows.split_last().unwrap();
            assert!(
                full.iter()
                    .all(|(_, count)| count % 10 == 0 && *count == full[0].1),
                "{at}: {rows:?}"
            );
            assert!(last.1 <= rows[0].1, "{at}: {rows:?}");
            // A wider gap after each ten.
            let gaps: Vec<f64> = squares[..rows[0].1]
                .windows(2)
                .map(|pair| pair[1].x - pair[0].x)
                .collect();
            for (index, gap) in gaps.iter().enumerate() {
                let wider = (index + 1) % 10 == 0;
                assert_eq!(*gap > gaps[0] + 1e-9, wider, "{at}: gap {index} {gaps:?}");
            }
        }
    }
}

#[test]
fn a_row_of_squares_holds_every_ten_that_fits() {
    // At every width from 260 to 800 px: a full row would not have room for one more ten
    // (the gap between tens and a ten's span), and no row is wider than the chart.
    let dataset = edited(&[("green_food_enterprises", 45.0)]);
    let squares_at = |width: f64| {
        let scene = rural::layout(&dataset, width, Lang::Zh).unwrap();
        let item = scene.items[scene.index_of("green_food_enterprises").unwrap()].bounds;
        boxes_of_height(&scene, 10.0)
            .into_iter()
            .filter(|square| square.overlaps(&item))
            .collect::<Vec<Rect>>()
    };
    // A ten's span and the gap between tens, from a desktop's single row.
    let wide = squares_at(1280.0);
    let ten_span = wide[9].right() - wide[0].x;
    let between_tens = wide[10].x - wide[9].right();
    for width in (260..=800).map(f64::from) {
        let squares = squares_at(width);
        let first_row: Vec<&Rect> = squares.iter().filter(|s| s.y == squares[0].y).collect();
        let row_right = first_row.last().unwrap().right();
        assert!(row_right <= width, "{width}: a row {row_right} px wide");
        if first_row.len() < squares.len() {
            assert!(
                row_right + between_tens + ten_span > width,
                "{width}: {} squares a row, room for ten more",
                first_row.len()
            );
        }
    }
}

#[test]
fn on_a_narrow_phone_renovation_labels_sit_above_their_bars_inside_their_rows() {
    // Where the labels leave the bars too little room beside them (a 288-px English page),
    // each row is its label, then its bar, a few px apart, and hovering the row finds both.
    let dataset = edited(&[]);
    let mut stacked_rows = 0;
    for width in WIDTHS {
        for lang in [Lang::Zh, Lang::En] {
            let scene = renovation::layout(&dataset, width, lang).unwrap();
            let bars = boxes_of_height(&scene, 22.0);
            for item in &scene.items {
                let Some(bar) = bars.iter().find(|bar| item.bounds.encloses(bar)) else {
                    continue;
                };
                if bar.x > 0.0 {
                    continue; // labels beside the bars
                }
                stacked_rows += 1;
                let at = format!("{width} {lang:?} {}", item.key);
                let label = scene
                    .marks
                    .iter()
                    .filter_map(|mark| match mark {
                        Mark::Text(text) if text.x == 0.0 => Some(text.bounds()),
                        _ => None,
                    })
                    .find(|text| text.overlaps(&item.bounds))
                    .unwrap_or_else(|| panic!("{at}: no label"));
                assert!(item.bounds.encloses(&label), "{at}: label {label:?}");
                assert!(label.bottom() <= bar.y, "{at}: {label:?} over {bar:?}");
                // A few px, and at least 2, so a bar never touches the next row's label.
                let (above, below) = (label.y - item.bounds.y, item.bounds.bottom() - bar.bottom());
                assert!(
                    (2.0..=8.0).contains(&above) && (2.0 - 1e-9..=8.0).contains(&below),
                    "{at}: {above} px above, {below} below"
                );
            }
        }
    }
    assert!(stacked_rows >= 8, "no narrow layout was tested");
}

/// The new-display chart's heading gives the cluster's figures from the data (35家, 500亿级 in
/// the article), so it follows an edited figure instead of keeping the old one.
#[test]
fn the_display_heading_states_the_clusters_figures_from_the_data() {
    let spec = CHARTS.iter().find(|chart| chart.id == "display").unwrap();
    let article = edited(&[]);
    assert_eq!(
        spec.title(&article, Lang::Zh),
        "新型显示产业集群：已聚集链上规模企业35家，目标打造500亿元级"
    );
    assert_eq!(
        spec.title(&article, Lang::En),
        "The new-display cluster: 35 enterprises of scale gathered so far, and a CNY 50-billion scale cluster as the goal"
    );
    let changed = edited(&[("display_chain_enterprises", 40.0)]);
    for lang in [Lang::Zh, Lang::En] {
        let title = spec.title(&changed, lang);
        assert!(title.contains("40") && !title.contains("35"), "{title}");
    }
}

/// The texts of `scene`'s marks, in order.
fn texts(scene: &Scene) -> Vec<&str> {
    scene
        .marks
        .iter()
        .filter_map(|mark| match mark {
            Mark::Text(text) => Some(text.text.as_str()),
            _ => None,
        })
        .collect()
}

/// The clusters chart counts its clusters and their industries from the data (五大产业集群,
/// 2大新兴产业, 3大优势产业 in the article; in words in English prose) in its heading, its chart
/// heading and the note that says the split is our reading, so an edit reaches all three.
#[test]
fn the_clusters_counts_in_every_heading_follow_the_data() {
    use banan_infographic::charts::clusters;
    let spec = CHARTS.iter().find(|chart| chart.id == "clusters").unwrap();
    let article = edited(&[]);
    assert_eq!(
        spec.title(&article, Lang::Zh),
        "五大产业集群：文章具体列出2大新兴产业、3大优势产业，另培育未来产业和生产性服务业"
    );
    assert_eq!(
        spec.title(&article, Lang::En),
        "Five industry clusters: the article goes on to name two emerging and three advantage industries, and future industries and producer services to cultivate"
    );
    let scene = clusters::layout(&article, 1440.0, Lang::Zh).unwrap();
    assert_eq!(
        texts(&scene)[0],
        "五大产业集群 = 2大新兴产业 + 3大优势产业（据文意）"
    );
    let scene = clusters::layout(&article, 1440.0, Lang::En).unwrap();
    assert_eq!(
        texts(&scene)[1],
        "Also: strengthen five leading industry chains (the article does not name them)"
    );

    let mut changed = edited(&[
        ("industry_cluster_count", 6.0),
        ("advantage_industry_count", 4.0),
    ]);
    for figure in &mut changed.figures {
        match figure.id.as_str() {
            "industry_cluster_count" => figure.written = "六大产业集群".into(),
            "advantage_industry_count" => figure.written = "4大优势产业".into(),
            _ => {}
        }
    }
    let title = spec.title(&changed, Lang::Zh);
    assert!(
        title.starts_with("六大产业集群：") && title.contains("、4大优势产业"),
        "{title}"
    );
    let title = spec.title(&changed, Lang::En);
    assert!(
        title.starts_with("Six industry clusters: ") && title.contains(" and four advantage"),
        "{title}"
    );

    let scene = clusters::layout(&changed, 1440.0, Lang::En).unwrap();
    assert_eq!(
        texts(&scene)[0],
        "Six industry clusters = 2 emerging + 4 advantage industries (as we read the article)"
    );
    let note = how(&scene, "industry_cluster_count");
    assert!(
        note.starts_with("That the six clusters are the two emerging and four advantage"),
        "{note}"
    );
    let scene = clusters::layout(&changed, 1440.0, Lang::Zh).unwrap();
    assert_eq!(
        texts(&scene)[0],
        "六大产业集群 = 2大新兴产业 + 4大优势产业（据文意）"
    );
    let note = how(&scene, "industry_cluster_count");
    assert!(
        note.starts_with("六大产业集群即“具体来讲”后列出的2大新兴产业和4大优势产业："),
        "{note}"
    );
}

/// The city check's heading spells a count under ten out at the start of the English line
/// ("Eight dimensions"), and gives a larger one in digits.
#[test]
fn the_city_check_heading_spells_its_count_out_in_english() {
    use banan_infographic::charts::city_check;
    let heading = |dataset: &Dataset| {
        let scene = city_check::layout(dataset, 1440.0, Lang::En).unwrap();
        texts(&scene)[0].to_owned()
    };
    assert_eq!(
        heading(&edited(&[])),
        "Eight dimensions set by the housing ministry (the article gives no scores)"
    );
    assert!(heading(&edited(&[("city_check_dimensions", 12.0)])).starts_with("12 dimensions "));
    let scene = city_check::layout(&edited(&[]), 1440.0, Lang::Zh).unwrap();
    assert_eq!(texts(&scene)[0], "住建部确定的8个维度（文章未给出评分）");
}
