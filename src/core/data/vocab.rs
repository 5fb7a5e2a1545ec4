//! Closed vocabularies shared by the data model and the levels: the `vocabulary!` macro, the
//! [`Vocabulary`] trait, and the region's countries and provinces (what both need, so neither
//! imports the other).

use serde::{Deserialize, Serialize};

/// Declares a closed vocabulary: a fieldless enum with its data code, `ALL`, and parsing.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $code)] $variant),+
        }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The code used in data files and URLs.
            pub const fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            /// Parses a data code; `None` when it is not in the vocabulary.
            pub fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }

            /// Position in [`Self::ALL`], for facet arrays and bit sets.
            pub const fn index(self) -> usize {
                self as usize
            }
        }

        impl $crate::core::vocab::Vocabulary for $name {
            const ALL: &'static [Self] = $name::ALL;
            fn index(self) -> usize {
                $name::index(self)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}
pub(crate) use vocabulary;

/// A closed vocabulary (declared with `vocabulary!`), as [`Set`] needs it.
pub trait Vocabulary: Copy + 'static {
    /// Every value, in display order.
    const ALL: &'static [Self];
    /// Position in [`Self::ALL`].
    fn index(self) -> usize;
}

vocabulary! {
    /// Country of a provider (ISO 3166-1 alpha-2).
    Country {
        /// The Netherlands.
        Nl = "NL",
        /// Belgium.
        Be = "BE",
    }
}

vocabulary! {
    /// Province (ISO 3166-2), the three of the Euregio Scheldemond.
    Province {
        /// Zeeland (NL).
        Zeeland = "NL-ZE",
        /// Oost-Vlaanderen (BE).
        OostVlaanderen = "BE-VOV",
        /// West-Vlaanderen (BE).
        WestVlaanderen = "BE-VWV",
    }
}

impl Province {
    /// The country the province lies in.
    pub const fn country(self) -> Country {
        match self {
            Province::Zeeland => Country::Nl,
            Province::OostVlaanderen | Province::WestVlaanderen => Country::Be,
        }
    }

    /// The province's own name.
    pub const fn name(self) -> &'static str {
        match self {
            Province::Zeeland => "Zeeland",
            Province::OostVlaanderen => "Oost-Vlaanderen",
            Province::WestVlaanderen => "West-Vlaanderen",
        }
    }
}
