/**
 * The desk: what communicators see in the Structure tool. Site settings is a singleton, opened
 * directly instead of listed, so nobody creates a second one the site would never read.
 */
import type { StructureResolver } from 'sanity/structure';

/** Document types that have exactly one document, with that document's id. */
export const singletons = { siteSettings: 'siteSettings' } as const;

export const singletonTypes: ReadonlySet<string> = new Set(Object.keys(singletons));

export const structure: StructureResolver = (S) =>
  S.list()
    .title('Content')
    .items([
      S.documentTypeListItem('material').title('Lesson packs'),
      S.documentTypeListItem('topic').title('Topics'),
      S.listItem()
        .title('Help contacts')
        .schemaType('helpContact')
        .child(
          S.documentTypeList('helpContact')
            .title('Help contacts')
            .defaultOrdering([{ field: 'order', direction: 'asc' }]),
        ),
      S.divider(),
      S.listItem()
        .title('Site settings')
        .id('siteSettings')
        .schemaType('siteSettings')
        .child(
          S.document()
            .schemaType('siteSettings')
            .documentId(singletons.siteSettings)
            .title('Site settings'),
        ),
    ]);
