//! Hooks of the chart component that watch the browser: its container's width, and taps
//! outside it.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, ResizeObserver, ResizeObserverEntry};
use yew::prelude::*;

/// Watches an element's content width (whole CSS px): `hint` until first measured, then
/// whenever it changes.
///
/// With a hint (the page's probe, `browser::chart_width_before_render`) the observer's first
/// report, in the next frame, only confirms it. Without one the element is measured as soon as
/// it is in the page, not only when the observer first reports: that report comes with the next
/// frame, which would lay out and paint the page with every chart still empty, and lay it out
/// again once they are drawn.
#[hook]
pub fn use_content_width(target: NodeRef, hint: Option<f64>) -> Option<f64> {
    let width = use_state_eq(|| hint);
    {
        let width = width.clone();
        use_effect_with(target, move |target| {
            let element = target.cast::<HtmlElement>();
            if let (Some(element), None) = (&element, hint) {
                // The container has no padding or border, so its box is its content box.
                width.set(Some(element.get_bounding_client_rect().width().floor()));
            }
            let callback =
                Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                    // A ResizeObserver calls back with its entries and nothing else.
                    if let Some(entry) = entries.iter().next() {
                        let entry: ResizeObserverEntry = entry.unchecked_into();
                        width.set(Some(entry.content_rect().width().floor()));
                    }
                });
            let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok();
            if let (Some(observer), Some(element)) = (&observer, &element) {
                observer.observe(element);
            }
            move || {
                if let Some(observer) = observer {
                    observer.disconnect();
                }
                drop(callback);
            }
        });
    }
    *width
}

/// Sends `action` (say, to close a pinned tooltip) to `state` when the reader taps or clicks
/// anywhere outside `container`.
#[hook]
pub fn use_dismiss_outside<T>(container: NodeRef, state: UseReducerDispatcher<T>, action: T::Action)
where
    T: Reducible + 'static,
    T::Action: Clone,
{
    use_effect_with(container, move |container| {
        let container = container.clone();
        let document = web_sys::window().and_then(|window| window.document());
        let listener = document.map(|document| {
            gloo_events::EventListener::new(&document, "pointerdown", move |event| {
                let target = event
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
                let inside = match (container.cast::<web_sys::Node>(), target) {
                    (Some(container), Some(target)) => container.contains(Some(&target)),
                    _ => false,
                };
                if !inside {
                    state.dispatch(action.clone());
                }
            })
        });
        move || drop(listener)
    });
}
