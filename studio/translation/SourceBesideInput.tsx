/**
 * The input of a localized text field (localeString, localeText, localeBlockContent): each
 * translated language's field gets the Vietnamese source beside it, read-only, so a translator
 * who has picked one language in the language filter sees source and translation side by side.
 */
import { Card, Flex, Box, Stack, Text } from '@sanity/ui';
import type { ObjectInputProps, RenderFieldCallback } from 'sanity';
import { getLocale, sourceLocale } from '../../src/i18n/locales.ts';
import { glossaryHints, showsSourceBeside, sourceText } from './sourceBeside.ts';
import { useGlossary } from './useGlossary.ts';

export function SourceBesideInput(props: ObjectInputProps) {
  const source = sourceText(props.value);
  const glossary = useGlossary();
  const typeName = props.schemaType.name;
  const renderField: RenderFieldCallback = (field) => {
    const rendered = props.renderField(field);
    if (!showsSourceBeside(typeName, field.name) || source === '') return rendered;
    return (
      <Flex gap={3} wrap="wrap" data-testid={`source-beside-${field.name}`}>
        <Box flex={1} style={{ minWidth: '14rem' }}>
          <Card padding={3} radius={2} tone="transparent" border>
            <Stack gap={2}>
              <Text size={1} muted weight="medium">
                Tiếng Việt (nguồn) · Vietnamese source
              </Text>
              <Text size={1} style={{ whiteSpace: 'pre-wrap' }} lang={getLocale(sourceLocale).tag}>
                {source}
              </Text>
              {glossaryHints(source, glossary, field.name).map(({ source: term, target, note }) => (
                <Text key={term} size={1} muted data-testid="glossary-term">
                  Thuật ngữ · glossary: <strong>{term}</strong> → {target ?? '(chưa thống nhất · not agreed yet)'}
                  {note ? ` · ${note}` : ''}
                </Text>
              ))}
            </Stack>
          </Card>
        </Box>
        <Box flex={2} style={{ minWidth: '16rem' }}>
          {rendered}
        </Box>
      </Flex>
    );
  };
  return props.renderDefault({ ...props, renderField });
}
