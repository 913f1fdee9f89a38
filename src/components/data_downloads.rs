//! The whole data set to take away: every figure as CSV, and the data file as JSON.

use yew::prelude::*;

use crate::browser;
use crate::data::DEFAULT_DATA_JSON;
use crate::export::figures_csv;
use crate::lang::Lang;

use super::SharedDataset;

#[derive(Properties, PartialEq)]
pub struct DataDownloadsProps {
    pub dataset: SharedDataset,
    /// The data file's path when it was fetched (`?data=`); the embedded file otherwise.
    pub path: Option<AttrValue>,
    pub lang: Lang,
}

#[function_component(DataDownloads)]
pub fn data_downloads(props: &DataDownloadsProps) -> Html {
    let lang = props.lang;
    let failure = use_state_eq(|| None::<String>);
    let csv = {
        let (dataset, failure) = (props.dataset.clone(), failure.clone());
        Callback::from(move |_: MouseEvent| {
            let text = figures_csv(&dataset.0);
            failure.set(
                browser::download_text(&text, "banan-figures.csv", "text/csv;charset=utf-8").err(),
            );
        })
    };
    let json = {
        let (path, failure) = (props.path.clone(), failure.clone());
        Callback::from(move |_: MouseEvent| {
            let result = match &path {
                Some(path) => browser::download_url(path, "banan-data.json"),
                None => {
                    browser::download_text(DEFAULT_DATA_JSON, "banan-data.json", "application/json")
                }
            };
            failure.set(result.err());
        })
    };
    html! {
        <div class="page-downloads">
            <button type="button" class="tool-button" onclick={csv}>{ lang.pick("下载全部数字（CSV）", "All figures (CSV)") }</button>
            <button type="button" class="tool-button" onclick={json}>{ lang.pick("下载数据文件（JSON）", "Data file (JSON)") }</button>
            if let Some(failure) = &*failure {
                <p class="chart-message" role="alert">{ failure }</p>
            }
        </div>
    }
}
