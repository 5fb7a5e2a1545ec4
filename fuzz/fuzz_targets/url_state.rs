//! The URL-state parser on arbitrary query strings: never panics, and what it reads survives
//! a round trip.
#![no_main]
use leerkaart::core::url::{data_param, UrlState};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(query) = std::str::from_utf8(data) else { return };
    let state = UrlState::from_query(query);
    let again = UrlState::from_query(&state.to_query());
    // Coordinates are rounded to 5 decimals in URLs; compare everything else exactly.
    assert_eq!(again.text, state.text);
    assert_eq!(again.sectors, state.sectors);
    assert_eq!(again.levels, state.levels);
    assert_eq!(again.selected, state.selected);
    assert_eq!(again.lang, state.lang);
    assert_eq!(again.radius_km, state.radius_km);
    if let Some(d) = data_param(query) {
        assert!(!d.to_ascii_lowercase().starts_with("javascript:"));
    }
});
