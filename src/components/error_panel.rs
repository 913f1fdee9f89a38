//! A visible message in place of what could not be shown.

use yew::prelude::*;

/// The panel: a heading and one list item per line. A plain function (no state, and a
/// component would cost the download its own copy of Yew's lifecycle).
pub fn error_panel(heading: &str, lines: impl IntoIterator<Item = String>) -> Html {
    html! {
        <div class="error-panel" role="alert">
            <strong>{ heading }</strong>
            <ul>{ for lines.into_iter().map(|line| html! { <li>{ line }</li> }) }</ul>
        </div>
    }
}
