/**
 * The pack page's Share button: hands the pack's single file to the Web Share API, shown only
 * where the browser says it can share such a file (navigator.canShare({ files })).
 */
import { format, readStrings } from './strings.ts';

for (const box of document.querySelectorAll<HTMLElement>('[data-pack-file]')) {
  const link = box.querySelector<HTMLAnchorElement>('a[download]');
  const button = box.querySelector<HTMLButtonElement>('[data-pack-share]');
  const status = box.querySelector<HTMLElement>('[role="status"]');
  if (!link || !button || !(navigator as Partial<Navigator>).canShare) continue;
  const asFile = (parts: BlobPart[]) => new File(parts, link.download, { type: 'text/html' });
  if (!navigator.canShare({ files: [asFile([''])] })) continue;
  button.hidden = false;
  const share = async (): Promise<void> => {
    if (status) status.textContent = '';
    try {
      const response = await fetch(link.href);
      if (!response.ok) throw new Error(String(response.status));
      await navigator.share({
        files: [asFile([await response.blob()])],
        title: box.dataset['title'] ?? document.title,
      });
    } catch (error) {
      // The teacher closed the share sheet: nothing to say.
      if (error instanceof DOMException && error.name === 'AbortError') return;
      if (status) status.textContent = format(readStrings(box)['packFile.shareFailed']);
    }
  };
  button.addEventListener('click', () => void share());
}
