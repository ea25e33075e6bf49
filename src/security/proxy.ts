/**
 * Where the server stands: its public origin (SITE_URL, what people type, e.g. https://outreach.example.org)
 * and the reverse proxies in front of it that it trusts (TRUST_PROXY). Read at run time, so one
 * build serves behind any proxy. The client address comes from the socket, or from
 * `X-Forwarded-For` read from the right past the trusted hops only: the left of that header is
 * written by the client and proves nothing.
 */
import { isIP } from 'node:net';
import { z } from 'zod';

/** TRUST_PROXY: a hop count (`1`: one proxy, e.g. nginx on the same machine) or addresses (`127.0.0.1,10.0.0.5`). */
export type TrustProxy = { hops: number } | { addresses: ReadonlySet<string> };

const proxyEnvSchema = z.object({
  /** The public origin, e.g. `https://outreach.example.org`; forms and the API accept exactly it. */
  SITE_URL: z.url({ protocol: /^https?$/ }).optional(),
  TRUST_PROXY: z
    .string()
    .regex(
      /^(\d{1,2}|[\d.:a-fA-F]+(\s*,\s*[\d.:a-fA-F]+)*)$/,
      'a hop count (e.g. 1) or a comma-separated list of proxy addresses',
    )
    .optional(),
});

export interface ProxySettings {
  /** The public origin, or undefined to accept the request's own (a server reached directly). */
  publicOrigin: string | undefined;
  trust: TrustProxy;
}

/** Reads SITE_URL and TRUST_PROXY (empty counts as unset); throws naming a bad one. */
export function readProxySettings(env: Record<string, string | undefined> = process.env): ProxySettings {
  const present = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => key in proxyEnvSchema.shape && value !== ''),
  );
  const result = proxyEnvSchema.safeParse(present);
  if (!result.success)
    throw new Error(
      `Proxy settings are invalid:\n  ${result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n  ')}`,
    );
  const { SITE_URL, TRUST_PROXY } = result.data;
  const trust: TrustProxy =
    TRUST_PROXY === undefined
      ? { hops: 0 }
      : /^\d+$/.test(TRUST_PROXY)
        ? { hops: Number(TRUST_PROXY) }
        : { addresses: new Set(TRUST_PROXY.split(',').map((part) => normalizeAddress(part.trim()))) };
  return { publicOrigin: SITE_URL ? new URL(SITE_URL).origin : undefined, trust };
}

/** `::ffff:127.0.0.1` (IPv4 on an IPv6 socket) is `127.0.0.1`. */
export function normalizeAddress(address: string): string {
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '').toLowerCase();
}

/**
 * The client's address: the socket's peer, then each `X-Forwarded-For` entry from the right, for
 * as long as the one before it is a trusted proxy. An entry that is not an address stops the walk
 * (at the proxy that wrote it). Examples with `{ hops: 1 }`: peer 127.0.0.1 (nginx), header
 * `1.2.3.4, 5.6.7.8` (the client wrote 1.2.3.4; nginx appended 5.6.7.8) gives 5.6.7.8.
 */
export function clientAddress(peer: string, forwardedFor: string | null, trust: TrustProxy): string {
  const chain = [normalizeAddress(peer)];
  const forwarded = (forwardedFor ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .reverse();
  for (const entry of forwarded) {
    const current = chain[chain.length - 1]!;
    const trusted = 'hops' in trust ? chain.length <= trust.hops : trust.addresses.has(current);
    if (!trusted || isIP(normalizeAddress(entry)) === 0) break;
    chain.push(normalizeAddress(entry));
  }
  return chain[chain.length - 1]!;
}

/** Whether cookies must be Secure: the public origin, else the request's own, is https. */
export function isSecureOrigin(settings: ProxySettings, url: URL): boolean {
  return (settings.publicOrigin ?? url.origin).startsWith('https:');
}

/**
 * Whether a request that changes something comes from this site. `Origin` must be the public
 * origin (or, without SITE_URL, the request's own). Without an `Origin`, a program (curl, a
 * webhook) may send JSON, but a form-like body (what another site's form can send) is refused.
 */
export function isAllowedOrigin(request: Request, url: URL, settings: ProxySettings): boolean {
  const origin = request.headers.get('origin');
  if (request.headers.get('sec-fetch-site') === 'cross-site') return false;
  if (origin !== null) return origin === (settings.publicOrigin ?? url.origin);
  const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  return (
    type !== undefined && !['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'].includes(type)
  );
}

let cached: ProxySettings | undefined;

/** The server process's settings, read once. */
export function serverProxySettings(): ProxySettings {
  return (cached ??= readProxySettings());
}
