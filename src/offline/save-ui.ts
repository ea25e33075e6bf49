/**
 * The "save for offline" controls: one pack on its page, or every pack of a language on the
 * list page, with one progress bar (files and MB), a clear error, and a saved badge after.
 */
import { refreshMessage, savedPacksChanged } from './refresh-message.ts';
import { fetchJson, savePacks, SaveError, type PackManifest, type SaveProgress } from './save.ts';
import { packFileName } from './pack-file.ts';
import { isSaved, listSaved } from './saved.ts';
import { dates, format, megabytes, readStrings, type Strings } from './strings.ts';

interface PackList {
  lang: string;
  packs: { slug: string; url: string; title: string }[];
}

function errorMessage(error: unknown, strings: Strings): string {
  if (error instanceof SaveError && error.reason === 'quota') {
    return format(strings['offline.error.quota'], {
      needed: megabytes(error.detail.needed ?? 0),
      free: megabytes(error.detail.free ?? 0),
    });
  }
  if (error instanceof SaveError && error.reason === 'unsupported') return format(strings['offline.error.unsupported']);
  // A file that arrived altered is, for the teacher, a download that failed.
  const file = error instanceof SaveError ? (error.detail.url ?? '') : '';
  return format(strings['offline.error.network'], { file });
}

/** The manifests this control saves: its pack, or every pack of the language not saved yet. */
async function manifestsFor(control: HTMLElement): Promise<PackManifest[]> {
  const single = control.dataset['manifest'];
  if (single) return [await fetchJson<PackManifest>(single)];
  const list = await fetchJson<PackList>(control.dataset['packs'] ?? '');
  const unsaved = [];
  for (const pack of list.packs) if (!(await isSaved(list.lang, pack.slug))) unsaved.push(pack);
  return Promise.all(unsaved.map((pack) => fetchJson<PackManifest>(`${pack.url}offline.json`)));
}

async function isDone(control: HTMLElement): Promise<boolean> {
  const { lang, slug } = control.dataset;
  if (slug && lang) return isSaved(lang, slug);
  return (await manifestsFor(control).catch(() => [{}])).length === 0;
}

function wire(control: HTMLElement): void {
  const strings = readStrings(control);
  const button = control.querySelector<HTMLButtonElement>('button')!;
  const bar = control.querySelector<HTMLProgressElement>('progress')!;
  const status = control.querySelector<HTMLElement>('[role="status"]')!;
  const doneText = strings[control.dataset['slug'] ? 'offline.saved' : 'offline.savedAll'] ?? '';

  const showDone = () => {
    control.dataset['saved'] = 'true';
    status.textContent = doneText;
    status.classList.remove('error');
    button.hidden = true;
  };
  void isDone(control).then((done) => done && showDone());

  const show = (progress: SaveProgress) => {
    bar.hidden = false;
    bar.max = Math.max(progress.totalBytes, 1);
    bar.value = progress.bytes;
    status.textContent = format(strings['offline.saving'], {
      files: progress.files,
      totalFiles: progress.totalFiles,
      done: megabytes(progress.bytes),
      total: megabytes(progress.totalBytes),
    });
  };

  button.addEventListener('click', () => void save());
  async function save(): Promise<void> {
    button.disabled = true;
    status.classList.remove('error');
    try {
      await savePacks(await manifestsFor(control), show);
      showDone();
      await showSavedCopy(control);
    } catch (error) {
      status.textContent = errorMessage(error, strings);
      status.classList.add('error');
      button.disabled = false;
    } finally {
      bar.hidden = true;
    }
  }
  control.hidden = false;
}

/**
 * On a saved pack's page: when its copy was last updated, and a newer version waiting (with its
 * size and an update button) or "no longer published".
 */
async function showSavedCopy(control: HTMLElement): Promise<void> {
  const { lang, slug } = control.dataset;
  const lastUpdated = control.querySelector<HTMLElement>('[data-last-updated]');
  const notice = control.querySelector<HTMLElement>('[data-pack-notice]');
  const update = control.querySelector<HTMLButtonElement>('[data-pack-update]');
  if (!lastUpdated || !notice || !update) return;
  const strings = readStrings(control);
  const pack = (await listSaved()).find((saved) => saved.lang === lang && saved.slug === slug);
  lastUpdated.hidden = !pack;
  notice.hidden = !pack?.unpublished && !pack?.pending;
  update.hidden = !pack?.pending || !!pack.unpublished;
  if (!pack) return;
  lastUpdated.textContent = format(strings['offline.lastUpdated'], { date: dates().format(new Date(pack.savedAt)) });
  notice.textContent = pack.unpublished
    ? format(strings['offline.unpublished'])
    : pack.pending
      ? format(strings['offline.updateWaiting'], { size: megabytes(pack.pending.bytes) })
      : '';
}

function wireUpdate(control: HTMLElement): void {
  const update = control.querySelector<HTMLButtonElement>('[data-pack-update]');
  if (!update) return;
  const checkNow = async (): Promise<void> => {
    update.disabled = true;
    const { checkForUpdates } = await import('./refresh.ts');
    const report = await checkForUpdates({ pressed: true });
    update.disabled = false;
    if (report.updated.length > 0) {
      location.reload();
      return;
    }
    await showSavedCopy(control);
    const text = refreshMessage(report, readStrings(control));
    if (text) control.querySelector<HTMLElement>('[role="status"]')!.textContent = text;
  };
  update.addEventListener('click', () => void checkNow());
  void showSavedCopy(control);
  addEventListener(savedPacksChanged, () => void showSavedCopy(control));
}

/**
 * Plain http to another address (a classroom laptop serving phones on its hotspot): browsers
 * allow service workers and Cache Storage only on https or the device itself, so nothing can be
 * saved here. Says so, and offers the pack files, which work from the phone's downloads.
 */
async function offerFilesInstead(control: HTMLElement): Promise<void> {
  control.querySelector<HTMLButtonElement>('button')!.hidden = true;
  control.querySelector<HTMLElement>('[data-insecure]')!.hidden = false;
  control.hidden = false;
  const list = control.querySelector<HTMLUListElement>('[data-pack-files]');
  if (!list) return;
  const { lang, packs } = (await (await fetch(control.dataset['packs'] ?? '')).json()) as PackList;
  list.replaceChildren(
    ...packs.map((pack) => {
      const link = Object.assign(document.createElement('a'), {
        href: `${pack.url}${packFileName(lang, pack.slug)}`,
        download: packFileName(lang, pack.slug),
        textContent: pack.title,
      });
      const item = document.createElement('li');
      item.append(link);
      return item;
    }),
  );
}

document.querySelectorAll<HTMLElement>('[data-save-offline]').forEach((control) => {
  if (!isSecureContext) return void offerFilesInstead(control);
  wire(control);
  wireUpdate(control);
});
