/**
 * Custom validators shared by several schema types, so that each rule, and its message to
 * editors, lives in one place.
 */
import type { CustomValidator, ValidationError } from 'sanity';
import { getLocale, sourceLocale, type LocalePath } from '../../../src/i18n/locales.ts';
import { hasText, reviewedTranslationGaps } from '../../../src/content/translation.ts';
import { modelMessages } from '../../../src/content/model.ts';

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

function languageLabel(lang: string): string {
  const locale = getLocale(lang as LocalePath);
  return `${locale.nameVi} (${locale.name})`;
}

/** Whether a localized value has its Vietnamese (source) text. */
export function hasSourceText(value: unknown): boolean {
  return hasText(field(value, sourceLocale));
}

/** A localized field whose Vietnamese text is required: every translation starts from it. */
export const requireSourceText: CustomValidator = (value) =>
  hasSourceText(value) ||
  'Write the Vietnamese text first (bắt buộc nhập tiếng Việt): every translation starts from it.';

/**
 * Alt text of an image, required in Vietnamese as soon as an image is chosen: learners with a
 * screen reader, or on a connection too slow to load the picture, get the text instead. An image
 * in Sanity's export format (the embedded dataset) names its file in `_sanityAsset`.
 */
export const requireSourceAltWhenImageSet: CustomValidator = (alt, context) =>
  (!field(context.parent, 'asset') && !field(context.parent, '_sanityAsset')) ||
  hasSourceText(alt) ||
  'Describe the image in Vietnamese (mô tả hình ảnh bằng tiếng Việt) for learners who cannot see it.';

/** Most paths that one message lists before it says "and N more", so the message stays readable. */
const maxListedPaths = 8;

/**
 * Document-level rule: a language marked reviewed is published as it is, so it must have every
 * text Vietnamese has. Each such language gets one error, shown on its translation status.
 */
export const reviewedTranslationsAreComplete: CustomValidator = (doc) => {
  const errors: ValidationError[] = reviewedTranslationGaps(doc).map(({ lang, missing }) => {
    const listed = missing.slice(0, maxListedPaths).join(', ');
    const more = missing.length > maxListedPaths ? ` and ${missing.length - maxListedPaths} more` : '';
    return {
      message:
        `${languageLabel(lang)} is marked reviewed but lacks texts that Vietnamese has: ` +
        `${listed}${more}. Translate them, or set the status back to "needs review".`,
      path: ['translations', lang, 'status'],
    };
  });
  return errors.length === 0 ? true : errors;
};

/** The 1-based number of the correct quiz option must point at an option that exists. */
export const correctOptionExists: CustomValidator<number | undefined> = (value, context) => {
  const options = field(context.parent, 'options');
  const count = Array.isArray(options) ? options.length : 0;
  if (value === undefined || count === 0 || value <= count) return true;
  return modelMessages.correctOption(count);
};
