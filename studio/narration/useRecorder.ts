/**
 * Recording one take with the microphone (getUserMedia + MediaRecorder), sentence by sentence:
 * `next` marks where a sentence ends ("next sentence"), `back` takes the last mark back, `stop`
 * ends the take. The raw take goes to `keep` every 2 s and at the end (so a lost tab leaves what
 * was said), then to `onTake`. Guards against slips: one recording per double click, one tap per
 * held key or bounce (`tapInterval`), the microphone let go on stop, on unmount and when it is
 * unplugged (what was said is kept), and a question before the page is left mid-recording.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { microphone, recorderOptions } from './audio.ts';
import { audioMessages, microphoneMessage } from './messages.ts';
import type { RawTake } from './unsavedClips.ts';

export type RecorderState =
  { kind: 'idle' } | { kind: 'starting' } | { kind: 'recording'; sentence: number; startedAt: number };

/** Taps closer than this (ms) are one tap: a key held down repeats, a finger bounces. */
export const tapInterval = 350;
/** How often (ms) the take so far is kept in the browser while recording. */
const keepEvery = 2000;

export function useRecorder(options: {
  /** Sentences the slide has in this language (0: the slide is read whole). */
  sentences: number;
  keep: (take: RawTake) => Promise<unknown>;
  onTake: (take: RawTake) => void;
  onError: (message: string) => void;
}) {
  const { sentences, keep, onTake, onError } = options;
  const [state, setState] = useState<RecorderState>({ kind: 'idle' });
  const [elapsed, setElapsed] = useState(0);
  const recording = useRef<{
    recorder: MediaRecorder;
    stream: MediaStream;
    marks: number[];
    lastTap: number;
    lastBack: number;
  }>(null);
  const starting = useRef(false);
  const nextButton = useRef<HTMLButtonElement>(null);
  const stopButton = useRef<HTMLButtonElement>(null);

  // Closing the slide mid-recording stops the recorder: the take is kept (onstop), and the
  // microphone is let go.
  useEffect(
    () => () => {
      const current = recording.current;
      if (current?.recorder.state === 'recording') current.recorder.stop();
      else current?.stream.getTracks().forEach((track) => track.stop());
    },
    [],
  );

  // Keyboard narrators keep their hands on Space: "Next sentence" has the focus while there is a
  // next sentence, then "Stop".
  const sentence = state.kind === 'recording' ? state.sentence : undefined;
  useEffect(() => {
    if (sentence === undefined) return;
    (sentence < sentences - 1 ? nextButton : stopButton).current?.focus();
  }, [sentence, sentences]);

  // A take in progress is only partly kept: leaving the Studio asks first.
  useEffect(() => {
    if (state.kind !== 'recording') return undefined;
    const ask = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', ask);
    const timer = setInterval(() => setElapsed((performance.now() - state.startedAt) / 1000), 250);
    return () => {
      window.removeEventListener('beforeunload', ask);
      clearInterval(timer);
    };
  }, [state]);

  const start = useCallback(async () => {
    // One recording at a time: a double click must not open the microphone twice.
    if (starting.current || recording.current) return;
    starting.current = true;
    const fail = (message: string) => {
      starting.current = false;
      setState({ kind: 'idle' });
      onError(message);
    };
    setState({ kind: 'starting' });
    if (!window.isSecureContext) {
      fail(audioMessages.insecure);
      return;
    }
    if (typeof MediaRecorder === 'undefined' || !('mediaDevices' in navigator)) {
      fail(audioMessages.cannotRecord);
      return;
    }
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia(microphone);
    } catch (caught) {
      fail(microphoneMessage(caught));
      return;
    }
    let recorder: MediaRecorder;
    try {
      recorder = new MediaRecorder(stream, recorderOptions());
    } catch (caught) {
      stream.getTracks().forEach((track) => track.stop());
      fail(microphoneMessage(caught));
      return;
    }
    // An unplugged or revoked microphone ends the take; what was said is kept.
    for (const track of stream.getAudioTracks())
      track.addEventListener('ended', () => {
        if (recorder.state !== 'recording') return;
        onError(audioMessages.microphoneEnded);
        recorder.stop();
      });
    const chunks: Blob[] = [];
    const marks: number[] = [];
    const recordedAt = new Date().toISOString();
    let keptAt = 0;
    const take = (live: boolean): RawTake => ({
      raw: new Blob(chunks, { type: recorder.mimeType }),
      marks: [...marks],
      recordedAt,
      ...(live ? { live: { keptAt: Date.now() } } : {}),
    });
    recorder.ondataavailable = (event) => {
      chunks.push(event.data);
      if (recorder.state === 'recording' && performance.now() - keptAt > keepEvery) {
        keptAt = performance.now();
        void keep(take(true));
      }
    };
    recorder.onstart = () => {
      setElapsed(0);
      setState({ kind: 'recording', sentence: 0, startedAt: performance.now() });
    };
    recorder.onstop = () => {
      stream.getTracks().forEach((track) => track.stop());
      recording.current = null;
      setState({ kind: 'idle' });
      const whole = take(false);
      void keep(whole).then(() => onTake(whole));
    };
    recording.current = { recorder, stream, marks, lastTap: 0, lastBack: 0 };
    starting.current = false;
    recorder.start(250);
  }, [keep, onError, onTake]);

  /** Whether a tap now is a new one, not a held key repeating or a bounce. */
  const freshTap = () => {
    const current = recording.current;
    if (!current || performance.now() - current.lastTap < tapInterval) return false;
    current.lastTap = performance.now();
    return true;
  };

  const next = useCallback(() => {
    const current = recording.current;
    if (state.kind !== 'recording' || !current || !freshTap()) return;
    if (state.sentence >= sentences - 1) return;
    current.marks.push((performance.now() - state.startedAt) / 1000);
    setState({ ...state, sentence: state.sentence + 1 });
  }, [state, sentences]);

  /** Takes back the last "next sentence": the narrator pressed it too soon. */
  const back = useCallback(() => {
    const current = recording.current;
    if (state.kind !== 'recording' || !current || current.marks.length === 0) return;
    // Its own bounce guard: Back straight after a mistaken Next must be taken.
    if (performance.now() - current.lastBack < tapInterval) return;
    current.lastBack = performance.now();
    current.marks.pop();
    setState({ ...state, sentence: state.sentence - 1 });
  }, [state]);

  /**
   * Ends the take. A key press (a click with no pointer, `detail` 0) right after a tap is the
   * held key repeating onto Stop once the focus moved there, and is ignored; a pointer click is
   * always taken.
   */
  const stop = useCallback((event?: { detail: number }) => {
    const recorder = recording.current?.recorder;
    if (recorder?.state !== 'recording') return;
    if ((event?.detail ?? 0) > 0 || freshTap()) recorder.stop();
  }, []);

  return { state, elapsed, start, next, back, stop, nextButton, stopButton };
}
