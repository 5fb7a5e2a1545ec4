//! Dutch display labels for the vocabularies (the interface's default language).
//! Course and provider names are never translated: they stay as in the data.

use super::level::{eqf_label, Eqf};
use super::model::*;

/// Label of a sector.
pub fn sector(s: Sector) -> &'static str {
    match s {
        Sector::Engineering => "Techniek",
        Sector::HealthWelfare => "Zorg en welzijn",
        Sector::Ict => "ICT",
        Sector::NaturalSciences => "Natuurwetenschappen en wiskunde",
        Sector::Agriculture => "Landbouw, natuur en voeding",
        Sector::BusinessLaw => "Economie, bestuur en recht",
        Sector::Education => "Onderwijs",
        Sector::SocialSciences => "Gedrag en maatschappij",
        Sector::ArtsHumanities => "Kunst, taal en cultuur",
        Sector::Services => "Dienstverlening en transport",
        Sector::Generic => "Algemeen vormend",
    }
}

/// Label of a learning form.
pub fn learning_form(f: LearningForm) -> &'static str {
    match f {
        LearningForm::FullTime => "Voltijds (dag)",
        LearningForm::PartTime => "Deeltijds",
        LearningForm::Evening => "Avondonderwijs",
        LearningForm::Dual => "Duaal / BBL (leren en werken)",
        LearningForm::Online => "Online / afstandsonderwijs",
        LearningForm::Hybrid => "Hybride",
        LearningForm::Modular => "Modulair (deelcertificaten)",
    }
}

/// Label of a country.
pub fn country(c: Country) -> &'static str {
    match c {
        Country::Nl => "Nederland",
        Country::Be => "België (Vlaanderen)",
    }
}

/// Label of an institution kind.
pub fn institution_kind(k: InstitutionKind) -> &'static str {
    match k {
        InstitutionKind::University => "Universiteit",
        InstitutionKind::UniversityOfAppliedSciences => "Hogeschool",
        InstitutionKind::MboCollege => "MBO-school",
        InstitutionKind::SecondarySchool => "Secundaire school",
        InstitutionKind::AdultEducation => "Volwassenenonderwijs (CVO)",
        InstitutionKind::Syntra => "Syntra",
        InstitutionKind::EmploymentServiceCentre => "VDAB-competentiecentrum",
        InstitutionKind::Other => "Opleidingsverstrekker",
    }
}

/// A sentence on how precise a provider's location is.
pub fn precision(p: &Provider) -> String {
    match p.location_precision {
        LocationPrecision::Address => "Ligging: op adres".into(),
        LocationPrecision::Postcode => format!(
            "Ligging: midden van postcodegebied {}",
            p.address.postcode.as_deref().unwrap_or("")
        ),
        LocationPrecision::Town => format!(
            "Ligging: centrum van {} (niet het exacte adres)",
            p.municipality
        ),
    }
}

/// Short level label of a course: "EQF 6 · Professionele bachelor".
pub fn course_level(l: &CourseLevel) -> String {
    format!("EQF {} · {}", l.eqf.get(), l.national.name())
}

/// Long label of an EQF level for the level filter.
pub fn eqf(e: Eqf) -> String {
    eqf_label(e)
}

/// "1 opleiding" / "12 opleidingen".
pub fn courses(n: usize) -> String {
    if n == 1 {
        "1 opleiding".into()
    } else {
        format!("{n} opleidingen")
    }
}

/// "1 instelling" / "12 instellingen".
pub fn providers(n: usize) -> String {
    if n == 1 {
        "1 locatie".into()
    } else {
        format!("{n} locaties")
    }
}

/// A distance for people: one decimal under 10 km, whole km above.
pub fn distance_km(d: f64) -> String {
    if d < 10.0 {
        format!("{:.1} km", d).replace('.', ",")
    } else {
        format!("{:.0} km", d)
    }
}

/// A whole-file load error, in Dutch, for the page.
pub fn load_error(e: &super::load::LoadError) -> String {
    use super::load::LoadError;
    match e {
        LoadError::Syntax {
            line,
            column,
            message,
        } => {
            format!("het bestand is geen geldige JSON (regel {line}, kolom {column}: {message})")
        }
        LoadError::NotGeoJson(why) => {
            format!("het bestand is JSON maar geen GeoJSON-FeatureCollection ({why})")
        }
        LoadError::Empty => "het bestand is leeg".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_has_a_label() {
        for s in Sector::ALL {
            assert!(!sector(*s).is_empty());
        }
        for f in LearningForm::ALL {
            assert!(!learning_form(*f).is_empty());
        }
        assert_eq!(courses(1), "1 opleiding");
        assert_eq!(courses(3), "3 opleidingen");
        assert_eq!(distance_km(3.06), "3,1 km");
        assert_eq!(distance_km(42.4), "42 km");
    }
}
