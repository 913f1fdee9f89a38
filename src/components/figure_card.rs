//! A headline figure as a card: the value with the article's qualifier, what it measures, and,
//! on hover, focus or tap, the sentence it comes from.

use yew::prelude::*;

use crate::charts::details::{figure_details, figure_tags, figure_value};
use crate::data::Figure;
use crate::lang::Lang;

use super::tooltip::details_view;

#[derive(Properties, PartialEq)]
pub struct FigureCardProps {
    pub figure: Figure,
    pub lang: Lang,
}

#[function_component(FigureCard)]
pub fn figure_card(props: &FigureCardProps) -> Html {
    let figure = &props.figure;
    let lang = props.lang;
    // Shown while a mouse hovers or the keyboard focuses it; a tap or Enter pins it open until
    // the next tap, a tap elsewhere or Escape. Touch never counts as hover, so a second tap
    // closes what the first opened.
    let hovered = use_state_eq(|| false);
    let focused = use_state_eq(|| false);
    let pinned = use_state_eq(|| false);
    let onpointerenter = {
        let hovered = hovered.clone();
        Callback::from(move |event: PointerEvent| hovered.set(event.pointer_type() == "mouse"))
    };
    let onpointerleave = {
        let hovered = hovered.clone();
        Callback::from(move |_: PointerEvent| hovered.set(false))
    };
    let onfocus = {
        let focused = focused.clone();
        Callback::from(move |event: FocusEvent| {
            let from_keyboard = event
                .target_dyn_into::<web_sys::Element>()
                .is_some_and(|element| element.matches(":focus-visible").unwrap_or(false));
            focused.set(from_keyboard);
        })
    };
    let onblur = {
        let (focused, pinned) = (focused.clone(), pinned.clone());
        Callback::from(move |_: FocusEvent| {
            focused.set(false);
            pinned.set(false);
        })
    };
    let open = *hovered || *focused || *pinned;
    let onclick = {
        let pinned = pinned.clone();
        Callback::from(move |_: MouseEvent| pinned.set(!open))
    };
    let onkeydown = {
        let (pinned, focused) = (pinned.clone(), focused.clone());
        Callback::from(move |event: KeyboardEvent| match event.key().as_str() {
            "Escape" => {
                pinned.set(false);
                focused.set(false);
            }
            "Enter" | " " => {
                event.prevent_default();
                pinned.set(!open);
                focused.set(false);
            }
            _ => {}
        })
    };
    let source_id = format!("{}-source", figure.id);
    html! {
        <div
            class="card"
            data-figure-id={figure.id.clone()}
            tabindex="0"
            role="button"
            aria-expanded={open.to_string()}
            aria-describedby={source_id.clone()}
            {onpointerenter} {onpointerleave} {onfocus} {onblur} {onclick} {onkeydown}
        >
            <div class="card-value">{ figure_value(figure, lang) }</div>
            <div class="card-label">{ figure.label.get(lang) }</div>
            <div class="card-qualifier">{ figure_tags(figure, lang).join(" · ") }</div>
            <div class="card-source" role="tooltip" id={source_id} hidden={!open}>
                { details_view(&figure_details(figure, lang), lang) }
            </div>
        </div>
    }
}
