-- The data's version, for the situation caches of every app instance (docs/scaling.md). One row, one counter,
-- bumped by a trigger in the transaction of every statement that writes the features or the scenario: the
-- app's edits, imports, the command line and any SQL typed by hand alike. The bump takes the row's lock and
-- keeps it to the end of the transaction, so writers of the data take turns and each commit leaves a new,
-- larger committed value: a reader that saw n before a commit sees more than n after it. (The stamp it
-- replaces, feature count and latest `updated_at`, missed a write whose transaction began before another's
-- and committed after it, as `now()` is the start of a transaction.)
CREATE TABLE IF NOT EXISTS "data_version" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"n" bigint NOT NULL,
	CONSTRAINT "data_version_one_row" CHECK ("id")
);
--> statement-breakpoint
INSERT INTO "data_version" ("id", "n") VALUES (true, 0) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "bump_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE "data_version" SET "n" = "n" + 1 WHERE "id";
	RETURN NULL;
END
$$;
--> statement-breakpoint
-- BEFORE each statement, so that a writer holds the counter's lock before it locks any feature row: two
-- writers then never hold one lock each while waiting for the other's (no deadlock between edits).
CREATE OR REPLACE TRIGGER "features_bump_data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "features"
	FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
--> statement-breakpoint
CREATE OR REPLACE TRIGGER "scenarios_bump_data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "scenarios"
	FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
--> statement-breakpoint
-- When public content (public records only, as served to anyone) was first seen in a state, by any instance:
-- the OGC API's ETags and `timeStamp` are made from it, so every instance gives the same ones. Keyed by a hash
-- of the content, never by the data version, so that edits of non-public records move nothing public.
CREATE TABLE IF NOT EXISTS "public_content_versions" (
	"hash" text PRIMARY KEY NOT NULL,
	"since" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "public_content_versions_since_idx" ON "public_content_versions" USING btree ("since");
