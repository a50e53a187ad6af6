import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../pipeline/errors.js';
import { processBytes } from '../../pipeline/process-document.js';
import { ProcessPool } from '../../pipeline/process-pool.js';
import { listInputs } from '../../pipeline/read-inputs.js';

describe('the process pool', () => {
  it('parses and extracts on its threads what processBytes gives on this one, PDFs included', async () => {
    const files = listInputs(['fixtures/corpus']).filter((_, k) => k % 4 === 0);
    const pdfs = listInputs(['fixtures/corpus']).filter((f) => f.endsWith('.pdf'));
    const pool = new ProcessPool(2);
    try {
      const inputs = [...files, ...pdfs].map((path) => ({ path, raw: readFileSync(path) }));
      const results = await Promise.all(
        inputs.map(({ path, raw }) => pool.process(path, raw, { url: null }, null)),
      );
      for (const [k, { path, raw }] of inputs.entries())
        expect(results[k]).toEqual(await processBytes(path, raw, { url: null }, null));
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('fails a document that cannot be read with the InputError naming it', async () => {
    const pool = new ProcessPool(1);
    try {
      const failure = await pool
        .process('https://example.id/laporan.pdf', Buffer.from('%PDF-1.7 cut short'), { url: null }, null)
        .catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(InputError);
      expect((failure as InputError).source).toBe('https://example.id/laporan.pdf');
      expect((failure as Error).message).toMatch(/^https:\/\/example\.id\/laporan\.pdf: .*PDF/);
    } finally {
      await pool.close();
    }
  }, 30_000);
});
