/**
 * The translation progress badges on a lesson pack: per language, the share of its texts that
 * are translated and the share a native speaker has reviewed (only those are published). The
 * counting is the translation-status report's (`npm run i18n:status`), so the badge and the
 * report never disagree.
 */
import type { DocumentBadgeComponent, DocumentBadgeDescription } from 'sanity';
import { isOutdated } from '../../src/content/sourceHash.ts';
import { translationStatus } from '../../src/content/translation.ts';
import { getLocale, translatedLocalePaths, type LocalePath } from '../../src/i18n/locales.ts';
import { contentCounts, percent } from '../../src/i18n/status.ts';

/** How far one language's translation of a document is. */
export interface LanguageProgress {
  readonly lang: LocalePath;
  /** Whole percent of the texts that have Vietnamese and also this language. */
  readonly translated: number;
  /** Whole percent reviewed: the translated share once the language is marked reviewed, else 0. */
  readonly reviewed: number;
  /**
   * The document's translation status for the language, `missing` when it records none, and
   * `outdated` for a reviewed language whose Vietnamese changed since (src/content/sourceHash.ts).
   */
  readonly status: string;
}

/**
 * Progress of every translated language of `document`, in locale-table order. A document with no
 * Vietnamese text yet counts as complete (100%): there is nothing to translate.
 *
 * @example
 * translationProgress({ title: { _type: 'localeString', vi: 'Việc làm giả', hmong: 'Hauj lwm cuav' },
 *   summary: { _type: 'localeText', vi: 'Tóm tắt' }, translations: { hmong: { status: 'needsReview' } } })[0];
 * // { lang: 'hmong', translated: 50, reviewed: 0, status: 'needsReview' }
 */
export function translationProgress(document: unknown): LanguageProgress[] {
  return translatedLocalePaths.map((lang) => {
    const counts = contentCounts([document], lang);
    const recorded = translationStatus(document, lang) ?? 'missing';
    const status = isOutdated(document, lang) ? 'outdated' : recorded;
    // `percent` calls nothing-to-count 100%; nothing is reviewed until a reviewer says so.
    const reviewed = recorded === 'reviewed' ? percent(counts.reviewed) : 0;
    return { lang, translated: percent(counts.translated), reviewed, status };
  });
}

/** The language's Vietnamese name without "Tiếng", short enough for a badge: `Mông`. */
function shortName(lang: LocalePath): string {
  return getLocale(lang).nameVi.replace(/^Tiếng\s+/, '');
}

/**
 * One badge: green when all is reviewed (published) against the current Vietnamese, amber when
 * there is text a reviewer has not passed yet or the Vietnamese changed since the review
 * ("lỗi thời", outdated), red when nothing is translated.
 */
export function progressBadge(progress: LanguageProgress): DocumentBadgeDescription {
  const { lang, translated, reviewed, status } = progress;
  const outdated = status === 'outdated';
  const color = reviewed === 100 && !outdated ? 'success' : translated > 0 ? 'warning' : 'danger';
  return {
    label: `${shortName(lang)} ${translated}% · duyệt ${reviewed}%${outdated ? ' · lỗi thời' : ''}`,
    title: `${getLocale(lang).nameVi}: ${translated}% of the texts translated, ${reviewed}% reviewed and published (status: ${status}).`,
    color,
  };
}

/** A badge component per translated language, for `document.badges` in sanity.config.ts. */
export const translationProgressBadges: DocumentBadgeComponent[] = translatedLocalePaths.map((lang) => {
  const badge: DocumentBadgeComponent = ({ draft, published }) => {
    const document = draft ?? published;
    const progress = document && translationProgress(document).find((entry) => entry.lang === lang);
    return progress ? progressBadge(progress) : null;
  };
  return badge;
});
