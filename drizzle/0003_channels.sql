CREATE TYPE "public"."channel" AS ENUM('wechat', 'qq', 'face', 'oa', 'registry', 'bank', 'notify');--> statement-breakpoint
CREATE TYPE "public"."channel_event_status" AS ENUM('received', 'processed', 'ignored', 'deferred');--> statement-breakpoint
CREATE TYPE "public"."channel_request_status" AS ENUM('pending', 'succeeded', 'failed');--> statement-breakpoint
CREATE TYPE "public"."channel_session_state" AS ENUM('open', 'completed', 'failed', 'expired');--> statement-breakpoint
CREATE TABLE "channel_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"channel" "channel" NOT NULL,
	"webhook_id" varchar(255) NOT NULL,
	"type" text NOT NULL,
	"subject_id" text,
	"reference" text,
	"payload_enc" text NOT NULL,
	"status" "channel_event_status" DEFAULT 'received' NOT NULL,
	"outcome" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"processed_at" timestamp with time zone,
	CONSTRAINT "channel_events_webhook_id_key" UNIQUE("channel","webhook_id")
);
--> statement-breakpoint
CREATE TABLE "channel_requests" (
	"idempotency_key" uuid PRIMARY KEY NOT NULL,
	"channel" "channel" NOT NULL,
	"operation" text NOT NULL,
	"reference" text NOT NULL,
	"status" "channel_request_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"response" jsonb,
	"last_failure" text,
	"last_http_status" integer,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "channel_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"channel" "channel" NOT NULL,
	"purpose" text NOT NULL,
	"reference" text NOT NULL,
	"account_id" uuid,
	"external_session_id" text NOT NULL,
	"scan_url" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"state" "channel_session_state" DEFAULT 'open' NOT NULL,
	"result" text,
	"birth_date" date,
	"verified_enterprise_name" text,
	"idempotency_key" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"settled_at" timestamp with time zone,
	CONSTRAINT "channel_sessions_external_id_key" UNIQUE("channel","external_session_id")
);
--> statement-breakpoint
ALTER TABLE "channel_sessions" ADD CONSTRAINT "channel_sessions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_sessions" ADD CONSTRAINT "channel_sessions_idempotency_key_channel_requests_idempotency_key_fk" FOREIGN KEY ("idempotency_key") REFERENCES "public"."channel_requests"("idempotency_key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "channel_events_status_idx" ON "channel_events" USING btree ("status","received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "channel_requests_one_pending_idx" ON "channel_requests" USING btree ("channel","operation","reference") WHERE "channel_requests"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "channel_requests_reference_idx" ON "channel_requests" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "channel_sessions_reference_idx" ON "channel_sessions" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "channel_sessions_open_deadline_idx" ON "channel_sessions" USING btree ("expires_at") WHERE "channel_sessions"."state" = 'open';