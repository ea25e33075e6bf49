/**
 * The desk: what communicators see in the Structure tool. Lesson packs by audience and topic,
 * per language what still needs translating or reviewing, help contacts, and site settings, a
 * singleton opened directly instead of listed so nobody creates a second one the site would never
 * read.
 */
import type { DefaultDocumentNodeResolver, StructureResolver } from 'sanity/structure';
import { SitePreviewLinks } from '../preview/SitePreviewLinks.tsx';
import { localizedDocumentTypes } from '../schemaTypes/index.ts';
import { lessonPacks } from './lessonPacks.ts';
import { narrationLists } from './narrationLists.ts';
import { translationLists } from './translationLists.ts';

/** Document types that have exactly one document, with that document's id. */
export const singletons = { siteSettings: 'siteSettings' } as const;

export const singletonTypes: ReadonlySet<string> = new Set(Object.keys(singletons));

export const structure: StructureResolver = (S) =>
  S.list()
    .title('Content')
    .items([
      lessonPacks(S),
      translationLists(S, localizedDocumentTypes),
      narrationLists(S),
      S.divider(),
      S.documentTypeListItem('topic').title('Topics (chủ đề)'),
      S.documentTypeListItem('glossaryTerm').title('Glossary (thuật ngữ)'),
      S.listItem()
        .id('help-contacts')
        .title('Help contacts (đường dây hỗ trợ)')
        .schemaType('helpContact')
        .child(
          S.documentTypeList('helpContact')
            .title('Help contacts (đường dây hỗ trợ)')
            .defaultOrdering([{ field: 'order', direction: 'asc' }]),
        ),
      S.divider(),
      S.listItem()
        .title('Site settings (cài đặt trang)')
        .id('siteSettings')
        .schemaType('siteSettings')
        .child(
          S.document()
            .schemaType('siteSettings')
            .documentId(singletons.siteSettings)
            .title('Site settings (cài đặt trang)'),
        ),
    ]);

/** A lesson pack opens with its form and, beside it, links to its page in each language. */
export const defaultDocumentNode: DefaultDocumentNodeResolver = (S, { schemaType }) =>
  schemaType === 'material'
    ? S.document().views([
        S.view.form(),
        S.view.component(SitePreviewLinks).id('on-the-site').title('On the site (trên trang web)'),
      ])
    : S.document();
