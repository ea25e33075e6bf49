/**
 * The report's filter from a URL's query (`?from=2026-01-01&to=2026-03-31&area=bat-xat&setting=school`),
 * the same for the page and the exports. A value that is not valid is left out of the filter and
 * named, so the page can say which field it ignored instead of failing or silently widening.
 */
import { z } from 'zod';
import { areas } from '../sessions/places.ts';
import type { ReportFilter } from '../sessions/report-sql.ts';
import { sessionSettings } from '../sessions/schema.ts';

const fields = {
  from: z.iso.date(),
  to: z.iso.date(),
  area: z.enum(areas.map((area) => area.id) as [string, ...string[]]),
  setting: z.enum(sessionSettings),
};

export type FilterField = keyof typeof fields;

export interface ParsedFilter {
  filter: ReportFilter;
  /** Fields whose value was not valid and is not applied. */
  invalid: FilterField[];
}

/** Reads the filter fields of `params`; an empty value means "any". */
export function parseReportFilter(params: URLSearchParams): ParsedFilter {
  const filter: ReportFilter = {};
  const invalid: FilterField[] = [];
  for (const field of Object.keys(fields) as FilterField[]) {
    const value = params.get(field)?.trim();
    if (!value) continue;
    const parsed = fields[field].safeParse(value);
    if (!parsed.success) {
      invalid.push(field);
      continue;
    }
    if (field === 'area') filter.areaId = parsed.data;
    else if (field === 'setting') filter.setting = parsed.data as NonNullable<ReportFilter['setting']>;
    else filter[field] = parsed.data;
  }
  if (filter.from && filter.to && filter.from > filter.to) {
    invalid.push('to');
    delete filter.to;
  }
  return { filter, invalid };
}

/** The filter as query parameters, for export links that cover what the page shows. */
export function filterQuery(filter: ReportFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.from) params.set('from', filter.from);
  if (filter.to) params.set('to', filter.to);
  if (filter.areaId) params.set('area', filter.areaId);
  if (filter.setting) params.set('setting', filter.setting);
  return params;
}
