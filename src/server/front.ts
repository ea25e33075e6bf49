/**
 * What the node server does to every request before the node adapter sees it, static files
 * included: the adapter's own file server answers a static page or asset before Astro's middleware
 * (src/middleware.ts) could, so without this `/en//help/` or `/en/h%65lp/` was served 200 with
 * no page headers and `/en/help` was served instead of redirected.
 *
 * 1. A non-canonical path (src/security/canonical-path.ts) is redirected: 301 for GET and HEAD,
 *    308 otherwise (a client keeps the method and body), query kept.
 * 2. The answer gets the security headers of what it is (src/security/headers.ts): a static page
 *    its own entry of `_headers.json` (Astro's CSP with the page's script hashes, which the build
 *    extended, src/integrations/security-headers.ts), the API `apiPolicy`, any other file
 *    `filePolicy`. An answer that sets its own (the middleware's, on pages rendered on demand)
 *    keeps its own: Node lets `writeHead` override what `setHeader` set.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { canonicalPath, isFileName } from '../security/canonical-path.ts';
import { apiPolicy, filePolicy, pagePolicy, securityHeaders } from '../security/headers.ts';

export interface HeaderEntry {
  pathname: string;
  headers: { key: string; value: string }[];
}

/** The path of a request target as a URL parser resolves it (`/./`, `/../`), before canonical form. */
function resolvedPath(target: string): string {
  try {
    return new URL(`http://host${target.startsWith('/') ? '' : '/'}${target}`).pathname;
  } catch {
    return target;
  }
}

/** The headers an answer at `path` (canonical) carries, by what it is. */
export function headersFor(path: string, pages: ReadonlyMap<string, HeaderEntry['headers']>): [string, string][] {
  const page = pages.get(path);
  if (page) return page.map(({ key, value }) => [key, value]);
  const policy = path.startsWith('/api/') ? apiPolicy : isFileName(path) ? filePolicy : pagePolicy;
  return [['Content-Security-Policy', policy], ...Object.entries(securityHeaders)];
}

/** `handler` (the node adapter's) behind the canonical-path redirect and the security headers. */
export function front(handler: RequestListener, entries: readonly HeaderEntry[]): RequestListener {
  const pages = new Map(entries.map((entry) => [entry.pathname, entry.headers]));
  return (request: IncomingMessage, response: ServerResponse) => {
    const target = request.url ?? '/';
    const queryAt = target.indexOf('?');
    const path = queryAt < 0 ? target : target.slice(0, queryAt);
    const query = queryAt < 0 ? '' : target.slice(queryAt);
    const canonical = canonicalPath(resolvedPath(path));
    for (const [name, value] of headersFor(canonical, pages)) response.setHeader(name, value);
    if (canonical !== path) {
      const keepsMethod = request.method !== 'GET' && request.method !== 'HEAD';
      response.writeHead(keepsMethod ? 308 : 301, { Location: canonical + query, 'Cache-Control': 'no-store' });
      response.end();
      return;
    }
    handler(request, response);
  };
}
