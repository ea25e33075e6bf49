/**
 * What the narrator sees while recording: the time, the sentence to read now in large type, and
 * the buttons (next sentence, back, stop). The instructions change with the number of sentences.
 */
import { Button, Card, Flex, Stack, Text } from '@sanity/ui';
import type { RefObject } from 'react';

const format = (seconds: number) => `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`;

export function RecordingView(props: {
  sentences: readonly string[];
  sentence: number;
  elapsed: number;
  next: () => void;
  back: () => void;
  stop: (event: { detail: number }) => void;
  nextButton: RefObject<HTMLButtonElement | null>;
  stopButton: RefObject<HTMLButtonElement | null>;
}) {
  const { sentences, sentence } = props;
  const several = sentences.length > 1;
  return (
    <Stack gap={3}>
      <Text weight="semibold">
        <span aria-hidden>●</span> {format(props.elapsed)}
      </Text>
      <Card padding={3} radius={2} tone="primary" border>
        <Text size={3}>{sentences[sentence] ?? sentences.at(-1) ?? '…'}</Text>
      </Card>
      <Flex gap={2} wrap="wrap">
        {several && (
          <Button
            ref={props.nextButton}
            tone="primary"
            text="Câu tiếp (next sentence)"
            disabled={sentence >= sentences.length - 1}
            onClick={props.next}
          />
        )}
        {several && <Button mode="ghost" text="Câu trước (back)" disabled={sentence === 0} onClick={props.back} />}
        <Button ref={props.stopButton} tone="critical" mode="ghost" text="Dừng (stop)" onClick={props.stop} />
      </Flex>
      <Text size={1} muted>
        {several
          ? 'Đọc câu trên, ngừng một chút, bấm “Câu tiếp” (Space). Read the sentence, pause, press “Next sentence”.'
          : sentences.length === 1
            ? 'Đọc câu trên rồi bấm “Dừng”. Read the sentence, then press “Stop”.'
            : 'Slide chưa có chữ ở ngôn ngữ này: đọc cả slide rồi bấm “Dừng”. (No text in this language: read the slide, then press “Stop”.)'}
      </Text>
    </Stack>
  );
}
