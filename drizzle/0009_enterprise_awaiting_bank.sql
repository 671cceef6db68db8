ALTER TYPE "public"."enterprise_verification_state" ADD VALUE 'awaiting_bank' BEFORE 'succeeded';--> statement-breakpoint
-- Bank callbacks stored before the recharge and payout flows existed were set aside as `deferred`; they are applied now.
UPDATE "channel_events" SET "status" = 'received' WHERE "status" = 'deferred';
