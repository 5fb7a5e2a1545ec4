//! Browser end-to-end tests: the release build served on 127.0.0.1 under a sub-path (as a
//! partner's web server would host it), driven in headless Chromium through chromedriver.
//!
//! Serves `$LEERKAART_SITE` (the folder `scripts/deploy.sh` writes; `scripts/test.sh` sets
//! it) or else `dist/` (from `trunk build --release`). Needs `/usr/bin/chromium` and
//! `chromedriver`.
//! `scripts/test.sh` provides all three and sets `LEERKAART_E2E=1`, which makes a missing
//! piece a failure; without it (a plain `cargo test` on a bare machine) the test says what is
//! missing and skips.
//!
//! One file per journey (`pupil.rs`, `counsellor.rs`, `job_seeker.rs`, `partners.rs`,
//! `languages_and_keyboard.rs`, `hostile_files.rs`, `phone.rs`) over one harness
//! (`harness.rs`); the static test server and the Chromium session, shared with the browser
//! benchmark, are `tests/support/testserver.rs` and `tests/support/chromium.rs`.

#[path = "../support/chromium.rs"]
mod chromium;
mod harness;
#[path = "../support/testserver.rs"]
mod testserver;

mod counsellor;
mod hostile_files;
mod job_seeker;
mod languages_and_keyboard;
mod partners;
mod phone;
mod pupil;
