/**
 * The fixed lists of the content model, one place for the Studio's options, the zod checks and
 * the site's filters. Their labels are UI strings: `audience.<value>` and `setting.<value>`.
 */

/** Who a lesson pack is written for. */
export const audiences = [
  'lowerSecondary',
  'upperSecondary',
  'vocationalTrainees',
  'jobSeekers',
  'parentsCommunity',
  'teachersStaff',
] as const;

/** Where a lesson pack is meant to be used. */
export const settings = ['school', 'vocationalSchool', 'jobCentre', 'communityMeeting', 'borderPost'] as const;

export type Audience = (typeof audiences)[number];
export type Setting = (typeof settings)[number];
