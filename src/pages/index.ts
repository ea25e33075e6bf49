/** `/` sends the visitor to their saved language, else the best Accept-Language match, else /vi/. */
import type { APIRoute } from 'astro';
import { chooseLanguage } from '../i18n/negotiate.ts';

export const prerender = false;

export const GET: APIRoute = ({ cookies, request, redirect }) => {
  const lang = chooseLanguage(cookies.get('lang')?.value, request.headers.get('accept-language'));
  const response = redirect(`/${lang}/`, 302);
  response.headers.set('Vary', 'Accept-Language, Cookie');
  response.headers.set('Cache-Control', 'no-store');
  return response;
};
