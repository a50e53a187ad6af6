import type { OfficialFact, OfficialMention } from '../../models/index.js';
import type { DocumentView } from './document-view.js';

/**
 * One official per person. A later mention by one name ("Sekda Wawan", "Pj Sekda Heri") joins the
 * person whose full name holds that word; the role is the one written with the fullest name first.
 */
export function assembleOfficials(view: DocumentView): OfficialFact[] {
  const mentions = view.all('official');
  const people: { mentions: OfficialMention[]; words: Set<string> }[] = [];
  const byLength = [...mentions].sort(
    (a, b) => b.name.split(' ').length - a.name.split(' ').length || a.start - b.start,
  );
  for (const m of byLength) {
    const words = m.name.toLowerCase().split(' ');
    const same = people.find(
      (p) =>
        p.mentions[0]?.name.toLowerCase() === m.name.toLowerCase() ||
        (words.length === 1 && p.words.has(words[0] as string)),
    );
    if (same) same.mentions.push(m);
    else people.push({ mentions: [m], words: new Set(words) });
  }
  return people
    .map(({ mentions: ms }) => {
      const full = ms.filter((m) => m.name === ms[0]?.name).sort((a, b) => a.start - b.start);
      const first = full[0] as OfficialMention;
      const nicknames = [...new Set(ms.map((m) => m.nickname).filter((n): n is string => n !== null))];
      return {
        fact: {
          name: first.name,
          role: longestRole(full),
          aliases: nicknames,
          regency: ms.find((m) => m.regency)?.regency ?? view.mainRegency,
          evidence: ms.map((m) => ({ start: m.start, end: m.end, rule: m.rule })),
        },
        at: first.start,
      };
    })
    .sort((a, b) => a.at - b.at)
    .map((p) => p.fact);
}

/** The first mention's role, unless a later one with the same name spells out more of it. */
function longestRole(mentions: OfficialMention[]): string {
  return mentions
    .map((m) => m.role)
    .reduce((a, b) => (b.split(' ').length > a.split(' ').length + 1 ? b : a));
}
