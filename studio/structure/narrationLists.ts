/**
 * Per language (Vietnamese included), the lesson packs with a slide that has no narration in it
 * yet, so whoever records in that language works down one list. `npm run i18n:status` gives the
 * counts (slides with a clip, sentences timed for read-along).
 */
import type { ListItemBuilder, StructureBuilder } from 'sanity/structure';
import { narrationMissingFilter } from '../../src/content/queries.ts';
import { locales } from '../../src/i18n/locales.ts';
import { languageTitle } from '../schemaTypes/objects/localized.ts';
import { deskApiVersion } from './apiVersion.ts';

export const narrationTitle = 'Narration missing (thiếu lời đọc)';

export function narrationLists(S: StructureBuilder): ListItemBuilder {
  return S.listItem()
    .id('narration')
    .title(narrationTitle)
    .child(
      S.list()
        .title(narrationTitle)
        .items(
          locales.map((locale) =>
            S.listItem()
              .id(`narration-${locale.path}`)
              .title(languageTitle(locale))
              .child(
                S.documentList()
                  .id(`narration-${locale.path}`)
                  .title(`${languageTitle(locale)}: ${narrationTitle}`)
                  .apiVersion(deskApiVersion)
                  .filter(narrationMissingFilter(locale.path)),
              ),
          ),
        ),
    );
}
