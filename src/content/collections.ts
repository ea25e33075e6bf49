/** Reading the content collections for one language, for pages. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { localePaths, type LocalePath } from '../i18n/locales.ts';

export type Material = CollectionEntry<'materials'>['data'];
export type Topic = CollectionEntry<'topics'>['data'];
export type HelpContact = CollectionEntry<'helpContacts'>['data'];

const inLanguage = (lang: LocalePath) => (entry: { id: string }) => entry.id.startsWith(`${lang}/`);

/** Memoizes a per-language read: every pack page needs the topics and contacts of its language. */
function perLanguage<T>(read: (lang: LocalePath) => Promise<T>): (lang: LocalePath) => Promise<T> {
  const cache = new Map<LocalePath, Promise<T>>();
  return (lang) => {
    let result = cache.get(lang);
    if (!result) cache.set(lang, (result = read(lang)));
    return result;
  };
}

export const getMaterials = perLanguage(async (lang): Promise<Material[]> =>
  (await getCollection('materials', inLanguage(lang))).map((entry) => entry.data),
);

export const getTopics = perLanguage(async (lang): Promise<Topic[]> =>
  (await getCollection('topics', inLanguage(lang))).map((entry) => entry.data),
);

export const getHelpContacts = perLanguage(async (lang): Promise<HelpContact[]> =>
  (await getCollection('helpContacts', inLanguage(lang))).map((entry) => entry.data).sort((a, b) => a.order - b.order),
);

/** The help contacts a lesson pack names, in its language and in the contacts' order. */
export async function getPackHelpContacts(material: Material): Promise<HelpContact[]> {
  return (await getHelpContacts(material.lang)).filter((contact) => material.helpContacts.includes(contact.number));
}

export async function getSiteSettings(lang: LocalePath) {
  return (await getCollection('siteSettings', inLanguage(lang)))[0]?.data;
}

/** The pack groups of the home page's choice, by the settings they cover. */
export const groups = {
  schools: ['school', 'vocationalSchool'],
  'job-centres': ['jobCentre'],
} as const;
export type Group = keyof typeof groups;

export function inGroup(material: Material, group: Group): boolean {
  return material.setting.some((setting) => (groups[group] as readonly string[]).includes(setting));
}

/** `getStaticPaths` result for the pages of a pack (its page, its present view): one per pack and language. */
export async function materialPaths() {
  const entries = await getCollection('materials');
  return entries.map((entry) => ({
    params: { lang: entry.data.lang, slug: entry.data.slug },
    props: { material: entry.data },
  }));
}

/** `getStaticPaths` result for a page that exists once per language. */
export function languagePaths() {
  return localePaths.map((lang) => ({ params: { lang } }));
}
