CREATE TABLE "partnership_sides" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" jsonb NOT NULL,
	"region_codes" text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partnerships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" jsonb NOT NULL,
	"description" jsonb,
	"area_codes" text[] DEFAULT '{}' NOT NULL,
	CONSTRAINT "partnerships_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"code" text PRIMARY KEY NOT NULL,
	"country_code" text NOT NULL,
	"parent_code" text,
	"name" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "areas" (
	"code" text PRIMARY KEY NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"name" jsonb NOT NULL,
	"description" jsonb,
	"nace_classes" text[] DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisation_people" (
	"organisation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" jsonb,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "organisation_people_organisation_id_person_id_pk" PRIMARY KEY("organisation_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"kind" text NOT NULL,
	"sector" text NOT NULL,
	"region_code" text NOT NULL,
	"city" jsonb,
	"name" jsonb NOT NULL,
	"short_name" jsonb,
	"description" jsonb,
	"website" text,
	"nace_classes" text[] DEFAULT '{}' NOT NULL,
	"area_codes" text[] DEFAULT '{}' NOT NULL,
	"source" text DEFAULT 'user' NOT NULL,
	"search_vector" "tsvector" NOT NULL,
	"sort_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"name_latin" text,
	"name_cyrillic" text
);
--> statement-breakpoint
ALTER TABLE "partnership_sides" ADD CONSTRAINT "partnership_sides_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_people" ADD CONSTRAINT "organisation_people_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_people" ADD CONSTRAINT "organisation_people_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organisations_search_idx" ON "organisations" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "organisations_nace_idx" ON "organisations" USING gin ("nace_classes");--> statement-breakpoint
CREATE INDEX "organisations_area_idx" ON "organisations" USING gin ("area_codes");--> statement-breakpoint
CREATE INDEX "organisations_region_sort_idx" ON "organisations" USING btree ("region_code","sort_name");--> statement-breakpoint
CREATE INDEX "organisations_kind_idx" ON "organisations" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "organisations_sort_idx" ON "organisations" USING btree ("sort_name","id");