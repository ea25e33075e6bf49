/**
 * What the narration input says, in the Studio's language (Vietnamese) with English after it, as
 * the rest of this Studio does. Kept apart from the component so that the wording is read and
 * tested in one place.
 */
import { fittingTimings, type SentenceTiming } from '../../src/content/narration.ts';
import type { TimingSource } from './clip.ts';

/** The microphone error in the narrator's terms. */
export function microphoneMessage(error: unknown): string {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError')
    return 'Trình duyệt chặn micrô: cho phép micrô ở thanh địa chỉ rồi thử lại. (The browser blocked the microphone: allow it in the address bar and try again.)';
  if (name === 'NotFoundError' || name === 'OverconstrainedError')
    return 'Không tìm thấy micrô. Cắm micrô hoặc tải lên một tệp. (No microphone found. Plug one in or upload a file.)';
  if (name === 'NotReadableError') return 'Micrô đang được ứng dụng khác dùng. (Another app is using the microphone.)';
  return `Không ghi âm được. (Could not record: ${error instanceof Error ? error.message : String(error)})`;
}

/** What read-along will do with these timings, in one line. */
export function fitMessage(
  timings: readonly SentenceTiming[],
  count: number,
  /** The clip's length (s) once the player knows it. */
  duration?: number,
): { tone: 'positive' | 'caution'; text: string } {
  const sentencesEn = count === 1 ? '1 sentence' : `${String(count)} sentences`;
  if (count === 0)
    return {
      tone: 'caution',
      text: 'Slide này chưa có chữ ở ngôn ngữ này: lời đọc phát được nhưng không tô câu. (No text in this language yet: the narration plays without read-along.)',
    };
  if (timings.length !== count)
    return {
      tone: 'caution',
      text: `Chữ có ${String(count)} câu, lời đọc có ${String(timings.length)} mốc: chưa tô câu được. Ghi âm lại hoặc bấm “Tìm lại mốc câu”. (The text has ${sentencesEn}, the narration ${String(timings.length)} timings: read-along is off until you re-record or find the timings again.)`,
    };
  if (!fittingTimings(timings, count))
    return {
      tone: 'caution',
      text: 'Có câu kết thúc trước khi bắt đầu, chồng lên câu sau hoặc sai thứ tự: chưa tô câu được. (A sentence ends before it starts, runs into the next or is out of order: read-along is off until fixed.)',
    };
  const last = timings.at(-1);
  if (duration !== undefined && Number.isFinite(duration) && last && last.end > duration + 0.05)
    return {
      tone: 'caution',
      text: `Câu cuối kết thúc sau khi bản ghi hết (${duration.toFixed(2)} s): hãy sửa. (The last sentence ends after the clip does: fix it.)`,
    };
  return { tone: 'positive', text: `Đọc theo: bật · ${String(count)} câu. (Read-along on: ${sentencesEn}.)` };
}

/** How the timings of a new clip were found, so the narrator knows what to check. */
export const foundMessage: Record<TimingSource, string> = {
  taps: 'Mốc câu lấy từ lúc bấm “Câu tiếp”, đặt vào chỗ ngừng gần nhất. (Timings from your taps, moved into the nearest pause.)',
  tapsThenPauses:
    'Mốc các câu đầu lấy từ lúc bấm “Câu tiếp”, các câu sau từ chỗ ngừng dài nhất: nghe lại các câu sau. (Timings from your taps, then from the longest pauses after your last tap: listen to those sentences.)',
  pauses:
    'Mốc câu lấy từ những chỗ ngừng dài nhất: nghe lại từng câu. (Timings from the longest pauses: listen to each sentence.)',
  length:
    'Không đủ chỗ ngừng: mốc câu ước theo độ dài câu, hãy chỉnh. (Too few pauses: timings estimated from sentence length; adjust them.)',
  none: 'Không có mốc câu. (No sentence timings.)',
};

export const audioMessages = {
  nothingHeard:
    'Không nghe thấy tiếng nói trong bản ghi: kiểm tra micrô rồi ghi lại. (Nothing was heard in the recording: check the microphone and record again.)',
  undecodable:
    'Trình duyệt không đọc được tệp âm thanh này. Hãy dùng MP3, M4A, OGG, WebM hoặc WAV. (The browser cannot read this audio file: use MP3, M4A, OGG, WebM or WAV.)',
  insecure:
    'Trình duyệt chỉ cho dùng micrô trên https hoặc localhost: mở Studio qua https, hoặc tải lên một tệp. (Browsers give the microphone only to https or localhost: open the Studio over https, or upload a file.)',
  cannotRecord:
    'Trình duyệt này không ghi âm được: hãy tải lên một tệp. (This browser cannot record: upload a file instead.)',
  noSpeechInSaved: 'Không tìm thấy tiếng nói trong tệp. (No speech found in the file.)',
  tooShort:
    'Bản ghi quá ngắn so với số câu của slide: bản ghi trước (nếu có) vẫn giữ nguyên. Ghi lại. (The recording is too short for the slide’s sentences; any earlier one is kept. Record again.)',
  microphoneEnded:
    'Micrô đã ngắt giữa chừng: phần đã ghi được giữ lại bên dưới. (The microphone stopped mid-recording: what was recorded is kept below.)',
  replaceDraft: 'Bỏ bản ghi chưa lưu và ghi âm lại? (Discard the unsaved recording and record again?)',
  ready: 'Bản ghi mới đã sẵn sàng: nghe lại rồi lưu. (The new recording is ready: listen, then save.)',
  saved: 'Đã lưu lời đọc. (Narration saved.)',
  goneElsewhere:
    'Bản ghi chưa lưu này đã được lưu hoặc bỏ ở một thẻ khác. (This unsaved recording was saved or discarded in another tab.)',
  recordedElsewhere: 'Slide này đang được ghi âm ở một thẻ khác. (This slide is being recorded in another tab.)',
} as const;

/** A failure the narrator can do nothing about but report, with its detail. */
export const failed = (what: string, error: unknown): string =>
  `${what} (${error instanceof Error ? error.message : String(error)})`;
