/** Where a request comes from behind a reverse proxy, and which origins may change things (issue 13). */
import { describe, expect, it } from 'vitest';
import { canonicalPath } from '../../src/security/canonical-path.ts';
import { clientAddress, isAllowedOrigin, isSecureOrigin, readProxySettings } from '../../src/security/proxy.ts';

describe('clientAddress', () => {
  it('is the socket peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress('203.0.113.9', '198.51.100.1', { hops: 0 })).toBe('203.0.113.9');
  });

  it('reads X-Forwarded-For from the right, past the trusted hops only: the client-written left never counts', () => {
    // nginx on the same machine appends the address it saw; the phone wrote "1.2.3.4" itself.
    expect(clientAddress('127.0.0.1', '1.2.3.4, 203.0.113.9', { hops: 1 })).toBe('203.0.113.9');
    expect(clientAddress('::ffff:127.0.0.1', '1.2.3.4, 203.0.113.9', { hops: 1 })).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.2', '1.2.3.4, 203.0.113.9, 10.0.0.1', { hops: 2 })).toBe('203.0.113.9');
    expect(clientAddress('127.0.0.1', null, { hops: 1 })).toBe('127.0.0.1');
  });

  it('with an address list, trusts only those proxies', () => {
    const trust = { addresses: new Set(['127.0.0.1', '10.0.0.1']) };
    expect(clientAddress('127.0.0.1', '1.2.3.4, 203.0.113.9, 10.0.0.1', trust)).toBe('203.0.113.9');
    expect(clientAddress('198.51.100.7', '1.2.3.4', trust)).toBe('198.51.100.7');
    expect(clientAddress('127.0.0.1', 'not-an-address', trust)).toBe('127.0.0.1');
  });
});

describe('readProxySettings', () => {
  it('reads a hop count, an address list and the public origin; names a bad value', () => {
    expect(readProxySettings({}).trust).toEqual({ hops: 0 });
    expect(readProxySettings({ TRUST_PROXY: '1', SITE_URL: 'https://outreach.example.org/' })).toEqual({
      trust: { hops: 1 },
      publicOrigin: 'https://outreach.example.org',
    });
    expect(readProxySettings({ TRUST_PROXY: '127.0.0.1, ::1' }).trust).toEqual({
      addresses: new Set(['127.0.0.1', '::1']),
    });
    expect(() => readProxySettings({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY/);
    expect(() => readProxySettings({ SITE_URL: 'outreach.example.org' })).toThrow(/SITE_URL/);
  });
});

describe('isAllowedOrigin', () => {
  const behindProxy = readProxySettings({ SITE_URL: 'https://outreach.example.org', TRUST_PROXY: '1' });
  const url = new URL('http://outreach.example.org/vi/reports/');
  const post = (headers: Record<string, string>) => new Request(url, { method: 'POST', headers });

  it('accepts exactly the public origin behind a TLS proxy, not the http://<Host> the server sees', () => {
    expect(
      isAllowedOrigin(
        post({ Origin: 'https://outreach.example.org', 'Content-Type': 'application/x-www-form-urlencoded' }),
        url,
        behindProxy,
      ),
    ).toBe(true);
    expect(
      isAllowedOrigin(
        post({ Origin: 'http://outreach.example.org', 'Content-Type': 'application/x-www-form-urlencoded' }),
        url,
        behindProxy,
      ),
    ).toBe(false);
    expect(
      isAllowedOrigin(post({ Origin: 'https://evil.example', 'Content-Type': 'application/json' }), url, behindProxy),
    ).toBe(false);
    expect(isSecureOrigin(behindProxy, url)).toBe(true);
  });

  it('refuses a form without an Origin, but lets a program send JSON without one', () => {
    expect(isAllowedOrigin(post({ 'Content-Type': 'application/x-www-form-urlencoded' }), url, behindProxy)).toBe(
      false,
    );
    expect(isAllowedOrigin(post({}), url, behindProxy)).toBe(false);
    expect(isAllowedOrigin(post({ 'Content-Type': 'application/json' }), url, behindProxy)).toBe(true);
  });

  it("without SITE_URL, accepts the request's own origin", () => {
    const direct = readProxySettings({});
    expect(
      isAllowedOrigin(post({ Origin: 'http://outreach.example.org', 'Content-Type': 'text/plain' }), url, direct),
    ).toBe(true);
    expect(isSecureOrigin(direct, url)).toBe(false);
  });
});

describe('canonicalPath', () => {
  it('decodes letters, collapses slashes and adds the trailing slash of a page', () => {
    expect(canonicalPath('/en//reports/')).toBe('/en/reports/');
    expect(canonicalPath('/en/r%65ports/')).toBe('/en/reports/');
    expect(canonicalPath('/en/%72%65%70%6F%72%74%73')).toBe('/en/reports/');
    expect(canonicalPath('/en/reports/')).toBe('/en/reports/');
    expect(canonicalPath('/vi/materials/t%e1%bb%95ng')).toBe('/vi/materials/t%E1%BB%95ng/');
  });

  it('leaves the trailing slash of an API path and a file name alone', () => {
    expect(canonicalPath('/api/sessions')).toBe('/api/sessions');
    expect(canonicalPath('/api//sessions/')).toBe('/api/sessions/');
    expect(canonicalPath('/sw.js')).toBe('/sw.js');
    expect(canonicalPath('/pagefind/pagefind.en_2a7a2bfd55.pf_meta')).toBe('/pagefind/pagefind.en_2a7a2bfd55.pf_meta');
    expect(canonicalPath('/pagefind/fragment/en_1a2b.pf_fragment')).toBe('/pagefind/fragment/en_1a2b.pf_fragment');
  });
});
