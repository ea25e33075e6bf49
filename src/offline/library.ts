/**
 * My offline library: lists saved packs (all languages) with size, last update, a newer version
 * waiting or "no longer published"; storage; remove one or all; update all; "update only when I
 * press"; check the saved files and repair a damaged pack.
 */
import { localePaths } from '../i18n/locales.ts';
import { shareInbox, type SavedPackMeta } from './cache-names.ts';
import { ImportError, importPackFile } from './import-file.ts';
import { checkForUpdates, checkSaved, repair, updateModeKey, updatesOnlyWhenPressed } from './refresh.ts';
import { refreshMessage, savedPacksChanged } from './refresh-message.ts';
import { listSaved, removeAllSaved, removeSaved } from './saved.ts';
import { dates, format, megabytes, readStrings, type Strings } from './strings.ts';

const root = document.querySelector<HTMLElement>('[data-library]');

function button(text: string, label: string, onClick: () => Promise<void>): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = 'button';
  element.textContent = text;
  element.setAttribute('aria-label', label);
  element.addEventListener('click', () => {
    element.disabled = true;
    void onClick().finally(() => (element.disabled = false));
  });
  return element;
}

function item(root: HTMLElement, pack: SavedPackMeta, strings: Strings): HTMLLIElement {
  const element = document.createElement('li');
  const link = document.createElement('a');
  link.href = pack.url;
  link.textContent = pack.title;
  const size = document.createElement('span');
  size.textContent = format(strings['offline.library.size'], {
    size: megabytes(pack.bytes),
    date: dates().format(new Date(pack.savedAt)),
  });
  const text = document.createElement('div');
  text.append(link, document.createElement('br'), size);
  const actions: HTMLButtonElement[] = [];
  if (pack.fromFile) {
    const note = document.createElement('p');
    note.textContent = format(strings['packFile.unchecked']);
    text.append(note);
  }
  if (pack.unpublished) {
    const note = document.createElement('p');
    note.textContent = format(strings['offline.unpublished']);
    text.append(note);
  } else if (pack.pending) {
    const note = document.createElement('p');
    note.textContent = format(strings['offline.updateWaiting'], { size: megabytes(pack.pending.bytes) });
    text.append(note);
    actions.push(
      button(format(strings['offline.updateButton']), `${format(strings['offline.updateButton'])}: ${pack.title}`, () =>
        updateAll(root),
      ),
    );
  }
  actions.push(
    button(format(strings['offline.remove']), `${format(strings['offline.remove'])}: ${pack.title}`, async () => {
      await removeSaved(pack.lang, pack.slug);
      await render(root);
    }),
  );
  element.append(text, ...actions);
  return element;
}

async function render(root: HTMLElement): Promise<void> {
  const strings = readStrings(root);
  const packs = await listSaved();
  root
    .querySelector<HTMLUListElement>('[data-saved-list]')!
    .replaceChildren(...packs.map((pack) => item(root, pack, strings)));
  root.querySelector<HTMLElement>('[data-empty]')!.hidden = packs.length > 0;
  root.querySelector<HTMLElement>('[data-remove-all]')!.hidden = packs.length === 0;
  root.querySelector<HTMLElement>('[data-check]')!.hidden = packs.length === 0;
  root.querySelector<HTMLElement>('[data-refresh-all]')!.hidden = packs.length === 0 || !navigator.onLine;
  const estimate = await (
    (navigator as Partial<Navigator>).storage as Partial<StorageManager> | undefined
  )?.estimate?.();
  if (estimate?.quota) {
    root.querySelector<HTMLElement>('[data-storage]')!.textContent = format(strings['offline.library.storage'], {
      used: megabytes(estimate.usage ?? 0),
      free: megabytes(estimate.quota - (estimate.usage ?? 0)),
    });
  }
}

/** Updates every saved pack that has a newer version, as pressed by the teacher. */
async function updateAll(root: HTMLElement): Promise<void> {
  const strings = readStrings(root);
  const status = root.querySelector<HTMLElement>('[data-library-status]')!;
  const report = await checkForUpdates({
    pressed: true,
    onProgress: (progress) => {
      status.textContent = format(strings['offline.saving'], {
        files: progress.files,
        totalFiles: progress.totalFiles,
        done: megabytes(progress.bytes),
        total: megabytes(progress.totalBytes),
      });
    },
  });
  status.textContent = refreshMessage(report, strings) || format(strings['offline.saved']);
  await render(root);
}

/** Imports a pack file and says what happened, in the page's language. */
async function importFile(root: HTMLElement, file: Blob): Promise<void> {
  const strings = readStrings(root);
  const status = root.querySelector<HTMLElement>('[data-library-status]')!;
  try {
    const pack = await importPackFile(file, localePaths);
    status.textContent = format(strings['packFile.imported'], { title: pack.title });
    // Online, the published index checks it at once.
    if (navigator.onLine) void checkForUpdates().then(() => render(root));
  } catch (error) {
    const reason = error instanceof ImportError ? error.reason : 'notPack';
    status.textContent = format(
      strings[reason === 'unsupported' ? 'offline.error.unsupported' : (`packFile.refused.${reason}` as const)],
    );
  }
  await render(root);
}

/** A pack file the service worker received from the share sheet (share_target), imported once. */
async function importShared(root: HTMLElement): Promise<void> {
  const params = new URLSearchParams(location.search);
  if (!params.has(shareInbox.received) || !('caches' in globalThis)) return;
  history.replaceState(history.state, '', location.pathname);
  const inbox = await caches.open(shareInbox.cacheName);
  const shared = await inbox.match(shareInbox.url);
  if (!shared) return;
  await inbox.delete(shareInbox.url);
  await importFile(root, await shared.blob());
}

if (root) {
  const strings = readStrings(root);
  const picker = root.querySelector<HTMLInputElement>('[data-import-pack]')!;
  picker.addEventListener('change', () => {
    const file = picker.files?.[0];
    if (!file) return;
    void importFile(root, file).then(() => {
      picker.value = '';
    });
  });
  void importShared(root);
  const status = root.querySelector<HTMLElement>('[data-library-status]')!;
  // Served by the service worker in place of a page that was not saved.
  if (!location.pathname.endsWith('/offline/')) {
    root.querySelector<HTMLElement>('[data-not-saved]')!.hidden = false;
    root.querySelector<HTMLElement>('[data-library-heading]')!.hidden = true;
  }
  const onlyWhenPressed = root.querySelector<HTMLInputElement>('[data-update-mode]')!;
  onlyWhenPressed.checked = updatesOnlyWhenPressed();
  onlyWhenPressed.addEventListener('change', () => {
    if (onlyWhenPressed.checked) localStorage.setItem(updateModeKey, '1');
    else localStorage.removeItem(updateModeKey);
  });
  root
    .querySelector('[data-remove-all]')!
    .addEventListener('click', () => void removeAllSaved().then(() => render(root)));
  root.querySelector('[data-refresh-all]')!.addEventListener('click', (event) => {
    const element = event.currentTarget as HTMLButtonElement;
    element.disabled = true;
    void updateAll(root).finally(() => (element.disabled = false));
  });
  const checkAndRepair = async (element: HTMLButtonElement): Promise<void> => {
    element.disabled = true;
    const damaged = await checkSaved();
    const report = damaged.length > 0 ? await repair(damaged) : undefined;
    const failed = refreshMessage(
      { ...(report ?? { waiting: [], unpublished: [], checked: [], downloaded: 0, failed: [] }), updated: [] },
      strings,
    );
    const repaired = report?.updated.length
      ? format(strings['offline.repaired'], { titles: report.updated.map((pack) => pack.title).join(', ') })
      : '';
    status.textContent = [failed, repaired].filter(Boolean).join(' ') || format(strings['offline.checkOk']);
    element.disabled = false;
    await render(root);
  };
  root
    .querySelector('[data-check]')!
    .addEventListener('click', (event) => void checkAndRepair(event.currentTarget as HTMLButtonElement));
  addEventListener(savedPacksChanged, () => void render(root));
  void render(root);
}
