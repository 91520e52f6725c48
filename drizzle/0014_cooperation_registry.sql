CREATE TABLE "academic_participation" (
	"record_id" uuid NOT NULL,
	"academic_year" text NOT NULL,
	"participants" integer NOT NULL,
	CONSTRAINT "academic_participation_record_id_academic_year_pk" PRIMARY KEY("record_id","academic_year")
);
--> statement-breakpoint
CREATE TABLE "cooperation_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"kind" text NOT NULL,
	"types" text[] DEFAULT '{}' NOT NULL,
	"title" jsonb NOT NULL,
	"summary" jsonb,
	"stage" text NOT NULL,
	"area_codes" text[] DEFAULT '{}' NOT NULL,
	"dated" text,
	"dated_first" date,
	"dated_last" date,
	"valid_from" text,
	"valid_from_first" date,
	"valid_until" text,
	"valid_until_last" date,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"region_codes" text[] DEFAULT '{}' NOT NULL,
	"partnership_id" uuid,
	"published" boolean DEFAULT true NOT NULL,
	"source" text DEFAULT 'user' NOT NULL,
	"search_vector" "tsvector",
	"revision" bigint DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cooperation_records_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "named_parties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" jsonb NOT NULL,
	"kind" text NOT NULL,
	"country_code" text NOT NULL,
	"region_code" text,
	"merged_into" uuid,
	"merged_at" timestamp with time zone,
	"merged_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "record_links" (
	"record_id" uuid NOT NULL,
	"target_kind" text NOT NULL,
	"target_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "record_links_record_id_target_kind_target_id_pk" PRIMARY KEY("record_id","target_kind","target_id")
);
--> statement-breakpoint
CREATE TABLE "record_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"record_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" jsonb NOT NULL,
	"due_on" date,
	"done_on" date
);
--> statement-breakpoint
CREATE TABLE "record_parties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"record_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"organisation_id" uuid,
	"named_party_id" uuid,
	"role" text NOT NULL,
	CONSTRAINT "record_parties_organisation_once" UNIQUE("record_id","organisation_id"),
	CONSTRAINT "record_parties_named_once" UNIQUE("record_id","named_party_id"),
	CONSTRAINT "record_parties_one_party" CHECK (("record_parties"."organisation_id" is null) <> ("record_parties"."named_party_id" is null))
);
--> statement-breakpoint
CREATE TABLE "record_stage_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"record_id" uuid NOT NULL,
	"from_stage" text,
	"to_stage" text NOT NULL,
	"happened" text NOT NULL,
	"happened_first" date NOT NULL,
	"reason" text,
	"changed_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_chunks" (
	"document_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "document_chunks_document_id_seq_pk" PRIMARY KEY("document_id","seq")
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"record_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"state" text DEFAULT 'queued' NOT NULL,
	"singleton_key" text,
	"run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 5 NOT NULL,
	"last_error" text,
	"result" jsonb,
	"locked_by" text,
	"locked_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "jobs_singleton_key_unique" UNIQUE("singleton_key")
);
--> statement-breakpoint
ALTER TABLE "academic_participation" ADD CONSTRAINT "academic_participation_record_id_cooperation_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."cooperation_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_records" ADD CONSTRAINT "cooperation_records_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_records" ADD CONSTRAINT "cooperation_records_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "named_parties" ADD CONSTRAINT "named_parties_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "named_parties" ADD CONSTRAINT "named_parties_merged_into_organisations_id_fk" FOREIGN KEY ("merged_into") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "named_parties" ADD CONSTRAINT "named_parties_merged_by_users_id_fk" FOREIGN KEY ("merged_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_links" ADD CONSTRAINT "record_links_record_id_cooperation_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."cooperation_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_links" ADD CONSTRAINT "record_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_milestones" ADD CONSTRAINT "record_milestones_record_id_cooperation_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."cooperation_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_parties" ADD CONSTRAINT "record_parties_record_id_cooperation_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."cooperation_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_parties" ADD CONSTRAINT "record_parties_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_parties" ADD CONSTRAINT "record_parties_named_party_id_named_parties_id_fk" FOREIGN KEY ("named_party_id") REFERENCES "public"."named_parties"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_stage_changes" ADD CONSTRAINT "record_stage_changes_record_id_cooperation_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."cooperation_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_stage_changes" ADD CONSTRAINT "record_stage_changes_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_chunks" ADD CONSTRAINT "document_chunks_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_record_id_cooperation_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."cooperation_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cooperation_records_kind_dated_idx" ON "cooperation_records" USING btree ("kind","dated_first","id");--> statement-breakpoint
CREATE INDEX "cooperation_records_dated_idx" ON "cooperation_records" USING btree ("dated_first","id");--> statement-breakpoint
CREATE INDEX "cooperation_records_regions_idx" ON "cooperation_records" USING gin ("region_codes");--> statement-breakpoint
CREATE INDEX "cooperation_records_areas_idx" ON "cooperation_records" USING gin ("area_codes");--> statement-breakpoint
CREATE INDEX "cooperation_records_search_idx" ON "cooperation_records" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "cooperation_records_revision_idx" ON "cooperation_records" USING btree ("revision");--> statement-breakpoint
CREATE INDEX "cooperation_records_partnership_idx" ON "cooperation_records" USING btree ("partnership_id") WHERE "cooperation_records"."partnership_id" is not null;--> statement-breakpoint
CREATE INDEX "cooperation_records_valid_until_idx" ON "cooperation_records" USING btree ("valid_until_last") WHERE "cooperation_records"."valid_until_last" is not null;--> statement-breakpoint
CREATE INDEX "named_parties_region_idx" ON "named_parties" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "record_links_target_idx" ON "record_links" USING btree ("target_kind","target_id");--> statement-breakpoint
CREATE INDEX "record_milestones_record_idx" ON "record_milestones" USING btree ("record_id","position");--> statement-breakpoint
CREATE INDEX "record_milestones_overdue_idx" ON "record_milestones" USING btree ("due_on") WHERE "record_milestones"."done_on" is null;--> statement-breakpoint
CREATE INDEX "record_parties_organisation_idx" ON "record_parties" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "record_parties_named_idx" ON "record_parties" USING btree ("named_party_id");--> statement-breakpoint
CREATE INDEX "record_stage_changes_record_idx" ON "record_stage_changes" USING btree ("record_id","recorded_at");--> statement-breakpoint
CREATE INDEX "documents_record_idx" ON "documents" USING btree ("record_id","created_at");--> statement-breakpoint
CREATE INDEX "jobs_due_idx" ON "jobs" USING btree ("run_at") WHERE "jobs"."state" in ('queued', 'running');--> statement-breakpoint
CREATE INDEX "jobs_name_idx" ON "jobs" USING btree ("name","created_at");--> statement-breakpoint
-- Hand-written: registry records are stamped with their writing transaction's id, as organisations are
-- (0006_revision.sql), for readers that keep them in memory and fetch what changed since.
CREATE TRIGGER cooperation_records_revise BEFORE INSERT OR UPDATE ON cooperation_records FOR EACH ROW EXECUTE FUNCTION organisations_revise();
