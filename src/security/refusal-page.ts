/**
 * A refused form or upload, said to a person: a small page in the language of the path it was
 * sent to (`/<lang>/…`, Vietnamese otherwise), never the JSON meant for programs. Used by the
 * middleware (a declared body over the limit, a foreign Origin) and by the pages that read a form
 * or a file (src/sessions/http.ts answers them 413, 415 or 400). Nothing was stored when this is shown.
 */
import { getLocale, isLocalePath, sourceLocale } from '../i18n/locales.ts';
import { useTranslations } from '../i18n/ui.ts';

const escape = (text: string) => text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);

/** Whether a refusal at `pathname` is read by a person (a page's form) rather than a program (`/api/`). */
export const isForPerson = (pathname: string): boolean => !pathname.startsWith('/api/');

/**
 * The page for `status` at `pathname`: 413 too large (past `limit` bytes), 403 sent from another
 * site, anything else unreadable.
 */
export function refusalPage(pathname: string, status: number, limit: number): Response {
  const first = pathname.split('/')[1] ?? '';
  const lang = isLocalePath(first) ? first : sourceLocale;
  const t = useTranslations(lang);
  const size = limit >= 1024 * 1024 ? `${limit / 1024 / 1024} MB` : `${Math.round(limit / 1024)} KB`;
  const message =
    status === 413 ? t('error.tooLarge', { size }) : status === 403 ? t('error.foreignOrigin') : t('error.unreadable');
  const html = `<!doctype html><html lang="${getLocale(lang).tag}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(message)}</title></head><body><main><p role="alert">${escape(message)}</p></main></body></html>`;
  return new Response(html, {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'close' },
  });
}
