CREATE TYPE "public"."payout_verification_state" AS ENUM('operator_check', 'under_review', 'rejected', 'payout_pending', 'payout_failed', 'awaiting_amount', 'succeeded', 'failed', 'cancelled');--> statement-breakpoint
CREATE TABLE "payout_verifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"enterprise_verification_id" uuid NOT NULL,
	"state" "payout_verification_state" NOT NULL,
	"enterprise_name" text NOT NULL,
	"bank_account_enc" text NOT NULL,
	"bank_name" text NOT NULL,
	"bank_province" text NOT NULL,
	"bank_city" text NOT NULL,
	"bank_branch" text NOT NULL,
	"legal_rep_name" text NOT NULL,
	"legal_rep_id_number_enc" text NOT NULL,
	"emblem_upload_id" uuid NOT NULL,
	"portrait_upload_id" uuid NOT NULL,
	"operator_name" text,
	"operator_id_number_enc" text,
	"operator_session_id" uuid,
	"operator_passed_at" timestamp with time zone,
	"review_case_id" uuid,
	"approved_at" timestamp with time zone,
	"amount_fen" integer,
	"payout_attempt" integer DEFAULT 0 NOT NULL,
	"bank_payout_id" text,
	"payout_requested_at" timestamp with time zone,
	"expected_arrival_at" timestamp with time zone,
	"arrived_at" timestamp with time zone,
	"amount_deadline" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"chances_used" integer DEFAULT 0 NOT NULL,
	"failure_code" text,
	"submitted_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "payout_verifications" ADD CONSTRAINT "payout_verifications_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_verifications" ADD CONSTRAINT "payout_verifications_enterprise_verification_id_enterprise_verifications_id_fk" FOREIGN KEY ("enterprise_verification_id") REFERENCES "public"."enterprise_verifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_verifications" ADD CONSTRAINT "payout_verifications_emblem_upload_id_uploads_id_fk" FOREIGN KEY ("emblem_upload_id") REFERENCES "public"."uploads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_verifications" ADD CONSTRAINT "payout_verifications_portrait_upload_id_uploads_id_fk" FOREIGN KEY ("portrait_upload_id") REFERENCES "public"."uploads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payout_verifications_account_idx" ON "payout_verifications" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payout_verifications_running_idx" ON "payout_verifications" USING btree ("enterprise_verification_id") WHERE "payout_verifications"."state" not in ('succeeded', 'failed', 'cancelled');--> statement-breakpoint
CREATE INDEX "payout_verifications_bank_payout_idx" ON "payout_verifications" USING btree ("bank_payout_id");--> statement-breakpoint
CREATE INDEX "payout_verifications_deadline_idx" ON "payout_verifications" USING btree ("state","amount_deadline");