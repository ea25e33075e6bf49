/**
 * Content encodings for the node server: which static files the build stores compressed, and
 * which stored copy a request may get. Brotli first (about a fifth smaller than gzip on our HTML),
 * gzip for the rest; a file is sent as is to a client that accepts neither.
 */

/** The encodings the build writes, best first, with the suffix of their files. */
export const encodings = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;
export type Encoding = (typeof encodings)[number];

/** Text files worth compressing; images, audio, fonts (woff2) and Pagefind's files already are. */
const textFile = /\.(?:html|css|js|mjs|json|svg|xml|txt|webmanifest|map)$/i;
/** Below this size the headers cost more than compression saves. */
export const smallestCompressed = 1024;

/** Whether the build stores compressed copies of a file with this name and size. */
export function isCompressible(name: string, size: number): boolean {
  return textFile.test(name) && size >= smallestCompressed;
}

/**
 * The encodings a client's `Accept-Encoding` allows, in our order of preference; `q=0` refuses one,
 * `*` allows any not named.
 * @example accepted('gzip, deflate, br') // ['br', 'gzip']
 * @example accepted('br;q=0, *') // ['gzip']
 */
export function accepted(header: string | undefined): Encoding[] {
  if (!header) return [];
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [token = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
    weights.set(token.trim(), q === undefined ? 1 : Number(q));
  }
  const any = weights.get('*');
  return encodings.filter((encoding) => (weights.get(encoding.name) ?? any ?? 0) > 0);
}
