/**
 * Lesson packs on the desk: all of them, by audience (who a teacher is preparing for) and by
 * topic. The filters are in src/content/queries.ts, where the tests run them on the dataset.
 */
import type { ListItemBuilder, StructureBuilder } from 'sanity/structure';
import { deskFilters } from '../../src/content/queries.ts';
import { audiences } from '../../src/content/vocabulary.ts';
import { vocabularyTitle } from '../schemaTypes/fields/vocabularyTitle.ts';
import { deskApiVersion } from './apiVersion.ts';

function byAudience(S: StructureBuilder): ListItemBuilder {
  return S.listItem()
    .id('by-audience')
    .title('By audience (theo đối tượng)')
    .child(
      S.list()
        .title('By audience (theo đối tượng)')
        .items(
          audiences.map((audience) =>
            S.listItem()
              .id(`audience-${audience}`)
              .title(vocabularyTitle('audience', audience))
              .schemaType('material')
              .child(
                S.documentList()
                  .id(`audience-${audience}`)
                  .title(vocabularyTitle('audience', audience))
                  .schemaType('material')
                  .apiVersion(deskApiVersion)
                  .filter(deskFilters.materialsForAudience)
                  .params({ audience }),
              ),
          ),
        ),
    );
}

function byTopic(S: StructureBuilder): ListItemBuilder {
  return S.listItem()
    .id('by-topic')
    .title('By topic (theo chủ đề)')
    .child(
      S.documentTypeList('topic')
        .title('By topic (theo chủ đề)')
        .child((topicId) =>
          S.documentList()
            .id(`topic-packs-${topicId}`)
            .title('Lesson packs on this topic')
            .schemaType('material')
            .apiVersion(deskApiVersion)
            .filter(deskFilters.materialsForTopic)
            // Packs refer to the published topic, whichever of its versions is open.
            .params({ topicId: topicId.replace(/^drafts\./, '') }),
        ),
    );
}

export function lessonPacks(S: StructureBuilder): ListItemBuilder {
  return S.listItem()
    .id('lesson-packs')
    .title('Lesson packs (bài học)')
    .schemaType('material')
    .child(
      S.list()
        .title('Lesson packs (bài học)')
        .items([
          S.documentTypeListItem('material').id('all-lesson-packs').title('All lesson packs (tất cả)'),
          byAudience(S),
          byTopic(S),
        ]),
    );
}
