import { describe, expect, it } from 'vitest';
import { sentenceRanges, splitSentences } from '../../src/content/sentences.ts';

describe('sentence splitting for read-along', () => {
  it('splits Vietnamese with its diacritics, keeping quotes with their sentence', () => {
    expect(
      splitSentences('"Sang Trung Quốc làm nhà máy đi em. Lương 15 triệu một tháng. Chị lo hết tiền xe."'),
    ).toEqual(['"Sang Trung Quốc làm nhà máy đi em.', 'Lương 15 triệu một tháng.', 'Chị lo hết tiền xe."']);
    expect(splitSentences('Mai 16 tuổi. Nhà Mai nghèo! Mai có nên đi không?')).toEqual([
      'Mai 16 tuổi.',
      'Nhà Mai nghèo!',
      'Mai có nên đi không?',
    ]);
  });

  it('splits Hmong (RPA) after syllables that end in a tone letter, and before a lower-case word', () => {
    expect(splitSentences('Mai muaj 16 xyoo. Nws tsev neeg txom nyem. Mai xav mus heev.')).toEqual([
      'Mai muaj 16 xyoo.',
      'Nws tsev neeg txom nyem.',
      'Mai xav mus heev.',
    ]);
    expect(splitSentences('Nyeem tsab lus maj mam. nug cov menyuam: Mai yuav tsum ua li cas?')).toEqual([
      'Nyeem tsab lus maj mam.',
      'nug cov menyuam: Mai yuav tsum ua li cas?',
    ]);
  });

  it('splits Dao (Iu Mien Unified Script) with tone letters and apostrophes', () => {
    expect(splitSentences("Mai maaih 16 hnyangx. Mai nyei biauv zong kouv. Mai za'gengh oix mingh.")).toEqual([
      'Mai maaih 16 hnyangx.',
      'Mai nyei biauv zong kouv.',
      "Mai za'gengh oix mingh.",
    ]);
  });

  it('splits Tai Viet, which has no case, at full stops and at KOI KOI', () => {
    expect(splitSentences('"ꪼꪜ ꪹꪬꪒ ꪪꪸꪀ ꪹꪢꪉ ꪊꪲꪙ. ꪹꪒꪙ ꪼꪒ 15 ꪨꪱꪙ. ꪚꪮ ꪢꪲ ꪎꪳ ꪒꪲ ꪼꪜ."')).toEqual([
      '"ꪼꪜ ꪹꪬꪒ ꪪꪸꪀ ꪹꪢꪉ ꪊꪲꪙ.',
      'ꪹꪒꪙ ꪼꪒ 15 ꪨꪱꪙ.',
      'ꪚꪮ ꪢꪲ ꪎꪳ ꪒꪲ ꪼꪜ."',
    ]);
    expect(splitSentences('ꪣꪱꪥ 16 ꪜꪲ꫟ ꪣꪱꪥ ꪢꪱꪀ ꪼꪜ꫟')).toEqual(['ꪣꪱꪥ 16 ꪜꪲ꫟', 'ꪣꪱꪥ ꪢꪱꪀ ꪼꪜ꫟']);
  });

  it('does not split inside numbers, after abbreviations, or at an ellipsis without a space', () => {
    expect(splitSentences('Lương 15.000.000 đồng ở TP. Lào Cai. Gọi 111.')).toEqual([
      'Lương 15.000.000 đồng ở TP. Lào Cai.',
      'Gọi 111.',
    ]);
    expect(splitSentences('Wait... then call 111?! Yes.')).toEqual(['Wait...', 'then call 111?!', 'Yes.']);
  });

  it('counts a text without a final stop, like a heading, as one sentence; blank text as none', () => {
    expect(splitSentences('Một tin nhắn trên Zalo')).toEqual(['Một tin nhắn trên Zalo']);
    expect(splitSentences('  \n ')).toEqual([]);
  });

  it('gives offsets into the original text, without the spaces between sentences', () => {
    const text = ' Gọi 111.  Miễn phí. ';
    expect(sentenceRanges(text).map(({ start, end }) => [start, end, text.slice(start, end)])).toEqual([
      [1, 9, 'Gọi 111.'],
      [11, 20, 'Miễn phí.'],
    ]);
  });
});
