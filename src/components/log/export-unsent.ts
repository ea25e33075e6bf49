/**
 * Hands a rescue file (src/offline/rescue-file.ts) to the person: through the Web Share API where
 * the browser can share files (Android: Zalo, Bluetooth, e-mail), else as a download.
 */
export type Handed = 'shared' | 'downloaded' | 'cancelled';

export async function handOver(file: File): Promise<Handed> {
  const files = [file];
  if (typeof navigator.canShare === 'function' && navigator.canShare({ files })) {
    try {
      await navigator.share({ files, title: file.name });
      return 'shared';
    } catch (error) {
      // The person closed the share sheet: nothing to do. Any other failure: download instead.
      if ((error as Error).name === 'AbortError') return 'cancelled';
    }
  }
  const url = URL.createObjectURL(file);
  const link = Object.assign(document.createElement('a'), { href: url, download: file.name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return 'downloaded';
}
