/**
 * Review in context: a reviewer sees unreviewed translations on the real page layout, under a
 * "not reviewed: preview" banner, with `PREVIEW_UNREVIEWED=1 npm run dev` (the Studio's preview
 * links open that server). Only the dev server previews: in `astro build` Vite's
 * `import.meta.env.DEV` is false, so a production build never holds unreviewed text, whatever
 * the environment says (tests/e2e/preview.spec.ts builds with the variable set and checks).
 */

/** The environment variable that turns the preview on. */
export const previewVariable = 'PREVIEW_UNREVIEWED';

/** Whether the environment asks for the preview: set to `1`. */
export const asksForPreview = (env: Readonly<Record<string, string | undefined>>): boolean =>
  env[previewVariable] === '1';

/**
 * Whether this run shows unreviewed translations: asked for, and on the dev server.
 *
 * @example
 * previewUnreviewed({ PREVIEW_UNREVIEWED: '1' }, false); // false: a build never previews
 */
export function previewUnreviewed(env: Readonly<Record<string, string | undefined>>, dev: boolean): boolean {
  return dev && asksForPreview(env);
}
