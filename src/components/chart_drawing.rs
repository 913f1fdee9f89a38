//! Draws a chart's scene on its canvas, and again whenever what it shows changes.

use std::rc::Rc;

use web_sys::HtmlCanvasElement;
use yew::prelude::*;

use crate::charts::scene::Scene;
use crate::charts::theme::Theme;

use super::chart_tools::SharedScene;
use super::scene_bitmap::draw_and_show;

/// Draws `scene` on `canvas` in `theme` at `ratio` device px per CSS px (scene_bitmap.rs) once it
/// is laid out, and again whenever one of them changes. Returns why the last drawing failed, if
/// it did.
#[hook]
pub fn use_drawing(
    canvas: NodeRef,
    scene: Option<Rc<Scene>>,
    theme: Theme,
    ratio: f64,
) -> Option<String> {
    let draw_error = use_state_eq(|| None::<String>);
    {
        let draw_error = draw_error.clone();
        use_effect_with(
            (scene.map(SharedScene), theme, ratio),
            move |(scene, theme, ratio)| {
                if let (Some(SharedScene(scene)), Some(element)) =
                    (scene, canvas.cast::<HtmlCanvasElement>())
                {
                    draw_error.set(draw_and_show(&element, scene, theme, *ratio).err());
                }
            },
        );
    }
    (*draw_error).clone()
}
