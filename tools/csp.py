#!/usr/bin/env python3
"""Trunk post-build hook: fills in the Content-Security-Policy of index.html, and the file
list and version of the service worker (sw.js).

The policy allows only what the page needs: its own origin for scripts, styles, data and the
wasm module (`wasm-unsafe-eval`), trunk's one inline loader script by its SHA-256 hash (it
changes with every build, hence this hook), and images from the configured tile server.
Everything else is refused: no inline or injected script can run.
"""
import base64
import hashlib
import json
import os
import re
import sys
from urllib.parse import urlsplit

PLACEHOLDER = "__LEERKAART_CSP__"


def policy(html):
    scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S)
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'" for s in scripts
    )
    m = re.search(r'<meta name="leerkaart-tiles" content="([^"]*)"', html)
    tiles = ""
    if m:
        parts = urlsplit(m.group(1).replace("{s}", "a"))
        if parts.scheme in ("http", "https") and parts.netloc:
            host = parts.netloc
            # Leaflet's {s} subdomains (a, b, c) become a wildcard.
            if "{s}" in m.group(1):
                host = "*." + host.split(".", 1)[1]
            tiles = f" {parts.scheme}://{host}"
    return (
        "default-src 'none'; "
        f"script-src 'self' 'wasm-unsafe-eval' {hashes}; "
        "style-src 'self'; "
        f"img-src 'self' data:{tiles}; "
        "connect-src 'self'; "
        "font-src 'self'; "
        "manifest-src 'self'; worker-src 'self'; "
        "base-uri 'none'; form-action 'none'; object-src 'none'"
    )


SW_VERSION = "__LEERKAART_SW_VERSION__"
SW_FILES = "__LEERKAART_SW_FILES__"
# What the page needs to work offline, relative to index.html: the page itself ("./"), its
# script, wasm and style, Leaflet, the outline, the default data and the gazetteer, and what
# installing it on a phone needs. Map tiles are not kept (the outline is the fallback).
SW_KEEP_DIRS = ("leaflet", "icons")
SW_KEEP_FILES = ("region-outline.geojson", "data/providers.geojson", "data/places.tsv", "data/guidance.geojson", "manifest.webmanifest")


TEMPLATE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "assets", "sw.js")


def default_data(staging):
    """The dataset the page opens with (its `leerkaart-data` tag)."""
    with open(os.path.join(staging, "index.html"), encoding="utf-8") as f:
        m = re.search(r'<meta name="leerkaart-data" content="([^"]*)"', f.read())
    return m.group(1) if m else "data/providers.geojson"


def service_worker(staging):
    """Writes sw.js from assets/sw.js: the files to keep and a version that changes with any
    of them. Run again (`csp.py --sw-only DIR`) after changing a built folder's data."""
    path = os.path.join(staging, "sw.js")
    if not os.path.exists(path):
        return
    files = ["index.html"]
    for name in sorted(os.listdir(staging)):
        if name != "sw.js" and name.endswith((".js", ".wasm", ".css")):
            files.append(name)
    for d in SW_KEEP_DIRS:
        for base, _, names in sorted(os.walk(os.path.join(staging, d))):
            for n in sorted(names):
                if n.endswith(".md"):
                    continue
                files.append(os.path.relpath(os.path.join(base, n), staging).replace(os.sep, "/"))
    keep = [f for f in SW_KEEP_FILES if f != "data/providers.geojson"] + [default_data(staging)]
    files += [f for f in keep if os.path.exists(os.path.join(staging, f))]
    digest = hashlib.sha256()
    for f in files:
        digest.update(f.encode("utf-8"))
        with open(os.path.join(staging, f), "rb") as fh:
            digest.update(hashlib.sha256(fh.read()).digest())
    # index.html is kept as "./": the address the page is opened at.
    urls = ["./"] + [f for f in files if f != "index.html"]
    with open(TEMPLATE, encoding="utf-8") as f:
        js = f.read()
    if SW_VERSION not in js or SW_FILES not in js:
        sys.exit(f"{path}: no placeholders for the service worker's version and files")
    js = js.replace(SW_VERSION, digest.hexdigest()[:16]).replace(SW_FILES, json.dumps(urls))
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(js)
    os.replace(tmp, path)


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--sw-only":
        service_worker(sys.argv[2])
        return
    staging = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "dist")
    path = os.path.join(staging, "index.html")
    with open(path, encoding="utf-8") as f:
        html = f.read()
    if PLACEHOLDER not in html:
        sys.exit(f"{path}: no {PLACEHOLDER} placeholder for the Content-Security-Policy")
    html = html.replace(PLACEHOLDER, policy(html))
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(html)
    os.replace(tmp, path)
    # After the CSP: index.html is part of the version.
    service_worker(staging)


if __name__ == "__main__":
    main()
