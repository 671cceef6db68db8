/**
 * A product process that runs the payout job once (lib/features/payout/send-approved-payouts.ts)
 * against the database named by DATABASE_URL / PGLITE_DIR and the bank at
 * CHANNEL_BANK_URL, then exits — what payout-crash.test.ts kills and restarts.
 */
import { getServiceContext } from '@/lib/features/runtime';
import { sendApprovedPayouts } from '@/lib/features/payout/send-approved-payouts';

async function main() {
  const result = await sendApprovedPayouts(await getServiceContext());
  console.log(JSON.stringify(result));
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : 'failed');
  process.exit(1);
});
