/**
 * Read-along: while a narration clip plays, the sentence being read is highlighted (class
 * `ra-current`, an underline and a tint in site.css); a tap or click on a sentence plays just that
 * sentence. The clip's `data-timings` (`[[start, end], ...]`, seconds) come from the build; the
 * sentences are the `[data-ra=<clip id>][data-s=<index>]` spans ReadAlongText.astro rendered.
 * The highlight follows `currentTime` on every animation frame while playing (not the coarse
 * `timeupdate`), so it never lags a sentence behind. Works offline: it needs only the page and
 * the clip, which a saved pack holds.
 */

interface Clip {
  audio: HTMLAudioElement;
  timings: [number, number][];
  /** Where to stop when one sentence was asked for. */
  stopAt: number | undefined;
  current: number;
}

const clips = new Map<HTMLAudioElement, Clip>();
const reduceMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

function pieces(clip: Clip, index?: number): HTMLElement[] {
  const selector = `[data-ra="${CSS.escape(clip.audio.id)}"]${index === undefined ? '' : `[data-s="${index}"]`}`;
  return [...document.querySelectorAll<HTMLElement>(selector)];
}

function show(clip: Clip, index: number): void {
  if (index === clip.current) return;
  for (const piece of pieces(clip)) piece.classList.toggle('ra-current', piece.dataset['s'] === String(index));
  clip.current = index;
  const first = pieces(clip, index)[0];
  if (!first) return;
  const box = first.getBoundingClientRect();
  if (box.top < 0 || box.bottom > innerHeight)
    first.scrollIntoView({ block: 'nearest', behavior: reduceMotion() ? 'auto' : 'smooth' });
}

/**
 * The sentence playing at `time`; -1 in a pause between sentences. The clip's tail after the last
 * timing (rounding, an encoder's padding) still belongs to the last sentence.
 */
function sentenceAt(clip: Clip, time: number): number {
  const last = clip.timings.length - 1;
  const lastStart = clip.timings[last]?.[0];
  if (lastStart !== undefined && time >= lastStart) return last;
  return clip.timings.findIndex(([start, end]) => time >= start && time < end);
}

function follow(clip: Clip): void {
  const { audio } = clip;
  if (clip.stopAt !== undefined && audio.currentTime >= clip.stopAt) {
    clip.stopAt = undefined;
    audio.pause();
  }
  const started = !audio.paused || (audio.currentTime > 0 && !audio.ended);
  show(clip, started ? sentenceAt(clip, audio.currentTime) : -1);
  if (!audio.paused) requestAnimationFrame(() => follow(clip));
}

/** Plays sentence `index` of the clip, from its start to its end. */
export function playSentence(audio: HTMLAudioElement, index: number): void {
  const clip = clips.get(audio);
  const timing = clip?.timings[index];
  if (!clip || !timing) return;
  clip.stopAt = timing[1];
  audio.currentTime = timing[0];
  show(clip, index);
  audio.play().catch(() => undefined);
}

/** Plays the sentence `step` before or after the current one (present mode's keys). */
export function stepSentence(audio: HTMLAudioElement, step: number): void {
  const clip = clips.get(audio);
  if (!clip) return;
  const from = clip.current >= 0 ? clip.current : step > 0 ? -1 : clip.timings.length;
  playSentence(audio, Math.max(0, Math.min(clip.timings.length - 1, from + step)));
}

/** Starts read-along for every narration clip with timings on the page. */
export function startReadAlong(): void {
  for (const audio of document.querySelectorAll<HTMLAudioElement>('audio[data-timings]')) {
    let timings: [number, number][];
    try {
      timings = JSON.parse(audio.dataset['timings'] ?? '[]') as [number, number][];
    } catch {
      continue;
    }
    const clip: Clip = { audio, timings, stopAt: undefined, current: -1 };
    clips.set(audio, clip);
    // A play started by the player's own controls plays on to the end.
    audio.addEventListener('play', () => follow(clip));
    audio.addEventListener('pause', () => {
      clip.stopAt = undefined;
      follow(clip);
    });
    for (const type of ['seeked', 'ended']) audio.addEventListener(type, () => follow(clip));
    for (const piece of pieces(clip)) {
      piece.addEventListener('click', () => {
        if (getSelection()?.toString()) return;
        playSentence(audio, Number(piece.dataset['s']));
      });
    }
  }
}
