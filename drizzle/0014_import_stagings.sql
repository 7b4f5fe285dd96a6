-- Imports sent from the browser in parts (`imports.begin`, `append`, `finish`), kept in the database rather
-- than in one server process, so that with several app instances behind a load balancer each part may reach
-- any of them. One row per import being sent; its parts (the JSON text of each chunk's features, in order)
-- in `import_staging_parts`, dropped with it.
CREATE TABLE IF NOT EXISTS "import_stagings" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_id" bigint NOT NULL,
	"owner_email" text NOT NULL,
	"layer" text NOT NULL,
	"file_name" text NOT NULL,
	"format" text NOT NULL,
	"source_key" text,
	"mapping" jsonb,
	"expected_count" integer NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"bytes" bigint DEFAULT 0 NOT NULL,
	"parts" integer DEFAULT 0 NOT NULL,
	"writing" boolean DEFAULT false NOT NULL,
	"touched_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "import_stagings_owner_idx" ON "import_stagings" USING btree ("owner_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "import_stagings_touched_idx" ON "import_stagings" USING btree ("touched_at");
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "import_staging_parts" (
	"staging_id" text NOT NULL REFERENCES "import_stagings"("id") ON DELETE CASCADE,
	"seq" integer NOT NULL,
	"features" text NOT NULL,
	"digest" text NOT NULL,
	"count" integer NOT NULL,
	"bytes" integer NOT NULL,
	PRIMARY KEY ("staging_id", "seq")
);
