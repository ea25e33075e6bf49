/**
 * Run before `sanity dev` (`npm run studio`): without a project id the Studio opens with the
 * placeholder of `env.ts` and cannot load or save anything, and says nothing about why. This
 * says it in the terminal, with what to set, and lets the Studio start anyway (the schemas and
 * the desk can be looked at without a project).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';

/**
 * The files `sanity dev` reads variables from (Vite's order for the `development` mode: a later
 * file wins over an earlier one, and the environment wins over every file).
 */
const envFiles = ['.env', '.env.local', '.env.development', '.env.development.local'];

/** The project id `sanity dev` would see in `folder`, or undefined when none is set. */
export function studioProjectId(folder: string, env: Readonly<Record<string, string | undefined>>): string | undefined {
  let fromFiles: string | undefined;
  for (const name of envFiles) {
    const file = join(folder, name);
    if (!existsSync(file)) continue;
    const value = parseEnv(readFileSync(file, 'utf8'))['SANITY_STUDIO_PROJECT_ID'];
    if (value !== undefined) fromFiles = value;
  }
  return (env['SANITY_STUDIO_PROJECT_ID'] ?? fromFiles)?.trim() || undefined;
}

/** What to tell the person who started the Studio without a project. */
export const missingProjectNotice = [
  'No Sanity project set: the Studio opens with the placeholder project "your-project-id" and can load and save nothing.',
  'Set SANITY_STUDIO_PROJECT_ID (and SANITY_STUDIO_DATASET, default "production") in studio/.env:',
  '  cp studio/.env.example studio/.env   # then fill in the id from https://www.sanity.io/manage',
  'or in the environment: SANITY_STUDIO_PROJECT_ID=<id> npm run studio',
  'See README.md, "Connecting a Sanity project".',
].join('\n');

if (import.meta.main && studioProjectId(import.meta.dirname, process.env) === undefined) {
  console.warn(`\n${missingProjectNotice}\n`);
}
