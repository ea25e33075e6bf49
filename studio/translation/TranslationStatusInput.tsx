/**
 * The input of one language's translation status. Marking the language reviewed also records the
 * hash of the Vietnamese the reviewer checked it against; when that Vietnamese has changed since,
 * a warning says so and a reviewer confirms the translation against the new text with one button.
 */
import { Button, Card, Stack, Text } from '@sanity/ui';
import { useCallback, useEffect, useRef } from 'react';
import { set, useFormValue, type ObjectInputProps } from 'sanity';
import { isOutdated, reviewedSourceHash, sourceHash } from '../../src/content/sourceHash.ts';
import { marksReviewed, today } from './reviewPatches.ts';

export function TranslationStatusInput(props: ObjectInputProps) {
  const document = useFormValue([]);
  const last = props.path.at(-1);
  const lang = typeof last === 'string' ? last : '';
  const hash = sourceHash(document);
  const { onChange } = props;

  const status: unknown = props.value?.['status'];
  const previous = useRef(status);
  useEffect(() => {
    // Marked reviewed just now: record which Vietnamese the reviewer checked.
    if (marksReviewed(previous.current, status)) onChange(set(hash, ['sourceHash']));
    previous.current = status;
  }, [status, hash, onChange]);
  const confirm = useCallback(() => {
    onChange([set(hash, ['sourceHash']), set(today(), ['reviewedAt'])]);
  }, [onChange, hash]);

  const outdated = isOutdated(document, lang, hash);
  const reviewedWithoutHash = status === 'reviewed' && reviewedSourceHash(document, lang) === undefined;
  return (
    <Stack gap={3}>
      {props.renderDefault(props)}
      {(outdated || reviewedWithoutHash) && (
        <Card tone="caution" padding={3} radius={2} border>
          <Stack gap={3}>
            <Text size={1}>
              {outdated
                ? 'Lỗi thời: tiếng Việt đã thay đổi sau lần duyệt. The Vietnamese changed after this review; the site shows the old translation with a notice until a reviewer confirms it.'
                : 'No record of the Vietnamese this review was made against. Confirm it so later changes are noticed.'}
            </Text>
            <Button
              tone="primary"
              mode="ghost"
              text="Đã kiểm tra với tiếng Việt mới · Confirm against the current Vietnamese"
              onClick={confirm}
              disabled={props.readOnly}
            />
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
