//! The article's headline figures, in groups.

use yew::prelude::*;

use crate::charts::details::with_years;
use crate::lang::Lang;

use super::figure_card::figure_card;
use super::SharedDataset;

/// Groups of headline figures: heading (zh, en) and figure ids.
pub const GROUPS: [((&str, &str), &[&str]); 4] = [
    (
        ("今年开工的重大招商项目", "Major projects started this year"),
        &["major_projects_count", "major_projects_investment"],
    ),
    (
        (
            "去年工业“三大突破”",
            "Industry’s “three breakthroughs” last year",
        ),
        &[
            "industry_breakthroughs",
            "industrial_output",
            "industrial_investment",
            "above_size_enterprises",
        ],
    ),
    (
        ("今年力争实现", "This year’s targets"),
        &[
            "digital_economy_revenue",
            "net_new_above_size",
            "industrial_value_added_growth",
            "srdi_new_enterprises",
        ],
    ),
    (
        ("汽车产业", "The car industry"),
        &["car_maker_scale", "car_suppliers"],
    ),
];

/// The groups of cards; a plain function, as it has no state of its own (see figure_card.rs).
pub fn headline_cards(dataset: &SharedDataset, lang: Lang) -> Html {
    let this_year = dataset.0.article.this_year.as_ref();
    let groups = GROUPS.iter().map(|((zh, en), ids)| {
        let heading = with_years(lang.pick(zh, en), this_year, lang);
        let cards = ids.iter().map(|id| match dataset.0.figure(id) {
            Ok(figure) => figure_card(figure, lang),
            Err(missing) => html! { <p key={*id} class="chart-message" role="alert">{ missing.to_string() }</p> },
        });
        html! {
            <section class="card-group" aria-label={heading.clone()}>
                <h2 class="card-group-title">{ heading }</h2>
                <div class="cards">{ for cards }</div>
            </section>
        }
    });
    html! { <div class="headline-cards">{ for groups }</div> }
}
