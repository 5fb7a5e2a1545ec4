//! Benchmarks (not tests): index build, bounding-box, radius and k-nearest queries, a filter
//! change (filter + facets + the visible set) and clustering, on seeded synthetic data of
//! 10k, 100k and 1M courses (8 courses per provider, providers around the region's real
//! towns). Prints min and median of several runs and the workload size, and writes the
//! provider points and queries to `target/bench/` so `bench/js/bench.mjs` runs kdbush,
//! flatbush and supercluster on exactly the same input.
//!
//!   cargo bench --bench spatial            (or scripts/bench.sh for the whole comparison)

use std::hint::black_box;
use std::io::Write;
use std::time::Instant;

use leerkaart::core::cluster::{cluster, ClusterOptions};
use leerkaart::core::gazetteer::Gazetteer;
use leerkaart::core::index::SpatialIndex;
use leerkaart::core::synth::{
    bench_filter, filter_change, occupation_search, realistic, workload, Workload,
};
use leerkaart::core::*;

const SEED: u64 = 20_261_123;
const SIZES: [usize; 3] = [10_000, 100_000, 1_000_000];
const COURSES_PER_PROVIDER: usize = 8;
const QUERIES: usize = 1_000;
const RADIUS_KM: f64 = 10.0;
const K: usize = 10;
const CLUSTER_ZOOM: f64 = 9.0;

/// Times `f` `runs` times; returns (min, median) in milliseconds.
fn time(runs: usize, mut f: impl FnMut()) -> (f64, f64) {
    let mut t: Vec<f64> = (0..runs)
        .map(|_| {
            let s = Instant::now();
            f();
            s.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    t.sort_by(f64::total_cmp);
    (t[0], t[t.len() / 2])
}

fn row(op: &str, n: usize, work: &str, (min, med): (f64, f64)) {
    println!("| leerkaart (native) | {op} | {n} | {work} | {min:.3} | {med:.3} |");
}

fn main() {
    let places = std::fs::read_to_string("data/places.tsv").expect("run from the crate root");
    let gaz = Gazetteer::parse(&places).expect("gazetteer");
    let centres = gaz.town_weights();
    std::fs::create_dir_all("target/bench").unwrap();
    println!("| implementation | operation | courses | workload | min ms | median ms |");
    println!("|---|---|---|---|---|---|");
    for &courses in &SIZES {
        let providers = courses / COURSES_PER_PROVIDER;
        let data = realistic(SEED, courses, providers, centres.clone());
        let points: Vec<(LonLat, u32)> = data
            .providers
            .iter()
            .enumerate()
            .map(|(i, p)| (p.lon_lat, i as u32))
            .collect();

        // Shared input for the JavaScript libraries.
        let Workload {
            boxes,
            points: centres_q,
        } = workload(&data, SEED ^ courses as u64, QUERIES);
        let mut f = std::fs::File::create(format!("target/bench/input-{courses}.bin")).unwrap();
        let mut put = |x: f64| f.write_all(&x.to_le_bytes()).unwrap();
        put(points.len() as f64);
        for (p, _) in &points {
            put(p.lon);
            put(p.lat);
        }
        put(QUERIES as f64);
        for b in &boxes {
            put(b.west);
            put(b.south);
            put(b.east);
            put(b.north);
        }
        for c in &centres_q {
            put(c.lon);
            put(c.lat);
        }

        let runs = if courses >= 1_000_000 { 5 } else { 15 };
        let n = points.len();
        row(
            "index build",
            courses,
            &format!("{n} points"),
            time(runs, || {
                black_box(SpatialIndex::new(points.iter().copied()));
            }),
        );
        let index = SpatialIndex::new(points.iter().copied());
        row(
            "bbox query",
            courses,
            &format!("{QUERIES} boxes"),
            time(runs, || {
                for b in &boxes {
                    black_box(index.in_bounds(b));
                }
            }),
        );
        row(
            "radius query",
            courses,
            &format!("{QUERIES} × {RADIUS_KM} km"),
            time(runs, || {
                for c in &centres_q {
                    black_box(index.within_radius_km(*c, RADIUS_KM));
                }
            }),
        );
        row(
            "k nearest",
            courses,
            &format!("{QUERIES} × k={K}"),
            time(runs, || {
                for c in &centres_q {
                    black_box(index.nearest_k(*c, K));
                }
            }),
        );
        row(
            "cluster (all points)",
            courses,
            &format!("{n} points, zoom {CLUSTER_ZOOM}"),
            time(runs, || {
                black_box(cluster(
                    points.iter().copied(),
                    CLUSTER_ZOOM,
                    &ClusterOptions::default(),
                ));
            }),
        );

        // Catalog build: R-tree, folded search text, display order and occupation links.
        let mut builds = Vec::new();
        for _ in 0..3 {
            let copy = data.clone();
            let s = Instant::now();
            black_box(Catalog::new(copy));
            builds.push(s.elapsed().as_secs_f64() * 1e3);
        }
        builds.sort_by(f64::total_cmp);
        row(
            "catalog build",
            courses,
            "index + text + occupation links",
            (builds[0], builds[1]),
        );
        let catalog = Catalog::new(data);
        let view = boxes[0];
        let filter = bench_filter();
        row(
            "filter change",
            courses,
            "filter + facets + in-view list + clusters",
            time(runs, || {
                black_box(filter_change(&catalog, &filter, view, CLUSTER_ZOOM));
            }),
        );
        row(
            "occupation search",
            courses,
            "occupation \"lasser\" + shortage filter + facets + path",
            time(runs, || {
                black_box(occupation_search(&catalog, "lasser"));
            }),
        );
        row(
            "text search",
            courses,
            "\"verpleeg\" + facets",
            time(runs, || {
                black_box(
                    catalog
                        .apply(&Filter {
                            text: "verpleeg".into(),
                            ..Default::default()
                        })
                        .course_count,
                );
            }),
        );
    }
}
