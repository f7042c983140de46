/** The error facts of the Details disclosure and Copy details, in this computer's local time. */
import type { ErrorFactRow, ErrorFactsInput } from '../../../shared/api/error-facts.ts';
import { errorFactRows as rowsIn, errorFactsText as textIn } from '../../../shared/api/error-facts.ts';
import { fullTime } from './format.ts';

export type { ErrorFactRow, ErrorFactsInput };

/** The rows that are known, in display order, with the time in local wording. */
export const errorFactRows = (input: ErrorFactsInput): ErrorFactRow[] => rowsIn(input, fullTime);

/** The plain-text block for support, with the time in local wording. */
export const errorFactsText = (input: ErrorFactsInput): string => textIn(input, fullTime);
