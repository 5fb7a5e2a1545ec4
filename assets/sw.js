// Leerkaart's service worker: after one visit the app, its data, the gazetteer and the
// outline keep working with no network (at a study fair whose Wi-Fi fails). Map tiles are not
// kept: without them the page draws its own outline of the region.
//
// Network first: a working connection always gets the newest files. When the network fails
// (or does not answer in time), the copy kept at the last visit is served, marked with the
// header x-leerkaart-kept (when it was stored) so the page can say it shows that copy.
//
// VERSION and FILES are filled in at build time (tools/csp.py): a new deployment is a new
// version, whose install replaces the old copy.
"use strict";
const VERSION = "__LEERKAART_SW_VERSION__";
const FILES = __LEERKAART_SW_FILES__;
const CACHE = "leerkaart-" + VERSION;
const STORED = "x-leerkaart-stored";
const KEPT = "x-leerkaart-kept";
// How long to wait for the network's first byte before serving the kept copy instead.
const NETWORK_WAIT_MS = 6000;
// Besides FILES, the page's data folder is kept as it is fetched (the tiles of a large
// dataset), but not the downloads and source copies, which are fetched on purpose.
const KEPT_DATA = /\/data\//;
const NOT_KEPT = [/\/data\/export\//, /\/data\/sources\//];

function worthKeeping(request) {
  const url = new URL(request.url);
  if (request.mode === "navigate") return true;
  const listed = FILES.some((f) => new URL(f, self.registration.scope).href === url.origin + url.pathname);
  return listed || (KEPT_DATA.test(url.pathname) && !NOT_KEPT.some((re) => re.test(url.pathname)));
}

async function keep(cache, key, response) {
  const headers = new Headers(response.headers);
  headers.set(STORED, new Date().toISOString());
  const body = await response.blob();
  await cache.put(key, new Response(body, { status: response.status, statusText: response.statusText, headers }));
}

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await Promise.all(FILES.map(async (file) => {
      const url = new URL(file, self.registration.scope).href;
      const response = await fetch(url, { cache: "reload" });
      if (response.ok) await keep(cache, url, response);
    }));
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith("leerkaart-") && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

function keyOf(request) {
  // Every address of the page (with any selection in its query) is the one page.
  if (request.mode === "navigate") return new URL("./", self.registration.scope).href;
  return request.url;
}

async function fromCache(request) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(keyOf(request));
  if (!kept) return undefined;
  const headers = new Headers(kept.headers);
  headers.set(KEPT, kept.headers.get(STORED) || "");
  return new Response(await kept.blob(), { status: kept.status, statusText: kept.statusText, headers });
}

async function networkFirst(request) {
  const network = fetch(request);
  const timeout = new Promise((resolve) => setTimeout(resolve, NETWORK_WAIT_MS, "timeout"));
  try {
    const response = await Promise.race([network, timeout]);
    if (response === "timeout") {
      const kept = await fromCache(request);
      return kept || (await network);
    }
    if (response.ok && worthKeeping(request)) {
      const cache = await caches.open(CACHE);
      await keep(cache, keyOf(request), response.clone());
    }
    return response;
  } catch (error) {
    const kept = await fromCache(request);
    if (kept) return kept;
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || request.headers.has("range")) return;
  // Only the page's own files: tiles and other sites go to the network as usual.
  if (new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(networkFirst(request));
});
