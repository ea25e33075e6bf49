/** My offline library: lists saved packs (all languages), storage, remove one or all, refresh all. */
import { listSaved, refreshSaved, removeAllSaved, removeSaved } from './save.ts';
import { format, megabytes, readStrings } from './strings.ts';

const root = document.querySelector<HTMLElement>('[data-library]');

async function render(root: HTMLElement): Promise<void> {
  const strings = readStrings(root);
  const list = root.querySelector<HTMLUListElement>('[data-saved-list]')!;
  const packs = await listSaved();
  const dateFormat = new Intl.DateTimeFormat(document.documentElement.dataset['formatLocale'], { dateStyle: 'medium', timeZone: 'Asia/Ho_Chi_Minh' });
  list.replaceChildren(
    ...packs.map((pack) => {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = pack.url;
      link.textContent = pack.title;
      const size = document.createElement('span');
      size.textContent = format(strings['offline.library.size'], { size: megabytes(pack.bytes), date: dateFormat.format(new Date(pack.savedAt)) });
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'button';
      remove.textContent = format(strings['offline.remove']);
      remove.setAttribute('aria-label', `${format(strings['offline.remove'])}: ${pack.title}`);
      remove.addEventListener('click', async () => {
        await removeSaved(pack.lang, pack.slug);
        await render(root);
      });
      const text = document.createElement('div');
      text.append(link, document.createElement('br'), size);
      item.append(text, remove);
      return item;
    }),
  );
  root.querySelector<HTMLElement>('[data-empty]')!.hidden = packs.length > 0;
  root.querySelector<HTMLElement>('[data-remove-all]')!.hidden = packs.length === 0;
  root.querySelector<HTMLElement>('[data-refresh-all]')!.hidden = packs.length === 0 || !navigator.onLine;
  const estimate = await navigator.storage?.estimate?.();
  if (estimate?.quota) {
    root.querySelector<HTMLElement>('[data-storage]')!.textContent = format(strings['offline.library.storage'], {
      used: megabytes(estimate.usage ?? 0),
      free: megabytes(estimate.quota - (estimate.usage ?? 0)),
    });
  }
}

if (root) {
  const strings = readStrings(root);
  const status = root.querySelector<HTMLElement>('[data-library-status]')!;
  // Served by the service worker in place of a page that was not saved.
  if (!location.pathname.endsWith('/offline/')) {
    root.querySelector<HTMLElement>('[data-not-saved]')!.hidden = false;
    root.querySelector<HTMLElement>('[data-library-heading]')!.hidden = true;
  }
  root.querySelector('[data-remove-all]')!.addEventListener('click', async () => {
    await removeAllSaved();
    await render(root);
  });
  root.querySelector('[data-refresh-all]')!.addEventListener('click', async (event) => {
    const button = event.currentTarget as HTMLButtonElement;
    button.disabled = true;
    const failed = await refreshSaved((progress) => {
      status.textContent = format(strings['offline.saving'], { files: progress.files, totalFiles: progress.totalFiles, done: megabytes(progress.bytes), total: megabytes(progress.totalBytes) });
    });
    status.textContent = failed.length > 0 ? format(strings['offline.refreshFailed'], { titles: failed.map((pack) => pack.title).join(', ') }) : format(strings['offline.saved']);
    button.disabled = false;
    await render(root);
  });
  void render(root);
}
