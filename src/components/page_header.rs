//! The article's title and dek, with the language switch.

use yew::prelude::*;

use crate::data::ArticleMeta;
use crate::lang::Lang;

#[derive(Properties, PartialEq)]
pub struct PageHeaderProps {
    pub article: ArticleMeta,
    pub lang: Lang,
    pub on_lang: Callback<Lang>,
}

#[function_component(PageHeader)]
pub fn page_header(props: &PageHeaderProps) -> Html {
    let lang = props.lang;
    let button = |target: Lang, label: &'static str| {
        let on_lang = props.on_lang.clone();
        html! {
            <button type="button" class="lang-button" lang={target.tag()}
                aria-pressed={(lang == target).to_string()}
                onclick={Callback::from(move |_| on_lang.emit(target))}>{ label }</button>
        }
    };
    html! {
        <header class="page-header">
            <nav class="lang-switch" aria-label={lang.pick("语言", "Language")}>
                { button(Lang::Zh, "中文") }
                { button(Lang::En, "English") }
            </nav>
            <h1 class="page-title">{ props.article.title.get(lang) }</h1>
            <p class="page-dek">{ props.article.dek.get(lang) }</p>
        </header>
    }
}
