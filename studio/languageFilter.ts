/**
 * The language filter (@sanity/language-filter) in the document toolbar: a translator picks the
 * one language they are writing and sees it beside Vietnamese, the source, which is always shown
 * and cannot be unticked. The choice is kept in the browser between documents.
 */
import type { LanguageFilterConfig } from '@sanity/language-filter';
import { locales, sourceLocale } from '../src/i18n/locales.ts';
import { languageTitle } from './schemaTypes/objects/localized.ts';

/** Object types whose fields are languages: the localized types and the translation status. */
function isPerLanguage(typeName: string): boolean {
  return typeName.startsWith('locale') || typeName === 'translations';
}

/**
 * Whether a field is shown: a language field only when its language is picked; every other field
 * always. Unlike the plugin's default, this also narrows the translation status to the picked
 * languages, so a Hmong translator sees Hmong's status, not four.
 */
export function showField(
  enclosingType: { readonly name: string },
  member: { readonly name: string },
  selectedLanguageIds: readonly string[],
): boolean {
  return !isPerLanguage(enclosingType.name) || selectedLanguageIds.includes(member.name);
}

/** `documentTypes`: the document types with localized text (from schemaTypes/index.ts). */
export function languageFilterConfig(documentTypes: readonly string[]): LanguageFilterConfig {
  return {
    supportedLanguages: locales.map((locale) => ({ id: locale.path, title: languageTitle(locale) })),
    defaultLanguages: [sourceLocale],
    documentTypes: [...documentTypes],
    filterField: (enclosingType, member, selectedLanguageIds) => showField(enclosingType, member, selectedLanguageIds),
  };
}
