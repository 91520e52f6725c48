CREATE TABLE "change_cursors" (
	"name" text PRIMARY KEY NOT NULL,
	"position" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offer_follow_notices" (
	"user_id" uuid NOT NULL,
	"offer_id" uuid NOT NULL,
	"change" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "offer_follow_notices_user_id_offer_id_change_pk" PRIMARY KEY("user_id","offer_id","change")
);
--> statement-breakpoint
ALTER TABLE "offer_follow_notices" ADD CONSTRAINT "offer_follow_notices_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_follow_notices" ADD CONSTRAINT "offer_follow_notices_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "offer_follow_notices_sent_idx" ON "offer_follow_notices" USING btree ("sent_at");