import { defineCollection } from 'astro:content';
import { helpContactSchema, materialSchema, siteSettingsSchema, topicSchema } from './content/documents.ts';
import { toHelpContactEntry, toMaterialEntry, toSiteSettingsEntry, toTopicEntry } from './content/entries.ts';
import {
  helpContactEntrySchema,
  materialEntrySchema,
  siteSettingsEntrySchema,
  topicEntrySchema,
} from './content/entrySchemas.ts';
import { groqLoader } from './content/loader.ts';
import { helpContactsQuery, materialsQuery, siteSettingsQuery, topicsQuery } from './content/queries.ts';

// The entries' shape is stated once, in content/entrySchemas.ts; the builders in entries.ts are typed by it.
const materials = defineCollection({
  loader: groqLoader({
    query: materialsQuery,
    schema: materialSchema,
    id: (doc) => doc.slug,
    toEntry: toMaterialEntry,
  }),
  schema: ({ image }) => materialEntrySchema(image),
});

const topics = defineCollection({
  loader: groqLoader({ query: topicsQuery, schema: topicSchema, id: (doc) => doc.slug, toEntry: toTopicEntry }),
  schema: topicEntrySchema,
});

const helpContacts = defineCollection({
  loader: groqLoader({
    query: helpContactsQuery,
    schema: helpContactSchema,
    id: (doc) => doc.number.replace(/\D/g, ''),
    toEntry: toHelpContactEntry,
  }),
  schema: helpContactEntrySchema,
});

const siteSettings = defineCollection({
  loader: groqLoader({
    query: siteSettingsQuery,
    schema: siteSettingsSchema,
    id: () => 'site',
    toEntry: toSiteSettingsEntry,
  }),
  schema: siteSettingsEntrySchema,
});

export const collections = { materials, topics, helpContacts, siteSettings };
