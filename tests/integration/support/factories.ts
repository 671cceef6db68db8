import { createHash, randomUUID } from 'node:crypto';
import type { Db } from '@/db/client';
import { insertSubject } from '@/db/queries/subjects';
import { insertUpload } from '@/db/queries/uploads';
import type { Role } from '@/db/schema';
import { chinaCalendarDate, type CalendarDate } from '@/lib/domain/identity/calendar-date';
import { makeRegistrationNumber } from '@/lib/domain/identity/registration-number';
import { makeResidentId } from '@/lib/domain/identity/resident-id';
import { makeUscc } from '@/lib/domain/identity/uscc';
import type { ServiceContext } from '@/lib/features/context';
import { createStaffAccount } from '@/lib/features/account/create-staff-account';
import { registerAccount } from '@/lib/features/account/register-account';
import { enterpriseIdentityKey } from '@/lib/features/enterprise/start-enterprise-verification';
import { enterpriseInfoSchema, type EnterpriseInfoInput } from '@/lib/schemas/enterprise-info';
import { personalInfoSchema, type PersonalInfoInput } from '@/lib/schemas/personal-info';

/**
 * The one place integration tests make their data: accounts, the two wizards' step-1 input,
 * registry enterprises and licence uploads. Each call makes something new (a fresh address,
 * ID number, USCC), so that no test depends on another's rows; a test overrides only what it
 * is about.
 */

let seq = 0;
const next = () => ++seq;

// ---- accounts ----

export const ACCOUNT_PASSWORD = 'Factory-tests-9';

/** A fresh e-mail address per call. */
export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}-${next()}-${process.pid}-${Date.now().toString(36)}@example.com`;
}

/** A new user account (address confirmed, no subject); answers its id. */
export async function newAccount(c: ServiceContext, prefix = 'user', options: { emailConfirmed?: boolean } = {}): Promise<string> {
  return (await registerAccount(c, { email: uniqueEmail(prefix), password: ACCOUNT_PASSWORD, emailConfirmed: options.emailConfirmed ?? true })).id;
}

/** A new staff account (a reviewer unless told); answers its id. */
export async function newStaff(c: ServiceContext, role: Exclude<Role, 'user'> = 'reviewer'): Promise<string> {
  return (await createStaffAccount(c, { email: uniqueEmail(role), role, password: ACCOUNT_PASSWORD })).id;
}

// ---- step 1 of the wizards ----

/** Today's date in Beijing at `at` (the frozen clock's now by default), as the info schemas take it. */
export function beijingToday(at: Date = new Date()): CalendarDate {
  return chinaCalendarDate(at);
}

let idSeq = 0;
/** A mainland ID number no other call answers (born in January 1991 in Shenzhen's Nanshan district; no test writes such a number by hand). */
export function freshResidentId(): string {
  const n = idSeq++;
  const day = String(1 + Math.floor(n / 999)).padStart(2, '0');
  return makeResidentId('440305', `199101${day}`, String((n % 999) + 1).padStart(3, '0'));
}

/** 个人实名认证 step 1 as the form posts it: 张三 with a fresh ID number, a Shenzhen address. */
export function personalFields(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    realName: '张三',
    documentType: 'resident_id',
    documentNumber: freshResidentId(),
    industry: '互联网/IT服务',
    province: '44',
    city: '4403',
    district: '440305',
    addressDetail: '科技园 1 号',
    ...overrides,
  };
}

/** The same, parsed by the wizard's schema. */
export function personalInfo(overrides: Record<string, string> = {}, today: CalendarDate = beijingToday()): PersonalInfoInput {
  return personalInfoSchema(today).parse(personalFields(overrides));
}

// ---- enterprises ----

/** A registry enterprise as the fake registry channel knows it (docs/channel-protocol.md). */
export interface RegistryEnterprise {
  code: string;
  name: string;
  nameHistory?: { name: string; until: string }[];
  licenceType?: 'business_licence' | 'other';
  legalRepName: string;
  legalRepIdNumber: string;
  status?: 'active' | 'deregistered';
}

/** The legal rep every registry enterprise lists unless a test says otherwise. */
export const REGISTRY_LEGAL_REP = { name: '赵建国', idNumber: '110108197504120318' };

/** The contact person of every enterprise's step 1. */
export const ENTERPRISE_CONTACT = { name: '李娜', idNumber: '310104198511220241', mobile: '13812345678' };

export type EnterpriseKind = 'company' | 'institution' | 'registration_number';

/**
 * A new enterprise listed in `channels`' fake registry with REGISTRY_LEGAL_REP: a 91… company
 * by default, a 12… public institution (非营业执照, licence type other), or a 营业执照 company
 * with a 15-digit registration number. Its code is fresh; `overrides` name it or change the rest.
 */
export function registryEnterprise(
  channels: { registry: Map<string, RegistryEnterprise> },
  overrides: Partial<RegistryEnterprise> & { kind?: EnterpriseKind } = {},
): RegistryEnterprise {
  const { kind = 'company', ...rest } = overrides;
  const n = next();
  const serial = String(n).padStart(6, '0');
  const e: RegistryEnterprise = {
    code: kind === 'registration_number' ? makeRegistrationNumber(`11010800${serial}`) : makeUscc(kind === 'company' ? '91110108' : '12110108', `TF${serial}`),
    name: kind === 'institution' ? `北京市测试${n}号科技服务中心` : `北京测试${n}号科技有限公司`,
    ...(kind === 'institution' ? { licenceType: 'other' as const } : {}),
    legalRepName: REGISTRY_LEGAL_REP.name,
    legalRepIdNumber: REGISTRY_LEGAL_REP.idNumber,
    ...rest,
  };
  channels.registry.set(e.code, e);
  return e;
}

/** A stored licence image of `accountId` (the uploads row only: these tests never read the bytes). */
export async function licenceUpload(db: Db, accountId: string, at: Date = new Date(), purpose = 'business_licence'): Promise<string> {
  const key = randomUUID();
  const row = await insertUpload(db, {
    accountId,
    purpose,
    store: 'local',
    storageKey: `test/${key}`,
    contentType: 'image/png',
    byteSize: 1234,
    sha256: createHash('sha256').update(key).digest('hex'),
    width: 800,
    height: 600,
    createdAt: at,
  });
  return row.id;
}

/** 企业实名认证 step 1 filled in for `e`: its licence type, a fresh licence upload, a Beijing address, ENTERPRISE_CONTACT. */
export async function enterpriseInfo(
  db: Db,
  accountId: string,
  e: { name: string; code: string; licenceType?: RegistryEnterprise['licenceType'] },
  overrides: Record<string, string> = {},
  at: Date = new Date(),
): Promise<EnterpriseInfoInput> {
  return enterpriseInfoSchema(beijingToday(at)).parse({
    licenceType: e.licenceType ?? 'business_licence',
    licenceUploadId: await licenceUpload(db, accountId, at),
    enterpriseName: e.name,
    code: e.code,
    province: '11',
    city: '1101',
    district: '110108',
    addressDetail: '中关村大街 1 号',
    contactName: ENTERPRISE_CONTACT.name,
    contactIdNumber: ENTERPRISE_CONTACT.idNumber,
    contactMobile: ENTERPRISE_CONTACT.mobile,
    ...overrides,
  });
}

/**
 * `count` new accounts whose current subject is `e`, written straight to the database (no
 * verification behind them, an unreadable document number): for tests about the limit they
 * take up (R-LIM-2). Answers their ids.
 */
export async function enterpriseHolders(c: ServiceContext, e: { code: string; name: string }, count: number, verifiedAt: Date): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const accountId = await newAccount(c, 'holder');
    await insertSubject(c.db, {
      accountId,
      kind: 'enterprise',
      name: e.name,
      documentType: 'business_licence',
      documentNumberEnc: 'v1.x.y.z',
      identityKey: enterpriseIdentityKey(e.code, e.name),
      method: 'oa',
      verifiedAt,
    });
    ids.push(accountId);
  }
  return ids;
}
