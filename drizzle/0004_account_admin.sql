ALTER TABLE "users" ADD COLUMN IF NOT EXISTS "last_sign_in_at" timestamp with time zone;
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "sign_in_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"last_attempt_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "sign_in_throttle_last_idx" ON "sign_in_throttle" USING btree ("last_attempt_at");
