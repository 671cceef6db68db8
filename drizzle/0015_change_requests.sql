CREATE TYPE "public"."change_request_state" AS ENUM('face_check', 'face_checking', 'choosing', 'new_data', 'verifying', 'proofs', 'in_review', 'rejected', 'new_name', 'rep_data', 'rep_checking', 'completed', 'cancelled', 'expired');--> statement-breakpoint
CREATE TYPE "public"."change_type" AS ENUM('person_to_enterprise', 'person_to_person', 'enterprise_to_enterprise', 'enterprise_rename', 'legal_rep_update');--> statement-breakpoint
CREATE TABLE "change_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"type" "change_type",
	"state" "change_request_state" NOT NULL,
	"old_subject_id" uuid NOT NULL,
	"new_subject_id" uuid,
	"personal_verification_id" uuid,
	"enterprise_verification_id" uuid,
	"face_session_id" uuid,
	"expires_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_old_subject_id_subjects_id_fk" FOREIGN KEY ("old_subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_new_subject_id_subjects_id_fk" FOREIGN KEY ("new_subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_personal_verification_id_personal_verifications_id_fk" FOREIGN KEY ("personal_verification_id") REFERENCES "public"."personal_verifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_enterprise_verification_id_enterprise_verifications_id_fk" FOREIGN KEY ("enterprise_verification_id") REFERENCES "public"."enterprise_verifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "change_requests_account_idx" ON "change_requests" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE INDEX "change_requests_personal_verification_idx" ON "change_requests" USING btree ("personal_verification_id");--> statement-breakpoint
CREATE INDEX "change_requests_enterprise_verification_idx" ON "change_requests" USING btree ("enterprise_verification_id");--> statement-breakpoint
CREATE INDEX "change_requests_open_deadline_idx" ON "change_requests" USING btree ("expires_at") WHERE "change_requests"."state" not in ('completed', 'cancelled', 'expired') and "change_requests"."expires_at" is not null;