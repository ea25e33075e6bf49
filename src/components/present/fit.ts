/** The smallest share of its normal type size a slide shrinks to; below it, the slide scrolls. */
const smallest = 0.7;
const step = 0.05;

/**
 * Shrinks a slide's type in steps (the `--p-fit` factor of present.css) until the slide fits its
 * scrolling box, so a long title in Tai Viet or Hmong shows whole on a projector. A slide that
 * still does not fit at `smallest` scrolls under the bar from its first line instead.
 */
export function fitSlide(slide: HTMLElement, box: HTMLElement): void {
  slide.style.removeProperty('--p-fit');
  for (let scale = 1 - step; box.scrollHeight > box.clientHeight + 1 && scale >= smallest - 0.001; scale -= step) {
    slide.style.setProperty('--p-fit', scale.toFixed(2));
  }
}
