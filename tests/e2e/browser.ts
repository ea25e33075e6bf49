import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

const systemChromium = '/usr/bin/chromium';

/** Debian's Chromium where it is installed (CI, this machine), else Playwright's own browser. */
export const launchOptions: LaunchOptions = {
  ...(existsSync(systemChromium) ? { executablePath: systemChromium } : {}),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
