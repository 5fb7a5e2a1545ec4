//! Qualification levels across the border: EQF 1–8 and the Dutch (NLQF) and Flemish (VKS)
//! qualifications that are referenced to them.
//!
//! The mapping is data ([`NationalLevel::eqf_range`]) taken from the two countries' official
//! referencing reports (see [`EQUIVALENCE_SOURCES`]). An equal EQF level says two
//! qualifications are comparable in level; it does **not** give the same admission rights or
//! civil effect on the other side of the border ([`ADMISSION_CAVEAT`]).

use serde::{Deserialize, Serialize};

use crate::core::vocab::{vocabulary, Country};

/// Lowest EQF level.
pub const EQF_MIN: u8 = 1;
/// Highest EQF level.
pub const EQF_MAX: u8 = 8;

/// An EQF level, 1..=8.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Eqf(u8);

impl Eqf {
    /// The level if `n` is within 1..=8.
    pub const fn new(n: u8) -> Option<Self> {
        if n >= EQF_MIN && n <= EQF_MAX {
            Some(Self(n))
        } else {
            None
        }
    }

    /// The level number.
    pub const fn get(self) -> u8 {
        self.0
    }

    /// All eight levels.
    pub fn all() -> impl Iterator<Item = Eqf> {
        (EQF_MIN..=EQF_MAX).map(Eqf)
    }
}

impl TryFrom<u8> for Eqf {
    type Error = String;
    fn try_from(n: u8) -> Result<Self, String> {
        Eqf::new(n).ok_or_else(|| format!("EQF level {n} does not exist (1–8)"))
    }
}

impl From<Eqf> for u8 {
    fn from(e: Eqf) -> u8 {
        e.0
    }
}

vocabulary! {
    /// A national qualification type, Dutch or Flemish.
    NationalLevel {
        /// NL: Entreeopleiding (MBO niveau 1).
        NlMbo1 = "nl_mbo_1",
        /// NL: MBO niveau 2 (basisberoepsopleiding).
        NlMbo2 = "nl_mbo_2",
        /// NL: MBO niveau 3 (vakopleiding).
        NlMbo3 = "nl_mbo_3",
        /// NL: MBO niveau 4 (middenkaderopleiding / specialistenopleiding).
        NlMbo4 = "nl_mbo_4",
        /// NL: Associate degree (HBO, two years).
        NlAssociateDegree = "nl_associate_degree",
        /// NL: HBO bachelor.
        NlHboBachelor = "nl_hbo_bachelor",
        /// NL: WO bachelor.
        NlWoBachelor = "nl_wo_bachelor",
        /// NL: HBO or WO master.
        NlMaster = "nl_master",
        /// NL: doctorate (PhD).
        NlDoctorate = "nl_doctorate",
        /// NL: VMBO diploma (pre-vocational secondary), leerweg not stated.
        NlVmbo = "nl_vmbo",
        /// NL: VMBO basisberoepsgerichte leerweg (NLQF 1).
        NlVmboBasis = "nl_vmbo_bb",
        /// NL: VMBO kaderberoepsgerichte leerweg (NLQF 2).
        NlVmboKader = "nl_vmbo_kb",
        /// NL: VMBO gemengde or theoretische leerweg (mavo; NLQF 2).
        NlVmboGemengdTheoretisch = "nl_vmbo_gt",
        /// NL: praktijkonderwijs: leads to no diploma (work or MBO entree after it).
        NlPraktijkonderwijs = "nl_praktijkonderwijs",
        /// NL: the first years (onderbouw, brugjaren) of secondary school: no qualification.
        NlOnderbouw = "nl_onderbouw",
        /// NL: HAVO diploma (senior general secondary).
        NlHavo = "nl_havo",
        /// NL: VWO diploma (pre-university).
        NlVwo = "nl_vwo",
        /// NL: a non-formal course (private or sector training) referenced to NLQF.
        NlNonFormal = "nl_non_formal",
        /// BE: first grade of secondary education (A- or B-stroom): no qualification.
        BeEersteGraad = "be_eerste_graad",
        /// BE: second grade of secondary education (ASO, TSO, KSO, BSO): a step towards the
        /// third grade, no qualification of its own.
        BeTweedeGraad = "be_tweede_graad",
        /// BE: secondary education with labour-market finality, 3rd grade BSO
        /// (studiegetuigschrift, beroepskwalificatie).
        BeSecundairBeroeps = "be_secundair_beroeps",
        /// BE: diploma secundair onderwijs (3rd grade TSO/ASO/KSO, or the 7th year BSO).
        BeSecundairDiploma = "be_secundair_diploma",
        /// BE: Se-n-Se (secundair-na-secundair) specialisation year.
        BeSeNSe = "be_se_n_se",
        /// BE: graduaat (formerly HBO5).
        BeGraduaat = "be_graduaat",
        /// BE: HBO5 verpleegkunde (gegradueerde verpleegkundige), still organised by
        /// secondary-school nursing institutes.
        BeHbo5 = "be_hbo5",
        /// BE: professionele bachelor.
        BeProfessioneleBachelor = "be_professionele_bachelor",
        /// BE: academische bachelor.
        BeAcademischeBachelor = "be_academische_bachelor",
        /// BE: master.
        BeMaster = "be_master",
        /// BE: doctoraat.
        BeDoctoraat = "be_doctoraat",
        /// BE: adult education (CVO, Syntra, VDAB) leading to a beroepskwalificatie; its level
        /// is that of the qualification.
        BeBeroepskwalificatie = "be_beroepskwalificatie",
    }
}

impl NationalLevel {
    /// The country whose system the qualification belongs to.
    pub const fn country(self) -> Country {
        match self {
            NationalLevel::NlMbo1
            | NationalLevel::NlMbo2
            | NationalLevel::NlMbo3
            | NationalLevel::NlMbo4
            | NationalLevel::NlAssociateDegree
            | NationalLevel::NlHboBachelor
            | NationalLevel::NlWoBachelor
            | NationalLevel::NlMaster
            | NationalLevel::NlDoctorate
            | NationalLevel::NlVmbo
            | NationalLevel::NlVmboBasis
            | NationalLevel::NlVmboKader
            | NationalLevel::NlVmboGemengdTheoretisch
            | NationalLevel::NlPraktijkonderwijs
            | NationalLevel::NlOnderbouw
            | NationalLevel::NlHavo
            | NationalLevel::NlVwo
            | NationalLevel::NlNonFormal => Country::Nl,
            _ => Country::Be,
        }
    }

    /// The EQF levels this qualification is referenced to (inclusive). A single level for
    /// the formal qualifications; a range where the level depends on the qualification
    /// (Flemish BSO certificates: 2 or 3; beroepskwalificaties and NL non-formal courses: 1–5).
    /// `None` for a stage that leads to no qualification of its own (the Flemish first and
    /// second grade, the Dutch onderbouw, praktijkonderwijs): such a course has no EQF level.
    pub const fn eqf_range(self) -> Option<(u8, u8)> {
        Some(match self {
            NationalLevel::NlMbo1 => (1, 1),
            NationalLevel::NlMbo2 => (2, 2),
            NationalLevel::NlMbo3 => (3, 3),
            NationalLevel::NlMbo4 => (4, 4),
            NationalLevel::NlAssociateDegree => (5, 5),
            NationalLevel::NlHboBachelor | NationalLevel::NlWoBachelor => (6, 6),
            NationalLevel::NlMaster => (7, 7),
            NationalLevel::NlDoctorate => (8, 8),
            // NLQF: vmbo basisberoepsgerichte leerweg 1, the other leerwegen 2.
            NationalLevel::NlVmbo => (1, 2),
            NationalLevel::NlVmboBasis => (1, 1),
            NationalLevel::NlVmboKader | NationalLevel::NlVmboGemengdTheoretisch => (2, 2),
            NationalLevel::NlHavo | NationalLevel::NlVwo => (4, 4),
            NationalLevel::NlNonFormal => (1, 8),
            NationalLevel::NlPraktijkonderwijs
            | NationalLevel::NlOnderbouw
            | NationalLevel::BeEersteGraad
            | NationalLevel::BeTweedeGraad => return None,
            NationalLevel::BeSecundairBeroeps => (2, 3),
            NationalLevel::BeSecundairDiploma | NationalLevel::BeSeNSe => (4, 4),
            NationalLevel::BeGraduaat | NationalLevel::BeHbo5 => (5, 5),
            NationalLevel::BeProfessioneleBachelor | NationalLevel::BeAcademischeBachelor => (6, 6),
            NationalLevel::BeMaster => (7, 7),
            NationalLevel::BeDoctoraat => (8, 8),
            NationalLevel::BeBeroepskwalificatie => (1, 5),
        })
    }

    /// True when the qualification has an EQF level at all.
    pub const fn leads_to_qualification(self) -> bool {
        self.eqf_range().is_some()
    }

    /// True when `eqf` is a level this qualification can have.
    pub const fn allows(self, eqf: Eqf) -> bool {
        match self.eqf_range() {
            Some((lo, hi)) => eqf.get() >= lo && eqf.get() <= hi,
            None => false,
        }
    }

    /// The EQF level when the qualification has exactly one.
    pub const fn fixed_eqf(self) -> Option<Eqf> {
        match self.eqf_range() {
            Some((lo, hi)) if lo == hi => Eqf::new(lo),
            _ => None,
        }
    }

    /// The stage of education the qualification belongs to (a course may state another,
    /// e.g. a secondary diploma taken in adult education).
    pub const fn stage(self) -> Stage {
        match self {
            NationalLevel::NlMbo1
            | NationalLevel::NlMbo2
            | NationalLevel::NlMbo3
            | NationalLevel::NlMbo4 => Stage::Vocational,
            NationalLevel::NlVmbo
            | NationalLevel::NlVmboBasis
            | NationalLevel::NlVmboKader
            | NationalLevel::NlVmboGemengdTheoretisch
            | NationalLevel::NlPraktijkonderwijs
            | NationalLevel::NlOnderbouw
            | NationalLevel::BeEersteGraad => Stage::LowerSecondary,
            NationalLevel::NlHavo
            | NationalLevel::NlVwo
            | NationalLevel::BeTweedeGraad
            | NationalLevel::BeSecundairBeroeps
            | NationalLevel::BeSecundairDiploma => Stage::UpperSecondary,
            NationalLevel::BeSeNSe => Stage::SeNSe,
            NationalLevel::BeGraduaat | NationalLevel::BeHbo5 => Stage::Graduaat,
            NationalLevel::NlAssociateDegree
            | NationalLevel::NlHboBachelor
            | NationalLevel::NlWoBachelor
            | NationalLevel::NlMaster
            | NationalLevel::NlDoctorate
            | NationalLevel::BeProfessioneleBachelor
            | NationalLevel::BeAcademischeBachelor
            | NationalLevel::BeMaster
            | NationalLevel::BeDoctoraat => Stage::Higher,
            NationalLevel::NlNonFormal | NationalLevel::BeBeroepskwalificatie => Stage::Adult,
        }
    }

    /// The name as used in its own country (and language).
    pub const fn name(self) -> &'static str {
        match self {
            NationalLevel::NlMbo1 => "Entree (MBO 1)",
            NationalLevel::NlMbo2 => "MBO 2",
            NationalLevel::NlMbo3 => "MBO 3",
            NationalLevel::NlMbo4 => "MBO 4",
            NationalLevel::NlAssociateDegree => "Associate degree",
            NationalLevel::NlHboBachelor => "HBO-bachelor",
            NationalLevel::NlWoBachelor => "WO-bachelor",
            NationalLevel::NlMaster => "Master",
            NationalLevel::NlDoctorate => "Doctoraat (PhD)",
            NationalLevel::NlVmbo => "VMBO",
            NationalLevel::NlVmboBasis => "VMBO basis (bb)",
            NationalLevel::NlVmboKader => "VMBO kader (kb)",
            NationalLevel::NlVmboGemengdTheoretisch => "VMBO gemengd / theoretisch (gt)",
            NationalLevel::NlPraktijkonderwijs => "Praktijkonderwijs",
            NationalLevel::NlOnderbouw => "Onderbouw voortgezet onderwijs",
            NationalLevel::NlHavo => "HAVO",
            NationalLevel::NlVwo => "VWO",
            NationalLevel::NlNonFormal => "Niet-formele opleiding (NLQF)",
            NationalLevel::BeEersteGraad => "Eerste graad secundair onderwijs",
            NationalLevel::BeTweedeGraad => "Tweede graad secundair onderwijs",
            NationalLevel::BeSecundairBeroeps => "Secundair (BSO, beroepskwalificatie)",
            NationalLevel::BeSecundairDiploma => "Diploma secundair onderwijs",
            NationalLevel::BeSeNSe => "Se-n-Se",
            NationalLevel::BeGraduaat => "Graduaat",
            NationalLevel::BeHbo5 => "HBO5 verpleegkunde",
            NationalLevel::BeProfessioneleBachelor => "Professionele bachelor",
            NationalLevel::BeAcademischeBachelor => "Academische bachelor",
            NationalLevel::BeMaster => "Master",
            NationalLevel::BeDoctoraat => "Doctoraat",
            NationalLevel::BeBeroepskwalificatie => "Beroepskwalificatie (volwassenenonderwijs)",
        }
    }
}

/// The formal qualifications of `country` referenced to exactly this EQF level, for labels
/// such as "EQF 5 — Associate degree (NL) / Graduaat (BE)".
pub fn national_names(eqf: Eqf, country: Country) -> Vec<&'static str> {
    NationalLevel::ALL
        .iter()
        .filter(|l| l.country() == country && l.fixed_eqf() == Some(eqf))
        .map(|l| l.name())
        .collect()
}

/// A one-line label of an EQF level with both countries' names.
pub fn eqf_label(eqf: Eqf) -> String {
    let nl = national_names(eqf, Country::Nl).join(", ");
    let be = national_names(eqf, Country::Be).join(", ");
    match (nl.is_empty(), be.is_empty()) {
        (false, false) => format!("EQF {} — {nl} (NL) / {be} (BE)", eqf.get()),
        (false, true) => format!("EQF {} — {nl} (NL)", eqf.get()),
        (true, false) => format!("EQF {} — {be} (BE)", eqf.get()),
        (true, true) => format!("EQF {}", eqf.get()),
    }
}

vocabulary! {
    /// The stage of education a course belongs to: what a pupil, a student or an adult
    /// looks for first, before any EQF level.
    Stage {
        /// Lower secondary: the Flemish first grade, the Dutch onderbouw, VMBO and
        /// praktijkonderwijs (ISCED 2).
        LowerSecondary = "lower_secondary",
        /// Upper secondary: the Flemish second and third grade, HAVO and VWO (ISCED 3).
        UpperSecondary = "upper_secondary",
        /// Vocational education: MBO (ISCED 3–4).
        Vocational = "vocational",
        /// The Flemish secondary-after-secondary specialisation year.
        SeNSe = "se_n_se",
        /// Short-cycle vocational higher education: HBO5 and graduaat (ISCED 5).
        Graduaat = "graduaat",
        /// Higher education: associate degree, bachelor, master, doctorate.
        Higher = "higher",
        /// Adult education: CVO, Syntra, VDAB, non-formal courses.
        Adult = "adult",
    }
}

/// Where the level mapping comes from.
pub const EQUIVALENCE_SOURCES: &[(&str, &str)] = &[
    (
        "NCP NLQF — Referencing the Dutch Qualifications Framework (NLQF) to the EQF",
        "https://www.nlqf.nl/",
    ),
    (
        "AHOVOKS — Referencing the Flemish Qualifications Structure (VKS) to the EQF",
        "https://www.vlaamsekwalificatiestructuur.be/",
    ),
    (
        "European Commission — Europass, compare qualifications frameworks",
        "https://europass.europa.eu/en/compare-qualifications",
    ),
    (
        "NCP NLQF — Het Nederlands Kwalificatieraamwerk: vmbo basisberoepsgerichte leerweg niveau 1, overige vmbo-leerwegen niveau 2, havo en vwo niveau 4",
        "https://www.nlqf.nl/nlqf-niveaus",
    ),
];

/// Nuffic's caveat, to be shown wherever levels are compared.
pub const ADMISSION_CAVEAT: &str = "Een gelijk EQF-niveau betekent niet dat een diploma dezelfde \
    toelatingsrechten geeft aan de andere kant van de grens. Vraag de instelling of Nuffic \
    (NL) / NARIC-Vlaanderen (BE) naar de erkenning.";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eqf_bounds() {
        assert!(Eqf::new(0).is_none());
        assert!(Eqf::new(9).is_none());
        assert_eq!(Eqf::all().count(), 8);
        assert_eq!(serde_json::from_str::<Eqf>("4").unwrap().get(), 4);
        assert!(serde_json::from_str::<Eqf>("9").is_err());
    }

    #[test]
    fn known_equivalences() {
        let e = |n| Eqf::new(n).unwrap();
        assert_eq!(NationalLevel::NlMbo4.fixed_eqf(), Some(e(4)));
        assert_eq!(NationalLevel::BeSeNSe.fixed_eqf(), Some(e(4)));
        assert_eq!(NationalLevel::NlAssociateDegree.fixed_eqf(), Some(e(5)));
        assert_eq!(NationalLevel::BeGraduaat.fixed_eqf(), Some(e(5)));
        assert_eq!(NationalLevel::NlHboBachelor.fixed_eqf(), Some(e(6)));
        assert_eq!(
            NationalLevel::BeProfessioneleBachelor.fixed_eqf(),
            Some(e(6))
        );
        assert!(NationalLevel::BeSecundairBeroeps.allows(e(3)));
        assert!(!NationalLevel::BeSecundairBeroeps.allows(e(4)));
        assert!(!NationalLevel::NlMbo2.allows(e(3)));
        // NLQF: vmbo bb at 1, the other leerwegen at 2, havo and vwo at 4.
        assert_eq!(NationalLevel::NlVmboBasis.fixed_eqf(), Some(e(1)));
        assert_eq!(NationalLevel::NlVmboKader.fixed_eqf(), Some(e(2)));
        assert_eq!(
            NationalLevel::NlVmboGemengdTheoretisch.fixed_eqf(),
            Some(e(2))
        );
        assert_eq!(NationalLevel::NlHavo.fixed_eqf(), Some(e(4)));
        // Stages that lead to no qualification have no EQF level at all.
        assert!(!NationalLevel::BeTweedeGraad.leads_to_qualification());
        assert!(!NationalLevel::NlPraktijkonderwijs.allows(e(1)));
        assert_eq!(NationalLevel::BeHbo5.stage(), Stage::Graduaat);
        assert_eq!(NationalLevel::NlMbo2.stage(), Stage::Vocational);
        assert_eq!(NationalLevel::NlVmboKader.stage(), Stage::LowerSecondary);
    }

    #[test]
    fn every_level_has_a_country_and_a_valid_range() {
        for l in NationalLevel::ALL {
            if let Some((lo, hi)) = l.eqf_range() {
                assert!(EQF_MIN <= lo && lo <= hi && hi <= EQF_MAX, "{l}");
            }
            assert_eq!(
                l.code().starts_with("nl_"),
                l.country() == Country::Nl,
                "{l}"
            );
        }
    }

    #[test]
    fn labels_name_both_countries() {
        let five = eqf_label(Eqf::new(5).unwrap());
        assert_eq!(
            five,
            "EQF 5 — Associate degree (NL) / Graduaat, HBO5 verpleegkunde (BE)"
        );
        let four = eqf_label(Eqf::new(4).unwrap());
        assert!(
            four.contains("MBO 4, HAVO, VWO (NL)") && four.contains("Se-n-Se"),
            "{four}"
        );
        // Every level from 1 to 8 is named on at least one side.
        for e in Eqf::all() {
            assert_ne!(eqf_label(e), format!("EQF {}", e.get()));
        }
    }
}
