//! Terms that differ across the border, explained in Dutch, English and French, for
//! counsellors and students comparing offers on both sides.

use crate::core::i18n::Lang;

/// One glossary entry.
#[derive(Debug, Clone, Copy)]
pub struct Term {
    /// The term as used (with its country).
    pub term: &'static str,
    /// Explanation in Dutch, English, French.
    pub explain: [&'static str; 3],
}

impl Term {
    /// The explanation in a language.
    pub fn text(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Nl => self.explain[0],
            Lang::En => self.explain[1],
            Lang::Fr => self.explain[2],
        }
    }
}

/// The glossary, alphabetical.
pub const GLOSSARY: &[Term] = &[
    Term { term: "Associate degree (NL) ↔ graduaat (BE)", explain: [
        "Tweejarige hogere beroepsopleiding op EQF-niveau 5. In Nederland aan een hogeschool (Associate degree), in Vlaanderen het graduaat (vroeger HBO5).",
        "Two-year higher vocational programme at EQF level 5: the Associate degree at a Dutch university of applied sciences, the graduaat (formerly HBO5) in Flanders.",
        "Formation supérieure professionnelle de deux ans, niveau CEC 5 : l'Associate degree aux Pays-Bas, le graduaat (anciennement HBO5) en Flandre.",
    ] },
    Term { term: "BBL / BOL (NL) ↔ duaal leren (BE)", explain: [
        "Leren en werken tegelijk. In het Nederlandse mbo is BBL de beroepsbegeleidende leerweg (vooral werken, één dag school) en BOL de beroepsopleidende leerweg (vooral school, met stage). In Vlaanderen heet leren op de werkvloer en op school duaal leren.",
        "Learning while working. In Dutch MBO, BBL is the work-based route (mostly work, a day a week at school) and BOL the school-based route (mostly school, with placements). In Flanders, learning at work and at school is called duaal leren (dual learning).",
        "Apprendre en travaillant. Dans le MBO néerlandais, la BBL est la voie en entreprise (surtout travail, un jour d'école) et la BOL la voie scolaire (surtout école, avec stages). En Flandre, on parle de duaal leren (formation en alternance).",
    ] },
    Term { term: "Beroepskwalificatie (BE)", explain: [
        "Een door Vlaanderen erkende set competenties voor een beroep, met een niveau in de Vlaamse kwalificatiestructuur (VKS). Je behaalt ze in het secundair onderwijs, het volwassenenonderwijs, Syntra of bij VDAB.",
        "A set of competences for an occupation recognised in Flanders, with a level in the Flemish Qualifications Structure (VKS); obtained in secondary or adult education, at Syntra or VDAB.",
        "Ensemble de compétences pour un métier reconnu en Flandre, avec un niveau dans la structure flamande des certifications (VKS) ; s'obtient dans l'enseignement secondaire ou pour adultes, chez Syntra ou au VDAB.",
    ] },
    Term { term: "Deelcertificaat (NL/BE)", explain: [
        "Bewijs voor een afgerond deel van een opleiding. Zo bouw je stap voor stap (modulair) naar een volledig diploma, handig naast werk of bij omscholing.",
        "Certificate for a completed part of a programme, so you can build up a full qualification step by step (modular), useful alongside work or when retraining.",
        "Certificat pour une partie achevée d'une formation : on construit pas à pas (de façon modulaire) un diplôme complet, utile en travaillant ou en reconversion.",
    ] },
    Term { term: "EQF / NLQF / VKS", explain: [
        "Het Europees kwalificatiekader (EQF) heeft acht niveaus. Nederland (NLQF) en Vlaanderen (VKS) koppelen hun diploma's eraan. Een gelijk niveau betekent vergelijkbaar, niet automatisch dezelfde toelatingsrechten.",
        "The European Qualifications Framework (EQF) has eight levels; the Netherlands (NLQF) and Flanders (VKS) link their qualifications to it. The same level means comparable, not automatically the same admission rights.",
        "Le cadre européen des certifications (CEC/EQF) compte huit niveaux ; les Pays-Bas (NLQF) et la Flandre (VKS) y rattachent leurs diplômes. Un même niveau signifie comparable, pas automatiquement les mêmes droits d'accès.",
    ] },
    Term { term: "HBO (NL) ↔ professionele bachelor (BE)", explain: [
        "Een hbo-bachelor (Nederland, vier jaar, 240 EC) en een Vlaamse professionele bachelor (meestal drie jaar, 180 studiepunten; verpleegkunde vier jaar) zijn beide EQF 6 en beroepsgericht.",
        "A Dutch HBO bachelor (four years, 240 EC) and a Flemish professional bachelor (usually three years, 180 credits; nursing four years) are both EQF 6 and career-oriented.",
        "Un bachelor HBO néerlandais (quatre ans, 240 EC) et un bachelier professionnalisant flamand (en général trois ans, 180 crédits ; soins infirmiers quatre ans) sont tous deux de niveau CEC 6.",
    ] },
    Term { term: "MBO niveau 1–4 (NL)", explain: [
        "Middelbaar beroepsonderwijs in Nederland: Entree (niveau 1), basisberoepsopleiding (2), vakopleiding (3) en middenkader- of specialistenopleiding (4), op EQF-niveau 1 tot 4.",
        "Dutch secondary vocational education: Entree (level 1), basic vocational (2), professional (3) and middle-management or specialist training (4), at EQF levels 1 to 4.",
        "Enseignement professionnel secondaire néerlandais : Entree (niveau 1), formation de base (2), formation professionnelle (3) et formation de cadre intermédiaire ou de spécialiste (4), niveaux CEC 1 à 4.",
    ] },
    Term { term: "Omscholing / bijscholing", explain: [
        "Omscholing: een nieuw beroep leren (bv. van een krimpsector naar zorg of techniek). Bijscholing: je kennis voor je huidige beroep bijwerken.",
        "Retraining (omscholing): learning a new occupation, e.g. moving into care or engineering. Upskilling (bijscholing): updating skills for your current job.",
        "Reconversion (omscholing) : apprendre un nouveau métier, p. ex. vers les soins ou la technique. Perfectionnement (bijscholing) : actualiser ses compétences pour son métier actuel.",
    ] },
    Term { term: "Opleidingscheques / Vlaams opleidingsverlof (BE)", explain: [
        "Vlaamse steun voor werkenden: met opleidingscheques betaalt de overheid de helft van het inschrijvingsgeld van erkende opleidingen; met Vlaams opleidingsverlof krijg je betaalde uren vrij om een opleiding te volgen.",
        "Flemish support for people in work: training vouchers (opleidingscheques) pay half the fee of recognised courses; Flemish training leave (Vlaams opleidingsverlof) gives paid hours off to study.",
        "Aides flamandes pour les travailleurs : les chèques-formation (opleidingscheques) paient la moitié des frais d'inscription de formations reconnues ; le congé-éducation flamand (Vlaams opleidingsverlof) accorde des heures payées pour se former.",
    ] },
    Term { term: "Se-n-Se (BE)", explain: [
        "Secundair-na-secundair: een specialisatiejaar na het secundair onderwijs (EQF 4) dat opleidt voor een specifiek beroep, bv. in industriële ICT of zorg.",
        "Secundair-na-secundair: a specialisation year after secondary school (EQF 4) that trains for a specific occupation, e.g. industrial ICT or care.",
        "Secundair-na-secundair : une année de spécialisation après le secondaire (niveau CEC 4) qui prépare à un métier précis, p. ex. TIC industrielles ou soins.",
    ] },
    Term { term: "TSO / BSO (BE) ↔ vmbo / mbo (NL)", explain: [
        "In het Vlaamse secundair onderwijs zijn TSO (technisch) en BSO (beroeps) de beroepsgerichte vormen; BSO leidt tot een beroepskwalificatie, TSO tot een diploma secundair onderwijs. In Nederland volgt na het vmbo het mbo.",
        "In Flemish secondary education, TSO (technical) and BSO (vocational) are the career-oriented strands; BSO leads to an occupational qualification, TSO to a secondary diploma. In the Netherlands, MBO follows VMBO.",
        "Dans le secondaire flamand, le TSO (technique) et le BSO (professionnel) sont les filières orientées métier ; le BSO mène à une qualification professionnelle, le TSO au diplôme secondaire. Aux Pays-Bas, le MBO suit le VMBO.",
    ] },
    Term { term: "Zij-instromer (NL)", explain: [
        "Iemand die vanuit een ander beroep instroomt in een nieuw vak, vaak met een verkort of duaal traject (bv. in onderwijs of zorg).",
        "Someone entering a new occupation from another career, often through a shortened or dual route (e.g. in teaching or care).",
        "Personne qui entre dans un nouveau métier venant d'une autre carrière, souvent par un parcours raccourci ou en alternance (p. ex. enseignement ou soins).",
    ] },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_term_in_three_languages_and_sorted() {
        for t in GLOSSARY {
            for l in Lang::ALL {
                assert!(t.text(l).len() > 40, "{} in {l:?}", t.term);
            }
        }
        let terms: Vec<String> = GLOSSARY.iter().map(|t| t.term.to_lowercase()).collect();
        let mut sorted = terms.clone();
        sorted.sort();
        assert_eq!(terms, sorted);
        for needed in [
            "graduaat",
            "BBL",
            "Se-n-Se",
            "Deelcertificaat",
            "Opleidingscheques",
        ] {
            assert!(GLOSSARY.iter().any(|t| t.term.contains(needed)), "{needed}");
        }
    }
}
