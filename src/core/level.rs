//! Qualification levels across the border: EQF 1–8 and the Dutch (NLQF) and Flemish (VKS)
//! qualifications that are referenced to them.
//!
//! The mapping is data ([`NationalLevel::eqf_range`]) taken from the two countries' official
//! referencing reports (see [`EQUIVALENCE_SOURCES`]). An equal EQF level says two
//! qualifications are comparable in level; it does **not** give the same admission rights or
//! civil effect on the other side of the border ([`ADMISSION_CAVEAT`]).

use serde::{Deserialize, Serialize};

use super::model::{vocabulary, Country};

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
        /// NL: VMBO diploma (pre-vocational secondary).
        NlVmbo = "nl_vmbo",
        /// NL: HAVO diploma (senior general secondary).
        NlHavo = "nl_havo",
        /// NL: VWO diploma (pre-university).
        NlVwo = "nl_vwo",
        /// NL: a non-formal course (private or sector training) referenced to NLQF.
        NlNonFormal = "nl_non_formal",
        /// BE: secondary education with labour-market finality, 2nd/3rd grade BSO
        /// (studiegetuigschrift, beroepskwalificatie).
        BeSecundairBeroeps = "be_secundair_beroeps",
        /// BE: diploma secundair onderwijs (3rd grade TSO/ASO/KSO, or the 7th year BSO).
        BeSecundairDiploma = "be_secundair_diploma",
        /// BE: Se-n-Se (secundair-na-secundair) specialisation year.
        BeSeNSe = "be_se_n_se",
        /// BE: graduaat (formerly HBO5).
        BeGraduaat = "be_graduaat",
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
            | NationalLevel::NlHavo
            | NationalLevel::NlVwo
            | NationalLevel::NlNonFormal => Country::Nl,
            _ => Country::Be,
        }
    }

    /// The EQF levels this qualification is referenced to (inclusive). A single level for
    /// the formal qualifications; a range where the level depends on the qualification
    /// (Flemish BSO certificates: 2 or 3; beroepskwalificaties and NL non-formal courses: 1–5).
    pub const fn eqf_range(self) -> (u8, u8) {
        match self {
            NationalLevel::NlMbo1 => (1, 1),
            NationalLevel::NlMbo2 => (2, 2),
            NationalLevel::NlMbo3 => (3, 3),
            NationalLevel::NlMbo4 => (4, 4),
            NationalLevel::NlAssociateDegree => (5, 5),
            NationalLevel::NlHboBachelor | NationalLevel::NlWoBachelor => (6, 6),
            NationalLevel::NlMaster => (7, 7),
            NationalLevel::NlDoctorate => (8, 8),
            NationalLevel::NlVmbo => (2, 2),
            NationalLevel::NlHavo | NationalLevel::NlVwo => (4, 4),
            NationalLevel::NlNonFormal => (1, 8),
            NationalLevel::BeSecundairBeroeps => (2, 3),
            NationalLevel::BeSecundairDiploma | NationalLevel::BeSeNSe => (4, 4),
            NationalLevel::BeGraduaat => (5, 5),
            NationalLevel::BeProfessioneleBachelor | NationalLevel::BeAcademischeBachelor => (6, 6),
            NationalLevel::BeMaster => (7, 7),
            NationalLevel::BeDoctoraat => (8, 8),
            NationalLevel::BeBeroepskwalificatie => (1, 5),
        }
    }

    /// True when `eqf` is a level this qualification can have.
    pub const fn allows(self, eqf: Eqf) -> bool {
        let (lo, hi) = self.eqf_range();
        eqf.get() >= lo && eqf.get() <= hi
    }

    /// The EQF level when the qualification has exactly one.
    pub const fn fixed_eqf(self) -> Option<Eqf> {
        let (lo, hi) = self.eqf_range();
        if lo == hi {
            Eqf::new(lo)
        } else {
            None
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
            NationalLevel::NlHavo => "HAVO",
            NationalLevel::NlVwo => "VWO",
            NationalLevel::NlNonFormal => "Niet-formele opleiding (NLQF)",
            NationalLevel::BeSecundairBeroeps => "Secundair (BSO, beroepskwalificatie)",
            NationalLevel::BeSecundairDiploma => "Diploma secundair onderwijs",
            NationalLevel::BeSeNSe => "Se-n-Se",
            NationalLevel::BeGraduaat => "Graduaat (HBO5)",
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
    }

    #[test]
    fn every_level_has_a_country_and_a_valid_range() {
        for l in NationalLevel::ALL {
            let (lo, hi) = l.eqf_range();
            assert!(EQF_MIN <= lo && lo <= hi && hi <= EQF_MAX, "{l}");
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
        assert_eq!(five, "EQF 5 — Associate degree (NL) / Graduaat (HBO5) (BE)");
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
