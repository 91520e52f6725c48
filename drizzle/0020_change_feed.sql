CREATE TABLE "change_feed" (
	"entity" text NOT NULL,
	"seq" bigint NOT NULL,
	"entity_id" uuid NOT NULL,
	"written_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "change_feed_entity_seq_pk" PRIMARY KEY("entity","seq")
);
--> statement-breakpoint
CREATE TABLE "change_feed_floors" (
	"entity" text PRIMARY KEY NOT NULL,
	"floor" bigint DEFAULT 0 NOT NULL,
	"pending" bigint,
	"pending_until" bigint,
	"cut_at" timestamp with time zone
);
--> statement-breakpoint
-- Hand-written: the change feed's sequences and triggers. Each write of a followed row adds a feed row
-- with the next value of its entity's sequence (cache 1, so values are taken in order across sessions);
-- a value taken by a transaction becomes visible when it commits, and readers keep the gaps they see as
-- holes until every transaction that could fill them has ended (src/repositories/change-feed-position.ts).
CREATE SEQUENCE change_feed_organisation_seq CACHE 1;--> statement-breakpoint
CREATE SEQUENCE change_feed_record_seq CACHE 1;--> statement-breakpoint
CREATE SEQUENCE change_feed_offer_seq CACHE 1;--> statement-breakpoint
CREATE FUNCTION change_feed_write() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  written uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END;
BEGIN
  INSERT INTO change_feed (entity, seq, entity_id)
    VALUES (TG_ARGV[0], nextval('change_feed_' || TG_ARGV[0] || '_seq'), written);
  RETURN NULL;
END
$$;--> statement-breakpoint
-- an offer's matching profile carries its owner's kind: a change of kind is a change of each of its offers
CREATE FUNCTION change_feed_owner_kind() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.kind IS DISTINCT FROM OLD.kind THEN
    INSERT INTO change_feed (entity, seq, entity_id)
      SELECT 'offer', nextval('change_feed_offer_seq'), o.id FROM offers o WHERE o.organisation_id = NEW.id;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER organisations_feed AFTER INSERT OR UPDATE OR DELETE ON organisations FOR EACH ROW EXECUTE FUNCTION change_feed_write('organisation');--> statement-breakpoint
CREATE TRIGGER organisations_feed_offers AFTER UPDATE OF kind ON organisations FOR EACH ROW EXECUTE FUNCTION change_feed_owner_kind();--> statement-breakpoint
CREATE TRIGGER cooperation_records_feed AFTER INSERT OR UPDATE OR DELETE ON cooperation_records FOR EACH ROW EXECUTE FUNCTION change_feed_write('record');--> statement-breakpoint
CREATE TRIGGER offers_feed AFTER INSERT OR UPDATE OR DELETE ON offers FOR EACH ROW EXECUTE FUNCTION change_feed_write('offer');--> statement-breakpoint
INSERT INTO change_feed_floors (entity) VALUES ('organisation'), ('record'), ('offer');
