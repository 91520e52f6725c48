ALTER TABLE "organisations" ADD COLUMN "revision" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "organisations_revision_idx" ON "organisations" USING btree ("revision");--> statement-breakpoint
-- Hand-written: each write stamps the row with its transaction's id. A reader that remembers the oldest
-- transaction still running when it last read (pg_snapshot_xmin) re-reads every row stamped since, so a
-- write that commits late is not missed.
CREATE FUNCTION organisations_revise() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.revision := pg_current_xact_id()::text::bigint;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER organisations_revise BEFORE INSERT OR UPDATE ON organisations FOR EACH ROW EXECUTE FUNCTION organisations_revise();
