/**
 * Shared state for one generation run: the random source, the resolved options, and the helpers
 * every entity generator needs (timestamps, `_info` links, reference objects).
 */
import { Random } from './random.js';
import { ResolvedOptions } from './options.js';

const DAY_MS = 86_400_000;

const dayPrefixes = new Map<number, string>();

function two(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/**
 * ConnectWise timestamps: UTC, `Z`, no fractional seconds (api-notes §2). Formatting every
 * timestamp through Date.toISOString was the generator's hottest line, so the date part is
 * cached per day and only the time of day is formatted here.
 */
export function isoSeconds(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
    dayPrefixes.set(day, prefix);
  }
  const seconds = Math.floor((ms - day * DAY_MS) / 1000);
  return `${prefix}${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}Z`;
}

/** Folds a name to the ASCII letters and digits ConnectWise identifiers and mailbox names use. */
export function asciiSlug(text: string): string {
  return text.normalize('NFD').replace(/[^A-Za-z0-9]/g, '');
}

export class GeneratorContext {
  public readonly random: Random;
  public readonly options: ResolvedOptions;
  /** The newest instant any record may carry. */
  public readonly endMs: number;
  /** The oldest instant of the tenant's history. */
  public readonly startMs: number;

  public constructor(options: ResolvedOptions, random?: Random) {
    this.options = options;
    this.random = random ?? new Random(options.seed);
    this.endMs = Date.parse(options.asOf);
    this.startMs = this.endMs - Math.round(options.historyYears * 365 * DAY_MS);
  }

  /** A context with its own random stream, derived from this one's seed and a step number. */
  public forked(step: number): GeneratorContext {
    return new GeneratorContext(this.options, new Random((this.options.seed * 7919 + step * 104_729) | 0));
  }

  /** A random instant between two others, as a ConnectWise timestamp. */
  public between(fromMs: number, toMs: number): string {
    return isoSeconds(fromMs + this.random.next() * Math.max(0, toMs - fromMs));
  }

  /** A link under the API base; a share of records get the doubled slash real tenants show. */
  public href(path: string, doubled: boolean): string {
    return `${this.options.hrefBase}${doubled ? '//' : '/'}${path}`;
  }

  /** Whether the next record's links carry a doubled slash. */
  public drawDoubledSlash(): boolean {
    return this.random.chance(this.options.rates.doubledSlashHref);
  }

  /** An `updatedBy` value, space-padded at the configured rate as some tenants store it. */
  public updatedBy(identifier: string): string {
    return this.random.chance(this.options.rates.paddedUpdatedBy) ? identifier.padEnd(15, ' ') : identifier;
  }
}

export { DAY_MS };
