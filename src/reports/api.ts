/** What both report exports do before they answer: refuse anyone but a coordinator, read the filter. */
import type { AstroCookies } from 'astro';
import { apiError } from '../sessions/http.ts';
import { sessionStore } from '../sessions/server.ts';
import type { SessionStore } from '../sessions/store.ts';
import { coordinatorAccess, isRefusal } from './access.ts';
import { parseReportFilter, type ParsedFilter } from './filter.ts';

const refusalMessages = {
  unauthenticated: 'Sign in on the reports page with a coordinator device, or send "Authorization: Bearer <token>".',
  unknownToken: 'This device token is not known here; enrol the device again.',
  revoked: 'This device or its team has been revoked.',
  notCoordinator: 'Reports are for coordinator devices only.',
} as const;

/** The store and the filter, or the answer to give (401/403 as JSON, 400 for an invalid filter). */
export async function exportRequest(
  request: Request,
  url: URL,
  cookies: AstroCookies,
): Promise<{ store: SessionStore; parsed: ParsedFilter } | Response> {
  const store = await sessionStore();
  const access = await coordinatorAccess(request, cookies, store);
  if (isRefusal(access)) {
    return apiError(
      access.status,
      access.reason,
      refusalMessages[access.reason],
      access.status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {},
    );
  }
  const parsed = parseReportFilter(url.searchParams);
  if (parsed.invalid.length > 0)
    return apiError(400, 'invalidFilter', `Not a valid value: ${parsed.invalid.join(', ')}.`);
  return { store, parsed };
}

/** A file to download, named after what it covers, e.g. `report-2026-01-01-2026-03-31.csv`. */
export function download(body: string, type: string, name: string): Response {
  return new Response(body, {
    headers: {
      'Content-Type': `${type}; charset=utf-8`,
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'no-store',
    },
  });
}
