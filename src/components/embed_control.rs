//! The Embed control under the page and under each chart: the HTML an editor pastes into a CMS
//! (an iframe of the embedded graphic and our parent script; see `crate::embed`), in a
//! read-only box with a copy button. Inside an embed (`?embed=1`) it is not shown.

use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::browser;
use crate::charts::catalog;
use crate::embed::{base_of, estimated_heights, snippet};
use crate::lang::Lang;
use crate::query::parse_query;

use super::SharedDataset;

#[derive(Properties, PartialEq)]
pub struct EmbedControlProps {
    /// The chart to embed (its catalog id), or `None` for the whole page.
    #[prop_or_default]
    pub chart: Option<&'static str>,
    pub dataset: SharedDataset,
    pub lang: Lang,
}

/// What became of the last press of the copy button.
#[derive(Clone, Copy, PartialEq)]
enum Copy {
    Not,
    Done,
    /// The clipboard refused: the code is selected for the reader to copy.
    Refused,
}

#[function_component(EmbedControl)]
pub fn embed_control(props: &EmbedControlProps) -> Html {
    let embedded = use_memo((), |_| parse_query(&browser::location_search()).0.embed);
    let copy = use_state_eq(|| Copy::Not);
    let code_box = use_node_ref();
    let (chart, lang) = (props.chart, props.lang);
    let code = use_memo(
        (chart, lang, props.dataset.clone()),
        |(chart, lang, dataset)| {
            let spec = chart.and_then(catalog::find);
            let title = spec.map_or_else(
                || dataset.0.article.title.get(*lang).to_owned(),
                |spec| spec.title(&dataset.0, *lang),
            );
            let page = web_sys::window()
                .and_then(|window| window.location().href().ok())
                .unwrap_or_default();
            let heights = estimated_heights(&dataset.0, spec, *lang);
            snippet(&base_of(&page), *chart, &title, *lang, &heights)
        },
    );
    if *embedded {
        return Html::default();
    }

    let onclick = {
        let (copy, code_box, code) = (copy.clone(), code_box.clone(), code.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(code_box) = code_box.cast::<HtmlTextAreaElement>() {
                code_box.select();
            }
            let window = web_sys::window();
            // navigator.clipboard exists only in secure contexts (https, localhost).
            match window.filter(|window| window.is_secure_context()) {
                Some(window) => {
                    let promise = window.navigator().clipboard().write_text(&code);
                    let copy = copy.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        copy.set(match JsFuture::from(promise).await {
                            Ok(_) => Copy::Done,
                            Err(_) => Copy::Refused,
                        });
                    });
                }
                None => copy.set(Copy::Refused),
            }
        })
    };
    let key = chart.unwrap_or("page");
    let id = format!("embed-code-{key}");
    let summary = match chart {
        Some(_) => lang.pick("嵌入此图", "Embed this chart"),
        None => lang.pick("嵌入整个图解", "Embed the whole graphic"),
    };
    let status = match *copy {
        Copy::Not => "",
        Copy::Done => lang.pick("已复制。", "Copied."),
        Copy::Refused => lang.pick(
            "无法自动复制：代码已选中，请按 Ctrl+C（Mac：⌘C）。",
            "Could not copy automatically: the code is selected, press Ctrl+C (Mac: ⌘C).",
        ),
    };
    html! {
        <details class="embed-control" data-embed-for={key}>
            <summary>{ summary }</summary>
            <div class="embed-panel">
                <label for={id.clone()}>{ lang.pick(
                    "将以下代码粘贴到稿件的 HTML 中，图表会自动适应宽度和高度：",
                    "Paste this HTML into your story; the graphic fits its width and height by itself:",
                ) }</label>
                <textarea {id} class="embed-code" readonly=true rows="4" spellcheck="false"
                    ref={code_box} value={(*code).clone()} />
                <button type="button" class="embed-copy" {onclick}>{ lang.pick("复制代码", "Copy code") }</button>
                <span class="embed-status" role="status">{ status }</span>
            </div>
        </details>
    }
}
