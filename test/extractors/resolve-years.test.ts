import { describe, expect, it } from 'vitest';
import { extract } from '../../extractors/index.js';
import { formatDate } from '../../extractors/refiners/resolve-years.js';
import type { DateMention } from '../../models/index.js';

/** The dates a text yields, as zi-gold/1 writes them, given a publication date. */
function datesOf(text: string, published: string | null): (string | null)[] {
  return extract(text, { published, url: null })
    .mentions.filter((m): m is DateMention => m.kind === 'date')
    .map(formatDate);
}

describe('dates and their years', () => {
  it.each([
    // year written in the text
    ['Rapat digelar Jumat (11/10/2024).', null, ['2024-10-11']],
    ['Rapat digelar Senin (20/10/25) lalu.', null, ['2025-10-20']],
    ['Digelar pada Selasa, 12 November 2024 di aula.', null, ['2024-11-12']],
    ['Pada Oktober 2024 tim datang.', null, ['2024-10']],
    // year from the publication date
    ['Rapat digelar Kamis (28/8).', '2025-09-02', ['2025-08-28']],
    ['Acara berlangsung (23/02).', '2025-03-01', ['2025-02-23']],
    ['Digelar Selasa (10/12).', '2025-01-08', ['2024-12-10']],
    ['Digelar (10/12).', '2025-01-08', ['2024-12-10']],
    ['Digelar 17 Agustus lalu.', '2024-09', ['2024-08-17']],
    // the weekday must fit the year near publication
    ['Digelar Rabu (28/8).', '2025-09-02', ['XXXX-08-28']],
    // without a publication date, the weekday picks among the years the story writes
    ['Rakor tahun 2022 digelar Selasa (17/5).', null, ['2022', '2022-05-17']],
    ['Sejak 2018 hingga kini. Digelar Selasa (17/5).', null, ['2018', 'XXXX-05-17']],
    ['Digelar Senin (17/2).', null, ['XXXX-02-17']],
    ['Digelar (17/2) pada WBK tahun 2024.', null, ['2024-02-17', '2024']],
    ['Digelar (17/2) pada 2023 dan 2024.', null, ['XXXX-02-17', '2023', '2024']],
    // relative years
    ['Pada tahun lalu gagal.', '2025-05-01', ['2024']],
    ['Untuk tahun ini diusulkan.', '2024-06', ['2024']],
    ['Tahun depan diusulkan lagi.', '2024-06', ['2025']],
    ['Pada tahun lalu gagal.', null, [null]],
    ['Jumat (11/10/2024) dievaluasi. Untuk tahun ini diusulkan.', null, ['2024-10-11', '2024']],
    // not dates
    ['Sesuai PermenPANRB Nomor 90 Tahun 2021.', null, []],
    ['Skor 45/100 diperoleh.', null, []],
    ['Anggaran Rp 2.024 juta.', null, []],
  ])('%s (published %s)', (text, published, expected) => {
    expect(datesOf(text, published)).toEqual(expected);
  });
});
