CREATE TABLE "import_mappings" (
	"source_key" text PRIMARY KEY NOT NULL,
	"layer" text NOT NULL,
	"format" text NOT NULL,
	"mapping" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
CREATE TABLE "status_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"as_of" text NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_id" text NOT NULL,
	"subject_name" text NOT NULL,
	"field" text NOT NULL,
	"before" text,
	"after" text,
	"sensitivity" text NOT NULL,
	"cause" text NOT NULL,
	"actor" text,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "status_snapshots" (
	"visibility" text PRIMARY KEY NOT NULL,
	"as_of" text NOT NULL,
	"statuses" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "status_changes_subject_idx" ON "status_changes" USING btree ("subject_id","id");