/**
 * Turns checked documents into one entry per language, with the fallback rule applied to every
 * text. Assets become either a local file path (embedded dataset) or a hosted URL (Sanity).
 */
import { sourceLocale, type LocalePath } from '../i18n/locales.ts';
import type {
  HelpContactDocument,
  ImageDocument,
  MaterialDocument,
  SiteSettingsDocument,
  TopicDocument,
} from './documents.ts';
import type {
  HelpContactEntryInput,
  MaterialEntryInput,
  SiteSettingsEntryInput,
  TopicEntryInput,
} from './entrySchemas.ts';
import { createPicker, type Localized } from './localize.ts';
import { fittingTimings, slideSentences } from './narration.ts';
import { isOutdated } from './sourceHash.ts';
import type { ContentSource } from './source.ts';

type Picker = ReturnType<typeof createPicker>;

/** What a builder needs besides the document: where assets are, and whether this run previews. */
export interface EntryContext {
  readonly source: ContentSource;
  /** Show unreviewed translations (src/content/preview.ts); never in a build. */
  readonly preview: boolean;
}

type Translations = Parameters<typeof createPicker>[1];

/** A picker for the document in `lang`, in this run's mode. */
const pickerFor = (lang: LocalePath, translations: Translations, context: EntryContext) =>
  createPicker(lang, translations, { preview: context.preview });

/** What every entry says about its translation, once its texts are picked. */
function translationState(picker: Picker, document: Parameters<typeof isOutdated>[0], lang: LocalePath) {
  return { fellBack: picker.fellBack(), outdated: isOutdated(document, lang), preview: picker.unreviewed() };
}

/** An image as the loader hands it to the collection schema. */
export type ImageData =
  | { alt: Localized<string>; local: string }
  | { alt: Localized<string>; remote: { url: string; width: number; height: number } };

function toImage(
  image: ImageDocument | null | undefined,
  picker: Picker,
  source: ContentSource,
): ImageData | undefined {
  if (!image) return undefined;
  const alt = picker.required(image.alt ?? {});
  const local = image._sanityAsset ? source.localAssetPath(image._sanityAsset) : undefined;
  if (local) return { alt, local };
  if (image.asset) return { alt, remote: image.asset };
  return undefined;
}

/** The URL an audio file is served from: hosted files by their URL, embedded ones under /media/. */
function audioUrl(file: {
  _sanityAsset?: string | null | undefined;
  url?: string | null | undefined;
}): string | undefined {
  const embedded = /^file@file:\/\/\.\/files\/([\w.-]+)$/.exec(file._sanityAsset ?? '');
  if (embedded?.[1]) return `/media/files/${embedded[1]}`;
  return file.url ?? undefined;
}

export function toTopicEntry(topic: TopicDocument, lang: LocalePath, context: EntryContext): TopicEntryInput {
  const picker = pickerFor(lang, topic.translations, context);
  const title = picker.required(topic.title);
  const description = picker.text(topic.description);
  return { lang, slug: topic.slug, title, description, ...translationState(picker, topic, lang) };
}

export function toHelpContactEntry(
  contact: HelpContactDocument,
  lang: LocalePath,
  context: EntryContext,
): HelpContactEntryInput {
  const picker = pickerFor(lang, contact.translations, context);
  const texts = {
    name: picker.required(contact.name),
    hours: picker.text(contact.hours),
    serves: picker.text(contact.serves),
  };
  return {
    lang,
    number: contact.number,
    ...texts,
    order: contact.order ?? 0,
    ...translationState(picker, contact, lang),
  };
}

export function toSiteSettingsEntry(
  settings: SiteSettingsDocument,
  lang: LocalePath,
  context: EntryContext,
): SiteSettingsEntryInput {
  const picker = pickerFor(lang, settings.translations, context);
  const texts = { title: picker.required(settings.title), banner: picker.text(settings.banner) };
  return { lang, ...texts, ...translationState(picker, settings, lang) };
}

export function toMaterialEntry(
  material: MaterialDocument,
  lang: LocalePath,
  context: EntryContext,
): MaterialEntryInput {
  const { source } = context;
  const picker = pickerFor(lang, material.translations, context);
  const present = <T>(values: readonly (T | undefined)[]): T[] =>
    values.filter((value): value is T => value !== undefined);
  // One object literal typed by the entry schema: a field the schema lacks is a type error here.
  const entry: Omit<MaterialEntryInput, keyof ReturnType<typeof translationState>> = {
    lang,
    slug: material.slug,
    documentId: material._id,
    isSample: material.isSample ?? false,
    translationStatus: lang === sourceLocale ? 'reviewed' : (material.translations?.[lang]?.status ?? 'missing'),
    reviewedAt: lang === sourceLocale ? undefined : (material.translations?.[lang]?.reviewedAt ?? undefined),
    title: picker.required(material.title),
    summary: picker.required(material.summary),
    audience: material.audience ?? [],
    setting: material.setting ?? [],
    durationMinutes: material.durationMinutes ?? undefined,
    ageRange: material.ageRange ?? undefined,
    // Topics and contacts keep their own translation status; they are entries of their own too.
    topics: (material.topics ?? []).map((ref) => ref.target!.slug),
    helpContacts: (material.helpContacts ?? []).map((ref) => ref.target!.number),
    cover: toImage(material.coverImage, picker, source),
    slides: material.slides.map((slide) => {
      const audio = picker.media(slide.audio);
      const src = audio ? audioUrl(audio.value) : undefined;
      const heading = picker.required(slide.heading);
      const body = picker.text(slide.body);
      // Read-along only over the text the clip speaks: same language, timings that fit its sentences.
      const sameText = heading.lang === audio?.lang && (body?.lang ?? audio.lang) === audio.lang;
      const sentences = sameText
        ? fittingTimings(audio.value.sentences, slideSentences(heading.value, body?.value).length)
        : undefined;
      return {
        key: slide._key,
        heading,
        body,
        teacherNotes: picker.text(slide.teacherNotes),
        image: toImage(slide.image, picker, source),
        audio: audio && src ? { src, lang: audio.lang, ...(sentences ? { sentences } : {}) } : undefined,
      };
    }),
    discussionQuestions: present((material.discussionQuestions ?? []).map((question) => picker.text(question))),
    quiz: (material.quiz ?? []).map((question) => ({
      question: picker.required(question.question),
      options: question.options.map((option) => picker.required(option)),
      correctOption: question.correctOption,
      explanation: picker.text(question.explanation),
    })),
    keyMessages: present((material.keyMessages ?? []).map((message) => picker.text(message))),
  };
  // Reviewed against an earlier Vietnamese text: the reviewed text stays, with a notice.
  return { ...entry, ...translationState(picker, material, lang) };
}
