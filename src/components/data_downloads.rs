//! The whole data set to take away: every figure as CSV, and the data file as JSON.
//!
//! A plain function rather than a component: it holds no state, as a failed download is reported
//! by writing into the row's alert line, so nothing re-renders.

use yew::prelude::*;

use crate::browser;
use crate::export::figures_csv;
use crate::lang::Lang;

use super::SharedDataset;

/// The row of page downloads; `path` is the data file's address.
pub fn data_downloads(dataset: &SharedDataset, path: AttrValue, lang: Lang) -> Html {
    let csv = {
        let dataset = dataset.clone();
        Callback::from(move |event: MouseEvent| {
            let text = figures_csv(&dataset.0);
            browser::report_download(
                &event,
                ".page-downloads",
                browser::download_text(&text, "banan-figures.csv", "text/csv;charset=utf-8"),
            );
        })
    };
    let json = Callback::from(move |event: MouseEvent| {
        let result = browser::download_url(&path, "banan-data.json");
        browser::report_download(&event, ".page-downloads", result);
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
