CREATE SCHEMA "sim";
--> statement-breakpoint
CREATE TABLE "sim"."bank_accounts" (
	"number" text PRIMARY KEY NOT NULL,
	"holder_name" text NOT NULL,
	"bank" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sim"."bank_inbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account_number" text NOT NULL,
	"amount_fen" integer NOT NULL,
	"from_name" text NOT NULL,
	"kind" text NOT NULL,
	"payment_id" text NOT NULL,
	"arrived_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sim"."bank_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"payout_delay_business_days" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sim"."callback_deliveries" (
	"id" text PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"url" text NOT NULL,
	"type" text NOT NULL,
	"body" text NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"leased_until" timestamp with time zone,
	"last_status" integer,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sim"."channel_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"reference" text NOT NULL,
	"callback_url" text NOT NULL,
	"expected_name" text,
	"expected_id_type" text,
	"expected_id_number" text,
	"state" text NOT NULL,
	"result" text,
	"chosen_user_id" text,
	"chosen_oa_account_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sim"."enterprise_names" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"until" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sim"."enterprises" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"licence_type" text NOT NULL,
	"legal_rep_name" text NOT NULL,
	"legal_rep_id_number" text NOT NULL,
	"status" text NOT NULL,
	"entity_type" text NOT NULL,
	"address" text NOT NULL,
	"registered_capital" text NOT NULL,
	"established_on" date NOT NULL,
	"authority" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sim"."idempotency_records" (
	"channel" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status" integer NOT NULL,
	"body" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "idempotency_records_channel_key_pk" PRIMARY KEY("channel","key")
);
--> statement-breakpoint
CREATE TABLE "sim"."inbox_messages" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"to" text NOT NULL,
	"subject" text,
	"body" text NOT NULL,
	"reference" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sim"."oa_accounts" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"verified_enterprise_name" text,
	"admin_wechat_user_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sim"."outgoing_payments" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"reference" text NOT NULL,
	"to_account" text NOT NULL,
	"holder_name" text NOT NULL,
	"bank" text,
	"amount_fen" integer NOT NULL,
	"transfer_id" text,
	"status" text NOT NULL,
	"failure_reason" text,
	"requested_at" timestamp with time zone NOT NULL,
	"settle_at" timestamp with time zone NOT NULL,
	"arrived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sim"."phone_users" (
	"id" text PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"name" text NOT NULL,
	"id_type" text NOT NULL,
	"id_number" text NOT NULL,
	"birth_date" date NOT NULL,
	"bank_card" boolean NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sim"."transfers" (
	"id" text PRIMARY KEY NOT NULL,
	"from_account" text NOT NULL,
	"from_name" text NOT NULL,
	"amount_fen" integer NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "bank_inbox_account_idx" ON "sim"."bank_inbox" USING btree ("account_number","arrived_at");--> statement-breakpoint
CREATE UNIQUE INDEX "bank_inbox_payment_uq" ON "sim"."bank_inbox" USING btree ("payment_id");--> statement-breakpoint
CREATE INDEX "callback_deliveries_due_idx" ON "sim"."callback_deliveries" USING btree ("next_attempt_at") WHERE "sim"."callback_deliveries"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "callback_deliveries_created_idx" ON "sim"."callback_deliveries" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "channel_sessions_open_idx" ON "sim"."channel_sessions" USING btree ("state","expires_at");--> statement-breakpoint
CREATE INDEX "channel_sessions_created_idx" ON "sim"."channel_sessions" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "enterprise_names_code_idx" ON "sim"."enterprise_names" USING btree ("code","until");--> statement-breakpoint
CREATE INDEX "inbox_messages_to_idx" ON "sim"."inbox_messages" USING btree ("to","created_at");--> statement-breakpoint
CREATE INDEX "outgoing_payments_due_idx" ON "sim"."outgoing_payments" USING btree ("status","settle_at");--> statement-breakpoint
CREATE UNIQUE INDEX "outgoing_payments_transfer_uq" ON "sim"."outgoing_payments" USING btree ("transfer_id");--> statement-breakpoint
CREATE INDEX "phone_users_channel_idx" ON "sim"."phone_users" USING btree ("channel","created_at");--> statement-breakpoint
CREATE INDEX "transfers_received_idx" ON "sim"."transfers" USING btree ("received_at");