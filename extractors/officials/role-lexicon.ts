import people from '../lexicon/person-names.json' with { type: 'json' };
import roles from '../lexicon/roles.json' with { type: 'json' };

export const ACTING_TITLES: readonly string[] = roles.acting;
export const TITLES: readonly string[] = roles.titles;
export const ROLE_VOCABULARY: ReadonlySet<string> = new Set(roles.vocabulary);
export const NAME_PREFIXES: readonly string[] = people.prefixes;
export const DEGREES: readonly string[] = people.degrees;
export const PLACE_TITLES: readonly string[] = roles.placeTitles;
export const NAME_WORDS: ReadonlySet<string> = new Set(people.nameWords);
export const NAME_INTRODUCERS: readonly string[] = people.introducers;
export const NOT_NICKNAMES: ReadonlySet<string> = new Set(people.notNicknames);

const EXPAND: Readonly<Record<string, string>> = roles.expand;

/** Each word that can open a title ("Kepala", "Bupati", "Kabag"…), for stopping names before it. */
export const ROLE_TITLE_WORDS: readonly string[] = [
  ...new Set([...TITLES, ...ACTING_TITLES].map((t) => (t.split(' ')[0] as string).replace(/\.$/, ''))),
];

/** "Kabag Organisasi" → "Kepala Bagian Organisasi"; "Pj Sekda" → "Penjabat Sekretaris Daerah". */
export function expandRole(role: string): string {
  const words = role.split(/\s+/);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const pair = `${words[i]} ${words[i + 1] ?? ''}`;
    if (EXPAND[pair] !== undefined) {
      out.push(EXPAND[pair] as string);
      i++;
      continue;
    }
    const w = words[i] as string;
    out.push(EXPAND[w] ?? w);
  }
  return out.join(' ');
}
