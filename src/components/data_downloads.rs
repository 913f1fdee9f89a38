//! The whole data set to take away: every figure as CSV, and the data file as JSON.
//!
//! A plain function rather than a component, to keep the download small: a failed download
//! is reported by writing into the row's alert line, so nothing re-renders.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::browser;
use crate::data::DEFAULT_DATA_JSON;
use crate::export::figures_csv;
use crate::lang::Lang;

use super::SharedDataset;

/// Shows `result`'s error, or clears an earlier one, in the alert line of the downloads row
/// around the button that `event` came from.
fn report(event: &MouseEvent, result: Result<(), String>) {
    let status = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|button| button.closest(".page-downloads").ok().flatten())
        .and_then(|row| row.query_selector(".download-status").ok().flatten());
    if let Some(status) = status {
        status.set_text_content(result.err().as_deref());
    }
}

/// The row of page downloads. `path` is the data file's path when it was fetched (`?data=`);
/// `None` offers the embedded file.
pub fn data_downloads(dataset: &SharedDataset, path: Option<AttrValue>, lang: Lang) -> Html {
    let csv = {
        let dataset = dataset.clone();
        Callback::from(move |event: MouseEvent| {
            let text = figures_csv(&dataset.0);
            report(
                &event,
                browser::download_text(&text, "banan-figures.csv", "text/csv;charset=utf-8"),
            );
        })
    };
    let json = Callback::from(move |event: MouseEvent| {
        let result = match &path {
            Some(path) => browser::download_url(path, "banan-data.json"),
            None => {
                browser::download_text(DEFAULT_DATA_JSON, "banan-data.json", "application/json")
            }
        };
        report(&event, result);
    });
    html! {
        <div class="page-downloads">
            <button type="button" class="tool-button" onclick={csv}>{ lang.pick("下载全部数字（CSV）", "All figures (CSV)") }</button>
            <button type="button" class="tool-button" onclick={json}>{ lang.pick("下载数据文件（JSON）", "Data file (JSON)") }</button>
            // Present from the start, so that screen readers announce a message put into it.
            <p class="download-status" role="alert"></p>
        </div>
    }
}
