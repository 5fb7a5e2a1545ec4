//! Filters and facets checked against a brute-force evaluation on seeded synthetic data, and
//! on the shipped dataset for known cases.

use leerkaart::core::synth::{generate, Rng, SynthOptions};
use leerkaart::core::text::fold;
use leerkaart::core::*;

/// Every this-many-th provider is marked "offer not listed", as KiesMBO's locations are.
const UNLISTED_EVERY: usize = 13;

fn catalog(seed: u64) -> Catalog {
    let mut data = generate(
        seed,
        &SynthOptions {
            providers: 400,
            courses: 3_000,
            ..Default::default()
        },
    );
    for (i, p) in data.providers.iter_mut().enumerate() {
        p.offer_listed = i % UNLISTED_EVERY != 0;
        // Some unlisted locations name fields (found by sector and text), some are of a kind
        // that teaches at known stages only.
        if !p.offer_listed && i % (2 * UNLISTED_EVERY) == 0 {
            let s = Sector::ALL[i % Sector::ALL.len()];
            p.fields = vec![ProviderField {
                name: format!("field {}", s.code()),
                sector: s,
            }];
        }
        if !p.offer_listed {
            p.kind = InstitutionKind::ALL[i % InstitutionKind::ALL.len()];
        }
    }
    Catalog::new(data)
}

/// Folded course and provider texts, computed once per catalog for the oracle.
struct Texts {
    course: Vec<String>,
    provider: Vec<String>,
    /// Occupations of each course, derived by the vocabulary directly (not the catalog's links).
    leads_to: Vec<Vec<OccupationId>>,
}

fn texts(cat: &Catalog) -> Texts {
    Texts {
        leads_to: cat
            .data
            .courses
            .iter()
            .map(|c| Occupations::builtin().derive(&fold(&c.name), c.level.eqf))
            .collect(),
        course: cat.data.courses.iter().map(|c| fold(&c.name)).collect(),
        provider: cat
            .data
            .providers
            .iter()
            .map(|p| {
                let fields: Vec<&str> = p.fields.iter().map(|f| f.name.as_str()).collect();
                fold(&format!(
                    "{} {} {} {}",
                    p.name,
                    p.municipality,
                    p.address.locality.as_deref().unwrap_or(""),
                    fields.join(" ")
                ))
            })
            .collect(),
    }
}

/// The definition of a match, written the slow and obvious way.
fn matches(cat: &Catalog, tx: &Texts, f: &Filter, cid: usize, skip: Option<&str>) -> bool {
    let c = &cat.data.courses[cid];
    let p = &cat.data.providers[c.provider as usize];
    let text_ok = fold(&f.text)
        .split_whitespace()
        .all(|t| tx.course[cid].contains(t) || tx.provider[c.provider as usize].contains(t));
    let spatial_ok = match (f.origin, f.radius_km) {
        (Some(o), Some(r)) => o.distance_km(&p.lon_lat) <= r,
        _ => true,
    } && f.bounds.is_none_or(|b| b.contains(&p.lon_lat));
    let dim = |name: &str, ok: bool| skip == Some(name) || ok;
    if !p.offer_listed {
        return false;
    }
    let occ = Occupations::builtin();
    let leads_to = &tx.leads_to[cid];
    let occupation_ok = f.occupation.is_none_or(|o| leads_to.contains(&o));
    text_ok
        && spatial_ok
        && occupation_ok
        && dim(
            "shortage",
            !f.shortage_only || leads_to.iter().any(|o| occ.is_shortage(*o)),
        )
        && dim(
            "sector",
            f.sectors.is_empty() || f.sectors.contains(&c.sector),
        )
        && dim(
            "level",
            f.levels.is_empty() || c.level.eqf.is_some_and(|e| f.levels.contains(&e)),
        )
        && dim("stage", f.stages.is_empty() || f.stages.contains(&c.stage))
        && dim(
            "country",
            f.countries.is_empty() || f.countries.contains(&p.country),
        )
        && dim(
            "province",
            f.provinces.is_empty() || f.provinces.contains(&p.province),
        )
        && dim(
            "form",
            f.learning_forms.is_empty()
                || c.learning_forms
                    .iter()
                    .any(|l| f.learning_forms.contains(&l)),
        )
}

fn random_filter(rng: &mut Rng) -> Filter {
    let mut pick = |n: usize, p: f64| -> Vec<usize> { (0..n).filter(|_| rng.unit() < p).collect() };
    let sectors = pick(Sector::ALL.len(), 0.2)
        .into_iter()
        .map(|i| Sector::ALL[i])
        .collect();
    let levels = pick(8, 0.25)
        .into_iter()
        .filter_map(|i| Eqf::new(i as u8 + 1))
        .collect();
    let stages = pick(Stage::ALL.len(), 0.2)
        .into_iter()
        .map(|i| Stage::ALL[i])
        .collect();
    let countries = pick(2, 0.3).into_iter().map(|i| Country::ALL[i]).collect();
    let provinces = pick(3, 0.2).into_iter().map(|i| Province::ALL[i]).collect();
    let learning_forms = pick(LearningForm::ALL.len(), 0.2)
        .into_iter()
        .map(|i| LearningForm::ALL[i])
        .collect();
    let text = [
        "",
        "",
        "verpleeg",
        "ICT",
        "provider 1",
        "town 3",
        "élektro",
        "zzz",
    ][rng.below(8)]
    .to_string();
    let origin =
        (rng.unit() < 0.5).then(|| LonLat::new(rng.range(2.6, 4.3), rng.range(50.7, 51.7)));
    let radius_km = (rng.unit() < 0.7).then(|| rng.range(1.0, 60.0));
    let bounds = (rng.unit() < 0.4).then(|| {
        let a = LonLat::new(rng.range(2.5, 4.3), rng.range(50.7, 51.7));
        BoundsLonLat::from_corners(
            a,
            LonLat::new(a.lon + rng.range(0.1, 1.0), a.lat + rng.range(0.1, 0.6)),
        )
    });
    let occupations = Occupations::builtin().len();
    let occupation = (rng.unit() < 0.3).then(|| rng.below(occupations) as OccupationId);
    let shortage_only = rng.unit() < 0.3;
    Filter {
        sectors,
        levels,
        stages,
        countries,
        provinces,
        learning_forms,
        text,
        origin,
        radius_km,
        bounds,
        occupation,
        shortage_only,
    }
}

#[test]
fn filter_and_facets_match_brute_force() {
    for seed in [3_u64, 11, 99] {
        let cat = catalog(seed);
        let tx = texts(&cat);
        let mut rng = Rng::new(seed * 31);
        for q in 0..100 {
            let f = random_filter(&mut rng);
            let out = cat.apply(&f);
            let n = cat.data.courses.len();
            let want: Vec<u32> = (0..n)
                .filter(|c| matches(&cat, &tx, &f, *c, None))
                .map(|c| c as u32)
                .collect();
            let dims = [
                "sector", "level", "stage", "country", "province", "form", "shortage",
            ];
            let passes: Vec<Vec<bool>> = dims
                .iter()
                .map(|d| (0..n).map(|c| matches(&cat, &tx, &f, c, Some(d))).collect())
                .collect();
            let mut got: Vec<u32> = out
                .providers
                .iter()
                .flat_map(|h| h.courses.iter().copied())
                .collect();
            got.sort_unstable();
            assert_eq!(got, want, "seed {seed} query {q} {f:?}");
            assert_eq!(out.course_count, want.len());

            let count = |skip: &str, pred: &dyn Fn(usize) -> bool| -> u32 {
                let d = dims.iter().position(|x| *x == skip).unwrap();
                (0..n).filter(|c| passes[d][*c] && pred(*c)).count() as u32
            };
            let course = |c: usize| &cat.data.courses[c];
            let provider = |c: usize| &cat.data.providers[cat.data.courses[c].provider as usize];
            for s in Sector::ALL {
                assert_eq!(
                    out.facets.sectors[s.index()],
                    count("sector", &|c| course(c).sector == *s),
                    "sector {s} {f:?}"
                );
            }
            for e in Eqf::all() {
                assert_eq!(
                    out.facets.level(e),
                    count("level", &|c| course(c).level.eqf == Some(e)),
                    "eqf {e:?}"
                );
            }
            for s in Stage::ALL {
                assert_eq!(
                    out.facets.stages[s.index()],
                    count("stage", &|c| course(c).stage == *s),
                    "stage {s:?}"
                );
            }
            // Providers whose offer is not listed: every one that passes the filters a
            // provider can be judged on, never among the course results.
            let mut want_unlisted: Vec<u32> = cat
                .data
                .providers
                .iter()
                .enumerate()
                .filter(|(i, p)| {
                    let words = fold(&f.text);
                    let stage_fits = f.stages.is_empty()
                        || p.kind.stages().is_empty()
                        || p.kind.stages().iter().any(|s| f.stages.contains(s));
                    let sector_fits = f.sectors.is_empty()
                        || p.fields.is_empty()
                        || p.fields.iter().any(|x| f.sectors.contains(&x.sector));
                    !p.offer_listed
                        && stage_fits
                        && sector_fits
                        && words
                            .split_whitespace()
                            .all(|t| tx.provider[*i].contains(t))
                        && (f.countries.is_empty() || f.countries.contains(&p.country))
                        && (f.provinces.is_empty() || f.provinces.contains(&p.province))
                        && match (f.origin, f.radius_km) {
                            (Some(o), Some(r)) => o.distance_km(&p.lon_lat) <= r,
                            _ => true,
                        }
                        && f.bounds.is_none_or(|b| b.contains(&p.lon_lat))
                })
                .map(|(i, _)| i as u32)
                .collect();
            want_unlisted.sort_unstable();
            let mut got_unlisted: Vec<u32> = out.unlisted.iter().map(|h| h.provider).collect();
            got_unlisted.sort_unstable();
            assert_eq!(got_unlisted, want_unlisted, "unlisted {f:?}");
            assert!(out.unlisted.iter().all(|h| h.courses.is_empty()));
            for k in Country::ALL {
                assert_eq!(
                    out.facets.countries[k.index()],
                    count("country", &|c| provider(c).country == *k)
                );
            }
            for p in Province::ALL {
                assert_eq!(
                    out.facets.provinces[p.index()],
                    count("province", &|c| provider(c).province == *p)
                );
            }
            for l in LearningForm::ALL {
                assert_eq!(
                    out.facets.learning_forms[l.index()],
                    count("form", &|c| course(c).learning_forms.contains(l))
                );
            }

            let occ = Occupations::builtin();
            assert_eq!(
                out.facets.shortage,
                count("shortage", &|c| tx.leads_to[c]
                    .iter()
                    .any(|o| occ.is_shortage(*o))),
                "shortage {f:?}"
            );

            // Order: by distance when there is an origin, else by name.
            if let Some(origin) = f.origin {
                let d: Vec<f64> = out
                    .providers
                    .iter()
                    .map(|h| h.distance_km.unwrap())
                    .collect();
                assert!(d.windows(2).all(|w| w[0] <= w[1]), "not sorted by distance");
                for h in &out.providers {
                    let at = cat.data.providers[h.provider as usize].lon_lat;
                    let exact = origin.distance_km(&at);
                    assert!((h.straight_km.unwrap() - exact).abs() < 1e-9);
                    assert!(h.distance_km.unwrap() >= h.straight_km.unwrap() - 1e-9);
                    assert_eq!(
                        h.via.is_some(),
                        leerkaart::core::travel::crosses_westerschelde(origin, at)
                    );
                }
            } else {
                let names: Vec<String> = out
                    .providers
                    .iter()
                    .map(|h| fold(&cat.data.providers[h.provider as usize].name))
                    .collect();
                assert!(names.windows(2).all(|w| w[0] <= w[1]));
                assert!(out.providers.iter().all(|h| h.distance_km.is_none()));
            }
        }
    }
}

fn shipped() -> Catalog {
    let text = std::fs::read_to_string(format!(
        "{}/data/providers.geojson",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    Catalog::new(
        load_geojson(&text, &LoadOptions::default())
            .unwrap()
            .dataset,
    )
}

#[test]
fn known_cases_on_the_shipped_data() {
    let cat = shipped();
    let all = cat.apply(&Filter::default());
    assert_eq!(all.course_count, cat.data.courses.len());
    assert_eq!(
        all.providers.len() + all.unlisted.len(),
        cat.data.providers.len(),
        "every provider is either a result or listed apart"
    );

    // Nursing, accent- and case-insensitive, on both sides of the border.
    let nursing = cat.apply(&Filter {
        text: "VERPLEEGKUNDE".into(),
        ..Default::default()
    });
    let countries: std::collections::BTreeSet<Country> = nursing
        .providers
        .iter()
        .map(|h| cat.data.providers[h.provider as usize].country)
        .collect();
    assert_eq!(countries.len(), 2);
    let industrial = cat.apply(&Filter {
        text: "industriele".into(),
        ..Default::default()
    });
    assert!(industrial.course_count >= 3, "accent folding: industriële");

    // EQF 6 spans the Dutch HBO bachelor and the Flemish professionele bachelor.
    let eqf6 = cat.apply(&Filter {
        levels: vec![Eqf::new(6).unwrap()],
        ..Default::default()
    });
    let nationals: std::collections::BTreeSet<NationalLevel> = eqf6
        .providers
        .iter()
        .flat_map(|h| {
            h.courses
                .iter()
                .map(|c| cat.data.courses[*c as usize].level.national)
        })
        .collect();
    assert!(nationals.contains(&NationalLevel::NlHboBachelor));
    assert!(nationals.contains(&NationalLevel::BeProfessioneleBachelor));

    // Near Vlissingen within 15 km: HZ among the results, nothing in Flanders' interior.
    let vlissingen = LonLat::new(3.5736, 51.4425);
    let near = cat.apply(&Filter {
        origin: Some(vlissingen),
        radius_km: Some(15.0),
        ..Default::default()
    });
    assert!(near.providers.iter().any(
        |h| cat.data.providers[h.provider as usize].name == "HZ University of Applied Sciences"
    ));
    assert!(near
        .providers
        .iter()
        .all(|h| h.straight_km.unwrap() <= 15.0));
    assert!(near
        .providers
        .iter()
        .all(|h| cat.data.providers[h.provider as usize].province == Province::Zeeland));

    // Facet counts say what a click gives.
    let f = Filter {
        sectors: vec![Sector::HealthWelfare],
        ..Default::default()
    };
    let out = cat.apply(&f);
    let be = out.facets.countries[Country::Be.index()] as usize;
    let clicked = cat.apply(&Filter {
        countries: vec![Country::Be],
        ..f
    });
    assert_eq!(clicked.course_count, be);
}

#[test]
fn co_located_providers_share_one_marker() {
    let cat = shipped();
    let groups = cat.marker_groups(0..cat.data.providers.len() as u32);
    let total: usize = groups.iter().map(|g| g.providers.len()).sum();
    assert_eq!(total, cat.data.providers.len());
    for g in &groups {
        for p in &g.providers {
            assert_eq!(cat.data.providers[*p as usize].lon_lat, g.lon_lat);
        }
    }
    let gent = groups
        .iter()
        .find(|g| {
            g.providers
                .iter()
                .any(|p| cat.data.providers[*p as usize].key == "hogent-gent")
        })
        .unwrap();
    assert!(
        gent.providers.len() >= 3,
        "Gent's town-precision providers share one marker"
    );
}

/// Marker groups against a brute-force grouping by coordinates: random subsets in random
/// order, on seeded synthetic data and on the shipped data (where schools share a point).
#[test]
fn marker_groups_match_a_brute_force_grouping() {
    for (cat, seed) in [(catalog(31), 77), (shipped(), 78)] {
        let mut rng = Rng::new(seed);
        let n = cat.data.providers.len() as u32;
        for _ in 0..30 {
            let mut ids: Vec<ProviderId> = (0..n).filter(|_| rng.below(3) == 0).collect();
            // Shuffled (Fisher–Yates): the order of first appearance is kept too.
            for i in (1..ids.len()).rev() {
                ids.swap(i, rng.below(i + 1));
            }
            let mut want: Vec<(LonLat, Vec<ProviderId>)> = Vec::new();
            for id in &ids {
                let at = cat.data.providers[*id as usize].lon_lat;
                match want.iter_mut().find(|(p, _)| *p == at) {
                    Some((_, members)) => members.push(*id),
                    None => want.push((at, vec![*id])),
                }
            }
            let got: Vec<(LonLat, Vec<ProviderId>)> = cat
                .marker_groups(ids.iter().copied())
                .into_iter()
                .map(|g| (g.lon_lat, g.providers.to_vec()))
                .collect();
            assert_eq!(got, want);
        }
    }
    let cat = shipped();
    let all = cat.marker_groups(0..cat.data.providers.len() as u32);
    assert!(
        all.iter().any(|g| g.providers.len() > 1),
        "shared points exist"
    );
}

#[test]
fn the_default_order_is_by_name_as_a_reader_looks_it_up() {
    // Brute force: each provider's folded name with the place after it (as the catalog's
    // search text), compared by `sort_key`, ties by id.
    use leerkaart::core::text::sort_key;
    let cat = shipped();
    let tx = texts(&cat);
    let out = cat.apply(&Filter::default());
    let mut want: Vec<ProviderId> = out.providers.iter().map(|h| h.provider).collect();
    want.sort_by(|a, b| {
        sort_key(&tx.provider[*a as usize])
            .cmp(sort_key(&tx.provider[*b as usize]))
            .then(a.cmp(b))
    });
    let got: Vec<ProviderId> = out.providers.iter().map(|h| h.provider).collect();
    assert_eq!(got, want);
    // "'t Saam" is listed under S, not before every "A".
    let name = |p: ProviderId| cat.data.providers[p as usize].name.to_string();
    assert!(!name(got[0]).starts_with('\''), "{}", name(got[0]));
    let saam = got
        .iter()
        .position(|p| name(*p) == "'t Saam")
        .expect("'t Saam is shipped");
    let (before, after) = (name(got[saam - 1]), name(got[saam + 1]));
    let letter = |n: &str| sort_key(&fold(n)).chars().next().unwrap_or(' ');
    assert!(
        letter(&before) <= 's' && letter(&after) == 's' && saam > out.providers.len() / 2,
        "{before} < 't Saam < {after}"
    );
}
