CREATE TYPE "public"."enterprise_verification_state" AS ENUM('draft', 'awaiting_channel', 'succeeded', 'failed', 'expired', 'cancelled');--> statement-breakpoint
CREATE TABLE "calendar_days" (
	"day" date PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"entered_by" uuid,
	"entered_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "uploads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"store" text NOT NULL,
	"storage_key" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"width" integer,
	"height" integer,
	"created_at" timestamp with time zone NOT NULL,
	"purged_at" timestamp with time zone,
	CONSTRAINT "uploads_storage_key_unique" UNIQUE("storage_key")
);
--> statement-breakpoint
CREATE TABLE "enterprise_limits" (
	"identity_key" text PRIMARY KEY NOT NULL,
	"max_accounts" integer NOT NULL,
	"reason" text NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enterprise_verifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"state" "enterprise_verification_state" NOT NULL,
	"licence_type" text NOT NULL,
	"licence_upload_id" uuid NOT NULL,
	"enterprise_name" text NOT NULL,
	"code_enc" text NOT NULL,
	"identity_key" text NOT NULL,
	"province" text NOT NULL,
	"city" text NOT NULL,
	"district" text NOT NULL,
	"address_detail" text NOT NULL,
	"contact_name" text NOT NULL,
	"contact_id_number_enc" text NOT NULL,
	"contact_mobile_enc" text NOT NULL,
	"registry_checked_at" timestamp with time zone,
	"method" text,
	"legal_rep_name" text,
	"legal_rep_id_number_enc" text,
	"channel_session_id" uuid,
	"failure_code" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "subjects" ADD COLUMN "contact_name" text;--> statement-breakpoint
ALTER TABLE "subjects" ADD COLUMN "contact_id_number_enc" text;--> statement-breakpoint
ALTER TABLE "subjects" ADD COLUMN "contact_mobile_enc" text;--> statement-breakpoint
ALTER TABLE "subjects" ADD COLUMN "legal_rep_name" text;--> statement-breakpoint
ALTER TABLE "subjects" ADD COLUMN "legal_rep_id_number_enc" text;--> statement-breakpoint
ALTER TABLE "subjects" ADD COLUMN "licence_upload_id" uuid;--> statement-breakpoint
ALTER TABLE "uploads" ADD CONSTRAINT "uploads_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_limits" ADD CONSTRAINT "enterprise_limits_updated_by_accounts_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_verifications" ADD CONSTRAINT "enterprise_verifications_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_verifications" ADD CONSTRAINT "enterprise_verifications_licence_upload_id_uploads_id_fk" FOREIGN KEY ("licence_upload_id") REFERENCES "public"."uploads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "uploads_account_idx" ON "uploads" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE INDEX "enterprise_verifications_account_idx" ON "enterprise_verifications" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE INDEX "enterprise_verifications_session_idx" ON "enterprise_verifications" USING btree ("channel_session_id");