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
        return super::model::safe_http_url(v);
    }
    // A relative path must not carry a scheme of its own.
    let before_slash = v.split('/').next().unwrap_or("");
    if before_slash.contains(':') || v.chars().any(|c| c.is_control()) {
        return None;
    }
    Some(v.to_string())
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
