//! CSV exports: UTF-8 with a byte-order mark, CRLF records (RFC 4180), one row per drawn item or
//! stored figure, and they read back to the data they came from. Read with the `csv` crate, not
//! with anything of ours, and checked byte by byte where a lenient reader would forgive.
#![cfg(not(target_arch = "wasm32"))]

use banan_infographic::charts::catalog::CHARTS;
use banan_infographic::charts::details::figure_value;
use banan_infographic::data::{load_default, Qualifier, ARTICLE_TEXT};
use banan_infographic::export::{chart_csv, figures_csv, BOM};
use banan_infographic::lang::Lang;

/// Every record of `body` ends in CRLF, and no CR or LF stands outside a quoted field except in
/// those CRLFs: a quote toggles the state (an escaped `""` toggles it twice).
fn assert_crlf_records(body: &str) {
    let bytes = body.as_bytes();
    let mut quoted = false;
    for (at, &byte) in bytes.iter().enumerate() {
        match byte {
            b'"' => quoted = !quoted,
            b'\r' if !quoted => assert_eq!(
                bytes.get(at + 1),
                Some(&b'\n'),
                "a CR outside quotes that does not end a record, at byte {at}"
            ),
            b'\n' if !quoted => assert!(
                at > 0 && bytes[at - 1] == b'\r',
                "a record ending in LF instead of CRLF, at byte {at}"
            ),
            _ => {}
        }
    }
    assert!(!quoted, "a quoted field is not closed");
    assert!(
        body.ends_with("\r\n"),
        "the last record does not end in CRLF"
    );
}

/// Reads our CSV with the `csv` crate: a BOM first, CRLF records, every record as wide as the
/// header (the crate refuses unequal lengths).
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let body = text
        .strip_prefix(BOM)
        .expect("the file starts with a UTF-8 byte-order mark");
    assert_crlf_records(body);
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body.as_bytes())
        .records()
        .map(|record| {
            record
                .expect("an RFC 4180 record")
                .iter()
                .map(String::from)
                .collect()
        })
        .collect()
}

#[test]
fn a_chart_csv_has_a_row_per_item_that_reads_back_to_its_details() {
    let dataset = load_default().unwrap();
    let article = ARTICLE_TEXT.replace('\n', "");
    let mut tagged = 0;
    for chart in &CHARTS {
        for lang in [Lang::Zh, Lang::En] {
            let scene = (chart.layout)(&dataset, 800.0, lang).unwrap();
            let rows = read_csv(&chart_csv(&scene, lang));
            assert_eq!(rows.len(), scene.items.len() + 1, "{}", chart.id);
            for (row, item) in rows[1..].iter().zip(&scene.items) {
                let details = &item.details;
                assert_eq!(row.len(), 7);
                assert_eq!(row[0], item.key);
                assert_eq!(row[1], details.title);
                assert_eq!(row[2], details.value.clone().unwrap_or_default());
                assert_eq!(row[3], details.tags.join(" · "), "{}: tags", item.key);
                tagged += usize::from(!row[3].is_empty());
                for sentence in row[5].split('\n') {
                    assert!(article.contains(sentence), "{}: {sentence}", chart.id);
                }
                assert_eq!(row[6].is_empty(), lang == Lang::Zh);
            }
        }
    }
    assert!(tagged > 0, "no item of any chart has a tag");
}

#[test]
fn the_figures_csv_round_trips_to_the_data() {
    let dataset = load_default().unwrap();
    let rows = read_csv(&figures_csv(&dataset));
    assert_eq!(rows.len(), dataset.figures.len() + 1);
    let header = &rows[0];
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    for (row, figure) in rows[1..].iter().zip(&dataset.figures) {
        let period = figure.period.as_ref();
        assert_eq!(row[column("id")], figure.id);
        assert_eq!(row[column("value")].parse::<f64>().unwrap(), figure.value);
        assert_eq!(row[column("unit")], figure.unit.symbol());
        assert_eq!(row[column("label_zh")], figure.label.zh);
        assert_eq!(row[column("label_en")], figure.label.en);
        let qualifier = match figure.qualifier {
            Qualifier::Exact => "exact",
            Qualifier::MoreThan => "more than",
            Qualifier::AtLeast => "at least",
            Qualifier::About => "about",
            Qualifier::Scale => "order of magnitude",
        };
        assert_eq!(row[column("qualifier")], qualifier);
        assert_eq!(row[column("status")], figure.status.json_name());
        assert_eq!(row[column("period_zh")], period.map_or("", |p| &p.zh));
        assert_eq!(row[column("period_en")], period.map_or("", |p| &p.en));
        assert_eq!(row[column("formatted_zh")], figure_value(figure, Lang::Zh));
        assert_eq!(row[column("formatted_en")], figure_value(figure, Lang::En));
        assert_eq!(row[column("written")], figure.written);
        assert_eq!(row[column("source_zh")], figure.source.display_zh());
        assert_eq!(row[column("source_en")], figure.source.text.en);
    }
    // The two formatted columns are not the same text twice: 215亿元 and CNY 21.5 billion.
    let investment = rows
        .iter()
        .find(|row| row[column("id")] == "major_projects_investment")
        .unwrap();
    assert!(investment[column("formatted_zh")].contains("215亿元"));
    assert!(investment[column("formatted_en")].contains("21.5 billion"));
}

#[test]
fn fields_with_commas_quotes_and_line_breaks_survive() {
    let mut dataset = load_default().unwrap();
    // A data file of the same shape may hold what the article's does not.
    let awkward = "a \"quoted\" label, with a comma\nand a line break";
    let carriage = "回车\r在中间";
    dataset.figures[0].label.en = awkward.to_owned();
    dataset.figures[0].label.zh = carriage.to_owned();
    let csv = figures_csv(&dataset);
    assert!(csv.contains("\"a \"\"quoted\"\" label, with a comma\nand a line break\""));
    assert!(
        csv.contains("\"回车\r在中间\""),
        "a field holding CR is quoted"
    );
    let rows = read_csv(&csv);
    let label_en = rows[0].iter().position(|h| h == "label_en").unwrap();
    let label_zh = rows[0].iter().position(|h| h == "label_zh").unwrap();
    assert_eq!(rows[1][label_en], awkward);
    assert_eq!(rows[1][label_zh], carriage);
    // The English renderings of the article's sentences hold commas.
    let source_en = rows[0].iter().position(|h| h == "source_en").unwrap();
    assert!(rows[1..].iter().any(|row| row[source_en].contains(',')));
}
