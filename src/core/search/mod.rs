//! Finding and sharing: filters and facets, the result rows, occupations and shortage lists,
//! the shortlist, the URL state, share links and where to get advice.

pub mod filter;
pub mod guidance;
pub mod listing;
pub mod occupation;
pub mod share;
pub mod shortlist;
pub mod url;

pub use filter::{Facets, Filter, FilterOutcome, ProviderHit};
pub use occupation::{OccupationId, Occupations};
