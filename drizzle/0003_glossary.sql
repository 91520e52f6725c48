CREATE TABLE "partner_dismissals" (
	"organisation_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_dismissals_organisation_id_candidate_id_pk" PRIMARY KEY("organisation_id","candidate_id")
);
--> statement-breakpoint
CREATE TABLE "glossary_concepts" (
	"code" text PRIMARY KEY NOT NULL,
	"broader" text[] DEFAULT '{}' NOT NULL,
	"nace_classes" text[] DEFAULT '{}' NOT NULL,
	"source" text DEFAULT 'user' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "glossary_terms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"concept_code" text NOT NULL,
	"language" text NOT NULL,
	"term" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"query" "tsquery" NOT NULL,
	"lexemes" text[] NOT NULL,
	"key_lexeme" text NOT NULL,
	"removed" boolean DEFAULT false NOT NULL,
	"source" text DEFAULT 'user' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "glossary_terms_concept_language_term_key" UNIQUE("concept_code","language","term")
);
--> statement-breakpoint
DROP INDEX "organisations_kind_idx";--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "concept_codes" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "name_keys" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "name_key_list" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "partner_dismissals" ADD CONSTRAINT "partner_dismissals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_dismissals" ADD CONSTRAINT "partner_dismissals_candidate_id_organisations_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "glossary_terms" ADD CONSTRAINT "glossary_terms_concept_code_glossary_concepts_code_fk" FOREIGN KEY ("concept_code") REFERENCES "public"."glossary_concepts"("code") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
CREATE INDEX "glossary_terms_key_lexeme_idx" ON "glossary_terms" USING btree ("key_lexeme");--> statement-breakpoint
CREATE INDEX "organisations_concepts_idx" ON "organisations" USING gin ("concept_codes");--> statement-breakpoint
CREATE INDEX "organisations_name_keys_idx" ON "organisations" USING gin ("name_keys" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "organisations_name_key_list_idx" ON "organisations" USING gin ("name_key_list");