ALTER TABLE "change_requests" DROP CONSTRAINT "change_requests_personal_verification_id_personal_verifications_id_fk";
--> statement-breakpoint
ALTER TABLE "change_requests" DROP CONSTRAINT "change_requests_enterprise_verification_id_enterprise_verifications_id_fk";
--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_personal_verification_id_personal_verifications_id_fk" FOREIGN KEY ("personal_verification_id") REFERENCES "public"."personal_verifications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_enterprise_verification_id_enterprise_verifications_id_fk" FOREIGN KEY ("enterprise_verification_id") REFERENCES "public"."enterprise_verifications"("id") ON DELETE set null ON UPDATE no action;