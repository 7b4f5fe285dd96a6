// One row or feature of a file → the properties of a feature of the target layer. Values are converted the
// way people write them (dates, decimal commas, mixed-case enumerations), defaults are filled where the
// file cannot carry them, and what was guessed is said as a warning. The layer's schema validates the
// result afterwards (`collectFeatures.ts`): this file only converts and fills.
import {
  confidence,
  constraintKind,
  crossingKind,
  crossingStatus,
  incidentCategory,
  roadClass,
  sensitivity,
  siteKind,
  verification,
  type LayerName,
} from '$lib/domain/schemas';
import { categoryOfEventType } from './acledCategories';
import { toAlpha3 } from './countryCodes';
import { parseDate } from './dates';
import {
  booleanValue,
  confidenceSynonyms,
  constraintKindSynonyms,
  crossingKindSynonyms,
  crossingStatusSynonyms,
  enumValue,
  roadClassSynonyms,
  sensitivitySynonyms,
  siteKindSynonyms,
  verificationSynonyms,
} from './enums';
import { parseInteger, parseNumber } from './numbers';
import type { RowIssue } from './problems';
import { cleanCell, slug } from './text';
import type { ProblemCode } from './problemCodes';

/** What a row gives, by field of the target layer (cells are strings; GeoJSON properties any JSON value). */
export type FieldValues = Record<string, unknown>;

export interface BuildContext {
  layer: LayerName;
  /** Id prefix derived from the file name, for ids the file does not give. */
  fileSlug: string;
  /** `source` when the row has none: the file's name. */
  defaultSource: string;
  defaultCountry?: string;
  /** The date of figures when the row has none (the user's, or the table's title date). */
  figureDate?: string;
  /** Where a field came from, for messages: its column name, or its property path. */
  origin(field: string): string;
}

export interface Built {
  properties: Record<string, unknown>;
  issues: RowIssue[];
  /** The row gave no name and one was made up (said once for the whole file). */
  namedByImport?: boolean;
}

/** A value as text: strings cleaned, numbers and booleans written out, empty and objects absent. */
export function text(v: unknown): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return cleanCell(v) || undefined;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** Stable ids: the file's own id when it reads as one; bare numbers prefixed with the file; else file + row. */
export function idFor(raw: unknown, fileSlug: string, rowKey: number): { id: string; changed?: string } {
  const given = text(raw);
  if (given === undefined) return { id: `${fileSlug}_${rowKey}` };
  if (/^\d+$/.test(given)) return { id: `${fileSlug}_${given}` };
  if (/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(given) && given.length <= 120) return { id: given };
  const made = slug(given);
  return made ? { id: made, changed: given } : { id: `${fileSlug}_${rowKey}` };
}

class Converter {
  readonly issues: RowIssue[] = [];
  constructor(
    private readonly values: FieldValues,
    private readonly ctx: BuildContext,
  ) {}

  has(field: string): boolean {
    return text(this.values[field]) !== undefined;
  }

  str(field: string): string | undefined {
    return text(this.values[field]);
  }

  number(field: string, kind: 'count' | 'decimal' = 'decimal'): number | undefined {
    const v = this.values[field];
    if (typeof v === 'number') return v;
    const s = text(v);
    if (s === undefined) return undefined;
    const n = parseNumber(s, kind);
    if (n === undefined) this.error('not_a_number', field, `"${s}" is not a number`);
    return n;
  }

  integer(field: string): number | undefined {
    const v = this.values[field];
    if (typeof v === 'number') return v;
    const s = text(v);
    if (s === undefined) return undefined;
    // "Phase 3", "IPC 4", "level 2": the number is what counts.
    const n = parseInteger(s) ?? parseInteger(s.replace(/^[^\d-]+/, ''));
    if (n === undefined) this.error('not_whole_number', field, `"${s}" is not a whole number`);
    return n;
  }

  date(field: string): string | undefined {
    const s = this.str(field);
    if (s === undefined) return undefined;
    const r = parseDate(s);
    if ('error' in r) {
      this.error('bad_date', field, `date ${r.error}`, 'write dates as YYYY-MM-DD');
      return undefined;
    }
    if (r.excelSerial !== undefined)
      this.warn(
        'excel_date',
        field,
        `date is an Excel serial number, read as ${r.date}`,
        'format the column as a date (YYYY-MM-DD) before exporting',
      );
    if (r.ambiguous)
      this.warn(
        'ambiguous_date',
        field,
        `date "${s}" could be day/month or month/day: read as day/month, ${r.date}`,
        'write dates as YYYY-MM-DD',
      );
    return r.date;
  }

  choice<T extends string>(
    field: string,
    values: readonly T[],
    synonyms: Readonly<Record<string, T>> = {},
  ): T | string | undefined {
    const s = this.str(field);
    if (s === undefined) return undefined;
    // An unknown value is passed on as written: the schema then lists the values it accepts.
    return enumValue(s, values, synonyms) ?? s;
  }

  bool(field: string): boolean | undefined {
    const v = this.values[field];
    if (typeof v === 'boolean') return v;
    const s = text(v);
    if (s === undefined) return undefined;
    const b = booleanValue(s);
    if (b === undefined) this.error('not_yes_no', field, `"${s}" is not yes or no`);
    return b;
  }

  list(field: string): string[] | undefined {
    const v = this.values[field];
    if (Array.isArray(v)) return v.map(String);
    return this.str(field)
      ?.split(/[,;/|]+/)
      .map((x) => x.trim())
      .filter(Boolean);
  }

  error(code: ProblemCode, field: string, message: string, suggestion?: string): void {
    this.issues.push({
      level: 'error',
      code,
      field: this.ctx.origin(field),
      message,
      ...(suggestion ? { suggestion } : {}),
    });
  }

  warn(code: ProblemCode, field: string, message: string, suggestion?: string): void {
    this.issues.push({
      level: 'warning',
      code,
      field: this.ctx.origin(field),
      message,
      ...(suggestion ? { suggestion } : {}),
    });
  }
}

const setIf = (p: Record<string, unknown>, key: string, v: unknown) => {
  if (v !== undefined) p[key] = v;
};

/** The default name of a feature the file did not name, per layer. */
function madeUpName(layer: LayerName, p: Record<string, unknown>, number: string): string | undefined {
  if (layer === 'roads') return `Unnamed ${p.class ?? ''} road #${number}`.replace('  ', ' ');
  if (layer === 'admin' && typeof p.pcode === 'string') return p.pcode;
  if (layer === 'incidents' && typeof p.category === 'string' && typeof p.date === 'string')
    return `${p.category.replace(/_/g, ' ')}, ${p.date}`;
  if (layer === 'constraints' && typeof p.kind === 'string') return `${p.kind.replace(/_/g, ' ')} #${number}`;
  return undefined;
}

/**
 * The properties of one feature of `ctx.layer` from `values` (by field) over `base` (properties already in
 * the target schema, e.g. a GeoJSON exported by Corridor: they pass through unless a value replaces them).
 * `rowKey` numbers the row (CSV line or feature index) for ids the file does not give.
 */
export function buildProperties(
  values: FieldValues,
  base: Record<string, unknown>,
  ctx: BuildContext,
  rowKey: number,
): Built {
  const c = new Converter(values, ctx);
  const p: Record<string, unknown> = { ...base };
  const layer = ctx.layer;

  const { id, changed } = idFor(values.id ?? base.id, ctx.fileSlug, rowKey);
  p.id = id;
  if (changed) c.warn('id_rewritten', 'id', `id "${changed}" holds characters ids cannot: stored as "${id}"`);
  setIf(p, 'name', c.str('name'));
  setIf(p, 'nameAr', c.str('nameAr'));
  setIf(p, 'source', c.str('source'));
  p.source ??= ctx.defaultSource;
  setIf(p, 'sourceUrl', c.str('sourceUrl'));
  setIf(p, 'note', c.str('note'));
  setIf(p, 'sensitivity', c.choice('sensitivity', sensitivity.options, sensitivitySynonyms));
  if (layer !== 'incidents') {
    setIf(p, 'validFrom', c.date('validFrom'));
    setIf(p, 'validTo', c.date('validTo'));
  }

  const source = p.source as string;
  const figureDate = () => c.date('date') ?? ctx.figureDate;

  switch (layer) {
    case 'areas':
      setIf(p, 'actorId', c.str('actorId'));
      setIf(p, 'confidence', c.choice('confidence', confidence.options, confidenceSynonyms));
      break;
    case 'sites': {
      setIf(p, 'kind', c.choice('kind', siteKind.options, siteKindSynonyms));
      const country = c.str('country');
      if (country !== undefined) {
        const code = toAlpha3(country);
        if (code) p.country = code;
        else
          c.error(
            'unknown_country',
            'country',
            `"${country}" is not a country name or ISO code`,
            'write the country as a three-letter code such as SDN',
          );
      } else if (p.country === undefined && ctx.defaultCountry) p.country = ctx.defaultCountry;
      setIf(p, 'hub', c.bool('hub'));
      setIf(p, 'precisionKm', c.number('precisionKm'));
      addFigure(
        c,
        p,
        {
          population: c.integer('population'),
          ipcPhase: c.integer('ipcPhase'),
          famine: c.bool('famine'),
        },
        figureDate,
        source,
      );
      break;
    }
    case 'crossings': {
      setIf(p, 'kind', c.choice('kind', crossingKind.options, crossingKindSynonyms));
      const countries = c.list('countries');
      if (countries) p.countries = countries.map((x) => toAlpha3(x) ?? x.toUpperCase());
      const status = c.choice('status', crossingStatus.options, crossingStatusSynonyms);
      if (status !== undefined && p.statusHistory === undefined) {
        const date = c.date('date') ?? ctx.figureDate;
        if (date) p.statusHistory = [{ date, status, source }];
        else
          c.error(
            'status_without_date',
            'status',
            'a status needs the date it was observed: the row has no date',
          );
      }
      break;
    }
    case 'roads': {
      setIf(p, 'class', c.choice('class', roadClass.options, roadClassSynonyms));
      const months = c.list('impassableMonths');
      if (months) p.impassableMonths = months.map(Number);
      break;
    }
    case 'corridors':
      setIf(p, 'fromSiteId', c.str('fromSiteId'));
      setIf(p, 'toSiteId', c.str('toSiteId'));
      setIf(p, 'description', c.str('description'));
      break;
    case 'incidents': {
      setIf(p, 'date', c.date('date'));
      const category = c.str('category');
      if (category !== undefined) {
        const direct = enumValue(category, incidentCategory.options);
        // An ACLED-style event type ("Battles", "Explosions/Remote violence") maps through the ACLED table.
        p.category = direct ?? categoryOfEventType(category, c.str('subType')) ?? category;
      }
      setIf(p, 'severity', c.integer('severity'));
      setIf(p, 'verification', c.choice('verification', verification.options, verificationSynonyms));
      p.verification ??= 'unverified';
      setIf(p, 'description', c.str('description'));
      setIf(p, 'fatalities', c.integer('fatalities'));
      setIf(p, 'actorId', c.str('actorId'));
      // The country the file gives, for the position check only (the incidents schema does not keep it);
      // a name it cannot read is no reason to refuse the event.
      const country = c.str('country');
      if (country !== undefined) setIf(p, 'country', toAlpha3(country));
      // Unverified incidents are never public by default (DESIGN.md §2): only a sensitivity column says so.
      if (p.sensitivity === undefined && p.verification !== 'verified') p.sensitivity = 'restricted';
      break;
    }
    case 'constraints':
      setIf(p, 'kind', c.choice('kind', constraintKind.options, constraintKindSynonyms));
      setIf(p, 'severity', c.integer('severity'));
      setIf(p, 'actorId', c.str('actorId'));
      setIf(p, 'validFrom', c.date('validFrom') ?? c.date('date'));
      setIf(p, 'description', c.str('description'));
      break;
    case 'admin': {
      setIf(p, 'pcode', c.str('pcode')?.toUpperCase());
      // A P-code is the area's stable identity: the same area from next year's boundaries keeps its id.
      if (
        text(values.id ?? base.id) === undefined &&
        typeof p.pcode === 'string' &&
        /^[A-Z0-9]+$/.test(p.pcode)
      )
        p.id = `admin_${p.pcode}`;
      setIf(p, 'level', c.integer('level'));
      setIf(p, 'parentPcode', c.str('parentPcode')?.toUpperCase());
      addFigure(
        c,
        p,
        { idps: c.integer('population'), households: c.integer('households') },
        figureDate,
        source,
      );
      break;
    }
    case 'frontlines':
      break;
  }
  p.sensitivity ??= 'public';

  let namedByImport = false;
  if (p.name === undefined) {
    const made = madeUpName(layer, p, text(values.id ?? base.id) ?? String(rowKey));
    if (made) {
      p.name = made;
      namedByImport = true;
    }
  }
  return { properties: p, issues: c.issues, namedByImport };
}

/** Inserts a figure in date order; one of the same date and source is replaced (re-importing a file). */
export function mergeFigure<F extends { date: string; source: string }>(
  figures: readonly F[],
  figure: F,
): F[] {
  const kept = figures.filter((f) => !(f.date === figure.date && f.source === figure.source));
  kept.push(figure);
  return kept.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function addFigure(
  c: Converter,
  p: Record<string, unknown>,
  values: Record<string, number | boolean | undefined>,
  dateOf: () => string | undefined,
  source: string,
): void {
  const given = Object.entries(values).filter(([, v]) => v !== undefined);
  if (given.length === 0) return;
  const date = dateOf();
  if (!date) {
    c.warn(
      'figures_without_date',
      'date',
      `${given.map(([k]) => k).join(' and ')} not imported: the row has no date for ${given.length > 1 ? 'them' : 'it'}`,
      'add a date column, or give the date of the figures',
    );
    return;
  }
  const figure = { date, source, ...Object.fromEntries(given) } as { date: string; source: string };
  p.figures = mergeFigure((p.figures as { date: string; source: string }[] | undefined) ?? [], figure);
}
