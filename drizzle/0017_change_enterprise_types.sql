ALTER TABLE "change_requests" ADD COLUMN "legal_rep_name" text;--> statement-breakpoint
ALTER TABLE "change_requests" ADD COLUMN "legal_rep_id_number_enc" text;--> statement-breakpoint
ALTER TABLE "change_requests" ADD COLUMN "new_name" text;--> statement-breakpoint
ALTER TABLE "change_requests" ADD COLUMN "previous_name" text;--> statement-breakpoint
ALTER TABLE "change_requests" ADD COLUMN "new_code_enc" text;--> statement-breakpoint
ALTER TABLE "change_requests" ADD COLUMN "province" text;--> statement-breakpoint
ALTER TABLE "change_requests" ADD COLUMN "city" text;--> statement-breakpoint
ALTER TABLE "change_requests" ADD COLUMN "district" text;--> statement-breakpoint
ALTER TABLE "change_requests" ADD COLUMN "address_detail" text;--> statement-breakpoint
ALTER TABLE "change_requests" ADD COLUMN "channel" text;--> statement-breakpoint
ALTER TABLE "change_requests" ADD COLUMN "review_case_id" uuid;