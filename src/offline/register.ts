/**
 * On every page (production builds only): registers the service worker with workbox-window,
 * shows "you are offline" while there is no connection, "ready to work offline" after the first
 * install, and "New material available — update" when a new deployment waits. Updating hands
 * over to the new worker, brings the saved packs up to date (none is lost: a pack that fails keeps
 * its copy) and reloads; on the log page, only once the draft being typed is saved.
 *
 * Saved packs do not wait for that prompt: a content-only deployment may not change the worker at
 * all. Whenever the app is online (this page load, the `online` event, a worker activation) they
 * are compared with the published versions and refreshed in the background (src/offline/refresh.ts).
 */
import { Workbox } from 'workbox-window';
import { refreshMessage, savedPacksChanged } from './refresh-message.ts';
import { format, readStrings } from './strings.ts';

const status = document.querySelector<HTMLElement>('[data-offline-status]');
const offlineBar = status?.querySelector<HTMLElement>('[data-offline-bar]');
const updateBar = status?.querySelector<HTMLElement>('[data-update-bar]');
const updateButton = updateBar?.querySelector<HTMLButtonElement>('button');
const message = status?.querySelector<HTMLElement>('[data-offline-message]');
const strings = status ? readStrings(status) : {};

function showConnection(): void {
  if (offlineBar) offlineBar.hidden = navigator.onLine;
}
addEventListener('online', showConnection);
addEventListener('offline', showConnection);
showConnection();

/** Compares the saved packs with the published versions and says what changed. */
async function refreshInBackground(): Promise<void> {
  if (!navigator.onLine) return;
  const { checkForUpdates } = await import('./refresh.ts');
  const report = await checkForUpdates().catch(() => undefined);
  if (!report) return;
  const text = refreshMessage(report, strings);
  if (text && message) message.textContent = text;
  if (
    report.updated.length +
      report.waiting.length +
      report.unpublished.length +
      report.checked.length +
      report.failed.length >
    0
  )
    dispatchEvent(new Event(savedPacksChanged));
}

if ('serviceWorker' in navigator && import.meta.env.PROD) {
  const workbox = new Workbox('/sw.js');
  addEventListener('online', () => void refreshInBackground());
  workbox.addEventListener('activated', () => void refreshInBackground());
  workbox.addEventListener('installed', (event) => {
    if (!event.isUpdate && message) message.textContent = format(strings['offline.ready']);
  });
  workbox.addEventListener('waiting', () => {
    if (updateBar) updateBar.hidden = false;
  });
  updateButton?.addEventListener('click', () => {
    // The log page's code is not swapped under a session log being typed (the log page sets
    // this while its draft holds anything): saving it first is one tap, a lost session is not.
    if (document.documentElement.dataset['logDraftOpen'] === 'true') {
      if (message) message.textContent = format(strings['offline.updateAfterLog']);
      return;
    }
    updateButton.disabled = true;
    if (message) message.textContent = format(strings['offline.updating']);
    workbox.addEventListener('controlling', async () => {
      const { checkForUpdates } = await import('./refresh.ts');
      const text = refreshMessage(await checkForUpdates({ pressed: true }), strings);
      if (text) sessionStorage.setItem('offline.refreshMessage', text);
      location.reload();
    });
    workbox.messageSkipWaiting();
  });
  const told = sessionStorage.getItem('offline.refreshMessage');
  if (told && message) {
    message.textContent = told;
    sessionStorage.removeItem('offline.refreshMessage');
  }
  void workbox.register().then(
    () => refreshInBackground(),
    () => undefined,
  );
}
