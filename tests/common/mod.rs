//! static/style.css as the tests read it: its rules, each with the `@media` block it is in.

// Each test that includes this module uses part of it.
#![allow(dead_code)]

use std::sync::LazyLock;

/// The stylesheet without its comments, which may hold any character.
static STYLE: LazyLock<String> = LazyLock::new(|| {
    let mut text = include_str!("../../static/style.css");
    let mut out = String::new();
    while let Some(start) = text.find("/*") {
        out.push_str(&text[..start]);
        let end = text[start..].find("*/").expect("a closed comment");
        text = &text[start + end + 2..];
    }
    out.push_str(text);
    out
});

/// One rule: the `@media` condition it is inside (`None` at the top level), its selector list and
/// its declarations.
pub struct Rule {
    pub media: Option<&'static str>,
    pub selectors: &'static str,
    pub declarations: &'static str,
}

impl Rule {
    /// The value of `property`, if the rule sets it.
    pub fn get(&self, property: &str) -> Option<&'static str> {
        self.declarations
            .split(';')
            .filter_map(|declaration| declaration.split_once(':'))
            .find(|(name, _)| name.trim() == property)
            .map(|(_, value)| value.trim())
    }
}

/// Every rule of the stylesheet, in order, read once. The stylesheet nests one level at most
/// (`@media`).
static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    let mut rules = Vec::new();
    let mut media = None;
    let mut rest: &'static str = STYLE.as_str();
    while let Some(open) = rest.find('{') {
        // A `}` before the next `{` closes the @media block the rules were in.
        if let Some(close) = rest[..open].find('}') {
            media = None;
            rest = &rest[close + 1..];
            continue;
        }
        let head = rest[..open].trim();
        if let Some(condition) = head.strip_prefix("@media") {
            media = Some(condition.trim());
            rest = &rest[open + 1..];
            continue;
        }
        let close = open + rest[open..].find('}').expect("a closed rule");
        rules.push(Rule {
            media,
            selectors: head,
            declarations: &rest[open + 1..close],
        });
        rest = &rest[close + 1..];
    }
    rules
});

/// Every rule of the stylesheet, in order.
pub fn rules() -> &'static [Rule] {
    &RULES
}

/// The rule, outside any `@media` block, whose selector list is exactly `selectors`.
pub fn rule(selectors: &str) -> &'static Rule {
    rules()
        .iter()
        .find(|rule| rule.media.is_none() && rule.selectors == selectors)
        .unwrap_or_else(|| panic!("no rule `{selectors}` in static/style.css"))
}

/// The value of `property` in the top-level rule of `selectors`.
pub fn value(selectors: &str, property: &str) -> &'static str {
    rule(selectors)
        .get(property)
        .unwrap_or_else(|| panic!("no `{property}` in `{selectors}`"))
}
