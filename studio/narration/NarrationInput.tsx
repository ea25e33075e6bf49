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
import { Box, Button, Card, Flex, Stack, Text } from '@sanity/ui';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { set, unset, useClient, useFormValue, type ObjectInputProps } from 'sanity';
import { fittingTimings, slideSentences, type SentenceTiming } from '../../src/content/narration.ts';
import { deskApiVersion } from '../structure/apiVersion.ts';
import { decodeMono, encodeMp3, encoderDelay, microphone, narrationFormat, recorderOptions, UndecodableAudio } from './audio.ts';
import { analyse, timingsByLength, timingsFromMarks, timingsFromPauses, trimRange } from './pauses.ts';

interface NarrationValue {
  _type?: string;
  asset?: { _ref?: string };
  sentences?: { _key?: string; start?: number; end?: number }[];
}

/** A clip on the page, not yet saved. */
interface Draft {
  blob: Blob;
  url: string;
  timings: SentenceTiming[];
  /** How the timings were found, said to the narrator so they know what to check. */
  found: 'taps' | 'pauses' | 'length' | 'none';
}

type Phase =
  | { kind: 'idle' }
  | { kind: 'recording'; sentence: number; startedAt: number }
  | { kind: 'working'; what: string; progress: number }
  | { kind: 'saving' };

const newKey = () => crypto.randomUUID().replaceAll('-', '').slice(0, 12);

const format = (seconds: number) =>
  `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`;

/** The microphone error in the narrator's terms. */
function microphoneMessage(error: unknown): string {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError')
    return 'Trình duyệt chặn micrô: cho phép micrô ở thanh địa chỉ rồi thử lại. (The browser blocked the microphone: allow it in the address bar and try again.)';
  if (name === 'NotFoundError' || name === 'OverconstrainedError')
    return 'Không tìm thấy micrô. Cắm micrô hoặc tải lên một tệp. (No microphone found. Plug one in or upload a file.)';
  if (name === 'NotReadableError')
    return 'Micrô đang được ứng dụng khác dùng. (Another app is using the microphone.)';
  return `Không ghi âm được. (Could not record: ${error instanceof Error ? error.message : String(error)})`;
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

/**
 * Plays a range of an audio element and follows which sentence is playing. `playing` is the
 * index of the sentence under `currentTime` while the audio plays, else undefined.
 */
function useRangePlayer(timings: readonly SentenceTiming[]) {
  const audio = useRef<HTMLAudioElement>(null);
  const stopAt = useRef(Number.POSITIVE_INFINITY);
  const [playing, setPlaying] = useState<number>();
  useEffect(() => {
    const element = audio.current;
    if (!element) return undefined;
    let frame = 0;
    const follow = () => {
      if (element.currentTime >= stopAt.current) {
        element.pause();
        stopAt.current = Number.POSITIVE_INFINITY;
      }
      const at = element.currentTime;
      const index = timings.findIndex(({ start, end }) => at >= start && at < end);
      setPlaying(element.paused ? undefined : index >= 0 ? index : undefined);
      if (!element.paused) frame = requestAnimationFrame(follow);
    };
    const onPlay = () => {
      frame = requestAnimationFrame(follow);
    };
    const onPause = () => {
      cancelAnimationFrame(frame);
      setPlaying(undefined);
    };
    element.addEventListener('play', onPlay);
    element.addEventListener('pause', onPause);
    element.addEventListener('ended', onPause);
    return () => {
      cancelAnimationFrame(frame);
      element.removeEventListener('play', onPlay);
      element.removeEventListener('pause', onPause);
      element.removeEventListener('ended', onPause);
    };
  }, [timings]);
  const play = useCallback((start: number, end = Number.POSITIVE_INFINITY) => {
    const element = audio.current;
    if (!element) return;
    stopAt.current = end;
    element.currentTime = start;
    void element.play();
  }, []);
  return { audio, playing, play };
}

/** What read-along will do with these timings, in one line. */
function fitMessage(timings: readonly SentenceTiming[], count: number): { tone: 'positive' | 'caution'; text: string } {
  if (count === 0)
    return {
      tone: 'caution',
      text: 'Slide này chưa có chữ ở ngôn ngữ này: lời đọc phát được nhưng không tô câu. (No text in this language yet: the narration plays without read-along.)',
    };
  if (fittingTimings(timings, count))
    return { tone: 'positive', text: `Đọc theo: bật · ${count} câu. (Read-along on: ${count} sentences.)` };
  if (timings.length !== count)
    return {
      tone: 'caution',
      text: `Chữ có ${count} câu, lời đọc có ${timings.length} mốc: chưa tô câu được. Ghi âm lại hoặc chỉnh mốc thời gian. (The text has ${count} sentences, the narration ${timings.length} timings: read-along is off until you re-record or adjust them.)`,
    };
  return {
    tone: 'caution',
    text: 'Có câu kết thúc trước khi bắt đầu hoặc sai thứ tự: chưa tô câu được. (A sentence ends before it starts or is out of order: read-along is off until fixed.)',
  };
}

function TimeInput(props: {
  label: string;
  value: number;
  disabled: boolean;
  onChange: (seconds: number) => void;
}) {
  const [text, setText] = useState(String(props.value));
  useEffect(() => setText(String(props.value)), [props.value]);
  return (
    <input
      type="number"
      inputMode="decimal"
      min={0}
      step={0.05}
      aria-label={props.label}
      value={text}
      disabled={props.disabled}
      style={{
        width: '5.5em',
        font: 'inherit',
        padding: '0.25em 0.4em',
        border: '1px solid var(--card-border-color, #8690a2)',
        borderRadius: 3,
        background: 'transparent',
        color: 'inherit',
      }}
      onChange={(event) => {
        setText(event.target.value);
        const seconds = Number(event.target.value);
        if (event.target.value !== '' && Number.isFinite(seconds) && seconds >= 0)
          props.onChange(Math.round(seconds * 100) / 100);
      }}
    />
  );
}

/**
 * The clip, its sentences and their timings: play any sentence, the whole clip with the sentence
 * being read marked, and move a start or end by typing it (arrow keys step 0.05 s).
 */
function TimingsEditor(props: {
  src: string | undefined;
  sentences: readonly string[];
  timings: readonly SentenceTiming[];
  readOnly: boolean;
  onChange: (timings: SentenceTiming[]) => void;
  label: string;
}) {
  const { audio, playing, play } = useRangePlayer(props.timings);
  const fit = fitMessage(props.timings, props.sentences.length);
  const rows = Math.max(props.sentences.length, props.timings.length);
  const update = (index: number, change: Partial<SentenceTiming>) =>
    props.onChange(props.timings.map((timing, i) => (i === index ? { ...timing, ...change } : timing)));
  return (
    <Stack gap={3}>
      {/* eslint-disable-next-line jsx-a11y/media-has-caption -- narration of text shown beside it, sentence by sentence */}
      <audio ref={audio} src={props.src} controls preload="auto" aria-label={props.label} style={{ width: '100%' }} />
      <Card tone={fit.tone} padding={2} radius={2} border>
        <Text size={1}>{fit.text}</Text>
      </Card>
      <ol aria-label="Câu và mốc thời gian (sentences and timings)" style={{ margin: 0, padding: 0, listStyle: 'none' }}>
        {Array.from({ length: rows }, (_, index) => {
          const timing = props.timings[index];
          const current = playing === index;
          return (
            <li key={index} aria-current={current ? 'true' : undefined} data-sentence={index}>
              <Card
                padding={2}
                radius={2}
                tone={current ? 'primary' : 'default'}
                style={current ? { outline: '2px solid currentColor' } : undefined}
              >
                <Flex gap={2} align="center" wrap="wrap">
                  <Box flex={1} style={{ minWidth: '12em' }}>
                    <Text size={1}>
                      {index + 1}. {props.sentences[index] ?? '(không có câu · no sentence)'}
                    </Text>
                  </Box>
                  {timing ? (
                    <Flex gap={2} align="center">
                      <Button
                        mode="ghost"
                        text="▶"
                        aria-label={`Nghe câu ${String(index + 1)} (play sentence ${String(index + 1)})`}
                        disabled={!props.src}
                        onClick={() => play(timing.start, timing.end)}
                      />
                      <Text size={1} muted aria-hidden>
                        từ
                      </Text>
                      <TimeInput
                        label={`Câu ${String(index + 1)} bắt đầu (start, s)`}
                        value={timing.start}
                        disabled={props.readOnly}
                        onChange={(start) => update(index, { start })}
                      />
                      <Text size={1} muted aria-hidden>
                        đến
                      </Text>
                      <TimeInput
                        label={`Câu ${String(index + 1)} kết thúc (end, s)`}
                        value={timing.end}
                        disabled={props.readOnly}
                        onChange={(end) => update(index, { end })}
                      />
                    </Flex>
                  ) : (
                    <Text size={1} muted>
                      chưa có mốc (no timing)
                    </Text>
                  )}
                </Flex>
              </Card>
            </li>
          );
        })}
      </ol>
      <Flex gap={2} wrap="wrap">
        <Button
          mode="ghost"
          text="Nghe cả slide, tô từng câu (play all with read-along)"
          disabled={!props.src}
          onClick={() => play(0)}
        />
      </Flex>
    </Stack>
  );
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

  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [draft, setDraft] = useState<Draft>();
  const [error, setError] = useState<string>();
  const [elapsed, setElapsed] = useState(0);
  const recording = useRef<{ recorder: MediaRecorder; stream: MediaStream; marks: number[] }>(null);
  const nextButton = useRef<HTMLButtonElement>(null);
  const stopButton = useRef<HTMLButtonElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  // Leaving the slide mid-recording lets go of the microphone; an unsaved clip's URL is freed.
  useEffect(
    () => () => {
      recording.current?.stream.getTracks().forEach((track) => track.stop());
    },
    [],
  );
  useEffect(() => () => (draft ? URL.revokeObjectURL(draft.url) : undefined), [draft]);

  // Keyboard narrators keep their hands on Space: "Next sentence" has the focus while there is a
  // next sentence, then "Stop".
  const recordingSentence = phase.kind === 'recording' ? phase.sentence : undefined;
  useEffect(() => {
    if (recordingSentence === undefined) return;
    (recordingSentence < sentences.length - 1 ? nextButton : stopButton).current?.focus();
  }, [recordingSentence, sentences.length]);

  useEffect(() => {
    if (phase.kind !== 'recording') return undefined;
    const timer = setInterval(() => setElapsed((performance.now() - phase.startedAt) / 1000), 250);
    return () => clearInterval(timer);
  }, [phase]);

  /** Decoded, trimmed, timed and encoded: the clip as it will be saved. */
  const process = useCallback(
    async (source: Blob, marks: readonly number[] | undefined) => {
      setPhase({ kind: 'working', what: 'Đang xử lý âm thanh (processing the audio)', progress: 0 });
      try {
        const decoded = await decodeMono(source);
        const whole = analyse(decoded.samples, decoded.sampleRate);
        if (!whole.voiced) {
          setError(
            'Không nghe thấy tiếng nói trong bản ghi: kiểm tra micrô rồi ghi lại. (Nothing was heard in the recording: check the microphone and record again.)',
          );
          return;
        }
        const { from, to } = trimRange(whole, decoded.sampleRate);
        const samples = decoded.samples.subarray(from, to);
        const speech = analyse(samples, decoded.sampleRate);
        const offset = from / decoded.sampleRate;
        const count = sentences.length;
        let timings: SentenceTiming[] | undefined;
        let found: Draft['found'] = 'none';
        if (count > 0 && marks && marks.length === count - 1) {
          timings = timingsFromMarks(
            speech,
            marks.map((mark) => mark - offset),
          );
          found = 'taps';
        }
        if (!timings && count > 0) {
          timings = timingsFromPauses(speech, count);
          found = 'pauses';
        }
        if (!timings && count > 0) {
          timings = timingsByLength(speech, sentences);
          found = 'length';
        }
        const blob = await encodeMp3(samples, decoded.sampleRate, (progress) =>
          setPhase({ kind: 'working', what: 'Đang nén MP3 (encoding MP3)', progress }),
        );
        // Measured on the PCM; heard later in the MP3 (see encoderDelay).
        const heard = (timings ?? []).map(({ start, end }) => ({
          start: Math.round((start + encoderDelay) * 100) / 100,
          end: Math.round((end + encoderDelay) * 100) / 100,
        }));
        setDraft({ blob, url: URL.createObjectURL(blob), timings: heard, found: timings ? found : 'none' });
      } catch (caught) {
        setError(
          caught instanceof UndecodableAudio
            ? 'Trình duyệt không đọc được tệp âm thanh này. Hãy dùng MP3, M4A, OGG, WebM hoặc WAV. (The browser cannot read this audio file: use MP3, M4A, OGG, WebM or WAV.)'
            : `Không xử lý được âm thanh. (Could not process the audio: ${caught instanceof Error ? caught.message : String(caught)})`,
        );
      } finally {
        setPhase({ kind: 'idle' });
      }
    },
    [sentences],
  );

  const start = useCallback(async () => {
    setError(undefined);
    if (typeof MediaRecorder === 'undefined' || !('mediaDevices' in navigator)) {
      setError(
        'Trình duyệt này không ghi âm được: hãy tải lên một tệp. (This browser cannot record: upload a file instead.)',
      );
      return;
    }
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia(microphone);
    } catch (caught) {
      setError(microphoneMessage(caught));
      return;
    }
    const recorder = new MediaRecorder(stream, recorderOptions());
    const chunks: Blob[] = [];
    const marks: number[] = [];
    let startedAt = 0;
    recorder.ondataavailable = (event) => chunks.push(event.data);
    recorder.onstart = () => {
      startedAt = performance.now();
      setElapsed(0);
      setPhase({ kind: 'recording', sentence: 0, startedAt });
    };
    recorder.onstop = () => {
      stream.getTracks().forEach((track) => track.stop());
      recording.current = null;
      void process(new Blob(chunks, { type: recorder.mimeType }), marks);
    };
    recording.current = { recorder, stream, marks };
    recorder.start(250);
  }, [process]);

  const next = useCallback(() => {
    const current = recording.current;
    if (phase.kind !== 'recording' || !current) return;
    current.marks.push((performance.now() - phase.startedAt) / 1000);
    setPhase({ ...phase, sentence: phase.sentence + 1 });
  }, [phase]);

  const stop = useCallback(() => recording.current?.recorder.stop(), []);

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
      const decoded = await decodeMono(await response.blob());
      const speech = analyse(decoded.samples, decoded.sampleRate);
      const timings = timingsFromPauses(speech, sentences.length) ?? timingsByLength(speech, sentences);
      if (timings)
        onChange(set(timings.map((timing) => ({ _type: 'sentenceTiming', _key: newKey(), ...timing })), ['sentences']));
      else setError('Không tìm thấy tiếng nói trong tệp. (No speech found in the file.)');
    } catch (caught) {
      setError(`Không đọc được tệp đã lưu. (Could not read the saved file: ${String(caught)})`);
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
    } catch (caught) {
      setError(
        `Chưa lưu được, bản ghi vẫn còn đây: thử lại khi có mạng. (Not saved; the recording is still here: try again when online. ${caught instanceof Error ? caught.message : String(caught)})`,
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
          <Button
            ref={nextButton}
            tone="primary"
            text="Câu tiếp (next sentence)"
            disabled={phase.sentence >= sentences.length - 1}
            onClick={next}
          />
          <Button ref={stopButton} tone="critical" mode="ghost" text="Dừng (stop)" onClick={stop} />
        </Flex>
        <Text size={1} muted>
          Đọc câu trên, ngừng một chút, bấm “Câu tiếp” (Space). Read the sentence, pause, press “Next sentence”.
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
      </div>
      {error && (
        <Card tone="critical" padding={3} radius={2} border role="alert">
          <Text size={1}>{error}</Text>
        </Card>
      )}
      {draft && (
        <Card padding={3} radius={2} border tone="transparent">
          <Stack gap={3}>
            <Text weight="semibold">
              Bản ghi mới, chưa lưu (new recording, not saved) · {(draft.blob.size / 1024).toFixed(0)} KB
            </Text>
            <Text size={1} muted>
              {draft.found === 'taps'
                ? 'Mốc câu lấy từ lúc bấm “Câu tiếp”, đặt vào chỗ ngừng gần nhất. (Timings from your taps, moved into the nearest pause.)'
                : draft.found === 'pauses'
                  ? 'Mốc câu lấy từ những chỗ ngừng dài nhất: nghe lại từng câu. (Timings from the longest pauses: listen to each sentence.)'
                  : draft.found === 'length'
                    ? 'Không đủ chỗ ngừng: mốc câu ước theo độ dài câu, hãy chỉnh. (Too few pauses: timings estimated from sentence length; adjust them.)'
                    : 'Không có mốc câu. (No sentence timings.)'}
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
              <Button tone="positive" text="Lưu lời đọc (save narration)" disabled={busy || readOnly} onClick={save} />
              <Button mode="ghost" text="Bỏ bản ghi này (discard)" disabled={busy} onClick={() => setDraft(undefined)} />
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
                    _key: value?.sentences?.[i]?._key ?? newKey(),
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
              onClick={() => onChange(unset())}
            />
          </Flex>
        </Stack>
      )}
      {phase.kind !== 'recording' && (
        <Flex gap={2} wrap="wrap" align="center">
          <Button
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
          {sentences.length} câu sẽ được đọc (sentences to read): tiêu đề rồi nội dung slide. The heading, then the text.
        </Text>
      )}
    </Stack>
  );
}
