-- One change-feed entry per import (README "Change feed"): the import's row (`subject_kind` 'import') holds
-- what was written in `import_summary` (file, layer, features created and updated per sensitivity, so each
-- reader is told only of the records it may see); each status change the import caused keeps its own row,
-- pointing at the import's row by `import_id`. The workspace feed shows the import's row in their place; a
-- subject's feed still shows its own change. Rows recorded before this have neither and stay as they were.
ALTER TABLE "status_changes" ADD COLUMN IF NOT EXISTS "import_id" bigint;--> statement-breakpoint
ALTER TABLE "status_changes" ADD COLUMN IF NOT EXISTS "import_summary" jsonb;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "status_changes_import_idx" ON "status_changes" USING btree ("import_id", "id");
