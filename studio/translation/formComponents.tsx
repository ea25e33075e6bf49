/**
 * The Studio's form inputs for translation work, attached by type in sanity.config.ts (schema
 * files stay free of React so that `npm run content:check` loads them under Node).
 */
import type { InputProps, ObjectInputProps } from 'sanity';
import { TranslationStatusInput } from './TranslationStatusInput.tsx';

/** `form.components.input`: the translation status gets its own input; the rest stay default. */
export function translationInput(props: InputProps) {
  if (props.schemaType.name === 'translationStatus') return <TranslationStatusInput {...(props as ObjectInputProps)} />;
  return props.renderDefault(props);
}
