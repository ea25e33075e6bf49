/**
 * What the reports page's device forms ask, done on the store: revoke a device or a team (and,
 * when the coordinator ticks it, quarantine the revoked device's logs too), quarantine a device's
 * logs, or release them. Answers the query of the page to redirect to, which names the notice.
 * The device showing the page and its own team cannot be revoked from it.
 */
import type { DeviceIdentity, SessionStore } from '../sessions/store.ts';

/** Notices the page shows after an action (`?notice=…&name=…`). */
export type DeviceNotice = 'revoked' | 'notRevoked' | 'quarantined' | 'released' | 'unknownDevice';

const answer = (notice: DeviceNotice, name?: string) =>
  new URLSearchParams({ notice, ...(name !== undefined && { name }) });

/** Runs the action of `form` for the coordinator `access`; the query to redirect to. */
export async function runDeviceAction(
  form: URLSearchParams | undefined,
  access: DeviceIdentity,
  store: SessionStore,
): Promise<URLSearchParams> {
  const action = form?.get('action');
  const id = form?.get('id') ?? '';
  if (action === 'quarantine' || action === 'release') {
    const done = id ? await (action === 'quarantine' ? store.quarantine(id) : store.release(id)) : 'unknown';
    return done === 'unknown'
      ? answer('unknownDevice')
      : answer(action === 'quarantine' ? 'quarantined' : 'released', done.name);
  }
  if (action !== 'revoke' || !id || id === access.deviceId || id === access.team.id) return answer('notRevoked');
  const revoked = await store.revoke(id);
  if (revoked === 'unknown') return answer('notRevoked');
  if (revoked.kind === 'device' && form?.get('quarantine') === 'on') {
    await store.quarantine(id);
    return answer('quarantined', revoked.name);
  }
  return answer('revoked', revoked.name);
}
