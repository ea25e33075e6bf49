/**
 * POST /api/sign-in/ with `Authorization: Bearer <token>` and a JSON body `{}` (read by the reports page from this
 * device's enrolment): sets the HttpOnly cookie that lets the browser open the reports page and
 * download its exports. Only a coordinator device may sign in (403 otherwise); the page explains.
 */
import type { APIRoute } from 'astro';
import { cookieMaxAge, tokenCookie } from '../../reports/access.ts';
import { authenticateRequest, bearerToken } from '../../sessions/auth.ts';
import { apiError, checkOrigin, json } from '../../sessions/http.ts';
import { sessionStore } from '../../sessions/server.ts';

export const prerender = false;

export const POST: APIRoute = async ({ request, url, cookies }) => {
  const refused = checkOrigin(request, url, import.meta.env.SITE);
  if (refused) return refused;
  const device = await authenticateRequest(request, await sessionStore());
  if (device instanceof Response) return device;
  if (device.role !== 'coordinator') return apiError(403, 'notCoordinator', 'Only a device of a coordinator team may open reports.');
  cookies.set(tokenCookie, bearerToken(request)!, { httpOnly: true, sameSite: 'strict', secure: url.protocol === 'https:', path: '/', maxAge: cookieMaxAge });
  return json(200, { team: device.team, deviceName: device.deviceName });
};
