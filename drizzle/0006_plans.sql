-- Saved convoy plans (the planner at /plan): a name, a note, the request (date, places, options), a sensitivity
-- that is never public (restricted by default), a version for optimistic concurrency and a soft delete.
CREATE TABLE IF NOT EXISTS "plans" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"as_of" text NOT NULL,
	"request" jsonb NOT NULL,
	"sensitivity" text DEFAULT 'restricted' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "plans_sensitivity_check" CHECK ("sensitivity" IN ('restricted', 'confidential'))
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "plans_updated_idx" ON "plans" USING btree ("updated_at");
--> statement-breakpoint
-- Every change to a plan: who, when, what it was before and after. Only appended.
CREATE TABLE IF NOT EXISTS "plan_audit" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"action" text NOT NULL,
	"actor" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"version_after" integer
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "plan_audit_plan_idx" ON "plan_audit" USING btree ("plan_id","id");
