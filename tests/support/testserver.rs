//! A minimal static file server on 127.0.0.1 for the browser tests and benchmarks: serves
//! directories under URL prefixes with the right MIME types (wasm must be
//! `application/wasm`). Not for production: any static host serves `dist/`.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// Where requests go.
#[derive(Debug, Clone, Default)]
pub struct Routes {
    /// `(url prefix, directory)`, first match wins; `"/"` should come last.
    pub dirs: Vec<(String, PathBuf)>,
    /// Requests under `/slow/…` are served as `/…` after this delay (a slow network).
    pub slow: Duration,
    /// While set, every connection is closed unanswered: the network is cut (the offline
    /// test sets it after a first visit).
    pub cut: Arc<AtomicBool>,
}

/// The `Date` of a copy from a cache (an HTTP date long past).
const DAY_OLD_DATE: &str = "Tue, 01 Dec 2026 08:00:00 GMT";

/// Starts serving in background threads; returns the port.
pub fn serve(routes: Routes) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    let port = listener.local_addr().map(|a| a.port()).unwrap_or(0);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let routes = routes.clone();
            std::thread::spawn(move || {
                let _ = handle(stream, &routes);
            });
        }
    });
    port
}

fn handle(mut stream: TcpStream, routes: &Routes) -> std::io::Result<()> {
    if routes.cut.load(Ordering::SeqCst) {
        return stream.shutdown(std::net::Shutdown::Both);
    }
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request = String::new();
    reader.read_line(&mut request)?;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header == "\r\n" {
            break;
        }
    }
    let path = request.split_whitespace().nth(1).unwrap_or("/");
    let path = path.split(['?', '#']).next().unwrap_or("/");
    // `…/slow/x` is `…/x` served late, at the root or under a sub-path.
    let unslowed;
    let path = match path.split_once("/slow/") {
        Some((before, after)) => {
            std::thread::sleep(routes.slow);
            unslowed = format!("{before}/{after}");
            unslowed.as_str()
        }
        None => path,
    };
    // `…/cached/x` is `…/x` with a day-old `Date`, as a browser's HTTP cache gives a copy it
    // stored then.
    let uncached;
    let (path, cached) = match path.split_once("/cached/") {
        Some((before, after)) => {
            uncached = format!("{before}/{after}");
            (uncached.as_str(), true)
        }
        None => (path, false),
    };
    // A folder's address serves its index.html (the page under a sub-path, too).
    let path = if path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_string()
    };
    let path = path.as_str();
    let file = routes
        .dirs
        .iter()
        .find(|(prefix, _)| path.starts_with(prefix.as_str()))
        .map(|(prefix, dir)| dir.join(&path[prefix.len()..]));
    let ok = !path.contains("..") && file.as_ref().is_some_and(|f| f.is_file());
    let (status, body) = match (&file, ok) {
        (Some(f), true) => ("200 OK", std::fs::read(f)?),
        _ => ("404 Not Found", b"not found".to_vec()),
    };
    let mime = match file
        .as_ref()
        .and_then(|f| f.extension())
        .and_then(|e| e.to_str())
    {
        Some("html") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css",
        Some("json" | "geojson" | "geojsonl") => "application/json",
        Some("tsv" | "md") => "text/plain; charset=utf-8",
        Some("png") => "image/png",
        Some("svg") => "image/svg+xml",
        Some("webmanifest") => "application/manifest+json",
        Some("csv") => "text/csv; charset=utf-8",
        _ => "application/octet-stream",
    };
    if cached {
        write!(stream, "HTTP/1.1 {status}\r\nContent-Type: {mime}\r\nContent-Length: {}\r\nDate: {DAY_OLD_DATE}\r\nConnection: close\r\n\r\n", body.len())?;
        return stream.write_all(&body);
    }
    write!(stream, "HTTP/1.1 {status}\r\nContent-Type: {mime}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len())?;
    stream.write_all(&body)
}
