//! Splits a dataset into tiles for static hosting: a grid of `cell_deg` squares, one
//! FeatureCollection per non-empty cell, and `index.json` listing each tile's bounds and
//! counts. The page then fetches only the tiles its view needs, from any static host or CDN.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::{json, Value};

use super::{export, write_atomically, PipelineError};
use crate::core::{BoundsLonLat, Dataset, ProviderId};

/// Default tile size in degrees: about 17 × 28 km here, a town and its surroundings.
pub const DEFAULT_CELL_DEG: f64 = 0.25;
pub use crate::core::tiles::INDEX_FORMAT;

/// One written tile.
#[derive(Debug, Clone, PartialEq)]
pub struct TileInfo {
    /// File name, relative to the index.
    pub file: String,
    /// The cell.
    pub bounds: BoundsLonLat,
    /// Providers in it.
    pub providers: usize,
    /// Courses in it.
    pub courses: usize,
    /// File size in bytes.
    pub bytes: usize,
}

/// Groups provider ids by grid cell.
pub fn cells(data: &Dataset, cell_deg: f64) -> BTreeMap<(i64, i64), Vec<ProviderId>> {
    let mut out: BTreeMap<(i64, i64), Vec<ProviderId>> = BTreeMap::new();
    for (i, p) in data.providers.iter().enumerate() {
        let key = (
            (p.lon_lat.lon / cell_deg).floor() as i64,
            (p.lon_lat.lat / cell_deg).floor() as i64,
        );
        out.entry(key).or_default().push(i as ProviderId);
    }
    out
}

/// Writes the tiles and `index.json` into `dir`; returns what was written.
pub fn write_tiles(
    data: &Dataset,
    dir: &Path,
    cell_deg: f64,
) -> Result<Vec<TileInfo>, PipelineError> {
    let err = |source| PipelineError::Io {
        path: dir.display().to_string(),
        source,
    };
    std::fs::create_dir_all(dir.join("tiles")).map_err(err)?;
    let mut infos = Vec::new();
    for ((x, y), ids) in cells(data, cell_deg) {
        let mut tile = Dataset::default();
        for id in ids {
            let p = &data.providers[id as usize];
            let first = tile.courses.len() as u32;
            for c in data.courses_of(id) {
                let mut c = c.clone();
                c.provider = tile.providers.len() as ProviderId;
                tile.courses.push(c);
            }
            let mut p = p.clone();
            p.courses = first..tile.courses.len() as u32;
            tile.providers.push(p);
        }
        let file = format!("tiles/{x}_{y}.geojson");
        let text = export::to_geojson(&tile, "Leerkaart tile").to_string();
        write_atomically(&dir.join(&file), text.as_bytes())?;
        infos.push(TileInfo {
            file,
            bounds: BoundsLonLat {
                west: x as f64 * cell_deg,
                south: y as f64 * cell_deg,
                east: (x + 1) as f64 * cell_deg,
                north: (y + 1) as f64 * cell_deg,
            },
            providers: tile.providers.len(),
            courses: tile.courses.len(),
            bytes: text.len(),
        });
    }
    let index = json!({
        "format": INDEX_FORMAT,
        "cell_deg": cell_deg,
        "providers": data.providers.len(),
        "courses": data.courses.len(),
        "tiles": infos.iter().map(|t| json!({
            "file": t.file,
            "bounds": [t.bounds.west, t.bounds.south, t.bounds.east, t.bounds.north],
            "providers": t.providers,
            "courses": t.courses,
        })).collect::<Vec<Value>>(),
    });
    write_atomically(&dir.join("index.json"), index.to_string().as_bytes())?;
    Ok(infos)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::synth::{generate, SynthOptions};
    use crate::core::{load_geojson, LoadOptions};

    #[test]
    fn tiles_partition_the_dataset_and_each_loads() {
        let data = generate(
            8,
            &SynthOptions {
                providers: 400,
                courses: 3_000,
                ..Default::default()
            },
        );
        let dir = std::env::temp_dir().join(format!("leerkaart-tiles-{}", std::process::id()));
        let infos = write_tiles(&data, &dir, DEFAULT_CELL_DEG).unwrap();
        assert!(infos.len() > 4);
        assert_eq!(infos.iter().map(|t| t.providers).sum::<usize>(), 400);
        assert_eq!(infos.iter().map(|t| t.courses).sum::<usize>(), 3_000);
        let mut keys = Vec::new();
        for t in &infos {
            let text = std::fs::read_to_string(dir.join(&t.file)).unwrap();
            let report = load_geojson(&text, &LoadOptions::default()).unwrap();
            assert!(report.rejections.is_empty());
            assert_eq!(report.dataset.courses.len(), t.courses);
            for p in &report.dataset.providers {
                assert!(t.bounds.contains(&p.lon_lat), "{} outside its tile", p.key);
                keys.push(p.key.clone());
            }
        }
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), 400, "every provider in exactly one tile");
        let index: Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join("index.json")).unwrap())
                .unwrap();
        assert_eq!(index["format"], INDEX_FORMAT);
        assert_eq!(index["tiles"].as_array().unwrap().len(), infos.len());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
