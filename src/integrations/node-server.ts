/**
 * Makes `<outDir>/server/entry.mjs` the server of src/server/entry.ts: after the build, that file
 * is bundled (esbuild, with src/security/*) beside the node adapter's entry, which
 * astro.config.mjs names `astro.mjs`. Everything that starts `node dist/server/entry.mjs` (npm run
 * serve, the tests, the benches, a deployment) gets the canonical-path redirect and the security
 * headers on static files too.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';

export function nodeServerEntry(): AstroIntegration {
  let serverDir: URL | undefined;
  return {
    name: 'node-server-entry',
    hooks: {
      'astro:config:done': ({ config }) => {
        if (config.build.serverEntry === 'entry.mjs')
          throw new Error(
            'node-server-entry: set build.serverEntry to another name (astro.mjs); entry.mjs is the front server',
          );
        serverDir = config.build.server;
      },
      'astro:build:done': async ({ logger }) => {
        if (!serverDir) return;
        await build({
          entryPoints: [fileURLToPath(new URL('../server/entry.ts', import.meta.url))],
          outfile: fileURLToPath(new URL('entry.mjs', serverDir)),
          bundle: true,
          // Packages (compression, send) stay imports from node_modules, like the adapter's own.
          packages: 'external',
          platform: 'node',
          format: 'esm',
          target: 'node22',
          logLevel: 'warning',
        });
        logger.info('server/entry.mjs: canonical paths and security headers in front of the node adapter');
      },
    },
  };
}
