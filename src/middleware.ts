/**
 * What every request to the node server passes before a route sees it, and what every answer
 * carries after, in this order: canonical path (redirect), body size (413 at once), origin of a
 * request that changes something (403), the client's address for the routes (TRUST_PROXY), then
 * the security headers on the answer. Static files never reach this: the node server's front
 * (src/server/front.ts) redirects their variants and gives them their headers (`_headers.json`,
 * src/integrations/security-headers.ts).
 */
import { defineMiddleware } from 'astro:middleware';
import { canonicalPath } from './security/canonical-path.ts';
import { addSecurityHeaders, apiPolicy, pagePolicy } from './security/headers.ts';
import { clientAddress, isAllowedOrigin, serverProxySettings } from './security/proxy.ts';
import { isForPerson, refusalPage } from './security/refusal-page.ts';
import { apiError, bodyLimitFor } from './sessions/http.ts';

const settings = serverProxySettings();

export const onRequest = defineMiddleware(async (context, next) => {
  if (context.isPrerendered) return next();
  const { request } = context;
  const isApi = context.url.pathname.startsWith('/api/');
  const answer = await check(request, context.url, context.clientAddress, context.locals);
  const response = answer ?? (await next());
  return withSecurityHeaders(response, isApi ? apiPolicy : pagePolicy);
});

async function check(request: Request, url: URL, peer: string, locals: App.Locals): Promise<Response | undefined> {
  const raw = new URL(request.url);
  const canonical = canonicalPath(raw.pathname);
  if (canonical !== raw.pathname) {
    return new Response(null, {
      status: request.method === 'GET' || request.method === 'HEAD' ? 301 : 308,
      headers: { Location: canonical + raw.search, 'Cache-Control': 'no-store' },
    });
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    const limit = bodyLimitFor(raw.pathname);
    if (Number(request.headers.get('content-length')) > limit) {
      // A program gets JSON; a person who sent a form gets a page in the language of its address.
      if (isForPerson(raw.pathname)) return refusalPage(raw.pathname, 413, limit);
      return apiError(413, 'bodyTooLarge', `The body is larger than ${Math.round(limit / 1024)} KB.`, {
        Connection: 'close',
      });
    }
    if (!isAllowedOrigin(request, url, settings)) {
      if (isForPerson(raw.pathname)) return refusalPage(raw.pathname, 403, limit);
      const origin = request.headers.get('origin') ?? 'another site';
      return apiError(403, 'foreignOrigin', `Requests from ${origin} are not accepted here.`);
    }
  }
  locals.clientAddress = clientAddress(peer, request.headers.get('x-forwarded-for'), settings.trust);
  return undefined;
}

/** The answer with the security headers; a redirect's headers are immutable, so it is copied. */
function withSecurityHeaders(response: Response, policy: string): Response {
  try {
    addSecurityHeaders(response.headers, policy);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    addSecurityHeaders(copy.headers, policy);
    return copy;
  }
}
