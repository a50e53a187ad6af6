import { describe, expect, it } from 'vitest';
import { processBytes } from '../../pipeline/process-document.js';
import { makeTablePdf } from '../helpers/make-pdf.js';

/** Units of a provincial award list, each with its regency and predicate; enough rows to run onto page 2. */
const AWARDED: readonly (readonly [unit: string, regency: string, predicate: 'WBK' | 'WBBM'])[] = [
  ['Rumah Sakit Umum Daerah Ajibarang', 'Kabupaten Banyumas', 'WBBM'],
  ['Puskesmas Kembaran I', 'Kabupaten Banyumas', 'WBK'],
  ['Kecamatan Sokaraja', 'Kabupaten Banyumas', 'WBK'],
  ['Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', 'Kabupaten Purbalingga', 'WBK'],
  ['Puskesmas Bojongsari', 'Kabupaten Purbalingga', 'WBK'],
  ['Dinas Kependudukan dan Pencatatan Sipil', 'Kabupaten Wonosobo', 'WBBM'],
  ['Puskesmas Kertek 1', 'Kabupaten Wonosobo', 'WBK'],
  ['Puskesmas Parakan', 'Kabupaten Temanggung', 'WBK'],
  ['Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', 'Kabupaten Temanggung', 'WBK'],
  ['Badan Pendapatan Daerah', 'Kabupaten Kudus', 'WBK'],
  ['Rumah Sakit Umum Daerah dr. Loekmono Hadi', 'Kabupaten Kudus', 'WBK'],
  ['Satuan Polisi Pamong Praja', 'Kabupaten Kendal', 'WBK'],
  ['Kecamatan Weleri', 'Kabupaten Kendal', 'WBK'],
  ['Puskesmas Patebon 01', 'Kabupaten Kendal', 'WBK'],
  ['Dinas Komunikasi dan Informatika', 'Kota Salatiga', 'WBK'],
  ['Kelurahan Mangunsari', 'Kota Salatiga', 'WBK'],
  ['Kecamatan Laweyan', 'Kota Surakarta', 'WBBM'],
  ['Puskesmas Gajahan', 'Kota Surakarta', 'WBK'],
  ['Dinas Perpustakaan dan Kearsipan', 'Kabupaten Batang', 'WBK'],
  ['Kecamatan Bawang', 'Kabupaten Batang', 'WBK'],
];

describe('a PDF award list', () => {
  it('gives every unit of its ruled table, on both pages, its award', async () => {
    const pdf = await makeTablePdf(
      [
        'Keputusan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi tentang penetapan unit kerja berpredikat Menuju Wilayah Bebas dari Korupsi (WBK) dan Menuju Wilayah Birokrasi Bersih dan Melayani (WBBM) tahun 2024 ditetapkan di Jakarta pada tanggal 10 Desember 2024.',
        'Kutipan ini memuat unit kerja pada pemerintah kabupaten/kota di wilayah Provinsi Jawa Tengah yang ditetapkan berpredikat Menuju WBK atau Menuju WBBM, dan disampaikan kepada Bupati/Wali Kota yang bersangkutan sebagai bahan pembinaan serta pemantauan pembangunan Zona Integritas di daerah masing-masing.',
      ],
      [
        { header: 'No', width: 30, align: 'center' },
        { header: 'Instansi/Unit Kerja', width: 364 },
        { header: 'Predikat', width: 77, align: 'center' },
      ],
      // The one column holds the government above the unit, on two lines, as such lists print it.
      AWARDED.map(([unit, regency, predicate], i) => [
        `${i + 1}.`,
        `Pemerintah ${regency}\n${unit}`,
        `Menuju ${predicate}`,
      ]),
    );
    const { document, facts } = await processBytes('daftar-wbk-wbbm-2024.pdf', pdf, {});
    expect(document.pages?.map((p) => p.page)).toEqual([1, 2]);
    const last = AWARDED.at(-1)?.[0] as string;
    const secondPage = document.pages?.[1] as { start: number; end: number };
    expect(document.text.slice(secondPage.start, secondPage.end)).toContain(last);
    const awards = facts.awards.map((a) => [a.unit, a.regency, a.predicate, a.year]);
    expect(awards.sort()).toEqual(AWARDED.map((row) => [...row, 2024]).sort());
  });
});
