//! index.html, the page as it is before the wasm runs (and as crawlers see it).

use banan_infographic::{data::load_default, lang::Lang};

const INDEX_HTML: &str = include_str!("../index.html");

#[test]
fn the_static_title_is_the_one_the_app_sets() {
    let data = load_default().expect("the default data file loads");
    let title = INDEX_HTML
        .split_once("<title>")
        .and_then(|(_, rest)| rest.split_once("</title>"))
        .map(|(title, _)| title)
        .expect("index.html has a <title>");
    assert_eq!(title, Lang::Zh.page_title(Some(&data.article.title.zh)));
}
