import { z } from 'zod';

/**
 * Environment variables that choose the content source. Read once, checked with zod, so a typo
 * fails the build with the variable's name instead of a confusing fetch error later.
 */
const contentEnvSchema = z
  .object({
    /** Set it to build from a real Sanity project instead of the embedded dataset. */
    SANITY_PROJECT_ID: z
      .string()
      .regex(/^[a-z0-9-]+$/, 'a Sanity project id has only lower-case letters, digits and dashes')
      .optional(),
    /** The project's dataset. */
    SANITY_DATASET: z
      .string()
      .regex(/^[a-z0-9_-]+$/)
      .default('production'),
    /** Sanity API version date. */
    SANITY_API_VERSION: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .default('2025-10-01'),
    /** A read token, only for a private dataset. */
    SANITY_TOKEN: z.string().min(1).optional(),
    /** Another API host (a private endpoint, or the HTTP stand-in in tests). */
    SANITY_API_HOST: z.url().optional(),
    /** An export folder to build from instead of studio/dataset (e.g. tests/fixtures/dataset). */
    CONTENT_DATASET_DIR: z.string().min(1).optional(),
  })
  .transform((env) => ({ ...env, SANITY_PROJECT_ID: env.SANITY_PROJECT_ID || undefined }));

export type ContentEnv = z.infer<typeof contentEnvSchema>;

/** Reads and checks the content variables; throws a message naming each bad variable. */
export function readContentEnv(env: Record<string, string | undefined> = process.env): ContentEnv {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const result = contentEnvSchema.safeParse(present);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Content settings are invalid:\n  ${problems.join('\n  ')}`);
  }
  return result.data;
}
