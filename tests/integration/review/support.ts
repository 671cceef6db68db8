import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { and, asc, eq } from 'drizzle-orm';
import sharp from 'sharp';
import type { Db } from '@/db/client';
import { auditLog } from '@/db/schema';
import type { ReviewCaseKind } from '@/lib/domain/review/kinds';
import { localFileStore } from '@/lib/storage/local-store';
import { openReviewCase } from '@/lib/features/review/open-review-case';
import type { StorageServiceContext } from '@/lib/features/uploads/store-upload';
import { storeUpload } from '@/lib/features/uploads/store-upload';
import { ctx as baseCtx, TEST_NOW } from '../support/test-db';

/** A ServiceContext with a stopped clock and a private upload folder of its own. */
export async function reviewContext(db: Db, at: Date | string = TEST_NOW) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'review-test-uploads-'));
  const c = baseCtx(db, at);
  const context: StorageServiceContext & { clock: typeof c.clock } = { ...c, fileStore: localFileStore(dir) };
  return { ctx: context, cleanup: () => fs.rm(dir, { recursive: true, force: true }) };
}

let n = 0;

/** A small PNG (each call a different colour, so the bytes differ). */
export async function png(): Promise<Uint8Array> {
  const v = (n++ * 37) % 255;
  return new Uint8Array(await sharp({ create: { width: 24, height: 16, channels: 3, background: { r: v, g: 120, b: 200 } } }).png().toBuffer());
}

export const LEGAL_REP_ID = '110105199003070113';

/**
 * Opens a case as the flows will: a name-change case by default — the current and the new
 * name (text), the code (masked), the legal rep's ID number (masked), the licence and the
 * change form (files of the account).
 */
export async function openTestCase(c: StorageServiceContext, accountId: string, kind: ReviewCaseKind = 'name_change_proofs') {
  const licence = await storeUpload(c, accountId, { purpose: 'business_licence', bytes: await png() });
  const form = await storeUpload(c, accountId, { purpose: 'change_proof', bytes: await png(), allowPdf: true });
  return openReviewCase(c, {
    accountId,
    kind,
    processId: crypto.randomUUID(),
    items: [
      { key: 'enterprise_name', value: '北京示例科技有限公司' },
      { key: 'new_enterprise_name', value: '北京新示例科技有限公司' },
      { key: 'enterprise_code', value: '91110108MA01XXXX0A' },
      { key: 'legal_rep_id_number', value: LEGAL_REP_ID },
      { key: 'new_business_licence', uploadId: licence.id },
      { key: 'change_application_form', uploadId: form.id },
    ],
    registryAnswer: { name: '北京新示例科技有限公司', code: '91110108MA01XXXX0A', status: '存续' },
  });
}

export async function auditRows(db: Db, action: string, target?: string) {
  return db
    .select()
    .from(auditLog)
    .where(target ? and(eq(auditLog.action, action), eq(auditLog.target, target)) : eq(auditLog.action, action))
    .orderBy(asc(auditLog.id));
}

/** A case without files (no uploads: the upload rate limit stays out of the way of many cases). */
export async function openTextCase(c: StorageServiceContext, accountId: string, kind: ReviewCaseKind = 'payout_materials') {
  return openReviewCase(c, {
    accountId,
    kind,
    processId: crypto.randomUUID(),
    items: [
      { key: 'enterprise_name', value: '上海示例贸易有限公司' },
      { key: 'bank_account_number', value: '6222020200112233445' },
    ],
  });
}
