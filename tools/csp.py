#!/usr/bin/env python3
"""Trunk post-build hook: fills in the Content-Security-Policy of index.html.

The policy allows only what the page needs: its own origin for scripts, styles, data and the
wasm module (`wasm-unsafe-eval`), trunk's one inline loader script by its SHA-256 hash (it
changes with every build, hence this hook), and images from the configured tile server.
Everything else is refused: no inline or injected script can run.
"""
import base64
import hashlib
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
        "base-uri 'none'; form-action 'none'; object-src 'none'"
    )


def main():
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


if __name__ == "__main__":
    main()
