/**
 * Checks a delivery of Sanity's webhook before it may start a build: signed with our secret
 * (@sanity/webhook), signed recently, and not seen before. The signature covers the timestamp, so
 * an old delivery cannot be given a new date; remembering what was accepted inside the window
 * stops the same delivery, captured and sent again, from starting another build. The server
 * remembers in the session store, so a restart or another server behind the balancer forgets nothing.
 */
import { decodeSignatureHeader, isValidSignature, SIGNATURE_HEADER_NAME } from '@sanity/webhook';

/** How old (or, for a server's clock ahead of ours, how far in the future) a delivery may be. */
export const deliveryTolerance = 5 * 60 * 1000;

export type Verdict =
  | { readonly ok: true }
  | { readonly ok: false; readonly status: 401 | 409; readonly error: string; readonly message: string };

export interface WebhookVerifier {
  /** Verdict on one delivery: its exact body text and its headers. Accepting it records it. */
  verify(body: string, headers: Headers): Promise<Verdict>;
}

/** Where accepted deliveries are remembered: the session store on the server (`SessionStore.rememberDelivery`). */
export interface DeliveryMemory {
  /** Remembers `key` until `keepUntil`; false when it was remembered already. */
  rememberDelivery(key: string, keepUntil: Date, now: Date): Promise<boolean>;
}

/** A memory in this process only, for tests and tools: lost when the process ends. */
export function memoryInProcess(): DeliveryMemory {
  const seen = new Map<string, number>();
  return {
    async rememberDelivery(key, keepUntil, now) {
      for (const [other, until] of seen) if (until < now.getTime()) seen.delete(other);
      if (seen.has(key)) return false;
      seen.set(key, keepUntil.getTime());
      return true;
    },
  };
}

const refuse = (status: 401 | 409, error: string, message: string): Verdict => ({ ok: false, status, error, message });

/**
 * `now` is injectable for tests of the time window; the secret never leaves this closure.
 *
 * Sanity sends an `idempotency-key` header that stays the same when it retries a delivery; a
 * delivery is known by it and by its signature, whichever repeats.
 */
export function createWebhookVerifier(
  secret: string,
  now: () => number = Date.now,
  memory: DeliveryMemory = memoryInProcess(),
): WebhookVerifier {
  return {
    async verify(body, headers) {
      const signature = headers.get(SIGNATURE_HEADER_NAME);
      if (!signature)
        return refuse(
          401,
          'unsigned',
          `The request has no ${SIGNATURE_HEADER_NAME} header: only Sanity's webhook may start a build.`,
        );
      let timestamp: number;
      try {
        timestamp = decodeSignatureHeader(signature).timestamp;
      } catch {
        return refuse(401, 'badSignature', 'The signature header is malformed.');
      }
      if (body === '' || !(await isValidSignature(body, signature, secret))) {
        return refuse(
          401,
          'badSignature',
          'The signature does not match: check that the webhook and SANITY_WEBHOOK_SECRET have the same secret.',
        );
      }
      const time = now();
      if (Math.abs(time - timestamp) > deliveryTolerance) {
        return refuse(
          401,
          'stale',
          'The delivery was signed more than 5 minutes from now: it is old, or a clock is wrong.',
        );
      }
      const key = headers.get('idempotency-key');
      const keys = [`signature:${signature}`, ...(key ? [`key:${key}`] : [])];
      // Each key is remembered, the window check refusing the delivery anyway after keepUntil.
      const keepUntil = new Date(timestamp + deliveryTolerance);
      let replayed = false;
      for (const key of keys) if (!(await memory.rememberDelivery(key, keepUntil, new Date(time)))) replayed = true;
      if (replayed) return refuse(409, 'replayed', 'This delivery was received already.');
      return { ok: true };
    },
  };
}
