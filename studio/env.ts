/**
 * Which Sanity project and dataset the Studio edits, shared by `sanity.config.ts` (the browser
 * bundle) and `sanity.cli.ts` (the CLI). Set them in the environment or in `studio/.env`
 * (see `.env.example`); Sanity passes `SANITY_STUDIO_*` variables to both.
 */

/** Placeholder so the Studio builds before a project exists; create one at sanity.io/manage. */
export const placeholderProjectId = 'your-project-id';

/**
 * Reads a variable wherever the code runs. The CLI runs in Node, where `process.env` exists. In
 * the browser `sanity dev` serves the expression as written, replaced only for variables that are
 * set, and there is no `process`: reading an unset one would throw a ReferenceError.
 */
function readEnv(read: () => string | undefined): string | undefined {
  try {
    return read() || undefined;
  } catch {
    return undefined;
  }
}

export const projectId = readEnv(() => process.env.SANITY_STUDIO_PROJECT_ID) ?? placeholderProjectId;

export const dataset = readEnv(() => process.env.SANITY_STUDIO_DATASET) ?? 'production';

/**
 * The public site's address, for the "On the site" links from a lesson pack to its page in each
 * language. The default is where `npm start` serves the site.
 */
export const siteUrl = readEnv(() => process.env.SANITY_STUDIO_SITE_URL) ?? 'http://localhost:4321';

/**
 * The review preview's address: the dev server started with `PREVIEW_UNREVIEWED=1 npm run dev`,
 * which shows unreviewed translations under a "not reviewed: preview" banner
 * (src/content/preview.ts). The default is where `npm run dev` serves.
 */
export const reviewPreviewUrl = readEnv(() => process.env.SANITY_STUDIO_PREVIEW_URL) ?? 'http://localhost:4321';
