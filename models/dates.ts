import { z } from 'zod';

/**
 * A date at the precision a source gives it: `2025-08-28`, `2025-08`, `2025`, or with an
 * unknown year written `XXXX-02-17` (TimeML style, as zi-gold/1 does).
 */
export const PartialDateSchema = z
  .string()
  .regex(
    /^(\d{4}|XXXX)(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/,
    'expected YYYY, YYYY-MM, YYYY-MM-DD or XXXX-MM-DD',
  );
export type PartialDate = z.infer<typeof PartialDateSchema>;
