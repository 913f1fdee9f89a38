//! Mounts the page. A panic anywhere traps the wasm, and static/page.js then puts a short
//! message in an error panel pinned to the top of the viewport, over the page as it was, instead
//! of leaving it frozen or blank (release builds abort on a panic, `panic = "abort"`); debug builds
//! also log it to the console through Yew.

use banan_infographic::components::app::App;

// Talc instead of Rust's default dlmalloc (see Cargo.toml).
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Test builds only (`--features panic-test`, which no script enables for `dist/`): a
/// `banan-panic-test` event on `window` panics inside a wasm event handler, as a bug would, and
/// a `banan-throw-test` event throws a JS error from it, as wasm-bindgen's `unwrap_throw` does.
/// A cargo feature rather than a URL parameter or a global function, so that nothing a reader
/// can type or a page can call reaches it in the production build: the code is not there.
#[cfg(feature = "panic-test")]
fn install_panic_test_hooks() {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return;
    };
    let hooks: [(&str, fn()); 2] = [
        ("banan-panic-test", || {
            panic!("panic-test: a deliberate panic from the test hook")
        }),
        ("banan-throw-test", || {
            wasm_bindgen::throw_str("throw-test: a deliberate JS error from the test hook")
        }),
    ];
    for (event, hook) in hooks {
        let listener = Closure::<dyn FnMut()>::new(hook);
        let _ = window.add_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
        listener.forget();
    }
}

fn main() {
    #[cfg(feature = "panic-test")]
    install_panic_test_hooks();
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
