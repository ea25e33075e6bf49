/** Reading the content collections for one language, for pages. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { localePaths, type LocalePath } from '../i18n/locales.ts';

export type Material = CollectionEntry<'materials'>['data'];
export type Topic = CollectionEntry<'topics'>['data'];
export type HelpContact = CollectionEntry<'helpContacts'>['data'];

const inLanguage = (lang: LocalePath) => (entry: { id: string }) => entry.id.startsWith(`${lang}/`);

export async function getMaterials(lang: LocalePath): Promise<Material[]> {
  return (await getCollection('materials', inLanguage(lang))).map((entry) => entry.data);
}

export async function getTopics(lang: LocalePath): Promise<Topic[]> {
  return (await getCollection('topics', inLanguage(lang))).map((entry) => entry.data);
}

export async function getHelpContacts(lang: LocalePath): Promise<HelpContact[]> {
  const contacts = (await getCollection('helpContacts', inLanguage(lang))).map((entry) => entry.data);
  return contacts.sort((a, b) => a.order - b.order);
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

/** `getStaticPaths` result for a page that exists once per language. */
export function languagePaths() {
  return localePaths.map((lang) => ({ params: { lang } }));
}
