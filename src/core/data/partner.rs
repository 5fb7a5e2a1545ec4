//! A partner's own offer, as a spreadsheet: the template (one row per course at a location,
//! headers in Dutch, English or French), and the check that turns a filled-in CSV into this
//! map's GeoJSON, with a message per row and field in the interface language. Rows with an
//! address but no coordinates are placed from the gazetteer (postcode, else town) and say so;
//! a row that cannot be used is reported, never dropped silently. Runs in the browser
//! (nothing is sent anywhere) and in `leerkaart-data import partner`.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use crate::core::borders::Borders;
use crate::core::gazetteer::{Gazetteer, PlaceKind};
use crate::core::geo_util::{LonLat, REGION_BOUNDS};
use crate::core::i18n::Lang;
use crate::core::labels;
use crate::core::level::{Eqf, NationalLevel, Stage};
use crate::core::model::{
    safe_http_url, Country, Funding, InstitutionKind, LearningForm, LocationPrecision, Province,
    Sector,
};
use crate::core::text::fold;

/// Longest file the page checks (a partner's offer is a few hundred rows).
pub const MAX_PARTNER_BYTES: usize = 5 * 1024 * 1024;
/// Most rows read from one file.
pub const MAX_PARTNER_ROWS: usize = 20_000;

macro_rules! columns {
    ($($(#[$m:meta])* $v:ident = $key:literal, [$nl:literal, $en:literal, $fr:literal], $req:literal, [$gnl:literal, $gen:literal, $gfr:literal];)+) => {
        /// A column of the partner template.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Column { $($(#[$m])* $v),+ }

        impl Column {
            /// Every column, in the template's order.
            pub const ALL: &'static [Column] = &[$(Column::$v),+];

            /// The stable key (the English header in snake case).
            pub const fn key(self) -> &'static str {
                match self { $(Column::$v => $key),+ }
            }

            /// The header in a language.
            pub const fn header(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Column::$v, Lang::Nl) => $nl, (Column::$v, Lang::En) => $en, (Column::$v, Lang::Fr) => $fr,)+
                }
            }

            /// True when a row is unusable without it.
            pub const fn required(self) -> bool {
                match self { $(Column::$v => $req),+ }
            }

            /// What to write in it, in a language.
            pub const fn guide(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Column::$v, Lang::Nl) => $gnl, (Column::$v, Lang::En) => $gen, (Column::$v, Lang::Fr) => $gfr,)+
                }
            }
        }
    };
}

columns! {
    /// The institution.
    Institution = "institution", ["instelling", "institution", "établissement"], true,
        ["Naam van de school, hogeschool of het centrum.", "Name of the school, college or centre.", "Nom de l'école, de la haute école ou du centre."];
    /// The location's name (campus, site).
    Location = "location", ["locatie", "location", "site"], false,
        ["Naam van de vestiging of campus (leeg: de instelling zelf).", "Name of the site or campus (empty: the institution itself).", "Nom du site ou du campus (vide : l'établissement lui-même)."];
    /// Street and number.
    Street = "street", ["straat en nummer", "street and number", "rue et numéro"], false,
        ["Adres van de locatie.", "Address of the location.", "Adresse du site."];
    /// Postcode.
    Postcode = "postcode", ["postcode", "postcode", "code postal"], false,
        ["Postcode: de kaart plaatst de locatie daarmee als er geen coördinaten zijn.", "Postcode: the map places the location with it when there are no coordinates.", "Code postal : la carte place le site avec celui-ci en l'absence de coordonnées."];
    /// Town.
    Place = "place", ["plaats", "place", "localité"], true,
        ["Gemeente of deelgemeente.", "Town or village.", "Commune ou localité."];
    /// Country.
    Country = "country", ["land", "country", "pays"], false,
        ["NL of BE (leeg: volgt uit de plaats).", "NL or BE (empty: taken from the place).", "NL ou BE (vide : déduit de la localité)."];
    /// The course's name.
    Course = "course", ["opleiding", "course", "formation"], true,
        ["Naam van de opleiding zoals jullie ze schrijven.", "Name of the course as you write it.", "Nom de la formation tel que vous l'écrivez."];
    /// Sector.
    Sector = "sector", ["sector", "sector", "secteur"], true,
        ["Bv. techniek, zorg en welzijn, ICT, economie.", "E.g. engineering, health and welfare, ICT, business.", "P. ex. technique, santé et bien-être, TIC, économie."];
    /// Stage of education.
    Stage = "stage", ["onderwijsfase", "stage", "étape"], false,
        ["Bv. volwassenenonderwijs, mbo, graduaat, hoger onderwijs, secundair.", "E.g. adult education, MBO, graduaat, higher education, secondary.", "P. ex. enseignement pour adultes, MBO, graduat, supérieur, secondaire."];
    /// Level: EQF or national.
    Level = "level", ["niveau", "level", "niveau"], true,
        ["EQF 1–8 of de nationale naam (MBO 3, graduaat, professionele bachelor).", "EQF 1–8 or the national name (MBO 3, graduaat, professionele bachelor).", "CEC 1–8 ou le nom national (MBO 3, graduaat, professionele bachelor)."];
    /// Learning forms.
    Forms = "learning_forms", ["leervormen", "learning forms", "formes d'apprentissage"], false,
        ["Eén of meer, gescheiden door | : dag, deeltijds, avond, duaal / BBL, online, hybride, modulair.", "One or more, separated by | : day, part-time, evening, dual / BBL, online, hybrid, modular.", "Une ou plusieurs, séparées par | : jour, temps partiel, soir, alternance / BBL, en ligne, hybride, modulaire."];
    /// Start dates.
    StartDates = "start_dates", ["startdata", "start dates", "dates de début"], false,
        ["Datums als 2027-09-01 of 1-9-2027, gescheiden door |.", "Dates such as 2027-09-01 or 1-9-2027, separated by |.", "Dates comme 2027-09-01 ou 1-9-2027, séparées par |."];
    /// Duration.
    Duration = "duration", ["duur", "duration", "durée"], false,
        ["Bv. 2 jaar, 10 weken.", "E.g. 2 jaar, 10 weken.", "P. ex. 2 jaar, 10 weken."];
    /// Cost and funding.
    Funding = "funding", ["kosten en financiering", "cost and funding", "coût et financement"], false,
        ["opleidingscheques, opleidingsverlof, gratis voor werkzoekenden, wettelijk collegegeld.", "opleidingscheques, opleidingsverlof, free for job seekers, statutory fee.", "chèques-formation, congé-éducation, gratuit pour les demandeurs d'emploi, minerval légal."];
    /// The course's web page.
    Website = "website", ["website", "website", "site web"], false,
        ["Adres van de pagina van de opleiding (https://…).", "Address of the course's page (https://…).", "Adresse de la page de la formation (https://…)."];
    /// Contact for the map's maintainer.
    Contact = "contact", ["contact", "contact", "contact"], false,
        ["Voor de beheerder van de kaart; wordt niet getoond.", "For the map's maintainer; not shown.", "Pour le gestionnaire de la carte ; non affiché."];
    /// Latitude, optional.
    Latitude = "latitude", ["breedtegraad", "latitude", "latitude"], false,
        ["Optioneel, bv. 51,4986.", "Optional, e.g. 51.4986.", "Facultatif, p. ex. 51,4986."];
    /// Longitude, optional.
    Longitude = "longitude", ["lengtegraad", "longitude", "longitude"], false,
        ["Optioneel, bv. 3,6109.", "Optional, e.g. 3.6109.", "Facultatif, p. ex. 3,6109."];
}

/// Separates the values of a list cell in the template.
const LIST_SEPARATOR: char = '|';

/// What a check found in one row (or the file).
#[derive(Debug, Clone, PartialEq)]
pub enum Issue {
    /// A header the template does not know (its column is ignored).
    UnknownColumn(String),
    /// A required column is missing from the header.
    MissingColumn(Column),
    /// A required cell is empty: the row is not used.
    Missing(Column),
    /// A value that the column does not know: the row is not used when the column is required.
    Unknown(Column, String),
    /// The row has no coordinates and neither its postcode nor its place is known: not used.
    NotPlaced,
    /// Coordinates that are not numbers or lie outside the region: not used.
    BadCoordinates,
    /// Placed at the centre of its postcode area.
    PlacedAtPostcode(String),
    /// Placed at the centre of its town.
    PlacedAtTown(String),
    /// The country was read from the side of the border the point lies on.
    CountryFromBorder(Country),
    /// No learning form given: read as day classes.
    FormsNotStated,
    /// An EQF level that does not exist in that country's national level.
    LevelMismatch(u8),
    /// A date that is not a date (left out).
    BadDate(String),
    /// A link that is not http(s) (left out).
    BadLink,
    /// The same course twice at one location (the second is left out).
    Duplicate,
    /// More rows than the check reads.
    TooManyRows(usize),
    /// Neither the row nor the point's side of the border says the country (or its
    /// province is outside the region): not used.
    CountryUnknown,
}

impl Issue {
    /// True when the row cannot be used because of it.
    pub fn is_error(&self) -> bool {
        matches!(
            self,
            Issue::MissingColumn(_)
                | Issue::Missing(_)
                | Issue::NotPlaced
                | Issue::BadCoordinates
                | Issue::Duplicate
                | Issue::TooManyRows(_)
                | Issue::CountryUnknown
                | Issue::LevelMismatch(_)
        ) || matches!(self, Issue::Unknown(c, _) if c.required())
    }

    /// The message in a language.
    pub fn text(&self, lang: Lang) -> String {
        let col = |c: &Column| c.header(lang);
        match (self, lang) {
            (Issue::UnknownColumn(h), Lang::Nl) => format!("kolom ‘{h}’ is onbekend en wordt genegeerd"),
            (Issue::UnknownColumn(h), Lang::En) => format!("column ‘{h}’ is unknown and ignored"),
            (Issue::UnknownColumn(h), Lang::Fr) => format!("la colonne « {h} » est inconnue et ignorée"),
            (Issue::MissingColumn(c), Lang::Nl) => format!("de kolom ‘{}’ ontbreekt", col(c)),
            (Issue::MissingColumn(c), Lang::En) => format!("the column ‘{}’ is missing", col(c)),
            (Issue::MissingColumn(c), Lang::Fr) => format!("la colonne « {} » manque", col(c)),
            (Issue::Missing(c), Lang::Nl) => format!("‘{}’ is leeg: deze rij wordt niet gebruikt", col(c)),
            (Issue::Missing(c), Lang::En) => format!("‘{}’ is empty: this row is not used", col(c)),
            (Issue::Missing(c), Lang::Fr) => format!("« {} » est vide : cette ligne n'est pas utilisée", col(c)),
            (Issue::Unknown(c, v), Lang::Nl) => format!("‘{v}’ is geen bekende waarde voor ‘{}’{}", col(c), if c.required() { ": deze rij wordt niet gebruikt" } else { " en wordt weggelaten" }),
            (Issue::Unknown(c, v), Lang::En) => format!("‘{v}’ is not a known value for ‘{}’{}", col(c), if c.required() { ": this row is not used" } else { " and is left out" }),
            (Issue::Unknown(c, v), Lang::Fr) => format!("« {v} » n'est pas une valeur connue pour « {} »{}", col(c), if c.required() { " : cette ligne n'est pas utilisée" } else { " et est omise" }),
            (Issue::NotPlaced, Lang::Nl) => "geen coördinaten, en postcode en plaats staan niet in het plaatsregister: deze rij wordt niet gebruikt".into(),
            (Issue::NotPlaced, Lang::En) => "no coordinates, and neither the postcode nor the place is in the gazetteer: this row is not used".into(),
            (Issue::NotPlaced, Lang::Fr) => "pas de coordonnées, et ni le code postal ni la localité ne figurent au répertoire : cette ligne n'est pas utilisée".into(),
            (Issue::BadCoordinates, Lang::Nl) => "de coördinaten zijn geen getallen of liggen buiten de regio: deze rij wordt niet gebruikt".into(),
            (Issue::BadCoordinates, Lang::En) => "the coordinates are not numbers or lie outside the region: this row is not used".into(),
            (Issue::BadCoordinates, Lang::Fr) => "les coordonnées ne sont pas des nombres ou sont hors de la région : cette ligne n'est pas utilisée".into(),
            (Issue::PlacedAtPostcode(pc), Lang::Nl) => format!("geplaatst in het midden van postcode {pc} (geen coördinaten)"),
            (Issue::PlacedAtPostcode(pc), Lang::En) => format!("placed at the centre of postcode {pc} (no coordinates)"),
            (Issue::PlacedAtPostcode(pc), Lang::Fr) => format!("placé au centre du code postal {pc} (pas de coordonnées)"),
            (Issue::PlacedAtTown(t), Lang::Nl) => format!("geplaatst in het centrum van {t} (geen coördinaten)"),
            (Issue::PlacedAtTown(t), Lang::En) => format!("placed at the centre of {t} (no coordinates)"),
            (Issue::PlacedAtTown(t), Lang::Fr) => format!("placé au centre de {t} (pas de coordonnées)"),
            (Issue::CountryFromBorder(c), _) => match lang {
                Lang::Nl => format!("land niet ingevuld: {} volgens de ligging", labels::country(lang, *c)),
                Lang::En => format!("country not given: {} from the location", labels::country(lang, *c)),
                Lang::Fr => format!("pays non indiqué : {} d'après la localisation", labels::country(lang, *c)),
            },
            (Issue::FormsNotStated, Lang::Nl) => "geen leervorm ingevuld: gelezen als dagonderwijs".into(),
            (Issue::FormsNotStated, Lang::En) => "no learning form given: read as day classes".into(),
            (Issue::FormsNotStated, Lang::Fr) => "aucune forme d'apprentissage : lue comme cours de jour".into(),
            (Issue::LevelMismatch(e), Lang::Nl) => format!("EQF {e} past niet bij dit nationale niveau: deze rij wordt niet gebruikt"),
            (Issue::LevelMismatch(e), Lang::En) => format!("EQF {e} does not fit this national level: this row is not used"),
            (Issue::LevelMismatch(e), Lang::Fr) => format!("CEC {e} ne correspond pas à ce niveau national : cette ligne n'est pas utilisée"),
            (Issue::BadDate(d), Lang::Nl) => format!("‘{d}’ is geen datum en wordt weggelaten"),
            (Issue::BadDate(d), Lang::En) => format!("‘{d}’ is not a date and is left out"),
            (Issue::BadDate(d), Lang::Fr) => format!("« {d} » n'est pas une date et est omise"),
            (Issue::BadLink, Lang::Nl) => "de website is geen http(s)-adres en wordt weggelaten".into(),
            (Issue::BadLink, Lang::En) => "the website is not an http(s) address and is left out".into(),
            (Issue::BadLink, Lang::Fr) => "le site web n'est pas une adresse http(s) et est omis".into(),
            (Issue::Duplicate, Lang::Nl) => "dezelfde opleiding staat al op deze locatie: deze rij wordt niet gebruikt".into(),
            (Issue::Duplicate, Lang::En) => "the same course is already listed at this location: this row is not used".into(),
            (Issue::Duplicate, Lang::Fr) => "la même formation figure déjà sur ce site : cette ligne n'est pas utilisée".into(),
            (Issue::TooManyRows(n), Lang::Nl) => format!("meer dan {n} rijen: de rest wordt niet gelezen"),
            (Issue::TooManyRows(n), Lang::En) => format!("more than {n} rows: the rest is not read"),
            (Issue::TooManyRows(n), Lang::Fr) => format!("plus de {n} lignes : le reste n'est pas lu"),
            (Issue::CountryUnknown, Lang::Nl) => "land of provincie onbekend of buiten de regio: vul NL of BE in; deze rij wordt niet gebruikt".into(),
            (Issue::CountryUnknown, Lang::En) => "country or province unknown or outside the region: fill in NL or BE; this row is not used".into(),
            (Issue::CountryUnknown, Lang::Fr) => "pays ou province inconnu ou hors de la région : indiquez NL ou BE ; cette ligne n'est pas utilisée".into(),
        }
    }
}

/// A message about one row (line number in the file, 1 = the header) and field.
#[derive(Debug, Clone, PartialEq)]
pub struct RowMessage {
    /// Line in the file (the header is line 1); 0 for the file as a whole.
    pub line: usize,
    /// The column it is about, when it is about one.
    pub column: Option<Column>,
    /// What was found.
    pub issue: Issue,
}

/// The checked file: the GeoJSON features it gives and every message.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PartnerCheck {
    /// Rows read (header excluded).
    pub rows: usize,
    /// Rows that became a course.
    pub used: usize,
    /// One feature per location, in this map's format.
    pub features: Vec<Value>,
    /// Every message, by line.
    pub messages: Vec<RowMessage>,
}

impl PartnerCheck {
    /// The checked file as this map's GeoJSON (what the partner sends to the maintainer).
    pub fn to_geojson(&self, name: &str) -> String {
        let v = json!({
            "type": "FeatureCollection",
            "name": name,
            "features": self.features,
        });
        serde_json::to_string_pretty(&v).unwrap_or_default()
    }
}

/// The delimiter a header line uses most: `;` (Dutch and Belgian spreadsheets), tab or `,`.
fn delimiter(header: &str) -> char {
    [';', '\t', ',']
        .into_iter()
        .max_by_key(|d| header.matches(*d).count())
        .unwrap_or(';')
}

/// Reads CSV text (RFC 4180 quoting) into records with the line each starts on.
pub fn read_csv(text: &str) -> Vec<(usize, Vec<String>)> {
    let text = text.trim_start_matches('\u{feff}');
    let sep = delimiter(text.lines().next().unwrap_or(""));
    let mut out = Vec::new();
    let mut record: Vec<String> = Vec::new();
    let mut cell = String::new();
    let (mut quoted, mut line, mut start) = (false, 1usize, 1usize);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            '"' if quoted => quoted = false,
            '"' if cell.is_empty() => quoted = true,
            '\n' if !quoted => {
                record.push(std::mem::take(&mut cell));
                if record.iter().any(|c| !c.trim().is_empty()) {
                    out.push((start, std::mem::take(&mut record)));
                }
                record.clear();
                line += 1;
                start = line;
            }
            '\r' if !quoted && chars.peek() == Some(&'\n') => {}
            c if c == sep && !quoted => record.push(std::mem::take(&mut cell)),
            c => {
                if c == '\n' {
                    line += 1;
                }
                cell.push(c);
            }
        }
    }
    record.push(cell);
    if record.iter().any(|c| !c.trim().is_empty()) {
        out.push((start, record));
    }
    out
}

/// The column a header names, in any of the three languages (case and accents ignored).
pub fn column_of(header: &str) -> Option<Column> {
    let h = fold(header.trim());
    Column::ALL.iter().copied().find(|c| {
        h == c.key().replace('_', " ")
            || h == c.key()
            || Lang::ALL.iter().any(|l| fold(c.header(*l)) == h)
    })
}

/// A value of a vocabulary written in any language (its code, its label in Dutch, English or
/// French, or one of `extra` words).
fn vocab_value<T: Copy>(
    cell: &str,
    all: &[T],
    code: impl Fn(T) -> &'static str,
    label: Option<fn(Lang, T) -> &'static str>,
    extra: &[(&str, T)],
) -> Option<T> {
    let v = fold(cell.trim());
    if v.is_empty() {
        return None;
    }
    all.iter()
        .copied()
        .find(|t| {
            fold(code(*t)) == v
                || label.is_some_and(|label| {
                    Lang::ALL.iter().any(|l| {
                        let lab = fold(label(*l, *t));
                        lab == v || lab.split(" (").next() == Some(v.as_str())
                    })
                })
        })
        .or_else(|| {
            extra
                .iter()
                .find(|(w, _)| v == *w || v.starts_with(&format!("{w} ")))
                .map(|(_, t)| *t)
        })
}

const SECTOR_WORDS: &[(&str, Sector)] = &[
    ("techniek", Sector::Engineering),
    ("technique", Sector::Engineering),
    ("stem", Sector::Engineering),
    ("bouw", Sector::Engineering),
    ("zorg", Sector::HealthWelfare),
    ("welzijn", Sector::HealthWelfare),
    ("care", Sector::HealthWelfare),
    ("sante", Sector::HealthWelfare),
    ("economie", Sector::BusinessLaw),
    ("business", Sector::BusinessLaw),
    ("ict", Sector::Ict),
    ("informatica", Sector::Ict),
    ("horeca", Sector::Services),
    ("logistiek", Sector::Services),
    ("landbouw", Sector::Agriculture),
    ("onderwijs", Sector::Education),
];

const STAGE_WORDS: &[(&str, Stage)] = &[
    ("volwassenen", Stage::Adult),
    ("adult", Stage::Adult),
    ("cvo", Stage::Adult),
    ("mbo", Stage::Vocational),
    ("graduaat", Stage::Graduaat),
    ("hbo5", Stage::Graduaat),
    ("hoger", Stage::Higher),
    ("higher", Stage::Higher),
    ("superieur", Stage::Higher),
    ("secundair", Stage::UpperSecondary),
    ("secondary", Stage::UpperSecondary),
    ("vmbo", Stage::LowerSecondary),
];

const FORM_WORDS: &[(&str, LearningForm)] = &[
    ("dag", LearningForm::FullTime),
    ("dagonderwijs", LearningForm::FullTime),
    ("voltijd", LearningForm::FullTime),
    ("voltijds", LearningForm::FullTime),
    ("day", LearningForm::FullTime),
    ("full-time", LearningForm::FullTime),
    ("jour", LearningForm::FullTime),
    ("deeltijd", LearningForm::PartTime),
    ("deeltijds", LearningForm::PartTime),
    ("part-time", LearningForm::PartTime),
    ("temps partiel", LearningForm::PartTime),
    ("avond", LearningForm::Evening),
    ("avondonderwijs", LearningForm::Evening),
    ("evening", LearningForm::Evening),
    ("soir", LearningForm::Evening),
    ("duaal", LearningForm::Dual),
    ("bbl", LearningForm::Dual),
    ("dual", LearningForm::Dual),
    ("alternance", LearningForm::Dual),
    ("afstandsonderwijs", LearningForm::Online),
    ("en ligne", LearningForm::Online),
    ("hybride", LearningForm::Hybrid),
    ("blended", LearningForm::Hybrid),
    ("modulair", LearningForm::Modular),
    ("modulaire", LearningForm::Modular),
    ("modular", LearningForm::Modular),
];

const FUNDING_WORDS: &[(&str, Funding)] = &[
    ("opleidingscheques", Funding::Opleidingscheques),
    ("cheques-formation", Funding::Opleidingscheques),
    ("training vouchers", Funding::Opleidingscheques),
    ("opleidingsverlof", Funding::VlaamsOpleidingsverlof),
    ("vlaams opleidingsverlof", Funding::VlaamsOpleidingsverlof),
    ("conge-education", Funding::VlaamsOpleidingsverlof),
    ("training leave", Funding::VlaamsOpleidingsverlof),
    ("gratis voor werkzoekenden", Funding::FreeForJobSeekers),
    ("free for job seekers", Funding::FreeForJobSeekers),
    (
        "gratuit pour les demandeurs d'emploi",
        Funding::FreeForJobSeekers,
    ),
    ("wettelijk collegegeld", Funding::StatutoryFee),
    ("inschrijvingsgeld", Funding::StatutoryFee),
    ("statutory fee", Funding::StatutoryFee),
    ("minerval legal", Funding::StatutoryFee),
];

/// A national level written by code or name ("MBO 3", "graduaat", "professionele bachelor").
fn national_of(cell: &str) -> Option<NationalLevel> {
    let v = fold(cell.trim());
    NationalLevel::ALL.iter().copied().find(|n| {
        fold(n.code()) == v
            || fold(n.name()) == v
            || fold(n.name()).split(" (").next() == Some(v.as_str())
    })
}

/// The level of a row: a national level (with its EQF where it has several), or an EQF level
/// alone (then the country's non-formal level: NLQF or a Flemish beroepskwalificatie).
fn level_of(cell: &str, country: Country) -> Result<(NationalLevel, Option<Eqf>), Issue> {
    let v = fold(cell.trim());
    let digits: String = v.chars().filter(char::is_ascii_digit).collect();
    let eqf_only = v.starts_with("eqf") || v.starts_with("cec") || v == digits;
    if eqf_only {
        let e = digits
            .parse::<u8>()
            .ok()
            .and_then(Eqf::new)
            .ok_or_else(|| Issue::Unknown(Column::Level, cell.trim().to_string()))?;
        let national = match country {
            Country::Nl => NationalLevel::NlNonFormal,
            Country::Be => NationalLevel::BeBeroepskwalificatie,
        };
        if !national.allows(e) {
            return Err(Issue::LevelMismatch(e.get()));
        }
        return Ok((national, Some(e)));
    }
    // "MBO 3 (EQF 3)": a national name, an EQF in brackets.
    let (name, bracket) = match v.split_once('(') {
        Some((n, b)) => (n.trim().to_string(), Some(b)),
        None => (v.clone(), None),
    };
    let national = national_of(&name)
        .filter(|n| n.country() == country)
        .ok_or_else(|| Issue::Unknown(Column::Level, cell.trim().to_string()))?;
    let eqf = match (national.fixed_eqf(), bracket) {
        (Some(e), _) => Some(e),
        (None, Some(b)) => {
            let d: String = b.chars().filter(char::is_ascii_digit).collect();
            let e = d.parse::<u8>().ok().and_then(Eqf::new);
            match e {
                Some(e) if national.allows(e) => Some(e),
                Some(e) => return Err(Issue::LevelMismatch(e.get())),
                None => None,
            }
        }
        (None, None) => None,
    };
    if national.leads_to_qualification() && eqf.is_none() {
        return Err(Issue::Unknown(Column::Level, cell.trim().to_string()));
    }
    Ok((national, eqf))
}

/// The date if it is a real day ("2027-02-31" is not).
fn real_date(iso: &str) -> Option<String> {
    let days = crate::core::load::days_from_iso(iso)?;
    (iso.len() == 10 && crate::core::load::iso_from_days(days) == iso).then(|| iso.to_string())
}

/// "2027-09-01", "1-9-2027" or "01/09/2027" → "2027-09-01".
fn iso_date(cell: &str) -> Option<String> {
    let t = cell.trim();
    if let Some(d) = real_date(t) {
        return Some(d);
    }
    let parts: Vec<&str> = t.split(['-', '/', '.']).collect();
    if let [d, m, y] = parts[..] {
        let iso = format!(
            "{:04}-{:02}-{:02}",
            y.parse::<u32>().ok()?,
            m.parse::<u32>().ok()?,
            d.parse::<u32>().ok()?
        );
        return real_date(&iso);
    }
    None
}

/// A number written with a decimal comma or point.
fn number(cell: &str) -> Option<f64> {
    cell.trim().replace(',', ".").parse().ok()
}

/// The kind of institution its courses' stages suggest.
fn kind_for(stages: &[Stage]) -> InstitutionKind {
    let has = |s: Stage| stages.contains(&s);
    if has(Stage::Adult) {
        InstitutionKind::AdultEducation
    } else if has(Stage::Vocational) {
        InstitutionKind::MboCollege
    } else if has(Stage::Higher) || has(Stage::Graduaat) {
        InstitutionKind::UniversityOfAppliedSciences
    } else if has(Stage::LowerSecondary) || has(Stage::UpperSecondary) || has(Stage::SeNSe) {
        InstitutionKind::SecondarySchool
    } else {
        InstitutionKind::Other
    }
}

/// One location being built.
struct Site {
    id: String,
    name: String,
    country: Country,
    province: Province,
    municipality: String,
    street: String,
    postcode: String,
    place: String,
    at: LonLat,
    precision: LocationPrecision,
    location_source: String,
    courses: Vec<Value>,
    stages: Vec<Stage>,
    website: Option<String>,
}

/// What the partner file is, for its records' source.
#[derive(Debug, Clone, PartialEq)]
pub struct PartnerSource {
    /// The source's name ("Scalda, own offer (partner file), 2026-12-06").
    pub name: String,
    /// Its licence, or `not stated`.
    pub licence: String,
    /// The date the file was checked (ISO).
    pub date: String,
}

/// Checks a filled-in template and turns it into this map's features. `borders` gives the
/// country of rows that leave it out and have coordinates; the gazetteer places rows without.
pub fn check_csv(
    text: &str,
    gazetteer: &Gazetteer,
    borders: Option<&Borders>,
    source: &PartnerSource,
) -> PartnerCheck {
    let mut out = PartnerCheck::default();
    let records = read_csv(text);
    let Some(((_, header), rows)) = records.split_first() else {
        out.messages.push(RowMessage {
            line: 0,
            column: None,
            issue: Issue::MissingColumn(Column::Institution),
        });
        return out;
    };
    let mut index: BTreeMap<Column, usize> = BTreeMap::new();
    for (i, h) in header.iter().enumerate() {
        match column_of(h) {
            Some(c) => {
                index.entry(c).or_insert(i);
            }
            None if !h.trim().is_empty() => out.messages.push(RowMessage {
                line: 1,
                column: None,
                issue: Issue::UnknownColumn(h.trim().to_string()),
            }),
            None => {}
        }
    }
    let missing: Vec<Column> = Column::ALL
        .iter()
        .copied()
        .filter(|c| c.required() && !index.contains_key(c))
        .collect();
    for c in &missing {
        out.messages.push(RowMessage {
            line: 1,
            column: Some(*c),
            issue: Issue::MissingColumn(*c),
        });
    }
    if !missing.is_empty() {
        out.rows = rows.len();
        return out;
    }
    let json_source =
        json!({ "name": source.name, "retrieved": source.date, "licence": source.licence });
    let mut sites: Vec<Site> = Vec::new();
    for (n, (line, rec)) in rows.iter().enumerate() {
        if n >= MAX_PARTNER_ROWS {
            out.messages.push(RowMessage {
                line: *line,
                column: None,
                issue: Issue::TooManyRows(MAX_PARTNER_ROWS),
            });
            break;
        }
        out.rows += 1;
        let line = *line;
        let get = |c: Column| {
            index
                .get(&c)
                .and_then(|i| rec.get(*i))
                .map_or("", |s| s.trim())
        };
        let mut msgs: Vec<RowMessage> = Vec::new();
        macro_rules! say {
            ($column:expr, $issue:expr) => {
                msgs.push(RowMessage {
                    line,
                    column: $column,
                    issue: $issue,
                })
            };
        }
        for c in Column::ALL.iter().filter(|c| c.required()) {
            if get(*c).is_empty() {
                say!(Some(*c), Issue::Missing(*c));
            }
        }
        // Where: the row's own coordinates, else its postcode, else its place.
        let given_country = match get(Column::Country) {
            "" => None,
            v => match vocab_value(
                v,
                Country::ALL,
                |c| c.code(),
                Some(labels::country),
                &[
                    ("nederland", Country::Nl),
                    ("belgie", Country::Be),
                    ("netherlands", Country::Nl),
                    ("belgium", Country::Be),
                    ("pays-bas", Country::Nl),
                    ("belgique", Country::Be),
                ],
            ) {
                Some(c) => Some(c),
                None => {
                    say!(
                        Some(Column::Country),
                        Issue::Unknown(Column::Country, v.to_string())
                    );
                    None
                }
            },
        };
        let coordinates = match (get(Column::Latitude), get(Column::Longitude)) {
            ("", "") => None,
            (lat, lon) => match (number(lat), number(lon)) {
                (Some(lat), Some(lon)) if REGION_BOUNDS.contains(&LonLat::new(lon, lat)) => {
                    Some(LonLat::new(lon, lat))
                }
                _ => {
                    say!(Some(Column::Latitude), Issue::BadCoordinates);
                    None
                }
            },
        };
        let bad_coordinates = msgs.iter().any(|m| m.issue == Issue::BadCoordinates);
        let placed = match coordinates {
            Some(at) => {
                let country = given_country.or_else(|| borders.and_then(|b| b.country_at(at)));
                let province = borders.and_then(|b| b.province_at(at));
                Some((
                    at,
                    LocationPrecision::NotStated,
                    country,
                    province,
                    "coordinates given in the partner file".to_string(),
                ))
            }
            None if bad_coordinates => None,
            None => {
                let pc = get(Column::Postcode);
                let by_postcode = (!pc.is_empty())
                    .then(|| gazetteer.find_postcode(pc))
                    .flatten();
                let by_place = gazetteer.find_place(get(Column::Place), given_country);
                match by_postcode.or(by_place) {
                    Some(p) => {
                        let (precision, issue) = if p.kind == PlaceKind::Postcode {
                            (
                                LocationPrecision::Postcode,
                                Issue::PlacedAtPostcode(pc.to_string()),
                            )
                        } else {
                            (LocationPrecision::Town, Issue::PlacedAtTown(p.name.clone()))
                        };
                        say!(Some(Column::Place), issue);
                        Some((
                            p.lon_lat,
                            precision,
                            Some(p.country),
                            Province::from_code(&p.province),
                            format!("Gazetteer: {} ({})", p.name, p.source),
                        ))
                    }
                    None => {
                        say!(Some(Column::Place), Issue::NotPlaced);
                        None
                    }
                }
            }
        };
        // The course.
        let sector = match vocab_value(
            get(Column::Sector),
            Sector::ALL,
            |s| s.code(),
            Some(labels::sector),
            SECTOR_WORDS,
        ) {
            Some(s) => Some(s),
            None => {
                if !get(Column::Sector).is_empty() {
                    say!(
                        Some(Column::Sector),
                        Issue::Unknown(Column::Sector, get(Column::Sector).to_string())
                    );
                }
                None
            }
        };
        let stage = match get(Column::Stage) {
            "" => None,
            v => match vocab_value(
                v,
                Stage::ALL,
                |s| s.code(),
                Some(labels::stage),
                STAGE_WORDS,
            ) {
                Some(s) => Some(s),
                None => {
                    say!(
                        Some(Column::Stage),
                        Issue::Unknown(Column::Stage, v.to_string())
                    );
                    None
                }
            },
        };
        let mut forms: Vec<LearningForm> = Vec::new();
        for f in get(Column::Forms)
            .split([LIST_SEPARATOR, ',', ';', '/'])
            .map(str::trim)
            .filter(|f| !f.is_empty())
        {
            match vocab_value(
                f,
                LearningForm::ALL,
                |x| x.code(),
                Some(labels::learning_form),
                FORM_WORDS,
            ) {
                Some(x) if !forms.contains(&x) => forms.push(x),
                Some(_) => {}
                None => say!(
                    Some(Column::Forms),
                    Issue::Unknown(Column::Forms, f.to_string())
                ),
            }
        }
        if forms.is_empty() {
            say!(Some(Column::Forms), Issue::FormsNotStated);
            forms.push(LearningForm::FullTime);
        }
        let mut dates: Vec<String> = Vec::new();
        for d in get(Column::StartDates)
            .split([LIST_SEPARATOR, ';'])
            .map(str::trim)
            .filter(|d| !d.is_empty())
        {
            match iso_date(d) {
                Some(iso) => dates.push(iso),
                None => say!(Some(Column::StartDates), Issue::BadDate(d.to_string())),
            }
        }
        let mut funding: Vec<Funding> = Vec::new();
        for f in get(Column::Funding)
            .split([LIST_SEPARATOR, ',', ';'])
            .map(str::trim)
            .filter(|f| !f.is_empty())
        {
            match vocab_value(f, Funding::ALL, |x| x.code(), None, FUNDING_WORDS) {
                Some(x) if !funding.contains(&x) => funding.push(x),
                Some(_) => {}
                None => say!(
                    Some(Column::Funding),
                    Issue::Unknown(Column::Funding, f.to_string())
                ),
            }
        }
        let website = match get(Column::Website) {
            "" => None,
            w => {
                // "www.x.be" is a site; anything with another scheme ("javascript:") is not.
                let has_scheme = w.split('/').next().is_some_and(|h| h.contains(':'));
                let upgraded = if has_scheme {
                    w.to_string()
                } else {
                    format!("https://{w}")
                };
                let safe = safe_http_url(&upgraded);
                if safe.is_none() {
                    say!(Some(Column::Website), Issue::BadLink);
                }
                safe
            }
        };
        let mut country = None;
        let mut province = None;
        let mut at = None;
        if let Some((point, precision, c, p, loc_source)) = placed {
            country = given_country.or(c);
            if given_country.is_none() {
                if let Some(c) = c {
                    say!(Some(Column::Country), Issue::CountryFromBorder(c));
                }
            }
            province = p.filter(|p| Some(p.country()) == country);
            at = Some((point, precision, loc_source));
            if country.is_none() || province.is_none() {
                say!(Some(Column::Country), Issue::CountryUnknown);
            }
        }
        let level = match (country, get(Column::Level)) {
            (Some(c), v) if !v.is_empty() => match level_of(v, c) {
                Ok(l) => Some(l),
                Err(issue) => {
                    say!(Some(Column::Level), issue);
                    None
                }
            },
            _ => None,
        };
        let unusable = msgs.iter().any(|m| m.issue.is_error())
            || sector.is_none()
            || level.is_none()
            || country.is_none()
            || province.is_none()
            || at.is_none();
        if unusable {
            // Every unused row says why: the cases above each leave an error.
            debug_assert!(msgs.iter().any(|m| m.issue.is_error()), "{msgs:?}");
            out.messages.extend(msgs);
            continue;
        }
        let (
            Some(sector),
            Some((national, eqf)),
            Some(country),
            Some(province),
            Some((point, precision, loc_source)),
        ) = (sector, level, country, province, at)
        else {
            out.messages.extend(msgs);
            continue;
        };
        let institution = get(Column::Institution);
        let location = get(Column::Location);
        let name = if location.is_empty() || fold(location) == fold(institution) {
            institution.to_string()
        } else {
            format!("{institution}, {location}")
        };
        let site_key = format!(
            "{}|{}|{}",
            fold(&name),
            fold(get(Column::Street)),
            fold(get(Column::Place))
        );
        let site_id = format!("partner-{}", crate::core::text::slug(&site_key));
        let idx = match sites.iter().position(|s| s.id == site_id) {
            Some(i) => i,
            None => {
                sites.push(Site {
                    id: site_id.clone(),
                    name: name.clone(),
                    country,
                    province,
                    municipality: get(Column::Place).to_string(),
                    street: get(Column::Street).to_string(),
                    postcode: get(Column::Postcode).to_string(),
                    place: get(Column::Place).to_string(),
                    at: point,
                    precision,
                    location_source: loc_source,
                    courses: Vec::new(),
                    stages: Vec::new(),
                    website: None,
                });
                sites.len() - 1
            }
        };
        let site = &mut sites[idx];
        let course_name = get(Column::Course);
        let course_id = format!(
            "{site_id}-{}",
            crate::core::text::slug(&format!("{course_name} {}", national.code()))
        );
        if site.courses.iter().any(|c| c["id"] == course_id) {
            msgs.push(RowMessage {
                line,
                column: Some(Column::Course),
                issue: Issue::Duplicate,
            });
            out.messages.extend(msgs);
            continue;
        }
        let stage = stage.unwrap_or(national.stage());
        let mut months: Vec<u8> = dates
            .iter()
            .filter_map(|d| d.get(5..7)?.parse().ok())
            .collect();
        months.sort_unstable();
        months.dedup();
        let mut level = json!({ "national": national.code() });
        if let Some(e) = eqf {
            level["eqf"] = e.get().into();
        }
        let mut c = json!({
            "id": course_id,
            "name": course_name,
            "sector": sector.code(),
            "level": level,
            "stage": stage.code(),
            "learning_forms": forms.iter().map(|f| f.code()).collect::<Vec<_>>(),
            "languages": [match country { Country::Nl | Country::Be => "nl" }],
            "target_groups": if stage == Stage::Adult { json!(["adults", "job_seekers"]) } else { json!(["students"]) },
            "intake_months": months,
            "funding": funding.iter().map(|f| f.code()).collect::<Vec<_>>(),
            "source": json_source,
        });
        if !dates.is_empty() {
            c["start_dates"] = json!(dates);
        }
        if !get(Column::Duration).is_empty() {
            c["duration"] = get(Column::Duration).into();
        }
        if let Some(w) = &website {
            c["website"] = w.clone().into();
            if site.website.is_none() {
                site.website = Some(w.clone());
            }
        }
        site.courses.push(c);
        site.stages.push(stage);
        out.used += 1;
        out.messages.extend(msgs);
    }
    for s in sites {
        let mut props = serde_json::Map::new();
        props.insert("name".into(), s.name.into());
        props.insert("kind".into(), kind_for(&s.stages).code().into());
        props.insert("country".into(), s.country.code().into());
        props.insert("province".into(), s.province.code().into());
        props.insert("municipality".into(), s.municipality.into());
        let mut address = serde_json::Map::new();
        for (k, v) in [
            ("street", s.street),
            ("postcode", s.postcode),
            ("locality", s.place),
        ] {
            if !v.is_empty() {
                address.insert(k.into(), v.into());
            }
        }
        props.insert("address".into(), Value::Object(address));
        if let Some(w) = s.website.as_deref().and_then(site_of) {
            props.insert("website".into(), w.into());
        }
        props.insert("location_precision".into(), s.precision.code().into());
        props.insert("location_source".into(), s.location_source.into());
        props.insert("source".into(), json_source.clone());
        props.insert("courses".into(), s.courses.into());
        out.features.push(json!({
            "type": "Feature",
            "id": s.id,
            "geometry": { "type": "Point", "coordinates": [crate::core::write::round6(s.at.lon), crate::core::write::round6(s.at.lat)] },
            "properties": props,
        }));
    }
    crate::core::sort::sort_by_key(&mut out.messages, |m| m.line);
    out
}

/// The site of a page: "https://x.be/opleidingen/a" → "https://x.be".
fn site_of(url: &str) -> Option<String> {
    let rest_at = url.find("://")? + 3;
    let end = url[rest_at..].find('/').map_or(url.len(), |i| rest_at + i);
    Some(url[..end].to_string())
}

/// The template in a language: the headers, two filled example rows (marked as examples) and
/// nothing else; `;`-separated with a byte-order mark, as Dutch and Belgian spreadsheets open it.
pub fn template_csv(lang: Lang) -> String {
    let header: Vec<&str> = Column::ALL.iter().map(|c| c.header(lang)).collect();
    let examples: [[&str; 18]; 2] = [
        [
            "Voorbeeld: Technisch Centrum (wis deze rij)",
            "Campus Noord",
            "Voorbeeldstraat 1",
            "9000",
            "Gent",
            "BE",
            "Lasser MIG/MAG",
            "techniek",
            "volwassenenonderwijs",
            "EQF 3",
            "avond | modulair",
            "2027-09-06 | 2028-02-07",
            "1 jaar",
            "opleidingscheques",
            "https://www.example.org/lassen",
            "opleidingen@example.org",
            "",
            "",
        ],
        [
            "Voorbeeld: Zorgcollege (wis deze rij)",
            "",
            "Voorbeeldweg 2",
            "4461",
            "Goes",
            "NL",
            "Verzorgende IG (BBL)",
            "zorg en welzijn",
            "mbo",
            "MBO 3",
            "duaal | deeltijds",
            "1-9-2027",
            "3 jaar",
            "",
            "https://www.example.org/verzorgende-ig",
            "",
            "51,5012",
            "3,8901",
        ],
    ];
    let sep = ";";
    let cell = |s: &str| {
        let s = crate::core::shortlist::formula_safe(s);
        if s.contains([';', '"', '\n']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s
        }
    };
    let mut out = String::from("\u{feff}");
    out.push_str(&header.iter().map(|h| cell(h)).collect::<Vec<_>>().join(sep));
    out.push_str("\r\n");
    for row in examples {
        out.push_str(&row.iter().map(|c| cell(c)).collect::<Vec<_>>().join(sep));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gazetteer() -> Gazetteer {
        let tsv = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/places.tsv"),
        )
        .unwrap();
        Gazetteer::parse(&tsv).unwrap()
    }

    fn borders() -> Borders {
        let text = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/region-outline.geojson"),
        )
        .unwrap();
        Borders::from_outline(&text).unwrap()
    }

    fn source() -> PartnerSource {
        PartnerSource {
            name: "Test partner".into(),
            licence: "not stated".into(),
            date: "2026-12-06".into(),
        }
    }

    #[test]
    fn headers_in_every_language_are_read() {
        for c in Column::ALL {
            for l in Lang::ALL {
                assert_eq!(column_of(c.header(l)), Some(*c), "{c:?} {l:?}");
                assert_eq!(column_of(&c.header(l).to_uppercase()), Some(*c));
            }
            assert_eq!(column_of(c.key()), Some(*c));
        }
        assert_eq!(column_of("Etablissement"), Some(Column::Institution));
        assert_eq!(column_of("whatever"), None);
    }

    #[test]
    fn the_template_checks_clean_in_every_language() {
        for l in Lang::ALL {
            let check = check_csv(&template_csv(l), &gazetteer(), Some(&borders()), &source());
            assert_eq!(check.rows, 2, "{l:?}");
            assert_eq!(check.used, 2, "{l:?}: {:?}", check.messages);
            assert!(
                check.messages.iter().all(|m| !m.issue.is_error()),
                "{:?}",
                check.messages
            );
            assert_eq!(check.features.len(), 2);
            // The checked file loads as this map's data.
            let report =
                crate::core::load_geojson(&check.to_geojson("t"), &Default::default()).unwrap();
            assert_eq!(report.dataset.courses.len(), 2, "{:?}", report.rejections);
            assert!(report.rejections.is_empty(), "{:?}", report.rejections);
            let gent = &report.dataset.providers[0];
            assert_eq!(gent.country, Country::Be);
            assert_eq!(gent.province, Province::OostVlaanderen);
            let lasser = &report.dataset.courses[0];
            assert!(lasser.learning_forms.contains(&LearningForm::Evening));
            assert!(lasser.learning_forms.contains(&LearningForm::Modular));
            assert_eq!(lasser.level.eqf.map(Eqf::get), Some(3));
            let goes = &report.dataset.providers[1];
            assert_eq!(
                goes.location_precision,
                LocationPrecision::NotStated,
                "coordinates given"
            );
            assert_eq!(
                report.dataset.courses[1].level.national,
                NationalLevel::NlMbo3
            );
        }
    }

    #[test]
    fn every_bad_row_says_why_and_the_rest_is_used() {
        let csv =
            "instelling;plaats;postcode;opleiding;sector;niveau;leervormen;website;land;kleur\n\
            School A;Brugge;8000;Lassen;techniek;EQF 3;avond;javascript:alert(1);;rood\n\
            ;Brugge;;Koken;horeca;EQF 2;;;;\n\
            School B;Nergenshuizen;;Verpleegkunde;zorg;EQF 5;;;;\n\
            School C;Gent;;Elektriciteit;techniek;EQF 9;;;;\n\
            School D;Goes;;Boekhouden;economie;graduaat;;;NL;\n\
            School E;Terneuzen;;Logistiek;vervoer;MBO 2;;;;\n\
            School A;Brugge;8000;Lassen;techniek;EQF 3;avond;;;\n";
        let check = check_csv(csv, &gazetteer(), Some(&borders()), &source());
        assert_eq!(check.rows, 7);
        assert_eq!(check.used, 1, "{:#?}", check.messages);
        let at = |line: usize| -> Vec<&Issue> {
            check
                .messages
                .iter()
                .filter(|m| m.line == line)
                .map(|m| &m.issue)
                .collect()
        };
        assert!(at(1).contains(&&Issue::UnknownColumn("kleur".into())));
        assert!(at(2).contains(&&Issue::BadLink), "{:?}", at(2));
        assert!(
            at(2).contains(&&Issue::CountryFromBorder(Country::Be)),
            "{:?}",
            at(2)
        );
        assert!(at(2)
            .iter()
            .any(|i| matches!(i, Issue::PlacedAtPostcode(_) | Issue::PlacedAtTown(_))));
        assert!(at(3).contains(&&Issue::Missing(Column::Institution)));
        assert!(at(4).contains(&&Issue::NotPlaced));
        assert!(at(5)
            .iter()
            .any(|i| matches!(i, Issue::Unknown(Column::Level, _))));
        assert!(
            at(6)
                .iter()
                .any(|i| matches!(i, Issue::Unknown(Column::Level, _))),
            "graduaat is Flemish: {:?}",
            at(6)
        );
        assert!(at(7)
            .iter()
            .any(|i| matches!(i, Issue::Unknown(Column::Sector, _))));
        assert!(at(8).contains(&&Issue::Duplicate));
        // Every row that is not used has an error message: none dropped silently.
        for line in 2..=8 {
            let used_line = line == 2;
            assert_eq!(
                at(line).iter().any(|i| i.is_error()),
                !used_line,
                "line {line}: {:?}",
                at(line)
            );
        }
        // Messages in every language.
        for m in &check.messages {
            for l in Lang::ALL {
                assert!(!m.issue.text(l).is_empty());
            }
        }
        // No markup from a cell reaches the output as anything but text.
        let out = check.to_geojson("x");
        assert!(!out.contains("javascript:"));
    }

    #[test]
    fn csv_quoting_and_separators() {
        let rows =
            read_csv("\u{feff}a;b;c\r\n\"x;y\";\"say \"\"hi\"\"\";\"two\nlines\"\r\n\r\n1;2;3");
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[1].1, vec!["x;y", "say \"hi\"", "two\nlines"]);
        assert_eq!(rows[2].0, 5, "line numbers count the line inside quotes");
        let rows = read_csv("a,b\n1,2");
        assert_eq!(rows[1].1, vec!["1", "2"]);
        assert_eq!(iso_date("1-9-2027").as_deref(), Some("2027-09-01"));
        assert_eq!(iso_date("31/02/2027"), None);
    }
}
