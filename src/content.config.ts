import { defineCollection, type SchemaContext } from 'astro:content';
import { z } from 'astro/zod';
import { localePaths, type LocalePath } from './i18n/locales.ts';
import { helpContactSchema, materialSchema, siteSettingsSchema, topicSchema } from './content/documents.ts';
import { toHelpContactEntry, toMaterialEntry, toSiteSettingsEntry, toTopicEntry } from './content/entries.ts';
import { groqLoader } from './content/loader.ts';
import { audiences, settings } from './content/vocabulary.ts';
import { helpContactsQuery, materialsQuery, siteSettingsQuery, topicsQuery } from './content/queries.ts';

const lang = z.enum(localePaths as [LocalePath, ...LocalePath[]]);

/** A text and the language it is really in (it differs from the page's when it fell back). */
const localized = <T extends z.ZodType>(value: T) => z.object({ value, lang });
const text = localized(z.string());

const imageEntry = (image: SchemaContext['image']) =>
  z.union([
    z.object({ alt: text, local: image() }),
    z.object({ alt: text, remote: z.object({ url: z.url(), width: z.number(), height: z.number() }) }),
  ]);

const materials = defineCollection({
  loader: groqLoader({ query: materialsQuery, schema: materialSchema, id: (doc) => doc.slug, toEntry: toMaterialEntry }),
  schema: ({ image }) =>
    z.object({
      lang,
      slug: z.string(),
      documentId: z.string(),
      isSample: z.boolean(),
      translationStatus: z.string(),
      reviewedAt: z.string().optional(),
      fellBack: z.boolean(),
      outdated: z.boolean(),
      title: text,
      summary: text,
      audience: z.array(z.enum(audiences)),
      setting: z.array(z.enum(settings)),
      durationMinutes: z.number().optional(),
      ageRange: z.object({ min: z.number(), max: z.number() }).optional(),
      topics: z.array(z.string()),
      helpContacts: z.array(z.string()),
      cover: imageEntry(image).optional(),
      slides: z.array(
        z.object({
          key: z.string(),
          heading: text,
          body: localized(z.array(z.record(z.string(), z.unknown()))).optional(),
          teacherNotes: text.optional(),
          image: imageEntry(image).optional(),
          audio: z.object({ src: z.string(), lang, sentences: z.array(z.object({ start: z.number(), end: z.number() })).optional() }).optional(),
        }),
      ),
      discussionQuestions: z.array(text),
      quiz: z.array(
        z.object({ question: text, options: z.array(text), correctOption: z.number(), explanation: text.optional() }),
      ),
      keyMessages: z.array(text),
    }),
});

const topics = defineCollection({
  loader: groqLoader({ query: topicsQuery, schema: topicSchema, id: (doc) => doc.slug, toEntry: toTopicEntry }),
  schema: z.object({ lang, slug: z.string(), title: text, description: text.optional(), fellBack: z.boolean(), outdated: z.boolean() }),
});

const helpContacts = defineCollection({
  loader: groqLoader({ query: helpContactsQuery, schema: helpContactSchema, id: (doc) => doc.number.replace(/\D/g, ''), toEntry: toHelpContactEntry }),
  schema: z.object({
    lang,
    number: z.string(),
    name: text,
    hours: text.optional(),
    serves: text.optional(),
    order: z.number(),
    fellBack: z.boolean(),
    outdated: z.boolean(),
  }),
});

const siteSettings = defineCollection({
  loader: groqLoader({ query: siteSettingsQuery, schema: siteSettingsSchema, id: () => 'site', toEntry: toSiteSettingsEntry }),
  schema: z.object({ lang, title: text, banner: text.optional(), fellBack: z.boolean(), outdated: z.boolean() }),
});

export const collections = { materials, topics, helpContacts, siteSettings };
