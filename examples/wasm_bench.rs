//! The spatial benchmark compiled to WebAssembly and run in node (scripts/bench.sh builds it
//! with wasm-bindgen --target nodejs): the same seeded data and operations as
//! `benches/spatial.rs`, timed with `performance.now()`, printed in the same table format.

#[cfg(target_arch = "wasm32")]
mod bench {
    use leerkaart::core::cluster::{cluster, ClusterOptions};
    use leerkaart::core::index::SpatialIndex;
    use leerkaart::core::synth::{
        bench_filter, filter_change, occupation_search, realistic, workload, Workload,
    };
    use leerkaart::core::*;
    use wasm_bindgen::prelude::*;

    const SEED: u64 = 20_261_123;
    const QUERIES: usize = 1_000;

    fn now() -> f64 {
        let perf = js_sys::Reflect::get(&js_sys::global(), &"performance".into())
            .unwrap_or(JsValue::UNDEFINED);
        js_sys::Reflect::get(&perf, &"now".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            .and_then(|f| f.call0(&perf).ok())
            .and_then(|v| v.as_f64())
            .unwrap_or_else(js_sys::Date::now)
    }

    fn time(runs: usize, mut f: impl FnMut()) -> (f64, f64) {
        let mut t: Vec<f64> = (0..runs)
            .map(|_| {
                let s = now();
                f();
                now() - s
            })
            .collect();
        t.sort_by(f64::total_cmp);
        (t[0], t[t.len() / 2])
    }

    fn row(out: &mut String, op: &str, n: usize, work: &str, (min, med): (f64, f64)) {
        out.push_str(&format!(
            "| leerkaart (wasm, node) | {op} | {n} | {work} | {min:.3} | {med:.3} |\n"
        ));
    }

    /// Runs the benchmark on towns given as `[lon, lat, weight, …]`; returns table rows.
    #[wasm_bindgen]
    pub fn run(towns: Vec<f64>, sizes: Vec<u32>) -> String {
        let centres: Vec<(LonLat, f64)> = towns
            .chunks_exact(3)
            .map(|c| (LonLat::new(c[0], c[1]), c[2]))
            .collect();
        let mut out = String::new();
        for courses in sizes.into_iter().map(|s| s as usize) {
            let data = realistic(SEED, courses, courses / 8, centres.clone());
            let points: Vec<(LonLat, u32)> = data
                .providers
                .iter()
                .enumerate()
                .map(|(i, p)| (p.lon_lat, i as u32))
                .collect();
            let Workload { boxes, points: qs } = workload(&data, SEED ^ courses as u64, QUERIES);
            let runs = if courses >= 1_000_000 { 5 } else { 15 };
            let n = points.len();
            row(
                &mut out,
                "index build",
                courses,
                &format!("{n} points"),
                time(runs, || {
                    drop(std::hint::black_box(SpatialIndex::new(
                        points.iter().copied(),
                    )))
                }),
            );
            let index = SpatialIndex::new(points.iter().copied());
            row(
                &mut out,
                "bbox query",
                courses,
                &format!("{QUERIES} boxes"),
                time(runs, || {
                    boxes
                        .iter()
                        .for_each(|b| drop(std::hint::black_box(index.in_bounds(b))))
                }),
            );
            row(
                &mut out,
                "radius query",
                courses,
                &format!("{QUERIES} × 10 km"),
                time(runs, || {
                    qs.iter()
                        .for_each(|c| drop(std::hint::black_box(index.within_radius_km(*c, 10.0))))
                }),
            );
            row(
                &mut out,
                "k nearest",
                courses,
                &format!("{QUERIES} × k=10"),
                time(runs, || {
                    qs.iter()
                        .for_each(|c| drop(std::hint::black_box(index.nearest_k(*c, 10))))
                }),
            );
            row(
                &mut out,
                "cluster (all points)",
                courses,
                &format!("{n} points, zoom 9"),
                time(runs, || {
                    drop(std::hint::black_box(cluster(
                        points.iter().copied(),
                        9.0,
                        &ClusterOptions::default(),
                    )))
                }),
            );
            let build = time(3.min(runs), || {
                std::hint::black_box(Catalog::new(data.clone()).data.courses.len());
            });
            row(
                &mut out,
                "catalog build (incl. copy)",
                courses,
                "index + text + occupation links",
                build,
            );
            let catalog = Catalog::new(data);
            let filter = bench_filter();
            let view = boxes[0];
            row(
                &mut out,
                "filter change",
                courses,
                "filter + facets + in-view list + clusters",
                time(runs, || {
                    std::hint::black_box(filter_change(&catalog, &filter, view, 9.0));
                }),
            );
            row(
                &mut out,
                "occupation search",
                courses,
                "occupation \"lasser\" + shortage filter + facets + path",
                time(runs, || {
                    std::hint::black_box(occupation_search(&catalog, "lasser"));
                }),
            );
        }
        out
    }

    /// Live and peak heap bytes, counted by the example's allocator.
    struct Counting;
    static LIVE: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    static PEAK: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    // SAFETY: forwards to the system allocator; only counts.
    unsafe impl std::alloc::GlobalAlloc for Counting {
        unsafe fn alloc(&self, l: std::alloc::Layout) -> *mut u8 {
            use std::sync::atomic::Ordering::Relaxed;
            let live = LIVE.fetch_add(l.size(), Relaxed) + l.size();
            PEAK.fetch_max(live, Relaxed);
            unsafe { std::alloc::System.alloc(l) }
        }
        unsafe fn dealloc(&self, p: *mut u8, l: std::alloc::Layout) {
            LIVE.fetch_sub(l.size(), std::sync::atomic::Ordering::Relaxed);
            unsafe { std::alloc::System.dealloc(p, l) }
        }
    }
    #[global_allocator]
    static ALLOC: Counting = Counting;

    fn mib(b: usize) -> f64 {
        b as f64 / (1024.0 * 1024.0)
    }

    /// Loads a GeoJSON file's bytes and builds the catalog, printing the heap after each
    /// step: where the memory of a large dataset goes, in wasm32 as in the page. First as the
    /// page reads it (streamed in 1 MiB chunks, told the file's size), then from the whole
    /// text (as a file opened from disk is read).
    #[wasm_bindgen]
    pub fn heap_by_step(bytes: Vec<u8>) -> String {
        use std::sync::atomic::Ordering::Relaxed;
        let mut out = String::new();
        let n_bytes = bytes.len();
        let options = LoadOptions::default();

        let before = LIVE.load(Relaxed);
        PEAK.store(before, Relaxed);
        let mut stream = load::FeatureStream::new(&options).with_size_hint(Some(n_bytes as u64));
        let streamed = bytes
            .chunks(1 << 20)
            .try_for_each(|c| stream.push(c))
            .ok()
            .and_then(|()| stream.finish().ok());
        let Some(streamed) = streamed else {
            return "not a well-formed FeatureCollection\n".into();
        };
        let courses = streamed.dataset.courses.len();
        let per = |b: usize| b as f64 / courses.max(1) as f64;
        let model = LIVE.load(Relaxed) - before;
        let peak_load = PEAK.load(Relaxed) - before;
        let catalog = Catalog::new(streamed.dataset);
        let with_catalog = LIVE.load(Relaxed) - before;
        let row = |how: &str, model, peak_load, with_catalog, peak| {
            format!(
                "| {courses} courses, {:.0} MiB file, {how} | records {:.1} MiB ({:.0} B/course) | peak while loading {:.1} MiB | records + catalog {:.1} MiB ({:.0} B/course) | peak {:.1} MiB |\n",
                mib(n_bytes),
                mib(model),
                per(model),
                mib(peak_load),
                mib(with_catalog),
                per(with_catalog),
                mib(peak),
            )
        };
        out.push_str(&row(
            "streamed",
            model,
            peak_load,
            with_catalog,
            PEAK.load(Relaxed) - before,
        ));
        drop(catalog);

        // The heap without the text (already in wasm memory when this is called).
        let base = LIVE.load(Relaxed) - n_bytes;
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(_) => return "not UTF-8".into(),
        };
        PEAK.store(LIVE.load(Relaxed), Relaxed);
        let report = match load::load_geojson(&text, &options) {
            Ok(r) => r,
            Err(e) => return e.to_string(),
        };
        let model = LIVE.load(Relaxed) - n_bytes - base;
        let peak_load = PEAK.load(Relaxed) - base;
        drop(text);
        let catalog = Catalog::new(report.dataset);
        let with_catalog = LIVE.load(Relaxed) - base;
        out.push_str(&row(
            "whole text",
            model,
            peak_load,
            with_catalog,
            PEAK.load(Relaxed) - base,
        ));
        std::hint::black_box(&catalog);
        out.push_str(&format!(
            "size_of Course {} B, Provider {} B, Source {} B\n",
            std::mem::size_of::<Course>(),
            std::mem::size_of::<Provider>(),
            std::mem::size_of::<Source>()
        ));
        out
    }
}
