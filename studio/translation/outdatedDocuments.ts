/**
 * The desk list "Outdated" of one language: documents marked reviewed in it whose Vietnamese has
 * changed since (src/content/sourceHash.ts). GROQ cannot hash, so the list fetches the language's
 * reviewed documents with the desk's own filter and this decides which are outdated.
 */
import { isOutdated } from '../../src/content/sourceHash.ts';

/** A document as the desk fetches it: at least its id and type. */
export interface DeskDocument {
  readonly _id: string;
  readonly _type: string;
  readonly [field: string]: unknown;
}

/** The published id of a document or of its draft (`drafts.<id>`). */
export function publishedId(id: string): string {
  return id.startsWith('drafts.') ? id.slice('drafts.'.length) : id;
}

/**
 * The documents outdated in `lang`, one per published id (a draft stands for its document, as
 * everywhere in the desk), sorted by id.
 */
export function outdatedDocuments(documents: readonly DeskDocument[], lang: string): DeskDocument[] {
  const current = new Map<string, DeskDocument>();
  for (const document of documents) {
    const id = publishedId(document._id);
    if (!current.has(id) || document._id.startsWith('drafts.')) current.set(id, document);
  }
  return [...current.values()]
    .filter((document) => isOutdated(document, lang))
    .sort((a, b) => (publishedId(a._id) < publishedId(b._id) ? -1 : 1));
}
