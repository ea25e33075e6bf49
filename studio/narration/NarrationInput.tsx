/**
 * The input of one language's narration on a slide (`slide.audio.<lang>`): record it with the
 * microphone sentence by sentence, or take a file; listen back; adjust where each sentence starts
 * and ends; save. Attached in formComponents.tsx to every file field with sentence timings.
 *
 * Recording is one clip per slide with a start and end per sentence (the content model's
 * `sentences`). While recording, the narrator reads the sentence shown and presses "Next
 * sentence" (Space or Enter) before the next; each tap is moved into the pause the narrator left
 * there (pauses.ts). An uploaded file is cut at its longest pauses. The clip is kept on the page
 * until "Save" uploads it, so a failed upload loses nothing and the saved narration stays as it
 * was until then.
 */
import { Button, Card, Flex, Stack, Text } from '@sanity/ui';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { pathToString, set, unset, useClient, useFormValue, type ObjectInputProps } from 'sanity';
import { slideSentences } from '../../src/content/narration.ts';
import { deskApiVersion } from '../structure/apiVersion.ts';
import { decodeMono, microphone, narrationFormat, recorderOptions, UndecodableAudio } from './audio.ts';
import { NothingHeard, prepareClip, TooShort } from './clip.ts';
import { audioMessages, failed, foundMessage, microphoneMessage } from './messages.ts';
import { analyse, timingsByLength, timingsFromPauses } from './pauses.ts';
import { TimingsEditor } from './TimingsEditor.tsx';
import { forgetUnsaved, isRawTake, keepUnsaved, loadUnsaved, type UnsavedClip } from './unsavedClips.ts';

interface NarrationValue {
  _type?: string;
  asset?: { _ref?: string };
  sentences?: { _key?: string; start?: number; end?: number }[];
}

/** A clip on the page, not yet saved (also kept in the browser: unsavedClips.ts). */
interface Draft extends UnsavedClip {
  url: string;
  /** Found in the browser from an earlier visit, not recorded on this one. */
  restored?: boolean;
}

type Phase =
  | { kind: 'idle' }
  | { kind: 'starting' }
  | { kind: 'recording'; sentence: number; startedAt: number }
  | { kind: 'working'; what: string; progress: number }
  | { kind: 'saving' };

const unsavedOf = ({ blob, timings, found, recordedAt }: Draft): UnsavedClip => ({ blob, timings, found, recordedAt });

/** Focuses an element once React has drawn it (it may not exist yet when state changes). */
function focusSoon(target: { current: HTMLElement | null }) {
  requestAnimationFrame(() => requestAnimationFrame(() => target.current?.focus()));
}

/** Taps closer than this (ms) are one tap: a key held down repeats, a finger bounces. */
const tapInterval = 350;

const newKey = () => crypto.randomUUID().replaceAll('-', '').slice(0, 12);

const format = (seconds: number) => `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`;

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
      (value?.sentences ?? []).map(({ start, end }) => ({
        start: typeof start === 'number' ? start : 0,
        end: typeof end === 'number' ? end : 0,
      })),
    [value?.sentences],
  );

  /** Editing a saved timing keeps its key: the Studio's history then shows one value changed. */
  const savedKeys = (value?.sentences ?? []).map(({ _key }) => _key);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [draft, setDraftState] = useState<Draft>();
  const documentId = useFormValue(['_id']);
  const unsavedKey = `${String(documentId).replace(/^drafts\./, '')} ${pathToString(path)}`;
  /** The clip on the page, mirrored in the browser so that closing the slide loses no take. */
  const draftRef = useRef(draft);
  draftRef.current = draft;
  const setDraft = useCallback(
    (next: Draft | undefined) => {
      setDraftState(next);
      if (next) void keepUnsaved(unsavedKey, unsavedOf(next));
      else void forgetUnsaved(unsavedKey);
    },
    [unsavedKey],
  );
  const [error, setError] = useState<string>();
  const [elapsed, setElapsed] = useState(0);
  const recording = useRef<{ recorder: MediaRecorder; stream: MediaStream; marks: number[]; lastTap: number }>(null);
  const [announcement, setAnnouncement] = useState('');
  const starting = useRef(false);
  const recordButton = useRef<HTMLButtonElement>(null);
  const draftHeading = useRef<HTMLDivElement>(null);
  const nextButton = useRef<HTMLButtonElement>(null);
  const stopButton = useRef<HTMLButtonElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  // Closing the slide mid-recording stops the recorder: the take is processed and kept in the
  // browser (setDraft), and the microphone is let go (onstop).
  useEffect(
    () => () => {
      const current = recording.current;
      if (current?.recorder.state === 'recording') current.recorder.stop();
      else current?.stream.getTracks().forEach((track) => track.stop());
    },
    [],
  );
  // A clip's URL is freed when the clip goes, not when its timings change.
  const draftUrl = draft?.url;
  useEffect(() => () => (draftUrl ? URL.revokeObjectURL(draftUrl) : undefined), [draftUrl]);

  // Keyboard narrators keep their hands on Space: "Next sentence" has the focus while there is a
  // next sentence, then "Stop".
  const recordingSentence = phase.kind === 'recording' ? phase.sentence : undefined;
  useEffect(() => {
    if (recordingSentence === undefined) return;
    (recordingSentence < sentences.length - 1 ? nextButton : stopButton).current?.focus();
  }, [recordingSentence, sentences.length]);

  // A recording in progress is only in memory: leaving the Studio asks first.
  useEffect(() => {
    if (phase.kind !== 'recording') return undefined;
    const ask = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [phase.kind]);

  useEffect(() => {
    if (phase.kind !== 'recording') return undefined;
    const timer = setInterval(() => setElapsed((performance.now() - phase.startedAt) / 1000), 250);
    return () => clearInterval(timer);
  }, [phase]);

  /** Decoded, trimmed, timed and encoded: the clip as it will be saved (clip.ts). */
  const process = useCallback(
    async (source: Blob, marks: readonly number[] | undefined, earlier?: { recordedAt: string; restored: true }) => {
      setPhase({ kind: 'working', what: 'Đang xử lý âm thanh (processing the audio)', progress: 0 });
      try {
        const clip = await prepareClip(source, sentences, marks, (progress) =>
          setPhase({ kind: 'working', what: 'Đang nén MP3 (encoding MP3)', progress }),
        );
        setDraft({
          ...clip,
          url: URL.createObjectURL(clip.blob),
          recordedAt: new Date().toISOString(),
          ...earlier,
        });
        if (!earlier) {
          setAnnouncement(audioMessages.ready);
          focusSoon(draftHeading);
        }
      } catch (caught) {
        // The browser keeps what the page shows: not a take that could not be used.
        const shown = draftRef.current;
        if (shown) void keepUnsaved(unsavedKey, unsavedOf(shown));
        else void forgetUnsaved(unsavedKey);
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
        setPhase({ kind: 'idle' });
      }
    },
    [sentences, setDraft, unsavedKey],
  );

  // What an earlier visit left: a finished clip is shown as it was, a raw take is processed now.
  const processRef = useRef(process);
  processRef.current = process;
  useEffect(() => {
    let current = true;
    void loadUnsaved(unsavedKey).then((kept) => {
      if (!current || !kept) return;
      if (isRawTake(kept))
        void processRef.current(kept.raw, kept.marks, { recordedAt: kept.recordedAt, restored: true });
      else setDraftState((shown) => shown ?? { ...kept, url: URL.createObjectURL(kept.blob), restored: true });
    });
    return () => {
      current = false;
    };
  }, [unsavedKey]);

  const start = useCallback(async () => {
    // One recording at a time: a double click must not open the microphone twice.
    if (phase.kind !== 'idle' || starting.current || recording.current) return;
    if (draftRef.current && !window.confirm(audioMessages.replaceDraft)) return;
    starting.current = true;
    setError(undefined);
    setAnnouncement('');
    setPhase({ kind: 'starting' });
    if (typeof MediaRecorder === 'undefined' || !('mediaDevices' in navigator)) {
      setError(audioMessages.cannotRecord);
      return;
    }
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia(microphone);
    } catch (caught) {
      starting.current = false;
      setError(microphoneMessage(caught));
      setPhase({ kind: 'idle' });
      return;
    }
    let recorder: MediaRecorder;
    try {
      recorder = new MediaRecorder(stream, recorderOptions());
    } catch (caught) {
      starting.current = false;
      stream.getTracks().forEach((track) => track.stop());
      setError(microphoneMessage(caught));
      setPhase({ kind: 'idle' });
      return;
    }
    // An unplugged or revoked microphone ends the recording; what was said is kept.
    for (const track of stream.getAudioTracks())
      track.addEventListener('ended', () => {
        if (recorder.state !== 'recording') return;
        setError(audioMessages.microphoneEnded);
        recorder.stop();
      });
    const chunks: Blob[] = [];
    const marks: number[] = [];
    let startedAt = 0;
    const recordedAt = new Date().toISOString();
    let keptAt = 0;
    // The take so far goes into the browser every 2 s, and whole at the end (unsavedClips.ts).
    const keepTake = () => {
      keptAt = performance.now();
      return keepUnsaved(unsavedKey, {
        raw: new Blob(chunks, { type: recorder.mimeType }),
        marks: [...marks],
        recordedAt,
      });
    };
    recorder.ondataavailable = (event) => {
      chunks.push(event.data);
      if (performance.now() - keptAt > 2000) void keepTake();
    };
    recorder.onstart = () => {
      startedAt = performance.now();
      setElapsed(0);
      setPhase({ kind: 'recording', sentence: 0, startedAt });
    };
    recorder.onstop = () => {
      stream.getTracks().forEach((track) => track.stop());
      recording.current = null;
      void keepTake().then(() => process(new Blob(chunks, { type: recorder.mimeType }), marks));
    };
    recording.current = { recorder, stream, marks, lastTap: 0 };
    starting.current = false;
    recorder.start(250);
  }, [phase.kind, process, unsavedKey]);

  /** Whether a tap now is a new one, not a held key repeating or a bounce. */
  const freshTap = () => {
    const current = recording.current;
    if (!current || performance.now() - current.lastTap < tapInterval) return false;
    current.lastTap = performance.now();
    return true;
  };

  const next = useCallback(() => {
    const current = recording.current;
    if (phase.kind !== 'recording' || !current || !freshTap()) return;
    if (phase.sentence >= sentences.length - 1) return;
    current.marks.push((performance.now() - phase.startedAt) / 1000);
    setPhase({ ...phase, sentence: phase.sentence + 1 });
  }, [phase, sentences.length]);

  /** Takes back the last "next sentence": the narrator pressed it too soon. */
  const back = useCallback(() => {
    const current = recording.current;
    if (phase.kind !== 'recording' || !current || current.marks.length === 0) return;
    current.marks.pop();
    setPhase({ ...phase, sentence: phase.sentence - 1 });
  }, [phase]);

  const stop = useCallback(() => {
    const recorder = recording.current?.recorder;
    if (recorder?.state === 'recording' && freshTap()) recorder.stop();
  }, []);

  const takeFile = useCallback(
    (file: File | undefined) => {
      setError(undefined);
      if (file) void process(file, undefined);
    },
    [process],
  );

  /** Timings for the saved clip from its pauses (for clips recorded before read-along). */
  const findSavedTimings = useCallback(async () => {
    if (!savedUrl) return;
    setError(undefined);
    setPhase({ kind: 'working', what: 'Đang tìm chỗ ngắt câu (finding the pauses)', progress: 0 });
    try {
      const response = await fetch(savedUrl);
      if (!response.ok) throw new Error(`HTTP ${String(response.status)}`);
      const decoded = await decodeMono(await response.blob());
      const speech = analyse(decoded.samples, decoded.sampleRate);
      const timings = timingsFromPauses(speech, sentences.length) ?? timingsByLength(speech, sentences);
      if (timings)
        onChange(
          set(
            timings.map((timing) => ({ _type: 'sentenceTiming', _key: newKey(), ...timing })),
            ['sentences'],
          ),
        );
      else setError(audioMessages.noSpeechInSaved);
    } catch (caught) {
      setError(failed('Không đọc được tệp đã lưu. (Could not read the saved file.)', caught));
    } finally {
      setPhase({ kind: 'idle' });
    }
  }, [onChange, savedUrl, sentences]);

  const save = useCallback(async () => {
    if (!draft) return;
    setError(undefined);
    setPhase({ kind: 'saving' });
    try {
      const asset = await client.assets.upload('file', draft.blob, {
        filename: `narration-${lang}.${narrationFormat.extension}`,
        contentType: narrationFormat.mimeType,
      });
      onChange(
        set({
          _type: 'file',
          asset: { _type: 'reference', _ref: asset._id },
          sentences: draft.timings.map((timing) => ({ _type: 'sentenceTiming', _key: newKey(), ...timing })),
        }),
      );
      setDraft(undefined);
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
      setPhase({ kind: 'idle' });
    }
  }, [client, draft, lang, onChange]);

  const busy = phase.kind !== 'idle';
  const status: ReactNode =
    phase.kind === 'recording' ? (
      <Stack gap={3}>
        <Text weight="semibold">
          ● Đang ghi âm (recording) {format(elapsed)} · câu {phase.sentence + 1}/{Math.max(1, sentences.length)}
        </Text>
        <Card padding={3} radius={2} tone="primary" border>
          <Text size={3}>{sentences[phase.sentence] ?? sentences.at(-1) ?? '…'}</Text>
        </Card>
        <Flex gap={2} wrap="wrap">
          {sentences.length > 1 && (
            <Button
              ref={nextButton}
              tone="primary"
              text="Câu tiếp (next sentence)"
              disabled={phase.sentence >= sentences.length - 1}
              onClick={next}
            />
          )}
          {sentences.length > 1 && (
            <Button mode="ghost" text="Câu trước (back)" disabled={phase.sentence === 0} onClick={back} />
          )}
          <Button ref={stopButton} tone="critical" mode="ghost" text="Dừng (stop)" onClick={stop} />
        </Flex>
        <Text size={1} muted>
          {sentences.length > 1
            ? 'Đọc câu trên, ngừng một chút, bấm “Câu tiếp” (Space). Read the sentence, pause, press “Next sentence”.'
            : sentences.length === 1
              ? 'Đọc câu trên rồi bấm “Dừng”. Read the sentence, then press “Stop”.'
              : 'Slide chưa có chữ ở ngôn ngữ này: đọc cả slide rồi bấm “Dừng”. (No text in this language: read the slide, then press “Stop”.)'}
        </Text>
      </Stack>
    ) : phase.kind === 'working' ? (
      <Stack gap={2}>
        <Text size={1}>{phase.what}…</Text>
        <progress value={phase.progress} max={1} aria-label={phase.what} style={{ width: '100%' }} />
      </Stack>
    ) : phase.kind === 'saving' ? (
      <Text size={1}>Đang tải lên (uploading)…</Text>
    ) : null;

  return (
    <Stack gap={3} data-testid={`narration-${lang}`}>
      <div role="status" aria-live="polite">
        {status}
        {phase.kind === 'idle' && announcement && (
          <Text size={1} muted>
            {announcement}
          </Text>
        )}
      </div>
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
                {`Bản ghi chưa lưu lúc ${new Date(draft.recordedAt).toLocaleString('vi-VN')}, được giữ lại trên máy này. (An unsaved recording, kept on this computer.)`}
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
              text="Tìm mốc câu từ chỗ ngừng (find timings from pauses)"
              disabled={busy || readOnly || !savedUrl || sentences.length === 0}
              onClick={() => void findSavedTimings()}
            />
            <Button
              mode="ghost"
              tone="critical"
              text="Xoá lời đọc (remove narration)"
              disabled={busy || readOnly}
              onClick={() => {
                onChange(unset());
                focusSoon(recordButton);
              }}
            />
          </Flex>
        </Stack>
      )}
      {phase.kind !== 'recording' && (
        <Flex gap={2} wrap="wrap" align="center">
          <Button
            ref={recordButton}
            tone="primary"
            text={savedRef || draft ? 'Ghi âm lại (record again)' : 'Ghi âm (record)'}
            disabled={busy || readOnly}
            onClick={() => void start()}
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
      {sentences.length > 0 && phase.kind === 'idle' && !draft && !savedRef && (
        <Text size={1} muted>
          {sentences.length} câu sẽ được đọc (sentences to read): tiêu đề rồi nội dung slide. The heading, then the
          text.
        </Text>
      )}
    </Stack>
  );
}
