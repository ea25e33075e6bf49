/**
 * A report as labelled tables: what the page shows (each chart beside its table) and what the
 * aggregated CSV and JSON exports hold, so the page and the files can never disagree. Counts of
 * people are suppressed here, once (`disclosure.ts` decides which, over every table together),
 * so nothing downstream can forget suppression.
 */
import type { LocalePath } from '../i18n/locales.ts';
import { useTranslations, type UiKey } from '../i18n/ui.ts';
import { areas } from '../sessions/places.ts';
import type { KnowledgeGain, Reach, Report } from '../sessions/report-sql.ts';
import { figuresOf, type FigureGroup } from '../sessions/figures.ts';
import { people, share, suppressed, type Cell } from './cells.ts';
import { linkedCounts, withheldCells } from './disclosure.ts';

/** How a cell reads: a count, or a share from 0 to 1 shown as a percentage. */
export type CellKind = 'count' | 'share';

export interface Column {
  id: string;
  label: string;
  kind: CellKind;
}

export interface Row {
  id: string;
  label: string;
  /** One per column, in column order. */
  cells: Cell[];
  /** Overrides the columns' kind for every cell of this row (the summary's shares). */
  kind?: CellKind;
}

export const tableIds = [
  'summary',
  'byMonth',
  'byArea',
  'bySetting',
  'byEthnicity',
  'byAge',
  'bySex',
  'materials',
  'knowledge',
] as const;
export type TableId = (typeof tableIds)[number];

export interface ReportTable {
  id: TableId;
  title: string;
  /** The header of the first column (what a row is). */
  rowHeader: string;
  columns: Column[];
  rows: Row[];
}

/** The names a report needs that do not come from the UI strings: lesson pack titles. */
export interface ReportNames {
  materialTitle: (slug: string) => string;
}

const areaNames = new Map(areas.map((area) => [area.id, area.name]));

/** Every month from the first to the last in `months` (`YYYY-MM`), so a chart shows the gaps. */
export function monthRange(months: readonly string[]): string[] {
  if (months.length === 0) return [];
  const range: string[] = [];
  let [year, month] = months[0]!.split('-').map(Number) as [number, number];
  const last = months.at(-1)!;
  for (let current = months[0]!; current <= last; current = `${year}-${String(month).padStart(2, '0')}`) {
    range.push(current);
    month += 1;
    if (month === 13) [year, month] = [year + 1, 1];
  }
  return range;
}

/** The report's tables in `lang`, suppressed. */
export function reportTables(report: Report, lang: LocalePath, names: ReportNames): ReportTable[] {
  const t = useTranslations(lang);
  const { totals } = report;
  const { values, relations } = linkedCounts(report);
  const withheld = withheldCells(values, relations);
  /** A linked count as it may be shown. */
  const count = (key: string): Cell => (withheld.has(key) ? suppressed : (values.get(key) ?? 0));
  /** A linked count's share of the participants; none gives a withheld count back (a share of 0 is 0 of any whole). */
  const shareOf = (key: string) => {
    const part = values.get(key) ?? 0;
    return share(part, totals.participants, withheld.has(key) || (part > 0 && withheld.has('participants')));
  };
  const column = (id: string, kind: CellKind = 'count'): Column => ({
    id,
    label: t(`reports.column.${id}` as UiKey),
    kind,
  });
  const reachColumns = [column('sessions'), column('participants')];
  // Sessions are not people: their count is shown as it is.
  const reachCells = (table: TableId, id: string, reach: Reach): Cell[] => [reach.sessions, count(`${table}.${id}`)];
  // A breakdown's rows: its figures (figures.ts), each labelled by the figure's UI key.
  const bandRows = (table: TableId & FigureGroup): Row[] =>
    figuresOf(table).map(({ key, label }) => ({
      id: key,
      label: t(label as UiKey),
      cells: [count(`${table}.${key}`), shareOf(`${table}.${key}`)],
    }));
  const months = new Map(report.byMonth.map((month) => [month.month, month]));
  const rightShare = (gain: KnowledgeGain, round: 'pre' | 'post') =>
    share(gain[`${round}Right`], gain[`${round}Answers`]);
  const gainCells = (gain: KnowledgeGain): Cell[] => [gain.sessions, rightShare(gain, 'pre'), rightShare(gain, 'post')];

  return [
    {
      id: 'summary',
      title: t('reports.table.summary'),
      rowHeader: t('reports.column.measure'),
      columns: [column('value')],
      rows: [
        { id: 'sessions', label: t('reports.measure.sessions'), cells: [totals.sessions] },
        { id: 'participants', label: t('reports.measure.participants'), cells: [count('participants')] },
        { id: 'children', label: t('reports.measure.children'), cells: [count('children')] },
        { id: 'childrenShare', label: t('reports.measure.childrenShare'), cells: [shareOf('children')], kind: 'share' },
        { id: 'femaleShare', label: t('reports.measure.femaleShare'), cells: [shareOf('bySex.female')], kind: 'share' },
        { id: 'minorityShare', label: t('reports.measure.minorityShare'), cells: [shareOf('minority')], kind: 'share' },
        { id: 'referred', label: t('reports.measure.referred'), cells: [people(totals.referred)] },
      ],
    },
    {
      id: 'byMonth',
      title: t('reports.table.byMonth'),
      rowHeader: t('reports.column.month'),
      columns: reachColumns,
      rows: monthRange(report.byMonth.map((month) => month.month)).map((month) => ({
        id: month,
        label: month,
        cells: reachCells('byMonth', month, months.get(month) ?? { sessions: 0, participants: 0 }),
      })),
    },
    {
      id: 'byArea',
      title: t('reports.table.byArea'),
      rowHeader: t('reports.column.area'),
      columns: reachColumns,
      rows: report.byArea.map((area) => ({
        id: area.areaId,
        label: areaNames.get(area.areaId) ?? area.areaId,
        cells: reachCells('byArea', area.areaId, area),
      })),
    },
    {
      id: 'bySetting',
      title: t('reports.table.bySetting'),
      rowHeader: t('reports.column.setting'),
      columns: reachColumns,
      rows: report.bySetting.map((group) => ({
        id: group.setting,
        label: t(group.setting === 'other' ? 'log.setting.other' : (`setting.${group.setting}` as UiKey)),
        cells: reachCells('bySetting', group.setting, group),
      })),
    },
    {
      id: 'byEthnicity',
      title: t('reports.table.byEthnicity'),
      rowHeader: t('reports.column.group'),
      columns: [column('participants'), column('share', 'share')],
      rows: bandRows('byEthnicity'),
    },
    {
      id: 'byAge',
      title: t('reports.table.byAge'),
      rowHeader: t('reports.column.ageBand'),
      columns: [column('participants'), column('share', 'share')],
      rows: bandRows('byAge'),
    },
    {
      id: 'bySex',
      title: t('reports.table.bySex'),
      rowHeader: t('reports.column.sex'),
      columns: [column('participants'), column('share', 'share')],
      rows: bandRows('bySex'),
    },
    {
      id: 'materials',
      title: t('reports.table.materials'),
      rowHeader: t('reports.column.material'),
      columns: reachColumns,
      rows: report.materials.map((pack) => ({
        id: pack.material,
        label: names.materialTitle(pack.material),
        cells: [pack.sessions, people(pack.participants)],
      })),
    },
    {
      id: 'knowledge',
      title: t('reports.table.knowledge'),
      rowHeader: t('reports.column.material'),
      columns: [column('sessions'), column('rightBefore', 'share'), column('rightAfter', 'share')],
      rows: [
        ...report.knowledge.map((pack) => ({
          id: pack.material,
          label: names.materialTitle(pack.material),
          cells: gainCells(pack),
        })),
        ...(report.knowledgeAll.sessions > 0
          ? [{ id: 'all', label: t('reports.knowledge.all'), cells: gainCells(report.knowledgeAll) }]
          : []),
      ],
    },
  ];
}
