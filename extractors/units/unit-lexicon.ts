import abbreviations from '../lexicon/unit-abbreviations.json' with { type: 'json' };
import heads from '../lexicon/unit-heads.json' with { type: 'json' };

/** Lower-cased, with punctuation and runs of space folded: the key two spellings share. */
export function unitKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Written form (key) → the office's full name, for every form and full name in the dictionary. */
const officeByForm = new Map<string, string>();
for (const office of abbreviations.offices) {
  officeByForm.set(unitKey(office.full), office.full);
  for (const form of office.forms) officeByForm.set(unitKey(form), office.full);
}

export function officeFullName(written: string): string | null {
  return officeByForm.get(unitKey(written)) ?? null;
}

/** Standalone office forms (DPMPTSP, Dinas PMPTSP, Dinkes…) that name one office by themselves. */
export const OFFICE_FORMS: readonly string[] = abbreviations.offices.flatMap((o) => o.forms);

export const NAMED_HEADS: readonly { head: string; full?: string }[] = heads.named;
export const DESCRIPTIVE_HEADS: readonly string[] = heads.descriptive;

/** Words a descriptive unit name may continue with ("Dinas Kependudukan dan Pencatatan Sipil"). */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  [
    ...heads.functionWords,
    ...abbreviations.offices.flatMap((o) => o.full.replace(/,/g, '').split(' ')),
    ...abbreviations.offices.flatMap((o) => o.forms),
  ].filter((w) => /^\p{Lu}/u.test(w)),
);

/** Every word that opens a unit, so a list "Puskesmas A dan Dinas B" stops at the second head. */
export const ALL_HEAD_WORDS: ReadonlySet<string> = new Set([
  ...heads.named.map((h) => h.head.split(' ')[0] as string),
  ...heads.descriptive,
  ...abbreviations.offices.flatMap((o) => o.forms.map((f) => f.split(' ')[0] as string)),
]);
