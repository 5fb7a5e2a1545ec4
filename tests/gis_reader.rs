//! The shipped GeoJSON as a GIS reads it: GDAL's own GeoJSON driver (through pyogrio, which
//! `scripts/setup.sh --browser` installs into `target/gis-venv`), not this project's loader.
//! Checked against what the app loads: every location at the same point with the same name,
//! its courses (GDAL reads them as a JSON field) and the places of advice; and the open-data
//! CSV through GDAL's CSV driver (its own separator detection, quoting and byte-order mark).

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::Command;

use leerkaart::core::{load_geojson, LoadOptions};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The Python with pyogrio, or `None` (with a note) where it is not installed: a user's clone
/// that ran only the first command. CI runs `scripts/test.sh`, which installs it.
fn gis_python() -> Option<PathBuf> {
    let py = std::env::var_os("LEERKAART_GIS_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target/gis-venv/bin/python"));
    let ok = Command::new(&py)
        .args(["-c", "import pyogrio"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        eprintln!(
            "SKIPPED: no pyogrio at {} (scripts/setup.sh --browser installs it)",
            py.display()
        );
    }
    ok.then_some(py)
}

/// Reads a GeoJSON file with GDAL and prints, as JSON, its driver, CRS, geometry type and,
/// per feature, its id, name, point (none for a feature without a geometry) and the number
/// of items in `courses` (GDAL's JSON field).
const READ: &str = r#"
import json, struct, sys
import pyogrio
from pyogrio import raw
path = sys.argv[1]
info = pyogrio.read_info(path)
meta, _, geometry, fields = raw.read(path, columns=["id", "name"] + (["courses"] if "courses" in list(info["fields"]) else []))
cols = list(meta["fields"])
rows = []
for i, wkb in enumerate(geometry):
    kind, lon, lat = 0, None, None
    if wkb is not None:
        wkb = bytes(wkb)
        order = "<" if wkb[0] == 1 else ">"
        kind = struct.unpack(order + "I", wkb[1:5])[0]
        lon, lat = struct.unpack(order + "dd", wkb[5:21])
    row = {c: fields[j][i] for j, c in enumerate(cols)}
    courses = row.get("courses")
    rows.append({
        "id": row["id"], "name": row["name"], "wkb_type": kind, "lon": lon, "lat": lat,
        "courses": len(json.loads(courses)) if isinstance(courses, str) else (None if courses is None else -1),
    })
print(json.dumps({
    "driver": info["driver"], "crs": info["crs"], "geometry_type": info["geometry_type"],
    "features": int(info["features"]), "gdal": pyogrio.__gdal_version_string__, "rows": rows,
}))
"#;

fn read_with_gdal(py: &PathBuf, path: &PathBuf) -> serde_json::Value {
    let out = Command::new(py)
        .args(["-c", READ])
        .arg(path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "GDAL could not read {}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn the_shipped_geojson_reads_in_gdal_as_the_app_loads_it() {
    let Some(py) = gis_python() else { return };
    let path = root().join("data/providers.geojson");
    let gdal = read_with_gdal(&py, &path);
    eprintln!("read with GDAL {}", gdal["gdal"]);
    assert_eq!(gdal["driver"], "GeoJSON");
    assert_eq!(
        gdal["crs"], "EPSG:4326",
        "RFC 7946: WGS 84 longitude, latitude"
    );
    assert_eq!(gdal["geometry_type"], "Point");

    let text = std::fs::read_to_string(&path).unwrap();
    let report = load_geojson(&text, &LoadOptions::default()).unwrap();
    assert!(report.rejections.is_empty(), "{:?}", report.rejections);
    let data = report.dataset;
    let rows = gdal["rows"].as_array().unwrap();
    assert_eq!(gdal["features"], data.providers.len());
    assert_eq!(rows.len(), data.providers.len());

    let mut courses_of: HashMap<usize, usize> = HashMap::new();
    for c in &data.courses {
        *courses_of.entry(c.provider as usize).or_default() += 1;
    }
    let by_key: HashMap<&str, usize> = data
        .providers
        .iter()
        .enumerate()
        .map(|(i, p)| (p.key.as_str(), i))
        .collect();
    let mut gdal_courses = 0;
    for row in rows {
        let id = row["id"].as_str().unwrap();
        let i = *by_key
            .get(id)
            .unwrap_or_else(|| panic!("GDAL reads a feature `{id}` the app does not"));
        let p = &data.providers[i];
        assert_eq!(row["name"], p.name.as_str(), "{id}");
        assert_eq!(row["wkb_type"], 1, "{id}: a WKB point");
        // The same decimal numbers, parsed by two readers.
        assert_eq!(row["lon"].as_f64(), Some(p.lon_lat.lon), "{id}");
        assert_eq!(row["lat"].as_f64(), Some(p.lon_lat.lat), "{id}");
        let n = row["courses"].as_i64().unwrap_or(0) as usize;
        assert_eq!(n, courses_of.get(&i).copied().unwrap_or(0), "{id}: courses");
        gdal_courses += n;
    }
    assert_eq!(gdal_courses, data.courses.len());

    // The places of advice, a layer of their own: points, and regional services without one.
    let advice = read_with_gdal(&py, &root().join("data/guidance.geojson"));
    assert_eq!(advice["driver"], "GeoJSON");
    assert_eq!(advice["geometry_type"], "Point");
    let located = advice["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["wkb_type"] == 1)
        .count();
    assert!(located >= 10, "{advice}");
}

/// Reads a CSV with GDAL's CSV driver (every value as text) and prints its driver, field
/// names and the `provider_id`, `provider` and `course` of each row, as JSON.
const READ_CSV: &str = r#"
import json, sys
import pyogrio
from pyogrio import raw
path = sys.argv[1]
info = pyogrio.read_info(path)
meta, _, _, fields = raw.read(path, columns=["provider_id", "provider", "course"], read_geometry=False)
cols = list(meta["fields"])
rows = [[fields[j][i] for j in range(len(cols))] for i in range(len(fields[0]))]
print(json.dumps({"driver": info["driver"], "fields": list(info["fields"]), "rows": rows}))
"#;

#[test]
fn the_open_data_csv_reads_in_gdal_row_for_row() {
    let Some(py) = gis_python() else { return };
    let text = std::fs::read_to_string(root().join("data/providers.geojson")).unwrap();
    let files = leerkaart::pipeline::export::open_data(&text).unwrap();
    let csv = &files
        .iter()
        .find(|(n, _)| *n == leerkaart::pipeline::export::OPEN_DATA_CSV)
        .unwrap()
        .1;
    let dir = std::env::temp_dir().join(format!("leerkaart-gis-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("leerkaart-scheldemond.csv");
    std::fs::write(&path, csv).unwrap();
    let out = Command::new(&py)
        .args(["-c", READ_CSV])
        .arg(&path)
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        out.status.success(),
        "GDAL could not read the CSV: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let gdal: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(gdal["driver"], "CSV");
    // Its first column is `provider_id`, not `\u{feff}provider_id`: GDAL drops the mark.
    let fields: Vec<&str> = gdal["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    assert_eq!(fields, leerkaart::pipeline::export::CSV_COLUMNS);

    // A row per course, and one for each location whose offer is not listed.
    let data = load_geojson(&text, &LoadOptions::default())
        .unwrap()
        .dataset;
    let mut expected: Vec<[String; 3]> = Vec::new();
    for (i, p) in data.providers.iter().enumerate() {
        let courses: Vec<&str> = data
            .courses
            .iter()
            .filter(|c| c.provider as usize == i)
            .map(|c| c.name.as_str())
            .collect();
        if courses.is_empty() {
            expected.push([p.key.clone(), p.name.clone(), String::new()]);
        }
        for c in courses {
            expected.push([p.key.clone(), p.name.clone(), c.to_string()]);
        }
    }
    let got: Vec<[String; 3]> = gdal["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let cell = |k: usize| r[k].as_str().unwrap_or("").to_string();
            [cell(0), cell(1), cell(2)]
        })
        .collect();
    assert_eq!(got.len(), expected.len());
    let mut got_sorted = got.clone();
    let mut expected_sorted = expected.clone();
    got_sorted.sort();
    expected_sorted.sort();
    assert!(
        got_sorted == expected_sorted,
        "first difference: {:?}",
        got_sorted
            .iter()
            .zip(&expected_sorted)
            .find(|(a, b)| a != b)
    );
}
