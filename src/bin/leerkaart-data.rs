//! `leerkaart-data`: build, import and validate Leerkaart datasets (for the people who
//! maintain the data). Run without arguments for help.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::run(std::env::args().skip(1).collect()));
}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::path::{Path, PathBuf};

    use leerkaart::pipeline::{self, validate::Severity, Imported, PipelineError};

    const HELP: &str = "\
leerkaart-data — build, import and validate Leerkaart datasets

USAGE:
  leerkaart-data build [--manifest F] [--places F] [--compiled DATE] [-o F] [--check]
      Rebuild the shipped GeoJSON, offline, from every input listed in the manifest
      (default data/sources/manifest.tsv: the hand-edited CSVs and the copied official
      files, each folder with its PROVENANCE.md), merged into one dataset.
      Defaults: data/places.tsv, today's date, data/providers.geojson.
      --check: write nothing; exit 1 if the output file differs from what the sources
      build (with the output's own compilation date).
  leerkaart-data export FILE.geojson [--out DIR]
      The open-data downloads of a dataset: a spreadsheet-ready CSV (one row per course,
      with source and licence) and an OOAPI v5 bundle (organizations, programs, offerings;
      `import ooapi` reads it back whole). scripts/deploy.sh writes them into the site's
      data/export/ for the dataset it deploys. Default DIR: export.
  leerkaart-data import duo FILE.csv [--places F] [-o F]
      Dutch DUO location list (CSV, DUO's columns or the geocoded variant).
  leerkaart-data import onderwijs-vlaanderen FILE.json [--places F] [-o F]
      Flemish school locations with their programmes (Onderwijs Vlaanderen shape).
  leerkaart-data import ooapi FILE.json [-o F]
      Open Education API v5 bundle: {organizations, programs, offerings}.
  leerkaart-data import partner FILE --source S --licence L [--name N] [--date D]
                [--manifest F] [-o F]
      A partner's own offer (the page's template CSV, this map's GeoJSON or an OOAPI
      bundle): copied to data/sources/partners/<source>/ with partner.tsv and
      PROVENANCE.md, added to the manifest, and the dataset rebuilt; the same
      institution at the same place gets the partner's courses.
  leerkaart-data import esco FILE.csv [--extract OUT] [--decisions F] [--data F] [--occupations F] [-o F]
      ESCO occupations (concept_uri, isco08_unit_group, label_nl/en/fr, alt_labels_nl):
      fills the ESCO URI and official labels of each occupation of the vocabulary whose
      name is the preferred label of exactly one ESCO occupation of its ISCO-08 group, and
      adds the ESCO occupations the technical and care courses of --data are named after.
      --decisions (default data/sources/esco/decisions.tsv) settles the rest by a person's
      choice of ESCO label; what remains is listed with its candidates, never guessed.
      --extract writes the rows the step reads (for data/sources/esco/).
  leerkaart-data import vdab-knelpuntberoepen FILE.csv --year Y [--source-url U]
  leerkaart-data import uwv-spanning FILE.csv --year Y [--source-url U]
      Refresh the shortage statuses of one year from VDAB's list of bottleneck occupations
      or UWV's tension figures (CSV in the published columns; see data/SCHEMA.md). Rows are
      matched to data/occupations.tsv by name; unmatched ones are listed, never guessed.
      Replaces that list's rows of that year in --shortage (default data/shortage.tsv),
      written to -o (default: the same file).
  leerkaart-data synth --courses N [--providers M] [--seed S] [--places F] [-o F]
      A seeded synthetic dataset for benchmarks and tests (never shipped): providers
      clustered around the gazetteer's real towns, weighted by population.
  leerkaart-data tile FILE.geojson --out DIR [--cell-deg 0.25]
      Split a dataset into grid tiles plus DIR/index.json, for static hosting of a large
      catalogue (the page fetches only the tiles its view needs).
  leerkaart-data validate FILE.geojson [--land F] [--occupations F] [--shortage F]
      Print every problem; exit 1 if there is an error. --land defaults to
      assets/region-outline.geojson (to find points in the sea); the occupation files
      default to data/occupations.tsv and data/shortage.tsv: stated course links must name
      an occupation there, and stale statuses are reported.

Outputs are written to a temporary file and renamed, never half-written.";

    const DATASET_NAME: &str = "Leerkaart Scheldemond";
    const GUIDANCE_FILE: &str = "guidance.geojson";
    const GUIDANCE_NAME: &str = "Leerkaart Scheldemond: where to get advice";
    const GUIDANCE_NOTE: &str = "Places where learners and adults get free advice on learning and work, from public web pages (each with its page, the date it shows and licence not stated); see data/sources/web-facts/PROVENANCE.md. Not training offers: never counted as courses.";
    const DATASET_NOTE: &str = "Real institutions and programmes, each with its source and licence: DUO (CC0), HOVI, SBB KiesMBO, Onderwijs Vlaanderen (via Zoek je school), a 2020 campus list, the institutions' study guides (Education4Climate crawls), facts from public web pages (adult education, MBO fields) and hand-checked institution websites; see data/sources/*/PROVENANCE.md. Check start dates and admission on the institution's website.";

    struct Args {
        positional: Vec<String>,
        flags: Vec<(String, String)>,
    }

    impl Args {
        fn parse(raw: Vec<String>) -> Result<Self, String> {
            let mut positional = Vec::new();
            let mut flags = Vec::new();
            let mut it = raw.into_iter();
            while let Some(a) = it.next() {
                if a == "-h" || a == "--help" {
                    return Err(String::new());
                }
                if a == "--check" {
                    flags.push((a, "1".into()));
                    continue;
                }
                if a.starts_with('-') {
                    let v = it.next().ok_or_else(|| format!("{a} needs a value"))?;
                    flags.push((a, v));
                } else {
                    positional.push(a);
                }
            }
            Ok(Self { positional, flags })
        }

        fn flag(&self, names: &[&str], default: &str) -> PathBuf {
            PathBuf::from(
                self.flags
                    .iter()
                    .rev()
                    .find(|(k, _)| names.contains(&k.as_str()))
                    .map_or(default, |(_, v)| v.as_str()),
            )
        }

        fn text(&self, name: &str) -> Option<String> {
            self.flags
                .iter()
                .rev()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        }
    }

    /// Today's date (UTC) as YYYY-MM-DD, without a date crate.
    fn today() -> String {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        leerkaart::core::load::iso_from_days((secs / 86_400) as i64)
    }

    fn finish(
        imported: Imported,
        out: &Path,
        name: &str,
        note: &str,
        compiled: &str,
    ) -> Result<i32, PipelineError> {
        for s in &imported.skipped {
            eprintln!("skipped: {}: {}", s.at, s.reason);
        }
        let text = pipeline::to_json(&imported.collection(name, note, compiled));
        let problems = pipeline::validate::validate(&text, None);
        let errors = problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count();
        for p in &problems {
            eprintln!("{p}");
        }
        pipeline::write_atomically(out, text.as_bytes())?;
        eprintln!(
            "wrote {}: {} providers, {} skipped rows, {} validation errors",
            out.display(),
            imported.features.len(),
            imported.skipped.len(),
            errors
        );
        Ok(0)
    }

    /// The open-data downloads of a dataset's text (see `pipeline::export::open_data`).
    fn open_data(path: &str, text: &str) -> Result<Vec<(&'static str, String)>, PipelineError> {
        pipeline::export::open_data(text).map_err(|e| PipelineError::Json {
            path: path.to_string(),
            message: e.to_string(),
        })
    }

    /// `import esco`: ESCO URIs and labels for the vocabulary, and the ESCO occupations the
    /// shipped technical and care courses are named after.
    fn import_esco(args: &Args, file: &Path) -> Result<i32, PipelineError> {
        use leerkaart::core::occupation::Occupations;
        use pipeline::esco;
        let occ_path = args.flag(&["--occupations"], "data/occupations.tsv");
        let short_path = args.flag(&["--shortage"], "data/shortage.tsv");
        let occ_text = pipeline::read(&occ_path)?;
        let occ = Occupations::parse(&occ_text, &pipeline::read(&short_path)?).map_err(|e| {
            PipelineError::Csv {
                path: occ_path.display().to_string(),
                message: e.to_string(),
            }
        })?;
        let data_path = args.flag(&["--data"], "data/providers.geojson");
        let data = leerkaart::core::load_geojson(
            &pipeline::read(&data_path)?,
            &leerkaart::core::LoadOptions::default(),
        )
        .map_err(|e| PipelineError::Json {
            path: data_path.display().to_string(),
            message: e.to_string(),
        })?
        .dataset;
        let (header, rows) = esco::load(file)?;
        let decided = match args.text("--decisions") {
            Some(p) => esco::decisions(&pipeline::read(Path::new(&p))?),
            None => {
                let default = Path::new("data/sources/esco/decisions.tsv");
                if default.is_file() {
                    esco::decisions(&pipeline::read(default)?)
                } else {
                    Vec::new()
                }
            }
        };
        let m = esco::match_all(&occ, &rows, &data, &decided);
        for (key, cands) in &m.unresolved {
            eprintln!(
                "no unique ESCO occupation for `{key}` (preferred label in its ISCO group); candidates: {}",
                if cands.is_empty() { "none".to_string() } else { cands.join("; ") }
            );
        }
        for (course, cands) in &m.course_candidates {
            eprintln!(
                "course `{course}`: only ESCO alternative labels match ({}): not linked",
                cands.join("; ")
            );
        }
        if let Some(out) = args.text("--extract") {
            pipeline::write_atomically(
                Path::new(&out),
                esco::extract(&header, &rows, &occ, &data).as_bytes(),
            )?;
            eprintln!("wrote the extract the step reads: {out}");
        }
        let out = args.flag(&["-o", "--output"], &occ_path.display().to_string());
        pipeline::write_atomically(
            &out,
            esco::rewrite_vocabulary(&occ_text, &rows, &m).as_bytes(),
        )?;
        eprintln!(
            "wrote {}: {} occupations with an ESCO URI, {} unresolved, {} new from course names",
            out.display(),
            m.vocabulary.len(),
            m.unresolved.len(),
            m.from_courses.len()
        );
        Ok(0)
    }

    /// `import vdab-knelpuntberoepen | uwv-spanning`: refreshes one list's statuses of one year.
    fn import_shortage(args: &Args, kind: &str, file: &Path) -> Result<i32, PipelineError> {
        use leerkaart::core::occupation::{Occupations, ShortageList, YEARS};
        use pipeline::shortage;
        let Some(year) = args
            .text("--year")
            .and_then(|y| y.parse::<u16>().ok())
            .filter(|y| YEARS.contains(y))
        else {
            eprintln!("error: --year YYYY is required (the year of the list)\n\n{HELP}");
            return Ok(2);
        };
        let occ_path = args.flag(&["--occupations"], "data/occupations.tsv");
        let short_path = args.flag(&["--shortage"], "data/shortage.tsv");
        let short_text = pipeline::read(&short_path)?;
        let mut occ =
            Occupations::parse(&pipeline::read(&occ_path)?, &short_text).map_err(|e| {
                PipelineError::Csv {
                    path: short_path.display().to_string(),
                    message: e.to_string(),
                }
            })?;
        let text = pipeline::read(file)?;
        let name = file.display().to_string();
        let (list, result) = if kind == "vdab-knelpuntberoepen" {
            let url = args
                .text("--source-url")
                .unwrap_or_else(|| shortage::VDAB_LIST_URL.into());
            (
                ShortageList::Vdab,
                shortage::import_vdab_text(&text, &name, &occ, year, &url)?,
            )
        } else {
            let url = args
                .text("--source-url")
                .unwrap_or_else(|| shortage::UWV_URL.into());
            (
                ShortageList::Uwv,
                shortage::import_uwv_text(&text, &name, &occ, year, &url)?,
            )
        };
        for s in &result.skipped {
            eprintln!("skipped: {}: {}", s.at, s.reason);
        }
        for (line, n) in &result.unmatched {
            eprintln!("not in data/occupations.tsv: {name} line {line}: `{n}` (add it as a synonym to link it)");
        }
        let matched = result.statuses.len();
        occ.replace_statuses(list, year, result.statuses);
        // Keep the file's explanatory comment lines.
        let comments: String = short_text
            .lines()
            .take_while(|l| l.starts_with('#'))
            .map(|l| format!("{l}\n"))
            .collect();
        let out = args.flag(&["-o", "--output"], &short_path.display().to_string());
        pipeline::write_atomically(&out, format!("{comments}{}", occ.shortage_tsv()).as_bytes())?;
        eprintln!(
            "wrote {}: {matched} {list} statuses for {year}, {} rows not in the vocabulary, {} skipped",
            out.display(),
            result.unmatched.len(),
            result.skipped.len()
        );
        Ok(0)
    }

    pub fn run(raw: Vec<String>) -> i32 {
        let args = match Args::parse(raw) {
            Ok(a) => a,
            Err(e) => {
                if !e.is_empty() {
                    eprintln!("error: {e}\n");
                }
                eprintln!("{HELP}");
                return 2;
            }
        };
        let cmd: Vec<&str> = args.positional.iter().map(String::as_str).collect();
        let places = args.flag(&["--places"], "data/places.tsv");
        let result: Result<i32, PipelineError> = (|| match cmd.as_slice() {
            ["build"] => {
                let gaz = pipeline::gazetteer(&places)?;
                let manifest = pipeline::build::manifest(
                    &args.flag(&["--manifest"], "data/sources/manifest.tsv"),
                )?;
                let out = args.flag(&["-o", "--output"], "data/providers.geojson");
                let imported = pipeline::build::build(&manifest, &gaz)?;
                // The advice points go to a file of their own beside the dataset.
                let guidance_out = out.with_file_name(GUIDANCE_FILE);
                let guidance_text = |compiled: &str| {
                    pipeline::to_json(&serde_json::json!({
                        "type": "FeatureCollection",
                        "name": GUIDANCE_NAME,
                        "leerkaart": { "compiled": compiled, "note": GUIDANCE_NOTE },
                        "features": imported.guidance,
                    }))
                };
                if args.text("--check").is_some() {
                    let shipped = pipeline::read(&out)?;
                    let compiled = serde_json::from_str::<serde_json::Value>(&shipped)
                        .ok()
                        .and_then(|v| v["leerkaart"]["compiled"].as_str().map(str::to_string))
                        .unwrap_or_default();
                    let text = pipeline::to_json(&imported.collection(
                        DATASET_NAME,
                        DATASET_NOTE,
                        &compiled,
                    ));
                    let guidance_stale = !imported.guidance.is_empty()
                        && pipeline::read(&guidance_out).ok() != Some(guidance_text(&compiled));
                    if guidance_stale {
                        eprintln!("error: {} is stale: it differs from what data/sources/ builds.\nRun `cargo run --bin leerkaart-data -- build --compiled {compiled}` and commit the result.", guidance_out.display());
                        return Ok(1);
                    }
                    if text == shipped {
                        eprintln!(
                            "{} is what its sources build ({} providers)",
                            out.display(),
                            imported.features.len()
                        );
                        return Ok(0);
                    }
                    eprintln!("error: {} is stale: it differs from what data/sources/ builds.\nRun `cargo run --bin leerkaart-data -- build --compiled {compiled}` (or today's date) and commit the result.", out.display());
                    return Ok(1);
                }
                let compiled = args.text("--compiled").unwrap_or_else(today);
                if !imported.guidance.is_empty() {
                    pipeline::write_atomically(&guidance_out, guidance_text(&compiled).as_bytes())?;
                    eprintln!(
                        "wrote {}: {} places to get advice",
                        guidance_out.display(),
                        imported.guidance.len()
                    );
                }
                finish(imported, &out, DATASET_NAME, DATASET_NOTE, &compiled)
            }
            ["export", file] => {
                let dir = args.flag(&["--out", "-o"], "export");
                let text = pipeline::read(Path::new(file))?;
                for (name, contents) in open_data(file, &text)? {
                    let path = dir.join(name);
                    std::fs::create_dir_all(&dir).map_err(|source| PipelineError::Io {
                        path: dir.display().to_string(),
                        source,
                    })?;
                    pipeline::write_atomically(&path, contents.as_bytes())?;
                    eprintln!("wrote {}", path.display());
                }
                Ok(0)
            }
            ["import", "partner", file] => {
                let (Some(source), Some(licence)) = (args.text("--source"), args.text("--licence"))
                else {
                    eprintln!("error: import partner needs --source \"…\" and --licence \"…\" (e.g. \"not stated\")\n\n{HELP}");
                    return Ok(2);
                };
                let manifest_path = args.flag(&["--manifest"], "data/sources/manifest.tsv");
                let partner_source = leerkaart::core::partner::PartnerSource {
                    name: args.text("--name").unwrap_or_else(|| source.clone()),
                    licence,
                    date: args.text("--date").unwrap_or_else(today),
                };
                let copy = pipeline::partner::add_to_sources(
                    &manifest_path,
                    Path::new(file),
                    &source,
                    &partner_source,
                )?;
                eprintln!(
                    "copied to {} (with partner.tsv and PROVENANCE.md); manifest updated",
                    copy.display()
                );
                let gaz = pipeline::gazetteer(&places)?;
                let manifest = pipeline::build::manifest(&manifest_path)?;
                let out = args.flag(&["-o", "--output"], "data/providers.geojson");
                let imported = pipeline::build::build(&manifest, &gaz)?;
                let compiled = args.text("--compiled").unwrap_or_else(today);
                if !imported.guidance.is_empty() {
                    let text = pipeline::to_json(&serde_json::json!({
                        "type": "FeatureCollection",
                        "name": GUIDANCE_NAME,
                        "leerkaart": { "compiled": compiled, "note": GUIDANCE_NOTE },
                        "features": imported.guidance,
                    }));
                    pipeline::write_atomically(
                        &out.with_file_name(GUIDANCE_FILE),
                        text.as_bytes(),
                    )?;
                }
                finish(imported, &out, DATASET_NAME, DATASET_NOTE, &compiled)
            }
            ["import", "esco", file] => import_esco(&args, Path::new(file)),
            ["import", kind @ ("vdab-knelpuntberoepen" | "uwv-spanning"), file] => {
                import_shortage(&args, kind, Path::new(file))
            }
            ["import", kind, file] => {
                let file = Path::new(file);
                let out = args.flag(&["-o", "--output"], "imported.geojson");
                let compiled = args.text("--compiled").unwrap_or_else(today);
                let (imported, note) = match *kind {
                    "duo" => (
                        pipeline::duo::import(file, &pipeline::gazetteer(&places)?)?,
                        "Imported from a DUO location list.",
                    ),
                    "onderwijs-vlaanderen" => (
                        pipeline::onderwijs_vlaanderen::import(
                            file,
                            &pipeline::gazetteer(&places)?,
                        )?,
                        "Imported from Onderwijs Vlaanderen school locations and programmes.",
                    ),
                    "ooapi" => (
                        pipeline::ooapi::import(file)?,
                        "Imported from an OOAPI v5 bundle.",
                    ),
                    other => {
                        eprintln!("error: unknown import `{other}` (duo, onderwijs-vlaanderen, ooapi)\n\n{HELP}");
                        return Ok(2);
                    }
                };
                finish(imported, &out, "Leerkaart import", note, &compiled)
            }
            ["synth"] => {
                let num = |name: &str, default: usize| {
                    args.text(name)
                        .and_then(|v| v.replace('_', "").parse().ok())
                        .unwrap_or(default)
                };
                let courses = num("--courses", 100_000);
                let providers = num("--providers", (courses / 8).max(1));
                let seed = num("--seed", 42) as u64;
                let gaz = pipeline::gazetteer(&places)?;
                let data =
                    leerkaart::core::synth::realistic(seed, courses, providers, gaz.town_weights());
                let out = args.flag(&["-o", "--output"], "synthetic.geojson");
                let mut v = pipeline::export::to_geojson(
                    &data,
                    "Synthetic dataset (seeded) — for benchmarks and tests only",
                );
                v["leerkaart"] = serde_json::json!({ "note": format!("Synthetic, seed {seed}: not real institutions.") });
                pipeline::write_atomically(&out, v.to_string().as_bytes())?;
                eprintln!(
                    "wrote {}: {} providers, {} courses (seed {seed})",
                    out.display(),
                    data.providers.len(),
                    data.courses.len()
                );
                Ok(0)
            }
            ["tile", file] => {
                let started = std::time::Instant::now();
                let text = pipeline::read(Path::new(file))?;
                let report =
                    leerkaart::core::load_geojson(&text, &leerkaart::core::LoadOptions::default())
                        .map_err(|e| PipelineError::Json {
                            path: file.to_string(),
                            message: e.to_string(),
                        })?;
                drop(text);
                let cell: f64 = args
                    .text("--cell-deg")
                    .and_then(|v| v.parse().ok())
                    .filter(|c: &f64| *c > 0.0)
                    .unwrap_or(pipeline::tiles::DEFAULT_CELL_DEG);
                let out = args.flag(&["--out", "-o"], "tiles");
                let infos = pipeline::tiles::write_tiles(&report.dataset, &out, cell)?;
                let mut sizes: Vec<usize> = infos.iter().map(|t| t.bytes).collect();
                sizes.sort_unstable();
                let kb = |b: usize| b as f64 / 1024.0;
                eprintln!(
                    "wrote {} tiles of {cell}° to {} in {:.1} s: {} providers, {} courses; tile size min {:.0} KB, median {:.0} KB, max {:.0} KB",
                    infos.len(),
                    out.display(),
                    started.elapsed().as_secs_f64(),
                    report.dataset.providers.len(),
                    report.dataset.courses.len(),
                    kb(sizes.first().copied().unwrap_or(0)),
                    kb(sizes.get(sizes.len() / 2).copied().unwrap_or(0)),
                    kb(sizes.last().copied().unwrap_or(0)),
                );
                Ok(0)
            }
            ["validate", file] => {
                let text = pipeline::read(Path::new(file))?;
                let land_path = args.flag(&["--land"], "assets/region-outline.geojson");
                let land = pipeline::read(&land_path)
                    .ok()
                    .and_then(|t| pipeline::validate::Land::from_geojson(&t));
                if land.is_none() {
                    eprintln!(
                        "warning: no land outline at {}: points in the sea are not checked",
                        land_path.display()
                    );
                }
                let occ_path = args.flag(&["--occupations"], "data/occupations.tsv");
                let short_path = args.flag(&["--shortage"], "data/shortage.tsv");
                let (occ_text, short_text) =
                    match (pipeline::read(&occ_path), pipeline::read(&short_path)) {
                        (Ok(o), Ok(s)) => (o, s),
                        _ => {
                            eprintln!(
                                "warning: no {} / {}: checking against the built-in occupations",
                                occ_path.display(),
                                short_path.display()
                            );
                            (
                                leerkaart::core::occupation::BUILTIN_OCCUPATIONS_TSV.to_string(),
                                leerkaart::core::occupation::BUILTIN_SHORTAGE_TSV.to_string(),
                            )
                        }
                    };
                let mut problems = Vec::new();
                // Unreadable occupation files are an error; links are then checked against the
                // built-in vocabulary.
                let parsed = leerkaart::core::Occupations::parse(&occ_text, &short_text);
                let occ = match &parsed {
                    Ok(o) => o,
                    Err(e) => {
                        problems.push(pipeline::validate::Problem {
                            severity: Severity::Error,
                            at: "occupations".into(),
                            message: e.to_string(),
                        });
                        leerkaart::core::Occupations::builtin()
                    }
                };
                match leerkaart::core::load_geojson(&text, &leerkaart::core::LoadOptions::default())
                {
                    Ok(report) => {
                        problems.extend(pipeline::validate::validate_report(
                            &report,
                            land.as_ref(),
                            occ,
                        ));
                        if parsed.is_ok() {
                            let this_year: u16 = today()[..4].parse().unwrap_or(2026);
                            problems.extend(pipeline::validate::validate_occupations(
                                occ,
                                this_year,
                                Some(&report.dataset),
                            ));
                        }
                    }
                    Err(e) => problems.push(pipeline::validate::Problem {
                        severity: Severity::Error,
                        at: "file".into(),
                        message: e.to_string(),
                    }),
                }
                for p in &problems {
                    println!("{p}");
                }
                let errors = problems
                    .iter()
                    .filter(|p| p.severity == Severity::Error)
                    .count();
                println!(
                    "{file}: {errors} errors, {} warnings",
                    problems.len() - errors
                );
                Ok(i32::from(errors > 0))
            }
            _ => {
                eprintln!("{HELP}");
                Ok(2)
            }
        })();
        match result {
            Ok(code) => code,
            Err(e) => {
                eprintln!("error: {e}");
                1
            }
        }
    }
}
