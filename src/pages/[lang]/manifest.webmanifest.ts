/** The web app manifest of one language: installing from a Hmong page opens the Hmong home. */
import type { APIRoute } from 'astro';
import { languagePaths } from '../../content/collections.ts';
import { getLocale, type LocalePath } from '../../i18n/locales.ts';
import { useTranslations } from '../../i18n/ui.ts';
import { shareInbox } from '../../offline/cache-names.ts';

export const getStaticPaths = languagePaths;

export const GET: APIRoute = ({ params }) => {
  const lang = params['lang'] as LocalePath;
  const t = useTranslations(lang);
  const manifest = {
    name: t('site.name'),
    short_name: t('app.shortName'),
    description: t('site.description'),
    lang: getLocale(lang).tag,
    start_url: `/${lang}/`,
    scope: '/',
    id: `/${lang}/`,
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#7a1f2b',
    // A pack file (src/offline/pack-file.ts) shared from Zalo, Files or Bluetooth opens the
    // library, which imports it; the service worker receives the POST (src/sw/sw.ts).
    share_target: {
      action: `/${lang}/offline/?${shareInbox.action}`,
      method: 'POST',
      enctype: 'multipart/form-data',
      params: { files: [{ name: 'pack', accept: ['text/html', '.html'] }] },
    },
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
  return new Response(JSON.stringify(manifest), { headers: { 'Content-Type': 'application/manifest+json' } });
};
