//! A headline figure as a card: the value with the article's qualifier, what it measures, and,
//! on hover, focus or tap, the sentence it comes from.
//!
//! A plain function rather than a component: whether a card is open lives in its element, as the
//! reasons it is open (`data-hover`, `data-focus`, `data-pin`), and its listeners set
//! `aria-expanded` and the source's `hidden` from them. Yew re-renders a card with the same
//! attributes, so it never undoes them.

use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

use crate::charts::details::{figure_details, figure_tags, figure_value};
use crate::data::Figure;
use crate::lang::Lang;

use super::tooltip::details_view;

/// Why a card may be open: a mouse over it, focus from the keyboard, a tap, click or key.
const HOVER: &str = "data-hover";
const FOCUS: &str = "data-focus";
const PIN: &str = "data-pin";

/// The card an event came to. Not the event's current target: Yew listens on the page's root
/// and hands each listener the event as it is.
fn card_of(event: &Event) -> Option<Element> {
    event
        .target()?
        .dyn_into::<Element>()
        .ok()?
        .closest(".card")
        .ok()?
}

fn is_open(card: &Element) -> bool {
    [HOVER, FOCUS, PIN]
        .iter()
        .any(|reason| card.has_attribute(reason))
}

/// Gives or takes back each of `reasons` (`true`: the card has it), then shows the source
/// while any reason remains.
fn set_reasons(card: &Element, reasons: &[(&str, bool)]) {
    for &(reason, on) in reasons {
        let _ = card.toggle_attribute_with_force(reason, on);
    }
    let open = is_open(card);
    let _ = card.set_attribute("aria-expanded", if open { "true" } else { "false" });
    if let Ok(Some(source)) = card.query_selector(".card-source") {
        let _ = source.toggle_attribute_with_force("hidden", !open);
    }
}

/// Scrolls the opened source of `card` into view if it opened below the screen's edge (a card
/// tapped at the bottom of a phone's screen). Not on hover: the page never moves under a mouse.
fn reveal_source(card: &Element) {
    if !card.has_attribute(PIN) {
        return;
    }
    if let Ok(Some(source)) = card.query_selector(".card-source") {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        source.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// Shown while a mouse hovers or the keyboard focuses it; a tap or Enter pins it open until
/// the next tap, a tap elsewhere or Escape. Touch never counts as hover, so a second tap
/// closes what the first opened.
pub fn figure_card(figure: &Figure, lang: Lang) -> Html {
    let onpointerenter = Callback::from(|event: PointerEvent| {
        if let Some(card) = card_of(&event) {
            set_reasons(&card, &[(HOVER, event.pointer_type() == "mouse")]);
        }
    });
    let onpointerleave = Callback::from(|event: PointerEvent| {
        if let Some(card) = card_of(&event) {
            set_reasons(&card, &[(HOVER, false)]);
        }
    });
    let onfocus = Callback::from(|event: FocusEvent| {
        if let Some(card) = card_of(&event) {
            let from_keyboard = card.matches(":focus-visible").unwrap_or(false);
            set_reasons(&card, &[(FOCUS, from_keyboard)]);
        }
    });
    let onblur = Callback::from(|event: FocusEvent| {
        if let Some(card) = card_of(&event) {
            set_reasons(&card, &[(FOCUS, false), (PIN, false)]);
        }
    });
    let onclick = Callback::from(|event: MouseEvent| {
        if let Some(card) = card_of(&event) {
            set_reasons(&card, &[(PIN, !is_open(&card))]);
            reveal_source(&card);
        }
    });
    let onkeydown = Callback::from(|event: KeyboardEvent| {
        let Some(card) = card_of(&event) else { return };
        match event.key().as_str() {
            "Escape" => set_reasons(&card, &[(PIN, false), (FOCUS, false)]),
            "Enter" | " " => {
                event.prevent_default();
                set_reasons(&card, &[(PIN, !is_open(&card)), (FOCUS, false)]);
                reveal_source(&card);
            }
            _ => {}
        }
    });
    let source_id = format!("{}-source", figure.id);
    html! {
        <div
            class="card"
            key={figure.id.clone()}
            data-figure-id={figure.id.clone()}
            tabindex="0"
            role="button"
            aria-expanded="false"
            aria-describedby={source_id.clone()}
            {onpointerenter} {onpointerleave} {onfocus} {onblur} {onclick} {onkeydown}
        >
            <div class="card-value">{ figure_value(figure, lang) }</div>
            <div class="card-label">{ figure.label.get(lang) }</div>
            <div class="card-qualifier">{ figure_tags(figure, lang).join(" · ") }</div>
            <div class="card-source" role="tooltip" id={source_id} hidden=true>
                { details_view(&figure_details(figure, lang), lang) }
            </div>
        </div>
    }
}
