//! Display labels of the vocabularies in the interface languages. Course and provider names
//! are never translated: they stay as in the data. National level names stay in their own
//! country's language (they are names of diplomas).

use crate::core::i18n::Lang;
use crate::core::level::{eqf_label, Eqf, Stage};
use crate::core::model::*;

/// Picks the text of a language from a `[nl, en, fr]` triple.
const fn pick(lang: Lang, t: [&'static str; 3]) -> &'static str {
    match lang {
        Lang::Nl => t[0],
        Lang::En => t[1],
        Lang::Fr => t[2],
    }
}

/// Label of a sector.
pub fn sector(lang: Lang, s: Sector) -> &'static str {
    pick(
        lang,
        match s {
            Sector::Engineering => [
                "Techniek",
                "Engineering and technology",
                "Technique et industrie",
            ],
            Sector::HealthWelfare => [
                "Zorg en welzijn",
                "Health and welfare",
                "Santé et bien-être",
            ],
            Sector::Ict => ["ICT", "ICT", "Informatique (TIC)"],
            Sector::NaturalSciences => [
                "Natuurwetenschappen en wiskunde",
                "Natural sciences and mathematics",
                "Sciences naturelles et mathématiques",
            ],
            Sector::Agriculture => [
                "Landbouw, natuur en voeding",
                "Agriculture and nature",
                "Agriculture et nature",
            ],
            Sector::BusinessLaw => [
                "Economie, bestuur en recht",
                "Business, administration and law",
                "Commerce, administration et droit",
            ],
            Sector::Education => ["Onderwijs", "Education", "Enseignement"],
            Sector::SocialSciences => [
                "Gedrag en maatschappij",
                "Social sciences",
                "Sciences sociales",
            ],
            Sector::ArtsHumanities => [
                "Kunst, taal en cultuur",
                "Arts and humanities",
                "Arts et lettres",
            ],
            Sector::Services => [
                "Dienstverlening en transport",
                "Services and transport",
                "Services et transport",
            ],
            Sector::Generic => [
                "Algemeen vormend",
                "General education",
                "Enseignement général",
            ],
        },
    )
}

/// Label of a learning form.
pub fn learning_form(lang: Lang, f: LearningForm) -> &'static str {
    pick(
        lang,
        match f {
            LearningForm::FullTime => ["Voltijds (dag)", "Full-time (day)", "Plein temps (jour)"],
            LearningForm::PartTime => ["Deeltijds", "Part-time", "Temps partiel"],
            LearningForm::Evening => ["Avondonderwijs", "Evening classes", "Cours du soir"],
            LearningForm::Dual => [
                "Duaal / BBL (leren en werken)",
                "Dual / work-based (BBL)",
                "En alternance (duaal / BBL)",
            ],
            LearningForm::Online => [
                "Online / afstandsonderwijs",
                "Online / distance",
                "En ligne / à distance",
            ],
            LearningForm::Hybrid => ["Hybride", "Hybrid", "Hybride"],
            LearningForm::Modular => [
                "Modulair (deelcertificaten)",
                "Modular (partial certificates)",
                "Modulaire (certificats partiels)",
            ],
        },
    )
}

/// Label of a country.
pub fn country(lang: Lang, c: Country) -> &'static str {
    pick(
        lang,
        match c {
            Country::Nl => ["Nederland", "Netherlands", "Pays-Bas"],
            Country::Be => [
                "België (Vlaanderen)",
                "Belgium (Flanders)",
                "Belgique (Flandre)",
            ],
        },
    )
}

/// A province's name in the interface language (Zeeland is "Zélande" in French).
pub fn province(lang: Lang, p: Province) -> &'static str {
    pick(
        lang,
        match p {
            Province::Zeeland => ["Zeeland", "Zeeland", "Zélande"],
            Province::OostVlaanderen => ["Oost-Vlaanderen", "East Flanders", "Flandre-Orientale"],
            Province::WestVlaanderen => ["West-Vlaanderen", "West Flanders", "Flandre-Occidentale"],
        },
    )
}

/// Label of an institution kind.
pub fn institution_kind(lang: Lang, k: InstitutionKind) -> &'static str {
    pick(
        lang,
        match k {
            InstitutionKind::University => ["Universiteit", "University", "Université"],
            InstitutionKind::UniversityOfAppliedSciences => [
                "Hogeschool",
                "University of applied sciences",
                "Haute école",
            ],
            InstitutionKind::MboCollege => [
                "MBO-school",
                "Vocational college (MBO)",
                "École professionnelle (MBO)",
            ],
            InstitutionKind::SecondarySchool => {
                ["Secundaire school", "Secondary school", "École secondaire"]
            }
            InstitutionKind::AdultEducation => [
                "Volwassenenonderwijs (CVO)",
                "Adult education (CVO)",
                "Enseignement pour adultes (CVO)",
            ],
            InstitutionKind::Syntra => ["Syntra", "Syntra", "Syntra"],
            InstitutionKind::EmploymentServiceCentre => [
                "VDAB-competentiecentrum",
                "VDAB training centre",
                "Centre de compétence VDAB",
            ],
            InstitutionKind::Other => [
                "Opleidingsverstrekker",
                "Training provider",
                "Organisme de formation",
            ],
        },
    )
}

/// A sentence on how precise a provider's location is.
pub fn precision(lang: Lang, p: &Provider) -> String {
    let pc = p.address.postcode.as_deref().unwrap_or("");
    match (p.location_precision, lang) {
        (LocationPrecision::Address, Lang::Nl) => "Ligging: op adres".into(),
        (LocationPrecision::Address, Lang::En) => "Location: at the address".into(),
        (LocationPrecision::Address, Lang::Fr) => "Localisation : à l'adresse".into(),
        (LocationPrecision::Postcode, Lang::Nl) => {
            format!("Ligging: midden van postcodegebied {pc}")
        }
        (LocationPrecision::Postcode, Lang::En) => {
            format!("Location: centre of postcode area {pc}")
        }
        (LocationPrecision::Postcode, Lang::Fr) => {
            format!("Localisation : centre du code postal {pc}")
        }
        (LocationPrecision::Town, Lang::Nl) => format!(
            "Ligging: centrum van {} (niet het exacte adres)",
            p.municipality
        ),
        (LocationPrecision::Town, Lang::En) => format!(
            "Location: centre of {} (not the exact address)",
            p.municipality
        ),
        (LocationPrecision::Town, Lang::Fr) => format!(
            "Localisation : centre de {} (pas l'adresse exacte)",
            p.municipality
        ),
        (LocationPrecision::Geocoded, Lang::Nl) => {
            "Ligging: bij benadering (punt uit de bron, niet op adres gecontroleerd)".into()
        }
        (LocationPrecision::Geocoded, Lang::En) => {
            "Location: approximate (the source's point, not checked against an address)".into()
        }
        (LocationPrecision::Geocoded, Lang::Fr) => {
            "Localisation : approximative (point de la source, adresse non vérifiée)".into()
        }
        (LocationPrecision::NotStated, Lang::Nl) => {
            "Ligging: nauwkeurigheid niet vermeld in het bestand".into()
        }
        (LocationPrecision::NotStated, Lang::En) => {
            "Location: precision not stated in the file".into()
        }
        (LocationPrecision::NotStated, Lang::Fr) => {
            "Localisation : précision non indiquée dans le fichier".into()
        }
    }
}

/// Short level label of a course: "EQF 6 · Professionele bachelor".
/// Without a qualification: just the national name ("Tweede graad secundair onderwijs").
pub fn course_level(l: &CourseLevel) -> String {
    match l.eqf {
        Some(e) => format!("EQF {} · {}", e.get(), l.national.name()),
        None => l.national.name().to_string(),
    }
}

/// A course's level in both systems: "EQF 6 · Professionele bachelor (BE) — NL: HBO-bachelor, WO-bachelor".
pub fn level_both(l: &CourseLevel) -> String {
    let own = l.national.country();
    let other = if own == Country::Nl {
        Country::Be
    } else {
        Country::Nl
    };
    let Some(eqf) = l.eqf else {
        return format!("{} ({})", l.national.name(), own.code());
    };
    let names = crate::core::level::national_names(eqf, other);
    let mut s = format!("EQF {} · {} ({})", eqf.get(), l.national.name(), own.code());
    if !names.is_empty() {
        s.push_str(&format!(" — {}: {}", other.code(), names.join(", ")));
    }
    s
}

/// Long label of an EQF level for the level filter (national names in their own language).
pub fn eqf(_lang: Lang, e: Eqf) -> String {
    eqf_label(e)
}

/// A distance for people: one decimal under 10 km, whole km above.
pub fn distance_km(lang: Lang, d: f64) -> String {
    if d < 10.0 {
        format!("{} km", lang.decimal(d, 1))
    } else {
        format!("{:.0} km", d)
    }
}

/// A whole-file load error, for the page.
pub fn load_error(lang: Lang, e: &crate::core::load::LoadError) -> String {
    use crate::core::load::LoadError;
    match e {
        LoadError::Syntax {
            line,
            column,
            problem,
        } => {
            let p = json_problem(lang, *problem);
            match lang {
                Lang::Nl => {
                    format!("het bestand is geen geldige JSON: {p} (regel {line}, kolom {column})")
                }
                Lang::En => {
                    format!("the file is not valid JSON: {p} (line {line}, column {column})")
                }
                Lang::Fr => format!(
                    "le fichier n'est pas du JSON valide : {p} (ligne {line}, colonne {column})"
                ),
            }
        }
        LoadError::NotGeoJson(why) => {
            let why = top_level_problem(lang, why);
            match lang {
                Lang::Nl => format!("dit is geen GeoJSON-FeatureCollection: {why}. De Leerkaart leest een bestand met \"type\": \"FeatureCollection\" en een lijst \"features\" (zie data/SCHEMA.md)."),
                Lang::En => format!("this is not a GeoJSON FeatureCollection: {why}. The Leerkaart reads a file with \"type\": \"FeatureCollection\" and a \"features\" list (see data/SCHEMA.md)."),
                Lang::Fr => format!("ce n'est pas une FeatureCollection GeoJSON : {why}. La Leerkaart lit un fichier avec \"type\": \"FeatureCollection\" et une liste \"features\" (voir data/SCHEMA.md)."),
            }
        }
        LoadError::Empty => pick(
            lang,
            [
                "het bestand is leeg",
                "the file is empty",
                "le fichier est vide",
            ],
        )
        .into(),
    }
}

/// A JSON syntax problem in words.
pub fn json_problem(lang: Lang, p: crate::core::problem::JsonProblem) -> &'static str {
    use crate::core::problem::JsonProblem as J;
    pick(
        lang,
        match p {
            J::UnexpectedEnd => ["de tekst stopt midden in een waarde (is het bestand afgebroken?)", "the text ends in the middle of a value (is the file cut short?)", "le texte s'arrête au milieu d'une valeur (le fichier est-il tronqué ?)"],
            J::ExpectedValue => ["hier hoort een waarde (een los woord zonder aanhalingstekens of een komma te veel?)", "a value belongs here (a word without quotes, or a comma too many?)", "une valeur est attendue ici (un mot sans guillemets ou une virgule de trop ?)"],
            J::ExpectedSeparator => ["hier hoort een komma of een sluithaakje", "a comma or a closing bracket belongs here", "une virgule ou un crochet fermant est attendu ici"],
            J::ExpectedColon => ["na de sleutel hoort een dubbele punt", "a colon belongs after the key", "deux-points attendus après la clé"],
            J::TrailingComma => ["een komma vóór een sluithaakje", "a comma before a closing bracket", "une virgule avant un crochet fermant"],
            J::TrailingCharacters => ["er staat nog tekst na het einde van de JSON", "there is text after the end of the JSON", "du texte suit la fin du JSON"],
            J::KeyNotString => ["een sleutel zonder dubbele aanhalingstekens", "a key without double quotes", "une clé sans guillemets doubles"],
            J::ControlCharacter => ["een regeleinde of tab binnen een tekst", "a line break or tab inside a text", "un saut de ligne ou une tabulation dans un texte"],
            J::InvalidEscape => ["een onbekende escape met backslash", "an unknown backslash escape", "un échappement par barre oblique inconnu"],
            J::InvalidNumber => ["een onleesbaar getal", "an unreadable number", "un nombre illisible"],
            J::NumberOutOfRange => ["een getal dat te groot is", "a number too large", "un nombre trop grand"],
            J::TooDeep => ["te diep genest", "nested too deeply", "imbrication trop profonde"],
            J::Other => ["een syntaxfout", "a syntax error", "une erreur de syntaxe"],
        },
    )
}

/// The kind of a JSON value in words.
pub fn json_kind(lang: Lang, k: crate::core::problem::JsonKind) -> &'static str {
    use crate::core::problem::JsonKind as K;
    pick(
        lang,
        match k {
            K::Text => ["tekst", "text", "du texte"],
            K::Number => ["een getal", "a number", "un nombre"],
            K::Bool => ["true/false", "true/false", "true/false"],
            K::Null => ["null", "null", "null"],
            K::List => ["een lijst", "a list", "une liste"],
            K::Object => ["een object", "an object", "un objet"],
            K::Other => [
                "een ander soort waarde",
                "another kind of value",
                "un autre type de valeur",
            ],
        },
    )
}

/// What is wrong with a value, in words.
pub fn problem(lang: Lang, p: &crate::core::problem::Problem) -> String {
    use crate::core::problem::Problem as P;
    let t = |nl: String, en: String, fr: String| match lang {
        Lang::Nl => nl,
        Lang::En => en,
        Lang::Fr => fr,
    };
    match p {
        P::Json(j) => json_problem(lang, *j).into(),
        P::WrongKind { expected, found } => {
            let (e, f) = (json_kind(lang, *expected), json_kind(lang, *found));
            t(
                format!("verwacht {e}, gevonden {f}"),
                format!("expected {e}, found {f}"),
                format!("attendu {e}, trouvé {f}"),
            )
        }
        P::Missing(m) => t(
            format!("`{m}` ontbreekt"),
            format!("`{m}` is missing"),
            format!("`{m}` manque"),
        ),
        P::NotAnObject => pick(
            lang,
            ["geen JSON-object", "not a JSON object", "pas un objet JSON"],
        )
        .into(),
        P::TypeIs {
            expected,
            found: Some(f),
        } => t(
            format!("het `type` is `{f}`, niet \"{expected}\""),
            format!("its `type` is `{f}`, not \"{expected}\""),
            format!("son `type` est `{f}`, pas \"{expected}\""),
        ),
        P::TypeIs {
            expected,
            found: None,
        } => t(
            format!("geen `type` \"{expected}\""),
            format!("no `type` \"{expected}\""),
            format!("pas de `type` \"{expected}\""),
        ),
        P::TooFewNumbers(n) => t(
            format!("een positie vraagt lengte- en breedtegraad, gevonden: {n} getal(len)"),
            format!("a position needs longitude and latitude, found {n} number(s)"),
            format!("une position demande longitude et latitude, trouvé {n} nombre(s)"),
        ),
        P::NotWgs84 { lon, lat } => t(
            format!("[{lon}, {lat}] is geen lengte- en breedtegraad (WGS84)"),
            format!("[{lon}, {lat}] is not a WGS84 longitude and latitude"),
            format!("[{lon}, {lat}] n'est pas une longitude et latitude WGS84"),
        ),
        P::TooLong { chars, max } => t(
            format!("{chars} tekens, hoogstens {max}"),
            format!("{chars} characters, at most {max}"),
            format!("{chars} caractères, au plus {max}"),
        ),
        P::NotAMonth(m) => t(
            format!("{m} is geen maand (1–12)"),
            format!("{m} is not a month (1–12)"),
            format!("{m} n'est pas un mois (1–12)"),
        ),
        P::Unreadable => pick(
            lang,
            [
                "een waarde die het formaat niet toelaat",
                "a value the format does not allow",
                "une valeur que le format n'admet pas",
            ],
        )
        .into(),
    }
}

/// Why a JSON file is not a FeatureCollection, in words.
pub fn top_level_problem(lang: Lang, p: &crate::core::problem::TopLevelProblem) -> String {
    use crate::core::problem::TopLevelProblem as T;
    match p {
        T::NotAnObject => pick(
            lang,
            [
                "het bovenste niveau is geen object",
                "the top level is not an object",
                "le niveau supérieur n'est pas un objet",
            ],
        )
        .into(),
        T::NoType => pick(
            lang,
            [
                "het object bovenaan heeft geen `type`",
                "the top-level object has no `type`",
                "l'objet de niveau supérieur n'a pas de `type`",
            ],
        )
        .into(),
        T::OtherType(found) => match lang {
            Lang::Nl => format!("het `type` bovenaan is `{found}`"),
            Lang::En => format!("the top-level `type` is `{found}`"),
            Lang::Fr => format!("le `type` de niveau supérieur est `{found}`"),
        },
        T::NoFeatures => pick(
            lang,
            [
                "de FeatureCollection heeft geen lijst `features`",
                "the FeatureCollection has no `features` list",
                "la FeatureCollection n'a pas de liste `features`",
            ],
        )
        .into(),
    }
}

/// A duration as the data writes it, in Dutch ("4 jaar (240 EC)", "3 jaar (180
/// studiepunten)", "10 weken"), in the interface language: "4 years (240 credits)", "4 ans
/// (240 crédits)". Words it does not know stay as written.
pub fn duration(lang: Lang, text: &str) -> String {
    if lang == Lang::Nl {
        return text.to_string();
    }
    // (Dutch word, [English singular, plural], [French singular, plural])
    const UNITS: [(&str, [&str; 2], [&str; 2]); 7] = [
        ("jaar", ["year", "years"], ["an", "ans"]),
        ("jaren", ["year", "years"], ["an", "ans"]),
        ("maanden", ["month", "months"], ["mois", "mois"]),
        ("maand", ["month", "months"], ["mois", "mois"]),
        ("weken", ["week", "weeks"], ["semaine", "semaines"]),
        ("week", ["week", "weeks"], ["semaine", "semaines"]),
        ("uur", ["hour", "hours"], ["heure", "heures"]),
    ];
    const CREDITS: [&str; 3] = ["EC", "ECTS", "studiepunten"];
    let words: Vec<&str> = text.split(' ').collect();
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut previous: Option<f64> = None;
    for w in words {
        let (core, tail) = match w.find([')', ',', ';']) {
            Some(i) => (&w[..i], &w[i..]),
            None => (w, ""),
        };
        let plural = previous.is_none_or(|n| n != 1.0);
        let pick = |pair: [&'static str; 2]| if plural { pair[1] } else { pair[0] };
        let translated = if let Some((_, en, fr)) = UNITS.iter().find(|(nl, ..)| *nl == core) {
            Some(match lang {
                Lang::En => pick(*en),
                _ => pick(*fr),
            })
        } else if CREDITS.contains(&core) {
            Some(match lang {
                Lang::En => pick(["credit", "credits"]),
                _ => pick(["crédit", "crédits"]),
            })
        } else {
            None
        };
        previous = core
            .trim_start_matches('(')
            .replace(',', ".")
            .parse::<f64>()
            .ok();
        out.push(match translated {
            Some(t) => format!("{t}{tail}"),
            None => w.to_string(),
        });
    }
    out.join(" ")
}

#[cfg(test)]
mod tests {
    #[test]
    fn durations_in_every_language() {
        use super::*;
        assert_eq!(
            duration(Lang::En, "4 jaar (240 studiepunten)"),
            "4 years (240 credits)"
        );
        assert_eq!(duration(Lang::Fr, "4 jaar (240 EC)"), "4 ans (240 crédits)");
        assert_eq!(duration(Lang::En, "1 jaar (60 EC)"), "1 year (60 credits)");
        assert_eq!(duration(Lang::Fr, "10 weken"), "10 semaines");
        assert_eq!(duration(Lang::Nl, "4 jaar (240 EC)"), "4 jaar (240 EC)");
        assert_eq!(duration(Lang::En, "flexibel"), "flexibel");
    }

    use super::*;

    #[test]
    fn every_value_has_a_label_in_every_language() {
        for l in Lang::ALL {
            for s in Sector::ALL {
                assert!(!sector(l, *s).is_empty());
            }
            for f in LearningForm::ALL {
                assert!(!learning_form(l, *f).is_empty());
            }
            for k in InstitutionKind::ALL {
                assert!(!institution_kind(l, *k).is_empty());
            }
            for s in Stage::ALL {
                assert!(!stage(l, *s).is_empty() && !stage_short(l, *s).is_empty());
            }
            // Every crossing the travel estimate names has a label in every language.
            for v in [
                "Westerscheldetunnel",
                "veerpont Vlissingen–Breskens",
                "via Antwerpen",
            ] {
                assert!(!crossing(l, v).is_empty());
            }
        }
        assert_eq!(
            sector(Lang::En, Sector::HealthWelfare),
            "Health and welfare"
        );
        assert_eq!(crossing(Lang::Fr, "via Antwerpen"), "via Anvers");
        assert_eq!(region(Lang::En, "Vlaanderen"), "Flanders");
        assert_eq!(distance_km(Lang::Nl, 3.06), "3,1 km");
        let ad = CourseLevel {
            eqf: Eqf::new(5),
            national: crate::core::NationalLevel::NlAssociateDegree,
        };
        assert_eq!(
            level_both(&ad),
            "EQF 5 · Associate degree (NL) — BE: Graduaat, HBO5 verpleegkunde"
        );
        assert_eq!(distance_km(Lang::En, 3.06), "3.1 km");
        assert_eq!(distance_km(Lang::Fr, 42.4), "42 km");
    }
}

/// A rejected feature, course or field, for the page, in the interface language.
pub fn rejection(lang: Lang, r: &crate::core::load::Rejection) -> String {
    use crate::core::load::{RejectReason as R, RejectedPart};
    let t = |nl: String, en: String, fr: String| match lang {
        Lang::Nl => nl,
        Lang::En => en,
        Lang::Fr => fr,
    };
    let reason = match &r.reason {
        R::Syntax(j) => {
            let m = json_problem(lang, *j);
            t(
                format!("geen geldige JSON: {m}"),
                format!("not valid JSON: {m}"),
                format!("JSON non valide : {m}"),
            )
        }
        R::NotAFeature(p) => {
            let m = problem(lang, p);
            t(
            format!("geen GeoJSON-Feature: {m}"),
            format!("not a GeoJSON Feature: {m}"),
            format!("pas une Feature GeoJSON : {m}"),
            )
        }
        R::MissingCoordinates => t(
            "coördinaten ontbreken".into(),
            "missing coordinates".into(),
            "coordonnées manquantes".into(),
        ),
        R::NotAPoint(k) => t(
            format!("geometrie is een {k}, geen Point"),
            format!("geometry is a {k}, expected a Point"),
            format!("la géométrie est un {k}, pas un Point"),
        ),
        R::InvalidCoordinates(p) => {
            let m = problem(lang, p);
            t(
                format!("ongeldige coördinaten: {m}"),
                format!("invalid coordinates: {m}"),
                format!("coordonnées invalides : {m}"),
            )
        }
        R::OutsideRegion { lon, lat, swapped } => {
            let mut s = t(
                format!("coördinaten [{lon}, {lat}] liggen buiten de regio"),
                format!("coordinates [{lon}, {lat}] are outside the region"),
                format!("les coordonnées [{lon}, {lat}] sont hors de la région"),
            );
            if *swapped {
                s.push_str(&t(
                    " (lengte- en breedtegraad lijken verwisseld: GeoJSON zet de lengtegraad eerst)".into(),
                    " (latitude and longitude look swapped: GeoJSON puts longitude first)".into(),
                    " (latitude et longitude semblent inversées : GeoJSON met la longitude d'abord)".into(),
                ));
            }
            s
        }
        R::MissingField(f) => t(
            format!("verplicht veld `{f}` ontbreekt"),
            format!("missing required field `{f}`"),
            format!("champ obligatoire `{f}` manquant"),
        ),
        R::InvalidField { field, problem: p } => {
            let m = problem(lang, p);
            t(
                format!("ongeldig `{field}`: {m}"),
                format!("invalid `{field}`: {m}"),
                format!("`{field}` invalide : {m}"),
            )
        }
        R::UnknownValue { field, value } => t(
            format!("onbekende {field} `{value}`"),
            format!("unknown {field} `{value}`"),
            format!("{field} inconnu `{value}`"),
        ),
        R::ProvinceNotInCountry { province, country } => t(
            format!("provincie {province} ligt niet in {country}"),
            format!("province {province} is not in country {country}"),
            format!("la province {province} n'est pas dans le pays {country}"),
        ),
        R::LevelNotInCountry { level, country } => t(
            format!("niveau `{level}` bestaat niet in {country}"),
            format!("level `{level}` does not exist in {country}"),
            format!("le niveau `{level}` n'existe pas en {country}"),
        ),
        R::EqfMismatch { eqf, level, lo, hi } => t(
            format!("EQF {eqf} past niet bij niveau `{level}` (EQF {lo}–{hi})"),
            format!("EQF {eqf} does not match level `{level}` (EQF {lo}–{hi})"),
            format!("CEC {eqf} ne correspond pas au niveau `{level}` (CEC {lo}–{hi})"),
        ),
        R::EqfWithoutQualification { eqf, level } => t(
            format!("niveau `{level}` leidt niet tot een kwalificatie en heeft dus geen EQF-niveau (EQF {eqf} gevonden)"),
            format!("level `{level}` leads to no qualification, so it has no EQF level (found EQF {eqf})"),
            format!("le niveau `{level}` ne mène à aucune certification et n'a donc pas de niveau CEC ({eqf} trouvé)"),
        ),
        R::Alias { field, from, to } if from.is_empty() => t(
            format!("`{field}` ontbreekt, gelezen als `{to}`"),
            format!("`{field}` is missing, read as `{to}`"),
            format!("`{field}` manque, lu comme `{to}`"),
        ),
        R::Alias { field, from, to } => t(
            format!("{field} `{from}` gelezen als `{to}`"),
            format!("{field} `{from}` read as `{to}`"),
            format!("{field} `{from}` lu comme `{to}`"),
        ),
        R::DuplicateId(id) => t(
            format!("dubbele id `{id}` (de eerste blijft)"),
            format!("duplicate id `{id}` (the first one is kept)"),
            format!("identifiant `{id}` en double (le premier est gardé)"),
        ),
        R::UnsafeUrl { field, url } => t(
            format!("`{field}` is geen http(s)-link en is weggelaten: {url}"),
            format!("`{field}` is not an http(s) link and was removed: {url}"),
            format!("`{field}` n'est pas un lien http(s) et a été retiré : {url}"),
        ),
    };
    let mut at = t(
        format!("object {}", r.feature_index),
        format!("feature {}", r.feature_index),
        format!("objet {}", r.feature_index),
    );
    if let Some(line) = r.line {
        at.push_str(&t(
            format!(" (regel {line})"),
            format!(" (line {line})"),
            format!(" (ligne {line})"),
        ));
    }
    if let Some(id) = &r.feature_id {
        at.push_str(&format!(" `{id}`"));
    }
    match r.part {
        RejectedPart::Course(i) => format!(
            "{at}, {} {i}: {reason}",
            t("opleiding".into(), "course".into(), "formation".into())
        ),
        RejectedPart::Feature | RejectedPart::Field => format!("{at}: {reason}"),
    }
}

#[cfg(test)]
mod rejection_tests {
    use super::*;
    use crate::core::load::{RejectReason, RejectedPart, Rejection};

    #[test]
    fn rejections_in_three_languages() {
        let r = Rejection {
            feature_index: 3,
            line: Some(7),
            feature_id: Some("x".into()),
            part: RejectedPart::Feature,
            reason: RejectReason::OutsideRegion {
                lon: 51.5,
                lat: 3.88,
                swapped: true,
            },
        };
        assert_eq!(rejection(Lang::Nl, &r), "object 3 (regel 7) `x`: coördinaten [51.5, 3.88] liggen buiten de regio (lengte- en breedtegraad lijken verwisseld: GeoJSON zet de lengtegraad eerst)");
        assert!(rejection(Lang::En, &r).starts_with("feature 3 (line 7) `x`: coordinates"));
        assert!(rejection(Lang::Fr, &r).contains("inversées"));
    }
}

/// Label of a shortage level.
pub fn shortage_level(lang: Lang, l: crate::core::occupation::ShortageLevel) -> &'static str {
    use crate::core::occupation::ShortageLevel as L;
    pick(
        lang,
        match l {
            L::Bottleneck => [
                "knelpuntberoep",
                "bottleneck occupation",
                "métier en pénurie",
            ],
            L::VeryTight => ["zeer krap", "very tight", "très tendu"],
            L::Tight => ["krap", "tight", "tendu"],
            L::HardToFill => [
                "moeilijk vervulbaar",
                "hard to fill",
                "difficile à pourvoir",
            ],
        },
    )
}

/// Label of a stage of education (the facet and the course badge).
pub fn stage(lang: Lang, s: Stage) -> &'static str {
    pick(
        lang,
        match s {
            Stage::LowerSecondary => [
                "Secundair 1e graad, vmbo, onderbouw",
                "Lower secondary (1st grade, VMBO)",
                "Secondaire inférieur (1er degré, VMBO)",
            ],
            Stage::UpperSecondary => [
                "Secundair 2e en 3e graad, havo, vwo",
                "Upper secondary (2nd–3rd grade, HAVO, VWO)",
                "Secondaire supérieur (2e–3e degré, HAVO, VWO)",
            ],
            Stage::Vocational => ["Mbo", "Vocational (MBO)", "Professionnel (MBO)"],
            Stage::SeNSe => [
                "Se-n-Se (secundair na secundair)",
                "Se-n-Se (post-secondary year)",
                "Se-n-Se (année post-secondaire)",
            ],
            Stage::Graduaat => [
                "HBO5 / graduaat",
                "HBO5 / graduate programme",
                "HBO5 / graduat",
            ],
            Stage::Higher => [
                "Hoger onderwijs (AD, bachelor, master)",
                "Higher education (AD, bachelor, master)",
                "Enseignement supérieur (AD, bachelier, master)",
            ],
            Stage::Adult => [
                "Volwassenenonderwijs",
                "Adult education",
                "Enseignement pour adultes",
            ],
        },
    )
}

/// Short label of a stage for badges.
pub fn stage_short(lang: Lang, s: Stage) -> &'static str {
    pick(
        lang,
        match s {
            Stage::LowerSecondary => ["1e graad / vmbo", "lower secondary", "secondaire inf."],
            Stage::UpperSecondary => ["secundair", "upper secondary", "secondaire sup."],
            Stage::Vocational => ["mbo", "MBO", "MBO"],
            Stage::SeNSe => ["Se-n-Se", "Se-n-Se", "Se-n-Se"],
            Stage::Graduaat => ["HBO5 / graduaat", "HBO5 / graduate", "HBO5 / graduat"],
            Stage::Higher => ["hoger onderwijs", "higher education", "supérieur"],
            Stage::Adult => ["volwassenen", "adult education", "adultes"],
        },
    )
}

/// The national description of a course in one line, in the interface language for the
/// words and the country's own terms for the rest: "2e graad · TSO · dubbele finaliteit".
/// Empty when the data says nothing.
pub fn course_details(lang: Lang, c: &Course) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(d) = &c.details {
        if let Some(g) = d.graad {
            parts.push(match lang {
                Lang::Nl => format!("{g}e graad"),
                Lang::En => format!("grade {g}"),
                Lang::Fr => format!("{g}e degré"),
            });
        }
        if let Some(v) = &d.onderwijsvorm {
            parts.push(if v == "7DE" {
                pick(lang, ["7e jaar", "7th year", "7e année"]).to_string()
            } else {
                v.clone()
            });
        }
        if let Some(f) = &d.finaliteit {
            parts.push(
                match f.to_ascii_lowercase().as_str() {
                    "doorstroom" => pick(
                        lang,
                        [
                            "doorstroomfinaliteit (naar hoger onderwijs)",
                            "towards higher education",
                            "vers l'enseignement supérieur",
                        ],
                    ),
                    "dubbel" => pick(
                        lang,
                        [
                            "dubbele finaliteit (werk of hoger onderwijs)",
                            "towards work or higher education",
                            "vers l'emploi ou le supérieur",
                        ],
                    ),
                    "arbeidsmarkt" => pick(
                        lang,
                        [
                            "arbeidsmarktfinaliteit (naar werk)",
                            "towards work",
                            "vers l'emploi",
                        ],
                    ),
                    _ => f.as_str(),
                }
                .to_string(),
            );
        }
        if let Some(l) = &d.leerweg {
            parts.push(match lang {
                Lang::Nl => format!("leerweg: {l}"),
                Lang::En => format!("track: {l}"),
                Lang::Fr => format!("filière : {l}"),
            });
        }
        if let (Some(first), Some(last)) = (d.exam_years.first(), d.exam_years.last()) {
            let span = if first == last {
                first.clone()
            } else {
                format!("{} – {}", first, last)
            };
            parts.push(match lang {
                Lang::Nl => format!("examenkandidaten in {span} (DUO)"),
                Lang::En => format!("exam candidates in {span} (DUO)"),
                Lang::Fr => format!("candidats à l'examen en {span} (DUO)"),
            });
        }
        if let Some(c) = &d.croho {
            parts.push(format!("CROHO {c}"));
        }
        if let Some(e) = d.credits_ects {
            parts.push(format!("{e} EC"));
        }
        if d.numerus_fixus {
            parts.push(
                pick(
                    lang,
                    [
                        "numerus fixus",
                        "capped intake (numerus fixus)",
                        "numerus fixus",
                    ],
                )
                .into(),
            );
        }
        if let Some(e) = &d.enrolment {
            let n = if e.at_least {
                format!("≥ {}", e.count)
            } else {
                e.count.to_string()
            };
            parts.push(match lang {
                Lang::Nl => format!("{n} ingeschreven (1 okt {})", e.year),
                Lang::En => format!("{n} enrolled (1 Oct {})", e.year),
                Lang::Fr => format!("{n} inscrits (1er oct. {})", e.year),
            });
        }
    }
    parts.join(" · ")
}

/// Regions of the shortage lists, as the data names them, with their `[nl, en, fr]` names.
const REGIONS: [(&str, [&str; 3]); 3] = [
    ("Vlaanderen", ["Vlaanderen", "Flanders", "Flandre"]),
    ("Nederland", ["Nederland", "the Netherlands", "Pays-Bas"]),
    ("Zeeland", ["Zeeland", "Zeeland", "Zélande"]),
];

/// Westerschelde crossings whose names differ by language (the tunnel's name does not).
const CROSSINGS: [(&str, [&str; 3]); 2] = [
    (
        "veerpont Vlissingen–Breskens",
        [
            "veerpont Vlissingen–Breskens",
            "Vlissingen–Breskens ferry",
            "bac Flessingue–Breskens",
        ],
    ),
    (
        "via Antwerpen",
        ["via Antwerpen", "via Antwerp", "via Anvers"],
    ),
];

/// A region of a shortage list in the interface language ("Vlaanderen" → "Flanders").
pub fn region(lang: Lang, name: &str) -> String {
    translate_name(lang, &REGIONS, name)
}

/// The Westerschelde crossing a distance estimate assumes, in the interface language.
pub fn crossing(lang: Lang, via: &str) -> String {
    translate_name(lang, &CROSSINGS, via)
}

/// A name from `table` in the language; any other name is a proper name, kept as it is.
fn translate_name(lang: Lang, table: &[(&str, [&'static str; 3])], name: &str) -> String {
    table
        .iter()
        .find(|(key, _)| *key == name)
        .map_or_else(|| name.to_string(), |(_, t)| pick(lang, *t).to_string())
}

/// Label of what a course awards.
pub fn award(lang: Lang, a: Award) -> &'static str {
    pick(
        lang,
        match a {
            Award::ShortCourse => [
                "korte opleiding (attest)",
                "short course (certificate)",
                "formation courte (attestation)",
            ],
            Award::PartialCertificate => [
                "deelcertificaat",
                "partial certificate",
                "certificat partiel",
            ],
            Award::Diploma => ["diploma", "diploma", "diplôme"],
        },
    )
}

/// One shortage status in a line: "BE 2024 · knelpuntberoep (Vlaanderen)".
pub fn shortage_status(lang: Lang, s: &crate::core::occupation::ShortageStatus) -> String {
    format!(
        "{} {} · {} ({})",
        s.country.code(),
        s.year,
        shortage_level(lang, s.level),
        region(lang, &s.region)
    )
}

/// A shortage status in a few words: "BE 2024: knelpuntberoep".
pub fn shortage_short(lang: Lang, s: &crate::core::occupation::ShortageStatus) -> String {
    format!(
        "{} {}: {}",
        s.country.code(),
        s.year,
        shortage_level(lang, s.level)
    )
}

/// What a place of advice offers.
pub fn guidance_kind(lang: Lang, k: crate::core::guidance::GuidanceKind) -> &'static str {
    use crate::core::guidance::GuidanceKind as G;
    pick(
        lang,
        match k {
            G::LearningAdvice => [
                "leeradvies voor volwassenen",
                "advice on learning for adults",
                "conseils de formation pour adultes",
            ],
            G::OpenLearningCentre => [
                "open leercentrum",
                "open learning centre",
                "centre d'apprentissage ouvert",
            ],
            G::EmploymentService => [
                "openbare dienst voor arbeidsbemiddeling",
                "public employment service",
                "service public de l'emploi",
            ],
            G::TechnologyCentre => [
                "techniekcentrum voor leerlingen",
                "technology centre for pupils",
                "centre technique pour élèves",
            ],
            G::TechnologyAcademy => [
                "techniekacademie voor kinderen",
                "technology academy for children",
                "académie technique pour enfants",
            ],
        },
    )
}

/// Why a chosen filter value gives nothing: "This data has no courses with ‘Evening
/// classes’ yet." or, when only the area lacks it, "… in this area (it has some elsewhere)".
pub fn facet_gap(
    lang: Lang,
    value: crate::core::coverage::FacetValue,
    scope: crate::core::coverage::GapScope,
) -> String {
    use crate::core::coverage::{FacetValue as V, GapScope};
    let what = match value {
        V::Sector(s) => sector(lang, s).to_string(),
        V::Level(e) => format!("EQF {}", e.get()),
        V::Stage(s) => stage(lang, s).to_string(),
        V::Form(f) => learning_form(lang, f).to_string(),
        V::Shortage => crate::core::i18n::Msg::ShortageBadge.text(lang).to_string(),
    };
    match (lang, scope) {
        (Lang::Nl, GapScope::Data) => format!("Deze gegevens bevatten nog geen opleidingen met ‘{what}’."),
        (Lang::Nl, GapScope::Area) => {
            format!("Deze gegevens bevatten in dit gebied geen opleidingen met ‘{what}’ (elders wel).")
        }
        (Lang::En, GapScope::Data) => format!("This data has no courses with ‘{what}’ yet."),
        (Lang::En, GapScope::Area) => {
            format!("This data has no courses with ‘{what}’ in this area (it has some elsewhere).")
        }
        (Lang::Fr, GapScope::Data) => {
            format!("Ces données ne contiennent pas encore de formation « {what} ».")
        }
        (Lang::Fr, GapScope::Area) => format!(
            "Ces données ne contiennent pas de formation « {what} » dans cette zone (il y en a ailleurs)."
        ),
    }
}

/// Every fixed piece of interface text in one language: the message catalogue, the
/// vocabularies' labels, the glossary's explanations and the regions and crossings. The
/// browser test that no screen shows another language's words reads it.
pub fn catalogue(lang: Lang) -> Vec<&'static str> {
    use crate::core::i18n::Msg;
    use crate::core::occupation::ShortageLevel;
    let mut all: Vec<&'static str> = Msg::ALL.iter().map(|m| m.text(lang)).collect();
    all.extend(Sector::ALL.iter().map(|&s| sector(lang, s)));
    all.extend(LearningForm::ALL.iter().map(|&f| learning_form(lang, f)));
    all.extend(Country::ALL.iter().map(|&c| country(lang, c)));
    all.extend(Province::ALL.iter().map(|&p| province(lang, p)));
    all.extend(
        InstitutionKind::ALL
            .iter()
            .map(|&k| institution_kind(lang, k)),
    );
    all.extend(ShortageLevel::ALL.iter().map(|&l| shortage_level(lang, l)));
    all.extend(Stage::ALL.iter().map(|&s| stage(lang, s)));
    all.extend(Stage::ALL.iter().map(|&s| stage_short(lang, s)));
    all.extend(Award::ALL.iter().map(|&a| award(lang, a)));
    all.extend(
        crate::core::guidance::GuidanceKind::ALL
            .iter()
            .map(|&k| guidance_kind(lang, k)),
    );
    all.extend(crate::core::glossary::GLOSSARY.iter().map(|t| t.text(lang)));
    all.extend(
        REGIONS
            .iter()
            .chain(&CROSSINGS)
            .map(|(_, t)| pick(lang, *t)),
    );
    all
}
