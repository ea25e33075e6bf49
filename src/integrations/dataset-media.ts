/**
 * Serves the embedded dataset's audio files under /media/files/: copied into the build, and
 * served from the dataset folder by the dev server. Images go through astro:assets instead.
 * Hosted (Sanity) files are linked on Sanity's CDN and need nothing here.
 */
import { cpSync, createReadStream, existsSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

const types: Record<string, string> = {
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.m4a': 'audio/mp4',
  '.pdf': 'application/pdf',
};

export function datasetMedia(): AstroIntegration {
  const filesDir = () => resolve(process.env['CONTENT_DATASET_DIR'] ?? 'studio/dataset', 'files');
  return {
    name: 'dataset-media',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use('/media/files/', (request, response, next) => {
          const file = join(filesDir(), basename(decodeURIComponent(request.url ?? '')));
          if (!existsSync(file) || !statSync(file).isFile()) {
            next();
            return;
          }
          response.setHeader('Content-Type', types[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream');
          createReadStream(file).pipe(response);
        });
      },
      'astro:build:done': ({ dir }) => {
        if (process.env['SANITY_PROJECT_ID'] || !existsSync(filesDir())) return;
        cpSync(filesDir(), join(fileURLToPath(dir), 'media', 'files'), { recursive: true });
      },
    },
  };
}
