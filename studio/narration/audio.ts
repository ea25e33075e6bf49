/**
 * Narration audio in the Studio: whatever the microphone or an uploaded file gives, turned into
 * the one format lessons ship in: MP3, mono, 16 kHz, constant 24 kbit/s (about 180 KB a minute).
 *
 * Why MP3 and constant bit rate: every browser a classroom has plays it (Android Chrome, desktop
 * Chrome, Firefox, Safari), the site and the pack files already take it, and a constant bit rate
 * lets a player seek to a sentence's start exactly; a variable-rate file without a seek table
 * lands beside it, which is one way read-along highlights drift. MediaRecorder's own output
 * (WebM/Opus in Chrome, MP4/AAC in Safari) is neither playable everywhere nor seekable in Chrome
 * (no duration, no cues), so it is decoded with Web Audio and encoded again with LAME
 * (`@breezystack/lamejs`, a maintained JavaScript build of the LAME encoder).
 */
import { Mp3Encoder } from '@breezystack/lamejs';

/** Speech-rate encoding: mono, 16 kHz (wide-band speech), 24 kbit/s constant. */
export const narrationFormat = { sampleRate: 16_000, kbps: 24, mimeType: 'audio/mpeg', extension: 'mp3' } as const;

/**
 * How much later (s) a sound is heard in the MP3 than it was in the PCM: LAME's encoder delay
 * (576 samples) plus the MDCT decoder delay (529), per LAME's technical FAQ. Browsers drop it only
 * when a LAME gapless tag says so, and LAME's JavaScript build writes none, so timings measured on
 * the PCM are moved by this much or every highlight would come 69 ms early.
 */
export const encoderDelay = (576 + 529) / narrationFormat.sampleRate;

/** Samples per MP3 frame at 16 kHz (MPEG-2 Layer III). */
const frameSamples = 576;

/**
 * Encodes mono PCM (−1…1) as MP3 at `narrationFormat`'s rate. `onProgress` gets 0…1 as it goes;
 * the encoder yields to the page between chunks so that progress is drawn on long clips.
 */
export async function encodeMp3(
  samples: Float32Array,
  sampleRate: number = narrationFormat.sampleRate,
  onProgress?: (fraction: number) => void,
): Promise<Blob> {
  const encoder = new Mp3Encoder(1, sampleRate, narrationFormat.kbps);
  const parts: BlobPart[] = [];
  const chunk = frameSamples * 200;
  for (let at = 0; at < samples.length; at += chunk) {
    const slice = samples.subarray(at, Math.min(samples.length, at + chunk));
    const pcm = new Int16Array(slice.length);
    for (let i = 0; i < slice.length; i += 1) {
      const s = Math.max(-1, Math.min(1, slice[i] ?? 0));
      pcm[i] = s < 0 ? s * 0x8000 : s * 0x7fff;
    }
    const bytes = encoder.encodeBuffer(pcm);
    if (bytes.length > 0) parts.push(new Uint8Array(bytes));
    onProgress?.(Math.min(1, (at + slice.length) / samples.length));
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  const last = encoder.flush();
  if (last.length > 0) parts.push(new Uint8Array(last));
  return new Blob(parts, { type: narrationFormat.mimeType });
}

/** The audio of a recording or file was not something the browser could decode. */
export class UndecodableAudio extends Error {
  override name = 'UndecodableAudio';
}

/**
 * Decodes any audio the browser reads (WebM, Ogg, MP3, M4A, WAV…) to mono PCM at `sampleRate`,
 * mixed down and resampled by an OfflineAudioContext. Throws `UndecodableAudio` otherwise.
 */
export async function decodeMono(
  data: Blob,
  sampleRate: number = narrationFormat.sampleRate,
): Promise<{ samples: Float32Array; sampleRate: number }> {
  const context = new AudioContext();
  let decoded: AudioBuffer;
  try {
    decoded = await context.decodeAudioData(await data.arrayBuffer());
  } catch (error) {
    throw new UndecodableAudio(error instanceof Error ? error.message : String(error));
  } finally {
    void context.close();
  }
  if (decoded.length === 0) throw new UndecodableAudio('no samples');
  const offline = new OfflineAudioContext(1, Math.ceil(decoded.duration * sampleRate), sampleRate);
  const source = offline.createBufferSource();
  source.buffer = decoded;
  source.connect(offline.destination);
  source.start();
  const rendered = await offline.startRendering();
  return { samples: rendered.getChannelData(0), sampleRate };
}

/** What MediaRecorder should write, best first: all are decoded and encoded again afterwards. */
export function recorderOptions(): MediaRecorderOptions {
  const types = ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus', 'audio/mp4'];
  const mimeType = types.find((type) => MediaRecorder.isTypeSupported(type));
  return { ...(mimeType ? { mimeType } : {}), audioBitsPerSecond: 64_000 };
}

/** Microphone settings for a voice: one channel, the browser's echo and noise filters on. */
export const microphone: MediaStreamConstraints = {
  audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true, autoGainControl: true },
};
