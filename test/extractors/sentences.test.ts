import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../extractors/sentences.js';

const split = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it.each([
    ['Kepala Dinkes dr. Budi hadir. Acara dimulai.', ['Kepala Dinkes dr. Budi hadir.', 'Acara dimulai.']],
    ['Warga Kab. Lumajang datang. Mereka senang.', ['Warga Kab. Lumajang datang.', 'Mereka senang.']],
    ['Surat No. 12 terbit. Isinya jelas.', ['Surat No. 12 terbit.', 'Isinya jelas.']],
    ['Oleh H. Abd. Hamid, S.Sos., M.Si. Ia bicara.', ['Oleh H. Abd. Hamid, S.Sos., M.Si. Ia bicara.']],
    ['Judul Berita\nParagraf pertama.', ['Judul Berita', 'Paragraf pertama.']],
    ['“Kami siap,” ujarnya. Lalu pulang.', ['“Kami siap,” ujarnya.', 'Lalu pulang.']],
    ['Ia berkata: “Selesai.” Semua diam.', ['Ia berkata: “Selesai.”', 'Semua diam.']],
    ['Nilai 81,57 dicapai. Naik dari 77,26.', ['Nilai 81,57 dicapai.', 'Naik dari 77,26.']],
    ['pukul 09.00 WIB. Acara usai.', ['pukul 09.00 WIB.', 'Acara usai.']],
    ['Apa itu ZI? Ini jawabnya!', ['Apa itu ZI?', 'Ini jawabnya!']],
    ['Rp 2.500 dibayar. lalu pergi', ['Rp 2.500 dibayar. lalu pergi']],
    ['', []],
    ['\n\n.\n', []],
  ])('%j', (text, expected) => {
    expect(split(text)).toEqual(expected);
  });
});
