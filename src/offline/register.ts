/**
 * On every page (production builds only): registers the service worker with workbox-window,
 * shows "you are offline" while there is no connection, "ready to work offline" after the first
 * install, and "New material available — update" when a new deployment waits. Updating hands
 * over to the new worker, downloads the saved packs again (none is lost: a pack that fails keeps
 * its copy) and reloads; on the log page, only once the draft being typed is saved.
 */
import { Workbox } from 'workbox-window';
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

if ('serviceWorker' in navigator && import.meta.env.PROD) {
  const workbox = new Workbox('/sw.js');
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
      const { refreshSaved } = await import('./save.ts');
      const failed = await refreshSaved();
      if (failed.length > 0) sessionStorage.setItem('offline.refreshFailed', failed.map((pack) => pack.title).join(', '));
      location.reload();
    });
    workbox.messageSkipWaiting();
  });
  const failed = sessionStorage.getItem('offline.refreshFailed');
  if (failed && message) {
    message.textContent = format(strings['offline.refreshFailed'], { titles: failed });
    sessionStorage.removeItem('offline.refreshFailed');
  }
  void workbox.register();
}
