/**
 * How a value of a fixed list (an audience, a setting) is named in the Studio: English and
 * Vietnamese from the site's UI strings, so the form and the desk say what the site says.
 */
import en from '../../../src/i18n/ui/en.json' with { type: 'json' };
import vi from '../../../src/i18n/ui/vi.json' with { type: 'json' };

export type VocabularyPrefix = 'audience' | 'setting';

/** E.g. `vocabularyTitle('audience', 'jobSeekers')` → `Job seekers (Người tìm việc)`. */
export function vocabularyTitle(prefix: VocabularyPrefix, value: string): string {
  const key = `${prefix}.${value}` as keyof typeof vi;
  return `${en[key]} (${vi[key]})`;
}
