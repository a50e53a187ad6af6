import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileSource, DEFAULT_USER_AGENT, type Source, SourcesFileSchema } from '../../models/sources.js';
import { loadSources, parseSources, SourcesError } from '../../pipeline/sources/load-sources.js';

const tmp = mkdtempSync(join(tmpdir(), 'zi-sources-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The problems a file's text is rejected with; fails the test if it is accepted. */
function problemsOf(text: string, name = 'sources.yml'): readonly string[] {
  try {
    parseSources(text, name);
  } catch (e) {
    expect(e).toBeInstanceOf(SourcesError);
    expect((e as SourcesError).message).toBe((e as SourcesError).problems.join('\n'));
    return (e as SourcesError).problems;
  }
  throw new Error(`${name} was accepted`);
}

// Lines 1-4: a valid first source, so every case below names sources[1] on line 5 onwards.
const FIRST = `sources:
  - name: antara-jatim
    startUrls: [https://jatim.antaranews.com/tag/zona-integritas]
    articles: '^https://jatim\\.antaranews\\.com/berita/\\d+/'
`;

/** A file whose second source (line 5 on) is radar-jember with `fields` replacing or adding to its own. */
function withSecond(fields: Record<string, string | null>): string {
  const source: Record<string, string | null> = {
    name: 'radar-jember',
    startUrls: '[https://radarjember.jawapos.com/tag/zona-integritas]',
    articles: "'^https://radarjember\\.jawapos\\.com/[a-z0-9-]+/\\d{6,}/'",
    ...fields,
  };
  const lines = Object.entries(source).flatMap(([k, v]) => (v === null ? [] : [`    ${k}: ${v}`]));
  return `${FIRST}${lines.join('\n').replace(/^ {4}/, '  - ')}\n`;
}

describe('sources.example.yml', () => {
  const example = loadSources('sources.example.yml');
  const byName = new Map(example.sources.map((s) => [s.name, s]));

  it('validates, with 6 to 10 sources whose patterns all compile', () => {
    expect(example.sources.length).toBeGreaterThanOrEqual(6);
    expect(example.sources.length).toBeLessThanOrEqual(10);
    for (const source of example.sources) expect(() => compileSource(source)).not.toThrow();
  });

  // URLs these sites have published (seen in public copies of their pages): the patterns must take them.
  it.each([
    ['menpan', 'https://menpan.go.id/site/berita-terkini/198-instansi-canangkan-pembangunan-zona-integritas'],
    [
      'ombudsman',
      'https://ombudsman.go.id/news/r/peran-ombudsman-ri-dalam-penilaian-pembangunan-zona-integritas-menuju-wbk-dan-wbbm',
    ],
    [
      'ombudsman',
      'https://ombudsman.go.id/artikel/r/artikel--ombudsman-kepri-harapkan-komitmen-layanan-tanpa-korupsi-',
    ],
    [
      'pemkot-probolinggo',
      'https://humasprotokol.probolinggokota.go.id/archives/1841/setelah-pa-giliran-pn-canangkan-zona-integritas/',
    ],
    [
      'pa-semarang',
      'https://pa-semarang.go.id/id/berita-seputar-pa/272-pengadilan-agama-wonosari-jadikan-pengadilan-agama-semarang-barometer-pembangunan-zona-integritas',
    ],
    [
      'kemenkumham-sumsel',
      'https://sumsel.kemenkumham.go.id/berita-utama/11-satker-kemenkumham-sumsel-masuk-penilaian-internal-wbk-wbbm',
    ],
    [
      'pemkab-mojokerto',
      'https://mojokertokab.go.id/detail-berita/peninjauan-evaluasi-penilaian-reformasi-birokrasi-menuju-wbk-dan-wbbm-10-instansi-pemkab-masuk-penilaian',
    ],
    [
      'sippn-menpan',
      'https://sippn.menpan.go.id/berita/84055/kantor-imigrasi-kelas-ii-non-tpi-wonosobo/relokasi-lapas-pekalongan-plt-kakanwil-kemenkumham-jateng-tinjau-lahan',
    ],
  ])('%s takes %s as an article', (name, url) => {
    const source = byName.get(name) as Source;
    const patterns = compileSource(source);
    expect(patterns.follow.some((p) => p.test(url))).toBe(false);
    expect(patterns.articles.test(url)).toBe(true);
    expect(source.allowedHosts).toContain(new URL(url).hostname);
  });

  it('follows listing pages and leaves AMP copies alone', () => {
    const antara = compileSource(byName.get('antara-jatim') as Source);
    expect(antara.follow.some((p) => p.test('https://jatim.antaranews.com/tag/zona-integritas/2'))).toBe(
      true,
    );
    expect(antara.articles.test('https://jatim.antaranews.com/amp/berita/708060/x')).toBe(false);
  });
});

describe('defaults', () => {
  it('fills every optional field', () => {
    const file = parseSources(
      "sources:\n  - name: menpan\n    startUrls: [https://www.menpan.go.id/site/berita-terkini]\n    articles: 'x'\n",
      'sources.yml',
    );
    expect(file).toEqual({
      userAgent: DEFAULT_USER_AGENT,
      sources: [
        {
          name: 'menpan',
          startUrls: ['https://www.menpan.go.id/site/berita-terkini'],
          feeds: [],
          sitemaps: [],
          follow: [],
          articles: 'x',
          reports: [],
          schedule: '0 */6 * * *',
          timezone: 'Asia/Jakarta',
          rate: { minDelaySeconds: 1, concurrency: 1 },
          pageLimit: 500,
          allowedHosts: ['www.menpan.go.id'],
        },
      ],
    });
    expect(DEFAULT_USER_AGENT).toMatch(/^zi-timeline\/\d+\.\d+\.\d+ \(\+https:\/\/github\.com\/CHANGE-ME\//);
  });

  it('fills rate fields one by one', () => {
    const [source] = parseSources(
      withSecond({ rate: '{ minDelaySeconds: 4 }' }),
      'sources.yml',
    ).sources.slice(1);
    expect(source?.rate).toEqual({ minDelaySeconds: 4, concurrency: 1 });
  });

  it('adds the start hosts to allowedHosts, once each, start hosts first', () => {
    const text = withSecond({
      sitemaps: '[https://radarjember.jawapos.com/sitemap.xml, https://jawapos.com/sitemap.xml]',
      allowedHosts: '[cdn.jawapos.com, jawapos.com]',
    });
    const [, radar] = parseSources(text, 'sources.yml').sources;
    expect(radar?.allowedHosts).toEqual(['radarjember.jawapos.com', 'jawapos.com', 'cdn.jawapos.com']);
  });

  it('keeps validated data plain: it survives JSON (BullMQ job data) and validates again unchanged', () => {
    const file = loadSources('sources.example.yml');
    const copy = JSON.parse(JSON.stringify(file));
    expect(copy).toEqual(file);
    expect(SourcesFileSchema.parse(copy)).toEqual(file);
  });

  it('compiles patterns with the unicode flag', () => {
    const patterns = compileSource({ follow: ['^a'], articles: '\\p{L}+', reports: ['\\.pdf$'] });
    expect(patterns.articles.flags).toBe('u');
    expect(patterns.articles.test('Pengumuman')).toBe(true);
    expect(patterns.follow[0]?.test('ab')).toBe(true);
    expect(patterns.reports[0]?.test('https://x.go.id/lhe.pdf')).toBe(true);
  });

  it('accepts six-field cron with seconds and any IANA zone', () => {
    const text = withSecond({ schedule: "'30 0 */6 * * *'", timezone: 'Asia/Makassar' });
    expect(parseSources(text, 'sources.yml').sources[1]).toMatchObject({
      schedule: '30 0 */6 * * *',
      timezone: 'Asia/Makassar',
    });
  });
});

describe('problems name the file, line, source and field', () => {
  it.each([
    [
      'bad regex',
      { articles: "'('" },
      'sources.yml:7:5: sources[1] (radar-jember).articles: "(" is not a valid regular expression (Unterminated group)',
    ],
    [
      'bad regex in a list',
      { follow: "['^https://radarjember\\.jawapos\\.com/tag/[a-z']" },
      'sources.yml:8:14: sources[1] (radar-jember).follow[0]: "^https://radarjember\\\\.jawapos\\\\.com/tag/[a-z" is not a valid regular expression (Unterminated character class)',
    ],
    [
      'escape the unicode flag rejects',
      { reports: "['\\-lampiran\\.pdf$']" },
      'sources.yml:8:15: sources[1] (radar-jember).reports[0]: "\\\\-lampiran\\\\.pdf$" is not a valid regular expression (Invalid escape)',
    ],
    [
      'empty pattern',
      { articles: "''" },
      'sources.yml:7:5: sources[1] (radar-jember).articles: must not be empty (an empty pattern matches every URL)',
    ],
    [
      'truncated cron',
      { schedule: "'*/5 * *'" },
      'sources.yml:8:5: sources[1] (radar-jember).schedule: "*/5 * *" is not a cron expression (3 fields; expected 5, or 6 with seconds first)',
    ],
    [
      'cron out of range',
      { schedule: "'61 * * * *'" },
      'sources.yml:8:5: sources[1] (radar-jember).schedule: "61 * * * *" is not a cron expression (Constraint error, got value 61 expected range 0-59)',
    ],
    [
      'cron with H',
      { schedule: "'H 6 * * *'" },
      'sources.yml:8:5: sources[1] (radar-jember).schedule: "H 6 * * *" uses H, which BullMQ would re-randomise before every run; write the minute out',
    ],
    [
      'bad timezone',
      { timezone: 'WIB' },
      'sources.yml:8:5: sources[1] (radar-jember).timezone: "WIB" is not an IANA time zone (e.g. Asia/Jakarta, Asia/Makassar, Asia/Jayapura)',
    ],
    [
      'nothing to start from',
      { startUrls: null },
      'sources.yml:5:5: sources[1] (radar-jember): needs at least one of startUrls, feeds or sitemaps to start from',
    ],
    [
      'non-http URL',
      { feeds: '[ftp://radarjember.jawapos.com/rss]' },
      'sources.yml:8:13: sources[1] (radar-jember).feeds[0]: "ftp://radarjember.jawapos.com/rss" is not an absolute http(s) URL',
    ],
    [
      'relative URL',
      { startUrls: '[/tag/zona-integritas]' },
      'sources.yml:6:17: sources[1] (radar-jember).startUrls[0]: "/tag/zona-integritas" is not an absolute http(s) URL',
    ],
    [
      'negative delay',
      { rate: '{ minDelaySeconds: -1 }' },
      'sources.yml:8:13: sources[1] (radar-jember).rate.minDelaySeconds: must be 0 or more (seconds)',
    ],
    [
      'concurrency 0',
      { rate: '{ concurrency: 0 }' },
      'sources.yml:8:13: sources[1] (radar-jember).rate.concurrency: must be at least 1',
    ],
    [
      'pageLimit 0',
      { pageLimit: '0' },
      'sources.yml:8:5: sources[1] (radar-jember).pageLimit: must be at least 1',
    ],
    [
      'pageLimit too big',
      { pageLimit: '100001' },
      'sources.yml:8:5: sources[1] (radar-jember).pageLimit: must be at most 100000',
    ],
    [
      'pageLimit fractional',
      { pageLimit: '2.5' },
      'sources.yml:8:5: sources[1] (radar-jember).pageLimit: must be a whole number of pages',
    ],
    [
      'name not a slug',
      { name: "'Radar Jember'" },
      'sources.yml:5:5: sources[1] (Radar Jember).name: must be a lowercase slug: a-z, 0-9 and single hyphens between them (e.g. radar-jember)',
    ],
    [
      'host with a scheme',
      { allowedHosts: '[https://cdn.jawapos.com]' },
      'sources.yml:8:20: sources[1] (radar-jember).allowedHosts[0]: "https://cdn.jawapos.com" is not a host name (lowercase, no scheme, port or path: e.g. www.menpan.go.id)',
    ],
    [
      'typo in a field name',
      { sitemap: '[https://radarjember.jawapos.com/sitemap.xml]' },
      'sources.yml:8:5: sources[1] (radar-jember).sitemap: unknown field (did you mean "sitemaps"?)',
    ],
    [
      'typo in a rate field',
      { rate: '{ min_delay_seconds: 2 }' },
      'sources.yml:8:13: sources[1] (radar-jember).rate.min_delay_seconds: unknown field (did you mean "minDelaySeconds"?)',
    ],
    [
      'a field that is nothing like one',
      { language: 'id' },
      'sources.yml:8:5: sources[1] (radar-jember).language: unknown field (allowed here: name, startUrls, feeds, sitemaps, follow, articles, reports, schedule, timezone, rate, pageLimit, allowedHosts)',
    ],
    [
      'a list given as text',
      { startUrls: 'https://radarjember.jawapos.com/' },
      'sources.yml:6:5: sources[1] (radar-jember).startUrls: expected a list, got text ("https://radarjember.jawapos.com/")',
    ],
    [
      'a number given as text',
      { pageLimit: 'many' },
      'sources.yml:8:5: sources[1] (radar-jember).pageLimit: expected a number, got text ("many")',
    ],
    [
      'a mapping given as a number',
      { rate: '5' },
      'sources.yml:8:5: sources[1] (radar-jember).rate: expected a mapping, got a number (5)',
    ],
    [
      'text given as a list',
      { schedule: '[0, 6]' },
      'sources.yml:8:5: sources[1] (radar-jember).schedule: expected text, got a list',
    ],
    [
      'an empty value',
      { articles: '' },
      'sources.yml:7:5: sources[1] (radar-jember).articles: expected text, got an empty value',
    ],
    [
      'a required field missing',
      { articles: null },
      'sources.yml:5:5: sources[1] (radar-jember).articles: required field is missing',
    ],
  ])('%s', (_, fields, expected) => {
    expect(problemsOf(withSecond(fields))).toEqual([expected]);
  });

  it('a duplicate name points at the second use and names the first', () => {
    const text = `${FIRST}  - name: antara-jatim\n    feeds: [https://jatim.antaranews.com/rss/terkini.xml]\n    articles: x\n`;
    expect(problemsOf(text)).toEqual([
      'sources.yml:5:5: sources[1] (antara-jatim).name: "antara-jatim" is also the name of sources[0]',
    ]);
  });

  it('top-level fields are checked too', () => {
    expect(problemsOf(`${FIRST}source: []\nuserAgent: "zi\\tcrawler"\n`)).toEqual([
      'sources.yml:5:1: source: unknown field (did you mean "sources"?)',
      'sources.yml:6:1: userAgent: must be printable ASCII on one line (it is sent as an HTTP header)',
    ]);
    expect(problemsOf('sources: []\n')).toEqual(['sources.yml:1:1: sources: needs at least one source']);
    expect(problemsOf('userAgent: zi\n')).toEqual(['sources.yml:1:1: sources: required field is missing']);
    expect(problemsOf('sources:\n  name: x\n')).toEqual([
      'sources.yml:1:1: sources: expected a list, got a mapping',
    ]);
  });

  it('every problem of a file is reported, in file order', () => {
    const problems = problemsOf(
      withSecond({ pageLimit: '0', schedule: "'* *'", sitemap: '[]', timezone: 'WIB' }),
    );
    expect(problems.map((p) => p.split(': ')[0])).toEqual([
      'sources.yml:8:5',
      'sources.yml:9:5',
      'sources.yml:10:5',
      'sources.yml:11:5',
    ]);
    expect(problems[2]).toContain('.sitemap: unknown field');
  });
});

describe('files that are not a sources file at all', () => {
  it.each([
    ['a tab as indentation', 'sources:\n  - name: x\n\tarticles: y\n', 'Tabs are not allowed as indentation'],
    ['a key out of line', 'sources:\n  - name: x\n   articles: y\n', 'Sequence item without - indicator'],
  ])('a YAML syntax error gives its line and column: %s', (_, text, message) => {
    expect(problemsOf(text)).toEqual([`sources.yml:3:1: not valid YAML: ${message}`]);
  });

  it('an unquoted cron expression is explained', () => {
    const [problem] = problemsOf(withSecond({ schedule: '*/30 * * * *' }));
    expect(problem).toMatch(/^sources\.yml:8:\d+: not valid YAML: .*quote cron expressions/);
  });

  it('a duplicate key in YAML is an error', () => {
    const text = `${withSecond({ schedule: "'0 1 * * *'" })}    schedule: '0 2 * * *'\n`;
    expect(problemsOf(text)).toEqual([
      expect.stringMatching(/^sources\.yml:9:5: not valid YAML: Map keys must be unique/),
    ]);
  });

  it.each([
    ['an empty file', '', 'sources.yml: is empty: expected a mapping with a "sources" list'],
    ['blank lines', '\n  \n', 'sources.yml: is empty: expected a mapping with a "sources" list'],
    [
      'comments only',
      '# sources\n# none yet\n',
      'sources.yml: is empty: expected a mapping with a "sources" list',
    ],
    [
      'a list',
      '- name: x\n',
      'sources.yml:1:1: the top level is a list: expected a mapping with a "sources" list',
    ],
    [
      'text',
      'radar-jember\n',
      'sources.yml:1:1: the top level is text ("radar-jember"): expected a mapping with a "sources" list',
    ],
    [
      'null',
      '~\n',
      'sources.yml:1:1: the top level is an empty value: expected a mapping with a "sources" list',
    ],
  ])('%s', (_, text, expected) => {
    expect(problemsOf(text)).toEqual([expected]);
  });

  it('an alias without its anchor', () => {
    expect(problemsOf('sources: *all\n')).toEqual([
      expect.stringMatching(/^sources\.yml: not usable YAML: Unresolved alias/),
    ]);
  });

  it('a name without a known extension', () => {
    expect(problemsOf('sources: []', 'sources.txt')).toEqual([
      'sources.txt: expected a .yml, .yaml or .json file',
    ]);
    expect(() => loadSources(join(tmp, 'sources.toml'))).toThrow(
      'sources.toml: expected a .yml, .yaml or .json file',
    );
  });

  it('a missing file', () => {
    const path = join(tmp, 'missing.yml');
    expect(() => loadSources(path)).toThrow(new SourcesError(path, [`${path}: no such file`]));
  });

  it('a directory', () => {
    const path = join(tmp, 'dir.yaml');
    mkdirSync(path);
    expect(() => loadSources(path)).toThrow(`${path}: is a directory, not a sources file`);
  });
});

describe('JSON', () => {
  const json = JSON.stringify(
    {
      sources: [
        {
          name: 'menpan',
          startUrls: ['https://www.menpan.go.id/site/berita-terkini'],
          articles: '^https://(?:www\\.)?menpan\\.go\\.id/site/berita-terkini/[a-z0-9-]+$',
          rate: { minDelaySeconds: 3 },
        },
      ],
    },
    null,
    2,
  );

  it('reads .json as YAML reads the same data', () => {
    const path = join(tmp, 'sources.json');
    writeFileSync(path, json);
    const yaml = parseSources(
      "sources:\n  - name: menpan\n    startUrls: [https://www.menpan.go.id/site/berita-terkini]\n    articles: '^https://(?:www\\.)?menpan\\.go\\.id/site/berita-terkini/[a-z0-9-]+$'\n    rate: { minDelaySeconds: 3 }\n",
      'sources.yaml',
    );
    expect(loadSources(path)).toEqual(yaml);
  });

  it('a byte order mark is no problem', () => {
    expect(parseSources(`\uFEFF${json}`, 'sources.json').sources[0]?.name).toBe('menpan');
  });

  it('problems carry line and column', () => {
    expect(problemsOf(json.replace('"menpan"', '"MenPAN"'), 'sources.json')).toEqual([
      'sources.json:4:7: sources[0] (MenPAN).name: must be a lowercase slug: a-z, 0-9 and single hyphens between them (e.g. radar-jember)',
    ]);
    expect(
      problemsOf(json.replace('"minDelaySeconds": 3', '"minDelaySeconds": "3"'), 'sources.json'),
    ).toEqual([
      'sources.json:10:9: sources[0] (menpan).rate.minDelaySeconds: expected a number, got text ("3")',
    ]);
  });

  it('a syntax error gives its line and column', () => {
    expect(problemsOf(json.replace('"rate"', ',"rate"'), 'sources.json')).toEqual([
      expect.stringMatching(/^sources\.json:9:7: not valid JSON: /),
    ]);
  });

  it('JSON is JSON: YAML syntax in a .json file is an error', () => {
    expect(problemsOf('sources: []', 'sources.json')).toEqual([
      expect.stringMatching(/^sources\.json(:\d+:\d+)?: not valid JSON/),
    ]);
  });
});
