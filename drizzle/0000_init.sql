CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"feature_id" text NOT NULL,
	"layer" text NOT NULL,
	"action" text NOT NULL,
	"actor" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"version_after" integer
);
--> statement-breakpoint
CREATE TABLE "features" (
	"id" text PRIMARY KEY NOT NULL,
	"layer" text NOT NULL,
	"sensitivity" text NOT NULL,
	"geometry" jsonb NOT NULL,
	"properties" jsonb NOT NULL,
	"min_lon" double precision NOT NULL,
	"min_lat" double precision NOT NULL,
	"max_lon" double precision NOT NULL,
	"max_lat" double precision NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "scenarios" (
	"id" text PRIMARY KEY NOT NULL,
	"document" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "audit_log_feature_idx" ON "audit_log" USING btree ("feature_id","id");--> statement-breakpoint
CREATE INDEX "features_layer_idx" ON "features" USING btree ("layer") WHERE "features"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "features_bbox_idx" ON "features" USING btree ("min_lon","max_lon","min_lat","max_lat");