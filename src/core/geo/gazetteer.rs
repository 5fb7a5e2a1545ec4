//! The place-name gazetteer (`data/places.tsv`): towns and villages of the region and its
//! neighbours (GeoNames) and Belgian postcodes (Statbel). It geocodes providers at town or
//! postcode precision and lets a user type where they start from.

use thiserror::Error;

use crate::core::geo_util::LonLat;
use crate::core::model::{Country, LocationPrecision};
use crate::core::text::fold;

/// What a gazetteer row names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    /// A town or village.
    Place,
    /// A postcode (placed at its municipality's main place).
    Postcode,
}

/// One row of the gazetteer.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// Town or village, or a postcode's municipality.
    pub name: String,
    /// Place or postcode.
    pub kind: PlaceKind,
    /// Country.
    pub country: Country,
    /// ISO 3166-2 province code, empty when unknown.
    pub province: String,
    /// Postcode, for postcode rows.
    pub postcode: Option<String>,
    /// Where it is.
    pub lon_lat: LonLat,
    /// Inhabitants (0 for postcodes), used to rank suggestions.
    pub population: u32,
    /// Where the row comes from.
    pub source: String,
}

impl Place {
    /// How precisely this row locates something.
    pub fn precision(&self) -> LocationPrecision {
        match self.kind {
            PlaceKind::Place => LocationPrecision::Town,
            // Postcodes sit at their municipality's place, so they are no finer than a town.
            PlaceKind::Postcode => LocationPrecision::Town,
        }
    }

    /// "Brugge (BE)" or "8000 Brugge (BE)".
    pub fn label(&self) -> String {
        match &self.postcode {
            Some(pc) => format!("{pc} {} ({})", self.name, self.country.code()),
            None => format!("{} ({})", self.name, self.country.code()),
        }
    }
}

/// "9000 Gent (BE)" → ("Gent", Some(Be)); "Terneuzen (NL)" → ("Terneuzen", Some(Nl)).
fn label_parts(label: &str) -> (&str, Option<Country>) {
    let (rest, country) = match label.rsplit_once(" (") {
        Some((r, c)) => (r, Country::from_code(c.trim_end_matches(')'))),
        None => (label, None),
    };
    let rest = match rest.split_once(' ') {
        Some((pc, name)) if pc.chars().all(|c| c.is_ascii_digit()) => name,
        _ => rest,
    };
    (rest.trim(), country)
}

/// A malformed gazetteer file.
#[derive(Debug, Error, PartialEq)]
pub enum GazetteerError {
    /// The header line is missing or lacks a column.
    #[error("gazetteer header lacks column `{0}`")]
    MissingColumn(&'static str),
    /// A row could not be read.
    #[error("gazetteer line {line}: {reason}")]
    BadRow {
        /// 1-based line.
        line: usize,
        /// What is wrong.
        reason: String,
    },
}

/// The loaded gazetteer.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    places: Vec<Place>,
    folded: Vec<String>,
}

/// Provinces of the Euregio Scheldemond: their places rank first in suggestions.
const HOME_PROVINCES: [&str; 3] = ["NL-ZE", "BE-VOV", "BE-VWV"];

impl Gazetteer {
    /// Parses the TSV (comment lines start with `#`; the first other line is the header).
    pub fn parse(tsv: &str) -> Result<Self, GazetteerError> {
        let mut lines = tsv
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty());
        let (_, header) = lines.next().ok_or(GazetteerError::MissingColumn("kind"))?;
        let cols: Vec<&str> = header.split('\t').collect();
        let col = |name: &'static str| {
            cols.iter()
                .position(|c| *c == name)
                .ok_or(GazetteerError::MissingColumn(name))
        };
        let (kind, name, country, province, postcode, lat, lon, population, source) = (
            col("kind")?,
            col("name")?,
            col("country")?,
            col("province")?,
            col("postcode")?,
            col("lat")?,
            col("lon")?,
            col("population")?,
            col("source")?,
        );
        let mut places = Vec::new();
        for (i, line) in lines {
            let f: Vec<&str> = line.split('\t').collect();
            let bad = |reason: &str| GazetteerError::BadRow {
                line: i + 1,
                reason: reason.to_string(),
            };
            let get = |c: usize| f.get(c).copied().ok_or_else(|| bad("too few columns"));
            let kind = match get(kind)? {
                "place" => PlaceKind::Place,
                "postcode" => PlaceKind::Postcode,
                _ => return Err(bad("unknown kind")),
            };
            let country =
                Country::from_code(get(country)?).ok_or_else(|| bad("unknown country"))?;
            let lat: f64 = get(lat)?
                .parse()
                .map_err(|_| bad("latitude is not a number"))?;
            let lon: f64 = get(lon)?
                .parse()
                .map_err(|_| bad("longitude is not a number"))?;
            let lon_lat = LonLat::new(lon, lat);
            if !lon_lat.is_valid() {
                return Err(bad("coordinates out of range"));
            }
            let pc = get(postcode)?.trim();
            places.push(Place {
                name: get(name)?.to_string(),
                kind,
                country,
                province: get(province)?.to_string(),
                postcode: (!pc.is_empty()).then(|| pc.to_string()),
                lon_lat,
                population: get(population)?.parse().unwrap_or(0),
                source: get(source)?.to_string(),
            });
        }
        let folded = places.iter().map(|p| fold(&p.name)).collect();
        Ok(Self { places, folded })
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// Town centres weighted by population (at least 500), for realistic synthetic data.
    pub fn town_weights(&self) -> Vec<(LonLat, f64)> {
        self.places
            .iter()
            .filter(|p| p.kind == PlaceKind::Place)
            .map(|p| (p.lon_lat, f64::from(p.population.max(500))))
            .collect()
    }

    /// All rows.
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    fn rank(&self, i: usize) -> (bool, std::cmp::Reverse<u32>) {
        let p = &self.places[i];
        (
            !HOME_PROVINCES.contains(&p.province.as_str()),
            std::cmp::Reverse(p.population),
        )
    }

    /// The place with exactly this name (accent- and case-insensitive), preferring the given
    /// country, the region's provinces and larger places. Postcode rows are not names.
    pub fn find_place(&self, name: &str, country: Option<Country>) -> Option<&Place> {
        let key = fold(name.trim());
        (0..self.places.len())
            .filter(|i| self.places[*i].kind == PlaceKind::Place && self.folded[*i] == key)
            .filter(|i| country.is_none_or(|c| self.places[*i].country == c))
            .min_by_key(|i| self.rank(*i))
            .map(|i| &self.places[i])
    }

    /// The row of a Belgian postcode.
    pub fn find_postcode(&self, postcode: &str) -> Option<&Place> {
        let pc = postcode.trim();
        self.places
            .iter()
            .find(|p| p.postcode.as_deref() == Some(pc))
    }

    /// Suggestions for what a user is typing: postcodes by prefix when the input is digits,
    /// else places whose name starts with it (then those containing it), region first.
    pub fn suggest(&self, input: &str, limit: usize) -> Vec<&Place> {
        // A suggestion picked from the list comes back as its label, "Terneuzen (NL)" or
        // "9000 Gent (BE)": that place, first.
        let trimmed = input.trim();
        if let Some(i) = (0..self.places.len()).find(|i| self.places[*i].label() == trimmed) {
            let mut out = vec![&self.places[i]];
            let (name, country) = label_parts(trimmed);
            out.extend(self.suggest(name, limit).into_iter().filter(|p| {
                !std::ptr::eq(*p, &self.places[i]) && country.is_none_or(|c| p.country == c)
            }));
            out.truncate(limit.max(1));
            return out;
        }
        let q = fold(trimmed);
        if q.is_empty() {
            return Vec::new();
        }
        if q.chars().all(|c| c.is_ascii_digit()) {
            return self
                .places
                .iter()
                .filter(|p| p.postcode.as_deref().is_some_and(|pc| pc.starts_with(&q)))
                .take(limit)
                .collect();
        }
        let mut hits: Vec<(u8, usize)> = (0..self.places.len())
            .filter(|i| self.places[*i].kind == PlaceKind::Place)
            .filter_map(|i| {
                let f = &self.folded[i];
                if f.starts_with(&q) {
                    Some((0, i))
                } else if f.contains(&q) {
                    Some((1, i))
                } else {
                    None
                }
            })
            .collect();
        crate::core::sort::sort_by_key(&mut hits, |(m, i)| {
            (*m, self.rank(*i), self.folded[*i].len())
        });
        hits.into_iter()
            .take(limit)
            .map(|(_, i)| &self.places[i])
            .collect()
    }

    /// Geocodes an address: a Belgian postcode first, else the locality, else the
    /// municipality. Returns the row used.
    pub fn geocode(
        &self,
        country: Country,
        postcode: Option<&str>,
        locality: Option<&str>,
        municipality: Option<&str>,
    ) -> Option<&Place> {
        if country == Country::Be {
            if let Some(p) = postcode.and_then(|pc| self.find_postcode(pc)) {
                return Some(p);
            }
        }
        locality
            .and_then(|l| self.find_place(l, Some(country)))
            .or_else(|| municipality.and_then(|m| self.find_place(m, Some(country))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# comment\nkind\tname\tcountry\tprovince\tmunicipality\tpostcode\tlat\tlon\tpopulation\tsource\n\
        place\tBrugge\tBE\tBE-VWV\t\t\t51.20892\t3.22424\t118509\tGeoNames 2800931\n\
        place\tMiddelburg\tBE\tBE-VOV\t\t\t51.25608\t3.41595\t653\tGeoNames 2791203\n\
        place\tMiddelburg\tNL\tNL-ZE\t\t\t51.5\t3.61389\t46485\tGeoNames 2750896\n\
        place\tSint-Niklaas\tBE\tBE-VOV\t\t\t51.16509\t4.1437\t69010\tGeoNames 2786578\n\
        postcode\tBrugge\tBE\tBE-VWV\tBrugge\t8000\t51.20892\t3.22424\t0\tStatbel\n";

    #[test]
    fn a_picked_suggestion_finds_its_place() {
        let g = Gazetteer::parse(SAMPLE).unwrap();
        for label in [
            "Middelburg (NL)",
            "Middelburg (BE)",
            "Brugge (BE)",
            "8000 Brugge (BE)",
        ] {
            let hits = g.suggest(label, 5);
            assert_eq!(
                hits.first().map(|p| p.label()),
                Some(label.to_string()),
                "{label}"
            );
        }
        assert_eq!(label_parts("9000 Gent (BE)"), ("Gent", Some(Country::Be)));
        assert!(g.suggest("Xyzzy (NL)", 5).is_empty());
    }

    #[test]
    fn lookups() {
        let g = Gazetteer::parse(SAMPLE).unwrap();
        assert_eq!(g.len(), 5);
        assert_eq!(
            g.find_place("middelburg", None).unwrap().country,
            Country::Nl,
            "larger place wins"
        );
        assert_eq!(
            g.find_place("Middelburg", Some(Country::Be))
                .unwrap()
                .population,
            653
        );
        assert_eq!(g.find_postcode("8000").unwrap().name, "Brugge");
        assert_eq!(g.suggest("80", 5).len(), 1);
        assert_eq!(g.suggest("sint", 5)[0].name, "Sint-Niklaas");
        assert_eq!(g.suggest("niklaas", 5)[0].name, "Sint-Niklaas");
        assert!(g.suggest("  ", 5).is_empty());
        let p = g.geocode(Country::Be, Some("8000"), None, None).unwrap();
        assert_eq!(p.kind, PlaceKind::Postcode);
        let p = g
            .geocode(Country::Nl, Some("4331"), Some("Middelburg"), None)
            .unwrap();
        assert_eq!(p.country, Country::Nl);
        assert!(g
            .geocode(Country::Nl, None, Some("Nergenshuizen"), None)
            .is_none());
    }

    #[test]
    fn bad_files() {
        assert_eq!(
            Gazetteer::parse("kind\tname\n").unwrap_err(),
            GazetteerError::MissingColumn("country")
        );
        let bad = SAMPLE.replace("51.5\t", "north\t");
        assert!(matches!(
            Gazetteer::parse(&bad),
            Err(GazetteerError::BadRow { line: 5, .. })
        ));
    }
}
