CREATE TYPE "public"."personal_verification_state" AS ENUM('draft', 'confirmed', 'awaiting_channel', 'succeeded', 'failed', 'expired', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."subject_kind" AS ENUM('person', 'enterprise');--> statement-breakpoint
CREATE TABLE "account_processes" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"process_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identity_locks" (
	"identity_key" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "personal_verifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"state" "personal_verification_state" NOT NULL,
	"real_name" text NOT NULL,
	"document_type" text NOT NULL,
	"document_number_enc" text NOT NULL,
	"identity_key" text NOT NULL,
	"birth_date" date,
	"industry" text,
	"province" text NOT NULL,
	"city" text NOT NULL,
	"district" text NOT NULL,
	"address_detail" text NOT NULL,
	"method" text,
	"channel_session_id" uuid,
	"failure_code" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "subjects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"kind" "subject_kind" NOT NULL,
	"name" text NOT NULL,
	"document_type" text NOT NULL,
	"document_number_enc" text NOT NULL,
	"identity_key" text NOT NULL,
	"method" text NOT NULL,
	"province" text,
	"city" text,
	"district" text,
	"address_detail" text,
	"industry" text,
	"verified_at" timestamp with time zone NOT NULL,
	"replaced_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "account_processes" ADD CONSTRAINT "account_processes_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personal_verifications" ADD CONSTRAINT "personal_verifications_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subjects" ADD CONSTRAINT "subjects_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "personal_verifications_account_idx" ON "personal_verifications" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE INDEX "personal_verifications_session_idx" ON "personal_verifications" USING btree ("channel_session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "subjects_one_current_per_account" ON "subjects" USING btree ("account_id") WHERE "subjects"."replaced_at" is null;--> statement-breakpoint
CREATE INDEX "subjects_identity_current_idx" ON "subjects" USING btree ("identity_key") WHERE "subjects"."replaced_at" is null;