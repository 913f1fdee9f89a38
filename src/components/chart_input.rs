//! A chart's pointer, touch and key events as actions of its interaction
//! (chart_interaction.rs): each callback reads from its event and the page only what the
//! reducer needs, as plain numbers. Hit-testing reads the same scene that was drawn.

use std::rc::Rc;

use web_sys::HtmlElement;
use yew::prelude::*;

use crate::browser::viewport_height;
use crate::charts::scene::Scene;

use super::chart_interaction::{in_lower_half, Action, Interaction, Point, Step};

/// The chart's event handlers: the pointer's on its canvas, the keyboard's on the box that
/// holds the focus.
pub struct ChartInput {
    pub onpointerdown: Callback<PointerEvent>,
    pub onpointermove: Callback<PointerEvent>,
    pub onpointerleave: Callback<PointerEvent>,
    pub onpointerup: Callback<PointerEvent>,
    pub onpointercancel: Callback<PointerEvent>,
    pub onkeydown: Callback<KeyboardEvent>,
    pub onblur: Callback<FocusEvent>,
}

/// The item of `scene` under the pointer of `event`, and where its tooltip points.
fn point_under(scene: Option<&Scene>, event: &PointerEvent) -> Option<Point> {
    let (x, y) = (f64::from(event.offset_x()), f64::from(event.offset_y()));
    Some(Point {
        item: scene?.item_at(x, y)?,
        x,
        y,
        above: in_lower_half(f64::from(event.client_y()), viewport_height()),
    })
}

fn is_touch(event: &PointerEvent) -> bool {
    event.pointer_type() == "touch"
}

/// A handler that sends `action` whatever its event says.
fn sends<E: 'static>(
    interaction: &UseReducerDispatcher<Interaction>,
    action: Action,
) -> Callback<E> {
    let interaction = interaction.clone();
    Callback::from(move |_: E| interaction.dispatch(action.clone()))
}

impl ChartInput {
    /// The handlers for a chart showing `scene` (none until it is laid out) on `canvas`.
    pub fn new(
        interaction: &UseReducerHandle<Interaction>,
        scene: Option<Rc<Scene>>,
        canvas: &NodeRef,
    ) -> ChartInput {
        let dispatcher = interaction.dispatcher();
        // A pointer event of the kinds that `accepts`, as `action` at the item under it.
        let pointer = |accepts: fn(&PointerEvent) -> bool, action: fn(Option<Point>) -> Action| {
            let (dispatcher, scene) = (dispatcher.clone(), scene.clone());
            Callback::from(move |event: PointerEvent| {
                if accepts(&event) {
                    dispatcher.dispatch(action(point_under(scene.as_deref(), &event)));
                }
            })
        };
        ChartInput {
            // Only a finger shows an item as it lands (chart_interaction.rs says why).
            onpointerdown: pointer(is_touch, Action::TouchDown),
            // A finger's moves are the page's, to scroll.
            onpointermove: pointer(|event| !is_touch(event), Action::Hover),
            onpointerleave: sends(&dispatcher, Action::Leave),
            onpointerup: pointer(|_| true, Action::Release),
            onpointercancel: sends(&dispatcher, Action::TouchCancel),
            onkeydown: on_key(interaction.clone(), scene, canvas.clone()),
            onblur: sends(&dispatcher, Action::Blur),
        }
    }
}

/// Arrow keys, Home and End move through the items; Escape closes the one shown. A key the
/// chart uses does not also scroll the page.
fn on_key(
    interaction: UseReducerHandle<Interaction>,
    scene: Option<Rc<Scene>>,
    canvas: NodeRef,
) -> Callback<KeyboardEvent> {
    Callback::from(move |event: KeyboardEvent| {
        let Some(scene) = &scene else { return };
        if scene.items.is_empty() {
            return;
        }
        let key = event.key();
        if key == "Escape" {
            if interaction.active.is_some() {
                event.prevent_default();
                interaction.dispatch(Action::Escape);
            }
            return;
        }
        let Some(step) = Step::from_key(&key) else {
            return;
        };
        event.prevent_default();
        let canvas_top = canvas
            .cast::<HtmlElement>()
            .map_or(0.0, |element| element.get_bounding_client_rect().top());
        interaction.dispatch(Action::Key {
            step,
            scene: scene.clone(),
            canvas_top,
            viewport_height: viewport_height(),
        });
    })
}
