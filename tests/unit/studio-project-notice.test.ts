/** `npm run studio` without a Sanity project says so in the terminal, and what to set. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { missingProjectNotice, studioProjectId } from '../../studio/projectNotice.ts';

const folders: string[] = [];
function studioFolder(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'studio-env-'));
  folders.push(folder);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return folder;
}
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('the Studio without a project id', () => {
  it('finds no project when neither the environment nor a .env file sets one, or sets it blank', () => {
    expect(studioProjectId(studioFolder({}), {})).toBeUndefined();
    expect(
      studioProjectId(studioFolder({ '.env': 'SANITY_STUDIO_PROJECT_ID=\nSANITY_STUDIO_DATASET=production\n' }), {}),
    ).toBeUndefined();
    expect(studioProjectId(studioFolder({}), { SANITY_STUDIO_PROJECT_ID: '  ' })).toBeUndefined();
  });

  it('reads the id as sanity dev does: the environment over .env.local over .env', () => {
    const folder = studioFolder({
      '.env': 'SANITY_STUDIO_PROJECT_ID=fromenv\n',
      '.env.local': 'SANITY_STUDIO_PROJECT_ID=fromlocal\n',
    });
    expect(studioProjectId(folder, {})).toBe('fromlocal');
    expect(studioProjectId(folder, { SANITY_STUDIO_PROJECT_ID: 'abc123' })).toBe('abc123');
    expect(studioProjectId(studioFolder({ '.env': 'SANITY_STUDIO_PROJECT_ID=abc123\n' }), {})).toBe('abc123');
  });

  it('prints what to set in the terminal before `sanity dev` starts, and starts it anyway', () => {
    const studio = new URL('../../studio/', import.meta.url);
    const run = (projectId: string) =>
      spawnSync(
        'npx',
        ['node', '--experimental-strip-types', '--disable-warning=ExperimentalWarning', 'projectNotice.ts'],
        {
          cwd: studio,
          env: { ...process.env, SANITY_STUDIO_PROJECT_ID: projectId },
          encoding: 'utf8',
        },
      );
    const missing = run('');
    expect(missing.status).toBe(0);
    expect(missing.stderr).toContain(missingProjectNotice);
    expect(missing.stderr).toContain('SANITY_STUDIO_PROJECT_ID');
    expect(run('abc123').stderr).toBe('');
    // `npm run studio` is the workspace's `dev`, which runs the notice first.
    const dev = execFileSync('npm', ['pkg', 'get', 'scripts.dev', '--workspace', 'studio'], { encoding: 'utf8' });
    expect(dev).toMatch(/projectNotice\.ts && .*sanity dev/);
  });
});
