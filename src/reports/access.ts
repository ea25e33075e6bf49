/**
 * Who may see reports: a device of a coordinator team. A browser proves it with a cookie that
 * `/api/sign-in/` sets from the device's token (pages are opened by links, which carry no bearer
 * header); programs send `Authorization: Bearer <token>` as to the other routes. The cookie is
 * HttpOnly and SameSite=Strict, so no script and no other site can use it.
 */
import type { AstroCookies } from 'astro';
import { bearerToken } from '../sessions/auth.ts';
import type { DeviceIdentity, SessionStore } from '../sessions/store.ts';

/** The cookie that carries a coordinator device's token. */
export const tokenCookie = 'lc_device';

/** How long a signed-in browser stays signed in: a working day. */
export const cookieMaxAge = 12 * 60 * 60;

/** Why a request may not see reports: no or unknown token (401), or not a coordinator or revoked (403). */
export type Refusal = { status: 401; reason: 'unauthenticated' | 'unknownToken' } | { status: 403; reason: 'revoked' | 'notCoordinator' };

/** The token of a request: its bearer header first, else the cookie. */
export function requestToken(request: Request, cookies: AstroCookies): string | undefined {
  const bearer = bearerToken(request);
  const cookie = cookies.get(tokenCookie)?.value;
  return bearer ?? (cookie && /^[\w-]{1,200}$/.test(cookie) ? cookie : undefined);
}

/** The coordinator device behind the request, or why not. */
export async function coordinatorAccess(request: Request, cookies: AstroCookies, store: SessionStore): Promise<DeviceIdentity | Refusal> {
  const token = requestToken(request, cookies);
  if (!token) return { status: 401, reason: 'unauthenticated' };
  const identity = await store.authenticate(token);
  if (identity === 'unknown') return { status: 401, reason: 'unknownToken' };
  if (identity === 'revoked') return { status: 403, reason: 'revoked' };
  if (identity.role !== 'coordinator') return { status: 403, reason: 'notCoordinator' };
  return identity;
}

/** Whether an access check refused. */
export const isRefusal = (access: DeviceIdentity | Refusal): access is Refusal => 'status' in access;
