import { test } from '@playwright/test';
import { routeSanityToStandIn, serveStudio } from './studio-stand-in.ts';
test('dbg', async ({ page }) => {
  const studio = await serveStudio();
  const standIn = await routeSanityToStandIn(page, { writable: true });
  const seen: string[] = [];
  let listens = 0; page.on('request', (r) => { if (r.url().includes('/data/listen/')) listens++; });
  page.on('response', async (r) => { if (/sanity\.io/.test(r.url()) && r.status() !== 200) seen.push(r.status() + ' ' + decodeURIComponent(r.url()).slice(0, 260) + ' ' + (await r.text().catch(() => '')).slice(0, 200)); });
  page.on('console', (m) => { if (m.type() === 'error' || m.type()==='warning') seen.push('console ' + m.text().slice(0, 200)); });
  await page.goto(`${studio.url}/intent/edit/id=material-fixture-school-pack;type=material;path=${encodeURIComponent('slides[_key=="slide3"].audio.vi')}/`);
  await page.waitForTimeout(10000);
  await page.screenshot({ path: '/tmp/rec/2.png' });
  console.log('listens', listens);
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await standIn.close(); await studio.close();
});
