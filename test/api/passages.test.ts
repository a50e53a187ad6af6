import { describe, expect, it } from 'vitest';
import { contextAround } from '../../api/routes/passages.js';

const around = (text: string, sentence: string) => {
  const start = text.indexOf(sentence);
  return contextAround(text, start, start + sentence.length);
};

describe('contextAround', () => {
  it('keeps a short document whole around its sentence', () => {
    expect(around('Pertama. Kedua kalimat. Ketiga.', 'Kedua kalimat.')).toEqual({
      before: 'Pertama. ',
      after: ' Ketiga.',
      moreBefore: false,
      moreAfter: false,
    });
  });

  it('gives nothing before a sentence that opens the document, nothing after one that ends it', () => {
    expect(around('Awal. Akhir.', 'Awal.')).toMatchObject({ before: '', moreBefore: false });
    expect(around('Awal. Akhir.', 'Akhir.')).toMatchObject({ after: '', moreAfter: false });
  });

  it('cuts a long document at whole words, about a paragraph each side', () => {
    const words = (n: number, w: string) => Array.from({ length: n }, (_, i) => `${w}${i}`).join(' ');
    const text = `${words(200, 'sebelum')} Kalimat inti. ${words(200, 'sesudah')}`;
    const c = around(text, 'Kalimat inti.');
    expect(c.moreBefore && c.moreAfter).toBe(true);
    expect(c.before.length).toBeLessThanOrEqual(320);
    expect(c.after.length).toBeLessThanOrEqual(320);
    expect(c.before).toMatch(/^sebelum\d+ /);
    expect(c.after).toMatch(/ sesudah\d+$/);
    expect(text).toContain(`${c.before}Kalimat inti.${c.after}`);
  });

  it('gives no text before when the only way to cut at a word is the sentence itself', () => {
    const text = `${'x'.repeat(500)} Inti.`;
    expect(around(text, 'Inti.')).toMatchObject({ before: '', moreBefore: true });
    expect(around(`${'x'.repeat(500)}Inti.`, 'Inti.')).toMatchObject({ before: '', moreBefore: true });
  });
});
