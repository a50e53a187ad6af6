import type { Mention, RegencyMention } from '../../models/index.js';
import { REGENCY_PLACES, regenciesByPlace } from '../lexicon/regencies.js';
import { anyOf, scan } from '../patterns.js';
import { sentenceIndexAt } from '../sentences.js';
import type { RefinerInput } from '../types.js';

const BARE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?<place>${anyOf([...REGENCY_PLACES, ...REGENCY_PLACES.map((p) => p.toUpperCase())], { caseSensitive: true })})(?![\\p{L}\\p{N}])`,
  'gu',
);
/** A province, its police or its ministry office is not the regency of the same name. */
const PROVINCIAL_BEFORE =
  /(?:Provinsi|Prov\.|Pemprov|Gubernur|Polda|Kapolda|Kanwil|Kakanwil|Kabupaten|Kab\.|Kota|Pemkab|Pemkot)\s+$/u;
/** "Bima Arya", "Batu Bara": a place word inside a longer capitalised name is not the place. */
const CAPITAL_AFTER = /^\s+\p{Lu}\p{Ll}/u;

/**
 * Bare place names ("Probolinggo, HB.net –", "Polres Situbondo") become regency mentions when the
 * document settles which regency they mean: a kind written elsewhere in the document wins (the nearest
 * before it when both kinds are written), then a name only one regency has, then the site's address.
 */
export function resolveBareRegencies(mentions: Mention[], { text, sentences, ctx }: RefinerInput): Mention[] {
  const explicit = mentions.filter((m): m is RegencyMention => m.kind === 'regency');
  const added: RegencyMention[] = [];
  for (const m of scan(BARE, text)) {
    const place = m.groups?.place ?? '';
    const start = m.index;
    const end = start + place.length;
    if (explicit.some((e) => start < e.end && e.start < end)) continue;
    if (PROVINCIAL_BEFORE.test(text.slice(Math.max(0, start - 12), start))) continue;
    if (CAPITAL_AFTER.test(text.slice(end, end + 3))) continue;
    const regency = resolvePlace(place, start, explicit, ctx.url);
    if (regency === null) continue;
    added.push({
      kind: 'regency',
      start,
      end,
      text: place,
      sentence: sentenceIndexAt(sentences, start),
      rule: 'regency-bare',
      regency,
      form: 'bare',
    });
  }
  return [...mentions, ...added].sort((a, b) => a.start - b.start);
}

function resolvePlace(
  place: string,
  at: number,
  explicit: readonly RegencyMention[],
  url: string | null,
): string | null {
  const candidates = regenciesByPlace(place);
  if (candidates.length === 0) return null;
  const names = new Set(candidates.map((c) => c.name));
  const written = explicit.filter((e) => names.has(e.regency));
  if (written.length > 0) {
    const before = written.filter((e) => e.start < at);
    return (before.at(-1) ?? written[0])?.regency ?? null;
  }
  if (candidates.length === 1) return candidates[0]?.name ?? null;
  const host = url ? hostOf(url) : '';
  const key = place.toLowerCase().replace(/\s+/g, '');
  if (host.includes(`${key}kab`)) return candidates.find((c) => c.kind === 'Kabupaten')?.name ?? null;
  if (host.includes(`${key}kota`)) return candidates.find((c) => c.kind === 'Kota')?.name ?? null;
  return null;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}
