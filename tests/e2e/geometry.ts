import type { Page } from '@playwright/test';

/** What a visible heading or control is, for the geometry checks. */
const checked =
  'h1, h2, h3, h4, h5, h6, a[href], button, summary, input, select, textarea, [tabindex]:not([tabindex="-1"])';

interface Options {
  /** Check only inside these elements (a CSS selector); default the whole page. */
  scope?: string | undefined;
  /** Present mode: step through every slide with the deck's own Next button, checking each. */
  slides?: boolean | undefined;
  /** A disclosure (`details`) to open first, e.g. the language menu, and close after. */
  open?: string | undefined;
}

/**
 * Finds the visible headings and controls that a reader could not see or tap: outside the
 * viewport sideways, or with another element drawn over their centre or corners
 * (`elementFromPoint`), plus the page scrolling sideways at all. An element below the fold is
 * scrolled to the middle of the screen first; one already on screen is checked where it is, so a
 * control bar drawn over the title at the top of a slide counts. Returns one line a problem.
 * Everything runs inside the page in one call, so a whole deck costs one round trip.
 */
export function layoutProblems(page: Page, { scope, slides, open }: Options = {}): Promise<string[]> {
  return page.evaluate(
    async ({ checked, scope, slides, open }) => {
      await document.fonts.ready;
      const name = (element: Element) => {
        const text = element.textContent.trim().replace(/\s+/g, ' ').slice(0, 40);
        const label = element.getAttribute('aria-label') ?? '';
        const className =
          typeof element.className === 'string' && element.className ? `.${element.className.split(' ')[0] ?? ''}` : '';
        return `<${element.tagName.toLowerCase()}${className}> "${label || text}"`;
      };
      const shown = (element: Element) => {
        // The skip link waits off screen until it is focused, by design.
        if (element.matches('.skip-link:not(:focus)')) return false;
        const rect = element.getBoundingClientRect();
        if (rect.width <= 2 || rect.height <= 2) return false; // visually hidden (1 px) or empty
        return element.checkVisibility({ opacityProperty: true, visibilityProperty: true });
      };
      /** Scrolls every scroller back where it was (the window and, in present mode, the deck). */
      const scrollers = [document.scrollingElement, ...document.querySelectorAll('[data-deck]')].filter(
        (e): e is Element => e !== null,
      );
      const check = (where: string): string[] => {
        const problems: string[] = [];
        const root = document.documentElement;
        const width = root.clientWidth;
        if (root.scrollWidth > width + 1)
          problems.push(`${where}the page scrolls sideways: ${root.scrollWidth} px content in ${width} px`);
        const start = scrollers.map((scroller) => scroller.scrollTop);
        const roots = scope ? [...document.querySelectorAll(scope)] : [document.body];
        const elements = roots.flatMap((scopeRoot) => [...scopeRoot.querySelectorAll(checked)]).filter(shown);
        for (const element of elements) {
          let rect = element.getBoundingClientRect();
          if (rect.left < -1 || rect.right > width + 1) {
            problems.push(
              `${where}${name(element)} lies outside the viewport sideways (${Math.round(rect.left)}..${Math.round(rect.right)} of ${width})`,
            );
            continue;
          }
          if (rect.top < 0 || rect.bottom > window.innerHeight) {
            element.scrollIntoView({ block: 'center', inline: 'nearest' });
            rect = element.getBoundingClientRect();
          }
          const inset = Math.min(3, rect.width / 4, rect.height / 4);
          const points: [string, number, number][] = [
            ['centre', rect.left + rect.width / 2, rect.top + rect.height / 2],
            ['top left', rect.left + inset, rect.top + inset],
            ['top right', rect.right - inset, rect.top + inset],
            ['bottom left', rect.left + inset, rect.bottom - inset],
            ['bottom right', rect.right - inset, rect.bottom - inset],
          ];
          for (const [corner, x, y] of points) {
            // A point off the bottom of a screen-tall element cannot be hit-tested; its centre is.
            if (y < 0 || y > window.innerHeight) continue;
            const hit = document.elementFromPoint(x, y);
            // Its own text, an ancestor's background (a line gap in a wrapped link) or its label is fine.
            if (!hit || hit === element || element.contains(hit) || hit.contains(element)) continue;
            if (hit instanceof HTMLLabelElement && hit.control === element) continue;
            problems.push(`${where}${name(element)} is covered at its ${corner} by ${name(hit)}`);
            break;
          }
          scrollers.forEach((scroller, index) => {
            scroller.scrollTop = start[index] ?? 0;
          });
        }
        return problems;
      };
      const disclosure = open ? document.querySelector(open) : null;
      if (disclosure instanceof HTMLDetailsElement) {
        disclosure.open = true;
        const problems = check('');
        disclosure.open = false;
        return problems;
      }
      if (open) return [`nothing to open at ${open}`];
      if (!slides) return check('');
      const deck = [...document.querySelectorAll<HTMLElement>('.p-slide')];
      const next = document.querySelector<HTMLButtonElement>('[data-next]');
      const previous = document.querySelector<HTMLButtonElement>('[data-prev]');
      const notes = document.querySelector<HTMLButtonElement>('[data-notes]');
      const problems: string[] = [];
      for (const withNotes of [false, true]) {
        if (withNotes) notes?.click();
        deck.forEach(() => previous?.click());
        for (const [index, slide] of deck.entries()) {
          if (slide.hidden) problems.push(`slide ${index + 1} is not shown after Next`);
          problems.push(...check(`slide ${index + 1}${withNotes ? ' with notes' : ''}: `));
          next?.click();
        }
      }
      return problems;
    },
    { checked, scope, slides, open },
  );
}
