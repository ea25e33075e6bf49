/**
 * What Sanity's `published` perspective reads: documents whose id has no path prefix. A draft is
 * `drafts.<id>`, a Content Releases version `versions.<release>.<id>`, and any other id with a
 * dot lives in a path that is not public. One rule for the site's embedded source and for
 * `content:check`, which lists what the site leaves out.
 * Example: `isPublishedId('versions.rSpring.material-x')` is false.
 */
export const isPublishedId = (id: string): boolean => !id.includes('.');
