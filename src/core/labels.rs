//! Display labels of the vocabularies in the interface languages. Course and provider names
//! are never translated: they stay as in the data. National level names stay in their own
//! country's language (they are names of diplomas).

use super::i18n::Lang;
use super::level::{eqf_label, Eqf};
use super::model::*;

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
    }
}

/// Short level label of a course: "EQF 6 · Professionele bachelor".
pub fn course_level(l: &CourseLevel) -> String {
    format!("EQF {} · {}", l.eqf.get(), l.national.name())
}

/// A course's level in both systems: "EQF 6 · Professionele bachelor (BE) — NL: HBO-bachelor, WO-bachelor".
pub fn level_both(l: &CourseLevel) -> String {
    let own = l.national.country();
    let other = if own == Country::Nl {
        Country::Be
    } else {
        Country::Nl
    };
    let names = super::level::national_names(l.eqf, other);
    let mut s = format!(
        "EQF {} · {} ({})",
        l.eqf.get(),
        l.national.name(),
        own.code()
    );
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
pub fn load_error(lang: Lang, e: &super::load::LoadError) -> String {
    use super::load::LoadError;
    match (e, lang) {
        (
            LoadError::Syntax {
                line,
                column,
                message,
            },
            Lang::Nl,
        ) => format!("het bestand is geen geldige JSON (regel {line}, kolom {column}: {message})"),
        (
            LoadError::Syntax {
                line,
                column,
                message,
            },
            Lang::En,
        ) => format!("the file is not valid JSON (line {line}, column {column}: {message})"),
        (
            LoadError::Syntax {
                line,
                column,
                message,
            },
            Lang::Fr,
        ) => format!(
            "le fichier n'est pas du JSON valide (ligne {line}, colonne {column} : {message})"
        ),
        (LoadError::NotGeoJson(why), Lang::Nl) => {
            format!("het bestand is JSON maar geen GeoJSON-FeatureCollection ({why})")
        }
        (LoadError::NotGeoJson(why), Lang::En) => {
            format!("the file is JSON but not a GeoJSON FeatureCollection ({why})")
        }
        (LoadError::NotGeoJson(why), Lang::Fr) => {
            format!("le fichier est du JSON mais pas une FeatureCollection GeoJSON ({why})")
        }
        (LoadError::Empty, Lang::Nl) => "het bestand is leeg".into(),
        (LoadError::Empty, Lang::En) => "the file is empty".into(),
        (LoadError::Empty, Lang::Fr) => "le fichier est vide".into(),
    }
}

#[cfg(test)]
mod tests {
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
        }
        assert_eq!(
            sector(Lang::En, Sector::HealthWelfare),
            "Health and welfare"
        );
        assert_eq!(distance_km(Lang::Nl, 3.06), "3,1 km");
        let ad = CourseLevel {
            eqf: Eqf::new(5).unwrap(),
            national: crate::core::NationalLevel::NlAssociateDegree,
        };
        assert_eq!(
            level_both(&ad),
            "EQF 5 · Associate degree (NL) — BE: Graduaat (HBO5)"
        );
        assert_eq!(distance_km(Lang::En, 3.06), "3.1 km");
        assert_eq!(distance_km(Lang::Fr, 42.4), "42 km");
    }
}
