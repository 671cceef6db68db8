CREATE TYPE "public"."registry_proposal_kind" AS ENUM('rename', 'legal_rep', 'deregistered');--> statement-breakpoint
CREATE TYPE "public"."registry_proposal_state" AS ENUM('open', 'dismissed', 'resolved');--> statement-breakpoint
CREATE TABLE "registry_rechecks" (
	"subject_id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"checked_at" timestamp with time zone,
	"leased_until" timestamp with time zone,
	"lease_token" uuid,
	"proposal_id" uuid,
	"proposal_kind" "registry_proposal_kind",
	"proposal_state" "registry_proposal_state",
	"proposed_name" text,
	"proposal_value_key" text,
	"proposed_at" timestamp with time zone,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "registry_rechecks" ADD CONSTRAINT "registry_rechecks_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_rechecks" ADD CONSTRAINT "registry_rechecks_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "registry_rechecks_account_idx" ON "registry_rechecks" USING btree ("account_id");