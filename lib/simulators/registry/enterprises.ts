import { asc, eq } from 'drizzle-orm';
import { normaliseIdentifier, normaliseText } from '@/lib/domain/normalise';
import { conflict, notFound } from '../errors';
import { enterpriseNames, enterprises } from '../schema';
import type { EnterpriseInput, EnterprisePatch } from '../schemas/control';
import type { Executor, World } from '../world';
import { generatedDetails } from './details';

export type Enterprise = typeof enterprises.$inferSelect;

/** A registry entry; details a licence needs but the caller did not give are generated from the code. */
export async function createEnterprise(world: World, input: EnterpriseInput): Promise<string> {
  const now = await world.clock.now();
  const generated = generatedDetails(input.code, input.licenceType);
  const inserted = await world.db
    .insert(enterprises)
    .values({
      code: input.code,
      name: input.name,
      licenceType: input.licenceType,
      legalRepName: input.legalRepName,
      legalRepIdNumber: input.legalRepIdNumber,
      status: input.status,
      entityType: input.entityType ?? generated.entityType,
      address: input.address ?? generated.address,
      registeredCapital: input.registeredCapital ?? generated.registeredCapital,
      establishedOn: input.establishedOn ?? generated.establishedOn,
      authority: input.authority ?? generated.authority,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing()
    .returning({ code: enterprises.code });
  if (inserted.length === 0) throw conflict('code_taken', '该代码已登记', 'code');
  return input.code;
}

/**
 * Changes a registry entry; a new name keeps the old one in the history with the
 * moment it stopped (this is how a tester stages a name change, SPEC §11).
 */
export async function updateEnterprise(world: World, code: string, patch: EnterprisePatch): Promise<Enterprise> {
  const now = await world.clock.now();
  return world.db.transaction(async (tx) => {
    const [current] = await tx.select().from(enterprises).where(eq(enterprises.code, normaliseIdentifier(code))).for('update');
    if (!current) throw notFound('工商登记中没有这个代码');
    if (patch.name !== undefined && patch.name !== current.name) {
      await tx.insert(enterpriseNames).values({ code: current.code, name: current.name, until: now });
    }
    const [updated] = await tx
      .update(enterprises)
      .set({ ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)), updatedAt: now })
      .where(eq(enterprises.code, current.code))
      .returning();
    return updated!;
  });
}

export async function findEnterprise(db: Executor, code: string): Promise<Enterprise | undefined> {
  const [row] = await db.select().from(enterprises).where(eq(enterprises.code, normaliseIdentifier(code)));
  return row;
}

export async function nameHistoryOf(db: Executor, code: string) {
  const rows = await db.select().from(enterpriseNames).where(eq(enterpriseNames.code, code)).orderBy(asc(enterpriseNames.until), asc(enterpriseNames.id));
  return rows.map((r) => ({ name: r.name, until: r.until.toISOString() }));
}

export async function listEnterprises(db: Executor): Promise<Enterprise[]> {
  return db.select().from(enterprises).orderBy(asc(enterprises.createdAt), asc(enterprises.code));
}

/** The registry's public record (docs/channel-protocol.md): no legal representative's ID number. */
export async function registryRecord(db: Executor, code: string) {
  const e = await findEnterprise(db, code);
  if (!e) return null;
  return {
    code: e.code,
    name: e.name,
    nameHistory: await nameHistoryOf(db, e.code),
    licenceType: e.licenceType,
    legalRepName: e.legalRepName,
    status: e.status,
  };
}

/** R-E-LRWX / R-E-LRFACE: whether the registry lists this person as the enterprise's legal representative. */
export async function isLegalRepresentative(db: Executor, input: { code: string; name: string; idNumber: string }): Promise<boolean> {
  const e = await findEnterprise(db, input.code);
  if (!e) return false;
  return normaliseText(e.legalRepName) === normaliseText(input.name) && normaliseIdentifier(e.legalRepIdNumber) === normaliseIdentifier(input.idNumber);
}
