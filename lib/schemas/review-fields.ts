/**
 * The limits of the back office's forms, without zod: a client component that imported
 * them from ./review would carry zod in its page's first load (issue 19). ./review 
 * re-exports everything here.
 */

export const INTERNAL_NOTE_MAX = 500;
export const QUOTA_REASON_MAX = 200;
export const SCHEDULE_TEXT_MAX = 4000;
export const REPLACEMENT_TEXT_MAX = 100;

export const CALENDAR_YEAR_MIN = 2000;
export const CALENDAR_YEAR_MAX = 2100;
