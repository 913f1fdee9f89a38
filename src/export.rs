//! What readers can take away: CSV of a chart or of all figures (UTF-8 with a byte-order mark,
//! so spreadsheet programs read the Chinese correctly), with the source sentence in a column.

use crate::charts::details::figure_value;
use crate::charts::scene::Scene;
use crate::data::Dataset;
use crate::format::{qualifier_label, status_label};
use crate::lang::Lang;

/// The byte-order mark that tells spreadsheet programs the file is UTF-8.
pub const BOM: &str = "\u{feff}";

/// Quotes a CSV field when it needs it (RFC 4180).
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

fn row(fields: &[&str]) -> String {
    let mut line = fields
        .iter()
        .map(|f| field(f))
        .collect::<Vec<_>>()
        .join(",");
    line.push_str("\r\n");
    line
}

/// Every item a chart draws, with its details and source.
pub fn chart_csv(scene: &Scene, lang: Lang) -> String {
    let header = match lang {
        Lang::Zh => ["编号", "项目", "数值", "说明", "备注", "原文", "原文英译"],
        Lang::En => [
            "key",
            "item",
            "value",
            "tags",
            "note",
            "source (Chinese)",
            "source (English)",
        ],
    };
    let mut csv = String::from(BOM);
    csv.push_str(&row(&header));
    for item in &scene.items {
        let details = &item.details;
        let note = details
            .note
            .iter()
            .chain(&details.related)
            .cloned()
            .collect::<Vec<_>>()
            .join(" ");
        let tags = details.tags.join(" · ");
        // Several sentences (a derived figure's) share the cell, one a line.
        let source_zh = details
            .all_sources()
            .map(|source| source.zh.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        let source_en = details
            .all_sources()
            .filter_map(|source| source.en.as_deref())
            .collect::<Vec<_>>()
            .join("\n");
        csv.push_str(&row(&[
            &item.key,
            &details.title,
            details.value.as_deref().unwrap_or(""),
            &tags,
            &note,
            &source_zh,
            &source_en,
        ]));
    }
    csv
}

/// Every figure of the data set, as stored and as formatted, with its sentence.
pub fn figures_csv(dataset: &Dataset) -> String {
    let mut csv = String::from(BOM);
    csv.push_str(&row(&[
        "id",
        "label_zh",
        "label_en",
        "value",
        "unit",
        "qualifier",
        "status",
        "period_zh",
        "period_en",
        "formatted_zh",
        "formatted_en",
        "written",
        "source_zh",
        "source_en",
    ]));
    for figure in &dataset.figures {
        let value = figure.value.to_string();
        let unit = figure.unit.symbol();
        let (period_zh, period_en) = figure
            .period
            .as_ref()
            .map_or(("", ""), |p| (p.zh.as_str(), p.en.as_str()));
        let qualifier = qualifier_label(figure.qualifier, Lang::En);
        csv.push_str(&row(&[
            &figure.id,
            &figure.label.zh,
            &figure.label.en,
            &value,
            unit,
            if qualifier.is_empty() {
                "exact"
            } else {
                qualifier
            },
            status_label(figure.status, Lang::En),
            period_zh,
            period_en,
            &figure_value(figure, Lang::Zh),
            &figure_value(figure, Lang::En),
            &figure.written,
            &figure.source.display_zh(),
            &figure.source.text.en,
        ]));
    }
    csv
}
