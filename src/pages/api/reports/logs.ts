/**
 * GET /api/reports/logs/?from=&to=&area=&setting=: every stored log the filter covers, one CSV
 * line each, unsuppressed (the coordinator's own data), for coordinator devices only.
 */
import type { APIRoute } from 'astro';
import { download, exportRequest } from '../../../reports/api.ts';
import { logsCsv } from '../../../reports/exports.ts';

export const prerender = false;

export const GET: APIRoute = async ({ request, url, cookies }) => {
  const checked = await exportRequest(request, url, cookies);
  if (checked instanceof Response) return checked;
  const { filter } = checked.parsed;
  const logs = await checked.store.list(filter);
  return download(logsCsv(logs), 'text/csv', `session-logs-${filter.from ?? 'start'}-${filter.to ?? 'today'}.csv`);
};
