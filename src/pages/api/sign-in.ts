/**
 * POST /api/sign-in/ with `Authorization: Bearer <token>` and a JSON body `{}` (read by the reports page from this
 * device's enrolment): starts a short-lived session and sets its HttpOnly cookie, which lets the
 * browser open the reports page and download its exports. Only a coordinator device may sign in
 * (403 otherwise); the page explains.
 */
import type { APIRoute } from 'astro';
import { sessionCookie, sessionCookieOptions, sessionMaxAge } from '../../reports/access.ts';
import { authenticateRequest } from '../../sessions/auth.ts';
import { apiError, json } from '../../sessions/http.ts';
import { sessionStore } from '../../sessions/server.ts';

export const prerender = false;

export const POST: APIRoute = async ({ request, url, cookies }) => {
  const store = await sessionStore();
  const device = await authenticateRequest(request, store);
  if (device instanceof Response) return device;
  if (device.role !== 'coordinator')
    return apiError(403, 'notCoordinator', 'Only a device of a coordinator team may open reports.');
  const session = await store.startSession(device.deviceId, sessionMaxAge);
  cookies.set(sessionCookie, session, { ...sessionCookieOptions(url), maxAge: sessionMaxAge });
  return json(200, { team: device.team, deviceName: device.deviceName });
};

/** Anything but POST: 405, in JSON like every other answer here. */
export const ALL: APIRoute = () => apiError(405, 'methodNotAllowed', 'Use POST.', { Allow: 'POST' });
