CREATE TYPE "public"."personal_document_type" AS ENUM('resident_id', 'hk_macau_permit', 'taiwan_permit');--> statement-breakpoint
CREATE TYPE "public"."personal_method" AS ENUM('wechat', 'face', 'qq');--> statement-breakpoint
CREATE TYPE "public"."subject_document_type" AS ENUM('resident_id', 'hk_macau_permit', 'taiwan_permit', 'business_licence', 'other');--> statement-breakpoint
CREATE TYPE "public"."subject_method" AS ENUM('wechat', 'face', 'qq', 'oa', 'legal_rep_wechat', 'legal_rep_face', 'recharge', 'payout');--> statement-breakpoint
CREATE TYPE "public"."enterprise_method" AS ENUM('oa', 'legal_rep_wechat', 'legal_rep_face', 'recharge', 'payout');--> statement-breakpoint
CREATE TYPE "public"."licence_type" AS ENUM('business_licence', 'other');--> statement-breakpoint
-- Existing rows keep their values (each cast fails loudly on a value the domain does not know).
-- The registry re-check's partial index compares document_type with a text literal: Postgres
-- cannot rebuild it under the new type (no enum = text operator), so it is dropped here and
-- made again below from the same definition (0022).
DROP INDEX "subjects_registry_recheck_idx";--> statement-breakpoint
ALTER TABLE "personal_verifications" ALTER COLUMN "document_type" SET DATA TYPE "public"."personal_document_type" USING "document_type"::"public"."personal_document_type";--> statement-breakpoint
ALTER TABLE "personal_verifications" ALTER COLUMN "method" SET DATA TYPE "public"."personal_method" USING "method"::"public"."personal_method";--> statement-breakpoint
ALTER TABLE "subjects" ALTER COLUMN "document_type" SET DATA TYPE "public"."subject_document_type" USING "document_type"::"public"."subject_document_type";--> statement-breakpoint
ALTER TABLE "subjects" ALTER COLUMN "method" SET DATA TYPE "public"."subject_method" USING "method"::"public"."subject_method";--> statement-breakpoint
ALTER TABLE "enterprise_verifications" ALTER COLUMN "licence_type" SET DATA TYPE "public"."licence_type" USING "licence_type"::"public"."licence_type";--> statement-breakpoint
ALTER TABLE "enterprise_verifications" ALTER COLUMN "method" SET DATA TYPE "public"."enterprise_method" USING "method"::"public"."enterprise_method";--> statement-breakpoint
CREATE INDEX "subjects_registry_recheck_idx" ON "subjects" USING btree ("verified_at") WHERE "subjects"."kind" = 'enterprise' and "subjects"."replaced_at" is null and "subjects"."document_type" = 'business_licence';
