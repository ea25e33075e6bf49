/**
 * Per translated language, the documents whose translation is missing, in draft, waiting for a
 * native speaker's review, or reviewed (published). A translator opens their language and works
 * down "missing"; a reviewer opens "needs review". Every document with localized text is listed,
 * not only lesson packs: an untranslated help contact leaves a hole on every page.
 */
import type { ListItemBuilder, StructureBuilder } from 'sanity/structure';
import { translationListFilter } from '../../src/content/queries.ts';
import { translationStatusValues } from '../../src/content/translation.ts';
import { getLocale, translatedLocalePaths, type LocalePath } from '../../src/i18n/locales.ts';
import { languageTitle } from '../schemaTypes/objects/localized.ts';
import { statusTitles } from '../schemaTypes/objects/translationStatus.ts';
import { OutdatedList } from '../translation/OutdatedList.tsx';
import { deskApiVersion } from './apiVersion.ts';

/** The desk title of the list of reviewed documents whose Vietnamese changed since. */
export const outdatedTitle = 'Outdated (lỗi thời)';

function languageLists(S: StructureBuilder, lang: LocalePath, types: readonly string[]): ListItemBuilder {
  const language = languageTitle(getLocale(lang));
  return S.listItem()
    .id(`translation-${lang}`)
    .title(language)
    .child(
      S.list()
        .title(language)
        .items([
          ...translationStatusValues.map((status) =>
            S.listItem()
              .id(`${lang}-${status}`)
              .title(statusTitles[status])
              .child(
                S.documentList()
                  .id(`${lang}-${status}`)
                  .title(`${language}: ${statusTitles[status]}`)
                  .apiVersion(deskApiVersion)
                  .filter(translationListFilter(lang, status))
                  .params({ types: [...types] }),
              ),
          ),
          // Reviewed, but the Vietnamese changed since: a sub-list of "reviewed", decided by hash.
          S.listItem()
            .id(`${lang}-outdated`)
            .title(outdatedTitle)
            .child(
              S.component(OutdatedList)
                .id(`${lang}-outdated`)
                .title(`${language}: ${outdatedTitle}`)
                .options({ lang, types: [...types] }),
            ),
        ]),
    );
}

/** `types`: the document types that carry a translation status. */
export function translationLists(S: StructureBuilder, types: readonly string[]): ListItemBuilder {
  return S.listItem()
    .id('translations')
    .title('Translations (bản dịch)')
    .child(
      S.list()
        .title('Translations (bản dịch)')
        .items(translatedLocalePaths.map((lang) => languageLists(S, lang, types))),
    );
}
