//! A visible message in place of what could not be shown.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ErrorPanelProps {
    pub heading: AttrValue,
    /// One line each.
    pub lines: Vec<String>,
}

#[function_component(ErrorPanel)]
pub fn error_panel(props: &ErrorPanelProps) -> Html {
    html! {
        <div class="error-panel" role="alert">
            <strong>{ props.heading.clone() }</strong>
            <ul>{ for props.lines.iter().map(|line| html! { <li>{ line }</li> }) }</ul>
        </div>
    }
}
