//! The article's title and dek, with the language switch.

use yew::prelude::*;

use crate::data::ArticleMeta;
use crate::lang::Lang;

/// The header; a plain function, as it has no state of its own.
pub fn page_header(article: &ArticleMeta, lang: Lang, on_lang: &Callback<Lang>) -> Html {
    let button = |target: Lang, label: &'static str| {
        let on_lang = on_lang.clone();
        html! {
            <button type="button" class="lang-button" lang={target.tag()}
                aria-pressed={if lang == target { "true" } else { "false" }}
                onclick={Callback::from(move |_| on_lang.emit(target))}>{ label }</button>
        }
    };
    html! {
        <header class="page-header">
            <nav class="lang-switch" aria-label={lang.pick("语言", "Language")}>
                { button(Lang::Zh, "中文") }
                { button(Lang::En, "English") }
            </nav>
            <h1 class="page-title">{ article.title.get(lang) }</h1>
            <p class="page-dek">{ article.dek.get(lang) }</p>
        </header>
    }
}
