//! The charts: each file lays one chart out from the checked data as a `Scene` (pure
//! geometry, no browser), and `draw` renders any scene with plotters on any backend.

pub mod catalog;
pub mod city_check;
pub mod clusters;
pub mod details;
pub mod display;
pub mod draw;
pub mod framed;
pub mod investment;
pub mod layout;
pub mod renewal;
pub mod renovation;
pub mod rural;
pub mod scale_ladder;
pub mod scene;
pub mod text;
pub mod theme;
