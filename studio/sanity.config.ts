import { languageFilter } from '@sanity/language-filter';
import { visionTool } from '@sanity/vision';
import { defineConfig } from 'sanity';
import { structureTool } from 'sanity/structure';
import { locales, sourceLocale } from '../src/i18n/locales.ts';
import { dataset, projectId } from './env.ts';
import { localizedDocumentTypes, schemaTypes } from './schemaTypes/index.ts';
import { singletonTypes, structure } from './structure/index.ts';

/** Actions that make sense for a singleton: no duplicating, no deleting the one document. */
const singletonActions = new Set(['publish', 'discardChanges', 'restore']);

export default defineConfig({
  name: 'default',
  title: 'Lao Cai outreach',
  projectId,
  dataset,
  plugins: [
    structureTool({ structure }),
    // Communicators pick the languages they work in; Vietnamese, the source, is always shown.
    languageFilter({
      supportedLanguages: locales.map((locale) => ({ id: locale.path, title: locale.nameVi })),
      defaultLanguages: [sourceLocale],
      documentTypes: localizedDocumentTypes,
    }),
    visionTool({ defaultApiVersion: '2025-02-19' }),
  ],
  schema: {
    types: schemaTypes,
    // Singletons are opened from the desk, never created from the "new document" menu.
    templates: (templates) => templates.filter(({ schemaType }) => !singletonTypes.has(schemaType)),
  },
  document: {
    actions: (actions, { schemaType }) =>
      singletonTypes.has(schemaType)
        ? actions.filter(({ action }) => action !== undefined && singletonActions.has(action))
        : actions,
  },
});
