//! The Embed control under the page and under each chart: the HTML an editor pastes into a CMS
//! (an iframe of the embedded graphic and our parent script; see `crate::embed`), in a
//! read-only box with a copy button, and the address to share (for social media, and for a CMS
//! that embeds by oEmbed): a chart's share page, or the edition's own page for the whole graphic.
//! Not shown inside an embed (`?embed=1`).
//!
//! A plain function rather than a component: it holds no state, as the snippet and the link are
//! made when the panel is opened and written straight into it, and the copy button reports in the
//! panel's status line, so nothing re-renders.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, HtmlDetailsElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::browser;
use crate::charts::catalog::ChartSpec;
use crate::embed::{base_of, graphic_snippet, shared_path};
use crate::lang::Lang;

use super::SharedDataset;

/// The graphic's folder address (ending in `/`), from this page's address.
fn graphic_base() -> String {
    let folder = browser::page_url().and_then(|page| browser::resolve_url("./", &page.href));
    folder.as_ref().map(base_of).unwrap_or_default()
}

/// The element of class `class` in the panel around `target`.
fn in_panel(target: Option<web_sys::EventTarget>, class: &str) -> Option<Element> {
    target?
        .dyn_into::<Element>()
        .ok()?
        .closest(".embed-control")
        .ok()??
        .query_selector(class)
        .ok()?
}

/// The Embed control of one chart, or of the whole graphic (`chart` = `None`).
pub fn embed_control(
    chart: Option<&'static ChartSpec>,
    dataset: &SharedDataset,
    lang: Lang,
    embedded: bool,
) -> Html {
    if embedded {
        return Html::default();
    }
    let ontoggle = {
        let dataset = dataset.clone();
        Callback::from(move |event: Event| {
            // The listener is on the <details>, and toggle does not bubble.
            let details = event.target_unchecked_into::<HtmlDetailsElement>();
            if !details.open() {
                return;
            }
            let base = graphic_base();
            let code_box = in_panel(event.target(), "textarea")
                .map(JsCast::unchecked_into::<HtmlTextAreaElement>);
            if let Some(code_box) = code_box {
                code_box.set_value(&graphic_snippet(&base, &dataset.0, chart, lang));
            }
            let share_link = in_panel(event.target(), ".embed-share-link");
            if let Some(link) = share_link {
                let address = format!("{base}{}", shared_path(chart, lang));
                let _ = link.set_attribute("href", &address);
                link.set_text_content(Some(&address));
            }
        })
    };
    let onclick = Callback::from(move |event: MouseEvent| {
        let code_box =
            in_panel(event.target(), "textarea").map(JsCast::unchecked_into::<HtmlTextAreaElement>);
        let status = in_panel(event.target(), ".embed-status");
        let (Some(code_box), Some(status)) = (code_box, status) else {
            return;
        };
        code_box.select();
        let refused = lang.pick(
            "无法自动复制：代码已选中，请按 Ctrl+C（Mac：⌘C）。",
            "Could not copy automatically: the code is selected, press Ctrl+C (Mac: ⌘C).",
        );
        // navigator.clipboard exists only in secure contexts (https, localhost).
        match web_sys::window().filter(|window| window.is_secure_context()) {
            Some(window) => {
                let promise = window.navigator().clipboard().write_text(&code_box.value());
                wasm_bindgen_futures::spawn_local(async move {
                    let copied = JsFuture::from(promise).await.is_ok();
                    status.set_text_content(Some(if copied {
                        lang.pick("已复制。", "Copied.")
                    } else {
                        refused
                    }));
                });
            }
            None => status.set_text_content(Some(refused)),
        }
    });
    let key = chart.map_or("page", |spec| spec.id);
    let id = format!("embed-code-{key}");
    let summary = match chart {
        Some(_) => lang.pick("嵌入此图", "Embed this chart"),
        None => lang.pick("嵌入整个图解", "Embed the whole graphic"),
    };
    html! {
        <details class="embed-control" data-embed-for={key} {ontoggle}>
            <summary>{ summary }</summary>
            <div class="embed-panel">
                <label for={id.clone()}>{ lang.pick(
                    "将以下代码粘贴到稿件的 HTML 中，图表会自动适应宽度和高度：",
                    "Paste this HTML into your story; the graphic fits its width and height by itself:",
                ) }</label>
                <textarea {id} class="embed-code" readonly=true rows="6" spellcheck="false" />
                <button type="button" class="embed-copy" {onclick}>{ lang.pick("复制代码", "Copy code") }</button>
                <span class="embed-status" role="status"></span>
                // Filled in when the panel opens, as the snippet is.
                <p class="embed-share">
                    { lang.pick(
                        "分享或用 oEmbed 嵌入时的链接：",
                        "Link to share, or to embed by oEmbed: ",
                    ) }
                    <a class="embed-share-link"></a>
                </p>
            </div>
        </details>
    }
}
