/**
 * Which fields get the narration recorder: a file field with sentence timings (`localeAudio`'s
 * per-language fields, studio/schemaTypes/objects/localized.ts). Recognised by shape rather than
 * by name so that the schema file stays free of React (see formComponents.tsx).
 */
import type { SchemaType } from 'sanity';

/** True for a file type (or a type built on one) with a `sentences` field. */
export function isNarrationField(schemaType: SchemaType): boolean {
  let type: SchemaType | undefined = schemaType;
  let isFile = false;
  while (type) {
    if (type.name === 'file') isFile = true;
    type = type.type;
  }
  return isFile && schemaType.jsonType === 'object' && schemaType.fields.some((field) => field.name === 'sentences');
}
