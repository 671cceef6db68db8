CREATE INDEX "personal_verifications_created_idx" ON "personal_verifications" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "personal_verifications_ended_at_idx" ON "personal_verifications" USING btree ("completed_at") WHERE "personal_verifications"."state" in ('succeeded', 'failed', 'expired');--> statement-breakpoint
CREATE INDEX "enterprise_verifications_created_idx" ON "enterprise_verifications" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "enterprise_verifications_ended_at_idx" ON "enterprise_verifications" USING btree ("completed_at") WHERE "enterprise_verifications"."state" in ('succeeded', 'failed', 'expired');--> statement-breakpoint
CREATE INDEX "review_cases_decided_idx" ON "review_cases" USING btree ("decided_at") WHERE "review_cases"."decided_at" is not null;--> statement-breakpoint
CREATE INDEX "outbox_messages_failed_idx" ON "outbox_messages" USING btree ("created_at") WHERE "outbox_messages"."status" = 'failed';--> statement-breakpoint
CREATE INDEX "webhook_deliveries_failed_idx" ON "webhook_deliveries" USING btree ("created_at") WHERE "webhook_deliveries"."status" = 'failed';--> statement-breakpoint
CREATE INDEX "payout_verifications_submitted_idx" ON "payout_verifications" USING btree ("submitted_at");--> statement-breakpoint
CREATE INDEX "payout_verifications_enterprise_idx" ON "payout_verifications" USING btree ("enterprise_verification_id");--> statement-breakpoint
CREATE INDEX "recharge_verifications_issued_idx" ON "recharge_verifications" USING btree ("issued_at");--> statement-breakpoint
CREATE INDEX "change_requests_created_idx" ON "change_requests" USING btree ("created_at");