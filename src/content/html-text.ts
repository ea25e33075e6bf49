/**
 * Plain text from a fragment of built HTML: tags removed, character references decoded, spaces
 * collapsed. For text the build lifts out of its own pages (a pack's title in `offline.json`),
 * which is later shown with `textContent`, where `&amp;` would show as it is written.
 * Example: `decodeHtmlText('<span>Jobs &amp; &#39;offers&#39;</span>')` is `Jobs & 'offers'`.
 */
const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeHtmlText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(?:#(\d+)|#x([\da-f]+)|(\w+));/gi, (entity, decimal?: string, hex?: string, name?: string) => {
      if (decimal ?? hex) {
        const code = Number.parseInt((decimal ?? hex)!, decimal ? 10 : 16);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
      }
      return named[name!.toLowerCase()] ?? entity;
    })
    .replace(/\s+/g, ' ')
    .trim();
}
