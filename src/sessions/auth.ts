/** Who sent a request: the device behind its `Authorization: Bearer <token>` header. */
import { apiError } from './http.ts';
import type { DeviceIdentity, SessionStore } from './store.ts';

/** The token of an `Authorization: Bearer <token>` header, or undefined for none or a malformed one. */
export function bearerToken(request: Request): string | undefined {
  return /^Bearer ([\w-]{1,200})$/i.exec(request.headers.get('authorization') ?? '')?.[1];
}

/** The device, or the answer to give: 401 without or with an unknown token, 403 when revoked. */
export async function authenticateRequest(request: Request, store: SessionStore): Promise<DeviceIdentity | Response> {
  const token = bearerToken(request);
  const challenge = { 'WWW-Authenticate': 'Bearer' };
  if (!token)
    return apiError(
      401,
      'unauthenticated',
      'Send the device token as "Authorization: Bearer <token>"; enrol the device first.',
      challenge,
    );
  const identity = await store.authenticate(token);
  if (identity === 'unknown')
    return apiError(401, 'unknownToken', 'This device token is not known here; enrol the device again.', challenge);
  if (identity === 'revoked')
    return apiError(403, 'revoked', 'This device or its team has been revoked; ask a coordinator.');
  return identity;
}
