//! A headless Chromium session through a running chromedriver, for the browser tests and the
//! browser benchmark: the same flags (this machine's closed network refuses Chromium's
//! background connections), a profile of its own, and a retry while chromedriver starts.

use std::path::Path;
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};
use serde_json::json;

/// Debian's Chromium.
pub const CHROMIUM: &str = "/usr/bin/chromium";

/// The flags of every session (more may follow).
const FLAGS: [&str; 10] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1400,900",
];

/// Connects to the chromedriver on `driver_port` (retrying for up to `wait` while it starts)
/// and opens a session with the profile `profile` and the `extra` flags.
pub async fn connect(driver_port: u16, profile: &Path, extra: &[&str], wait: Duration) -> Client {
    let mut args: Vec<String> = FLAGS.iter().chain(extra).map(|a| a.to_string()).collect();
    args.push(format!("--user-data-dir={}", profile.display()));
    let caps = json!({ "goog:chromeOptions": { "binary": CHROMIUM, "args": args } });
    let caps = caps.as_object().cloned().unwrap_or_default();
    let start = Instant::now();
    loop {
        match ClientBuilder::native()
            .capabilities(caps.clone())
            .connect(&format!("http://127.0.0.1:{driver_port}"))
            .await
        {
            Ok(c) => return c,
            Err(_) if start.elapsed() < wait => {
                tokio::time::sleep(Duration::from_millis(200)).await
            }
            Err(e) => panic!("cannot connect to chromedriver: {e}"),
        }
    }
}
