//! What a chart shows in answer to the reader: which item is active, where its tooltip points,
//! and whether it stays. A reducer over plain numbers: the chart's callbacks (chart_input.rs)
//! turn pointer, touch and key events into [`Action`]s, so every rule here runs in native tests.

use std::rc::Rc;

use yew::Reducible;

use crate::charts::scene::Scene;

/// A point of the canvas on an item (CSS px in the canvas), where its tooltip points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    /// The item's index in its scene.
    pub item: usize,
    pub x: f64,
    pub y: f64,
    /// The point is in the lower half of the viewport, so the tooltip goes above it.
    pub above: bool,
}

/// The item being shown and where its tooltip points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Active {
    pub point: Point,
    /// Chosen by a tap, click or key: it stays until dismissed, not just while hovered.
    pub pinned: bool,
}

/// A key that moves through the items, in reading order.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Step {
    Next,
    Previous,
    First,
    Last,
}

impl Step {
    /// The step of a key (`KeyboardEvent.key`), if it is one of the chart's.
    pub fn from_key(key: &str) -> Option<Step> {
        match key {
            "ArrowRight" | "ArrowDown" => Some(Step::Next),
            "ArrowLeft" | "ArrowUp" => Some(Step::Previous),
            "Home" => Some(Step::First),
            "End" => Some(Step::Last),
            _ => None,
        }
    }

    /// The item this step goes to from `current` among `count` (at least one), wrapping
    /// around both ends; from no item, forward starts at the first and back at the last.
    fn target(self, current: Option<usize>, count: usize) -> usize {
        match self {
            Step::Next => current.map_or(0, |i| (i + 1) % count),
            Step::Previous => current.map_or(count - 1, |i| (i + count - 1) % count),
            Step::First => 0,
            Step::Last => count - 1,
        }
    }
}

/// Whether a point `client_y` px from the top of a viewport `viewport_height` px high is in
/// its lower half.
pub fn in_lower_half(client_y: f64, viewport_height: f64) -> bool {
    client_y > viewport_height / 2.0
}

/// What the reader did, as the chart's callbacks saw it. A pointer's point is `None` when it is
/// over no item.
#[derive(Clone, Debug)]
pub enum Action {
    /// A mouse or pen moved (touch moves are the browser's, to scroll).
    Hover(Option<Point>),
    /// A mouse or pen left the canvas.
    Leave,
    /// A finger landed.
    TouchDown(Option<Point>),
    /// The finger went on to scroll the page: the browser sent pointercancel.
    TouchCancel,
    /// A tap or click ended (pointerup).
    Release(Option<Point>),
    /// An arrow key, Home or End, on the chart of `scene`, whose canvas's top is `canvas_top`
    /// px from the top of a viewport `viewport_height` px high.
    Key {
        step: Step,
        scene: Rc<Scene>,
        canvas_top: f64,
        viewport_height: f64,
    },
    Escape,
    /// The chart lost keyboard focus.
    Blur,
    /// A tap or click anywhere outside the chart.
    TapOutside,
}

/// The chart's answer to the reader; see [`Action`] for what changes it.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Interaction {
    pub active: Option<Active>,
    /// While a finger is down on an item: what was shown before it landed, for pointercancel
    /// to restore.
    before_touch: Option<Option<Active>>,
}

impl Interaction {
    fn showing(self, active: Option<Active>) -> Interaction {
        Interaction { active, ..self }
    }

    /// Clears an item that is only hovered; a pinned one stays.
    fn unhovered(self) -> Interaction {
        self.showing(self.active.filter(|active| active.pinned))
    }
}

fn pinned(point: Point) -> Active {
    Active {
        point,
        pinned: true,
    }
}

impl Reducible for Interaction {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let state = *self;
        let next = match action {
            Action::Hover(Some(point)) => state.showing(Some(Active {
                point,
                pinned: false,
            })),
            Action::Hover(None) | Action::Leave => state.unhovered(),
            // A finger shows the item it lands on at once, not when it lifts: the browser
            // delivers pointerup a frame or more after the touch ends, pointerdown without delay
            // (README.md, "Benchmark"). If the finger goes on to scroll the page, the browser
            // sends pointercancel and the chart goes back to what it showed before the touch.
            Action::TouchDown(Some(point)) => Interaction {
                active: Some(pinned(point)),
                before_touch: Some(state.active),
            },
            Action::TouchDown(None) => state,
            Action::TouchCancel => match state.before_touch {
                Some(previous) => Interaction {
                    active: previous,
                    before_touch: None,
                },
                None => state,
            },
            // A tap or click shows an item's details until another tap.
            Action::Release(point) => Interaction {
                active: point.map(pinned),
                before_touch: None,
            },
            Action::Key {
                step,
                scene,
                canvas_top,
                viewport_height,
            } => {
                if scene.items.is_empty() {
                    return self;
                }
                let current = state.active.map(|active| active.point.item);
                let item = step.target(current, scene.items.len());
                // The tooltip points just inside the middle of the item's bottom edge.
                let bounds = scene.items[item].bounds;
                let (x, y) = (bounds.x + bounds.width / 2.0, bounds.bottom() - 4.0);
                state.showing(Some(pinned(Point {
                    item,
                    x,
                    y,
                    above: in_lower_half(canvas_top + y, viewport_height),
                })))
            }
            Action::Escape | Action::Blur | Action::TapOutside => state.showing(None),
        };
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::scene::{Details, Item, Rect};

    fn point(item: usize) -> Point {
        Point {
            item,
            x: 10.0 * item as f64,
            y: 5.0,
            above: false,
        }
    }

    fn hover(item: usize) -> Action {
        Action::Hover(Some(point(item)))
    }

    /// A tap or click, as it ends.
    fn click(item: usize) -> Action {
        Action::Release(Some(point(item)))
    }

    fn touch(item: usize) -> Action {
        Action::TouchDown(Some(point(item)))
    }

    /// The state after `actions`, from nothing shown.
    fn after(actions: impl IntoIterator<Item = Action>) -> Interaction {
        let state = actions
            .into_iter()
            .fold(Rc::new(Interaction::default()), Reducible::reduce);
        *state
    }

    fn shown(state: Interaction) -> Option<(usize, bool)> {
        state
            .active
            .map(|active| (active.point.item, active.pinned))
    }

    /// A scene of `count` items in a row, each 20 px wide and 10 px high, 50 px from the top.
    fn scene(count: usize) -> Rc<Scene> {
        let items = (0..count)
            .map(|index| Item {
                key: format!("item-{index}"),
                bounds: Rect::new(20.0 * index as f64, 50.0, 20.0, 10.0),
                details: Details::default(),
            })
            .collect();
        Rc::new(Scene {
            items,
            ..Scene::default()
        })
    }

    fn key(step: Step, scene: &Rc<Scene>) -> Action {
        Action::Key {
            step,
            scene: scene.clone(),
            canvas_top: 0.0,
            viewport_height: 800.0,
        }
    }

    #[test]
    fn hovering_an_item_shows_it_where_the_pointer_is_without_pinning_it() {
        let state = after([hover(2)]);
        assert_eq!(
            state.active,
            Some(Active {
                point: point(2),
                pinned: false
            })
        );
    }

    #[test]
    fn pointer_touch_and_dismissal_transitions() {
        use Action::{Blur, Escape, Hover, Leave, Release, TapOutside, TouchCancel, TouchDown};
        // The actions, from nothing shown; then the item shown and whether it is pinned.
        let table = [
            // Leaving, or moving onto empty space, clears a hovered item but not a pinned one;
            // hovering another item replaces even a pinned one.
            (vec![hover(1), Leave], None),
            (vec![hover(1), Hover(None)], None),
            (vec![click(1), Leave], Some((1, true))),
            (vec![click(1), Hover(None)], Some((1, true))),
            (vec![click(1), hover(3)], Some((3, false))),
            // A finger pins the item it lands on at once; a cancel (the finger scrolls) puts
            // back what was shown before, and after the finger lifts there is nothing to put
            // back.
            (vec![touch(4)], Some((4, true))),
            (vec![touch(4), TouchCancel], None),
            (vec![click(1), touch(4), TouchCancel], Some((1, true))),
            (vec![hover(2), touch(4), TouchCancel], Some((2, false))),
            (vec![touch(4), click(4), TouchCancel], Some((4, true))),
            // A tap or click pins the item under it, and on empty space clears what was
            // pinned; a finger landing on empty space changes nothing until it lifts.
            (vec![click(2)], Some((2, true))),
            (vec![click(2), Release(None)], None),
            (vec![click(1), TouchDown(None)], Some((1, true))),
            (vec![click(1), TouchDown(None), Release(None)], None),
            // Escape, losing focus and a tap outside the chart clear even a pinned item.
            (vec![click(1), Escape], None),
            (vec![click(1), Blur], None),
            (vec![click(1), TapOutside], None),
        ];
        for (actions, expected) in table {
            assert_eq!(shown(after(actions.clone())), expected, "{actions:?}");
        }
    }

    #[test]
    fn keys_wrap_around_both_ways() {
        let scene = scene(3);
        let items = |steps: &[Step]| {
            let mut state = Rc::new(Interaction::default());
            steps
                .iter()
                .map(|step| {
                    state = state.clone().reduce(key(*step, &scene));
                    shown(*state).unwrap()
                })
                .collect::<Vec<_>>()
        };
        use Step::{Next, Previous};
        assert_eq!(
            items(&[Next, Next, Next, Next]),
            [(0, true), (1, true), (2, true), (0, true)]
        );
        assert_eq!(
            items(&[Previous, Previous, Previous, Previous]),
            [(2, true), (1, true), (0, true), (2, true)]
        );
    }

    #[test]
    fn home_and_end_go_to_the_first_and_last_items() {
        let scene = scene(5);
        assert_eq!(
            shown(after([hover(2), key(Step::Last, &scene)])),
            Some((4, true))
        );
        assert_eq!(
            shown(after([hover(2), key(Step::First, &scene)])),
            Some((0, true))
        );
    }

    #[test]
    fn a_key_points_the_tooltip_inside_the_items_bottom_edge() {
        let scene = scene(3);
        let low_canvas = Action::Key {
            step: Step::Last,
            scene: scene.clone(),
            canvas_top: 400.0,
            viewport_height: 800.0,
        };
        let point = after([low_canvas]).active.unwrap().point;
        assert_eq!(
            point,
            Point {
                item: 2,
                x: 50.0,
                y: 56.0,
                above: true
            }
        );
        let high_canvas = after([key(Step::Last, &scene)]).active.unwrap().point;
        assert!(!high_canvas.above);
    }

    #[test]
    fn keys_on_a_chart_without_items_change_nothing() {
        let state = after([hover(0), key(Step::Next, &scene(0))]);
        assert_eq!(shown(state), Some((0, false)));
    }

    #[test]
    fn the_charts_keys_are_the_arrows_home_and_end() {
        let table = [
            ("ArrowRight", Some(Step::Next)),
            ("ArrowDown", Some(Step::Next)),
            ("ArrowLeft", Some(Step::Previous)),
            ("ArrowUp", Some(Step::Previous)),
            ("Home", Some(Step::First)),
            ("End", Some(Step::Last)),
            ("Escape", None),
            ("Enter", None),
        ];
        for (key, step) in table {
            assert_eq!(Step::from_key(key), step, "{key}");
        }
    }
}
