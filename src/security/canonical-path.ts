/**
 * One address per page. `/en//reports/`, `/en/r%65ports/` and `/en/reports` all reach the reports
 * route, but a rule that matches URLs (the service worker's never-cache rule, a proxy's) would not
 * know them: the server answers them with a redirect to the canonical path instead.
 */

/** Letters, digits and `-._~`: RFC 3986 says their percent-encoded forms mean the same URL. */
const unreserved = /%(4[1-9A-F]|5[0-9A]|6[1-9A-F]|7[0-9A]|3[0-9]|2D|2E|5F|7E)/gi;

/**
 * The canonical form of a path: unreserved characters decoded, other escapes in upper case, runs
 * of slashes as one, and (pages only, not `/api/` nor a file name) a trailing slash. Examples:
 * `/en//r%65ports` is `/en/reports/`; `/api/sessions` stays `/api/sessions` (both are answered).
 */
export function canonicalPath(pathname: string): string {
  let path = pathname
    .replace(unreserved, (escape) => String.fromCharCode(parseInt(escape.slice(1), 16)))
    .replace(/%[0-9a-f]{2}/gi, (escape) => escape.toUpperCase())
    .replace(/\/{2,}/g, '/');
  if (!path.startsWith('/api/') && !isFileName(path) && !path.endsWith('/')) path += '/';
  return path;
}

/**
 * Whether a path names a file (its last segment has an extension), which keeps its address as it
 * is. Extensions hold `_` and `-` too: Pagefind writes `.pf_meta`, `.pf_fragment`, `.pf_index`.
 */
export function isFileName(path: string): boolean {
  return /\.[\w-]+$/.test(path);
}
