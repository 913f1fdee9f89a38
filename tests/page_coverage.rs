//! Every entry of the data file reaches the page: each figure is an item of a chart or a
//! headline card with its value and sentence, each named item of a list is an item of a chart,
//! and each sentence is quoted by some item. What is stored and drawn nowhere fails here, so it
//! cannot be silently dropped again.

use std::rc::Rc;

use banan_infographic::charts::catalog::CHARTS;
use banan_infographic::charts::details::{figure_details, figure_value, quote};
use banan_infographic::charts::scene::Item;
use banan_infographic::components::headline_cards::GROUPS;
use banan_infographic::data::{load_default, Dataset, Source};
use banan_infographic::lang::Lang;

/// Everything a reader can point at in `lang`: every chart's items (their tooltips and data
/// table rows) and the headline cards (whose details open on hover, focus or tap).
fn page_items(dataset: &Dataset, lang: Lang) -> Vec<Item> {
    let mut items = Vec::new();
    for chart in &CHARTS {
        let scene = (chart.layout)(dataset, 1280.0, lang)
            .unwrap_or_else(|missing| panic!("{}: {missing}", chart.id));
        items.extend(scene.items);
    }
    for (_, ids) in GROUPS {
        for id in ids {
            let figure = dataset
                .figure(id)
                .unwrap_or_else(|missing| panic!("card: {missing}"));
            items.push(Item {
                key: figure.id.clone(),
                bounds: banan_infographic::charts::scene::Rect::new(0.0, 0.0, 0.0, 0.0),
                details: figure_details(figure, lang),
            });
        }
    }
    items
}

fn quotes(item: &Item, source: &Source, lang: Lang) -> bool {
    item.details
        .all_sources()
        .any(|cited| *cited == quote(source, lang))
}

/// The entries of `dataset` that no item of the page shows, named as the data file names them.
fn unreached(dataset: &Dataset) -> Vec<String> {
    let mut missing = Vec::new();
    for lang in [Lang::Zh, Lang::En] {
        let items = page_items(dataset, lang);
        for figure in &dataset.figures {
            let shown = items.iter().any(|item| {
                item.key == figure.id
                    && item.details.value.as_deref() == Some(figure_value(figure, lang).as_str())
                    && quotes(item, &figure.source, lang)
            });
            if !shown {
                missing.push(format!("figure \"{}\" ({lang:?})", figure.id));
            }
        }
        for list in &dataset.lists {
            for (index, named) in list.items.iter().enumerate() {
                let key = format!("{}.{index}", list.id);
                let shown = items.iter().any(|item| {
                    item.key == key
                        && item.details.title == named.name.get(lang)
                        && quotes(item, &list.source, lang)
                });
                if !shown {
                    missing.push(format!(
                        "list \"{}\", item {} ({lang:?})",
                        list.id,
                        index + 1
                    ));
                }
            }
        }
        for source in &dataset.sources {
            if !items.iter().any(|item| quotes(item, source, lang)) {
                missing.push(format!("source \"{}\" ({lang:?})", source.id));
            }
        }
    }
    missing
}

#[test]
fn every_entry_of_the_data_file_reaches_the_page() {
    let dataset = load_default().unwrap();
    let missing = unreached(&dataset);
    assert!(
        missing.is_empty(),
        "on no part of the page:\n{}",
        missing.join("\n")
    );
}

/// The check above can fail: an entry added to the data and drawn nowhere is named.
#[test]
fn an_entry_drawn_nowhere_is_named() {
    let mut dataset = load_default().unwrap();
    let mut figure = dataset.figures[0].clone();
    figure.id = "drawn_nowhere".into();
    dataset.figures.push(figure);
    let mut list = dataset.lists[0].clone();
    list.id = "listed_nowhere".into();
    dataset.lists.push(list);
    let mut source = (*dataset.sources[0]).clone();
    source.id = "quoted_nowhere".into();
    source.text.zh.push('。');
    dataset.sources.push(Rc::new(source));
    let missing = unreached(&dataset);
    for entry in [
        "figure \"drawn_nowhere\" (Zh)",
        "list \"listed_nowhere\", item 1 (En)",
        "source \"quoted_nowhere\" (Zh)",
    ] {
        assert!(missing.iter().any(|m| m == entry), "{entry}: {missing:?}");
    }
}
