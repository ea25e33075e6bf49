/** The report of a filter in a language, as tables: what the page and the aggregated exports share. */
import { getMaterials } from '../content/collections.ts';
import type { LocalePath } from '../i18n/locales.ts';
import type { ReportFilter } from '../sessions/report-sql.ts';
import type { SessionStore } from '../sessions/store.ts';
import { reportTables, type ReportTable } from './tables.ts';

/** The report's tables; packs are named by their title in `lang` (their slug if gone from the content). */
export async function loadReportTables(
  store: SessionStore,
  filter: ReportFilter,
  lang: LocalePath,
): Promise<ReportTable[]> {
  const [report, materials] = await Promise.all([store.report(filter), getMaterials(lang)]);
  const titles = new Map(materials.map((material) => [material.slug, material.title.value]));
  return reportTables(report, lang, { materialTitle: (slug) => titles.get(slug) ?? slug });
}
