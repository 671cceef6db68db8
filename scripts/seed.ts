/**
 * Seeds the demo world: one ordinary account and the two staff roles, and — when the
 * simulators are enabled — the simulated providers' people, enterprises, Official
 * Accounts and bank accounts (lib/simulators/README.md). Idempotent. Run while the app
 * is stopped (PGlite has no file locking). `--history` adds 90 days of past activity for
 * 运营看板 (scripts/seed-insights-history.ts), once.
 */
import './load-env';
import { getDatabase } from '@/db/client';
import type { Role } from '@/db/schema';
import { databaseClock } from '@/lib/clock';
import { env } from '@/lib/env';
import { isAppError } from '@/lib/errors';
import { enrolDemoTwoFactor } from '@/lib/features/account';
import { registerAccount } from '@/lib/features/account';
import sharp from 'sharp';
import { confirmAccountEmail, findAccountByEmail } from '@/db/queries/accounts';
import { listReviewCasesOfProcess } from '@/db/queries/review-cases';
import type { ReviewCaseKind } from '@/lib/domain/review/kinds';
import type { ServiceContext } from '@/lib/features/context';
import { openReviewCase, type ReviewCaseItemInput } from '@/lib/features/review';
import { seedInsightsHistory } from './seed-insights-history';
import { storeUpload } from '@/lib/features/uploads';
import type { UploadPurpose } from '@/lib/storage/purposes';

/**
 * The demo staff's 两步验证 secrets are published (README, tests/e2e/fixtures.ts) so that
 * demos and journeys can compute their codes: a demo world only, never a real one.
 */
export const DEMO_ACCOUNTS: { email: string; password: string; role: Role; totpSecret?: string }[] = [
  { email: 'demo@example.com', password: 'Demo2026pass', role: 'user' },
  { email: 'reviewer@example.com', password: 'Review2026pass', role: 'reviewer', totpSecret: 'REVIEWERDEMOTOTPSECRETKEYAAAAAAA' },
  { email: 'manager@example.com', password: 'Manage2026pass', role: 'account_manager', totpSecret: 'MANAGERDEMOTOTPSECRETKEYAAAAAAAA' },
];

async function main() {
  const handle = await getDatabase();
  const ctx = { db: handle.db, clock: databaseClock(handle.db) };
  try {
    for (const a of DEMO_ACCOUNTS) {
      try {
        // The demo accounts' addresses are the operator's own: confirmed (ADR 0023).
        await registerAccount(ctx, { ...a, emailConfirmed: true });
        console.log(`created ${a.role.padEnd(15)} ${a.email}  password ${a.password}`);
      } catch (e) {
        if (!isAppError(e) || e.code !== 'EMAIL_TAKEN') throw e;
        // A database seeded before confirmation existed (migration 0025 left its user rows unconfirmed).
        const existing = await findAccountByEmail(handle.db, a.email);
        if (existing) await confirmAccountEmail(handle.db, existing.id, await ctx.clock.now());
        console.log(`exists  ${a.role.padEnd(15)} ${a.email}  password ${a.password}`);
      }
      if (a.totpSecret) {
        const account = await findAccountByEmail(ctx.db, a.email);
        const outcome = await enrolDemoTwoFactor(ctx, { accountId: account!.id, secret: a.totpSecret });
        console.log(`${outcome === 'enrolled' ? 'enrolled' : 'exists  '} 两步验证 ${a.email}  TOTP secret ${a.totpSecret}`);
      }
    }
    if (env().SIMULATORS_ENABLED) {
      // The simulated world is a separate party; the demo set-up is the one place that seeds both.
      const { seedSimulatedWorld } = await import('@/lib/simulators/seed-world');
      const { added } = await seedSimulatedWorld(handle.db);
      console.log(`simulated world: ${added} new records (see lib/simulators/README.md)`);
    }
    await seedDemoReviewCases(ctx);
    if (process.argv.includes('--history')) {
      // 运营看板's first run: 90 days of past activity (issue 20); the plain seed stays as fast as before.
      const { created, verifications } = await seedInsightsHistory(ctx, { days: 90, personalPerDay: 24 });
      console.log(created ? `history: ${verifications} verifications over 90 days (运营看板 at /review/insights)` : 'history: already there');
    }
  } finally {
    await handle.close();
  }
}

void main();

// ---- Demo review cases (审核后台, issue 6) ----

/**
 * Work for the demo reviewer: one open case of each kind for demo@example.com, with
 * files and masked values, as the payout and change flows will open them (those flows
 * come later; their process ids here are fixed placeholders). Idempotent: a case whose
 * process id exists is left alone. The e2e journeys take one each (tests/e2e/review-*).
 */
export const DEMO_REVIEW_CASES: { processId: string; kind: ReviewCaseKind }[] = [
  { processId: '00000000-0000-4000-8000-00000000c001', kind: 'name_change_proofs' },
  { processId: '00000000-0000-4000-8000-00000000c002', kind: 'subject_change_proofs' },
  { processId: '00000000-0000-4000-8000-00000000c003', kind: 'payout_materials' },
];

/** A plain demo picture of a document: its title in the middle (the product re-encodes it like any upload). */
async function demoPicture(title: string, subtitle: string): Promise<Uint8Array> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="600"><rect width="100%" height="100%" fill="#f7f4ee"/><rect x="20" y="20" width="860" height="560" fill="none" stroke="#b23a2f" stroke-width="6"/><text x="450" y="280" font-size="54" text-anchor="middle" font-family="Noto Serif CJK SC, Noto Sans CJK SC, sans-serif" fill="#222">${title}</text><text x="450" y="360" font-size="28" text-anchor="middle" font-family="Noto Sans CJK SC, sans-serif" fill="#555">${subtitle}</text><text x="450" y="540" font-size="20" text-anchor="middle" font-family="Noto Sans CJK SC, sans-serif" fill="#888">模拟环境生成，仅供测试</text></svg>`;
  return new Uint8Array(await sharp(Buffer.from(svg)).png().toBuffer());
}

async function demoLicence(code: string, name: string, legalRepName: string): Promise<Uint8Array> {
  // The simulated registry's licence renderer (the demo set-up is the one place that uses both worlds).
  const { renderLicencePng } = await import('@/lib/simulators/licence-image');
  return new Uint8Array(
    await renderLicencePng({
      code,
      name,
      licenceType: 'business_licence',
      legalRepName,
      entityType: '有限责任公司（自然人投资或控股）',
      address: '北京市海淀区中关村大街1号',
      registeredCapital: '壹仟万元整',
      establishedOn: '2016-03-18',
      authority: '北京市海淀区市场监督管理局',
    } as Parameters<typeof renderLicencePng>[0]),
  );
}

async function seedDemoReviewCases(ctx: ServiceContext) {
  const demo = await findAccountByEmail(ctx.db, 'demo@example.com');
  if (!demo) return;
  const file = async (purpose: UploadPurpose, bytes: Promise<Uint8Array>) =>
    (await storeUpload(ctx, demo.id, { purpose, bytes: await bytes, allowPdf: purpose === 'change_proof' })).id;
  const items: Record<ReviewCaseKind, () => Promise<{ items: ReviewCaseItemInput[]; registryAnswer?: Record<string, unknown> }>> = {
    name_change_proofs: async () => ({
      items: [
        { key: 'enterprise_name', value: '北京星河网络技术有限公司' },
        { key: 'new_enterprise_name', value: '北京星河数智科技有限公司' },
        { key: 'enterprise_code', value: '91110108MA01XY2K7T' },
        { key: 'change_application_form', uploadId: await file('change_proof', demoPicture('变更申请表', '北京星河网络技术有限公司 → 北京星河数智科技有限公司')) },
        { key: 'change_certificate', uploadId: await file('change_proof', demoPicture('准予变更登记通知书', '北京市海淀区市场监督管理局')) },
        { key: 'new_business_licence', uploadId: await file('change_proof', demoLicence('91110108MA01XY2K7T', '北京星河数智科技有限公司', '赵建国')) },
      ],
      registryAnswer: { name: '北京星河数智科技有限公司', code: '91110108MA01XY2K7T', status: '存续', formerNames: ['北京星河网络技术有限公司'] },
    }),
    subject_change_proofs: async () => ({
      items: [
        { key: 'enterprise_name', value: '北京星河数智科技有限公司' },
        { key: 'old_legal_rep_name', value: '赵建国' },
        { key: 'old_legal_rep_id_number', value: '110108197504120318' },
        { key: 'new_enterprise_name', value: '杭州西溪文创有限公司' },
        { key: 'new_enterprise_code', value: '330106000123458' },
        { key: 'change_application_form', uploadId: await file('change_proof', demoPicture('变更申请表', '北京星河数智科技有限公司 → 杭州西溪文创有限公司')) },
        { key: 'old_licence_or_deregistration', uploadId: await file('change_proof', demoLicence('91110108MA01XY2K7T', '北京星河数智科技有限公司', '赵建国')) },
        { key: 'legal_rep_id_portrait_photo', uploadId: await file('legal_rep_id_front', demoPicture('法人手持身份证（人像面）', '赵建国')) },
        { key: 'legal_rep_id_emblem_photo', uploadId: await file('legal_rep_id_back', demoPicture('法人手持身份证（国徽面）', '赵建国')) },
      ],
      registryAnswer: { name: '杭州西溪文创有限公司', code: '330106000123458', status: '存续', legalRepName: '张伟' },
    }),
    payout_materials: async () => ({
      items: [
        { key: 'enterprise_name', value: '深圳市南山区老王记粤菜馆' },
        { key: 'bank_account_number', value: '4000023409200123456' },
        { key: 'bank_name', value: '中国工商银行' },
        { key: 'bank_location', value: '广东省 深圳市' },
        { key: 'bank_branch', value: '中国工商银行深圳南山支行' },
        { key: 'legal_rep_name', value: '孙丽' },
        { key: 'legal_rep_id_number', value: '440305198002290627' },
        { key: 'operator_name', value: '孙丽' },
        { key: 'operator_id_number', value: '440305198002290627' },
        { key: 'legal_rep_id_portrait_photo', uploadId: await file('legal_rep_id_front', demoPicture('法人手持身份证（人像面）', '孙丽')) },
        { key: 'legal_rep_id_emblem_photo', uploadId: await file('legal_rep_id_back', demoPicture('法人手持身份证（国徽面）', '孙丽')) },
      ],
    }),
  };
  let added = 0;
  for (const { processId, kind } of DEMO_REVIEW_CASES) {
    if ((await listReviewCasesOfProcess(ctx.db, processId)).length > 0) continue;
    await openReviewCase(ctx, { accountId: demo.id, kind, processId, ...(await items[kind]()) });
    added += 1;
  }
  console.log(`review cases: ${added} new demo cases for demo@example.com (the reviewer's queue at /review)`);
}
