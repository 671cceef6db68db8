CREATE TYPE "public"."balance_entry_kind" AS ENUM('recharge_credit', 'withdrawal');--> statement-breakpoint
CREATE TYPE "public"."bank_return_state" AS ENUM('pending', 'requested', 'settled', 'failed');--> statement-breakpoint
CREATE TYPE "public"."recharge_verification_state" AS ENUM('awaiting_transfer', 'succeeded', 'failed', 'expired', 'cancelled');--> statement-breakpoint
CREATE TABLE "balance_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"kind" "balance_entry_kind" NOT NULL,
	"amount_fen" integer NOT NULL,
	"incoming_transfer_id" uuid,
	"credit_entry_id" uuid,
	"holder_name" text NOT NULL,
	"bank_account_enc" text NOT NULL,
	"bank_account_last4" text NOT NULL,
	"state" "bank_return_state" NOT NULL,
	"withdrawal_id" text,
	"failure_code" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"settled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "incoming_transfers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"transfer_id" text NOT NULL,
	"account_id" uuid,
	"recharge_id" uuid,
	"payer_name" text NOT NULL,
	"payer_account_enc" text NOT NULL,
	"payer_account_last4" text NOT NULL,
	"amount_fen" integer NOT NULL,
	"verdict" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"refund_state" "bank_return_state",
	"refund_id" text,
	"refund_failure" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recharge_verifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"enterprise_verification_id" uuid NOT NULL,
	"state" "recharge_verification_state" NOT NULL,
	"payer_name" text NOT NULL,
	"amount_fen" integer NOT NULL,
	"chances_used" integer DEFAULT 0 NOT NULL,
	"receiving_holder_name" text NOT NULL,
	"receiving_account_number" text NOT NULL,
	"receiving_bank" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"remind_at" timestamp with time zone NOT NULL,
	"reminded_at" timestamp with time zone,
	"failure_code" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "balance_entries" ADD CONSTRAINT "balance_entries_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "balance_entries" ADD CONSTRAINT "balance_entries_incoming_transfer_id_incoming_transfers_id_fk" FOREIGN KEY ("incoming_transfer_id") REFERENCES "public"."incoming_transfers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "balance_entries" ADD CONSTRAINT "balance_entries_credit_entry_id_balance_entries_id_fk" FOREIGN KEY ("credit_entry_id") REFERENCES "public"."balance_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_transfers" ADD CONSTRAINT "incoming_transfers_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_transfers" ADD CONSTRAINT "incoming_transfers_recharge_id_recharge_verifications_id_fk" FOREIGN KEY ("recharge_id") REFERENCES "public"."recharge_verifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recharge_verifications" ADD CONSTRAINT "recharge_verifications_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recharge_verifications" ADD CONSTRAINT "recharge_verifications_enterprise_verification_id_enterprise_verifications_id_fk" FOREIGN KEY ("enterprise_verification_id") REFERENCES "public"."enterprise_verifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "balance_entries_account_idx" ON "balance_entries" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "balance_entries_one_live_withdrawal_idx" ON "balance_entries" USING btree ("credit_entry_id") WHERE "balance_entries"."kind" = 'withdrawal' and "balance_entries"."state" <> 'failed';--> statement-breakpoint
CREATE INDEX "balance_entries_withdrawal_due_idx" ON "balance_entries" USING btree ("created_at") WHERE "balance_entries"."kind" = 'withdrawal' and "balance_entries"."state" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "incoming_transfers_transfer_id_key" ON "incoming_transfers" USING btree ("transfer_id");--> statement-breakpoint
CREATE INDEX "incoming_transfers_recharge_idx" ON "incoming_transfers" USING btree ("recharge_id");--> statement-breakpoint
CREATE INDEX "incoming_transfers_refund_due_idx" ON "incoming_transfers" USING btree ("created_at") WHERE "incoming_transfers"."refund_state" = 'pending';--> statement-breakpoint
CREATE INDEX "recharge_verifications_enterprise_idx" ON "recharge_verifications" USING btree ("enterprise_verification_id","created_at");--> statement-breakpoint
CREATE INDEX "recharge_verifications_open_deadline_idx" ON "recharge_verifications" USING btree ("deadline") WHERE "recharge_verifications"."state" = 'awaiting_transfer';--> statement-breakpoint
CREATE INDEX "recharge_verifications_open_remind_idx" ON "recharge_verifications" USING btree ("remind_at") WHERE "recharge_verifications"."state" = 'awaiting_transfer' and "recharge_verifications"."reminded_at" is null;