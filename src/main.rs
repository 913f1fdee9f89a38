//! Mounts the page. A panic anywhere replaces the page with a visible message instead of
//! leaving it frozen or blank.

use banan_infographic::components::app::App;

fn show_panic(info: &std::panic::PanicHookInfo<'_>) {
    let message =
        format!("图表出错，请刷新页面。The graphic hit an error; please reload. ({info})");
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    if let Ok(panel) = document.create_element("div") {
        panel.set_class_name("error-panel panic-panel");
        let _ = panel.set_attribute("role", "alert");
        panel.set_text_content(Some(&message));
        let _ = body.prepend_with_node_1(&panel);
    }
    web_sys::console::error_1(&message.into());
}

fn main() {
    std::panic::set_hook(Box::new(show_panic));
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
