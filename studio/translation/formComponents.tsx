/**
 * The Studio's form inputs for translation work, attached by type in sanity.config.ts (schema
 * files stay free of React so that `npm run content:check` loads them under Node).
 */
import type { InputProps, ObjectInputProps } from 'sanity';
import { isNarrationField } from '../narration/isNarrationField.ts';
import { NarrationInput } from '../narration/NarrationInput.tsx';
import { SourceBesideInput } from './SourceBesideInput.tsx';
import { translationInputFor } from './sourceBeside.ts';
import { TranslationStatusInput } from './TranslationStatusInput.tsx';

/**
 * `form.components.input`: the translation status, the localized text fields (Vietnamese source
 * beside each translation) and each language's narration (recorder and sentence timings) get
 * their own inputs; the rest stay default.
 */
export function translationInput(props: InputProps) {
  if (isNarrationField(props.schemaType)) return <NarrationInput {...(props as ObjectInputProps)} />;
  const input = translationInputFor(props.schemaType.name);
  if (input === 'status') return <TranslationStatusInput {...(props as ObjectInputProps)} />;
  if (input === 'sourceBeside') return <SourceBesideInput {...(props as ObjectInputProps)} />;
  return props.renderDefault(props);
}
