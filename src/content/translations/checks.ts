/**
 * What the import checks for each unit of a translator's file before it writes anything: the id
 * is known, the Vietnamese it was translated from is still the current one, the placeholders are
 * the source's, Tai Dam is in Tai Viet letters, and the retired hotline is not given out.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { placeholderIds, segmentText, segmentToCell, type SegmentPart } from './segments.ts';
import type { TranslationUnit } from './units.ts';
import { getLocale, isLocalePath } from '../../i18n/locales.ts';
// One rule for the retired hotline, shared with the Studio's field validation and content:check.
import { mentionsRetiredHotline, retiredHotlineMessage } from '../model.ts';

export { mentionsRetiredHotline };

/** A unit as a file gives it back. */
export interface FileUnit {
  readonly id: string;
  readonly source: SegmentPart[];
  readonly target: SegmentPart[];
  /** `targetFingerprint` of the target when the file was exported, if the file kept it. */
  readonly exportedTarget?: string | undefined;
}

/** What the import did with one unit. */
export interface UnitOutcome {
  readonly id: string;
  readonly result: 'updated' | 'unchanged' | 'conflict' | 'refused';
  /** Why, for anything but `updated`/`unchanged`: names the document and field. */
  readonly reason?: string;
}

/** A short fingerprint of a target, kept in the export to notice a translation changed since. */
export function targetFingerprint(parts: readonly SegmentPart[]): string {
  return bytesToHex(sha256(utf8ToBytes(segmentToCell(parts)))).slice(0, 12);
}

const thaiOfThailand = /[\u0E00-\u0E7F]/u;
const taiViet = /[\uAA80-\uAADF]/u;

/**
 * Why a text is not in the language's script, or undefined. A language whose row in the locale
 * table has the Tai Viet script (Tai Dam, `thai`) is written in Tai Viet letters: text in Latin
 * letters only, or in the Thai script of Thailand, is refused.
 */
export function scriptProblem(lang: string, text: string): string | undefined {
  if (!isLocalePath(lang) || getLocale(lang).script !== 'Tavt') return undefined;
  if (thaiOfThailand.test(text))
    return 'written in the Thai script of Thailand: Tai Dam is written in Tai Viet letters';
  if (/\p{L}/u.test(text) && !taiViet.test(text))
    return 'has no Tai Viet letters: Tai Dam is written in Tai Viet, not in Latin letters';
  return undefined;
}

const same = (a: readonly SegmentPart[], b: readonly SegmentPart[]) => segmentToCell(a) === segmentToCell(b);

/**
 * The outcome of one unit of a file against the content as it is now (`current`, undefined when
 * the id is unknown).
 */
export function checkUnit(unit: FileUnit, current: TranslationUnit | undefined, lang: string): UnitOutcome {
  const refuse = (reason: string): UnitOutcome => ({ id: unit.id, result: 'refused', reason });
  if (!current) return refuse('unknown id: no such document or field (was it deleted, or the file edited?)');
  const where = `${current.documentId} ${current.field}`;
  if (!same(unit.source, current.source)) {
    return {
      id: unit.id,
      result: 'conflict',
      reason: `the Vietnamese of ${where} changed since the export: export again and translate the new text`,
    };
  }
  const text = segmentText(unit.target);
  if (text.trim() === '' || same(unit.target, current.target)) return { id: unit.id, result: 'unchanged' };
  const expected = placeholderIds(current.source).join(', ');
  const found = placeholderIds(unit.target).join(', ');
  if (expected !== found)
    return refuse(`${where}: the tags are [${found}], the Vietnamese has [${expected}]: keep each tag once`);
  const script = scriptProblem(lang, text);
  if (script) return refuse(`${where}: ${script}`);
  if (mentionsRetiredHotline(text)) return refuse(`${where}: ${retiredHotlineMessage}`);
  if (unit.exportedTarget !== undefined && unit.exportedTarget !== targetFingerprint(current.target)) {
    return {
      id: unit.id,
      result: 'conflict',
      reason: `${where}: the translation was changed in the content since the export; not overwritten`,
    };
  }
  return { id: unit.id, result: 'updated' };
}
