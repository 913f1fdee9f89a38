//! Interactive infographic of the article 建设"一区五城" 奋进"两高"征程 (Banan district, Chongqing).
//!
//! Data flows one way: text → `data` (parse, validate, checked model) → `charts` (pure layout,
//! backend-generic drawing) → `components` (thin Yew views; the only code touching the browser
//! besides `main.rs`).

pub mod browser;
pub mod charts;
pub mod components;
pub mod data;
pub mod data_address;
pub mod edition;
pub mod embed;
pub mod export;

pub mod format;
pub mod lang;
pub mod prerender;
pub mod query;
pub mod state;
