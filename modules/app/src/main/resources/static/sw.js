// Limber's service worker: keeps home, the library, exercise pages, routines and the player
// working without a network. Pages are stored when they are opened (and routines a page links
// to, when the page asks: /js/offline.js), network first, so an online visit always shows
// fresh content. Nothing else is stored: no HR or admin page, no API response, no form
// answer. Sign-out clears everything (the server sends Clear-Site-Data).
'use strict';

const VERSION = 'v1';
const PAGES = 'limber-pages-' + VERSION;
const ASSETS = 'limber-assets-' + VERSION;
const OFFLINE_PAGE = '/offline';
const PRECACHED_ASSETS = ['/css/limber.css', '/js/offline.js', '/js/player.js', '/js/player-figure.js', '/manifest.json',
  '/images/icons/limber.svg', '/images/icons/limber-192.png'];

// The pages an employee may need without a network; their own, on their own device.
const KEPT_PAGES = [/^\/$/, /^\/library$/, /^\/library\/[a-z0-9-]+$/, /^\/routines\/[a-z0-9-]+$/];
const KEPT_ASSETS = /^\/(css|js|images)\//;
const ASSET_DESTINATIONS = ['style', 'script', 'image', 'font', 'manifest'];
// Never stored, whatever the request looks like.
const NEVER = /^\/(api|hr|org|login|logout|oauth2|actuator|my-data|language|screening|calendar)(\/|$)/;

let offlineLanguage = null;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(PAGES)
    .then((pages) => pages.add(new Request(OFFLINE_PAGE, { cache: 'reload' })))
    .then(() => caches.open(ASSETS))
    // an asset that moved is stored when a page asks for it; it must not stop the install
    .then((assets) => Promise.all(PRECACHED_ASSETS.map((asset) => assets.add(asset).catch(() => undefined))))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names
      .filter((name) => name.startsWith('limber-') && name !== PAGES && name !== ASSETS)
      .map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});

function kept(url) {
  return KEPT_PAGES.some((pattern) => pattern.test(url.pathname));
}

function storable(response) {
  // a redirect (to the sign-in or the safety check) or an error page is never kept
  return response && response.ok && !response.redirected && response.type === 'basic';
}

async function networkFirst(request, cacheName) {
  try {
    const response = await fetch(request);
    if (storable(response)) {
      const copy = response.clone();
      caches.open(cacheName).then((cache) => cache.put(request, copy));
    }
    return response;
  }
  catch (offline) {
    const cached = await caches.match(request, { cacheName: cacheName, ignoreVary: true });
    if (cached) {
      return cached;
    }
    if (request.mode === 'navigate') {
      const fallback = await caches.match(OFFLINE_PAGE, { cacheName: PAGES, ignoreVary: true });
      if (fallback) {
        return fallback;
      }
    }
    throw offline;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || NEVER.test(url.pathname)) {
    return;
  }
  if (request.mode === 'navigate') {
    if (kept(url)) {
      event.respondWith(networkFirst(request, PAGES));
    }
    else {
      // other pages are not stored, but say plainly that the browser is offline
      event.respondWith(fetch(request).catch(() => caches.match(OFFLINE_PAGE, { cacheName: PAGES, ignoreVary: true })
        .then((fallback) => fallback || Response.error())));
    }
    return;
  }
  if (KEPT_ASSETS.test(url.pathname) || ASSET_DESTINATIONS.includes(request.destination)) {
    event.respondWith(networkFirst(request, ASSETS));
  }
});

// Pages tell the worker which routines they link to (kept for offline use when not yet
// stored) and which language they are in (the offline page follows it).
self.addEventListener('message', (event) => {
  const message = event.data || {};
  if (event.origin && event.origin !== self.location.origin) {
    return;
  }
  if (message.type === 'keep' && Array.isArray(message.urls)) {
    event.waitUntil(keep(message.urls));
  }
  if (message.type === 'language' && message.language !== offlineLanguage) {
    offlineLanguage = message.language;
    event.waitUntil(caches.open(PAGES).then((pages) => pages.add(new Request(OFFLINE_PAGE, { cache: 'reload' }))));
  }
});

async function keep(urls) {
  const pages = await caches.open(PAGES);
  for (const address of urls.slice(0, 50)) {
    const url = new URL(address, self.location.origin);
    if (url.origin !== self.location.origin || !kept(url) || await pages.match(url.href, { ignoreVary: true })) {
      continue;
    }
    try {
      const response = await fetch(url.href, { credentials: 'same-origin' });
      if (storable(response)) {
        await pages.put(url.href, response.clone());
        await keepPictures(await response.text());
      }
    }
    catch (offline) {
      return;
    }
  }
}

// The exercise pictures a kept page shows, so that it shows them offline too.
async function keepPictures(html) {
  const assets = await caches.open(ASSETS);
  const pictures = new Set(Array.from(html.matchAll(/src="(\/library\/[a-z0-9-]+\/[a-z0-9.?=&;-]+\.svg[^"]*)"/g),
    (match) => match[1].replace(/&amp;/g, '&')));
  for (const picture of pictures) {
    if (!(await assets.match(picture, { ignoreVary: true }))) {
      const response = await fetch(picture, { credentials: 'same-origin' });
      if (storable(response)) {
        await assets.put(picture, response);
      }
    }
  }
}
