/** Every schema type of the Studio; the same schemas describe the embedded dataset. */
import { glossaryTerm } from './documents/glossaryTerm.ts';
import { helpContact } from './documents/helpContact.ts';
import { material } from './documents/material.ts';
import { siteSettings } from './documents/siteSettings.ts';
import { topic } from './documents/topic.ts';
import { localeAudio, localeBlockContent, localeString, localeText, translations } from './objects/localized.ts';
import { quizQuestion } from './objects/quizQuestion.ts';
import { slide } from './objects/slide.ts';
import { translationStatus } from './objects/translationStatus.ts';

/** Document types that hold localized text: the language filter is offered on these. */
export const localizedDocumentTypes = [material, topic, helpContact, siteSettings].map((type) => type.name);

export const schemaTypes = [
  material,
  topic,
  helpContact,
  siteSettings,
  glossaryTerm,
  slide,
  quizQuestion,
  translationStatus,
  translations,
  localeString,
  localeText,
  localeBlockContent,
  localeAudio,
];
