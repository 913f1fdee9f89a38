//! The article's title and dek, with links to the two editions.

use yew::prelude::*;

use crate::data::ArticleMeta;
use crate::lang::Lang;

/// The header; a plain function, as it has no state of its own. `other_edition` is the address
/// of the other language's edition (relative to the graphic's root, the page's base).
pub fn page_header(article: &ArticleMeta, lang: Lang, other_edition: &AttrValue) -> Html {
    let link = |target: Lang, label: &'static str| {
        if lang == target {
            html! { <span class="lang-link" lang={target.tag()} aria-current="page">{ label }</span> }
        } else {
            html! { <a class="lang-link" lang={target.tag()} hreflang={target.tag()} href={other_edition.clone()}>{ label }</a> }
        }
    };
    html! {
        <header class="page-header">
            <nav class="lang-switch" aria-label={lang.pick("语言", "Language")}>
                { link(Lang::Zh, "中文") }
                { link(Lang::En, "English") }
            </nav>
            <h1 class="page-title">{ article.title.get(lang) }</h1>
            <p class="page-dek">{ article.dek.get(lang) }</p>
        </header>
    }
}
