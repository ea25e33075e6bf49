/**
 * The glossary terms for the source-beside inputs: fetched once per Studio session (every text
 * field of a form shows them, so one request serves all), refreshed when a term is published.
 */
import { useEffect, useState } from 'react';
import { useClient, type SanityClient } from 'sanity';
import { glossaryTerms, type GlossaryTerm } from '../../src/content/glossary.ts';
import { deskApiVersion } from '../structure/apiVersion.ts';

const query = `*[_type == "glossaryTerm" && !(_id in path("drafts.**"))]{ _type, term, note }`;
const cache = new WeakMap<SanityClient, Promise<GlossaryTerm[]>>();

function load(client: SanityClient): Promise<GlossaryTerm[]> {
  let terms = cache.get(client);
  if (!terms) {
    terms = client.fetch<unknown[]>(query).then(glossaryTerms, () => []);
    cache.set(client, terms);
  }
  return terms;
}

export function useGlossary(): GlossaryTerm[] {
  const client = useClient({ apiVersion: deskApiVersion });
  const [terms, setTerms] = useState<GlossaryTerm[]>([]);
  useEffect(() => {
    let live = true;
    void load(client).then((found) => live && setTerms(found));
    const subscription = client.listen(query).subscribe(() => {
      cache.delete(client);
      void load(client).then((found) => live && setTerms(found));
    });
    return () => {
      live = false;
      subscription.unsubscribe();
    };
  }, [client]);
  return terms;
}
