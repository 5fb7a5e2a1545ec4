//! Sharing a view: the QR code of its link (as SVG, for the screen, the decision sheet and a
//! poster), the poster's caption, and the `<iframe>` snippet a partner pastes on its site.

use qrcode::{Color, EcLevel, QrCode};

use crate::core::i18n::Lang;
use crate::core::listing::escape_html;
use crate::core::{labels, Sector};

/// File names of the open-data downloads, written beside the shipped dataset in
/// [`OPEN_DATA_DIR`] by `leerkaart-data build` (the GeoJSON download is the shipped file).
pub const OPEN_DATA_CSV: &str = "leerkaart-scheldemond.csv";
/// See [`OPEN_DATA_CSV`].
pub const OPEN_DATA_OOAPI: &str = "leerkaart-scheldemond-ooapi.json";
/// Folder of the open-data downloads, relative to the shipped dataset's folder.
pub const OPEN_DATA_DIR: &str = "export";

/// White modules around the code: the QR standard asks for four, and scanners need them.
const QUIET_ZONE_MODULES: usize = 4;
/// Pixels per module at the code's natural size.
const NATURAL_MODULE_PX: usize = 4;

/// Height of the embedded map, in CSS pixels: the list and the map side by side need about
/// this much on a partner's page; phones stack them and scroll inside the frame.
pub const EMBED_HEIGHT_PX: u32 = 640;

/// The QR code of `text` as an SVG document, one unit per module, drawn as a single path (no
/// inline styles, so it renders under the page's Content-Security-Policy and prints sharply at
/// any size). Medium error correction survives a folded or slightly smudged print. `None`
/// when the text is too long for a QR code.
pub fn qr_svg(text: &str) -> Option<String> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let width = code.width();
    let colors = code.to_colors();
    let size = width + 2 * QUIET_ZONE_MODULES;
    // Where no style sets its size, whole pixels per module: even modules, which a camera
    // reads off a screen more surely than scaled ones.
    let px = size * NATURAL_MODULE_PX;
    let mut path = String::new();
    for y in 0..width {
        let mut x = 0;
        while x < width {
            if colors[y * width + x] == Color::Dark {
                // One horizontal run per path segment keeps the path short.
                let start = x;
                while x < width && colors[y * width + x] == Color::Dark {
                    x += 1;
                }
                path.push_str(&format!(
                    "M{} {}h{}v1h-{}z",
                    start + QUIET_ZONE_MODULES,
                    y + QUIET_ZONE_MODULES,
                    x - start,
                    x - start
                ));
            } else {
                x += 1;
            }
        }
    }
    Some(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" width=\"{px}\" height=\"{px}\" shape-rendering=\"crispEdges\" aria-hidden=\"true\" focusable=\"false\"><rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>"
    ))
}

/// The poster's headline for a view: what scanning it shows, e.g. "Scan voor alle opleidingen
/// techniek binnen 20 km van Goes".
pub fn poster_caption(
    lang: Lang,
    sectors: &[Sector],
    radius_km: Option<u32>,
    place: Option<&str>,
) -> String {
    let sectors = sectors
        .iter()
        .map(|s| lowercase_first(labels::sector(lang, *s)))
        .collect::<Vec<_>>();
    let what = match (lang, sectors.is_empty()) {
        (Lang::Nl, true) => "Scan voor alle opleidingen".to_string(),
        (Lang::Nl, false) => format!("Scan voor alle opleidingen {}", join(lang, &sectors)),
        (Lang::En, true) => "Scan for all courses".to_string(),
        (Lang::En, false) => format!("Scan for all {} courses", join(lang, &sectors)),
        (Lang::Fr, true) => "Scannez pour toutes les formations".to_string(),
        (Lang::Fr, false) => format!(
            "Scannez pour toutes les formations en {}",
            join(lang, &sectors)
        ),
    };
    let place = place.map(str::trim).filter(|p| !p.is_empty());
    match (place, radius_km) {
        (Some(p), Some(km)) => match lang {
            Lang::Nl => format!("{what} binnen {km} km van {p}"),
            Lang::En => format!("{what} within {km} km of {p}"),
            Lang::Fr => format!("{what} à moins de {km} km de {p}"),
        },
        (Some(p), None) => match lang {
            Lang::Nl => format!("{what} rond {p}"),
            Lang::En => format!("{what} around {p}"),
            Lang::Fr => format!("{what} autour de {p}"),
        },
        _ => match lang {
            Lang::Nl => format!("{what} in de Euregio Scheldemond"),
            Lang::En => format!("{what} in the Euregio Scheldemond"),
            Lang::Fr => format!("{what} dans l'Euregio Scheldemond"),
        },
    }
}

fn join(lang: Lang, items: &[String]) -> String {
    let and = match lang {
        Lang::Nl => " en ",
        Lang::En => " and ",
        Lang::Fr => " et ",
    };
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{}{and}{last}", rest.join(", ")),
    }
}

/// "Techniek" → "techniek", but "ICT" stays.
fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase() => a
            .to_lowercase()
            .chain(std::iter::once(b))
            .chain(chars)
            .collect(),
        _ => s.to_string(),
    }
}

/// The `<iframe>` a partner pastes to embed the map at `url` (already carrying `embed=1`),
/// with an accessible title. Attribute values are escaped: the title may hold a place name.
pub fn embed_snippet(url: &str, title: &str) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{EMBED_HEIGHT_PX}\" style=\"border:0\" loading=\"lazy\" allow=\"geolocation\"></iframe>",
        escape_html(url),
        escape_html(title)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qr_svg_is_square_self_contained_and_without_styles() {
        let svg = qr_svg("https://example.org/leerkaart/?sector=engineering&km=20").unwrap();
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(!svg.contains("style"), "{svg}");
        // Version 3 or 4 at this length: 29 or 33 modules plus the quiet zone.
        let size: usize = svg
            .split("viewBox=\"0 0 ")
            .nth(1)
            .and_then(|r| r.split(' ').next())
            .and_then(|n| n.parse().ok())
            .unwrap();
        assert!((25 + 8..=41 + 8).contains(&size), "{size}");
        assert!(qr_svg(&"x".repeat(5_000)).is_none());
    }

    #[test]
    fn captions_name_the_sectors_radius_and_place() {
        assert_eq!(
            poster_caption(Lang::Nl, &[Sector::Engineering], Some(20), Some("Goes")),
            "Scan voor alle opleidingen techniek binnen 20 km van Goes"
        );
        assert_eq!(
            poster_caption(Lang::En, &[Sector::Engineering], Some(20), Some("Goes")),
            "Scan for all engineering and technology courses within 20 km of Goes"
        );
        assert_eq!(
            poster_caption(Lang::Fr, &[], None, None),
            "Scannez pour toutes les formations dans l'Euregio Scheldemond"
        );
        assert_eq!(
            poster_caption(
                Lang::Nl,
                &[Sector::Ict, Sector::HealthWelfare],
                None,
                Some("Brugge")
            ),
            "Scan voor alle opleidingen ICT en zorg en welzijn rond Brugge"
        );
    }

    #[test]
    fn the_snippet_escapes_what_it_quotes() {
        let s = embed_snippet("https://x.example/?embed=1&q=a\"b", "Kaart <Goes>");
        assert!(
            s.contains("src=\"https://x.example/?embed=1&amp;q=a&quot;b\""),
            "{s}"
        );
        assert!(s.contains("title=\"Kaart &lt;Goes&gt;\""));
        assert!(s.contains(&format!("height=\"{EMBED_HEIGHT_PX}\"")));
    }
}
