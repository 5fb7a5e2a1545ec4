//! The tile index of a split dataset (written by `leerkaart-data tile`): which tiles exist
//! and where, so the page fetches only those its view needs.

use serde::{Deserialize, Serialize};

use crate::core::geo_util::BoundsLonLat;
use crate::core::model::{CourseId, Dataset, ProviderId};

/// Format marker of a tile index.
pub const INDEX_FORMAT: &str = "leerkaart-tiles/1";

/// One tile of a split dataset.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TileRef {
    /// File, relative to the index.
    pub file: String,
    /// `[west, south, east, north]` in degrees.
    pub bounds: [f64; 4],
    /// Providers in the tile.
    pub providers: usize,
    /// Courses in the tile.
    pub courses: usize,
}

/// `index.json` of a split dataset.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TileIndex {
    /// Must be [`INDEX_FORMAT`].
    pub format: String,
    /// Tile size in degrees.
    pub cell_deg: f64,
    /// Providers in all tiles.
    pub providers: usize,
    /// Courses in all tiles.
    pub courses: usize,
    /// The tiles.
    pub tiles: Vec<TileRef>,
}

impl TileIndex {
    /// Reads an index; `None` when the text is not one (then it is a plain dataset).
    pub fn parse(text: &str) -> Option<Self> {
        // A dataset is not an index: a substring scan spares it a whole second JSON parse.
        if !text.contains(INDEX_FORMAT) {
            return None;
        }
        serde_json::from_str::<Self>(text)
            .ok()
            .filter(|i| i.format == INDEX_FORMAT)
    }

    /// Tiles that intersect `view`, nearest to its centre first.
    pub fn needed(&self, view: &BoundsLonLat) -> Vec<usize> {
        let c = view.center();
        let mut hits: Vec<(f64, usize)> = self
            .tiles
            .iter()
            .enumerate()
            .filter(|(_, t)| {
                t.bounds[0] <= view.east
                    && t.bounds[2] >= view.west
                    && t.bounds[1] <= view.north
                    && t.bounds[3] >= view.south
            })
            .map(|(i, t)| {
                let (x, y) = (
                    (t.bounds[0] + t.bounds[2]) / 2.0,
                    (t.bounds[1] + t.bounds[3]) / 2.0,
                );
                ((x - c.lon).powi(2) + (y - c.lat).powi(2), i)
            })
            .collect();
        crate::core::sort::sort_by(&mut hits, |a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        hits.into_iter().map(|(_, i)| i).collect()
    }
}

impl Dataset {
    /// Appends another dataset (a newly fetched tile), renumbering its ids.
    pub fn append(&mut self, other: Dataset) {
        let provider_offset = self.providers.len() as ProviderId;
        let course_offset = self.courses.len() as CourseId;
        self.courses.extend(other.courses.into_iter().map(|mut c| {
            c.provider += provider_offset;
            c
        }));
        self.providers
            .extend(other.providers.into_iter().map(|mut p| {
                p.courses = p.courses.start + course_offset..p.courses.end + course_offset;
                p
            }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::synth::{generate, SynthOptions};
    use crate::core::LonLat;

    #[test]
    fn append_keeps_every_course_with_its_provider() {
        let a = generate(
            1,
            &SynthOptions {
                providers: 10,
                courses: 50,
                ..Default::default()
            },
        );
        let b = generate(
            2,
            &SynthOptions {
                providers: 7,
                courses: 30,
                ..Default::default()
            },
        );
        let mut m = a.clone();
        m.append(b.clone());
        assert_eq!((m.providers.len(), m.courses.len()), (17, 80));
        for (i, p) in m.providers.iter().enumerate() {
            for c in m.courses_of(i as ProviderId) {
                assert_eq!(c.provider as usize, i);
            }
            let original = if i < 10 {
                a.courses_of(i as u32)
            } else {
                b.courses_of((i - 10) as u32)
            };
            assert_eq!(
                m.courses_of(i as u32)
                    .iter()
                    .map(|c| &c.name)
                    .collect::<Vec<_>>(),
                original.iter().map(|c| &c.name).collect::<Vec<_>>(),
                "{}",
                p.key
            );
        }
    }

    #[test]
    fn needed_tiles_intersect_the_view_nearest_first() {
        let t = |w: f64, s: f64| TileRef {
            file: format!("{w}_{s}"),
            bounds: [w, s, w + 0.25, s + 0.25],
            providers: 1,
            courses: 1,
        };
        let index = TileIndex {
            format: INDEX_FORMAT.into(),
            cell_deg: 0.25,
            providers: 3,
            courses: 3,
            tiles: vec![t(3.0, 51.0), t(3.25, 51.0), t(4.0, 51.5)],
        };
        let view = BoundsLonLat::from_corners(LonLat::new(3.2, 51.1), LonLat::new(3.4, 51.2));
        assert_eq!(index.needed(&view), [1, 0]);
        assert!(TileIndex::parse("{\"type\":\"FeatureCollection\",\"features\":[]}").is_none());
        assert_eq!(
            TileIndex::parse(&serde_json::to_string(&index).unwrap()),
            Some(index)
        );
    }
}
