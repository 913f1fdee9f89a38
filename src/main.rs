//! Mounts the page. A panic anywhere puts a short message in an error panel pinned to the top
//! of the viewport, over the page as it was, instead of leaving it frozen or blank.

use banan_infographic::components::app::App;

// Talc instead of Rust's default dlmalloc: smaller in the wasm and faster (see Cargo.toml).
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Characters of the panic's own text that the panel shows; the console gets all of it.
const PANEL_DETAIL_CHARS: usize = 200;

fn show_panic(info: &std::panic::PanicHookInfo<'_>) {
    let detail = info.to_string();
    web_sys::console::error_1(&format!("panic: {detail}").into());
    let mut short: String = detail.chars().take(PANEL_DETAIL_CHARS).collect();
    if short.len() < detail.len() {
        short.push('…');
    }
    let message =
        format!("图表出错，请刷新页面。The graphic hit an error; please reload. ({short})");
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    // One panel: after a panic the wasm instance is in an unknown state, and later events may
    // panic again.
    if document
        .query_selector(".panic-panel")
        .ok()
        .flatten()
        .is_some()
    {
        return;
    }
    if let Ok(panel) = document.create_element("div") {
        panel.set_class_name("error-panel panic-panel");
        let _ = panel.set_attribute("role", "alert");
        panel.set_text_content(Some(&message));
        // Pinned to the top of the viewport, so that a reader who has scrolled down to a chart
        // sees it too. Through the style object, which a strict CSP allows.
        if let Some(panel) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&panel) {
            let style = panel.style();
            for (property, value) in [
                ("position", "fixed"),
                ("top", "0"),
                ("left", "0"),
                ("right", "0"),
                ("margin", "0"),
                ("z-index", "1000"),
            ] {
                let _ = style.set_property(property, value);
            }
        }
        let _ = body.prepend_with_node_1(&panel);
    }
}

/// Test builds only (`--features panic-test`, which no script enables for `dist/`): a
/// `banan-panic-test` event on `window` panics inside a wasm event handler, as a bug would.
/// A cargo feature rather than a URL parameter or a global function, so that nothing a reader
/// can type or a page can call reaches it in the production build: the code is not there.
#[cfg(feature = "panic-test")]
fn install_panic_test_hook() {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return;
    };
    let listener = Closure::<dyn FnMut()>::new(|| {
        panic!("panic-test: a deliberate panic from the test hook");
    });
    let _ = window
        .add_event_listener_with_callback("banan-panic-test", listener.as_ref().unchecked_ref());
    listener.forget();
}

fn main() {
    // Through Yew: a hook set with std::panic::set_hook is replaced by Yew's console-only hook
    // when the app is rendered, and the panel would never show.
    yew::set_custom_panic_hook(Box::new(show_panic));
    #[cfg(feature = "panic-test")]
    install_panic_test_hook();
    let root = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id("app"));
    match root {
        Some(root) => {
            yew::Renderer::<App>::with_root(root).render();
        }
        None => panic!("the page has no element with id \"app\" to mount into"),
    }
}
