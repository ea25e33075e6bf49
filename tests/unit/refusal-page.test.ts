import { describe, expect, it } from 'vitest';
import { isForPerson, refusalPage } from '../../src/security/refusal-page.ts';

describe('refusalPage', () => {
  it('says a body is too large in the language of the address, with the limit, as a page that no cache keeps', async () => {
    const answer = refusalPage('/en/reports/import/', 413, 1024 * 1024);
    expect(answer.status).toBe(413);
    expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const html = await answer.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('The form or file is too large (at most 1 MB). Nothing was saved.');
  });

  it('says an unreadable form is unreadable, in Tai Dam with its tag', async () => {
    const html = await refusalPage('/thai/reports/', 415, 256 * 1024).text();
    expect(html).toContain('lang="blt-Tavt-VN"');
    expect(html).toContain('ꪹꪮꪱ ꪀꪰꪚ ꪚꪮ ꪒꪱꪥ.');
  });

  it('says a form sent from another site was refused, on a Hmong page with its tag', async () => {
    const answer = refusalPage('/hmong/reports/', 403, 256 * 1024);
    expect(answer.status).toBe(403);
    const html = await answer.text();
    expect(html).toContain('lang="hmn-Latn-VN"');
    expect(html).toContain('được gửi từ một trang khác');
  });

  it('is for a person on every page path, never on the API', () => {
    expect(['/vi/reports/', '/en/reports/import/', '/'].map(isForPerson)).toEqual([true, true, true]);
    expect(['/api/sessions/', '/api/rebuild'].map(isForPerson)).toEqual([false, false]);
  });

  it('falls back to Vietnamese outside a language path', async () => {
    const html = await refusalPage('/elsewhere/', 413, 256 * 1024).text();
    expect(html).toContain('lang="vi"');
    expect(html).toContain('tối đa 256 KB');
  });
});
