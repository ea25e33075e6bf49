/**
 * The "save for offline" controls: one pack on its page, or every pack of a language on the
 * list page, with one progress bar (files and MB), a clear error, and a saved badge after.
 */
import { fetchJson, isSaved, savePacks, SaveError, type PackManifest, type SaveProgress } from './save.ts';
import { format, megabytes, readStrings, type Strings } from './strings.ts';

interface PackList {
  lang: string;
  packs: { slug: string; url: string }[];
}

function errorMessage(error: unknown, strings: Strings): string {
  if (error instanceof SaveError && error.reason === 'quota') {
    return format(strings['offline.error.quota'], { needed: megabytes(error.detail.needed ?? 0), free: megabytes(error.detail.free ?? 0) });
  }
  if (error instanceof SaveError && error.reason === 'unsupported') return format(strings['offline.error.unsupported']);
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

  button.addEventListener('click', async () => {
    button.disabled = true;
    status.classList.remove('error');
    try {
      await savePacks(await manifestsFor(control), show);
      showDone();
    } catch (error) {
      status.textContent = errorMessage(error, strings);
      status.classList.add('error');
      button.disabled = false;
    } finally {
      bar.hidden = true;
    }
  });
  control.hidden = false;
}

document.querySelectorAll<HTMLElement>('[data-save-offline]').forEach(wire);
