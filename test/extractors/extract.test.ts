import { describe, expect, it } from 'vitest';
import { extract } from '../../extractors/index.js';

const facts = (text: string, published: string | null = null) =>
  extract(text, { published, url: null }).facts;

describe('what a document says about the programme', () => {
  it('reports nothing for a story that never names the programme', () => {
    const f = facts('Puskesmas Tanggul di Kabupaten Jember meraih akreditasi Paripurna, Senin (3/3).');
    expect(f).toEqual({ regencies: [], units: [], officials: [], events: [], awards: [], scores: [] });
  });

  it('reads a dated desk evaluation with its units and regency', () => {
    const f = facts(
      'Pemkab Jember mengikuti desk evaluasi Zona Integritas menuju WBK, Rabu (3/9/2025). Unit kerja yang dievaluasi yakni Puskesmas Kalisat dan Puskesmas Sumberjambe.',
    );
    expect(f.events).toMatchObject([
      { type: 'desk_evaluation', date: '2025-09-03', regency: 'Kabupaten Jember', predicate: 'WBK' },
    ]);
    expect(f.events[0]?.units).toEqual(
      expect.arrayContaining(['Puskesmas Kalisat', 'Puskesmas Sumberjambe']),
    );
    expect(f.units.map((u) => u.name)).toEqual(['Puskesmas Kalisat', 'Puskesmas Sumberjambe']);
  });

  it('keeps aims and failures out of the awards', () => {
    const f = facts(
      'Di Kota Madiun, Kecamatan Taman belum berhasil meraih predikat WBK tahun lalu. Pemkot Madiun menargetkan Kecamatan Kartoharjo meraih predikat WBK.',
      '2025-02-01',
    );
    expect(f.awards).toEqual([]);
  });

  it('lists the holders of a recap without dating their awards', () => {
    const f = facts(
      'Hingga kini sudah ada dua unit kerja di Kabupaten Ngawi yang meraih predikat WBK, yakni Dinas Kependudukan dan Pencatatan Sipil (Disdukcapil) serta RSUD dr. Soeroto.',
    );
    expect(f.awards).toMatchObject([
      { unit: 'Dinas Kependudukan dan Pencatatan Sipil', predicate: 'WBK', year: null },
      { unit: 'RSUD dr. Soeroto', predicate: 'WBK', year: null },
    ]);
    expect(f.units[0]?.aliases).toEqual(['Disdukcapil']);
  });

  it('does not count job titles, attendees and meeting rooms as units', () => {
    const f = facts(
      'Rakor Zona Integritas digelar di ruang rapat Mal Pelayanan Publik Kabupaten Kediri, Senin (2/6/2025). Turut hadir Kepala Dinas Kesehatan serta perwakilan Bappeda dan BKPSDM.',
    );
    expect(f.units).toEqual([]);
    expect(f.events).toMatchObject([
      { type: 'coordination', date: '2025-06-02', regency: 'Kabupaten Kediri' },
    ]);
  });

  it('gives a visit to the visitor and keeps the host apart', () => {
    const f = facts(
      'Sekda Kabupaten Pacitan menerima kunjungan tim Zona Integritas dari Kabupaten Trenggalek, Kamis (5/6/2025).',
    );
    expect(f.events).toMatchObject([
      { type: 'visit', date: '2025-06-05', regency: 'Kabupaten Trenggalek', host: 'Kabupaten Pacitan' },
    ]);
  });

  it('reads officials in both orders, without honorifics, and joins a later mention by one name', () => {
    const f = facts(
      'Inspektur Kabupaten Magetan, Drs. Joko Santoso, M.Si., membuka bimtek Zona Integritas. Joko Santoso menyebut... Kepala Bagian Organisasi Setda Rini Astuti hadir. Kata Rini, ZI penting.',
    );
    expect(f.officials).toMatchObject([
      { name: 'Joko Santoso', role: 'Inspektur', regency: 'Kabupaten Magetan' },
      { name: 'Rini Astuti', role: 'Kepala Bagian Organisasi Sekretariat Daerah' },
    ]);
  });

  it('reads scores with decimal commas, their year and label, and skips thresholds', () => {
    const f = facts(
      'Indeks reformasi birokrasi Kabupaten Ponorogo pada 2024 mencapai 74,80 dengan predikat BB, naik dari tahun sebelumnya yang mencatat angka 70,12. Untuk Zona Integritas, unit kerja butuh nilai minimal 75.',
    );
    expect(f.scores).toMatchObject([
      { metric: 'reformasi_birokrasi', value: 74.8, year: 2024, label: 'BB' },
      { metric: 'reformasi_birokrasi', value: 70.12, year: 2023, label: null },
    ]);
  });

  it('keeps Kota and Kabupaten of one name apart', () => {
    const f = facts(
      'Pemkot Blitar dan Pemkab Blitar sama-sama mengikuti sosialisasi Zona Integritas pada Selasa (4/3/2025). Kota Blitar membawa Kelurahan Sentul.',
    );
    expect(f.regencies).toEqual(expect.arrayContaining(['Kota Blitar']));
    expect(f.events[0]).toMatchObject({ type: 'coordination', regency: 'Kota Blitar' });
  });
});
