/** One interface for where content comes from; see README.md in this folder. */
import { readContentEnv, type ContentEnv } from './env.ts';
import { createEmbeddedSource } from './sources/embedded.ts';
import { createSanitySource } from './sources/sanity.ts';

export interface ContentSource {
  /** What the source is, for build logs, e.g. `embedded dataset studio/dataset`. */
  readonly description: string;
  /** Runs a GROQ query and returns its result. */
  fetch<T = unknown>(query: string, params?: Record<string, unknown>): Promise<T>;
  /**
   * Where a `_sanityAsset` path of this source lives on disk, or undefined for a hosted source.
   * Example: `image@file://./images/a.png` → `/…/studio/dataset/images/a.png`.
   */
  localAssetPath(sanityAsset: string): string | undefined;
}

/** The configured source: Sanity when SANITY_PROJECT_ID is set, else the embedded dataset. */
export function createContentSource(env: ContentEnv = readContentEnv()): ContentSource {
  if (env.SANITY_PROJECT_ID) return createSanitySource({ ...env, SANITY_PROJECT_ID: env.SANITY_PROJECT_ID });
  return createEmbeddedSource(env.CONTENT_DATASET_DIR ?? 'studio/dataset');
}
