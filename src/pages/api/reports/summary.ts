/**
 * GET /api/reports/summary/?format=csv|json&lang=vi&from=&to=&area=&setting=: the report's
 * tables, suppressed as on the page ("x" for 1–4 people and the figures that would give them back), for coordinator devices only.
 */
import type { APIRoute } from 'astro';
import { isLocalePath, sourceLocale } from '../../../i18n/locales.ts';
import { download, exportRequest } from '../../../reports/api.ts';
import { tablesCsv, tablesJson } from '../../../reports/exports.ts';
import { loadReportTables } from '../../../reports/load.ts';
import { apiError } from '../../../sessions/http.ts';

export const prerender = false;

export const GET: APIRoute = async ({ request, url, cookies }) => {
  const checked = await exportRequest(request, url, cookies);
  if (checked instanceof Response) return checked;
  const format = url.searchParams.get('format') ?? 'csv';
  if (format !== 'csv' && format !== 'json')
    return apiError(400, 'invalidFormat', 'Ask for format=csv or format=json.');
  const requested = url.searchParams.get('lang') ?? sourceLocale;
  const lang = isLocalePath(requested) ? requested : sourceLocale;
  const { filter } = checked.parsed;
  const tables = await loadReportTables(checked.store, filter, lang);
  const name = `report-${filter.from ?? 'start'}-${filter.to ?? 'today'}${filter.areaId ? `-${filter.areaId}` : ''}${filter.setting ? `-${filter.setting}` : ''}`;
  if (format === 'json') return download(tablesJson(tables, filter, new Date()), 'application/json', `${name}.json`);
  return download(tablesCsv(tables), 'text/csv', `${name}.csv`);
};
