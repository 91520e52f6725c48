CREATE TABLE "digest_deliveries" (
	"saved_search_id" uuid NOT NULL,
	"period" text NOT NULL,
	"offer_count" integer NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "digest_deliveries_saved_search_id_period_pk" PRIMARY KEY("saved_search_id","period")
);
--> statement-breakpoint
CREATE TABLE "offer_follows" (
	"user_id" uuid NOT NULL,
	"offer_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "offer_follows_user_id_offer_id_pk" PRIMARY KEY("user_id","offer_id")
);
--> statement-breakpoint
CREATE TABLE "offer_interests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"offer_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"author_id" uuid,
	"message" text NOT NULL,
	"answers" jsonb NOT NULL,
	"language" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decline_reason" text,
	"thread_id" uuid,
	"agreement_id" uuid,
	"outcome_at" timestamp with time zone,
	"outcome_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "offer_interests_once" UNIQUE("offer_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "offer_stage_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"offer_id" uuid NOT NULL,
	"from_stage" text,
	"to_stage" text NOT NULL,
	"reason" text,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"kind" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" jsonb NOT NULL,
	"summary" jsonb,
	"description" jsonb,
	"area_codes" text[] DEFAULT '{}' NOT NULL,
	"nace_codes" text[] DEFAULT '{}' NOT NULL,
	"product_codes" text[] DEFAULT '{}' NOT NULL,
	"trl" integer,
	"development_stage" text,
	"ip_status" text,
	"partnership_kinds" text[] DEFAULT '{}' NOT NULL,
	"partner_kinds" text[] DEFAULT '{}' NOT NULL,
	"partner_sizes" text[] DEFAULT '{}' NOT NULL,
	"partner_role" jsonb,
	"target_region_codes" text[] DEFAULT '{}' NOT NULL,
	"region_code" text NOT NULL,
	"deadline" date,
	"expires_on" date NOT NULL,
	"expiry_warned_days" integer,
	"anonymous" boolean DEFAULT false NOT NULL,
	"stage" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"concept_codes" text[] DEFAULT '{}' NOT NULL,
	"search_vector" "tsvector",
	"source" text DEFAULT 'user' NOT NULL,
	"revision" bigint DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "offers_slug_unique" UNIQUE("slug"),
	CONSTRAINT "offers_trl_range" CHECK ("offers"."trl" is null or "offers"."trl" between 1 and 9),
	CONSTRAINT "offers_deadline_before_expiry" CHECK ("offers"."deadline" is null or "offers"."deadline" <= "offers"."expires_on")
);
--> statement-breakpoint
CREATE TABLE "saved_searches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"query" jsonb NOT NULL,
	"frequency" text DEFAULT 'weekly' NOT NULL,
	"covered_until" timestamp with time zone DEFAULT now() NOT NULL,
	"unsubscribed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "digest_deliveries" ADD CONSTRAINT "digest_deliveries_saved_search_id_saved_searches_id_fk" FOREIGN KEY ("saved_search_id") REFERENCES "public"."saved_searches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_follows" ADD CONSTRAINT "offer_follows_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_follows" ADD CONSTRAINT "offer_follows_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_interests" ADD CONSTRAINT "offer_interests_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_interests" ADD CONSTRAINT "offer_interests_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_interests" ADD CONSTRAINT "offer_interests_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_interests" ADD CONSTRAINT "offer_interests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_interests" ADD CONSTRAINT "offer_interests_thread_id_message_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."message_threads"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_interests" ADD CONSTRAINT "offer_interests_agreement_id_cooperation_records_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."cooperation_records"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_interests" ADD CONSTRAINT "offer_interests_outcome_by_users_id_fk" FOREIGN KEY ("outcome_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_stage_changes" ADD CONSTRAINT "offer_stage_changes_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_stage_changes" ADD CONSTRAINT "offer_stage_changes_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_searches" ADD CONSTRAINT "saved_searches_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "offer_follows_offer_idx" ON "offer_follows" USING btree ("offer_id");--> statement-breakpoint
CREATE INDEX "offer_interests_organisation_idx" ON "offer_interests" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "offer_interests_outcome_idx" ON "offer_interests" USING btree ("outcome_at") WHERE "offer_interests"."agreement_id" is not null;--> statement-breakpoint
CREATE INDEX "offer_stage_changes_offer_idx" ON "offer_stage_changes" USING btree ("offer_id","changed_at");--> statement-breakpoint
CREATE INDEX "offers_organisation_idx" ON "offers" USING btree ("organisation_id","updated_at");--> statement-breakpoint
CREATE INDEX "offers_stage_region_idx" ON "offers" USING btree ("stage","region_code");--> statement-breakpoint
CREATE INDEX "offers_published_idx" ON "offers" USING btree ("published_at","id") WHERE "offers"."stage" = 'published';--> statement-breakpoint
CREATE INDEX "offers_expires_idx" ON "offers" USING btree ("expires_on") WHERE "offers"."stage" = 'published';--> statement-breakpoint
CREATE INDEX "offers_areas_idx" ON "offers" USING gin ("area_codes");--> statement-breakpoint
CREATE INDEX "offers_concepts_idx" ON "offers" USING gin ("concept_codes");--> statement-breakpoint
CREATE INDEX "offers_search_idx" ON "offers" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "offers_revision_idx" ON "offers" USING btree ("revision");--> statement-breakpoint
CREATE INDEX "saved_searches_user_idx" ON "saved_searches" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "saved_searches_frequency_idx" ON "saved_searches" USING btree ("frequency","covered_until");--> statement-breakpoint
-- Hand-written: offers are stamped with their writing transaction's id, as organisations and registry
-- records are (0006_revision.sql), for the marketplace's in-memory index, which fetches what changed since.
CREATE TRIGGER offers_revise BEFORE INSERT OR UPDATE ON offers FOR EACH ROW EXECUTE FUNCTION organisations_revise();
