//! Reading the page's URL parameters. Every parameter is optional and a bad value falls back
//! to the default; nothing here can fail.

/// The dataset to load: a same-site path or an http(s) URL from `?data=`, else `None` (the
/// default dataset). Anything else (`javascript:`, `data:`, protocol-relative) is ignored.
pub fn data_param(query: &str) -> Option<String> {
    let value = param(query, "data")?;
    let v = value.trim();
    if v.is_empty() {
        return None;
    }
    if v.starts_with("//") || v.contains('\\') {
        return None;
    }
    let lower = v.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return crate::core::model::safe_http_url(v);
    }
    // A relative path must not carry a scheme of its own.
    let before_slash = v.split('/').next().unwrap_or("");
    if before_slash.contains(':') || v.chars().any(|c| c.is_control()) {
        return None;
    }
    Some(v.to_string())
}

/// Why a `data=` parameter is not loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataRefusal {
    /// Not a path on this site nor an http(s) address (`javascript:`, `//host`, …).
    Malformed,
    /// An address on another site (its host): the page's security policy lets it read data
    /// from its own site only.
    OtherSite(String),
}

/// Why the `data=` parameter of `query` will not be loaded by a page at `page_origin`
/// (`https://kaart.example.org`), or `None` when it will be (or there is none).
pub fn data_refusal(query: &str, page_origin: &str) -> Option<DataRefusal> {
    let raw = param(query, "data")?;
    if raw.trim().is_empty() {
        return None;
    }
    let Some(v) = data_param(query) else {
        return Some(DataRefusal::Malformed);
    };
    let lower = v.to_ascii_lowercase();
    if !(lower.starts_with("http://") || lower.starts_with("https://")) {
        return None;
    }
    let rest_at = v.find("://").map_or(0, |i| i + 3);
    let host_end = v[rest_at..]
        .find(['/', '?', '#'])
        .map_or(v.len(), |i| rest_at + i);
    let origin = &v[..host_end];
    if origin.eq_ignore_ascii_case(page_origin.trim_end_matches('/')) {
        None
    } else {
        Some(DataRefusal::OtherSite(v[rest_at..host_end].to_string()))
    }
}

/// The decoded value of the first parameter named `name` in a query string (with or without
/// the leading `?`).
pub fn param(query: &str, name: &str) -> Option<String> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(k)? == name).then(|| percent_decode(v))?
        })
        .next()
}

/// Decodes `%XX` escapes and `+` as space; `None` if the result is not UTF-8.
pub fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_from_another_site_is_refused_with_its_cause() {
        let page = "https://kaart.example.org";
        assert_eq!(data_refusal("?data=data/x.geojson", page), None);
        assert_eq!(data_refusal("?sector=ict", page), None);
        assert_eq!(
            data_refusal("?data=https://kaart.example.org/data/x.geojson", page),
            None
        );
        assert_eq!(
            data_refusal(
                "?data=https%3A%2F%2Fpartner.example.be%2Foffer.geojson",
                page
            ),
            Some(DataRefusal::OtherSite("partner.example.be".into()))
        );
        assert_eq!(
            data_refusal("?data=javascript:alert(1)", page),
            Some(DataRefusal::Malformed)
        );
        assert_eq!(
            data_refusal("?data=//evil.example/x", page),
            Some(DataRefusal::Malformed)
        );
    }

    #[test]
    fn data_parameter() {
        assert_eq!(
            data_param("?data=data/full.geojson"),
            Some("data/full.geojson".into())
        );
        assert_eq!(
            data_param("?x=1&data=https%3A%2F%2Fexample.org%2Fa.geojson"),
            Some("https://example.org/a.geojson".into())
        );
        assert_eq!(data_param("?data=javascript:alert(1)"), None);
        assert_eq!(data_param("?data=data:application/json,{}"), None);
        assert_eq!(data_param("?data=//evil.example/x"), None);
        assert_eq!(data_param("?data="), None);
        assert_eq!(data_param(""), None);
        assert_eq!(data_param("?data=%ZZ"), Some("%ZZ".into()));
        assert_eq!(data_param("?data=%FF"), None);
    }

    #[test]
    fn decoding() {
        assert_eq!(percent_decode("a+b%20c"), Some("a b c".into()));
        assert_eq!(percent_decode("100%"), Some("100%".into()));
        assert_eq!(percent_decode("%e2%82%ac"), Some("€".into()));
    }
}

/// Everything a shared link reproduces: filters, starting point, radius, map view, the
/// selected provider, the "in view" toggle and the language.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UrlState {
    /// Free text.
    pub text: String,
    /// Sectors.
    pub sectors: Vec<crate::core::Sector>,
    /// EQF levels.
    pub levels: Vec<crate::core::Eqf>,
    /// Stages of education (`stage=upper_secondary,vocational`).
    pub stages: Vec<crate::core::Stage>,
    /// Countries.
    pub countries: Vec<crate::core::Country>,
    /// Provinces.
    pub provinces: Vec<crate::core::Province>,
    /// Learning forms.
    pub learning_forms: Vec<crate::core::LearningForm>,
    /// Starting point and its label.
    pub origin: Option<(crate::core::LonLat, String)>,
    /// Radius in km.
    pub radius_km: Option<u32>,
    /// Map view: centre and zoom.
    pub view: Option<(crate::core::LonLat, f64)>,
    /// Selected provider (its data id).
    pub selected: Option<String>,
    /// "Only what is in view".
    pub in_view: bool,
    /// Interface language code (`nl`, `en`, `fr`); `None` is the default (Dutch).
    pub lang: Option<String>,
    /// The occupation searched for (its key in `data/occupations.tsv`).
    pub occupation: Option<String>,
    /// "Only courses leading to a shortage occupation".
    pub shortage_only: bool,
    /// Embedded on a partner's site (`embed=1`): the map and the list only.
    pub embed: bool,
    /// In an embed, keep the filters too (`keep=filters`).
    pub embed_filters: bool,
    /// A shared shortlist (`keuze=`): course keys, at most [`MAX_SHARED_SHORTLIST`]. Only a
    /// link made to share the shortlist carries it; the page adds it to the visitor's own.
    pub shortlist: Vec<String>,
}

/// Most courses a shared shortlist link carries: enough for a decision sheet side by side,
/// short enough for a QR code a phone reads off paper (course keys are ~60 characters: ten
/// make a code of about 90 modules, 0.4 mm each on the printed sheet).
pub const MAX_SHARED_SHORTLIST: usize = 10;
/// Longest course key taken from a link (as the stored shortlist).
const MAX_KEY_LEN: usize = 200;

/// Decimal places kept for coordinates in URLs (~1 m).
const COORD_DECIMALS: usize = 5;
/// Zoom levels the map allows.
const ZOOM_RANGE: std::ops::RangeInclusive<f64> = 3.0..=19.0;
/// Largest radius accepted from a URL, km.
const MAX_RADIUS_KM: u32 = 500;
/// Languages the interface has.
pub const LANGS: [&str; 3] = ["nl", "en", "fr"];

fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn codes<T: Copy>(values: &[T], code: fn(T) -> String) -> String {
    values
        .iter()
        .map(|v| code(*v))
        .collect::<Vec<_>>()
        .join(",")
}

/// Parses a comma list, keeping the known values, dropping the rest and duplicates.
fn parse_list<T: PartialEq>(raw: Option<String>, parse: impl Fn(&str) -> Option<T>) -> Vec<T> {
    let mut out = Vec::new();
    for v in raw
        .unwrap_or_default()
        .split(',')
        .filter_map(|v| parse(v.trim()))
    {
        if !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

/// The course keys of `keuze=`, split before they are unescaped (a key may hold a `,`):
/// empty, overlong, undecodable and repeated keys left out, at most [`MAX_SHARED_SHORTLIST`].
fn shared_shortlist(query: &str) -> Vec<String> {
    let raw = query
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("keuze="))
        .unwrap_or_default();
    let mut keys: Vec<String> = Vec::new();
    for key in raw.split(',').filter_map(percent_decode) {
        if !key.is_empty() && key.len() <= MAX_KEY_LEN && !keys.contains(&key) {
            keys.push(key);
        }
        if keys.len() == MAX_SHARED_SHORTLIST {
            break;
        }
    }
    keys
}

fn parse_lon_lat(raw: &str) -> Option<crate::core::LonLat> {
    let (lat, lon) = raw.split_once(',')?;
    let p = crate::core::LonLat::new(lon.trim().parse().ok()?, lat.trim().parse().ok()?);
    p.is_valid().then_some(p)
}

impl UrlState {
    /// The query string (without `?`); empty for the default state.
    pub fn to_query(&self) -> String {
        let mut parts: Vec<(&str, String)> = Vec::new();
        if !self.text.is_empty() {
            parts.push(("q", encode(&self.text)));
        }
        let lists = [
            ("sector", codes(&self.sectors, |s| s.code().to_string())),
            ("eqf", codes(&self.levels, |e| e.get().to_string())),
            ("stage", codes(&self.stages, |s| s.code().to_string())),
            ("country", codes(&self.countries, |c| c.code().to_string())),
            ("province", codes(&self.provinces, |p| p.code().to_string())),
            (
                "form",
                codes(&self.learning_forms, |f| f.code().to_string()),
            ),
        ];
        for (k, v) in lists {
            if !v.is_empty() {
                parts.push((k, v));
            }
        }
        if let Some((p, label)) = &self.origin {
            parts.push((
                "from",
                format!("{:.*},{:.*}", COORD_DECIMALS, p.lat, COORD_DECIMALS, p.lon),
            ));
            if !label.is_empty() {
                parts.push(("fromname", encode(label)));
            }
        }
        if let Some(r) = self.radius_km {
            parts.push(("km", r.to_string()));
        }
        if let Some((c, z)) = &self.view {
            parts.push((
                "map",
                format!(
                    "{:.*},{:.*},{}",
                    COORD_DECIMALS, c.lat, COORD_DECIMALS, c.lon, z
                ),
            ));
        }
        if let Some(s) = &self.selected {
            parts.push(("sel", encode(s)));
        }
        if self.in_view {
            parts.push(("inview", "1".into()));
        }
        if let Some(o) = &self.occupation {
            parts.push(("beroep", encode(o)));
        }
        if self.shortage_only {
            parts.push(("knelpunt", "1".into()));
        }
        if let Some(l) = &self.lang {
            parts.push(("lang", l.clone()));
        }
        if !self.shortlist.is_empty() {
            // Each key escaped on its own (a `,` in a key becomes `%2C`), joined by `,`.
            let keys: Vec<String> = self
                .shortlist
                .iter()
                .take(MAX_SHARED_SHORTLIST)
                .map(|k| encode(k))
                .collect();
            parts.push(("keuze", keys.join(",")));
        }
        if self.embed {
            parts.push(("embed", "1".into()));
            if self.embed_filters {
                parts.push(("keep", "filters".into()));
            }
        }
        parts
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// Reads a query string. Unknown parameters and bad values are ignored, one by one:
    /// the rest of the state is kept.
    pub fn from_query(query: &str) -> Self {
        use crate::core::*;
        let get = |k: &str| param(query, k);
        let origin = get("from")
            .and_then(|v| parse_lon_lat(&v))
            .map(|p| (p, get("fromname").unwrap_or_default()));
        let view = get("map").and_then(|v| {
            let mut it = v.splitn(3, ',');
            let (lat, lon, z) = (it.next()?, it.next()?, it.next()?);
            let p = parse_lon_lat(&format!("{lat},{lon}"))?;
            let z: f64 = z.trim().parse().ok()?;
            ZOOM_RANGE.contains(&z).then_some((p, z))
        });
        Self {
            text: get("q").unwrap_or_default(),
            sectors: parse_list(get("sector"), Sector::from_code),
            levels: parse_list(get("eqf"), |v| v.parse().ok().and_then(Eqf::new)),
            stages: parse_list(get("stage"), crate::core::Stage::from_code),
            countries: parse_list(get("country"), Country::from_code),
            provinces: parse_list(get("province"), Province::from_code),
            learning_forms: parse_list(get("form"), LearningForm::from_code),
            origin,
            radius_km: get("km")
                .and_then(|v| v.parse().ok())
                .filter(|r| (1..=MAX_RADIUS_KM).contains(r)),
            view,
            selected: get("sel").filter(|s| !s.is_empty() && s.len() <= 200),
            in_view: get("inview").as_deref() == Some("1"),
            lang: get("lang").filter(|l| LANGS.contains(&l.as_str())),
            occupation: get("beroep").filter(|o| crate::core::occupation::valid_key(o)),
            shortage_only: get("knelpunt").as_deref() == Some("1"),
            embed: get("embed").as_deref() == Some("1"),
            embed_filters: get("embed").as_deref() == Some("1")
                && get("keep").as_deref() == Some("filters"),
            shortlist: shared_shortlist(query),
        }
    }
}

#[cfg(test)]
mod state_tests {
    use super::*;
    use crate::core::synth::Rng;
    use crate::core::*;

    fn pick<T: Copy>(rng: &mut Rng, all: &[T]) -> Vec<T> {
        all.iter().copied().filter(|_| rng.unit() < 0.3).collect()
    }

    fn random_text(rng: &mut Rng) -> String {
        const CHARS: &[char] = &[
            'a', 'é', ' ', '&', '=', '+', '%', '#', '?', ',', 'Z', '9', '€', '\'', '"', '<', '/',
        ];
        (0..rng.below(12))
            .map(|_| CHARS[rng.below(CHARS.len())])
            .collect()
    }

    fn round(x: f64) -> f64 {
        format!("{x:.5}").parse().unwrap()
    }

    #[test]
    fn any_state_survives_a_round_trip() {
        let mut rng = Rng::new(77);
        for _ in 0..2_000 {
            let levels: Vec<Eqf> = Eqf::all().filter(|_| rng.unit() < 0.3).collect();
            let state = UrlState {
                text: random_text(&mut rng),
                sectors: pick(&mut rng, Sector::ALL),
                levels,
                stages: pick(&mut rng, crate::core::Stage::ALL),
                countries: pick(&mut rng, Country::ALL),
                provinces: pick(&mut rng, Province::ALL),
                learning_forms: pick(&mut rng, LearningForm::ALL),
                origin: (rng.unit() < 0.5).then(|| {
                    (
                        LonLat::new(
                            round(rng.range(-180.0, 180.0)),
                            round(rng.range(-90.0, 90.0)),
                        ),
                        random_text(&mut rng),
                    )
                }),
                radius_km: (rng.unit() < 0.5).then(|| 1 + rng.below(500) as u32),
                view: (rng.unit() < 0.5).then(|| {
                    (
                        LonLat::new(round(rng.range(2.0, 5.0)), round(rng.range(50.0, 52.0))),
                        [8.0, 9.5, 12.0, 18.0][rng.below(4)],
                    )
                }),
                selected: (rng.unit() < 0.5).then(|| format!("id-{}", random_text(&mut rng))),
                in_view: rng.unit() < 0.5,
                lang: (rng.unit() < 0.5).then(|| LANGS[rng.below(3)].to_string()),
                occupation: (rng.unit() < 0.5).then(|| {
                    [
                        "lasser",
                        "verpleegkundige",
                        "technicus-industriele-installaties",
                    ][rng.below(3)]
                    .to_string()
                }),
                shortage_only: rng.unit() < 0.5,
                embed: false,
                embed_filters: false,
                shortlist: Vec::new(),
            };
            // Keys with any character (`,` `&` `=` `%` `+` too), unique and not empty.
            let mut shortlist: Vec<String> = Vec::new();
            for _ in 0..rng.below(MAX_SHARED_SHORTLIST + 1) {
                let key = format!("k{}", random_text(&mut rng));
                if !shortlist.contains(&key) {
                    shortlist.push(key);
                }
            }
            let state = UrlState { shortlist, ..state };
            let embed = rng.below(3);
            let state = UrlState {
                embed: embed > 0,
                embed_filters: embed > 1,
                ..state
            };
            let q = state.to_query();
            assert_eq!(UrlState::from_query(&q), state, "query {q}");
            assert_eq!(UrlState::from_query(&format!("?{q}")), state);
        }
        assert_eq!(UrlState::default().to_query(), "");
    }

    #[test]
    fn a_shared_shortlist_keeps_its_valid_keys_and_no_more_than_the_limit() {
        let long = "x".repeat(MAX_KEY_LEN + 1);
        let q = format!("keuze=a%2Cb,,c,c,{long},%FF,d&sector=engineering");
        let s = UrlState::from_query(&q);
        assert_eq!(s.shortlist, ["a,b", "c", "d"]);
        assert_eq!(s.sectors, [Sector::Engineering]);
        let many: Vec<String> = (0..MAX_SHARED_SHORTLIST + 5)
            .map(|i| format!("c{i}"))
            .collect();
        let state = UrlState {
            shortlist: many.clone(),
            ..UrlState::default()
        };
        let back = UrlState::from_query(&state.to_query());
        assert_eq!(back.shortlist, many[..MAX_SHARED_SHORTLIST]);
        let read = UrlState::from_query(&format!("keuze={}", many.join(",")));
        assert_eq!(read.shortlist.len(), MAX_SHARED_SHORTLIST);
    }

    #[test]
    fn malformed_parameters_are_ignored_one_by_one() {
        let s = UrlState::from_query("?stage=vocational,secundair,vocational&sector=engineering,bogus,engineering&eqf=0,4,9,x&km=-3&map=91,3,8&from=51.2,3.2&fromname=%E2%82&lang=de&inview=yes&beroep=%3Cscript%3E&knelpunt=ja&q=lassen&sel=&province=NL-ZE&%%%=1&&=&zzz");
        assert_eq!(s.sectors, [Sector::Engineering]);
        assert_eq!(s.stages, [crate::core::Stage::Vocational]);
        assert_eq!(s.levels, [Eqf::new(4).unwrap()]);
        assert_eq!(s.radius_km, None);
        assert_eq!(s.view, None);
        assert_eq!(s.origin.as_ref().map(|o| o.0), Some(LonLat::new(3.2, 51.2)));
        assert_eq!(s.lang, None);
        assert!(!s.in_view);
        assert_eq!(s.text, "lassen");
        assert_eq!(s.selected, None);
        assert_eq!(s.provinces, [Province::Zeeland]);
        assert_eq!(s.occupation, None, "not a key: dropped");
        assert!(!s.shortage_only);
        assert!(!s.embed);
        // `keep` means nothing outside an embed; a bad `embed` value is no embed.
        assert!(!UrlState::from_query("?keep=filters").embed_filters);
        assert!(!UrlState::from_query("?embed=yes&keep=filters").embed);
        let e = UrlState::from_query("?embed=1&keep=everything");
        assert!(e.embed && !e.embed_filters);
        for junk in [
            "",
            "?",
            "&&&",
            "?q",
            "?from=abc",
            "?map=1,2",
            "?map=51,3,NaN",
            "?km=99999999999999999999",
            "?from=NaN,NaN",
        ] {
            let s = UrlState::from_query(junk);
            assert!(
                s.origin.is_none() && s.view.is_none() && s.radius_km.is_none(),
                "{junk}"
            );
        }
    }
}
