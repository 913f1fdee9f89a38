//! What a laid-out scene draws, as the chart tests read it.

use banan_infographic::charts::scene::{Mark, Rect, Scene};

/// The solid, tinted or hatched boxes of `scene` that are `height` px tall: one chart's bars,
/// squares or tiles.
pub fn boxes_of_height(scene: &Scene, height: f64) -> Vec<Rect> {
    scene
        .marks
        .iter()
        .filter_map(|mark| match mark {
            Mark::Box { rect, .. } if (rect.height - height).abs() < 1e-9 => Some(*rect),
            _ => None,
        })
        .collect()
}
