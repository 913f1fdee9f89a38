//! Hooks of the chart component that watch the browser: its container's width, and taps
//! outside it.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, ResizeObserver, ResizeObserverEntry};
use yew::prelude::*;

/// Watches an element's content width and reports it whenever it changes.
#[hook]
pub fn use_content_width(target: NodeRef) -> f64 {
    let width = use_state_eq(|| 0.0_f64);
    {
        let width = width.clone();
        use_effect_with(target, move |target| {
            let element = target.cast::<HtmlElement>();
            let callback =
                Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                    if let Some(entry) = entries.get(0).dyn_ref::<ResizeObserverEntry>() {
                        width.set(entry.content_rect().width().floor());
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

/// Clears `active` (a pinned tooltip) when the reader taps or clicks anywhere outside
/// `container`.
#[hook]
pub fn use_dismiss_outside<T: 'static>(container: NodeRef, active: UseStateHandle<Option<T>>) {
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
                if !inside && active.is_some() {
                    active.set(None);
                }
            })
        });
        move || drop(listener)
    });
}
