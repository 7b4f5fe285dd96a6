import { and, eq, ne } from 'drizzle-orm';
import type { Database } from '../db/client';
import { verdictsArchive } from '../db/schema';

/** A visibility level's content: its level and the hash of its situation (`contentHash`). */
export interface Content {
  level: string;
  hash: string;
}

/**
 * The archive of the map's verdicts in the database (migration 0022): the dates any instance on one PostgreSQL
 * walked, brotli-compressed, keyed by the level's content hash, which every instance computes alike for the same
 * records. So an instance answers a date another one walked without analysing it, its walk takes those dates
 * instead of analysing them, and an instance of the same build started again finds the range of unchanged content
 * walked. A level's rows of other content (or of another build) are deleted once its new content is kept: data
 * versions only grow, so that content will not be asked for again (an instance a second behind still asking gets
 * its analysis).
 */
export class SharedVerdicts {
  /**
   * `build`: the app's build (SvelteKit's `version`), part of every row's key as it is of every ETag: another
   * build may make other verdicts of the same records, and instances of two builds may share a database while
   * one replaces the other.
   */
  constructor(
    private readonly db: Database,
    private readonly build: string,
  ) {}

  /** The compressed verdicts of `date` of `content`, if an instance kept them. */
  async packed(content: Content, date: string): Promise<Buffer | undefined> {
    const [row] = await this.db
      .select({ body: verdictsArchive.body })
      .from(verdictsArchive)
      .where(this.of(content, date));
    return row?.body;
  }

  /** Keeps the compressed verdicts of `date` of `content` (another instance's, already there, are kept). */
  async keep(content: Content, date: string, packed: Buffer): Promise<void> {
    await this.db
      .insert(verdictsArchive)
      .values({ level: content.level, content: this.key(content), date, body: packed })
      .onConflictDoNothing();
  }

  /** Deletes the level's rows of any other content than `content`. */
  async dropOthers(content: Content): Promise<void> {
    await this.db
      .delete(verdictsArchive)
      .where(and(eq(verdictsArchive.level, content.level), ne(verdictsArchive.content, this.key(content))));
  }

  private key(content: Content): string {
    return `${this.build} ${content.hash}`;
  }

  private of(content: Content, date: string) {
    return and(
      eq(verdictsArchive.level, content.level),
      eq(verdictsArchive.content, this.key(content)),
      eq(verdictsArchive.date, date),
    );
  }
}
