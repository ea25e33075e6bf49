/**
 * The security headers every answer carries, pages and API alike; the one list the server's
 * middleware, the static pages' header file (`_headers.json` for the node server, `_headers` for a
 * static host or CDN) and the README use. The pages' Content-Security-Policy itself is Astro's
 * (`security.csp` in astro.config.mjs): script hashes, never 'unsafe-inline' for scripts.
 */

/**
 * What a policy of pages adds to Astro's: no framing, no plugins, no foreign base or form target.
 * `style` attributes (a chart's colour swatch, Plot's SVG) stay allowed: they run nothing, and
 * scripts, what an injection would need, keep their hashes.
 */
export const pagePolicy =
  "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'; style-src-attr 'unsafe-inline'";

/** The API answers JSON or files, never a page: nothing in it may run or load. */
export const apiPolicy = "default-src 'none'; frame-ancestors 'none'";

/**
 * Any other file (scripts, styles, images, the service worker): no framing, no plugins. No fetch
 * limits: a worker script's CSP governs the worker, which fetches what the pages need.
 */
export const filePolicy = "frame-ancestors 'none'; object-src 'none'";

/** Headers beside the CSP, on every answer. */
export const securityHeaders: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  // Nothing leaves the site (report filters stay private). Not `no-referrer`: with it Chromium
  // sends `Origin: null` on a form post, and the origin check must refuse that.
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

/**
 * Adds the security headers to `headers`: the policy `extraPolicy` joins a CSP already there
 * (directives Astro did not write), or becomes the CSP.
 */
export function addSecurityHeaders(headers: Headers, extraPolicy: string): void {
  for (const [name, value] of Object.entries(securityHeaders)) headers.set(name, value);
  const existing = headers.get('content-security-policy');
  headers.set('Content-Security-Policy', existing ? `${existing.replace(/;\s*$/, '')}; ${extraPolicy}` : extraPolicy);
}
