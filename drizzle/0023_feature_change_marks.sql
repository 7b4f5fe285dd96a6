-- Which data version last wrote each feature (docs/scaling.md, "A read after a write reads what changed"): a
-- trigger sets `change_mark` to the counter of migration 0015 on every insert and update of a row, in the writer's
-- transaction, after that statement's bump (a statement's BEFORE trigger runs before its rows' triggers). So the
-- rows a reader has not seen since it read at version n are those marked above n, whatever wrote them: the app's
-- edits and soft deletes, imports, the command line and SQL typed by hand. A row deleted outright leaves no mark;
-- the reader also reads the ids in force, which shows it.
ALTER TABLE "features" ADD COLUMN IF NOT EXISTS "change_mark" bigint DEFAULT 0 NOT NULL;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "features_change_mark_idx" ON "features" USING btree ("change_mark");
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "mark_feature_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	NEW."change_mark" := (SELECT "n" FROM "data_version" WHERE "id");
	RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE TRIGGER "features_mark_change" BEFORE INSERT OR UPDATE ON "features"
	FOR EACH ROW EXECUTE FUNCTION "mark_feature_change"();
