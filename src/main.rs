//! Starts the page: takes over the HTML the build pre-rendered for this address (hydration), or
//! renders afresh when the address asks for something else (README.md, "Addresses"). A panic anywhere traps the wasm, and static/page.js then puts a short
//! message in an error panel pinned to the top of the viewport, over the page as it was, instead
//! of leaving it frozen or blank (release builds abort on a panic, `panic = "abort"`); debug builds
//! also log it to the console through Yew.

use banan_infographic::browser;
use banan_infographic::components::app::{App, AppProps, DataSource, Environment, Rendering};
use banan_infographic::components::SharedDataset;
use banan_infographic::data::{parse_dataset, DEFAULT_DATA_FILE};
use banan_infographic::edition::{self, Edition};

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
    let Some(root) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id("app"))
    else {
        panic!("the page has no element with id \"app\" to mount into")
    };
    // The edition the build pre-rendered into this page, if it did.
    let prerendered = root
        .get_attribute("data-edition")
        .and_then(|folder| Edition::from_folder(&folder));
    let (options, notices) = browser::page_options();
    let start = edition::start(prerendered, options, &notices);
    let mut environment = Environment {
        system_dark: browser::prefers_dark(),
        pixel_ratio: browser::device_pixel_ratio(),
        width_hint: None,
    };
    let data = match &start.options.data {
        Some(path) => DataSource::Fetched(path.clone().into()),
        None => match browser::carried_data() {
            Some(text) => DataSource::Carried(
                parse_dataset(DEFAULT_DATA_FILE, &text, None).map(SharedDataset::new),
            ),
            None => DataSource::Fetched(DEFAULT_DATA_FILE.into()),
        },
    };
    // The pre-rendered page is taken over only with the data it was rendered from; a takeover
    // that failed in this tab (static/page.js reloads the page then) is not tried again.
    let hydrate = start.hydrate
        && matches!(data, DataSource::Carried(Ok(_)))
        && !browser::takeover_failed_before();
    if !hydrate {
        environment.width_hint = browser::chart_width_before_render(start.options.embed);
        // The pre-rendered HTML, if any, shows another language or other data: replaced.
        root.set_inner_html("");
    }
    let props = AppProps {
        options: start.options,
        notices,
        environment,
        rendering: if hydrate {
            Rendering::Hydrating
        } else {
            Rendering::Fresh
        },
        data,
    };
    let renderer = yew::Renderer::<App>::with_root_and_props(root, props);
    if hydrate {
        browser::mark_hydrating();
        renderer.hydrate();
    } else {
        renderer.render();
    }
}
