import { defineCliConfig } from 'sanity/cli';
import { dataset, projectId } from './env.ts';

export default defineCliConfig({
  api: { projectId, dataset },
  // The deployed Studio runs the Sanity version in package-lock.json, the one its schemas were
  // built and tested with, instead of upgrading itself underneath the editors.
  deployment: { autoUpdates: false },
});
