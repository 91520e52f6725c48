DROP INDEX "organisations_stale_document_idx";--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "sort_key_ru" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "sort_key_fr" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "sort_key_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "organisations_sort_key_ru_idx" ON "organisations" USING btree ("sort_key_ru" collate "C","id");--> statement-breakpoint
CREATE INDEX "organisations_sort_key_fr_idx" ON "organisations" USING btree ("sort_key_fr" collate "C","id");--> statement-breakpoint
CREATE INDEX "organisations_sort_key_en_idx" ON "organisations" USING btree ("sort_key_en" collate "C","id");--> statement-breakpoint
CREATE INDEX "organisations_created_idx" ON "organisations" USING btree ("created_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "organisations_stale_document_idx" ON "organisations" USING btree ("id") WHERE "organisations"."name_keys" = '' or "organisations"."sort_key_en" = '';