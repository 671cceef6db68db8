CREATE TYPE "public"."review_case_kind" AS ENUM('payout_materials', 'subject_change_proofs', 'name_change_proofs');--> statement-breakpoint
CREATE TYPE "public"."review_case_state" AS ENUM('open', 'approved', 'rejected', 'cancelled');--> statement-breakpoint
CREATE TABLE "review_case_items" (
	"case_id" uuid NOT NULL,
	"key" text NOT NULL,
	"position" integer NOT NULL,
	"text_value" text,
	"value_enc" text,
	"upload_id" uuid,
	"submitted_round" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "review_case_items_case_id_key_pk" PRIMARY KEY("case_id","key")
);
--> statement-breakpoint
CREATE TABLE "review_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"kind" "review_case_kind" NOT NULL,
	"process_id" uuid NOT NULL,
	"state" "review_case_state" DEFAULT 'open' NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"registry_answer" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reasons_round" integer,
	"internal_note" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "site_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "review_case_items" ADD CONSTRAINT "review_case_items_case_id_review_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."review_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_case_items" ADD CONSTRAINT "review_case_items_upload_id_uploads_id_fk" FOREIGN KEY ("upload_id") REFERENCES "public"."uploads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_cases" ADD CONSTRAINT "review_cases_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_cases" ADD CONSTRAINT "review_cases_decided_by_accounts_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_messages" ADD CONSTRAINT "site_messages_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "review_cases_queue_idx" ON "review_cases" USING btree ("state","due_at");--> statement-breakpoint
CREATE INDEX "review_cases_account_idx" ON "review_cases" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE INDEX "review_cases_process_idx" ON "review_cases" USING btree ("process_id");--> statement-breakpoint
CREATE INDEX "site_messages_account_idx" ON "site_messages" USING btree ("account_id","created_at");