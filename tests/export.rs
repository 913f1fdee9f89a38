//! CSV exports: UTF-8 with a byte-order mark, one row per drawn item or stored figure, and they
//! read back to the data they came from.

use banan_infographic::charts::catalog::CHARTS;
use banan_infographic::data::{load_default, ARTICLE_TEXT};
use banan_infographic::export::{chart_csv, figures_csv, parse_csv, BOM};
use banan_infographic::lang::Lang;

#[test]
fn a_chart_csv_has_a_row_per_item_that_reads_back_to_its_details() {
    let dataset = load_default().unwrap();
    let article = ARTICLE_TEXT.replace('\n', "");
    for chart in &CHARTS {
        for lang in [Lang::Zh, Lang::En] {
            let scene = (chart.layout)(&dataset, 800.0, lang).unwrap();
            let csv = chart_csv(&scene, lang);
            assert!(csv.starts_with(BOM), "{}", chart.id);
            let rows = parse_csv(&csv);
            assert_eq!(rows.len(), scene.items.len() + 1, "{}", chart.id);
            for (row, item) in rows[1..].iter().zip(&scene.items) {
                assert_eq!(row.len(), 7);
                assert_eq!(row[0], item.key);
                assert_eq!(row[1], item.details.title);
                assert_eq!(row[2], item.details.value.clone().unwrap_or_default());
                for sentence in row[5].split('\n') {
                    assert!(article.contains(sentence), "{}: {sentence}", chart.id);
                }
                assert_eq!(row[6].is_empty(), lang == Lang::Zh);
            }
        }
    }
}

#[test]
fn the_figures_csv_round_trips_to_the_data() {
    let dataset = load_default().unwrap();
    let rows = parse_csv(&figures_csv(&dataset));
    assert_eq!(rows.len(), dataset.figures.len() + 1);
    let header = &rows[0];
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    for (row, figure) in rows[1..].iter().zip(&dataset.figures) {
        assert_eq!(row[column("id")], figure.id);
        assert_eq!(row[column("value")].parse::<f64>().unwrap(), figure.value);
        assert_eq!(row[column("unit")], figure.unit.symbol());
        assert_eq!(row[column("label_zh")], figure.label.zh);
        assert_eq!(row[column("source_zh")], figure.source.display_zh());
    }
}

#[test]
fn fields_with_commas_quotes_and_line_breaks_survive() {
    let mut dataset = load_default().unwrap();
    // A data file of the same shape may hold what the article's does not.
    let awkward = "a \"quoted\" label, with a comma\nand a line break";
    dataset.figures[0].label.en = awkward.to_owned();
    let csv = figures_csv(&dataset);
    assert!(csv.contains("\"a \"\"quoted\"\" label, with a comma\nand a line break\""));
    let rows = parse_csv(&csv);
    assert!(rows.iter().all(|row| row.len() == rows[0].len()));
    let label_en = rows[0].iter().position(|h| h == "label_en").unwrap();
    assert_eq!(rows[1][label_en], awkward);
    // The English renderings of the article's sentences hold commas.
    let source_en = rows[0].iter().position(|h| h == "source_en").unwrap();
    assert!(rows[1..].iter().any(|row| row[source_en].contains(',')));
}
