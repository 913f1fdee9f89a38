//! The details of an item, as HTML over the chart: title, value, tags, note and the source
//! sentence (with its English rendering on the English page).

use yew::prelude::*;

use crate::charts::scene::Details;
use crate::lang::Lang;

/// The body of a tooltip; also used for headline cards. A plain function, not a component:
/// it has no state, and each component costs the download its own copy of Yew's lifecycle.
pub fn details_view(details: &Details, lang: Lang) -> Html {
    html! {
        <>
            <div class="details-title">{ &details.title }</div>
            if let Some(value) = &details.value {
                <div class="details-value">{ value }</div>
            }
            if !details.tags.is_empty() {
                <div class="details-tags">{ for details.tags.iter().map(|tag| html! { <span class="tag">{ tag }</span> }) }</div>
            }
            if let Some(note) = &details.note {
                <p class="details-note">{ note }</p>
            }
            if !details.related.is_empty() {
                <ul class="details-related">{ for details.related.iter().map(|line| html! { <li>{ line }</li> }) }</ul>
            }
            { for details.sources.iter().map(|source| html! {
                <>
                <blockquote class="details-source">
                    <span class="source-label">{ lang.pick("原文：", "Article: ") }</span><span lang="zh-CN">{ quoted(&source.zh) }</span>
                </blockquote>
                if let Some(english) = &source.en {
                    <p class="details-source-en" lang="en">{ english }</p>
                }
                </>
            }) }
        </>
    }
}

/// The sentence in quotation marks, unless it already opens with its own.
fn quoted(sentence: &str) -> String {
    if sentence.starts_with('“') {
        sentence.to_owned()
    } else {
        format!("“{sentence}”")
    }
}

/// Where a tooltip goes, in CSS px inside its chart.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TooltipPlacement {
    pub left: f64,
    pub top: f64,
    /// Drawn above `top` instead of below it.
    pub above: bool,
    pub max_width: f64,
    /// Left or right of the point, so it may move vertically to stay in the viewport.
    pub beside: bool,
}

/// Places a tooltip next to a point of a chart `width` px wide without covering the point:
/// beside it when there is room, and below it, or `above` it when the point is low in the
/// viewport; never outside the chart's width.
pub fn place_tooltip(x: f64, y: f64, width: f64, above: bool) -> TooltipPlacement {
    const OFFSET: f64 = 16.0;
    // Wide enough on desktops that a sentence and its English rendering stay short; on a phone
    // nearly the chart's width, so that an item citing two sentences fits above or below the
    // finger.
    let max_width = (width - 16.0).clamp(120.0, if width >= 700.0 { 460.0 } else { 360.0 });
    let (left, beside) = if x + OFFSET + max_width <= width {
        (x + OFFSET, true)
    } else if x - OFFSET - max_width >= 0.0 {
        (x - OFFSET - max_width, true)
    } else {
        (((width - max_width) / 2.0).max(0.0), false)
    };
    if beside {
        // Beside the point it covers nothing, whatever its height: start level with the point
        // and let the component slide it up or down into the viewport.
        return TooltipPlacement {
            left,
            top: y - OFFSET,
            above: false,
            max_width,
            beside,
        };
    }
    let top = if above { y - OFFSET } else { y + OFFSET };
    TooltipPlacement {
        left,
        top,
        above,
        max_width,
        beside,
    }
}

/// Slides a tooltip that sits beside its point up or down until it fits the viewport.
fn keep_in_viewport(element: &web_sys::HtmlElement, top: f64) {
    const MARGIN: f64 = 8.0;
    let viewport = web_sys::window()
        .and_then(|window| window.inner_height().ok())
        .and_then(|height| height.as_f64())
        .unwrap_or(0.0);
    let rect = element.get_bounding_client_rect();
    // Up by what sticks out below; but never so far that the top leaves the viewport.
    let shift = (viewport - MARGIN - rect.bottom()).min(0.0);
    let shift = shift.max(MARGIN - rect.top());
    if shift != 0.0 {
        let _ = element
            .style()
            .set_property("top", &format!("{}px", (top + shift).round() as i64));
    }
}

/// Positions the tooltip `element` at `placement`. Through the style object, not a style
/// attribute, so a strict CSP allows it.
pub fn position_tooltip(element: &web_sys::HtmlElement, placement: &TooltipPlacement) {
    element.style().set_css_text(&format!(
        "left:{}px;top:{}px;max-width:{}px;transform:{}",
        placement.left.round() as i64,
        placement.top.round() as i64,
        placement.max_width.round() as i64,
        if placement.above {
            "translateY(-100%)"
        } else {
            "none"
        }
    ));
    if placement.beside {
        keep_in_viewport(element, placement.top);
    }
}

/// The tooltip of a chart: `details` in a box that its chart places with
/// [`position_tooltip`] once it is in the page (`node` refers to it). A plain function, not a
/// component, for the reason given at [`details_view`].
pub fn tooltip_view(id: AttrValue, details: &Details, lang: Lang, node: NodeRef) -> Html {
    html! {
        <div class="chart-tooltip" role="tooltip" {id} ref={node}>
            { details_view(details, lang) }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tooltip_sits_beside_the_point_when_there_is_room() {
        let placement = place_tooltip(100.0, 50.0, 1000.0, false);
        assert_eq!(
            (placement.left, placement.top, placement.above),
            (116.0, 34.0, false)
        );
        assert_eq!(placement.max_width, 460.0);
        let right_edge = place_tooltip(900.0, 50.0, 1000.0, true);
        assert_eq!(right_edge.left, 900.0 - 16.0 - 460.0);
        assert_eq!(
            (right_edge.top, right_edge.above, right_edge.beside),
            (34.0, false, true)
        );
    }

    #[test]
    fn on_a_phone_it_fits_the_width_and_goes_below_or_above_the_finger() {
        for x in [0.0, 50.0, 180.0, 330.0] {
            let placement = place_tooltip(x, 200.0, 340.0, false);
            assert!(
                placement.left >= 0.0 && placement.left + placement.max_width <= 340.0,
                "{placement:?}"
            );
            let clear_of_finger = x < placement.left || x > placement.left + placement.max_width;
            assert!(placement.beside == clear_of_finger, "{placement:?}");
            assert!(placement.beside || placement.top > 200.0, "{placement:?}");
        }
        assert!(!place_tooltip(180.0, 200.0, 340.0, false).beside);
    }
}
