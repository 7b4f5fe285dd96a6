-- The map's archive of verdicts in the database (src/lib/server/mapView/sharedVerdicts.ts): each date's verdicts
-- of a visibility level's content, brotli-compressed as the walk of the range made them, so that every instance on
-- one PostgreSQL answers a date any of them walked, and an instance of the same build started again finds them.
-- `content` is the app's build and the hash of the level's situation (`contentHash`), the same on every instance
-- of a build for the same records; a level's rows of other content are deleted once its new content is kept. Used
-- on PostgreSQL only (docs/scaling.md).
CREATE TABLE IF NOT EXISTS "verdicts_archive" (
	"level" text NOT NULL,
	"content" text NOT NULL,
	"date" text NOT NULL,
	"body" bytea NOT NULL,
	CONSTRAINT "verdicts_archive_pk" PRIMARY KEY ("level", "content", "date")
);
