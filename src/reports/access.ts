/**
 * Who may see reports: a device of a coordinator team. Programs send `Authorization: Bearer
 * <device token>` as to the other routes. A browser opens pages by links, which carry no bearer
 * header: `/api/sign-in/` turns the device's token into a short-lived session, and the cookie
 * holds only the session's random id (stored hashed). The cookie never holds the token: it is no
 * good as a Bearer token, and sign-out and revoking the device end it on the server. It is
 * HttpOnly, SameSite=Strict, and Secure when the public origin is https.
 */
import type { AstroCookies } from 'astro';
import { isSecureOrigin, serverProxySettings } from '../security/proxy.ts';
import { bearerToken } from '../sessions/auth.ts';
import type { DeviceIdentity, SessionStore } from '../sessions/store.ts';

/** The cookie that carries a signed-in browser's session id. */
export const sessionCookie = 'lc_session';

/** How long a signed-in browser stays signed in: a working day. */
export const sessionMaxAge = 8 * 60 * 60;

/** Why a request may not see reports: no or unknown token or session (401), or not a coordinator or revoked (403). */
export type Refusal =
  { status: 401; reason: 'unauthenticated' | 'unknownToken' } | { status: 403; reason: 'revoked' | 'notCoordinator' };

/** The session id of the request's cookie, when it has the shape of one. */
export function sessionId(cookies: AstroCookies): string | undefined {
  const cookie = cookies.get(sessionCookie)?.value;
  return cookie && /^[\w-]{43}$/.test(cookie) ? cookie : undefined;
}

/** The options of the session cookie, for setting and deleting it alike. */
export function sessionCookieOptions(url: URL) {
  return { httpOnly: true, sameSite: 'strict', secure: isSecureOrigin(serverProxySettings(), url), path: '/' } as const;
}

/** The coordinator device behind the request (its bearer header first, else its session), or why not. */
export async function coordinatorAccess(
  request: Request,
  cookies: AstroCookies,
  store: SessionStore,
): Promise<DeviceIdentity | Refusal> {
  const token = bearerToken(request);
  const session = token ? undefined : sessionId(cookies);
  if (!token && !session) return { status: 401, reason: 'unauthenticated' };
  const identity = token ? await store.authenticate(token) : await store.sessionIdentity(session!);
  if (identity === 'unknown') return { status: 401, reason: 'unknownToken' };
  if (identity === 'revoked') return { status: 403, reason: 'revoked' };
  if (identity.role !== 'coordinator') return { status: 403, reason: 'notCoordinator' };
  return identity;
}

/** Whether an access check refused. */
export const isRefusal = (access: DeviceIdentity | Refusal): access is Refusal => 'status' in access;
