/**
 * The clip on the page that is not saved yet (the draft), mirrored in the browser under `key`
 * (unsavedClips.ts) so that closing the slide, a reload or a lost tab loses no take. On the
 * field's next visit a kept clip is shown again; a kept raw take (a recording that was not
 * processed yet) goes to `onRawTake`.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { forgetUnsaved, isRawTake, keepUnsaved, loadUnsaved, type RawTake, type UnsavedClip } from './unsavedClips.ts';

/** A clip on the page, not yet saved. */
export interface Draft extends UnsavedClip {
  url: string;
  /** Found in the browser from an earlier visit, not made on this one. */
  restored?: boolean;
}

const unsavedOf = ({ blob, timings, found, recordedAt }: Draft): UnsavedClip => ({ blob, timings, found, recordedAt });

export function useUnsavedDraft(key: string, onRawTake: (take: RawTake) => void) {
  const [draft, setDraftState] = useState<Draft>();
  const shown = useRef(draft);
  shown.current = draft;
  const rawTake = useRef(onRawTake);
  rawTake.current = onRawTake;

  /** Shows `next` (or nothing) and keeps it in the browser (or forgets it). */
  const setDraft = useCallback(
    (next: Draft | undefined) => {
      setDraftState(next);
      if (next) void keepUnsaved(key, unsavedOf(next));
      else void forgetUnsaved(key);
    },
    [key],
  );

  /** Keeps a raw take while it is recorded (it replaces the kept clip, as the new take will). */
  const keepTake = useCallback((take: RawTake) => keepUnsaved(key, take), [key]);

  /** After a take that could not be used: the browser keeps what the page shows again. */
  const keepShown = useCallback(() => {
    if (shown.current) void keepUnsaved(key, unsavedOf(shown.current));
    else void forgetUnsaved(key);
  }, [key]);

  useEffect(() => {
    let current = true;
    void loadUnsaved(key).then((kept) => {
      if (!current || !kept) return;
      if (isRawTake(kept)) rawTake.current(kept);
      else setDraftState((now) => now ?? { ...kept, url: URL.createObjectURL(kept.blob), restored: true });
    });
    return () => {
      current = false;
    };
  }, [key]);

  // A clip's URL is freed when the clip goes, not when its timings change.
  const url = draft?.url;
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);

  return { draft, shown, setDraft, keepTake, keepShown };
}
