/**
 * The old anti-trafficking hotline, 1800 1567, replaced by 111: publishing it as current misleads
 * callers. Found however it is written (`1800 1567`, `1800-1567`, `(1800) 15.67`), never inside a
 * longer number. One rule for the help-contact number field and for `content:check`, which looks
 * for it in every text of every language.
 */
const digits = '18001567'.split('');
const retired = new RegExp(`(?<!\\d)${digits.join('[\\s\\p{P}]*')}(?!\\d)`, 'u');

export const retiredHotlineMessage = '1800 1567 is no longer the hotline: use 111, which now also takes trafficking calls.';

/** Whether a text gives the retired hotline. Example: `mentionsRetiredHotline('Gọi 1800.1567')` is true. */
export const mentionsRetiredHotline = (text: string): boolean => retired.test(text);
