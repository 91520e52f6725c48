ALTER TABLE "partnerships" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "glossary_concepts" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;