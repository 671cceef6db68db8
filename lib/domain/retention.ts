/**
 * Retention (SECURITY 21, SPEC §13): what is no longer needed is closed, then purged.
 * - An unfinished verification untouched for `draftIdleDays` is closed as abandoned
 *   (it frees the account for another, like 撤销).
 * - A failed, expired or cancelled one is deleted `retentionDays` after it ended, and
 *   so are the files nothing refers to any more (an abandoned upload, the licence of a
 *   purged attempt). The audit log keeps its rows: they carry no clear personal data.
 */
export interface RetentionSettings {
  draftIdleDays: number;
  retentionDays: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RetentionCutoffs {
  /** Unfinished and last changed before this: abandoned. */
  idleBefore: Date;
  /** Ended before this: purged. */
  endedBefore: Date;
  /** Uploaded before this and referred to by nothing: the stored object is deleted. */
  orphanUploadBefore: Date;
}

export function retentionCutoffs(now: Date, settings: RetentionSettings): RetentionCutoffs {
  const idleBefore = new Date(now.getTime() - settings.draftIdleDays * DAY_MS);
  return {
    idleBefore,
    endedBefore: new Date(now.getTime() - settings.retentionDays * DAY_MS),
    // A file uploaded for a form never submitted is a draft too.
    orphanUploadBefore: idleBefore,
  };
}
