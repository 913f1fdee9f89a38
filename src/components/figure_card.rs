//! A headline figure as a card: the value with the article's qualifier, what it measures, and,
//! on hover, focus or tap, the sentence it comes from.

use yew::prelude::*;

use crate::charts::details::{figure_details, figure_tags, figure_value};
use crate::data::Figure;
use crate::lang::Lang;

use super::tooltip::DetailsView;

#[derive(Properties, PartialEq)]
pub struct FigureCardProps {
    pub figure: Figure,
    pub lang: Lang,
}

#[function_component(FigureCard)]
pub fn figure_card(props: &FigureCardProps) -> Html {
    let figure = &props.figure;
    let lang = props.lang;
    // Shown while hovered or focused; a tap pins it open until the next tap.
    let hovered = use_state_eq(|| false);
    let pinned = use_state_eq(|| false);
    fn set_to<E>(state: &UseStateHandle<bool>, value: bool) -> Callback<E> {
        let state = state.clone();
        Callback::from(move |_| state.set(value))
    }
    let onclick = {
        let pinned = pinned.clone();
        Callback::from(move |_: MouseEvent| pinned.set(!*pinned))
    };
    let onkeydown = {
        let (pinned, hovered) = (pinned.clone(), hovered.clone());
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" {
                pinned.set(false);
                hovered.set(false);
            }
        })
    };
    let open = *hovered || *pinned;
    let source_id = format!("{}-source", figure.id);
    html! {
        <div
            class={classes!("card", open.then_some("card-open"))}
            data-figure-id={figure.id.clone()}
            tabindex="0"
            role="button"
            aria-expanded={open.to_string()}
            aria-describedby={source_id.clone()}
            onmouseenter={set_to::<MouseEvent>(&hovered, true)} onmouseleave={set_to::<MouseEvent>(&hovered, false)}
            onfocus={set_to::<FocusEvent>(&hovered, true)} onblur={set_to::<FocusEvent>(&hovered, false)}
            {onclick} {onkeydown}
        >
            <div class="card-value">{ figure_value(figure, lang) }</div>
            <div class="card-label">{ figure.label.get(lang) }</div>
            <div class="card-qualifier">{ figure_tags(figure, lang).join(" · ") }</div>
            <div class="card-source" role="tooltip" id={source_id} hidden={!open}>
                <DetailsView details={figure_details(figure, lang)} {lang} />
            </div>
        </div>
    }
}
