/**
 * Settings for publishing from the Studio: the webhook's signing secret and the command that
 * rebuilds the site. Checked with zod when the first delivery arrives, so a typo is answered with
 * the variable's name.
 */
import { z } from 'zod';

const publishingEnvSchema = z.object({
  /** The secret set on the Sanity webhook (sanity.io/manage → API → Webhooks); signs each delivery. */
  SANITY_WEBHOOK_SECRET: z.string().min(16, 'use a random secret of at least 16 characters').optional(),
  /** Shell command that rebuilds and deploys the site, e.g. `npm run build`. Run in the server's folder. */
  REBUILD_COMMAND: z.string().trim().min(1).optional(),
});

export type PublishingEnv = z.infer<typeof publishingEnvSchema>;

/** Reads and checks the publishing variables; blank ones count as unset. */
export function readPublishingEnv(env: Record<string, string | undefined> = process.env): PublishingEnv {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const result = publishingEnvSchema.safeParse(present);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Publishing settings are invalid:\n  ${problems.join('\n  ')}`);
  }
  return result.data;
}
