/**
 * The baseline for the build benchmark: a minimal Astro site that builds the same lesson-pack
 * pages (title, summary, slides) from a plain Markdown collection with the glob() loader.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const languages = ['vi', 'hmong', 'dao', 'thai', 'en'];

const blocksToMarkdown = (blocks: { children?: { text?: string }[] }[] | undefined) =>
  (blocks ?? []).map((block) => (block.children ?? []).map((child) => child.text ?? '').join('')).join('\n\n');

/** Writes the baseline site into `folder` from an export's data.ndjson; returns the folder. */
export function writeMarkdownBaseline(folder: string, datasetFile: string): string {
  rmSync(folder, { recursive: true, force: true });
  const content = join(folder, 'src/content/packs');
  mkdirSync(content, { recursive: true });
  mkdirSync(join(folder, 'src/pages/[lang]/materials'), { recursive: true });
  const materials = readFileSync(datasetFile, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line)).filter((doc) => doc._type === 'material');
  for (const material of materials) {
    for (const lang of languages) {
      const slides = material.slides.map((slide: any) => `## ${slide.heading.vi}\n\n${blocksToMarkdown(slide.body?.vi)}\n\n> ${slide.teacherNotes?.vi ?? ''}`);
      const frontmatter = `---\ntitle: ${JSON.stringify(material.title.vi)}\nsummary: ${JSON.stringify(material.summary.vi)}\nlang: ${lang}\nslug: ${material.slug.current}\n---\n`;
      writeFileSync(join(content, `${lang}--${material.slug.current}.md`), `${frontmatter}\n${slides.join('\n\n')}\n`);
    }
  }
  writeFileSync(join(folder, 'astro.config.mjs'), `import { defineConfig } from 'astro/config';\nexport default defineConfig({ outDir: './dist' });\n`);
  writeFileSync(
    join(folder, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nimport { z } from 'astro/zod';\nexport const collections = { packs: defineCollection({ loader: glob({ pattern: '*.md', base: './src/content/packs' }), schema: z.object({ title: z.string(), summary: z.string(), lang: z.string(), slug: z.string() }) }) };\n`,
  );
  writeFileSync(
    join(folder, 'src/pages/[lang]/materials/[slug].astro'),
    `---\nimport { getCollection, render } from 'astro:content';\nexport async function getStaticPaths() {\n  return (await getCollection('packs')).map((entry) => ({ params: { lang: entry.data.lang, slug: entry.data.slug }, props: { entry } }));\n}\nconst { entry } = Astro.props;\nconst { Content } = await render(entry);\n---\n<html lang={entry.data.lang}><head><meta charset="utf-8" /><title>{entry.data.title}</title></head><body><main><h1>{entry.data.title}</h1><p>{entry.data.summary}</p><Content /></main></body></html>\n`,
  );
  return folder;
}
