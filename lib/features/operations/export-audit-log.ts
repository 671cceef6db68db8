import { appendAudit, exportAuditLogBatch } from '@/db/queries/audit';
import { BACK_OFFICE_ROLES } from '@/lib/domain/review/staff';
import { authorizeReviewStaff } from '@/lib/features/account';
import type { ServiceContext } from '../context';
import { auditFilterOf, type AuditSearchInput } from './search-audit-log';

/** The most rows one export carries (a narrower filter exports the rest). */
export const AUDIT_EXPORT_MAX_ROWS = 100_000;
const BATCH = 1000;

const HEADER = ['id', 'at', 'action', 'actor_account_number', 'account_number', 'target', 'data', 'prev_hash', 'hash'];

/** RFC 4180 quoting, and a leading ' before = + - @ so that a spreadsheet never runs a cell as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The audit log as CSV (SPEC §13), for staff: the rows the search shows, oldest first,
 * with the chain's hashes so the file itself can be checked. 账号ID, never emails or
 * names. The export is itself audited. Answers a stream of CSV text (UTF-8 with BOM, so
 * spreadsheet programs read the Chinese correctly).
 */
export async function exportAuditLog(ctx: ServiceContext, actorAccountId: string, input: AuditSearchInput): Promise<ReadableStream<Uint8Array>> {
  const now = await ctx.clock.now();
  await authorizeReviewStaff(ctx.db, actorAccountId, BACK_OFFICE_ROLES, now, 'audit_log.export');
  const filter = auditFilterOf(input);
  await appendAudit(ctx.db, {
    at: now,
    action: 'audit_log.exported',
    actorAccountId,
    data: { filter: { ...input, page: undefined } },
  });
  const encoder = new TextEncoder();
  let afterId = 0;
  let sent = 0;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`\uFEFF${HEADER.join(',')}\r\n`));
        return;
      }
      const rows = await exportAuditLogBatch(ctx.db, filter, afterId, Math.min(BATCH, AUDIT_EXPORT_MAX_ROWS - sent));
      if (rows.length === 0) {
        controller.close();
        return;
      }
      const lines = rows.map((r) =>
        [String(r.id), r.at.toISOString(), r.action, r.actorNumber ?? '', r.accountNumber ?? '', r.target ?? '', JSON.stringify(r.data), r.prevHash, r.hash]
          .map(csvCell)
          .join(','),
      );
      controller.enqueue(encoder.encode(`${lines.join('\r\n')}\r\n`));
      afterId = rows.at(-1)!.id;
      sent += rows.length;
      if (sent >= AUDIT_EXPORT_MAX_ROWS) controller.close();
    },
  });
}
