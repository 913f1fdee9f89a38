//! The few facts the page reads from the browser, each failing soft: a blocked storage or an
//! old browser gives `None`, never a panic.

use crate::data_address::{data_address, Refusal, ResolvedUrl};
use crate::lang::Lang;
use crate::query::{parse_query, PageOptions, QueryNotice};

/// An address resolved by the browser's URL parser against `base`.
pub fn resolve_url(value: &str, base: &str) -> Option<ResolvedUrl> {
    let url = web_sys::Url::new_with_base(value, base).ok()?;
    Some(ResolvedUrl {
        origin: url.origin(),
        protocol: url.protocol(),
        pathname: url.pathname(),
        href: url.href(),
    })
}

/// The graphic's address: the page's own, or for a page in a folder of the graphic (`en/`,
/// `embed/rural/`) the graphic's root, which the page names as its base (`<base href>`).
pub fn page_url() -> Option<ResolvedUrl> {
    let document = web_sys::window()?.document()?;
    let base = document.base_uri().ok()??;
    resolve_url(&base, &base)
}

/// The page's options from its address, read with the browser's `URLSearchParams`; `?data=` is
/// decided against the page's own address (`data_address`).
pub fn page_options() -> (PageOptions, Vec<QueryNotice>) {
    let search = web_sys::window()
        .and_then(|window| window.location().search().ok())
        .unwrap_or_default();
    let pairs = web_sys::UrlSearchParams::new_with_str(&search)
        .map(|params| {
            js_sys::try_iter(&params)
                .ok()
                .flatten()
                .into_iter()
                .flatten()
                .filter_map(|entry| {
                    let pair: js_sys::Array = entry.ok()?.into();
                    Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    let page = page_url();
    parse_query(pairs, |value| match &page {
        Some(page) => data_address(value, page, resolve_url),
        None => Err(Refusal::NotAnAddress),
    })
}

/// Whether the reader's system asks for dark colours.
pub fn prefers_dark() -> bool {
    web_sys::window()
        .and_then(|window| {
            window
                .match_media("(prefers-color-scheme: dark)")
                .ok()
                .flatten()
        })
        .is_some_and(|query| query.matches())
}

/// The viewport's height in CSS px; 0 if it cannot be read.
pub fn viewport_height() -> f64 {
    web_sys::window()
        .and_then(|window| window.inner_height().ok())
        .and_then(|height| height.as_f64())
        .unwrap_or(0.0)
}

pub fn device_pixel_ratio() -> f64 {
    web_sys::window()
        .map(|window| window.device_pixel_ratio())
        .filter(|ratio| ratio.is_finite() && *ratio > 0.0)
        .unwrap_or(1.0)
}

/// Puts the language and theme on `<html>` so CSS, screen readers and hyphenation follow,
/// and the title in the page's language.
pub fn apply_to_document(lang: Lang, dark: bool, title: &str) {
    if let Some(document) = web_sys::window().and_then(|window| window.document()) {
        document.set_title(title);
    }
    if let Some(root) = document_root() {
        let _ = root.set_attribute("lang", lang.tag());
        let _ = root.set_attribute("data-theme", if dark { "dark" } else { "light" });
    }
}

/// The page's query string without `key` (`?data=x.json&theme=dark`, or `""`).
pub fn query_without(key: &str) -> String {
    let search = web_sys::window()
        .and_then(|window| window.location().search().ok())
        .unwrap_or_default();
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return String::new();
    };
    params.delete(key);
    let rest = String::from(params.to_string());
    if rest.is_empty() {
        rest
    } else {
        format!("?{rest}")
    }
}

/// The attribute `static/page.js` reads while the page takes over its pre-rendered HTML: a
/// trap before `mark_started` is a failed takeover, which it answers with a fresh render.
pub const HYDRATING_ATTRIBUTE: &str = "data-hydrating";

/// The sessionStorage key static/page.js sets, to this page's path, when taking over the page
/// failed: the reload it makes then renders afresh.
const TAKEOVER_FAILED_KEY: &str = "banan-takeover-failed";

/// Whether taking over this page failed before in this tab (and forgets it, so that a later
/// visit tries again).
pub fn takeover_failed_before() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let Ok(Some(storage)) = window.session_storage() else {
        return false;
    };
    let path = window.location().pathname().unwrap_or_default();
    let failed = storage
        .get_item(TAKEOVER_FAILED_KEY)
        .ok()
        .flatten()
        .is_some_and(|failed_at| failed_at == path);
    if failed {
        let _ = storage.remove_item(TAKEOVER_FAILED_KEY);
    }
    failed
}

/// The page's `<html>` element.
fn document_root() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.document_element()
}

/// The text of the data file the build wrote into the page (`prerender::data_script`), if any.
pub fn carried_data() -> Option<String> {
    web_sys::window()?
        .document()?
        .get_element_by_id(crate::prerender::DATA_ELEMENT_ID)?
        .text_content()
}

/// Marks the page as taking over its pre-rendered HTML, until `mark_started`.
pub fn mark_hydrating() {
    if let Some(root) = document_root() {
        let _ = root.set_attribute(HYDRATING_ATTRIBUTE, "");
    }
}

/// Marks the page as started: every component has rendered or taken over its HTML.
pub fn mark_started() {
    if let Some(root) = document_root() {
        let _ = root.remove_attribute(HYDRATING_ATTRIBUTE);
    }
}

/// Fetches a text file of this site; the error says what went wrong in words a reader can
/// pass on (network failure, HTTP status). In same-origin mode, so that a redirect to another
/// site fails instead of being followed.
pub async fn fetch_text(address: &str) -> Result<String, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let window = web_sys::window().ok_or("no window")?;
    let init = web_sys::RequestInit::new();
    init.set_mode(web_sys::RequestMode::SameOrigin);
    let response = JsFuture::from(window.fetch_with_str_and_init(address, &init))
        .await
        .map_err(|_| "the network request failed".to_owned())?;
    // fetch() resolves to a Response and nothing else.
    let response: web_sys::Response = response.unchecked_into();
    if !response.ok() {
        return Err(format!(
            "HTTP {} {}",
            response.status(),
            response.status_text()
        ));
    }
    let text = response
        .text()
        .map_err(|_| "the body cannot be read".to_owned())?;
    JsFuture::from(text)
        .await
        .ok()
        .and_then(|text| text.as_string())
        .ok_or_else(|| "the body is not text".to_owned())
}

/// Shows `result`'s error, or clears an earlier one, in the `.download-status` alert line of
/// the element of class `container` around the button that `event` came from. Writing into the
/// page rather than into component state keeps a failed download from re-rendering anything.
pub fn report_download(event: &web_sys::Event, container: &str, result: Result<(), String>) {
    use wasm_bindgen::JsCast;
    let status = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|button| button.closest(container).ok().flatten())
        .and_then(|around| around.query_selector(".download-status").ok().flatten());
    if let Some(status) = status {
        status.set_text_content(result.err().as_deref());
    }
}

/// Offers `url` to the reader as a file called `filename`.
pub fn download_url(url: &str, filename: &str) -> Result<(), String> {
    use wasm_bindgen::JsCast;
    let document = web_sys::window()
        .and_then(|window| window.document())
        .ok_or("no document")?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "cannot create a link")?
        .unchecked_into();
    anchor.set_href(url);
    anchor.set_download(filename);
    anchor.click();
    Ok(())
}

/// Offers `text` to the reader as a file called `filename` of type `mime`.
pub fn download_text(text: &str, filename: &str, mime: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "cannot make the file")?;
    let url =
        web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| "cannot make the file")?;
    let result = download_url(&url, filename);
    // Not at once: the browser reads the file after the click, and a download whose address
    // was revoked before that fails without a word (seen right after an earlier download).
    revoke_later(url);
    result
}

/// Revokes the object URL `url` a minute from now, or never if the browser cannot schedule it.
fn revoke_later(url: String) {
    use wasm_bindgen::JsCast;
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(window) = web_sys::window() {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000);
    }
}

/// Calls `on_change` with the query list whenever the media query `query` starts or stops
/// matching; listening stops when the returned listener is dropped.
fn on_media_change(
    query: &str,
    on_change: impl Fn(&web_sys::MediaQueryList) + 'static,
) -> Option<gloo_events::EventListener> {
    let list = web_sys::window()?.match_media(query).ok()??;
    let watched = list.clone();
    Some(gloo_events::EventListener::new(
        &list,
        "change",
        move |_| on_change(&watched),
    ))
}

/// Calls `on_change` with the new ratio once the device pixel ratio is no longer `ratio`
/// (browser zoom, a window moved to another screen). A media query matches one resolution
/// only, so the caller watches again with the new ratio.
pub fn watch_pixel_ratio(
    ratio: f64,
    on_change: impl Fn(f64) + 'static,
) -> Option<gloo_events::EventListener> {
    // JavaScript's shortest spelling of the ratio, which the query must match exactly (a zoomed
    // page's ratio can be 1.100000023841858).
    let ratio = js_sys::Number::from(ratio).to_string_with_radix(10).ok()?;
    on_media_change(&format!("(resolution: {ratio}dppx)"), move |_| {
        on_change(device_pixel_ratio())
    })
}

/// Calls `on_change` with the new preference whenever the reader's system switches between light
/// and dark; listening stops when the returned listener is dropped.
pub fn watch_dark_preference(
    on_change: impl Fn(bool) + 'static,
) -> Option<gloo_events::EventListener> {
    on_media_change("(prefers-color-scheme: dark)", move |list| {
        on_change(list.matches())
    })
}

/// Calls `on_change(true)` when the page starts printing and `on_change(false)` after: through
/// the print media query (print preview, emulation) and the print events (the dialog).
pub fn watch_printing(
    on_change: impl Fn(bool) + 'static,
) -> Option<[gloo_events::EventListener; 3]> {
    let window = web_sys::window()?;
    let on_change = std::rc::Rc::new(on_change);
    let (before, after, changed) = (on_change.clone(), on_change.clone(), on_change);
    Some([
        gloo_events::EventListener::new(&window, "beforeprint", move |_| before(true)),
        gloo_events::EventListener::new(&window, "afterprint", move |_| after(false)),
        on_media_change("print", move |list| changed(list.matches()))?,
    ])
}

/// Calls `task` in a task of its own after `frames` more frames: work that can wait for the
/// page to be painted, spread one piece per frame by the callers' different counts. Not from
/// the frame's own callback: the DOM it changes is then laid out in the next frame, not in the
/// same long task as the change.
pub fn after_frames(frames: u32, task: impl FnOnce() + 'static) {
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return;
    };
    let next = wasm_bindgen::closure::Closure::once_into_js(move || match frames {
        0 => task(),
        _ => after_frames(frames - 1, task),
    });
    // A browser that cannot schedule it drops the task: nothing is left half done.
    let _ = match frames {
        0 => window.set_timeout_with_callback(next.unchecked_ref()),
        _ => window.request_animation_frame(next.unchecked_ref()),
    };
}

/// The width a chart will have (whole CSS px), measured before the page is rendered: a
/// throwaway copy of a chart's containers (`main.page > figure.chart > div.chart-body`, with
/// `embed` the embedded page's) in the still empty `#app`, laid out by the stylesheet alone.
/// With it the charts are laid out in the page's first render, not in a second one after a
/// layout of the whole page (README.md, "Benchmark"). `None` when it cannot be measured.
pub fn chart_width_before_render(embed: bool) -> Option<f64> {
    let root = web_sys::window()?.document()?.get_element_by_id("app")?;
    // Fixed markup, nothing from the data file or the address. The whole page's copy is taller
    // than the window (`.width-probe`), as the page is, so that a window's scrollbar (Windows,
    // Linux) is there when it is measured; the embedded page is as tall as its frame's content.
    root.set_inner_html(if embed {
        r#"<main class="page embed"><figure class="chart"><div class="chart-body"></div></figure></main>"#
    } else {
        r#"<main class="page width-probe"><figure class="chart"><div class="chart-body"></div></figure></main>"#
    });
    let width = root
        .query_selector(".chart-body")
        .ok()
        .flatten()
        .map(|body| body.get_bounding_client_rect().width().floor());
    root.set_inner_html("");
    width.filter(|width| *width >= 1.0)
}
