/**
 * The service worker. Precached: the shell (CSS, fonts, icons, each language's home, help,
 * search and offline-library pages). At runtime: pages stale-while-revalidate, images and audio
 * cache-first with expiry, /api/* never cached. A pack the teacher saved lives in a cache of its
 * own (see src/offline/cache-names.ts) and answers before the network and the runtime caches.
 * Background Sync sends the session-log outbox (src/offline/sync-core.ts) where the browser has it.
 */
/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { createPartialResponse } from 'workbox-range-requests';
import { registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkOnly, StaleWhileRevalidate } from 'workbox-strategies';
import type { WorkboxPlugin } from 'workbox-core/types.js';
import { appPrefix, runtimeCaches, savedPrefix, shareInbox } from '../offline/cache-names.ts';
import { syncOutbox, syncTag } from '../offline/sync-core.ts';
import { isLocalePath, sourceLocale } from '../i18n/locales.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: { url: string; revision: string | null }[] };

precacheAndRoute(self.__WB_MANIFEST, {
  directoryIndex: 'index.html',
  cleanURLs: false,
  ignoreURLParametersMatching: [/.*/],
});
cleanupOutdatedCaches();
clientsClaim();

/** A request's answer from the saved packs or saved app pages, if it was saved. */
async function fromSavedPacks(request: Request): Promise<Response | undefined> {
  const url = new URL(request.url);
  url.search = '';
  for (const name of await caches.keys()) {
    if (!name.startsWith(savedPrefix) && !name.startsWith(appPrefix)) continue;
    const response = await (await caches.open(name)).match(url.href);
    if (response) return response;
  }
  return undefined;
}

/** Saved packs answer first, whatever the runtime cache holds or the network says. */
const savedFirst: WorkboxPlugin = {
  cachedResponseWillBeUsed: async ({ request, cachedResponse }) =>
    (await fromSavedPacks(request)) ?? cachedResponse ?? null,
};

/** An unsaved page offline: the offline page of its language, which lists what is saved. */
const offlinePage: WorkboxPlugin = {
  handlerDidError: async ({ request }) => {
    const lang = new URL(request.url).pathname.split('/')[1] ?? '';
    return (await matchPrecache(`/${isLocalePath(lang) ? lang : sourceLocale}/offline/`)) ?? Response.error();
  },
};

/**
 * An answer marked `Cache-Control: no-store` (reports, the API, anything signed-in) is never kept,
 * whatever its URL: the URL rules below are a second line, this one holds for every cache.
 */
const neverNoStore: WorkboxPlugin = {
  cacheWillUpdate: async ({ response }) =>
    /(^|,)\s*no-store\s*(,|$)/i.test(response.headers.get('cache-control') ?? '') ? null : response,
};

registerRoute(({ url }) => url.pathname.startsWith('/api/'), new NetworkOnly());

// A pack file shared to the installed app (share_target in the web app manifest, a POST no
// server answers): kept in an inbox, and the library page imports it (src/offline/library.ts).
registerRoute(
  ({ url, request }) => request.method === 'POST' && url.searchParams.has(shareInbox.action),
  async ({ request, url }) => {
    const file = (await request.formData()).get('pack');
    if (file instanceof File)
      await (
        await caches.open(shareInbox.cacheName)
      ).put(shareInbox.url, new Response(file, { headers: { 'Content-Type': 'text/html' } }));
    return Response.redirect(new URL(`${url.pathname}?${shareInbox.received}`, url).href, 303);
  },
  'POST',
);

// "Save for offline" fetches fresh copies itself and stores them (src/offline/save.ts).
registerRoute(({ request }) => request.headers.get('x-offline-save') === '1', new NetworkOnly());

// Reports hold a coordinator's figures behind a sign-in: never kept in a cache on the device.
registerRoute(({ url }) => /^\/[^/]+\/reports\//.test(url.pathname), new NetworkOnly({ plugins: [offlinePage] }));

registerRoute(
  ({ request }) => request.mode === 'navigate',
  new StaleWhileRevalidate({ cacheName: runtimeCaches.pages, plugins: [neverNoStore, savedFirst, offlinePage] }),
);

registerRoute(
  ({ request, url }) => request.destination === 'image' && url.origin === self.location.origin,
  new CacheFirst({
    cacheName: runtimeCaches.images,
    plugins: [
      neverNoStore,
      savedFirst,
      new ExpirationPlugin({ maxEntries: 300, maxAgeSeconds: 60 * 24 * 3600, purgeOnQuotaError: true }),
    ],
  }),
);

/**
 * Audio players ask for byte ranges, and a server answers a range with a 206, which no cache can
 * keep. So the worker asks the network for the whole file (a 200, which the media cache keeps)
 * and answers every range, online or off, with a 206 sliced from that whole file: audio a teacher
 * played online plays offline.
 */
const wholeFile: WorkboxPlugin = {
  requestWillFetch: async ({ request }) => {
    if (!request.headers.has('range')) return request;
    const headers = new Headers(request.headers);
    headers.delete('range');
    return new Request(request.url, {
      headers,
      credentials: request.credentials,
      cache: request.cache === 'only-if-cached' ? 'default' : request.cache,
    });
  },
};
const media = new CacheFirst({
  cacheName: runtimeCaches.media,
  plugins: [
    neverNoStore,
    savedFirst,
    wholeFile,
    new ExpirationPlugin({ maxEntries: 60, maxAgeSeconds: 60 * 24 * 3600, purgeOnQuotaError: true }),
  ],
});
registerRoute(
  ({ request, url }) => request.destination === 'audio' || url.pathname.startsWith('/media/'),
  async (options) => {
    const response = await media.handle(options);
    return options.request.headers.has('range') && response.status === 200
      ? createPartialResponse(options.request, response)
      : response;
  },
);

// Pagefind asks for its entry file with a fresh `?ts=` each time: the expiry keeps that bounded.
registerRoute(
  ({ url }) => url.pathname.startsWith('/pagefind/'),
  new StaleWhileRevalidate({
    cacheName: runtimeCaches.search,
    plugins: [neverNoStore, savedFirst, new ExpirationPlugin({ maxEntries: 60, purgeOnQuotaError: true })],
  }),
);

registerRoute(
  ({ url }) => url.pathname.startsWith('/_astro/'),
  new CacheFirst({ cacheName: runtimeCaches.assets, plugins: [neverNoStore, savedFirst] }),
);

/** Background Sync's event (Chromium only; not in TypeScript's WebWorker lib). */
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}

// The outbox, sent when the connection returns even if the page is closed. The same rules as the
// page (src/offline/sync-core.ts); a failure asks the browser to try again later.
self.addEventListener('sync', (event) => {
  const sync = event as SyncEvent;
  if (sync.tag !== syncTag) return;
  sync.waitUntil(
    syncOutbox().then((outcome) => {
      if (outcome.kind === 'offline' || outcome.kind === 'server') throw new Error(`outbox not sent: ${outcome.kind}`);
    }),
  );
});

self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
