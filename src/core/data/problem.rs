//! What is wrong with a file or a value, as data the interface words in its own language.
//!
//! The JSON parser (serde) explains errors in English prose. A counsellor opening a partner's
//! file in French should read French, so the loader keeps no parser prose: it keeps the kind
//! of problem ([`JsonProblem`], [`Problem`], [`TopLevelProblem`]) and its numbers, and
//! `labels` words them. `Display` gives the English wording for the command line.

use std::fmt;

/// A JSON syntax problem, from the parser's error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonProblem {
    /// The text stops in the middle of a value (a truncated file).
    UnexpectedEnd,
    /// A value was expected (often a stray comma or a word without quotes).
    ExpectedValue,
    /// A comma or closing bracket was expected between items.
    ExpectedSeparator,
    /// A colon was expected after a key.
    ExpectedColon,
    /// A comma before a closing bracket.
    TrailingComma,
    /// More text after the end of the JSON value.
    TrailingCharacters,
    /// An object key without double quotes.
    KeyNotString,
    /// A raw control character (a line break, a tab) inside a string.
    ControlCharacter,
    /// A backslash escape that JSON does not know.
    InvalidEscape,
    /// A number JSON cannot read.
    InvalidNumber,
    /// A number too large to hold.
    NumberOutOfRange,
    /// Nested too deeply.
    TooDeep,
    /// Any other syntax problem.
    Other,
}

impl JsonProblem {
    /// The problem a serde_json error reports. serde_json's error codes are private; their
    /// messages are stable and are what it documents, so they are matched here.
    pub fn of(e: &serde_json::Error) -> Self {
        let m = e.to_string();
        let has = |s: &str| m.contains(s);
        if e.is_eof() || has("EOF while parsing") || has("unexpected end") {
            Self::UnexpectedEnd
        } else if has("trailing comma") {
            Self::TrailingComma
        } else if has("trailing characters") {
            Self::TrailingCharacters
        } else if has("key must be a string") {
            Self::KeyNotString
        } else if has("expected `,` or") {
            Self::ExpectedSeparator
        } else if has("expected `:`") {
            Self::ExpectedColon
        } else if has("expected value") || has("expected ident") {
            Self::ExpectedValue
        } else if has("control character") {
            Self::ControlCharacter
        } else if has("escape") || has("unicode code point") || has("surrogate") {
            Self::InvalidEscape
        } else if has("number out of range") {
            Self::NumberOutOfRange
        } else if has("invalid number") {
            Self::InvalidNumber
        } else if has("recursion limit") {
            Self::TooDeep
        } else {
            Self::Other
        }
    }
}

impl fmt::Display for JsonProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::UnexpectedEnd => "the text ends in the middle of a value",
            Self::ExpectedValue => "a value was expected",
            Self::ExpectedSeparator => "a comma or closing bracket was expected",
            Self::ExpectedColon => "a colon was expected after the key",
            Self::TrailingComma => "a comma before a closing bracket",
            Self::TrailingCharacters => "text after the end of the JSON",
            Self::KeyNotString => "a key without double quotes",
            Self::ControlCharacter => "a line break or tab inside a string",
            Self::InvalidEscape => "an unknown backslash escape",
            Self::InvalidNumber => "an unreadable number",
            Self::NumberOutOfRange => "a number out of range",
            Self::TooDeep => "nested too deeply",
            Self::Other => "a syntax error",
        })
    }
}

/// The kind of a JSON value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonKind {
    /// A string.
    Text,
    /// A number.
    Number,
    /// `true` or `false`.
    Bool,
    /// `null`.
    Null,
    /// An array.
    List,
    /// An object.
    Object,
    /// A kind the parser named otherwise.
    Other,
}

impl JsonKind {
    /// The kind serde names in "invalid type: string \"x\"" (what was found).
    fn of_found(s: &str) -> Self {
        let s = s.trim();
        let starts = |p: &str| s.starts_with(p);
        if starts("string") || starts("character") {
            Self::Text
        } else if starts("integer") || starts("floating point") {
            Self::Number
        } else if starts("boolean") {
            Self::Bool
        } else if starts("null") || starts("unit") {
            Self::Null
        } else if starts("sequence") {
            Self::List
        } else if starts("map") {
            Self::Object
        } else {
            Self::Other
        }
    }

    /// The kind serde names in "expected u16" / "expected a sequence" (what was wanted).
    fn of_expected(s: &str) -> Self {
        let s = s.trim().trim_start_matches("a ").trim_start_matches("an ");
        let word = s.split([' ', ',']).next().unwrap_or("");
        match word {
            "string" | "str" | "char" => Self::Text,
            "u8" | "u16" | "u32" | "u64" | "i8" | "i16" | "i32" | "i64" | "f32" | "f64"
            | "number" | "integer" => Self::Number,
            "boolean" | "bool" => Self::Bool,
            "sequence" | "array" | "tuple" => Self::List,
            "map" | "struct" | "object" => Self::Object,
            _ => Self::Other,
        }
    }
}

impl fmt::Display for JsonKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Text => "text",
            Self::Number => "a number",
            Self::Bool => "true/false",
            Self::Null => "null",
            Self::List => "a list",
            Self::Object => "an object",
            Self::Other => "another kind of value",
        })
    }
}

/// What is wrong with a value inside a feature.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// JSON syntax.
    Json(JsonProblem),
    /// A value of the wrong kind.
    WrongKind {
        /// What the format wants.
        expected: JsonKind,
        /// What the file has.
        found: JsonKind,
    },
    /// A member that must be there is missing.
    Missing(String),
    /// Not a JSON object.
    NotAnObject,
    /// The `type` member is not `expected`.
    TypeIs {
        /// The type the format wants ("Feature").
        expected: &'static str,
        /// The type found, if any.
        found: Option<String>,
    },
    /// Fewer numbers than a position needs (longitude, latitude).
    TooFewNumbers(usize),
    /// Not a longitude and latitude on the earth.
    NotWgs84 {
        /// Longitude given.
        lon: f64,
        /// Latitude given.
        lat: f64,
    },
    /// Longer than the format allows.
    TooLong {
        /// Characters found.
        chars: usize,
        /// Characters allowed.
        max: usize,
    },
    /// Not a month (1–12).
    NotAMonth(i64),
    /// The parser refused the value without a reason the loader knows.
    Unreadable,
}

impl Problem {
    /// The problem a serde_json error reports, without its English prose.
    pub fn of(e: &serde_json::Error) -> Self {
        if e.is_syntax() || e.is_eof() {
            return Self::Json(JsonProblem::of(e));
        }
        let m = e.to_string();
        let m = match m.rfind(" at line ") {
            Some(i) => &m[..i],
            None => &m[..],
        };
        for prefix in ["invalid type: ", "invalid value: "] {
            if let Some(rest) = m.strip_prefix(prefix) {
                if let Some((found, expected)) = rest.rsplit_once(", expected ") {
                    return Self::WrongKind {
                        expected: JsonKind::of_expected(expected),
                        found: JsonKind::of_found(found),
                    };
                }
            }
        }
        if let Some(rest) = m.strip_prefix("missing field `") {
            return Self::Missing(rest.trim_end_matches('`').to_string());
        }
        Self::Unreadable
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Json(p) => write!(f, "{p}"),
            Self::WrongKind { expected, found } => write!(f, "expected {expected}, found {found}"),
            Self::Missing(m) => write!(f, "`{m}` is missing"),
            Self::NotAnObject => f.write_str("not a JSON object"),
            Self::TypeIs {
                expected,
                found: Some(t),
            } => write!(f, "its `type` is `{t}`, not \"{expected}\""),
            Self::TypeIs {
                expected,
                found: None,
            } => write!(f, "it has no `type` \"{expected}\""),
            Self::TooFewNumbers(n) => write!(
                f,
                "a position needs longitude and latitude, found {n} number(s)"
            ),
            Self::NotWgs84 { lon, lat } => {
                write!(f, "[{lon}, {lat}] is not a WGS84 longitude, latitude")
            }
            Self::TooLong { chars, max } => write!(f, "{chars} characters, at most {max}"),
            Self::NotAMonth(m) => write!(f, "{m} is not a month (1–12)"),
            Self::Unreadable => f.write_str("a value the format does not allow"),
        }
    }
}

/// Why a JSON file is not a GeoJSON FeatureCollection.
#[derive(Debug, Clone, PartialEq)]
pub enum TopLevelProblem {
    /// The top level is an array, a string or a number, not an object.
    NotAnObject,
    /// The top-level object has no `type`.
    NoType,
    /// The top-level `type` is another one (a Geometry, "Topology", …).
    OtherType(String),
    /// A FeatureCollection without a `features` array.
    NoFeatures,
}

impl fmt::Display for TopLevelProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotAnObject => f.write_str("the top level is not an object"),
            Self::NoType => f.write_str("the top-level object has no `type`"),
            Self::OtherType(t) => write!(f, "the top-level `type` is `{t}`"),
            Self::NoFeatures => f.write_str("the FeatureCollection has no `features` array"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json_problem(text: &str) -> JsonProblem {
        JsonProblem::of(&serde_json::from_str::<serde_json::Value>(text).unwrap_err())
    }

    #[test]
    fn syntax_problems_are_recognised() {
        assert_eq!(json_problem("{\"a\": 1"), JsonProblem::UnexpectedEnd);
        assert_eq!(json_problem("[1, 2,]"), JsonProblem::TrailingComma);
        assert_eq!(
            json_problem("{\"a\": 1} x"),
            JsonProblem::TrailingCharacters
        );
        assert_eq!(json_problem("{a: 1}"), JsonProblem::KeyNotString);
        assert_eq!(json_problem("[1 2]"), JsonProblem::ExpectedSeparator);
        assert_eq!(json_problem("{\"a\" 1}"), JsonProblem::ExpectedColon);
        assert_eq!(json_problem("[1, nope]"), JsonProblem::ExpectedValue);
        assert_eq!(json_problem("\"a\tb\""), JsonProblem::ControlCharacter);
        assert_eq!(json_problem("\"\\q\""), JsonProblem::InvalidEscape);
        assert_eq!(json_problem("1e999"), JsonProblem::NumberOutOfRange);
        assert_eq!(
            json_problem(&"[".repeat(200)),
            JsonProblem::TooDeep,
            "nesting"
        );
    }

    #[test]
    fn data_problems_keep_no_parser_prose() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct S {
            n: u16,
            list: Vec<String>,
        }
        let e = serde_json::from_str::<S>(r#"{"n": "x", "list": []}"#).unwrap_err();
        assert_eq!(
            Problem::of(&e),
            Problem::WrongKind {
                expected: JsonKind::Number,
                found: JsonKind::Text
            }
        );
        let e = serde_json::from_str::<S>(r#"{"n": 1, "list": 5}"#).unwrap_err();
        assert_eq!(
            Problem::of(&e),
            Problem::WrongKind {
                expected: JsonKind::List,
                found: JsonKind::Number
            }
        );
        let e = serde_json::from_str::<S>(r#"{"n": 1}"#).unwrap_err();
        assert_eq!(Problem::of(&e), Problem::Missing("list".into()));
    }
}
