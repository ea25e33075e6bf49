import { languageFilter } from '@sanity/language-filter';
import { viVNLocale } from '@sanity/locale-vi-vn';
import { visionTool } from '@sanity/vision';
import { defineConfig } from 'sanity';
import { structureTool } from 'sanity/structure';
import { translationProgressBadges } from './badges/translationProgress.ts';
import { dataset, projectId } from './env.ts';
import { languageFilterConfig } from './languageFilter.ts';
import { localizedDocumentTypes, schemaTypes } from './schemaTypes/index.ts';
import { defaultDocumentNode, singletonTypes, structure } from './structure/index.ts';
import { translationInput } from './translation/formComponents.tsx';
import { publishMinorEdit } from './translation/minorEditAction.tsx';

/** Actions that make sense for a singleton: no duplicating, no deleting the one document. */
const singletonActions = new Set(['publish', 'discardChanges', 'restore']);

export default defineConfig({
  name: 'default',
  title: 'Lao Cai outreach',
  projectId,
  dataset,
  plugins: [
    structureTool({ structure, defaultDocumentNode }),
    languageFilter(languageFilterConfig(localizedDocumentTypes)),
    visionTool({ defaultApiVersion: '2025-02-19' }),
    // The Studio's own interface in Vietnamese. Sanity opens in the last locale added unless the
    // user picked another in the user menu, so communicators get Vietnamese and can switch to
    // English there.
    viVNLocale(),
  ],
  schema: {
    types: schemaTypes,
    // Singletons are opened from the desk, never created from the "new document" menu.
    templates: (templates) => templates.filter(({ schemaType }) => !singletonTypes.has(schemaType)),
  },
  form: { components: { input: translationInput } },
  document: {
    actions: (actions, { schemaType }) =>
      singletonTypes.has(schemaType)
        ? [...actions.filter(({ action }) => action !== undefined && singletonActions.has(action)), publishMinorEdit]
        : [...actions, publishMinorEdit],
    badges: (badges, { schemaType }) =>
      schemaType === 'material' ? [...badges, ...translationProgressBadges] : badges,
  },
});
