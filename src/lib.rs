#![warn(missing_docs)]
//! Leerkaart Scheldemond: an interactive map of training offers across the Euregio
//! Scheldemond (Zeeland, Oost-Vlaanderen, West-Vlaanderen).
//!
//! The crate has two halves. [`core`] is pure Rust (data model, GeoJSON loading and
//! validation, spatial index, filters, facets, level equivalence) and is tested natively with
//! `cargo test`. `app` is the thin Leptos front end, compiled only for `wasm32`.

pub mod core;

#[cfg(not(target_arch = "wasm32"))]
pub mod pipeline;

#[cfg(target_arch = "wasm32")]
pub mod app;
