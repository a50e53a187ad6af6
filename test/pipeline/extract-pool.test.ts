import { describe, expect, it } from 'vitest';
import { extract } from '../../extractors/index.js';
import { ExtractPool } from '../../pipeline/extract-pool.js';
import { processFile } from '../../pipeline/process-document.js';
import { listInputs } from '../../pipeline/read-inputs.js';

describe('the extraction pool', () => {
  it('gives, in order, the facts extraction on the main thread gives', async () => {
    const texts = [];
    for (const path of listInputs(['fixtures/corpus']).slice(0, 20)) {
      const { document } = await processFile(path);
      texts.push({ id: document.id, text: document.text, published: document.published, url: document.url });
    }
    const pool = new ExtractPool(2);
    expect(pool.size).toBe(2);
    try {
      const facts = await pool.extract(texts);
      expect(facts).toEqual(texts.map((t) => extract(t.text, { published: t.published, url: t.url }).facts));
      expect(await pool.extract([])).toEqual([]);
    } finally {
      await pool.close();
    }
  }, 30_000);
});
