//! Thin Yew components. Only these and `browser.rs` touch the browser.

pub mod app;
pub mod baseline_canvas;
pub mod chart_canvas;
pub mod chart_drawing;
pub mod chart_figure;
pub mod chart_input;
pub mod chart_interaction;
pub mod chart_overlays;
pub mod chart_tools;
pub mod data_downloads;
pub mod embed_control;
pub mod error_panel;
pub mod figure_card;
pub mod headline_cards;
pub mod hooks;
pub mod page_header;
pub mod tooltip;

use std::rc::Rc;

use crate::data::Dataset;

/// The checked data set, shared; equal when it is the same allocation, so props compare in
/// O(1).
#[derive(Clone)]
pub struct SharedDataset(pub Rc<Dataset>);

impl SharedDataset {
    pub fn new(dataset: Dataset) -> SharedDataset {
        SharedDataset(Rc::new(dataset))
    }
}

impl PartialEq for SharedDataset {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
