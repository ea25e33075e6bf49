/**
 * A desk pane listing one language's outdated documents: reviewed, but the Vietnamese changed
 * since. Each opens the document, where the status input shows the "confirm" button.
 */
import { Card, Stack, Text } from '@sanity/ui';
import { useEffect, useState } from 'react';
import { useClient } from 'sanity';
import { IntentLink } from 'sanity/router';
import { translationListFilter } from '../../src/content/queries.ts';
import { sourceLocale } from '../../src/i18n/locales.ts';
import { deskApiVersion } from '../structure/apiVersion.ts';
import { outdatedDocuments, publishedId, type DeskDocument } from './outdatedDocuments.ts';

interface Props {
  /** `{ lang, types }`, set by the desk structure (studio/structure/translationLists.ts). */
  readonly options?: Record<string, unknown>;
}

function titleOf(document: DeskDocument): string {
  for (const field of ['title', 'name']) {
    const text = (document[field] as Record<string, unknown> | undefined)?.[sourceLocale];
    if (typeof text === 'string') return text;
  }
  return publishedId(document._id);
}

export function OutdatedList({ options }: Props) {
  const client = useClient({ apiVersion: deskApiVersion });
  const [documents, setDocuments] = useState<DeskDocument[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const lang = typeof options?.['lang'] === 'string' ? options['lang'] : '';
  const types = (options?.['types'] ?? []) as readonly string[];

  useEffect(() => {
    let live = true;
    client
      .fetch<DeskDocument[]>(`*[${translationListFilter(lang, 'reviewed')}]`, { types: [...types] })
      .then((found) => live && setDocuments(outdatedDocuments(found, lang)))
      .catch((reason: unknown) => live && setError(String(reason)));
    return () => {
      live = false;
    };
  }, [client, lang, types]);

  if (error)
    return (
      <Card padding={4} tone="critical">
        <Text>{error}</Text>
      </Card>
    );
  if (!documents)
    return (
      <Card padding={4}>
        <Text muted>…</Text>
      </Card>
    );
  if (documents.length === 0) {
    return (
      <Card padding={4}>
        <Text muted>Không có bản dịch lỗi thời. No outdated translation.</Text>
      </Card>
    );
  }
  return (
    <Stack gap={2} padding={3}>
      {documents.map((document) => (
        <Card key={document._id} padding={3} radius={2} tone="caution" border>
          <IntentLink intent="edit" params={{ id: publishedId(document._id), type: document._type }}>
            <Text>{titleOf(document)}</Text>
          </IntentLink>
        </Card>
      ))}
    </Stack>
  );
}
