/**
 * A narration clip with its sentences and their timings: play one sentence (it stops at the
 * sentence's end), play the whole clip with the sentence being read marked, and move a start or
 * end by typing it (arrow keys step 0.05 s). The same view serves a new clip before it is saved
 * and the saved one.
 */
import { Box, Button, Card, Flex, Stack, Text } from '@sanity/ui';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SentenceTiming } from '../../src/content/narration.ts';
import { fitMessage } from './messages.ts';

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

/** Seconds typed into a timing field, or undefined when they are not a time (empty, negative). */
const secondsOf = (text: string): number | undefined => {
  const seconds = Number(text);
  return text.trim() !== '' && Number.isFinite(seconds) && seconds >= 0 ? Math.round(seconds * 100) / 100 : undefined;
};

/**
 * One start or end. What is typed is used as soon as it is a time; until then the field is
 * marked invalid (red, `aria-invalid`) and the time in use stays; leaving the field shows it again.
 */
function TimeInput(props: { label: string; value: number; disabled: boolean; onChange: (seconds: number) => void }) {
  const shown = Number.isNaN(props.value) ? '' : String(props.value);
  const [text, setText] = useState(shown);
  useEffect(() => setText(shown), [shown]);
  const invalid = secondsOf(text) === undefined;
  return (
    <input
      type="number"
      inputMode="decimal"
      min={0}
      step={0.05}
      aria-label={props.label}
      aria-invalid={invalid || undefined}
      value={text}
      disabled={props.disabled}
      style={{
        width: '5.5em',
        font: 'inherit',
        padding: '0.25em 0.4em',
        border: invalid ? '2px solid #d92d20' : '1px solid var(--card-border-color, #8690a2)',
        borderRadius: 3,
        background: 'transparent',
        color: 'inherit',
      }}
      onChange={(event) => {
        setText(event.target.value);
        const seconds = secondsOf(event.target.value);
        if (seconds !== undefined) props.onChange(seconds);
      }}
      onBlur={() => setText(shown)}
    />
  );
}

/** A sentence's two times, as the narrator reads them: from … to …. */
const edges = [
  { edge: 'start', word: 'từ', label: 'bắt đầu (start, s)' },
  { edge: 'end', word: 'đến', label: 'kết thúc (end, s)' },
] as const;

/**
 * The clip, its sentences and their timings: play any sentence, the whole clip with the sentence
 * being read marked, and move a start or end by typing it (arrow keys step 0.05 s).
 */
export function TimingsEditor(props: {
  src: string | undefined;
  sentences: readonly string[];
  timings: readonly SentenceTiming[];
  readOnly: boolean;
  onChange: (timings: SentenceTiming[]) => void;
  label: string;
}) {
  const { audio, playing, play } = useRangePlayer(props.timings);
  const [duration, setDuration] = useState<number>();
  const fit = fitMessage(props.timings, props.sentences.length, duration);
  const rows = Math.max(props.sentences.length, props.timings.length);
  const update = (index: number, change: Partial<SentenceTiming>) =>
    props.onChange(props.timings.map((timing, i) => (i === index ? { ...timing, ...change } : timing)));
  return (
    <Stack gap={3}>
      <audio
        ref={audio}
        src={props.src}
        controls
        preload="auto"
        aria-label={props.label}
        style={{ width: '100%' }}
        onLoadedMetadata={(event) => setDuration(event.currentTarget.duration)}
      />
      <Card tone={fit.tone} padding={2} radius={2} border>
        <Text size={1}>{fit.text}</Text>
      </Card>
      <ol
        aria-label="Câu và mốc thời gian (sentences and timings)"
        style={{ margin: 0, padding: 0, listStyle: 'none' }}
      >
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
                      {edges.map(({ edge, word, label }) => (
                        <Flex key={edge} gap={2} align="center">
                          <Text size={1} muted aria-hidden>
                            {word}
                          </Text>
                          <TimeInput
                            label={`Câu ${String(index + 1)} ${label}`}
                            value={timing[edge]}
                            disabled={props.readOnly}
                            onChange={(seconds) => update(index, { [edge]: seconds })}
                          />
                        </Flex>
                      ))}
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
          text={
            props.sentences.length > 0
              ? 'Nghe cả slide, tô từng câu (play all with read-along)'
              : 'Nghe cả bản ghi (play all)'
          }
          disabled={!props.src}
          onClick={() => play(0)}
        />
      </Flex>
    </Stack>
  );
}
