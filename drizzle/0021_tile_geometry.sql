-- Vector tiles made by PostGIS on PostgreSQL (docs/scaling.md, "Vector tiles"). Where the postgis extension is
-- installed, or installable by the role that migrates, `features` gets `tile_geom`: the GeoJSON of `geometry`
-- in Web Mercator (EPSG:3857, the projection of the tile grid), kept by PostgreSQL itself as a stored generated
-- column, so every writer (the app, imports, the command line, SQL typed by hand) keeps it in step and no tile
-- pays for the parsing or the projection; a GiST index finds the features of a tile. Latitudes beyond Web
-- Mercator's ±85.05° are clipped first (the projection is infinite at the poles) rather than refuse the row.
-- Elsewhere (the embedded PGlite, a server without PostGIS) this does nothing and tiles are cut in JavaScript
-- (`src/lib/server/mapView/tiler.ts` decides at start). If PostGIS is installed after this ran, running this
-- file's statement again by hand adds the column (it changes nothing where the column exists).
DO $migration$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'postgis') THEN
		IF NOT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'postgis') THEN
			RAISE NOTICE 'PostGIS is not installed: vector tiles will be cut in JavaScript';
			RETURN;
		END IF;
		BEGIN
			CREATE EXTENSION postgis;
		EXCEPTION WHEN OTHERS THEN
			-- Typically a role that may not create extensions: the migration must still succeed.
			RAISE NOTICE 'PostGIS could not be created (%): vector tiles will be cut in JavaScript', SQLERRM;
			RETURN;
		END;
	END IF;
	EXECUTE $sql$
		ALTER TABLE "features" ADD COLUMN IF NOT EXISTS "tile_geom" geometry GENERATED ALWAYS AS (
			ST_Transform(
				CASE WHEN "min_lat" < -85.0511 OR "max_lat" > 85.0511
					THEN ST_ClipByBox2D(ST_SetSRID(ST_GeomFromGeoJSON("geometry"), 4326), ST_MakeEnvelope(-180, -85.0511, 180, 85.0511))
					ELSE ST_SetSRID(ST_GeomFromGeoJSON("geometry"), 4326)
				END,
				3857
			)
		) STORED
	$sql$;
	EXECUTE 'CREATE INDEX IF NOT EXISTS "features_tile_geom_idx" ON "features" USING gist ("tile_geom") WHERE "deleted_at" IS NULL';
END
$migration$;
