/**
 * Where the form's draft is kept: in localStorage, one slot per tab, so a second tab never opens
 * the draft (and the client id) of the first. A tab holds a Web Lock named after its slot while it
 * is open; its id lives in sessionStorage, so a reload keeps the slot. A slot whose lock nobody
 * holds belongs to a tab that was closed (or a browser that was restarted): the next tab that
 * opens the form takes it over, so no typing is lost.
 */
import { fromStored, newClientId, toStored, type Draft, type StoredDraft } from './form-values.ts';

const prefix = 'log.draft.v2.';
/** The single draft of earlier versions, shared by every tab. */
const legacyKey = 'log.draft.v1';
const tabKey = 'log.tab';
const lockName = (tab: string) => `log-draft:${tab}`;

let slot: string | undefined;

/** Holds the lock of `tab` for as long as the page lives; false when another tab holds it. */
function holdLock(tab: string): Promise<boolean> {
  return new Promise((resolve) => {
    void navigator.locks
      .request(lockName(tab), { ifAvailable: true }, (lock) => {
        resolve(lock !== null);
        return lock ? new Promise<never>(() => undefined) : undefined;
      })
      .catch(() => resolve(false));
  });
}

function read(key: string): StoredDraft | undefined {
  try {
    // Written by this or an earlier version of the page: check before trusting its shape.
    const stored = JSON.parse(localStorage.getItem(key) ?? 'null') as Partial<StoredDraft> | null;
    return stored?.clientId && stored.typed ? (stored as StoredDraft) : undefined;
  } catch {
    return undefined;
  }
}

/** A draft of the one-slot version: its values were all kept, the date too; keep what is not a default. */
function readLegacy(): StoredDraft | undefined {
  try {
    const legacy = JSON.parse(localStorage.getItem(legacyKey) ?? 'null') as {
      values?: Record<string, unknown>;
      correcting?: StoredDraft['correcting'];
    } | null;
    if (!legacy?.values?.['clientId']) return undefined;
    const { clientId, date: _date, ...typed } = legacy.values;
    if (typeof clientId !== 'string') return undefined;
    return { clientId, typed, correcting: legacy.correcting };
  } catch {
    return undefined;
  }
}

/** A draft left by a closed tab, moved into this tab's slot. */
async function adoptOrphan(own: string): Promise<StoredDraft | undefined> {
  const held = new Set(((await navigator.locks.query()).held ?? []).map((lock) => lock.name));
  const orphans = Object.keys(localStorage).filter(
    (key) => key.startsWith(prefix) && key !== own && !held.has(lockName(key.slice(prefix.length))),
  );
  for (const key of orphans) {
    const stored = read(key);
    localStorage.removeItem(key);
    if (stored) {
      localStorage.setItem(own, JSON.stringify(stored));
      return stored;
    }
  }
  const legacy = readLegacy();
  localStorage.removeItem(legacyKey);
  if (legacy) localStorage.setItem(own, JSON.stringify(legacy));
  return legacy;
}

/**
 * Claims this tab's slot and opens its draft: the tab's own (after a reload), else one left by a
 * closed tab, else a new empty one. Call once, before the form shows.
 */
export async function claimDraft(now = new Date()): Promise<Draft | undefined> {
  try {
    if (!(navigator as Partial<Navigator>).locks) {
      // No Web Locks (very old browsers): a slot per tab, without taking over closed tabs' drafts.
      slot = prefix + (sessionStorage.getItem(tabKey) ?? newClientId());
      sessionStorage.setItem(tabKey, slot.slice(prefix.length));
      const own = read(slot);
      return own && fromStored(own, now);
    }
    let tab = sessionStorage.getItem(tabKey) ?? newClientId();
    // A duplicated tab copies sessionStorage: the lock tells it the slot is taken.
    while (!(await holdLock(tab))) tab = newClientId();
    sessionStorage.setItem(tabKey, tab);
    slot = prefix + tab;
    const own = read(slot) ?? (await navigator.locks.request('log-draft-adopt', () => adoptOrphan(slot!)));
    return own && fromStored(own, now);
  } catch {
    // Storage blocked: the form works, without a draft.
    return undefined;
  }
}

/**
 * Keeps the draft in this tab's slot; a draft with nothing typed leaves the slot empty. Marks the
 * page while a draft is open (`data-log-draft-open`): the update prompt waits for it (register.ts).
 */
export function saveDraft(draft: Draft): void {
  const stored = toStored(draft);
  document.documentElement.dataset['logDraftOpen'] = String(stored !== undefined);
  if (!slot) return;
  try {
    if (stored) localStorage.setItem(slot, JSON.stringify(stored));
    else localStorage.removeItem(slot);
  } catch {
    // A full or blocked localStorage only loses the draft, never a saved log.
  }
}
