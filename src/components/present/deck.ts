/**
 * Present mode's deck: one slide at a time, driven by keyboard, buttons and swipes; the URL hash
 * (`#slide-N`) keeps the place over a reload. Plain DOM, no framework: it is all the page runs.
 * Every text it shows is rendered by the server into data attributes, in the page's language.
 */

import { fitSlide } from './fit.ts';
import { startReadAlong, stepSentence } from '../readalong/readalong.ts';

const next = ['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Enter'];
const previous = ['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace'];
/** Where Space and Enter belong to the focused control, not to the deck. */
const controls = 'a, button, summary, input, select, textarea, audio, video, [contenteditable]';
/** A horizontal move longer than this (CSS px), and mostly sideways, is a swipe. */
const swipeDistance = 50;

const all = <T extends Element = HTMLElement>(selector: string, root: ParentNode = document) => [
  ...root.querySelectorAll<T>(selector),
];
const one = (selector: string) => document.querySelector<HTMLElement>(selector);

/** Starts the deck on the present page; does nothing elsewhere. */
export function startDeck(): void {
  const found = one('[data-deck]');
  if (!found) return;
  /** The slides' own scrolling box (present.css), under the bar. */
  const deck: HTMLElement = found;
  const slides = all('.p-slide', deck);
  const live = one('[data-live]');
  const counter = one('[data-counter]');
  const counterLabel = one('[data-counter-label]');
  const previousButton = one('[data-prev]');
  const nextButton = one('[data-next]');
  const notesButton = one('[data-notes]');
  const fullscreenButton = one('[data-fullscreen]');
  const listenButtons = all<HTMLButtonElement>('[data-listen]');
  const notes = all<HTMLDetailsElement>('details.p-notes', deck);
  let current = -1;
  let notesShown = false;

  document.body.classList.add('is-deck');
  startReadAlong();
  for (const element of all('[data-js-only]')) element.hidden = false;

  function go(index: number, announce = true): void {
    const target = Math.max(0, Math.min(slides.length - 1, index));
    const slide = slides[target];
    if (!slide || target === current) return;
    const focused = document.activeElement as HTMLElement | null;
    const old = slides[current];
    if (old) {
      for (const audio of all<HTMLAudioElement>('audio', old)) {
        audio.pause();
        audio.currentTime = 0;
      }
    }
    for (const [i, other] of slides.entries()) other.hidden = i !== target;
    current = target;
    if (counter) counter.textContent = slide.dataset['counter'] ?? '';
    if (counterLabel) counterLabel.textContent = slide.dataset['position'] ?? '';
    previousButton?.setAttribute('aria-disabled', String(target === 0));
    nextButton?.setAttribute('aria-disabled', String(target === slides.length - 1));
    for (const button of listenButtons) button.hidden = button.dataset['listen'] !== slide.id;
    history.replaceState(history.state, '', `#${slide.id}`);
    fitSlide(slide, deck);
    deck.scrollTo(0, 0);
    if (announce && live)
      live.textContent = `${slide.dataset['position'] ?? ''}: ${slide.querySelector('h1, h2')?.textContent.trim() ?? ''}`;
    // A control that just disappeared with its slide would leave focus nowhere.
    if (focused && focused !== document.body && focused.getClientRects().length === 0) slide.focus();
  }

  const fromHash = () => {
    const index = slides.findIndex((slide) => `#${slide.id}` === location.hash);
    return index < 0 ? undefined : index;
  };

  function showNotes(shown: boolean): void {
    notesShown = shown;
    notesButton?.setAttribute('aria-pressed', String(shown));
    for (const note of notes) note.open = shown;
    refit();
  }

  /** The current slide's narration with sentence timings, if it has one. */
  const slideAudio = () => slides[current]?.querySelector<HTMLAudioElement>('audio[data-timings]') ?? undefined;

  /** Fits the slide on screen again after its content or the screen changed size. */
  function refit(): void {
    const slide = slides[current];
    if (slide) fitSlide(slide, deck);
  }

  function toggleAnswer(slide: HTMLElement | undefined): void {
    const answer = slide?.querySelector('details.p-answer');
    if (answer instanceof HTMLDetailsElement) answer.open = !answer.open;
  }

  function toggleFullscreen(): void {
    if (!document.fullscreenEnabled) return;
    if (document.fullscreenElement) void document.exitFullscreen();
    else document.documentElement.requestFullscreen().catch(() => undefined);
  }

  previousButton?.addEventListener('click', () => go(current - 1));
  nextButton?.addEventListener('click', () => go(current + 1));
  notesButton?.addEventListener('click', () => showNotes(!notesShown));
  // The notes' own summaries stay usable; opening or closing one does it for every slide.
  for (const note of notes)
    note.addEventListener('toggle', () => {
      if (note.open !== notesShown) showNotes(note.open);
    });

  for (const answer of all<HTMLDetailsElement>('details.p-answer', deck)) {
    const slide = answer.closest<HTMLElement>('.p-slide');
    const button = slide?.querySelector<HTMLButtonElement>('[data-reveal]');
    button?.addEventListener('click', () => toggleAnswer(slide ?? undefined));
    answer.addEventListener('toggle', () => {
      button?.setAttribute('aria-expanded', String(answer.open));
      slide?.classList.toggle('is-revealed', answer.open);
      refit();
    });
  }

  if (fullscreenButton && document.fullscreenEnabled) {
    fullscreenButton.hidden = false;
    fullscreenButton.addEventListener('click', toggleFullscreen);
    document.addEventListener('fullscreenchange', () =>
      fullscreenButton.setAttribute('aria-pressed', String(Boolean(document.fullscreenElement))),
    );
  }

  for (const button of listenButtons) {
    const audio = document.getElementById(button.getAttribute('aria-controls') ?? '');
    if (!(audio instanceof HTMLAudioElement)) continue;
    button.addEventListener('click', () => {
      if (audio.paused) audio.play().catch(() => undefined);
      else audio.pause();
    });
    const sync = () => button.setAttribute('aria-pressed', String(!audio.paused));
    for (const type of ['play', 'pause', 'ended']) audio.addEventListener(type, sync);
  }

  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    const { key } = event;
    const onControl = event.target instanceof Element && event.target.closest(controls) !== null;
    if ((key === ' ' || key === 'Enter') && onControl) return;
    if (next.includes(key)) go(key === ' ' && event.shiftKey ? current - 1 : current + 1);
    else if (previous.includes(key)) go(current - 1);
    else if (key === 'Home') go(0);
    else if (key === 'End') go(slides.length - 1);
    else if (key === 'n' || key === 'N') showNotes(!notesShown);
    else if (key === 'f' || key === 'F') toggleFullscreen();
    else if (key === 'a' || key === 'A') toggleAnswer(slides[current]);
    else if (key === 'l' || key === 'L') listenButtons.find((button) => !button.hidden)?.click();
    else if ((key === ',' || key === '.') && slideAudio()) stepSentence(slideAudio()!, key === ',' ? -1 : 1);
    else return;
    event.preventDefault();
  });

  // Swipes on touch screens and pens; a mouse drag selects text as usual.
  let start: { x: number; y: number } | undefined;
  deck.addEventListener('pointerdown', (event) => {
    start = event.isPrimary && event.pointerType !== 'mouse' ? { x: event.clientX, y: event.clientY } : undefined;
  });
  deck.addEventListener('pointercancel', () => {
    start = undefined;
  });
  deck.addEventListener('pointerup', (event) => {
    if (!start) return;
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    start = undefined;
    if (Math.abs(dx) > swipeDistance && Math.abs(dx) > 2 * Math.abs(dy)) go(dx < 0 ? current + 1 : current - 1);
  });
  // The deck claims sideways touch moves for swipes; a zoomed-in reader needs them to pan.
  window.visualViewport?.addEventListener('resize', () => {
    deck.style.touchAction = (window.visualViewport?.scale ?? 1) > 1 ? 'auto' : '';
  });

  window.addEventListener('resize', refit);
  // The Tai Viet font arrives after the first layout, and its lines are taller.
  document.fonts.addEventListener('loadingdone', refit);
  window.addEventListener('hashchange', () => go(fromHash() ?? current));
  go(fromHash() ?? 0, false);
}
