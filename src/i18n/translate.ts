/**
 * The one way UI strings reach browser code. The server picks a page's strings in its language
 * (`pickStrings` in client-strings.ts, already resolved along the fallback chain) and hands them
 * over as a `ClientStrings` object: in a component's `data-strings` attribute for the small page
 * scripts (`readStrings`), or as the log island's `strings` prop. Browser code translates with
 * `translator`, which fills `{{name}}` placeholders as i18next does on the server. No library and
 * no other language's strings reach the browser.
 */
import type { UiKey } from './ui.ts';

/** The strings a page script was handed, by UI key (only the keys the server picked). */
export type ClientStrings<K extends UiKey = UiKey> = Partial<Record<K, string>>;

/** Translates one key: `t('log.sum', { sum: '12' })`. A key that was not handed over gives ''. */
export type Translate<K extends UiKey = UiKey> = (key: K, values?: Record<string, string | number>) => string;

/** Fills `{{name}}` placeholders, as i18next does on the server. */
export function format(template: string | undefined, values: Record<string, string | number> = {}): string {
  return (template ?? '').replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
}

/** The translate function over a set of handed-over strings. */
export function translator<K extends UiKey>(strings: ClientStrings<K>): Translate<K> {
  return (key, values) => format(strings[key], values);
}

/** The strings a component put in its `data-strings` attribute (client-strings.ts). */
export function readStrings<K extends UiKey = UiKey>(element: HTMLElement): ClientStrings<K> {
  return JSON.parse(element.dataset['strings'] ?? '{}') as ClientStrings<K>;
}
