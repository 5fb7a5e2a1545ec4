//! The interface's words in Dutch (default), English and French. Components never hold a
//! string of their own: they ask for a [`Msg`] in the current [`Lang`]. Course and provider
//! names are never translated.

/// An interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// Nederlands (default).
    #[default]
    Nl,
    /// English.
    En,
    /// Français.
    Fr,
}

impl Lang {
    /// All languages, in menu order.
    pub const ALL: [Lang; 3] = [Lang::Nl, Lang::En, Lang::Fr];

    /// ISO 639-1 code.
    pub const fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// The language from its code; `None` when unknown.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The language's own name.
    pub const fn name(self) -> &'static str {
        match self {
            Lang::Nl => "Nederlands",
            Lang::En => "English",
            Lang::Fr => "Français",
        }
    }

    /// Formats a decimal number the way the language writes it (comma in NL and FR).
    pub fn decimal(self, x: f64, places: usize) -> String {
        let s = format!("{x:.places$}");
        match self {
            Lang::En => s,
            Lang::Nl | Lang::Fr => s.replace('.', ","),
        }
    }
}

macro_rules! messages {
    ($($(#[$m:meta])* $key:ident => [$nl:expr, $en:expr, $fr:expr]),+ $(,)?) => {
        /// A piece of interface text; each variant is named after what it says.
        #[allow(missing_docs)]
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Msg { $($(#[$m])* $key),+ }

        impl Msg {
            /// Every message (for completeness tests).
            pub const ALL: &'static [Msg] = &[$(Msg::$key),+];

            /// The text in a language.
            pub const fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Msg::$key, Lang::Nl) => $nl, (Msg::$key, Lang::En) => $en, (Msg::$key, Lang::Fr) => $fr,)+
                }
            }
        }
    };
}

messages! {
    Title => ["Leerkaart Scheldemond", "Leerkaart Scheldemond", "Leerkaart Scheldemond"],
    Tagline => ["Opleidingen in Zeeland, Oost- en West-Vlaanderen", "Training in Zeeland, East and West Flanders", "Formations en Zélande, Flandre-Orientale et Flandre-Occidentale"],
    Loading => ["De opleidingen worden geladen…", "Loading the courses…", "Chargement des formations…"],
    /// Shown while the map loads (the same Dutch text is in `index.html`, before any script).
    Intro => [
        "Welke opleidingen zijn er bij jou in de buurt, aan beide kanten van de grens? Deze kaart toont het aanbod in Zeeland, Oost- en West-Vlaanderen: van het eerste jaar middelbaar en het vmbo tot mbo, hoger onderwijs en opleidingen voor volwassenen, met techniek en zorg voorop.",
        "Which courses are there near you, on either side of the border? This map shows the training offer in Zeeland, East and West Flanders: from the first year of secondary school to vocational (MBO), higher education and courses for adults, with technology and care first.",
        "Quelles formations près de chez vous, des deux côtés de la frontière ? Cette carte montre l'offre en Zélande, Flandre-Orientale et Flandre-Occidentale : du premier degré du secondaire au professionnel (MBO), à l'enseignement supérieur et aux formations pour adultes, techniques et soins en tête."
    ],
    LoadingShort => ["Gegevens laden…", "Loading data…", "Chargement…"],
    NoData => ["Geen gegevens", "No data", "Aucune donnée"],
    SomethingWrong => ["Er ging iets mis. ", "Something went wrong. ", "Un problème est survenu. "],
    FetchFailed => ["De gegevens konden niet worden opgehaald", "The data could not be fetched", "Les données n'ont pas pu être récupérées"],
    FileUnreadable => ["Het gegevensbestand is onleesbaar", "The data file cannot be read", "Le fichier de données est illisible"],
    FileReadFailed => ["Het bestand kon niet gelezen worden", "The file could not be read", "Le fichier n'a pas pu être lu"],
    PartlyLoaded => ["Niet alles kon geladen worden. De rest wordt wel getoond.", "Not everything could be loaded. The rest is shown.", "Tout n'a pas pu être chargé. Le reste est affiché."],
    SearchLabel => ["Zoek een opleiding, school of plaats", "Search a course, school or place", "Chercher une formation, une école ou un lieu"],
    SearchPlaceholder => ["bv. verpleegkunde, elektromechanica, Brugge", "e.g. verpleegkunde, elektromechanica, Brugge", "p. ex. verpleegkunde, elektromechanica, Brugge"],
    Filters => ["Filters", "Filters", "Filtres"],
    Sector => ["Sector", "Field", "Secteur"],
    LevelTitle => ["Niveau (EQF, met de namen in NL en BE)", "Level (EQF, with the Dutch and Belgian names)", "Niveau (CEC, avec les noms néerlandais et belges)"],
    LevelExplain => ["EQF is het Europese kwalificatiekader: acht niveaus waaraan Nederland (NLQF) en Vlaanderen (VKS) hun diploma's koppelen. Zo vind je met één filter opleidingen van hetzelfde niveau aan beide kanten van de grens.", "The EQF is the European Qualifications Framework: eight levels to which the Netherlands (NLQF) and Flanders (VKS) link their qualifications, so one filter finds courses of the same level on both sides of the border.", "Le CEC est le cadre européen des certifications : huit niveaux auxquels les Pays-Bas (NLQF) et la Flandre (VKS) rattachent leurs diplômes ; un seul filtre trouve ainsi des formations de même niveau des deux côtés de la frontière."],
    WhatIsEqf => ["Wat betekent EQF?", "What is the EQF?", "Qu'est-ce que le CEC ?"],
    AdmissionCaveat => ["Een gelijk EQF-niveau betekent niet dat een diploma dezelfde toelatingsrechten geeft aan de andere kant van de grens. Vraag de instelling of Nuffic (NL) / NARIC-Vlaanderen (BE) naar de erkenning.", "The same EQF level does not give a diploma the same admission rights across the border. Ask the institution, or Nuffic (NL) / NARIC-Vlaanderen (BE), about recognition.", "Un même niveau CEC ne donne pas au diplôme les mêmes droits d'accès de l'autre côté de la frontière. Renseignez-vous auprès de l'établissement ou de Nuffic (NL) / NARIC-Vlaanderen (BE)."],
    Country => ["Land", "Country", "Pays"],
    Province => ["Provincie", "Province", "Province"],
    LearningForm => ["Leervorm", "How you learn", "Forme d'apprentissage"],
    OccupationLabel => ["Zoek op beroep", "Search by occupation", "Chercher par métier"],
    OccupationPlaceholder => ["bv. verpleegkundige, lasser, elektromechanicien", "e.g. nurse, welder, electromechanic", "p. ex. infirmier, soudeur, électromécanicien"],
    OccupationNone => ["Geen beroep gevonden. Probeer een ander woord of een andere taal.", "No occupation found. Try another word or language.", "Aucun métier trouvé. Essayez un autre mot ou une autre langue."],
    OccupationClear => ["Beroep wissen", "Clear occupation", "Effacer le métier"],
    OccupationHint => ["Van het beroep naar de opleidingen die ertoe leiden, aan beide kanten van de grens.", "From the occupation to the courses that lead there, on both sides of the border.", "Du métier aux formations qui y mènent, des deux côtés de la frontière."],
    ShortageOnly => ["Alleen opleidingen naar een knelpuntberoep", "Only courses leading to a shortage occupation", "Seulement les formations vers un métier en pénurie"],
    ShortageBadge => ["Knelpuntberoep", "Shortage occupation", "Métier en pénurie"],
    ShortageWhat => ["Wat is een knelpuntberoep?", "What is a shortage occupation?", "Qu'est-ce qu'un métier en pénurie ?"],
    ShortageExplain => ["Een beroep waarvoor werkgevers moeilijk mensen vinden: in Vlaanderen staat het op de jaarlijkse lijst van knelpuntberoepen van VDAB, in Nederland noemt UWV de arbeidsmarkt ervoor krap. Bij elke vermelding staan het land, het jaar en de bron; kijk bij de bron voor de nieuwste lijst.", "An occupation for which employers struggle to find people: in Flanders it is on VDAB's yearly list of bottleneck occupations, in the Netherlands UWV calls its labour market tight. Every mention gives the country, the year and the source; check the source for the newest list.", "Un métier pour lequel les employeurs peinent à recruter : en Flandre il figure sur la liste annuelle des métiers en pénurie du VDAB, aux Pays-Bas l'UWV qualifie son marché du travail de tendu. Chaque mention indique le pays, l'année et la source ; consultez la source pour la liste la plus récente."],
    LeadsTo => ["Leidt naar", "Leads to", "Mène à"],
    DerivedLink => ["afgeleid uit de naam en het niveau van de opleiding", "derived from the course's name and level", "déduit du nom et du niveau de la formation"],
    StatedLink => ["volgens de gegevens van de opleiding", "as stated in the course's data", "selon les données de la formation"],
    PathTitle => ["Leerpad: van korte opleiding tot diploma", "Learning path: from short course to diploma", "Parcours : de la formation courte au diplôme"],
    PathEmpty => ["Geen opleiding in deze gegevens leidt naar dit beroep binnen de huidige filters. Wis een filter of kijk bij VDAB, Syntra of het mbo in de buurt.", "No course in this data leads to this occupation within the current filters. Clear a filter, or ask VDAB, Syntra or a nearby MBO college.", "Aucune formation de ces données ne mène à ce métier avec les filtres actuels. Effacez un filtre, ou renseignez-vous auprès du VDAB, de Syntra ou d'un établissement MBO proche."],
    NoShortageKnown => ["Geen knelpuntvermelding bekend in de meegeleverde lijsten.", "No shortage listing known in the shipped lists.", "Aucune mention de pénurie connue dans les listes fournies."],
    Source => ["Bron", "Source", "Source"],
    LinkExplain => ["Welke opleiding naar welk beroep leidt, staat in de gegevens van de opleiding of is afgeleid uit haar naam en niveau (zie „Leidt naar” bij elke opleiding).", "Which course leads to which occupation is stated in the course's data or derived from its name and level (see “Leads to” on each course).", "Le lien entre formation et métier figure dans les données de la formation ou est déduit de son nom et de son niveau (voir « Mène à » sous chaque formation)."],
    SearchAsOccupation => ["Zoek je het beroep", "Looking for the occupation", "Vous cherchez le métier"],
    ResetFilters => ["Wis alle filters", "Clear all filters", "Effacer les filtres"],
    OnlyInView => ["Alleen wat op de kaart in beeld is", "Only what is in view on the map", "Seulement ce qui est visible sur la carte"],
    InView => ["in beeld", "in view", "visibles"],
    At => ["bij", "at", "chez"],
    NoResults => ["Geen opleidingen gevonden met deze filters. Wis een filter of zoom uit.", "No courses match these filters. Clear a filter or zoom out.", "Aucune formation ne correspond à ces filtres. Retirez un filtre ou dézoomez."],
    ShowMore => ["Toon meer", "Show more", "Afficher plus"],
    Of => ["van", "of", "sur"],
    Website => ["Website", "Website", "Site web"],
    InstitutionWebsite => ["Website van de instelling", "Institution's website", "Site de l'établissement"],
    MoreInfo => ["Meer info", "More info", "Plus d'infos"],
    AndMore => ["en nog", "and", "et encore"],
    More => ["meer", "more", "de plus"],
    StartingPoint => ["Vertrekpunt", "Starting point", "Point de départ"],
    PlaceOrPostcode => ["Plaats of postcode", "Place or postcode", "Lieu ou code postal"],
    PlacePlaceholder => ["Plaats of postcode, bv. Goes of 9000", "Place or postcode, e.g. Goes or 9000", "Lieu ou code postal, p. ex. Goes ou 9000"],
    UnknownPlace => ["Die plaats of postcode kennen we niet. Kies een suggestie uit de lijst.", "We don't know that place or postcode. Pick a suggestion from the list.", "Lieu ou code postal inconnu. Choisissez une suggestion dans la liste."],
    UseMyLocation => ["Gebruik mijn locatie", "Use my location", "Utiliser ma position"],
    PickOnMap => ["Kies op de kaart", "Pick on the map", "Choisir sur la carte"],
    ClickMapNow => ["Klik nu op de kaart…", "Now click the map…", "Cliquez sur la carte…"],
    MyLocation => ["Mijn locatie", "My location", "Ma position"],
    PointOnMap => ["Gekozen punt op de kaart", "Point picked on the map", "Point choisi sur la carte"],
    From => ["Vanaf", "From", "Depuis"],
    Clear => ["wissen", "clear", "effacer"],
    Distance => ["Afstand", "Distance", "Distance"],
    NoLimit => ["Geen grens (sorteer op afstand)", "No limit (sort by distance)", "Pas de limite (tri par distance)"],
    Within => ["Binnen", "Within", "Dans un rayon de"],
    DistanceNote => ["Afstanden houden rekening met de Westerschelde (tunnel, veerpont of via Antwerpen); de straal is in vogelvlucht.", "Distances allow for the Westerschelde (tunnel, ferry or via Antwerp); the radius is as the crow flies.", "Les distances tiennent compte de l'Escaut occidental (tunnel, bac ou via Anvers) ; le rayon est à vol d'oiseau."],
    AcrossEstuary => ["over de Westerschelde", "across the Westerschelde", "par-delà l'Escaut occidental"],
    Estimate => ["geschat", "estimate", "estimation"],
    ByBike => ["Fietsroute", "Cycling route", "Itinéraire à vélo"],
    ByTransit => ["Met bus en trein", "By bus and train", "En bus et train"],
    StaleData => ["Let op: deze gegevens zijn samengesteld op", "Note: this data was compiled on", "Attention : ces données ont été compilées le"],
    StaleDataAdvice => ["en kunnen verouderd zijn. Controleer startdata en aanbod op de website van de instelling.", "and may be out of date. Check start dates and the offer on the institution's website.", "et peuvent être dépassées. Vérifiez les dates et l'offre sur le site de l'établissement."],
    ZoomIn => ["klik om in te zoomen", "click to zoom in", "cliquez pour zoomer"],
    TilesLoaded => ["Groot bestand in tegels: alleen het zichtbare gebied is geladen. Tegels:", "Large dataset in tiles: only the area in view is loaded. Tiles:", "Grand jeu de données en tuiles : seule la zone visible est chargée. Tuiles :"],
    TilesUnavailable => ["De achtergrondkaart is niet bereikbaar; de kaart toont alleen de grenzen. Zoeken en filteren werken gewoon.", "The background map cannot be reached; the map shows only the borders. Search and filters work as usual.", "Le fond de carte est inaccessible ; la carte n'affiche que les frontières. La recherche et les filtres fonctionnent."],
    MapLoading => ["De kaart wordt geladen…", "Loading the map…", "Chargement de la carte…"],
    MapUnavailable => ["De kaart kon niet worden geladen. De lijst werkt gewoon; probeer het later opnieuw.", "The map could not be loaded. The list works as usual; try again later.", "La carte n'a pas pu être chargée. La liste fonctionne ; réessayez plus tard."],
    List => ["Lijst", "List", "Liste"],
    Map => ["Kaart", "Map", "Carte"],
    ViewToggle => ["Weergave", "View", "Affichage"],
    SearchAndResults => ["Zoeken en resultaten", "Search and results", "Recherche et résultats"],
    Results => ["Resultaten", "Results", "Résultats"],
    LegendTech => ["Techniek / STEM", "Engineering / STEM", "Technique / STEM"],
    LegendCare => ["Zorg en welzijn", "Health and welfare", "Santé et bien-être"],
    LegendBoth => ["Beide", "Both", "Les deux"],
    LegendOther => ["Andere", "Other", "Autres"],
    LegendNumber => ["getal = opleidingen", "number = courses", "nombre = formations"],
    Glossary => ["Begrippen", "Glossary", "Glossaire"],
    GlossaryIntro => ["Woorden die aan beide kanten van de grens anders zijn.", "Words that differ across the border.", "Les mots qui diffèrent de part et d'autre de la frontière."],
    Star => ["Bewaar in mijn keuzelijst", "Save to my shortlist", "Ajouter à ma sélection"],
    Unstar => ["Haal uit mijn keuzelijst", "Remove from my shortlist", "Retirer de ma sélection"],
    Shortlist => ["Keuzelijst", "Shortlist", "Sélection"],
    ShortlistEmpty => ["Nog niets bewaard. Klik op ☆ bij een opleiding om ze te bewaren en te vergelijken.", "Nothing saved yet. Click ☆ next to a course to save and compare it.", "Rien d'enregistré. Cliquez sur ☆ à côté d'une formation pour la garder et la comparer."],
    Compare => ["Vergelijk", "Compare", "Comparer"],
    CloseCompare => ["Sluit vergelijking", "Close comparison", "Fermer la comparaison"],
    Print => ["Afdrukken", "Print", "Imprimer"],
    ExportResults => ["Resultaten als CSV", "Results as CSV", "Résultats en CSV"],
    ExportShortlist => ["Keuzelijst als CSV", "Shortlist as CSV", "Sélection en CSV"],
    DecisionSheet => ["Keuzeblad", "Decision sheet", "Fiche de choix"],
    Provider => ["Instelling", "Provider", "Établissement"],
    Place => ["Plaats", "Place", "Lieu"],
    Course => ["Opleiding", "Course", "Formation"],
    Level => ["Niveau", "Level", "Niveau"],
    Duration => ["Duur", "Duration", "Durée"],
    Link => ["Link", "Link", "Lien"],
    Language => ["Taal", "Language", "Langue"],
    About => ["Over de gegevens", "About the data", "À propos des données"],
    AboutIntro => ["Echte instellingen en opleidingen, elk met de bron waar de gegevens vandaan komen. Ligt een instelling op gemeenteniveau, dan staat haar marker in het centrum van de gemeente, niet op het adres; dat staat ook bij elk resultaat.", "Real institutions and courses, each with the source of its data. Where a provider is located at town level, its marker is at the town centre, not its address; every result says so.", "Des établissements et formations réels, chacun avec sa source. Quand un établissement est localisé à l'échelle de la commune, son marqueur est au centre de la commune et non à son adresse ; chaque résultat l'indique."],
    Loaded => ["Geladen", "Loaded", "Chargé"],
    Compiled => ["samengesteld op", "compiled on", "compilé le"],
    SourcesLicences => ["Bronnen en licenties", "Sources and licences", "Sources et licences"],
    SourceInstitutions => ["Instellingen en opleidingen: de websites van de instellingen zelf (per resultaat vermeld).", "Institutions and courses: the institutions' own websites (named with each result).", "Établissements et formations : les sites des établissements eux-mêmes (cités pour chaque résultat)."],
    SourceMap => ["Kaart: © OpenStreetMap-bijdragers (ODbL).", "Map: © OpenStreetMap contributors (ODbL).", "Carte : © contributeurs OpenStreetMap (ODbL)."],
    SourcePlaces => ["Plaatsnamen: GeoNames (CC BY 4.0); Belgische postcodes: Statbel (CC BY 4.0).", "Place names: GeoNames (CC BY 4.0); Belgian postcodes: Statbel (CC BY 4.0).", "Noms de lieux : GeoNames (CC BY 4.0) ; codes postaux belges : Statbel (CC BY 4.0)."],
    SourceBorders => ["Grenzen: Natural Earth (publiek domein); provincies: NGI / Statbel (CC BY 4.0).", "Borders: Natural Earth (public domain); provinces: NGI / Statbel (CC BY 4.0).", "Frontières : Natural Earth (domaine public) ; provinces : IGN / Statbel (CC BY 4.0)."],
    SourceLevels => ["Niveaus: EQF-verwijzing van het NLQF (NCP NLQF) en de VKS (AHOVOKS).", "Levels: the EQF referencing of the NLQF (NCP NLQF) and the VKS (AHOVOKS).", "Niveaux : référencement au CEC du NLQF (NCP NLQF) et de la VKS (AHOVOKS)."],
    SourceOccupations => ["Beroepen: eigen lijst van het project met ISCO-08-groep en namen in drie talen; een opleiding leidt naar een beroep volgens haar gegevens of, anders, volgens naam en niveau. Knelpuntvermeldingen: VDAB-knelpuntberoepenlijst (Vlaanderen) en UWV (Nederland), elk met jaar en de publicatie waarin ze gelezen zijn.", "Occupations: the project's own list with ISCO-08 group and names in three languages; a course leads to an occupation as its data states or, otherwise, by its name and level. Shortage mentions: VDAB's list of bottleneck occupations (Flanders) and UWV (the Netherlands), each with its year and the publication it was read in.", "Métiers : liste propre au projet, avec groupe CITP-08 et noms en trois langues ; une formation mène à un métier selon ses données ou, à défaut, selon son nom et son niveau. Mentions de pénurie : liste des métiers en pénurie du VDAB (Flandre) et UWV (Pays-Bas), chacune avec son année et la publication où elle a été lue."],
    SourceLeaflet => ["Kaartbibliotheek: Leaflet (BSD-2-Clause).", "Map library: Leaflet (BSD-2-Clause).", "Bibliothèque cartographique : Leaflet (BSD-2-Clause)."],
    ReportError => ["Een fout melden", "Report a mistake", "Signaler une erreur"],
    ReportErrorText => ["Klopt er iets niet of ontbreekt een opleiding? Meld het aan de organisatie die deze kaart publiceert, met de naam van de instelling, de opleiding en de juiste gegevens (met een bron, bijvoorbeeld de pagina op de website van de school).", "Is something wrong or missing? Tell the organisation publishing this map: the institution, the course and the correct facts, with a source such as the school's web page.", "Une erreur ou un oubli ? Signalez-le à l'organisation qui publie cette carte : l'établissement, la formation et les bonnes informations, avec une source (p. ex. la page du site de l'école)."],
    OtherDataset => ["Een andere dataset bekijken", "View another dataset", "Afficher un autre jeu de données"],
    OtherDatasetHint => ["Een GeoJSON-bestand in het formaat van de Leerkaart (zie data/SCHEMA.md), bijvoorbeeld het volledige aanbod uit de importeurs. Het bestand blijft op dit toestel.", "A GeoJSON file in Leerkaart's format (see data/SCHEMA.md), such as the full offer built by the importers. The file stays on this device.", "Un fichier GeoJSON au format de la Leerkaart (voir data/SCHEMA.md), p. ex. l'offre complète produite par les importateurs. Le fichier reste sur cet appareil."],
    ChooseFile => ["Kies een bestand", "Choose a file", "Choisir un fichier"],
    File => ["bestand", "file", "fichier"],
    StageTitle => ["Onderwijsfase", "Stage of education", "Étape de formation"],
    StageExplain => ["Secundair: de 2e graad leidt nog niet tot een kwalificatie (geen EQF-niveau), de 3e graad en het 7e jaar wel. Vmbo: basis NLQF 1, kader en gemengd/theoretisch NLQF 2; havo en vwo NLQF 4.", "Secondary: the Flemish 2nd grade leads to no qualification yet (no EQF level), the 3rd grade and the 7th year do. VMBO: basic track NLQF 1, the other tracks NLQF 2; HAVO and VWO NLQF 4.", "Secondaire : le 2e degré flamand ne mène pas encore à une certification (pas de niveau CEC), le 3e degré et la 7e année oui. VMBO : filière de base NLQF 1, les autres NLQF 2 ; HAVO et VWO NLQF 4."],
    OfferNotListed => ["Aanbod staat hier niet", "Offer not listed here", "Offre non reprise ici"],
    OfferNotListedLong => ["Deze locatie bestaat, maar haar opleidingen staan niet in deze gegevens: kijk op de website van de instelling.", "This location exists, but its courses are not in this data: see the institution's website.", "Ce site existe, mais ses formations ne figurent pas dans ces données : consultez le site de l'établissement."],
    UnlistedTitle => ["Locaties waarvan het aanbod hier niet staat", "Locations whose offer is not listed here", "Sites dont l'offre n'est pas reprise ici"],
    UnlistedHint => ["Geen filter op opleiding kan zeggen of zij passen: ze staan apart, nooit weggelaten.", "No course filter can tell whether they match: they are listed apart, never left out.", "Aucun filtre sur les formations ne peut dire s'ils correspondent : ils sont listés à part, jamais omis."],
    NotCoveredYet => ["Deze gegevens dekken dit nog niet:", "This data does not cover this yet:", "Ces données ne couvrent pas encore ceci :"],
    NotCoveredAdvice => ["Geen resultaat betekent hier dus niet dat er geen opleiding is. Kijk bij de instellingen zelf, of wis een filter.", "So no result here does not mean there is no such course. Ask the institutions, or clear a filter.", "Aucun résultat ne signifie donc pas qu'il n'existe pas de formation. Renseignez-vous auprès des établissements, ou retirez un filtre."],
    DataRefusedMalformed => ["Het adres na ‘data=’ is geen pad op deze site en wordt genegeerd: de gewone gegevens worden getoond.", "The address after ‘data=’ is not a path on this site and is ignored: the usual data is shown.", "L'adresse après « data= » n'est pas un chemin de ce site et est ignorée : les données habituelles sont affichées."],
    DataRefusedOtherSite => ["Gegevens van een andere site worden niet geladen: deze pagina leest om veiligheidsredenen alleen gegevens van haar eigen site. De gewone gegevens worden getoond; partners gebruiken ‘Aanbod toevoegen’", "Data from another site is not loaded: for safety this page reads data from its own site only. The usual data is shown; partners use ‘Add your offer’", "Les données d'un autre site ne sont pas chargées : par sécurité, cette page ne lit que les données de son propre site. Les données habituelles sont affichées ; les partenaires utilisent « Ajouter votre offre »"],
    FiltersDone => ["Klaar", "Done", "Terminé"],
    RemoveFilter => ["Filter weghalen:", "Remove filter:", "Retirer le filtre :"],
    ActiveFilters => ["Gekozen filters", "Chosen filters", "Filtres choisis"],
    PreviewBadge => ["Voorbeeld: nog niet gepubliceerd", "Preview: not yet published", "Aperçu : pas encore publié"],
    PartnerOpen => ["Aanbod toevoegen", "Add your offer", "Ajouter votre offre"],
    PartnerTitle => ["Je aanbod op de kaart", "Your offer on the map", "Votre offre sur la carte"],
    PartnerIntro => ["Zet de opleidingen van je instelling op de kaart, zonder ontwikkelaar: 1. download het sjabloon, 2. vul per opleiding en locatie een rij in, 3. kies het ingevulde bestand hieronder. Het wordt hier in je browser gecontroleerd; er wordt niets verstuurd. Je krijgt een gecontroleerd bestand om naar de beheerder van de kaart te sturen.", "Put your institution's courses on the map, without a developer: 1. download the template, 2. fill in a row per course and location, 3. choose the filled-in file below. It is checked here in your browser; nothing is sent. You get a checked file to send to the map's maintainer.", "Mettez les formations de votre établissement sur la carte, sans développeur : 1. téléchargez le modèle, 2. remplissez une ligne par formation et par site, 3. choisissez le fichier rempli ci-dessous. Il est vérifié ici, dans votre navigateur ; rien n'est envoyé. Vous obtenez un fichier vérifié à envoyer au gestionnaire de la carte."],
    PartnerTemplate => ["Sjabloon downloaden (CSV)", "Download the template (CSV)", "Télécharger le modèle (CSV)"],
    PartnerColumns => ["Wat in elke kolom hoort", "What goes in each column", "Que mettre dans chaque colonne"],
    PartnerRequired => ["verplicht", "required", "obligatoire"],
    PartnerChoose => ["Ingevuld bestand kiezen (CSV, GeoJSON of OOAPI)", "Choose the filled-in file (CSV, GeoJSON or OOAPI)", "Choisir le fichier rempli (CSV, GeoJSON ou OOAPI)"],
    PartnerSummary => ["rijen gelezen; opleidingen bruikbaar:", "rows read; courses usable:", "lignes lues ; formations utilisables :"],
    PartnerLine => ["rij", "row", "ligne"],
    PartnerNotUsed => ["niet gebruikt", "not used", "non utilisée"],
    PartnerNote => ["opmerking", "note", "remarque"],
    PartnerPreview => ["Toon op de kaart (voorbeeld)", "Show on the map (preview)", "Afficher sur la carte (aperçu)"],
    PartnerPreviewOff => ["Voorbeeld van de kaart halen", "Remove the preview from the map", "Retirer l'aperçu de la carte"],
    PartnerDownload => ["Gecontroleerd bestand downloaden (GeoJSON)", "Download the checked file (GeoJSON)", "Télécharger le fichier vérifié (GeoJSON)"],
    PartnerSend => ["Stuur dit bestand naar de beheerder van de kaart, met de bron en de licentie van de gegevens.", "Send this file to the map's maintainer, with the data's source and licence.", "Envoyez ce fichier au gestionnaire de la carte, avec la source et la licence des données."],
    PartnerNoRows => ["Geen enkele rij is bruikbaar: zie de opmerkingen.", "No row can be used: see the notes.", "Aucune ligne n'est utilisable : voir les remarques."],
    PartnerClose => ["Sluiten", "Close", "Fermer"],
    KnownFields => ["Bekend voor", "Known for", "Connu pour"],
    KnownFieldsNote => ["volgens een bron; geen lijst van opleidingen", "according to a source; not a list of courses", "selon une source ; pas une liste de formations"],
    AdviceTitle => ["Waar krijg je advies", "Where to get advice", "Où obtenir des conseils"],
    AdviceHint => ["Gratis advies over leren en werk. Dit zijn geen opleidingen: ze tellen niet mee in de resultaten.", "Free advice on learning and work. These are not courses: they are not counted in the results.", "Des conseils gratuits sur la formation et l'emploi. Ce ne sont pas des formations : ils ne sont pas comptés dans les résultats."],
    AdviceRegional => ["voor de hele provincie, zonder vast adres", "for the whole province, no office address", "pour toute la province, sans adresse de bureau"],
    AdviceNone => ["Geen adviespunt in deze gegevens binnen dit gebied.", "No place for advice in this data within this area.", "Aucun point de conseil dans ces données dans cette zone."],
    DatedAsOf => ["stand van", "as of", "état au"],
    DateNotShown => ["datum niet vermeld", "date not shown", "date non indiquée"],
    GapAdvice => ["Wat je kunt doen: vraag raad bij een adviespunt, kijk op de website van de instelling, of laat als aanbieder je aanbod toevoegen (zie ‘Over de gegevens’).", "What you can do: ask at a place for advice, check the institution's website, or, as a provider, have your offer added (see ‘About the data’).", "Que faire : demandez conseil à un point d'information, consultez le site de l'établissement ou, en tant qu'organisme, faites ajouter votre offre (voir « À propos des données »)."],
    Coverage => ["Wat deze gegevens dekken", "What this data covers", "Ce que couvrent ces données"],
    CoverageIntro => ["Per provincie en onderwijsfase: locaties en opleidingen in de gegevens. Een lege cel betekent dat de gegevens het nog niet dekken, niet dat er niets is.", "Per province and stage: locations and courses in the data. An empty cell means the data does not cover it yet, not that nothing exists.", "Par province et étape : sites et formations dans les données. Une case vide signifie que les données ne la couvrent pas encore, pas qu'il n'existe rien."],
    Locations => ["locaties", "locations", "sites"],
    CoursesWord => ["opleidingen", "courses", "formations"],
    SourcesWord => ["bronnen", "sources", "sources"],
    NewestDate => ["stand", "as of", "état au"],
    DataSources => ["Gegevensbronnen van de opleidingen", "Data sources of the courses", "Sources des données des formations"],
    LicenceNotStated => ["licentie niet vermeld door de uitgever", "licence not stated by the publisher", "licence non précisée par l'éditeur"],
    Licence => ["licentie", "licence", "licence"],
    NoQualification => ["geen kwalificatie", "no qualification", "sans certification"],
    WhyNoEqf => ["Waarom heeft niet elke opleiding een EQF-niveau?", "Why does not every course have an EQF level?", "Pourquoi chaque formation n'a-t-elle pas un niveau CEC ?"],
    StraightLine => ["in vogelvlucht", "as the crow flies", "à vol d'oiseau"],
    ZoomInButton => ["Inzoomen", "Zoom in", "Zoom avant"],
    ZoomOutButton => ["Uitzoomen", "Zoom out", "Zoom arrière"],
    FacetKeys => ["Pijltjestoetsen: naar een andere keuze in de groep. Spatie: aan of uit. Tab: naar de volgende groep.", "Arrow keys: another option in the group. Space: on or off. Tab: the next group.", "Flèches : une autre option du groupe. Espace : cocher ou décocher. Tab : le groupe suivant."],
    SkipToResults => ["Ga naar de resultaten", "Skip to the results", "Aller aux résultats"],
    MoreCourses => ["Toon alle opleidingen hier", "Show all courses here", "Afficher toutes les formations ici"],
    FewerCourses => ["Toon minder", "Show fewer", "Afficher moins"],
    NoEqf => ["geen EQF-niveau", "no EQF level", "pas de niveau CEC"],
    NoEqfTitle => ["Leidt nog niet tot een kwalificatie (zoals de 2e graad: een stap naar de 3e graad), dus geen EQF-niveau.", "Leads to no qualification yet (like the 2nd grade: a step towards the 3rd), so no EQF level.", "Ne mène pas encore à une certification (comme le 2e degré : une étape vers le 3e), donc pas de niveau CEC."],
    Share => ["Delen", "Share", "Partager"],
    ShareTitle => ["Deel deze kaart", "Share this map", "Partager cette carte"],
    ShareIntro => ["De link en de QR-code tonen precies deze selectie: filters, startpunt en kaartbeeld.", "The link and the QR code show exactly this selection: filters, starting point and map view.", "Le lien et le code QR montrent exactement cette sélection : filtres, point de départ et vue de la carte."],
    QrAlt => ["QR-code met de link naar deze selectie", "QR code with the link to this selection", "Code QR avec le lien vers cette sélection"],
    LinkLabel => ["Link naar deze selectie", "Link to this selection", "Lien vers cette sélection"],
    CopyLink => ["Kopieer de link", "Copy the link", "Copier le lien"],
    Copied => ["Gekopieerd", "Copied", "Copié"],
    PrintPoster => ["Druk af als affiche (A4/A3)", "Print as a poster (A4/A3)", "Imprimer en affiche (A4/A3)"],
    PosterFooter => ["Scan de code of open de link: alle opleidingen op de kaart, met hun bron.", "Scan the code or open the link: every course on the map, with its source.", "Scannez le code ou ouvrez le lien : toutes les formations sur la carte, avec leur source."],
    EmbedTitle => ["Op uw eigen website", "On your own website", "Sur votre propre site"],
    EmbedIntro => ["Plak deze code in een pagina: de kaart en de lijst met deze selectie, zonder de rest van de pagina.", "Paste this code into a page: the map and the list with this selection, without the rest of the page.", "Collez ce code dans une page : la carte et la liste avec cette sélection, sans le reste de la page."],
    EmbedKeepFilters => ["Met de filters erbij", "With the filters", "Avec les filtres"],
    EmbedCode => ["Code om in te voegen", "Code to embed", "Code à intégrer"],
    CopyCode => ["Kopieer de code", "Copy the code", "Copier le code"],
    EmbedCsp => ["Heeft uw site een Content-Security-Policy, sta dan dit adres toe in frame-src.", "If your site has a Content-Security-Policy, allow this address in frame-src.", "Si votre site a une Content-Security-Policy, autorisez cette adresse dans frame-src."],
    CloseShare => ["Sluit delen", "Close sharing", "Fermer le partage"],
    SheetQr => ["Scan: deze keuzelijst op de kaart", "Scan: this shortlist on the map", "Scannez : cette sélection de formations sur la carte"],
    ShortlistLinkLabel => ["Link naar deze keuzelijst", "Link to this shortlist", "Lien vers cette sélection de formations"],
    ShortlistLinkHint => ["Wie de link opent of de code scant, krijgt deze opleidingen in de eigen keuzelijst.", "Whoever opens the link or scans the code gets these courses in their own shortlist.", "Qui ouvre le lien ou scanne le code retrouve ces formations dans sa propre sélection."],
    ShortlistLinkCapped => ["Een link draagt hoogstens zoveel opleidingen:", "A link carries at most this many courses:", "Nombre maximal de formations par lien :"],
    ClosePopup => ["Sluit dit venster", "Close popup", "Fermer la fenêtre"],
    OpenFullMap => ["Open de volledige kaart", "Open the full map", "Ouvrir la carte complète"],
    NewWindow => ["(opent in een nieuw venster)", "(opens in a new window)", "(s'ouvre dans une nouvelle fenêtre)"],
    EmbedFrameTitle => ["Leerkaart Scheldemond: opleidingen op de kaart", "Leerkaart Scheldemond: courses on the map", "Leerkaart Scheldemond : formations sur la carte"],
    Downloads => ["De gegevens downloaden (open data)", "Download the data (open data)", "Télécharger les données (données ouvertes)"],
    DownloadsIntro => ["Het hele samengevoegde bestand, elke locatie en opleiding met haar bron en licentie, om te hergebruiken volgens die licenties.", "The whole merged dataset, every location and course with its source and licence, to reuse under those licences.", "L'ensemble des données fusionnées, chaque site et formation avec sa source et sa licence, à réutiliser selon ces licences."],
    DownloadsShipped => ["Dit zijn de gegevens van de kaart zelf, niet het bestand dat u nu bekijkt.", "These are the map's own data, not the file you are viewing now.", "Ce sont les données de la carte elle-même, pas le fichier affiché maintenant."],
    DownloadGeoJson => ["GeoJSON (het formaat van de kaart)", "GeoJSON (the map's own format)", "GeoJSON (le format de la carte)"],
    DownloadCsv => ["CSV voor een rekenblad (één rij per opleiding)", "CSV for a spreadsheet (one row per course)", "CSV pour un tableur (une ligne par formation)"],
    DownloadOoapi => ["OOAPI v5 voor onderwijssystemen (organizations, programs, offerings)", "OOAPI v5 for education systems (organizations, programs, offerings)", "OOAPI v5 pour les systèmes d'enseignement (organizations, programs, offerings)"],
    OfflineCopy => ["De kaart toont een bewaarde kopie van de gegevens (geen verbinding, of uit de cache van de browser), van", "The map shows a kept copy of the data (no connection, or from the browser's cache), from", "La carte affiche une copie conservée des données (pas de connexion, ou du cache du navigateur), du"],
}

/// "1 opleiding" / "12 opleidingen".
pub fn courses(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Nl, 1) => "1 opleiding".into(),
        (Lang::Nl, n) => format!("{n} opleidingen"),
        (Lang::En, 1) => "1 course".into(),
        (Lang::En, n) => format!("{n} courses"),
        (Lang::Fr, n) if n <= 1 => format!("{n} formation"),
        (Lang::Fr, n) => format!("{n} formations"),
    }
}

/// "1 locatie" / "12 locaties".
pub fn providers(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Nl, 1) => "1 locatie".into(),
        (Lang::Nl, n) => format!("{n} locaties"),
        (Lang::En, 1) => "1 location".into(),
        (Lang::En, n) => format!("{n} locations"),
        (Lang::Fr, n) if n <= 1 => format!("{n} site"),
        (Lang::Fr, n) => format!("{n} sites"),
    }
}

/// "3 instellingen overgeslagen, 2 meldingen over opleidingen of links".
pub fn rejected(lang: Lang, features: usize, other: usize) -> String {
    match lang {
        Lang::Nl => format!(
            "{} overgeslagen, {other} {} over opleidingen of links.",
            if features == 1 { "1 instelling".to_string() } else { format!("{features} instellingen") },
            if other == 1 { "melding" } else { "meldingen" }
        ),
        Lang::En => format!("{features} provider(s) skipped, {other} note(s) on courses or links."),
        Lang::Fr => format!("{features} établissement(s) ignoré(s), {other} remarque(s) sur des formations ou des liens."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_exists_in_every_language() {
        for m in Msg::ALL {
            for l in Lang::ALL {
                assert!(!m.text(l).trim().is_empty(), "{m:?} in {l:?}");
            }
            // A text identical in all three is fine for names, suspicious otherwise.
            if !matches!(
                m,
                Msg::Title
                    | Msg::Filters
                    | Msg::Website
                    | Msg::Distance
                    | Msg::Province
                    | Msg::Level
                    | Msg::Link
            ) {
                assert!(
                    m.text(Lang::Nl) != m.text(Lang::Fr) || m.text(Lang::En) != m.text(Lang::Fr),
                    "{m:?} looks untranslated"
                );
            }
        }
        assert_eq!(Lang::from_code("fr"), Some(Lang::Fr));
        assert_eq!(Lang::from_code("de"), None);
        assert_eq!(courses(Lang::En, 1), "1 course");
        assert_eq!(Lang::Nl.decimal(3.07, 1), "3,1");
        assert_eq!(Lang::En.decimal(3.07, 1), "3.1");
    }
}
