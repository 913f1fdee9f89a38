//! The page's colours (static/style.css) are the charts' (src/charts/theme.rs): a canvas leaves
//! its background transparent, and its text, grid and focus ring sit beside the page's own. The
//! stylesheet writes each palette more than once (the dark one for a reader's choice and for the
//! system's preference before the script has chosen; the light one again for print), and no
//! copy may drift from the theme.

mod common;
use common::{rules, Rule};

use banan_infographic::charts::theme::{Role, Theme};

/// The stylesheet's colour properties and the theme's colour for each.
fn expected(theme: &Theme) -> Vec<(&'static str, String)> {
    [
        ("--bg", theme.background),
        ("--text", theme.text),
        ("--muted", theme.muted),
        ("--grid", theme.grid),
        ("--focus", theme.focus),
        ("--accent", theme.color(Role::Result)),
        ("--target", theme.color(Role::Target)),
    ]
    .into_iter()
    .map(|(property, colour)| (property, colour.hex()))
    .collect()
}

/// The rules that set `--bg` and whose selector list includes `selector`, in `media`.
fn palettes(selector: &str, media: Option<&str>) -> Vec<&'static Rule> {
    rules()
        .iter()
        .filter(|rule| rule.media == media && rule.get("--bg").is_some())
        .filter(|rule| rule.selectors.split(',').any(|s| s.trim() == selector))
        .collect()
}

/// Every colour property of `rule`, and `--panel`, which the theme has no colour for.
fn check(rule: &Rule, theme: &Theme, panel: &str) {
    for (property, colour) in expected(theme) {
        assert_eq!(
            rule.get(property),
            Some(colour.as_str()),
            "{property} in `{}` ({:?})",
            rule.selectors,
            rule.media
        );
    }
    assert_eq!(
        rule.get("--panel"),
        Some(panel),
        "--panel in `{}`",
        rule.selectors
    );
    let scheme = if theme.dark { "dark" } else { "light" };
    assert_eq!(
        rule.get("color-scheme"),
        Some(scheme),
        "in `{}`",
        rule.selectors
    );
}

#[test]
fn every_copy_of_each_palette_is_the_themes() {
    let (light, dark) = (Theme::light(), Theme::dark());
    let [root] = &palettes(":root", None)[..] else {
        panic!("one light palette at the top level")
    };
    let panel_light = root.get("--panel").expect("--panel");
    check(root, &light, panel_light);

    let [chosen] = &palettes(":root[data-theme=\"dark\"]", None)[..] else {
        panic!("one dark palette for the reader's choice")
    };
    let panel_dark = chosen.get("--panel").expect("--panel");
    check(chosen, &dark, panel_dark);
    let [system] = &palettes(
        ":root:not([data-theme])",
        Some("(prefers-color-scheme: dark)"),
    )[..] else {
        panic!("one dark palette for the system's preference")
    };
    check(system, &dark, panel_dark);

    // Paper is white whatever the screen's theme: every root selector, light.
    let [print] = &palettes(":root[data-theme=\"dark\"]", Some("print"))[..] else {
        panic!("one palette for print")
    };
    for selector in [":root", ":root:not([data-theme])"] {
        assert!(print.selectors.split(',').any(|s| s.trim() == selector));
    }
    check(print, &light, panel_light);
}
