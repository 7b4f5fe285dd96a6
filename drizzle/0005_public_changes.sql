-- Numbers of the change feed's rows as each kind of reader sees them. `id` counts every change, confidential
-- ones included; a reader shown it could count, from its gaps, the changes it may not see. `public_id`
-- numbers the public changes 1, 2, 3… and `restricted_id` the public and restricted ones (what staff see);
-- each is null on a row that numbering does not include. Existing rows are numbered in the order of `id`.
ALTER TABLE "status_changes" ADD COLUMN IF NOT EXISTS "public_id" bigint;--> statement-breakpoint
ALTER TABLE "status_changes" ADD COLUMN IF NOT EXISTS "restricted_id" bigint;--> statement-breakpoint
UPDATE "status_changes" AS c SET "public_id" = n.k
FROM (SELECT "id", row_number() OVER (ORDER BY "id") AS k FROM "status_changes" WHERE "sensitivity" = 'public') AS n
WHERE c."id" = n."id" AND c."public_id" IS NULL;--> statement-breakpoint
UPDATE "status_changes" AS c SET "restricted_id" = n.k
FROM (
  SELECT "id", row_number() OVER (ORDER BY "id") AS k FROM "status_changes"
  WHERE "sensitivity" IN ('public', 'restricted')
) AS n
WHERE c."id" = n."id" AND c."restricted_id" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "status_changes_public_id_idx" ON "status_changes" USING btree ("public_id");--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "status_changes_restricted_id_idx" ON "status_changes" USING btree ("restricted_id");
