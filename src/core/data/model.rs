//! The data model: providers (institutions at one location) and their courses.
//!
//! Vocabularies follow the Open Education API (OOAPI v5) where one fits, so that import and
//! export stay natural: sectors are ISCED-F 2013 broad fields, levels are EQF
//! (`levelOfQualification`), learning forms combine `modeOfStudy` and `modeOfDelivery`.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::core::geo_util::LonLat;
use crate::core::level::{Eqf, NationalLevel, Stage};
pub(crate) use crate::core::vocab::vocabulary;
pub use crate::core::vocab::{Country, Province, Vocabulary};

/// A set of vocabulary values (learning forms, target groups, funding), kept as bits: two
/// bytes instead of a vector's header and allocation on each of a million courses. Iterates
/// in display order, the order the loader has always sorted such lists in.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Set<T> {
    bits: u16,
    _of: std::marker::PhantomData<T>,
}

impl<T> Default for Set<T> {
    fn default() -> Self {
        Self {
            bits: 0,
            _of: std::marker::PhantomData,
        }
    }
}

impl<T: Vocabulary> Set<T> {
    /// The empty set.
    pub fn new() -> Self {
        const { assert!(T::ALL.len() <= 16, "a Set holds at most 16 values") };
        Self::default()
    }

    /// Adds a value.
    pub fn insert(&mut self, value: T) {
        self.bits |= 1 << value.index();
    }

    /// True when `value` is in the set.
    pub fn contains(&self, value: &T) -> bool {
        self.bits & (1 << value.index()) != 0
    }

    /// True when the set is empty.
    pub fn is_empty(&self) -> bool {
        self.bits == 0
    }

    /// The number of values in the set.
    pub fn len(&self) -> usize {
        self.bits.count_ones() as usize
    }

    /// The values, in display order.
    pub fn iter(&self) -> impl Iterator<Item = T> + '_ {
        T::ALL.iter().copied().filter(|v| self.contains(v))
    }

    /// The values as bits, bit `i` for `T::ALL[i]`.
    pub fn bits(&self) -> u16 {
        self.bits
    }
}

impl<T: Vocabulary> FromIterator<T> for Set<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        let mut set = Self::new();
        for v in iter {
            set.insert(v);
        }
        set
    }
}

impl<T: Vocabulary, const N: usize> From<[T; N]> for Set<T> {
    fn from(values: [T; N]) -> Self {
        values.into_iter().collect()
    }
}

impl<T: Vocabulary + std::fmt::Debug> std::fmt::Debug for Set<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<T: Vocabulary + Serialize> Serialize for Set<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

/// Text that many records repeat (course names, durations, language codes): one shared copy
/// per distinct value, interned by the loader, so a million courses with a few thousand
/// distinct names hold a few thousand strings. Reads like a `&str`.
#[derive(Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Text(Arc<str>);

impl Text {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True when both are the same shared copy (not merely equal).
    pub fn is_shared_with(&self, other: &Text) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for Text {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<String> for Text {
    fn from(s: String) -> Self {
        Self(s.into())
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Self(s.into())
    }
}

impl From<Text> for String {
    fn from(t: Text) -> Self {
        t.0.to_string()
    }
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::fmt::Debug for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&*self.0, f)
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        &*self.0 == other.as_str()
    }
}

impl PartialEq<Text> for str {
    fn eq(&self, other: &Text) -> bool {
        self == &*other.0
    }
}

impl PartialEq<Text> for &str {
    fn eq(&self, other: &Text) -> bool {
        *self == &*other.0
    }
}

impl PartialEq<Text> for String {
    fn eq(&self, other: &Text) -> bool {
        self.as_str() == &*other.0
    }
}

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl From<Text> for serde_json::Value {
    fn from(t: Text) -> Self {
        serde_json::Value::String(t.0.to_string())
    }
}

/// Months of the year (1..=12) in which a course starts, as bits.
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Months(u16);

impl Months {
    /// Adds a month; `None` (and no change) when it is not 1..=12.
    pub fn insert(&mut self, month: u8) -> Option<()> {
        if !(1..=12).contains(&month) {
            return None;
        }
        self.0 |= 1 << month;
        Some(())
    }

    /// True when `month` is in the set.
    pub fn contains(&self, month: &u8) -> bool {
        *month < 16 && self.0 & (1 << month) != 0
    }

    /// True when no month is set.
    pub fn is_empty(&self) -> bool {
        self.0 == 0
    }

    /// The number of months.
    pub fn len(&self) -> usize {
        self.0.count_ones() as usize
    }

    /// The months, January first.
    pub fn iter(&self) -> impl Iterator<Item = u8> + '_ {
        (1..=12).filter(|m| self.contains(m))
    }
}

impl FromIterator<u8> for Months {
    /// Months outside 1..=12 are left out.
    fn from_iter<I: IntoIterator<Item = u8>>(iter: I) -> Self {
        let mut set = Self::default();
        for m in iter {
            let _ = set.insert(m);
        }
        set
    }
}

impl<const N: usize> From<[u8; N]> for Months {
    fn from(months: [u8; N]) -> Self {
        months.into_iter().collect()
    }
}

impl std::fmt::Debug for Months {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Serialize for Months {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

vocabulary! {
    /// What kind of institution a provider is.
    InstitutionKind {
        /// Research university (universiteit, WO).
        University = "university",
        /// University of applied sciences / hogeschool (HBO; Flemish hogeschool).
        UniversityOfAppliedSciences = "university_of_applied_sciences",
        /// MBO college (ROC / vakinstelling).
        MboCollege = "mbo_college",
        /// Secondary school (with technical or care programmes).
        SecondarySchool = "secondary_school",
        /// Centre for adult education (CVO, volwassenenonderwijs).
        AdultEducation = "adult_education",
        /// Syntra (entrepreneurship and trade training, Flanders).
        Syntra = "syntra",
        /// Public employment service training centre (VDAB competentiecentrum).
        EmploymentServiceCentre = "employment_service_centre",
        /// Any other training provider.
        Other = "other",
    }
}

impl InstitutionKind {
    /// The stages a provider of this kind teaches at, for a location whose courses are not
    /// listed: a stage filter keeps it only when one of them is chosen. Empty: any stage.
    pub const fn stages(self) -> &'static [Stage] {
        match self {
            InstitutionKind::University => &[Stage::Higher],
            InstitutionKind::UniversityOfAppliedSciences => &[Stage::Higher, Stage::Graduaat],
            InstitutionKind::MboCollege => &[Stage::Vocational, Stage::Adult],
            InstitutionKind::SecondarySchool => &[
                Stage::LowerSecondary,
                Stage::UpperSecondary,
                Stage::SeNSe,
                Stage::Graduaat,
            ],
            InstitutionKind::AdultEducation
            | InstitutionKind::Syntra
            | InstitutionKind::EmploymentServiceCentre => &[Stage::Adult],
            InstitutionKind::Other => &[],
        }
    }
}

vocabulary! {
    /// Field of a course: the ISCED-F 2013 broad fields. "Techniek" is `Engineering`,
    /// "zorg en welzijn" is `HealthWelfare`; STEM is natural sciences, ICT and engineering.
    Sector {
        /// 07 Engineering, manufacturing and construction (techniek).
        Engineering = "engineering",
        /// 09 Health and welfare (zorg en welzijn).
        HealthWelfare = "health_welfare",
        /// 06 Information and communication technologies.
        Ict = "ict",
        /// 05 Natural sciences, mathematics and statistics.
        NaturalSciences = "natural_sciences",
        /// 08 Agriculture, forestry, fisheries and veterinary.
        Agriculture = "agriculture",
        /// 04 Business, administration and law.
        BusinessLaw = "business_law",
        /// 01 Education.
        Education = "education",
        /// 03 Social sciences, journalism and information.
        SocialSciences = "social_sciences",
        /// 02 Arts and humanities.
        ArtsHumanities = "arts_humanities",
        /// 10 Services (hospitality, transport, security, personal services).
        Services = "services",
        /// 00 Generic programmes (general secondary, liberal arts).
        Generic = "generic",
    }
}

impl Sector {
    /// The ISCED-F 2013 broad field code (two digits).
    pub const fn isced_f(self) -> &'static str {
        match self {
            Sector::Generic => "00",
            Sector::Education => "01",
            Sector::ArtsHumanities => "02",
            Sector::SocialSciences => "03",
            Sector::BusinessLaw => "04",
            Sector::NaturalSciences => "05",
            Sector::Ict => "06",
            Sector::Engineering => "07",
            Sector::Agriculture => "08",
            Sector::HealthWelfare => "09",
            Sector::Services => "10",
        }
    }

    /// True for the STEM fields (05, 06, 07).
    pub const fn is_stem(self) -> bool {
        matches!(
            self,
            Sector::NaturalSciences | Sector::Ict | Sector::Engineering
        )
    }
}

vocabulary! {
    /// How a course is followed. Combines OOAPI `modeOfStudy` (full-time, part-time,
    /// dual training) and `modeOfDelivery` (online, hybrid), plus evening classes, which
    /// matter to adults and have no OOAPI term of their own.
    LearningForm {
        /// Full-time, in the daytime (OOAPI modeOfStudy `full-time`).
        FullTime = "full_time",
        /// Part-time (`part-time`; deeltijd).
        PartTime = "part_time",
        /// Evening classes.
        Evening = "evening",
        /// Work-based: BBL (NL), duaal leren (BE) (`dual training`).
        Dual = "dual",
        /// Online / distance (`online`).
        Online = "online",
        /// Partly online, partly on site (`hybrid`).
        Hybrid = "hybrid",
        /// Modular, with partial certificates (deelcertificaten).
        Modular = "modular",
    }
}

vocabulary! {
    /// Who a course is meant for.
    TargetGroup {
        /// Young people in initial education.
        Students = "students",
        /// Adults (lifelong learning, omscholing, bijscholing).
        Adults = "adults",
        /// Job seekers.
        JobSeekers = "job_seekers",
        /// People in work, upskilling.
        Employees = "employees",
    }
}

vocabulary! {
    /// Cost and subsidy flags.
    Funding {
        /// Flemish training vouchers (opleidingscheques) accepted.
        Opleidingscheques = "opleidingscheques",
        /// Flemish training leave (Vlaams opleidingsverlof) applies.
        VlaamsOpleidingsverlof = "vlaams_opleidingsverlof",
        /// Free for registered job seekers.
        FreeForJobSeekers = "free_for_job_seekers",
        /// Regulated statutory tuition fee (wettelijk collegegeld / inschrijvingsgeld).
        StatutoryFee = "statutory_fee",
    }
}

vocabulary! {
    /// What a course awards, from the shortest step to the full qualification: the order of
    /// an occupation's learning path.
    Award {
        /// A certificate of a short course (attest, certificaat).
        ShortCourse = "short_course",
        /// A partial certificate towards a qualification (deelcertificaat, deelkwalificatie).
        PartialCertificate = "partial_certificate",
        /// A full diploma, qualification or degree.
        Diploma = "diploma",
    }
}

vocabulary! {
    /// How precisely a provider's coordinates locate it.
    LocationPrecision {
        /// The building's own address point.
        Address = "address",
        /// The centroid of its postcode.
        Postcode = "postcode",
        /// The centre of its town or village.
        Town = "town",
        /// A point a third-party list geocoded by a method it does not state: about the
        /// campus, not checked against an address register.
        Geocoded = "geocoded",
        /// The file does not say how precise its point is (a partner's file).
        NotStated = "not_stated",
    }
}

/// Where a fact comes from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Source {
    /// Human-readable name of the source, e.g. "HZ University of Applied Sciences website".
    pub name: String,
    /// Link to the source, if it has one (only http(s) links are kept).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When the fact was read from the source (ISO date), if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retrieved: Option<String>,
    /// The reuse licence the publisher states ("CC0", "CC BY 4.0"), or [`LICENCE_NOT_STATED`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licence: Option<String>,
}

/// The licence value of a source whose publisher states no reuse licence: shipped as facts
/// about public institutions, and said so on the page.
pub const LICENCE_NOT_STATED: &str = "not stated";

/// A postal address.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Address {
    /// Street and number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street: Option<String>,
    /// Postcode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postcode: Option<String>,
    /// Town (woonplaats / deelgemeente).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locality: Option<String>,
}

/// Index of a provider in [`Dataset::providers`].
pub type ProviderId = u32;
/// Index of a course in [`Dataset::courses`].
pub type CourseId = u32;

/// An institution at one location (a campus, a school site).
#[derive(Debug, Clone, PartialEq)]
pub struct Provider {
    /// Stable id from the data (the GeoJSON feature id).
    pub key: String,
    /// Name as the institution writes it.
    pub name: String,
    /// Kind of institution.
    pub kind: InstitutionKind,
    /// Postal address.
    pub address: Address,
    /// Country.
    pub country: Country,
    /// Province.
    pub province: Province,
    /// Municipality (gemeente).
    pub municipality: String,
    /// Website (http or https only).
    pub website: Option<String>,
    /// Where the point is.
    pub lon_lat: LonLat,
    /// How precise that point is.
    pub location_precision: LocationPrecision,
    /// Where the point comes from (e.g. "GeoNames 2797656, town centre"), if stated.
    pub location_source: Option<String>,
    /// Where the provider's facts come from (shared by every record from the same source).
    pub source: Arc<Source>,
    /// Further sources that describe the same institution at the same location (merged
    /// from several lists).
    pub other_sources: Vec<Arc<Source>>,
    /// False when the provider is known to be here but its courses are not listed in this
    /// dataset (see the provider's own site): shown apart, never as offering nothing.
    pub offer_listed: bool,
    /// This provider's courses: a range of [`Dataset::courses`].
    pub courses: std::ops::Range<CourseId>,
    /// Fields the sources say are taught here when the courses themselves are not listed
    /// ("maritiem en logistiek"): found by sector and text, never counted as courses.
    pub fields: Vec<ProviderField>,
    /// A partner's offer shown before it is published (checked in the page, not yet merged
    /// by the map's maintainer): marked as such wherever it is shown.
    pub preview: bool,
}

/// A field of study a provider teaches, as a source names it (not a course).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProviderField {
    /// As the source names it.
    pub name: String,
    /// The map's sector for it.
    pub sector: Sector,
}

/// A level as written in the data: the EQF level and the national name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CourseLevel {
    /// EQF level 1..=8; `None` when the course leads to no qualification of its own (a
    /// Flemish second grade, the Dutch onderbouw).
    pub eqf: Option<Eqf>,
    /// The national qualification (MBO 4, graduaat, ...).
    pub national: NationalLevel,
}

/// One course (opleiding) of one provider.
#[derive(Debug, Clone, PartialEq)]
pub struct Course {
    /// Stable id from the data, if given.
    pub key: Option<Text>,
    /// The provider offering it.
    pub provider: ProviderId,
    /// Name as the provider writes it.
    pub name: Text,
    /// Broad field.
    pub sector: Sector,
    /// Detailed ISCED-F field code (e.g. "0913" nursing), if known.
    pub isced_f: Option<Text>,
    /// Level.
    pub level: CourseLevel,
    /// How it can be followed.
    pub learning_forms: Set<LearningForm>,
    /// Languages of instruction (ISO 639-1), a list shared by every course with the same.
    pub languages: Arc<[Text]>,
    /// Who it is for.
    pub target_groups: Set<TargetGroup>,
    /// Nominal duration, as free text ("4 jaar", "10 weken").
    pub duration: Option<Text>,
    /// Months (1..=12) in which one can start.
    pub intake_months: Months,
    /// Cost and subsidy flags.
    pub funding: Set<Funding>,
    /// Course page (http or https only).
    pub website: Option<Text>,
    /// Where the course's facts come from (shared by every record from the same source).
    pub source: Arc<Source>,
    /// What it awards, when known.
    pub award: Option<Award>,
    /// Occupations it prepares for, as stated by the data (keys of `data/occupations.tsv`).
    /// Empty: derived from the name and level (by `core::search::occupation`).
    pub occupations: Arc<[Text]>,
    /// Stage of education (from the national level unless the data states it).
    pub stage: Stage,
    /// How the national system describes it (graad, onderwijsvorm, leerweg, CROHO, …), when
    /// the data says; boxed because most hand-made data has none.
    pub details: Option<Box<CourseDetails>>,
}

/// The national system's own description of a course, each part optional.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CourseDetails {
    /// BE: graad (1, 2, 3), as in "tweede graad".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub graad: Option<u8>,
    /// BE: onderwijsvorm: ASO, TSO, BSO, KSO, 7DE (7th year), HBO5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub onderwijsvorm: Option<String>,
    /// BE: finaliteit: `doorstroom` (towards higher education), `dubbel` (both),
    /// `arbeidsmarkt` (towards work).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finaliteit: Option<String>,
    /// NL: leerweg / schoolsoort as DUO gives it (basis, kader, gemengd/theoretisch, havo, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leerweg: Option<String>,
    /// NL: CROHO programme code (higher education).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub croho: Option<String>,
    /// Students enrolled on 1 October of a year, all forms together.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enrolment: Option<Enrolment>,
    /// Study load in ECTS credits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credits_ects: Option<u16>,
    /// True when admission is capped (numerus fixus).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub numerus_fixus: bool,
    /// Published start dates (ISO dates).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub start_dates: Vec<String>,
    /// NL secondary: school years ("2019-2020") in which the location had exam candidates
    /// in this programme (DUO).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exam_years: Vec<String>,
}

/// An enrolment count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Enrolment {
    /// The year of the 1 October count.
    pub year: u16,
    /// Students counted.
    pub count: u32,
    /// True when some cells were suppressed by the publisher (fewer than 5): the real
    /// number is somewhat higher.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub at_least: bool,
}

/// A loaded dataset: one `Vec` of providers and one of courses, referring to each other by
/// index.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Dataset {
    /// Providers, in file order.
    pub providers: Vec<Provider>,
    /// Courses, grouped by provider in provider order.
    pub courses: Vec<Course>,
}

impl Dataset {
    /// The courses of one provider.
    pub fn courses_of(&self, provider: ProviderId) -> &[Course] {
        let r = &self.providers[provider as usize].courses;
        &self.courses[r.start as usize..r.end as usize]
    }
}

/// Returns the link if it is an absolute http(s) URL with a host, else `None`. Anything else
/// (`javascript:`, `data:`, relative paths) must never be rendered as a link.
pub fn safe_http_url(raw: &str) -> Option<String> {
    let trimmed = raw.trim();
    let lower = trimmed.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let ok_chars = trimmed
        .chars()
        .all(|c| !c.is_control() && !c.is_whitespace() && c != '"' && c != '<' && c != '>');
    if host.is_empty() || !ok_chars {
        return None;
    }
    Some(trimmed.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vocabulary_round_trips() {
        for s in Sector::ALL {
            assert_eq!(Sector::from_code(s.code()), Some(*s));
            assert_eq!(Sector::ALL[s.index()], *s);
        }
        for f in LearningForm::ALL {
            assert_eq!(LearningForm::from_code(f.code()), Some(*f));
        }
        assert_eq!(Sector::from_code("zorg"), None);
        assert_eq!(Province::from_code("NL-ZE"), Some(Province::Zeeland));
        assert_eq!(Province::WestVlaanderen.country(), Country::Be);
    }

    #[test]
    fn sets_hold_what_a_sorted_deduplicated_list_held() {
        let mut rng = crate::core::synth::Rng::new(11);
        for _ in 0..500 {
            let picked: Vec<LearningForm> = (0..rng.below(6))
                .map(|_| LearningForm::ALL[rng.below(LearningForm::ALL.len())])
                .collect();
            let set: Set<LearningForm> = picked.iter().copied().collect();
            let mut list = picked.clone();
            list.sort();
            list.dedup();
            assert_eq!(set.iter().collect::<Vec<_>>(), list);
            assert_eq!(set.len(), list.len());
            assert_eq!(set.is_empty(), list.is_empty());
            for f in LearningForm::ALL {
                assert_eq!(set.contains(f), list.contains(f));
            }
            assert_eq!(
                serde_json::to_string(&set).unwrap(),
                serde_json::to_string(&list).unwrap()
            );
            let months: Vec<u8> = (0..rng.below(5)).map(|_| rng.below(15) as u8).collect();
            let set: Months = months.iter().copied().collect();
            let mut valid: Vec<u8> = months
                .into_iter()
                .filter(|m| (1..=12).contains(m))
                .collect();
            valid.sort();
            valid.dedup();
            assert_eq!(set.iter().collect::<Vec<_>>(), valid);
            assert_eq!(set.len(), valid.len());
            assert!(!set.contains(&0) && !set.contains(&13) && !set.contains(&200));
        }
        assert_eq!(Months::default().insert(13), None);
        assert_eq!(
            format!("{:?}", Set::from([Funding::StatutoryFee])),
            "[StatutoryFee]"
        );
    }

    #[test]
    fn text_reads_like_a_str() {
        let t = Text::from("Verpleegkunde");
        assert_eq!(t, "Verpleegkunde");
        assert_eq!("Verpleegkunde", t);
        assert_eq!(t, String::from("Verpleegkunde"));
        assert!(t.starts_with("Verpleeg"));
        assert_eq!(format!("{t} {t:?}"), "Verpleegkunde \"Verpleegkunde\"");
        assert_eq!(serde_json::to_string(&t).unwrap(), "\"Verpleegkunde\"");
        assert_eq!(String::from(t.clone()), "Verpleegkunde");
        let (a, b) = (Text::from("a"), Text::from("b"));
        assert!(a < b, "ordered as their text");
    }

    #[test]
    fn only_http_links_are_safe() {
        assert_eq!(
            safe_http_url(" https://www.hz.nl/ "),
            Some("https://www.hz.nl/".into())
        );
        assert!(safe_http_url("http://ugent.be").is_some());
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "//evil.example",
            "/relative",
            "https://",
            "https://exa mple.be",
            "https://x.be/\"onmouseover=alert(1)",
            "vbscript:msgbox",
            "",
        ] {
            assert_eq!(safe_http_url(bad), None, "{bad}");
        }
    }
}
