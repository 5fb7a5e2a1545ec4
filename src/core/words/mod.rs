//! The interface's words in Dutch, English and French: the message catalogue, the labels of
//! the vocabularies, the glossary, and accent-insensitive text matching.

pub mod glossary;
pub mod i18n;
pub mod labels;
pub mod text;
