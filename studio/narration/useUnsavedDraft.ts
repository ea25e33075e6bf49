/**
 * The clip on the page that is not saved yet (the draft), mirrored in the browser under `key`
 * (unsavedClips.ts) so that closing the slide, a reload or a lost tab loses no take. On the
 * field's next visit a kept clip is shown again; a kept raw take (a recording that was not
 * processed yet) goes to `onRawTake`, unless another tab is recording it right now. A copy that
 * another tab saved or discarded is dropped here too (`onGone` says so). A clip that "Save"
 * uploaded waits in the field's second slot (unsavedClips.ts): a visit with nothing in the first
 * drops it if Sanity holds it (`heldBySanity`, asked of Sanity, not of the form, whose value
 * shows an edit before Sanity has it), and shows it again, as not saved, if Sanity does not.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  forgetUnsaved,
  heartbeat,
  isBeingRecorded,
  isRawTake,
  keepUnsaved,
  loadUnsaved,
  awaitingKey,
  putAwayUploaded,
  takeBackAwaiting,
  updateUnsaved,
  watchUnsaved,
  type RawTake,
  type UnsavedClip,
} from './unsavedClips.ts';

/** A clip on the page, not yet saved. */
export interface Draft extends UnsavedClip {
  url: string;
  /** Found in the browser from an earlier visit or another tab, not made here. */
  restored?: boolean;
}

/** How long (ms) typing must pause before an edited clip is written to the browser's store. */
const editPause = 400;

const unsavedOf = ({ blob, timings, found, recordedAt }: Draft): UnsavedClip => ({ blob, timings, found, recordedAt });

export function useUnsavedDraft(
  key: string,
  options: {
    onRawTake: (take: RawTake) => void;
    onRestored: () => void;
    onGone: () => void;
    onRecordedElsewhere: () => void;
    /** Whether Sanity holds the field as `clip` was saved (its asset and timings); false when unsure. */
    heldBySanity: (clip: UnsavedClip) => Promise<boolean>;
    /** Whether the form shows the field as `clip` was saved: an edit of this Studio's, maybe still on its way. */
    inForm: (clip: UnsavedClip) => boolean;
  },
) {
  const [draft, setDraftState] = useState<Draft>();
  const shown = useRef(draft);
  shown.current = draft;
  const handlers = useRef(options);
  handlers.current = options;
  const pendingEdit = useRef<ReturnType<typeof setTimeout>>(undefined);

  /**
   * Shows `next` (or nothing) and mirrors it in the browser: a new take is kept, an edit is
   * written over the same take only, and nothing forgets the take of another tab.
   */
  const setDraft = useCallback(
    (next: Draft | undefined) => {
      const before = shown.current;
      setDraftState(next);
      if (!next) {
        if (before) void forgetUnsaved(key, before.recordedAt);
        return;
      }
      if (before?.recordedAt !== next.recordedAt) {
        void keepUnsaved(key, unsavedOf(next));
        return;
      }
      // An edit (typing a time) is written once typing pauses, not the whole clip per keystroke.
      clearTimeout(pendingEdit.current);
      pendingEdit.current = setTimeout(() => {
        pendingEdit.current = undefined;
        const latest = shown.current;
        if (latest?.recordedAt !== next.recordedAt) return;
        void updateUnsaved(key, unsavedOf(latest)).then((written) => {
          if (written || shown.current?.recordedAt !== next.recordedAt) return;
          setDraftState(undefined);
          handlers.current.onGone();
        });
      }, editPause);
    },
    [key],
  );

  /**
   * "Save" uploaded the clip on the page as `assetId`: the page shows it no more, and the browser's
   * copy waits in the field's second slot until Sanity holds the edit (NarrationInput's
   * `forgetOnceSaved`). Resolves with the clip as it was saved, once it is put away.
   */
  const putAway = useCallback(
    async (assetId: string): Promise<UnsavedClip | undefined> => {
      const current = shown.current;
      if (!current) return undefined;
      clearTimeout(pendingEdit.current);
      pendingEdit.current = undefined;
      const saved = { ...unsavedOf(current), savedAs: assetId };
      await putAwayUploaded(key, saved);
      if (shown.current?.recordedAt === current.recordedAt) setDraftState(undefined);
      return saved;
    },
    [key],
  );

  /** Keeps a raw take while it is recorded (it replaces the kept clip, as the new take will). */
  const keepTake = useCallback((take: RawTake) => keepUnsaved(key, take), [key]);

  /** After a take that could not be used: the browser keeps what the page shows again. */
  const keepShown = useCallback(
    (failed: string | undefined) => {
      if (shown.current) void keepUnsaved(key, unsavedOf(shown.current));
      else if (failed) void forgetUnsaved(key, failed);
    },
    [key],
  );

  useEffect(() => {
    let current = true;
    let again: ReturnType<typeof setTimeout> | undefined;
    // A take another tab is recording is looked at again once its heartbeat would be stale: if
    // that tab was lost, what it recorded is taken up here.
    const look = () =>
      void loadUnsaved(key).then(async (kept) => {
        if (!current || shown.current) return;
        if (!kept) {
          await lookAtAwaiting();
          return;
        }
        if (!isRawTake(kept)) {
          setDraftState({ ...kept, url: URL.createObjectURL(kept.blob), restored: true });
          handlers.current.onRestored();
        } else if (isBeingRecorded(kept)) {
          handlers.current.onRecordedElsewhere();
          again = setTimeout(look, heartbeat);
        } else handlers.current.onRawTake(kept);
      });
    /** The field was left, or shows a clip already. */
    const busy = () => !current || shown.current !== undefined;
    // A clip saved on an earlier visit whose edit may not have reached Sanity: dropped if Sanity
    // holds it, else offered again as not saved.
    const lookAtAwaiting = async () => {
      const waiting = await loadUnsaved(awaitingKey(key));
      if (!waiting || isRawTake(waiting)) return;
      if (await handlers.current.heldBySanity(waiting)) {
        await forgetUnsaved(awaitingKey(key), waiting.recordedAt);
        return;
      }
      // The form shows it but Sanity does not hold it yet: the edit is on its way (a slide closed
      // and opened again at once). It waits on; a failed edit takes it out of the form.
      if (busy() || handlers.current.inForm(waiting)) return;
      const back = await takeBackAwaiting(key, waiting.recordedAt);
      if (!back || busy()) return;
      setDraftState({ ...back, url: URL.createObjectURL(back.blob), restored: true });
      handlers.current.onRestored();
    };
    look();
    const stop = watchUnsaved(({ key: changed, recordedAt, change }) => {
      if (changed !== key || change !== 'forgotten' || shown.current?.recordedAt !== recordedAt) return;
      setDraftState(undefined);
      handlers.current.onGone();
    });
    return () => {
      current = false;
      clearTimeout(again);
      stop();
    };
  }, [key]);

  // Leaving with an edit not yet written writes it now: the slide closed, nothing typed is lost.
  useEffect(
    () => () => {
      if (pendingEdit.current === undefined) return;
      clearTimeout(pendingEdit.current);
      if (shown.current) void updateUnsaved(key, unsavedOf(shown.current));
    },
    [key],
  );

  // A clip's URL is freed when the clip goes, not when its timings change.
  const url = draft?.url;
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);

  return { draft, shown, setDraft, putAway, keepTake, keepShown };
}
