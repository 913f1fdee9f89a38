//! The HTML over a chart's canvas that follows the item shown: the highlight outline and the
//! tooltip, placed once they are in the page.

use web_sys::HtmlElement;
use yew::prelude::*;

use crate::charts::scene::Rect;
use crate::charts::theme::{Role, Theme};

use super::tooltip::{position_tooltip, TooltipPlacement};

/// Width of the highlight outline, CSS px.
const FOCUS_WIDTH: f64 = 2.5;

/// Places the highlight outline over the item at `bounds` (CSS px in the canvas), or hides it.
/// An element over the canvas rather than a redraw of the canvas: a hover then costs no
/// drawing, and the browser does not upload the whole canvas again (at a phone's pixel ratio
/// that upload was most of a hover's time; see README.md, "Benchmark"). The stylesheet gives it
/// the rest (`.chart-highlight`: absolute, hidden, no pointer events).
fn place_highlight(element: &HtmlElement, bounds: Option<Rect>, theme: &Theme) {
    let css = bounds.map_or_else(String::new, |r| {
        let focus = theme.color(Role::Focus);
        // Drawn just outside the item, so the outline never covers the item's own text (a label
        // that starts at the chart's left edge lost its first letter under it).
        let outset = FOCUS_WIDTH + 1.0;
        let css_px = |v: f64| format!("{v:.2}");
        format!(
            "display:block;left:{}px;top:{}px;width:{}px;height:{}px;border:{}px solid rgb({},{},{})",
            css_px(r.x - outset),
            css_px(r.y - outset),
            css_px(r.width + 2.0 * outset),
            css_px(r.height + 2.0 * outset),
            css_px(FOCUS_WIDTH),
            focus.0,
            focus.1,
            focus.2
        )
    });
    // Through the style object, not a style attribute, so a strict CSP allows it.
    element.style().set_css_text(&css);
}

/// Places the overlays, once they are in the page, whenever the item shown moves: the outline
/// (`highlight`) around its bounds and the tooltip (`tooltip`) at its placement. With no item
/// shown the outline is hidden (and the chart renders no tooltip).
#[hook]
pub fn use_overlays(
    highlight: NodeRef,
    tooltip: NodeRef,
    shown: Option<(Rect, TooltipPlacement)>,
    theme: Theme,
) {
    use_effect_with((shown, theme), move |(shown, theme)| {
        if let Some(element) = highlight.cast::<HtmlElement>() {
            place_highlight(&element, shown.map(|(bounds, _)| bounds), theme);
        }
        if let (Some((_, placement)), Some(element)) = (shown, tooltip.cast::<HtmlElement>()) {
            position_tooltip(&element, placement);
        }
    });
}
