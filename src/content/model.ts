/**
 * The content model's rules, in one place for the Studio's schema types (studio/schemaTypes/) and
 * the site's zod checks (documents.ts): the slug and phone-number patterns, lengths and counts,
 * the fixed lists, and the message each rule gives. Free of Sanity and zod imports, so that both
 * sides, and scripts under `node --experimental-strip-types`, read it.
 */
export { audiences, settings } from './vocabulary.ts';
export { translationStatusValues } from './translation.ts';

/** A rule that a text must match, and what to tell the editor when it does not. */
export interface PatternRule {
  readonly pattern: RegExp;
  readonly message: string;
}

/** Lowercase ASCII words joined by single hyphens: safe in every URL, printed handout and QR code. */
export const slugRule = {
  pattern: /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
  /** Sanity's slug generator cuts a generated slug here. */
  maxLength: 96,
  message: 'Use only lowercase letters a–z, digits and single hyphens (no accents, no spaces).',
} as const satisfies PatternRule & { maxLength: number };

/** Digits, spaces and a leading "+" only, so a phone can dial the number when it is tapped. */
export const dialableRule = {
  pattern: /^[0-9 +]+$/,
  message: 'Use digits, spaces and + only, so phones can dial it.',
} as const satisfies PatternRule;

/** Whether `slug` is a valid web address part. Example: `isValidSlug('viec-lam-gia')` is true. */
export const isValidSlug = (slug: string): boolean => slug.length <= slugRule.maxLength && slugRule.pattern.test(slug);

/** How many answer options a quiz question has; the correct one is counted from 1. */
export const quizOptionCount = { min: 2, max: 5 } as const;

/** Slides of a lesson pack: at least one; 5 to 10 fit one class period (advice, not a rule). */
export const slideCount = { min: 1, advisedMin: 5, advisedMax: 10 } as const;

/** A session's length in whole minutes; longer than `advisedMax` rarely fits a class period. */
export const durationMinutesRule = { min: 1, advisedMax: 90 } as const;

/** The ages a lesson pack's age range may name, whole years. */
export const ageRule = { min: 5, max: 120 } as const;

/**
 * The old anti-trafficking hotline, 1800 1567, replaced by 111: publishing it as current misleads
 * callers. Found however it is written (`1800 1567`, `1800-1567`, `(1800) 15.67`), never inside a
 * longer number. One rule for the help-contact number field and for `content:check`, which looks
 * for it in every text of every language.
 */
const retiredDigits = '18001567'.split('');
const retiredHotline = new RegExp(`(?<!\\d)${retiredDigits.join('[\\s\\p{P}]*')}(?!\\d)`, 'u');

export const retiredHotlineMessage =
  '1800 1567 is no longer the hotline: use 111, which now also takes trafficking calls.';

/** Whether a text gives the retired hotline. Example: `mentionsRetiredHotline('Gọi 1800.1567')` is true. */
export const mentionsRetiredHotline = (text: string): boolean => retiredHotline.test(text);

/** Messages shared by the Studio and the build's checks. */
export const modelMessages = {
  slidesRequired: 'Add at least one slide.',
  slidesAdvised: `Lesson packs work best with ${slideCount.advisedMin} to ${slideCount.advisedMax} slides: about one class period.`,
  ageOrder: '“From age” must not be above “To age”.',
  /** The correct option's number, counted from 1, is not one of the `count` options. */
  correctOption: (count: number) =>
    `There ${count === 1 ? 'is 1 option' : `are ${count} options`}: choose a number from 1 to ${count}.`,
} as const;
