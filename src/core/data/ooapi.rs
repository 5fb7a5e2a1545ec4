//! Importer for the Open Education API (OOAPI v5). Input: one JSON object holding the
//! `organizations`, `programs` and (optional) `offerings` of an institution, each either an
//! array or an OOAPI page (`{"items": [...]}`), i.e. the bodies of `GET /organizations`,
//! `GET /programs` and `GET /offerings` put side by side.
//!
//! Each organization with a geolocated address becomes a provider; its programs become
//! courses (level from `level` + `levelOfQualification`, sector from `fieldsOfStudy`
//! (ISCED-F), forms from `modeOfStudy` and the offerings' `modeOfDelivery`, intake months from
//! the offerings' `startDate`).

use std::collections::{BTreeSet, HashMap};

use serde_json::{json, Value};

use crate::core::text::slug;
use crate::core::write::{feature, provider_properties};
use crate::core::{Country, LonLat, Sector};

/// The `consumerKey` of the OOAPI extension that carries each record whole, so that an export
/// read back here loses nothing OOAPI's own fields cannot say (the national level code, stage,
/// sector, location precision, sources and licences).
pub const OOAPI_CONSUMER_KEY: &str = "leerkaart";

/// A record the reader left out, with where and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Skipped {
    /// Which record.
    pub at: String,
    /// Why.
    pub reason: String,
}

/// What a bundle gave: this map's features and what was left out.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BundleRead {
    /// Features in this map's format.
    pub features: Vec<Value>,
    /// Records left out.
    pub skipped: Vec<Skipped>,
}

fn items<'a>(bundle: &'a Value, key: &str) -> Vec<&'a Value> {
    match bundle.get(key) {
        Some(Value::Array(a)) => a.iter().collect(),
        Some(Value::Object(o)) => o
            .get("items")
            .and_then(Value::as_array)
            .map(|a| a.iter().collect())
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// A language string from OOAPI's `[{language, value}]`, Dutch first, then English.
fn text(v: Option<&Value>) -> Option<String> {
    let arr = v?.as_array()?;
    let pick = |prefix: &str| {
        arr.iter().find(|e| {
            e.get("language")
                .and_then(Value::as_str)
                .is_some_and(|l| l.starts_with(prefix))
        })
    };
    pick("nl")
        .or_else(|| pick("en"))
        .or(arr.first())?
        .get("value")?
        .as_str()
        .map(|s| s.trim().to_string())
}

fn id_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.clone()),
        Value::Object(o) => o
            .get("organizationId")
            .or_else(|| o.get("programId"))
            .and_then(Value::as_str)
            .map(str::to_string),
        _ => None,
    }
}

/// The record a Leerkaart export keeps whole in an OOAPI `consumers` entry (see
/// the export), if this one has it.
fn leerkaart_extension(v: &Value) -> Option<&Value> {
    v.get("consumers")?
        .as_array()?
        .iter()
        .find(|c| c.get("consumerKey").and_then(Value::as_str) == Some(OOAPI_CONSUMER_KEY))
}

/// Sector from an ISCED-F code (broad field = first two digits).
pub fn sector_of_isced(code: &str) -> Option<Sector> {
    let broad = code.get(..2)?;
    Sector::ALL.iter().copied().find(|s| s.isced_f() == broad)
}

/// National level code for an OOAPI `level` in a country, and whether the EQF must be given.
pub fn national_level(
    level: &str,
    country: Country,
    organization_name: &str,
) -> Option<&'static str> {
    let university = {
        let n = organization_name.to_lowercase();
        (n.contains("universiteit") || n.contains("university"))
            && !n.contains("applied")
            && !n.contains("hogeschool")
    };
    let level = level.trim().to_lowercase();
    Some(match (country, level.as_str()) {
        (Country::Nl, "associate degree") => "nl_associate_degree",
        (Country::Nl, "bachelor") if university => "nl_wo_bachelor",
        (Country::Nl, "bachelor") => "nl_hbo_bachelor",
        (Country::Nl, "master") => "nl_master",
        (Country::Nl, "doctoral") => "nl_doctorate",
        (Country::Nl, "secondary vocational education 1") => "nl_mbo_1",
        (Country::Nl, "secondary vocational education 2") => "nl_mbo_2",
        (Country::Nl, "secondary vocational education 3") => "nl_mbo_3",
        (Country::Nl, "secondary vocational education 4") => "nl_mbo_4",
        (Country::Nl, "nondegree") => "nl_non_formal",
        (Country::Be, "associate degree") => "be_graduaat",
        (Country::Be, "bachelor") if university => "be_academische_bachelor",
        (Country::Be, "bachelor") => "be_professionele_bachelor",
        (Country::Be, "master") => "be_master",
        (Country::Be, "doctoral") => "be_doctoraat",
        (Country::Be, "nondegree") => "be_beroepskwalificatie",
        _ => return None,
    })
}

fn province_for(country: Country, postal: &str) -> Option<&'static str> {
    let digits: String = postal.chars().filter(char::is_ascii_digit).collect();
    let n: u32 = digits.get(..4)?.parse().ok()?;
    match country {
        // Zeeland's PC4 range (4300–4599) and Flemish postcode ranges of the two provinces.
        Country::Nl if (4300..=4599).contains(&n) => Some("NL-ZE"),
        Country::Be if (8000..=8999).contains(&n) => Some("BE-VWV"),
        Country::Be if (9000..=9999).contains(&n) => Some("BE-VOV"),
        _ => None,
    }
}

/// The first geolocated address of an organization.
fn first_geolocation(org: &Value) -> Option<LonLat> {
    org.get("addresses")?.as_array()?.iter().find_map(|a| {
        let g = a.get("geolocation")?;
        Some(LonLat::new(
            g.get("longitude")?.as_f64()?,
            g.get("latitude")?.as_f64()?,
        ))
    })
}

/// Reads OOAPI bundle text; `Err` (with why) when it is not a bundle.
pub fn read_bundle(text_in: &str) -> Result<BundleRead, String> {
    let bundle: Value = serde_json::from_str(text_in).map_err(|e| e.to_string())?;
    if !bundle.is_object()
        || (bundle.get("organizations").is_none() && bundle.get("programs").is_none())
    {
        return Err("expected an object with `organizations` and `programs`".into());
    }
    let mut out = BundleRead::default();

    let mut offerings: HashMap<String, Vec<&Value>> = HashMap::new();
    for o in items(&bundle, "offerings") {
        if let Some(p) = id_of(o.get("program")) {
            offerings.entry(p).or_default().push(o);
        }
    }
    let mut programs: HashMap<String, Vec<&Value>> = HashMap::new();
    for (i, p) in items(&bundle, "programs").into_iter().enumerate() {
        match id_of(p.get("organization")) {
            Some(org) => programs.entry(org).or_default().push(p),
            None => out.skipped.push(Skipped {
                at: format!("program #{i}"),
                reason: "no organization".into(),
            }),
        }
    }

    for (i, org) in items(&bundle, "organizations").into_iter().enumerate() {
        let at = format!("organization #{i}");
        let Some(org_id) = org.get("organizationId").and_then(Value::as_str) else {
            out.skipped.push(Skipped {
                at,
                reason: "no organizationId".into(),
            });
            continue;
        };
        let name = text(org.get("name")).unwrap_or_default();
        // A Leerkaart export: the location and its courses exactly as they were.
        if let Some(ext) = leerkaart_extension(org) {
            if let (Some(id), Some(Value::Object(props)), Some(at_lon_lat)) = (
                ext.get("id").and_then(Value::as_str),
                ext.get("properties"),
                first_geolocation(org),
            ) {
                let mut props = props.clone();
                let courses: Vec<Value> = programs
                    .remove(org_id)
                    .unwrap_or_default()
                    .into_iter()
                    .filter_map(|p| leerkaart_extension(p)?.get("course").cloned())
                    .collect();
                props.insert("courses".into(), courses.into());
                out.features.push(feature(id, at_lon_lat, props));
                continue;
            }
        }
        let addresses = org
            .get("addresses")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let address = addresses
            .iter()
            .filter(|a| a.get("geolocation").is_some())
            .min_by_key(|a| {
                if a.get("addressType").and_then(Value::as_str) == Some("visit") {
                    0
                } else {
                    1
                }
            });
        let Some(address) = address else {
            out.skipped.push(Skipped {
                at,
                reason: format!("`{name}` has no geolocated address"),
            });
            continue;
        };
        let geo = &address["geolocation"];
        let (Some(lat), Some(lon)) = (
            geo.get("latitude").and_then(Value::as_f64),
            geo.get("longitude").and_then(Value::as_f64),
        ) else {
            out.skipped.push(Skipped {
                at,
                reason: format!("`{name}`: geolocation without latitude/longitude"),
            });
            continue;
        };
        let country = match address
            .get("countryCode")
            .and_then(Value::as_str)
            .map(str::to_ascii_uppercase)
            .as_deref()
        {
            Some("NL") => Country::Nl,
            Some("BE") => Country::Be,
            other => {
                out.skipped.push(Skipped {
                    at,
                    reason: format!("`{name}`: country {other:?} is outside the region"),
                });
                continue;
            }
        };
        let postal = address
            .get("postalCode")
            .and_then(Value::as_str)
            .unwrap_or("");
        let Some(province) = province_for(country, postal) else {
            out.skipped.push(Skipped {
                at,
                reason: format!("`{name}`: postcode {postal} is outside the region's provinces"),
            });
            continue;
        };
        let city = address.get("city").and_then(Value::as_str).unwrap_or("");
        let street = format!(
            "{} {}",
            address.get("street").and_then(Value::as_str).unwrap_or(""),
            address
                .get("streetNumber")
                .and_then(Value::as_str)
                .unwrap_or("")
        );
        let link = org
            .get("link")
            .and_then(Value::as_str)
            .and_then(crate::core::safe_http_url);
        let source = match &link {
            Some(l) => json!({ "name": format!("OOAPI v5 endpoint of {name}"), "url": l }),
            None => json!({ "name": format!("OOAPI v5 endpoint of {name}") }),
        };
        let lname = name.to_lowercase();
        let kind = if lname.contains("applied") || lname.contains("hogeschool") {
            "university_of_applied_sciences"
        } else if lname.contains("universit") {
            "university"
        } else {
            "other"
        };
        let mut courses = Vec::new();
        for (j, p) in programs
            .remove(org_id)
            .unwrap_or_default()
            .into_iter()
            .enumerate()
        {
            let pid = p.get("programId").and_then(Value::as_str).unwrap_or("");
            let pname = text(p.get("name")).unwrap_or_default();
            let level = p.get("level").and_then(Value::as_str).unwrap_or("");
            let Some(national) = national_level(level, country, &name) else {
                out.skipped.push(Skipped {
                    at: format!("{at} program #{j}"),
                    reason: format!(
                        "`{pname}`: level `{level}` has no {} equivalent",
                        country.code()
                    ),
                });
                continue;
            };
            let eqf = p
                .get("levelOfQualification")
                .and_then(Value::as_str)
                .and_then(|l| l.split_whitespace().next()?.parse::<u8>().ok());
            let sector = p
                .get("fieldsOfStudy")
                .and_then(Value::as_str)
                .and_then(sector_of_isced);
            let mut forms = BTreeSet::new();
            match p.get("modeOfStudy").and_then(Value::as_str) {
                Some("full-time") => forms.insert("full_time"),
                Some("part-time") => forms.insert("part_time"),
                Some("dual training") => forms.insert("dual"),
                Some("self-paced") => forms.insert("online"),
                _ => false,
            };
            let mut months = BTreeSet::new();
            for o in offerings.get(pid).map(Vec::as_slice).unwrap_or(&[]) {
                let delivery: Vec<&str> = match o.get("modeOfDelivery") {
                    Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
                    Some(Value::String(s)) => vec![s.as_str()],
                    _ => vec![],
                };
                for d in delivery {
                    match d {
                        "online" | "distance-learning" => forms.insert("online"),
                        "hybrid" => forms.insert("hybrid"),
                        _ => false,
                    };
                }
                if let Some(m) = o
                    .get("startDate")
                    .and_then(Value::as_str)
                    .and_then(|d| d.get(5..7)?.parse::<u8>().ok())
                {
                    months.insert(m);
                }
            }
            if forms.is_empty() {
                forms.insert("full_time");
            }
            let mut c = json!({
                "id": format!("ooapi-{}", if pid.is_empty() { slug(&pname) } else { pid.to_string() }),
                "name": pname,
                "sector": sector.map(Sector::code).unwrap_or("generic"),
                "level": { "national": national },
                "learning_forms": forms.into_iter().collect::<Vec<_>>(),
                "intake_months": months.into_iter().collect::<Vec<_>>(),
            });
            if let Some(e) = eqf {
                c["level"]["eqf"] = e.into();
            }
            if let Some(f) = p.get("fieldsOfStudy").and_then(Value::as_str) {
                c["isced_f"] = f.into();
            }
            if let Some(l) = p
                .get("link")
                .and_then(Value::as_str)
                .and_then(crate::core::safe_http_url)
            {
                c["website"] = l.into();
            }
            if let Some(lang) = p.get("teachingLanguage").and_then(Value::as_str) {
                let iso1 = match lang {
                    "nld" | "nl" => "nl",
                    "eng" | "en" => "en",
                    "fra" | "fr" => "fr",
                    other => other,
                };
                c["languages"] = json!([iso1]);
            }
            courses.push(c);
        }
        let props = provider_properties(
            &name,
            kind,
            country,
            province,
            city,
            (street.trim(), postal, city),
            link,
            "address",
            Some("OOAPI address geolocation".into()),
            source,
            courses,
        );
        out.features.push(feature(
            &format!("ooapi-{}", slug(org_id)),
            LonLat::new(lon, lat),
            props,
        ));
    }
    let mut orphans: Vec<_> = programs.into_keys().collect();
    crate::core::sort::sort(&mut orphans);
    for org in orphans {
        out.skipped.push(Skipped {
            at: "programs".into(),
            reason: format!("programs of unknown organization `{org}`"),
        });
    }
    Ok(out)
}
