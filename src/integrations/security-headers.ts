/**
 * Security headers for the static pages, which the node server serves without running the
 * middleware (src/server/front.ts sends them): after the build, each page's entry of `_headers.json` (where the node adapter, with
 * `staticHeaders`, keeps the page's Content-Security-Policy that Astro computed with its script
 * hashes) gets the headers of src/security/headers.ts too. The same headers go to
 * `<client>/_headers`, the format static hosts and CDNs read (Netlify, Cloudflare Pages); the
 * README lists them for the others.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { pagePolicy, securityHeaders } from '../security/headers.ts';

interface HeaderEntry {
  pathname: string;
  headers: { key: string; value: string }[];
}

/** An entry's headers with the security headers added (the page policy joins its CSP). */
export function withSecurityHeaders(entry: HeaderEntry): HeaderEntry {
  const csp = entry.headers.find((header) => header.key.toLowerCase() === 'content-security-policy')?.value;
  const others = entry.headers.filter(
    (header) => header.key.toLowerCase() !== 'content-security-policy' && !(header.key in securityHeaders),
  );
  return {
    // Pages are asked for at their canonical path, which ends in `/` (astro.config.mjs).
    pathname: entry.pathname.endsWith('/') ? entry.pathname : `${entry.pathname}/`,
    headers: [
      ...others,
      { key: 'Content-Security-Policy', value: csp ? `${csp.replace(/;\s*$/, '')}; ${pagePolicy}` : pagePolicy },
      ...Object.entries(securityHeaders).map(([key, value]) => ({ key, value })),
    ],
  };
}

/** `_headers` for a static host: each path, then its headers indented. */
export function staticHostHeaders(entries: readonly HeaderEntry[]): string {
  return (
    entries
      .map((entry) => [entry.pathname, ...entry.headers.map(({ key, value }) => `  ${key}: ${value}`)].join('\n'))
      .join('\n\n') + '\n'
  );
}

export function securityHeadersFile(): AstroIntegration {
  let outDir: URL | undefined;
  let clientDir: URL | undefined;
  return {
    name: 'security-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = config.outDir;
        clientDir = config.build.client;
      },
      'astro:build:done': ({ logger }) => {
        if (!outDir || !clientDir) return;
        const file = new URL('_headers.json', outDir);
        let entries: HeaderEntry[];
        try {
          entries = JSON.parse(readFileSync(file, 'utf8')) as HeaderEntry[];
        } catch {
          throw new Error(`${fileURLToPath(file)} is missing or not JSON: is the node adapter's staticHeaders on?`);
        }
        // The node server takes the first entry whose path contains the requested one: shortest
        // first, so a page finds its own entry before a deeper page's.
        const secured = entries
          .map(withSecurityHeaders)
          .sort((a, b) => a.pathname.length - b.pathname.length || a.pathname.localeCompare(b.pathname));
        writeFileSync(file, JSON.stringify(secured));
        writeFileSync(new URL('_headers', clientDir), staticHostHeaders(secured));
        logger.info(`security headers for ${secured.length} static pages`);
      },
    },
  };
}
