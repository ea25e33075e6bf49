/**
 * The input of one language's narration on a slide (`slide.audio.<lang>`): record it with the
 * microphone sentence by sentence, or take a file; listen back; adjust where each sentence starts
 * and ends; save. Attached in formComponents.tsx to every file field with sentence timings.
 *
 * Recording is one clip per slide with a start and end per sentence (the content model's
 * `sentences`). While recording, the narrator reads the sentence shown and presses "Next
 * sentence" (Space or Enter) before the next; each tap is moved into the pause the narrator left
 * there (pauses.ts). An uploaded file is cut at the pauses that best fit the text's sentence
 * breaks. The clip is kept on the page, and in the browser (useUnsavedDraft.ts), until "Save"
 * uploads it, so a failed upload, a closed slide or a lost tab loses nothing, and the saved
 * narration stays as it was until then.
 */
import { Button, Card, Flex, Stack, Text } from '@sanity/ui';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import {
  getValueAtPath,
  pathToString,
  set,
  unset,
  useClient,
  useFormValue,
  type ObjectInputProps,
  type Path,
  type SanityClient,
} from 'sanity';
import { slideSentences } from '../../src/content/narration.ts';
import { deskApiVersion } from '../structure/apiVersion.ts';
import { decodeMono, narrationFormat, UndecodableAudio } from './audio.ts';
import { NothingHeard, prepareClip, TooShort } from './clip.ts';
import { audioMessages, failed, foundMessage } from './messages.ts';
import { analyse, timingsByLength, timingsFromPauses } from './pauses.ts';
import { RecordingView } from './RecordingView.tsx';
import { TimingsEditor } from './TimingsEditor.tsx';
import { forgetUnsaved, forgetUploaded, type RawTake } from './unsavedClips.ts';
import { useRecorder } from './useRecorder.ts';
import { useUnsavedDraft } from './useUnsavedDraft.ts';

interface NarrationValue {
  _type?: string;
  asset?: { _ref?: string };
  sentences?: { _key?: string; start?: number; end?: number }[];
}

/** Work on a clip: processing a take or file, or uploading. Recording is `useRecorder`'s. */
type Work = { kind: 'working'; what: string; progress: number } | { kind: 'saving' };

/** Focuses an element once React has drawn it (it may not exist yet when state changes). */
function focusSoon(target: { current: HTMLElement | null }) {
  requestAnimationFrame(() => requestAnimationFrame(() => target.current?.focus()));
}

const newKey = () => crypto.randomUUID().replaceAll('-', '').slice(0, 12);

/** Seconds between looks at Sanity for a saved clip's edit: soon at first, then every 30 s for 10 minutes. */
const savedLooks = [1, 2, 3, 5, 8, 13, 21, ...Array<number>(17).fill(30)];

/**
 * Forgets the browser's copy of the take recorded at `recordedAt` (under `key`) once Sanity holds
 * the field at `path` of the document with the asset `assetId`: the Studio sends the edit a
 * moment after "Save", and until it has, the copy is what a lost tab would leave. Looks at the
 * draft, else the published document, as the Studio's form does; gives up after 10 minutes (a
 * later visit then decides: NarrationInput's `isSaved`). Runs on after the input is closed.
 */
async function forgetOnceSaved(
  client: SanityClient,
  documentId: string,
  path: Path,
  key: string,
  recordedAt: string,
  assetId: string,
): Promise<void> {
  const publishedId = documentId.replace(/^drafts\./, '');
  for (const seconds of savedLooks) {
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    try {
      const [draft, published] = await client.getDocuments([`drafts.${publishedId}`, publishedId]);
      const field = getValueAtPath(draft ?? published, path) as NarrationValue | undefined;
      if (field?.asset?._ref === assetId) {
        await forgetUnsaved(key, recordedAt);
        return;
      }
    } catch {
      // Offline for now: look again later.
    }
  }
}

/** The URL of a saved file asset, looked up by its id. */
function useAssetUrl(ref: string | undefined): string | undefined {
  const client = useClient({ apiVersion: deskApiVersion });
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    setUrl(undefined);
    if (!ref) return undefined;
    let current = true;
    client
      .fetch<string | null>('*[_id == $id][0].url', { id: ref })
      .then((found) => {
        if (current && found) setUrl(found);
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [client, ref]);
  return url;
}

export function NarrationInput(props: ObjectInputProps) {
  const { onChange, path, readOnly = false } = props;
  const value = props.value as NarrationValue | undefined;
  const last = path.at(-1);
  const lang = typeof last === 'string' ? last : '';
  const slidePath = path.slice(0, -2);
  const heading = useFormValue([...slidePath, 'heading', lang]);
  const body = useFormValue([...slidePath, 'body', lang]);
  const sentences = useMemo(
    () =>
      slideSentences(
        typeof heading === 'string' ? heading : '',
        Array.isArray(body) ? (body as Record<string, unknown>[]) : undefined,
      ),
    [heading, body],
  );
  const client = useClient({ apiVersion: deskApiVersion });
  const savedRef = value?.asset?._ref;
  const savedUrl = useAssetUrl(savedRef);
  const savedTimings = useMemo(
    () =>
      // A missing time stays missing (NaN: an empty, invalid field), never 0: the input must judge
      // the timings as the site will (fittingTimings refuses what is not a number).
      (value?.sentences ?? []).map(({ start, end }) => ({
        start: typeof start === 'number' ? start : Number.NaN,
        end: typeof end === 'number' ? end : Number.NaN,
      })),
    [value?.sentences],
  );

  /** Editing a saved timing keeps its key: the Studio's history then shows one value changed. */
  const savedKeys = useMemo(() => (value?.sentences ?? []).map(({ _key }) => _key), [value?.sentences]);
  const [work, setWork] = useState<Work>();
  const [error, setError] = useState<string>();
  const [announcement, setAnnouncement] = useState('');
  const recordButton = useRef<HTMLButtonElement>(null);
  const draftHeading = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const documentId = useFormValue(['_id']);
  const unsavedKey = `${String(documentId).replace(/^drafts\./, '')} ${pathToString(path)}`;
  // Set below, once `process` exists: a raw take left by an earlier visit is processed then.
  const processRaw = useRef<(take: RawTake) => void>(() => undefined);
  const savedNow = useRef(savedRef);
  savedNow.current = savedRef;
  const { draft, shown, setDraft, putAway, keepTake, keepShown } = useUnsavedDraft(unsavedKey, {
    onRawTake: (take) => processRaw.current(take),
    onRestored: () => setAnnouncement(''),
    onGone: () => setAnnouncement(audioMessages.goneElsewhere),
    onRecordedElsewhere: () => setAnnouncement(audioMessages.recordedElsewhere),
    isSaved: (assetId) => savedNow.current === assetId,
  });

  /** Decoded, trimmed, timed and encoded: the clip as it will be saved (clip.ts). */
  const process = useCallback(
    async (source: Blob, marks: readonly number[] | undefined, origin: { recordedAt: string; restored?: boolean }) => {
      setWork({ kind: 'working', what: 'Đang xử lý âm thanh (processing the audio)', progress: 0 });
      try {
        const clip = await prepareClip(source, sentences, marks, (progress) =>
          setWork({ kind: 'working', what: 'Đang nén MP3 (encoding MP3)', progress }),
        );
        setDraft({ ...clip, url: URL.createObjectURL(clip.blob), ...origin });
        if (!origin.restored) {
          setAnnouncement(audioMessages.ready);
          focusSoon(draftHeading);
        }
      } catch (caught) {
        // The browser keeps what the page shows: not a take that could not be used.
        keepShown(marks ? origin.recordedAt : undefined);
        setError(
          caught instanceof UndecodableAudio
            ? audioMessages.undecodable
            : caught instanceof NothingHeard
              ? audioMessages.nothingHeard
              : caught instanceof TooShort
                ? audioMessages.tooShort
                : failed('Không xử lý được âm thanh. (Could not process the audio.)', caught),
        );
      } finally {
        setWork(undefined);
      }
    },
    [keepShown, sentences, setDraft],
  );
  processRaw.current = (take) => {
    setAnnouncement('');
    void process(take.raw, take.marks, { recordedAt: take.recordedAt, restored: true });
  };

  const onTake = useCallback(
    (take: RawTake) => void process(take.raw, take.marks, { recordedAt: take.recordedAt }),
    [process],
  );
  const recorder = useRecorder({ sentences: sentences.length, keep: keepTake, onTake, onError: setError });
  const record = useCallback(() => {
    if (shown.current && !window.confirm(audioMessages.replaceDraft)) return;
    setError(undefined);
    setAnnouncement('');
    void recorder.start();
  }, [recorder, shown]);

  const takeFile = useCallback(
    (file: File | undefined) => {
      setError(undefined);
      if (file) void process(file, undefined, { recordedAt: new Date().toISOString() });
    },
    [process],
  );

  /**
   * The clip's timings found again from its pauses and the slide's text as it is now: for a text
   * edited after the recording, or a clip recorded before read-along. The clip is decoded as it is
   * heard (the encoder's delay included), so the timings need no move.
   */
  const retime = useCallback(
    async (which: 'draft' | 'saved') => {
      setError(undefined);
      setWork({ kind: 'working', what: 'Đang tìm chỗ ngắt câu (finding the pauses)', progress: 0 });
      try {
        let source: Blob | undefined = which === 'draft' ? shown.current?.blob : undefined;
        if (which === 'saved' && savedUrl) {
          const response = await fetch(savedUrl);
          if (!response.ok) throw new Error(`HTTP ${String(response.status)}`);
          source = await response.blob();
        }
        if (!source) return;
        const decoded = await decodeMono(source);
        const speech = analyse(decoded.samples, decoded.sampleRate);
        const byPauses = timingsFromPauses(speech, sentences);
        const timings = byPauses ?? timingsByLength(speech, sentences);
        if (!timings) setError(audioMessages.noSpeechInSaved);
        else if (which === 'draft' && shown.current)
          setDraft({ ...shown.current, timings, found: byPauses ? 'pauses' : 'length' });
        else
          onChange(
            set(
              timings.map((timing, i) => ({ _type: 'sentenceTiming', _key: savedKeys[i] ?? newKey(), ...timing })),
              ['sentences'],
            ),
          );
      } catch (caught) {
        setError(failed('Không đọc được bản ghi. (Could not read the recording.)', caught));
      } finally {
        setWork(undefined);
      }
    },
    [onChange, savedKeys, savedUrl, sentences, setDraft, shown],
  );

  const save = useCallback(async () => {
    if (!draft) return;
    setError(undefined);
    setWork({ kind: 'saving' });
    try {
      const asset = await client.assets.upload('file', draft.blob, {
        filename: `narration-${lang}.${narrationFormat.extension}`,
        contentType: narrationFormat.mimeType,
      });
      // The browser's copy is marked as uploaded before the edit goes out, and forgotten once
      // Sanity holds it: a tab lost before then leaves the take (useUnsavedDraft.ts).
      const recordedAt = await putAway(asset._id);
      onChange(
        set({
          _type: 'file',
          asset: { _type: 'reference', _ref: asset._id },
          sentences: draft.timings.map((timing) => ({ _type: 'sentenceTiming', _key: newKey(), ...timing })),
        }),
      );
      if (recordedAt) void forgetOnceSaved(client, String(documentId), path, unsavedKey, recordedAt, asset._id);
      setAnnouncement(audioMessages.saved);
      focusSoon(recordButton);
    } catch (caught) {
      setError(
        failed(
          'Chưa lưu được, bản ghi vẫn còn đây: thử lại khi có mạng. (Not saved; the recording is still here: try again when online.)',
          caught,
        ),
      );
    } finally {
      setWork(undefined);
    }
  }, [client, documentId, draft, lang, onChange, path, putAway, unsavedKey]);

  const busy = work !== undefined || recorder.state.kind !== 'idle';
  // The live region says what changed (a sentence, a state), never a ticking clock: a screen
  // reader speaking every second would land in the take.
  const status: ReactNode =
    recorder.state.kind === 'recording' ? (
      <Text size={1} weight="semibold">
        Đang ghi âm (recording) · câu {recorder.state.sentence + 1}/{Math.max(1, sentences.length)}
      </Text>
    ) : work?.kind === 'working' ? (
      <Stack gap={2}>
        <Text size={1}>{work.what}…</Text>
        <progress value={work.progress} max={1} aria-label={work.what} style={{ width: '100%' }} />
      </Stack>
    ) : work?.kind === 'saving' ? (
      <Text size={1}>Đang tải lên (uploading)…</Text>
    ) : null;

  return (
    <Stack gap={3} data-testid={`narration-${lang}`}>
      <div role="status" aria-live="polite">
        {status}
        {!busy && announcement && (
          <Text size={1} muted>
            {announcement}
          </Text>
        )}
      </div>
      {recorder.state.kind === 'recording' && (
        <RecordingView
          sentences={sentences}
          sentence={recorder.state.sentence}
          elapsed={recorder.elapsed}
          next={recorder.next}
          back={recorder.back}
          stop={recorder.stop}
          nextButton={recorder.nextButton}
          stopButton={recorder.stopButton}
        />
      )}
      {error && (
        <Card tone="critical" padding={3} radius={2} border role="alert">
          <Text size={1}>{error}</Text>
        </Card>
      )}
      {draft && (
        <Card padding={3} radius={2} border tone="transparent">
          <Stack gap={3}>
            <div ref={draftHeading} tabIndex={-1}>
              <Text weight="semibold">
                Bản ghi mới, chưa lưu (new recording, not saved) · {(draft.blob.size / 1024).toFixed(0)} KB
              </Text>
            </div>
            {draft.restored && (
              <Text size={1}>
                {draft.savedAs
                  ? `Bản ghi lúc ${new Date(draft.recordedAt).toLocaleString('vi-VN')} đã tải lên nhưng chưa vào tài liệu, được giữ lại trên máy này: bấm Lưu lần nữa. (This recording was uploaded but never reached the document; it is kept on this computer: save it again.)`
                  : `Bản ghi chưa lưu lúc ${new Date(draft.recordedAt).toLocaleString('vi-VN')}, được giữ lại trên máy này. (An unsaved recording, kept on this computer.)`}
              </Text>
            )}
            <Text size={1} muted>
              {foundMessage[draft.found]}
            </Text>
            <TimingsEditor
              label="Bản ghi mới (new recording)"
              src={draft.url}
              sentences={sentences}
              timings={draft.timings}
              readOnly={busy}
              onChange={(timings) => setDraft({ ...draft, timings })}
            />
            <Flex gap={2} wrap="wrap">
              <Button
                tone="positive"
                text="Lưu lời đọc (save narration)"
                disabled={busy || readOnly}
                onClick={() => void save()}
              />
              <Button
                mode="ghost"
                text="Tìm lại mốc câu (find the timings again)"
                disabled={busy || sentences.length === 0}
                onClick={() => void retime('draft')}
              />
              <Button
                mode="ghost"
                text="Bỏ bản ghi này (discard)"
                disabled={busy}
                onClick={() => {
                  setDraft(undefined);
                  focusSoon(recordButton);
                }}
              />
            </Flex>
          </Stack>
        </Card>
      )}
      {!draft && savedRef && (
        <Stack gap={3}>
          <TimingsEditor
            label="Lời đọc đã lưu (saved narration)"
            src={savedUrl}
            sentences={sentences}
            timings={savedTimings}
            readOnly={readOnly || busy}
            onChange={(timings) =>
              onChange(
                set(
                  timings.map((timing, i) => ({
                    _type: 'sentenceTiming',
                    _key: savedKeys[i] ?? newKey(),
                    ...timing,
                  })),
                  ['sentences'],
                ),
              )
            }
          />
          <Flex gap={2} wrap="wrap">
            <Button
              mode="ghost"
              text="Tìm lại mốc câu (find the timings again)"
              disabled={busy || readOnly || !savedUrl || sentences.length === 0}
              onClick={() => void retime('saved')}
            />
            <Button
              mode="ghost"
              tone="critical"
              text="Xoá lời đọc (remove narration)"
              disabled={busy || readOnly}
              onClick={() => {
                onChange(unset());
                // Removed on purpose: a copy of it still waiting for Sanity must not be offered again.
                if (savedRef) void forgetUploaded(unsavedKey, savedRef);
                focusSoon(recordButton);
              }}
            />
          </Flex>
        </Stack>
      )}
      {recorder.state.kind !== 'recording' && (
        <Flex gap={2} wrap="wrap" align="center">
          <Button
            ref={recordButton}
            tone="primary"
            text={savedRef || draft ? 'Ghi âm lại (record again)' : 'Ghi âm (record)'}
            disabled={busy || readOnly}
            onClick={record}
          />
          {/* The browser's own file button speaks the browser's language: a Studio button opens it. */}
          <input
            ref={fileInput}
            type="file"
            accept="audio/*"
            aria-label="Hoặc tải lên tệp (or upload a file)"
            tabIndex={-1}
            hidden
            onChange={(event) => {
              takeFile(event.target.files?.[0]);
              event.target.value = '';
            }}
          />
          <Button
            mode="ghost"
            text="Hoặc tải lên tệp (or upload a file)…"
            disabled={busy || readOnly}
            onClick={() => fileInput.current?.click()}
          />
        </Flex>
      )}
      {sentences.length > 0 && !busy && !draft && !savedRef && (
        <Text size={1} muted>
          {sentences.length} câu sẽ được đọc (sentences to read): tiêu đề rồi nội dung slide. The heading, then the
          text.
        </Text>
      )}
    </Stack>
  );
}
