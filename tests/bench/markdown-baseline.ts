/**
 * The baseline for the build benchmark: a minimal Astro site that builds the same lesson-pack
 * pages (a pack page and a present page per pack: title, summary, cover and slide images, slides,
 * notes, questions, quiz, key messages) in the same five languages from a plain Markdown collection with the glob() loader. Text missing
 * in a language is taken from Vietnamese, as the real site does.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { localePaths as languages, sourceLocale } from '../../src/i18n/locales.ts';

type Texts = Record<string, string | undefined> | undefined;
type Blocks = { children?: { text?: string }[] }[];
type Image = { _sanityAsset?: string; alt?: Texts } | undefined;
/** The fields of a lesson pack in the export that the baseline shows. */
interface Material {
  _type: string;
  slug: { current: string };
  title?: Texts;
  summary?: Texts;
  coverImage?: Image;
  slides: { heading?: Texts; image?: Image; body?: Record<string, Blocks | undefined>; teacherNotes?: Texts }[];
  keyMessages?: Texts[];
  discussionQuestions?: Texts[];
  quiz?: { question?: Texts; options: Texts[]; explanation?: Texts }[];
}

const text = (field: Texts, lang: string): string => field?.[lang] ?? field?.[sourceLocale] ?? '';
const blocks = (field: Record<string, Blocks | undefined> | undefined, lang: string): string =>
  (field?.[lang] ?? field?.[sourceLocale] ?? [])
    .map((block) => (block.children ?? []).map((child) => child.text ?? '').join(''))
    .join('\n\n');
const image = (value: Image, lang: string): string =>
  value?._sanityAsset
    ? `![${text(value.alt, lang)}](../../${value._sanityAsset.replace(/^image@file:\/\/\.\//, '')})`
    : '';

/** One pack in one language as Markdown. */
function packMarkdown(material: Material, lang: string): string {
  const slides = material.slides.map(
    (slide, index) =>
      `## ${index + 1}. ${text(slide.heading, lang)}\n\n${image(slide.image, lang)}\n\n${blocks(slide.body, lang)}\n\n> ${text(slide.teacherNotes, lang)}`,
  );
  const list = (items: Texts[] | undefined) => (items ?? []).map((item) => `- ${text(item, lang)}`).join('\n');
  const quiz = (material.quiz ?? []).map(
    (question) =>
      `### ${text(question.question, lang)}\n\n${question.options.map((option) => `1. ${text(option, lang)}`).join('\n')}\n\n${text(question.explanation, lang)}`,
  );
  return [
    image(material.coverImage, lang),
    ...slides,
    `## Key messages\n\n${list(material.keyMessages)}`,
    `## Questions\n\n${list(material.discussionQuestions)}`,
    ...quiz,
  ].join('\n\n');
}

/** Writes the baseline site into `folder` from an export's data.ndjson; returns the folder. */
export function writeMarkdownBaseline(folder: string, datasetFile: string): string {
  rmSync(folder, { recursive: true, force: true });
  const content = join(folder, 'src/content/packs');
  mkdirSync(content, { recursive: true });
  mkdirSync(join(folder, 'src/pages/[lang]/materials'), { recursive: true });
  cpSync(join(dirname(datasetFile), 'images'), join(folder, 'src/images'), { recursive: true });
  const materials = readFileSync(datasetFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Material)
    .filter((doc) => doc._type === 'material');
  for (const material of materials) {
    for (const lang of languages) {
      const frontmatter = `---\ntitle: ${JSON.stringify(text(material.title, lang))}\nsummary: ${JSON.stringify(text(material.summary, lang))}\nlang: ${lang}\npack: ${material.slug.current}\n---\n`;
      writeFileSync(
        join(content, `${lang}--${material.slug.current}.md`),
        `${frontmatter}\n${packMarkdown(material, lang)}\n`,
      );
    }
  }
  writeFileSync(
    join(folder, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\nexport default defineConfig({ outDir: './dist', build: { concurrency: 4 } });\n`,
  );
  writeFileSync(
    join(folder, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nimport { z } from 'astro/zod';\nexport const collections = { packs: defineCollection({ loader: glob({ pattern: '*.md', base: './src/content/packs' }), schema: z.object({ title: z.string(), summary: z.string(), lang: z.string(), pack: z.string() }) }) };\n`,
  );
  // Each pack has two pages on the site (the pack and its present view): the baseline builds both.
  mkdirSync(join(folder, 'src/pages/[lang]/materials/[slug]'), { recursive: true });
  for (const page of ['index', 'present'])
    writeFileSync(
      join(folder, `src/pages/[lang]/materials/[slug]/${page}.astro`),
      `---\nimport { getCollection, render } from 'astro:content';\nexport async function getStaticPaths() {\n  return (await getCollection('packs')).map((entry) => ({ params: { lang: entry.data.lang, slug: entry.data.pack }, props: { entry } }));\n}\nconst { entry } = Astro.props;\nconst { Content } = await render(entry);\n---\n<html lang={entry.data.lang}><head><meta charset="utf-8" /><title>{entry.data.title}</title></head><body><main><h1>{entry.data.title}</h1><p>{entry.data.summary}</p><Content /></main></body></html>\n`,
    );
  return folder;
}
