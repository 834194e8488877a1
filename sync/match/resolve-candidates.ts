import { timeOf } from './date-times.js';
import { SERIES_WORDS, isShortNumber, readOrdinal } from './stop-words.js';
import { Q_BIT, YEAR_BIT, cueBitsAt, isYearWord, plainAt, readPassageCues, stemAt, type LinedTokens } from './read-passage-cues.js';
import type { IndexedProposal, NamePhrase, ProposalIndex } from './types.js';

export interface MatchContext {
  /** The meeting's words. */
  text: LinedTokens;
  /** Index of the first and one past the last matched token. */
  from: number;
  to: number;
  /** Token range of the surrounding window (same line). */
  windowFrom: number;
  windowTo: number;
  meetingDate: string;
}

/** "1" to "4", the number of a quarter. */
const isQuarterNumber = (plain: string): boolean => plain.length === 1 && plain >= '1' && plain <= '4';

export interface Resolution {
  proposal: number;
  /** True when the meeting date, not the text, decided between several proposals of one program. */
  byDate: boolean;
  /** True when a quarter or series number said with the name picked the edition ("Q3 rewards", "round three"). */
  byPeriod?: boolean;
  /** True when that quarter was said elsewhere in the sentence ("ambassadors active this quarter"), not with the name. */
  periodInSentence?: boolean;
  /** True when the date picked this year's running edition over next year's proposal (talk of the program, not of a proposal). */
  running?: boolean;
}


const ORDINAL_CONNECTORS = new Set(['phase', 'round', 'rnd', 'proposal', 'number', 'no', 'pilot', 'prop', 'part', 'season', 'version', 'zero', 'the', 'discussion', 'funding', 'pip', 'v']);

function ordinalAfter(ctx: MatchContext): number | null {
  for (let i = ctx.to; i < Math.min(ctx.windowTo, ctx.to + 4); i++) {
    const plain = plainAt(ctx.text, i)!;
    // The series number belongs to the same sentence: "Zealy. The 3rd sprint" is not Zealy 3.
    if (/[.!?;:]\s/.test(ctx.text.raw.slice(ctx.text.end[i - 1]!, ctx.text.start[i]! + 1))) return null;
    const n = readOrdinal(plain);
    // "Zero-One", "0 2": a leading zero said or written apart is not the number.
    if (n !== null && n !== 0) return n;
    if (n === null && !ORDINAL_CONNECTORS.has(plain)) return null;
  }
  return null;
}

/** The words right after the name are a series number or a series word ("PIP 02", "challenge round three"). */
function namesEditionAfter(ctx: MatchContext): boolean {
  const next = plainAt(ctx.text, ctx.to);
  if (next === undefined || ctx.text.sentence[ctx.to] !== ctx.text.sentence[ctx.from]) return false;
  if (isShortNumber(next) || next === 'zero' || SERIES_WORDS.has(next)) return true;
  // "the uptime challenge round three": the name ends on its series word.
  return SERIES_WORDS.has(plainAt(ctx.text, ctx.to - 1)!) && readOrdinal(next) !== null;
}

/**
 * "round four of the uptime challenge", "season 2 of the quests", "the round two bounty proposal": a series word and
 * number before the name.
 */
function seriesNumberBefore(ctx: MatchContext): number | null {
  const t = ctx.text;
  const right = ctx.from - 2;
  if (right >= ctx.windowFrom && t.sentence[right] === t.sentence[ctx.from] && SERIES_WORDS.has(plainAt(t, right)!)) {
    const n = readOrdinal(plainAt(t, ctx.from - 1)!);
    if (n !== null && n !== 0) return n;
  }
  const of = plainAt(t, ctx.from - 1) === 'the' ? ctx.from - 2 : ctx.from - 1;
  if (plainAt(t, of) !== 'of' || of - 2 < ctx.windowFrom || t.sentence[of - 2] !== t.sentence[ctx.from] || !SERIES_WORDS.has(plainAt(t, of - 2)!)) return null;
  const n = readOrdinal(plainAt(t, of - 1)!);
  return n === null || n === 0 ? null : n;
}

const ORDINAL_WORDS = new Set(['first', 'second', 'third', 'fourth', 'fifth']);
const ORDINAL_SUFFIXES = new Set(['st', 'nd', 'rd', 'th']);

/** "the second Builder Quests proposal", "3rd round of ...": a series number said just before the name. */
function ordinalBefore(ctx: MatchContext): number | null {
  const t = ctx.text;
  const prev = ctx.from - 1;
  const prevPlain = plainAt(t, prev);
  if (prevPlain === undefined || prev < ctx.windowFrom) return null;
  if (ORDINAL_WORDS.has(prevPlain)) return readOrdinal(prevPlain);
  const beforeSuffix = plainAt(t, prev - 1);
  if (ORDINAL_SUFFIXES.has(prevPlain) && beforeSuffix !== undefined && t.end[prev - 1] === t.start[prev]) return readOrdinal(beforeSuffix);
  return null;
}

/**
 * "this year's", "last quarter's", "next year": a period said relative to the meeting right before the name, or
 * right after it ("the lamplighters this year").
 */
function relativePeriodWithName(ctx: MatchContext): { unit: 'year' | 'quarter'; offset: number } | null {
  const t = ctx.text;
  let i = ctx.from - 1;
  if (plainAt(t, i) === 's') i--;
  return relativePeriodAt(ctx, i - 1) ?? relativePeriodAt(ctx, ctx.to);
}

/** A relative period ("this year", "last quarter") in the name's sentence and window, its first word at `i`; or null. */
function relativePeriodAt(ctx: MatchContext, i: number): { unit: 'year' | 'quarter'; offset: number } | null {
  const t = ctx.text;
  if (i < ctx.windowFrom || i + 1 >= ctx.windowTo || t.sentence[i] !== t.sentence[ctx.from] || t.sentence[i + 1] !== t.sentence[ctx.from]) return null;
  const unit = plainAt(t, i + 1);
  if (unit !== 'year' && unit !== 'quarter') return null;
  const which = plainAt(t, i);
  const offset = which === 'this' || which === 'current' ? 0 : which === 'last' || which === 'previous' ? -1 : which === 'next' ? 1 : null;
  return offset === null ? null : { unit, offset };
}

const meetingQuarter = (date: string): { year: number; quarter: number } => ({
  year: Number(date.slice(0, 4)),
  quarter: Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1,
});

/*
 * Helpers here are module functions, not closures made per call: the runner (tsx, esbuild's keepNames) names each
 * closure with a property write every time one is made, which showed in this hot path.
 */

/** The quarter written "Q" and a number at word `i` of the window, in the name's sentence; or null. */
function quarterAt(ctx: MatchContext, i: number): number | null {
  const t = ctx.text;
  return i >= ctx.windowFrom && i + 1 < ctx.windowTo && plainAt(t, i) === 'q' && isQuarterNumber(plainAt(t, i + 1) ?? '') && t.sentence[i] === t.sentence[ctx.from]
    ? Number(plainAt(t, i + 1))
    : null;
}

/** The quarter said with the name ("Q3 ambassador rewards", "Q3 2025 rewards", "rewards for Q4"), or null. */
function quarterWithName(ctx: MatchContext): number | null {
  const t = ctx.text;
  const after = plainAt(t, ctx.to);
  return (
    quarterAt(ctx, ctx.from - 2) ??
    (isYearWord(plainAt(t, ctx.from - 1) ?? '') ? quarterAt(ctx, ctx.from - 3) : null) ??
    quarterAt(ctx, ctx.to) ??
    (after === 'for' || after === 'in' ? quarterAt(ctx, ctx.to + 1) : null)
  );
}

/** The year and quarter of the edition said with the name, for programs with one proposal per quarter; or null. */
function saidQuarter(ctx: MatchContext): { year: number; quarter: number; inSentence?: boolean } | null {
  const relative = relativePeriodWithName(ctx);
  const now = meetingQuarter(ctx.meetingDate);
  if (relative?.unit === 'quarter') {
    const index = now.year * 4 + (now.quarter - 1) + relative.offset;
    return { year: Math.floor(index / 4), quarter: (index % 4) + 1 };
  }
  const quarter = quarterWithName(ctx);
  if (quarter === null) return relativeQuarterInSentence(ctx, now);
  return { year: yearWithName(ctx) ?? yearOfQuarter(quarter, ctx.meetingDate), quarter };
}

/** "41 ambassadors active this quarter": a quarter said relative to the meeting anywhere in the name's sentence and window. */
function relativeQuarterInSentence(ctx: MatchContext, now: { year: number; quarter: number }): { year: number; quarter: number; inSentence: true } | null {
  for (let i = ctx.windowFrom; i + 1 < ctx.windowTo; i++) {
    if (i + 1 >= ctx.from && i < ctx.to) continue;
    const said = relativePeriodAt(ctx, i);
    if (said?.unit !== 'quarter') continue;
    const index = now.year * 4 + (now.quarter - 1) + said.offset;
    return { year: Math.floor(index / 4), quarter: (index % 4) + 1, inSentence: true };
  }
  return null;
}

/**
 * The year of a quarter said without one: in the last quarter, talk of Q1 or Q2 is about next year's plan; in the
 * first, talk of Q4 is about the one just past.
 */
function yearOfQuarter(quarter: number, meetingDate: string): number {
  const now = meetingQuarter(meetingDate);
  if (now.quarter === 4 && quarter <= 2) return now.year + 1;
  if (now.quarter === 1 && quarter === 4) return now.year - 1;
  return now.year;
}

/** A year said right with the name ("the 2025 meetups budget", "Accelerate 2024", "this year's residency"), or null. */
function yearWithName(ctx: MatchContext): number | null {
  const relative = relativePeriodWithName(ctx);
  if (relative?.unit === 'year') return Number(ctx.meetingDate.slice(0, 4)) + relative.offset;
  return yearAt(ctx, ctx.from - 1) ?? (plainAt(ctx.text, ctx.from - 1) === 'akash' ? yearAt(ctx, ctx.from - 2) : null) ?? yearAt(ctx, ctx.to);
}

/** The year written at word `i` of the window, in the name's sentence; or null. */
function yearAt(ctx: MatchContext, i: number): number | null {
  const t = ctx.text;
  if (i < ctx.windowFrom || i >= ctx.windowTo || t.sentence[i] !== t.sentence[ctx.from]) return null;
  const plain = plainAt(t, i)!;
  return isYearWord(plain) ? Number(plain) : null;
}

/**
 * The years said in the window, directly or through a quarter ("Q3"); null when none (most windows). A year said
 * right with the name (`own`, see `yearWithName`) is the only one that counts: "the 2025 meetups budget; a draft of
 * the 2026 meetups proposal".
 */
function yearsInWindow(ctx: MatchContext, own: number | null): Set<number> | null {
  if (own !== null) return new Set([own]);
  let years: Set<number> | null = null;
  for (let i = ctx.windowFrom; i < ctx.windowTo; i++) {
    // Most windows have neither: the words' bits say so without reading them.
    if ((cueBitsAt(ctx.text, i) & (YEAR_BIT | Q_BIT)) === 0) continue;
    const plain = plainAt(ctx.text, i)!;
    if (isYearWord(plain)) (years ??= new Set()).add(Number(plain));
    if (plain === 'q' && isQuarterNumber(plainAt(ctx.text, i + 1) ?? '')) {
      const next = plainAt(ctx.text, i + 2) ?? '';
      if (isYearWord(next)) continue;
      (years ??= new Set()).add(yearOfQuarter(Number(plainAt(ctx.text, i + 1)!), ctx.meetingDate));
    }
  }
  return years;
}

/**
 * The one proposal a name points to, unless the name is said with another edition's year or series number ("the
 * 2026 events budget" when only the 2025 events have a proposal, "Mainnet 14" for "Mainnet 15 Network Upgrade"):
 * then a proposal of that year under another title, or none.
 */
function onlyCandidate(p: IndexedProposal, ctx: MatchContext, index: ProposalIndex): Resolution | null {
  if (p.year !== null) {
    const year = yearWithName(ctx);
    if (year !== null && year !== p.year) {
      const successor = successorForYear([p], new Set([year]), ctx, index);
      return successor === null ? null : { proposal: successor, byDate: false };
    }
  }
  if (p.ordinal !== null) {
    const ordinal = ordinalAfter(ctx);
    if (ordinal !== null && ordinal !== p.ordinal && namesEditionAfter(ctx)) return null;
  }
  if (p.quarter !== null) {
    // "the Q3 2025 marketing initiatives": the edition named by its quarter, as among several; another quarter is none.
    const said = saidQuarter(ctx);
    if (said !== null) {
      if (said.quarter !== p.quarter || (p.year !== null && said.year !== p.year)) return null;
      return { proposal: p.number, byDate: false, byPeriod: true, periodInSentence: said.inSentence === true };
    }
  }
  return { proposal: p.number, byDate: false };
}

/**
 * Picks the one proposal a name points to among several that share it: first by the other words of their titles
 * found nearby, then by a year or series number in the text, then by which one was current at the meeting date.
 * Returns null when the text does not decide and the dates cannot either.
 */
export function resolveCandidates(candidates: readonly IndexedProposal[], ctx: MatchContext, index: ProposalIndex, phrase?: NamePhrase): Resolution | null {
  if (candidates.length === 0) return null;
  if (candidates.length === 1) return onlyCandidate(candidates[0]!, ctx, index);

  // A year said right with the name decides before anything else: "the 2025 Field Days" beside a longer 2026 title.
  const own = yearWithName(ctx);
  const ofYear = own === null ? [] : candidates.filter((p) => p.year === own);
  let pool = closestByTitleWords(ofYear.length > 0 ? ofYear : candidates, ctx);
  // "this year's residency", "last year's hackathon": the edition named as "Q3 events" is by its quarter. (A written
  // year is not enough: "the 2024 events working group", "Accelerate 2024 event" are other things of that year.)
  if (pool.length === 1) {
    const p = pool[0]!;
    // "the Q2 2025 uptime rewards": the year and the quarter of a quarter's edition.
    const quarter = p.quarter !== null && quarterWithName(ctx) === p.quarter;
    return { proposal: p.number, byDate: false, byPeriod: ofYear.length > 0 && (quarter || relativePeriodWithName(ctx)?.unit === 'year') };
  }

  const years = yearsInWindow(ctx, own);
  if (years !== null && pool.some((p) => p.year !== null)) {
    const sameYear = pool.filter((p) => p.year !== null && years.has(p.year));
    if (sameYear.length > 0) pool = sameYear;
    else {
      const successor = successorForYear(pool, years, ctx, index);
      if (successor) return { proposal: successor, byDate: false };
      pool = pool.filter((p) => p.year === null);
    }
    if (pool.length === 0) return null;
    if (pool.length === 1) return { proposal: pool[0]!.number, byDate: false };
  }

  if (pool.some((p) => p.quarter !== null)) {
    const said = saidQuarter(ctx);
    if (said !== null) {
      // An edition that is not among the known proposals is not any of them.
      pool = pool.filter((p) => p.quarter === said.quarter && (p.year === null || p.year === said.year));
      if (pool.length === 0) return null;
      if (pool.length === 1) return { proposal: pool[0]!.number, byDate: false, byPeriod: true, periodInSentence: said.inSentence === true };
    }
  }

  if (pool.some((p) => p.ordinal !== null)) {
    const after = ordinalAfter(ctx);
    const series = after === null ? seriesNumberBefore(ctx) : null;
    const ordinal = after ?? series ?? ordinalBefore(ctx);
    if (ordinal !== null) {
      const same = pool.filter((p) => (p.ordinal ?? 1) === ordinal);
      if (same.length === 0) return null;
      pool = same;
      // "the second incentive" is everyday speech; "incentive pilot 02", "round four of the challenge" name an edition.
      if (pool.length === 1) return { proposal: pool[0]!.number, byDate: false, byPeriod: series !== null || (after !== null && namesEditionAfter(ctx)) };
    }
  }

  const current = pool
    .filter((p) => existsBy(p) !== null && existsBy(p)! <= ctx.meetingDate)
    .sort((a, b) => (a.startsAt! < b.startsAt! ? 1 : a.startsAt! > b.startsAt! ? -1 : b.number - a.number));
  // Only editions of one program ("2023 events", "2024 events") are told apart by the date; unrelated proposals that
  // share a word need the text to decide, unless just one of them existed yet.
  // Late in a year (or quarter) the next one's proposal is up, but talk of the program that is not about a proposal is
  // about the edition running now.
  const date = ctx.meetingDate;
  const runningNow =
    current.length > 1 && pool.every((p) => p.period !== null) && !readPassageCues(ctx.text, ctx.from, ctx.to).strong
      ? current.filter((p) => p.period!.from <= date && date < p.period!.to)
      : [];
  if (runningNow.length === 1) return { proposal: runningNow[0]!.number, byDate: true, running: runningNow[0] !== current[0] };
  if (current.length > 1 && !oneProgram(pool, phrase)) return null;
  if (current[0]) return { proposal: current[0].number, byDate: true };
  // Nothing posted yet: a program is often talked about in the weeks before its first discussion goes up.
  const upcoming = pool
    .filter((p) => p.startsAt !== null && daysBetween(ctx.meetingDate, p.startsAt) <= UPCOMING_DAYS)
    .sort((a, b) => (a.startsAt! < b.startsAt! ? -1 : a.startsAt! > b.startsAt! ? 1 : a.number - b.number));
  return upcoming[0] ? { proposal: upcoming[0].number, byDate: true } : null;
}

/**
 * The proposals with the most of their title's key words in the window, and among those the ones whose key words are
 * best covered. The proposer's name nearby ("Fenil presented a hackathon proposal") counts like a title word.
 */
function closestByTitleWords(candidates: readonly IndexedProposal[], ctx: MatchContext): IndexedProposal[] {
  const table = ctx.text.table;
  markWindowStems(ctx);
  // Plain loops, no callbacks: this runs for most names found, many times before V8 optimises it.
  const matched: number[] = [];
  let bestMatched = -Infinity;
  for (const p of candidates) {
    let n = 0;
    for (const k of table.stemIdsOf(p.key)) if (inWindow(k)) n++;
    if (anyInWindow(table.stemIdsOf(p.people))) n++;
    matched.push(n);
    if (n > bestMatched) bestMatched = n;
  }
  const best: IndexedProposal[] = [];
  for (let i = 0; i < candidates.length; i++) if (matched[i] === bestMatched) best.push(candidates[i]!);
  // Editions of a yearly program are told apart by the year, not by how long their titles are.
  if (best.length > 1 && eachOfItsOwnYear(best)) return best;
  let bestCoverage = -1;
  for (const p of best) bestCoverage = Math.max(bestCoverage, coverage(p, bestMatched));
  return best.filter((p) => coverage(p, bestMatched) === bestCoverage);
}

/** Does every proposal have a year, and no two the same? */
function eachOfItsOwnYear(proposals: readonly IndexedProposal[]): boolean {
  for (let a = 0; a < proposals.length; a++) {
    if (proposals[a]!.year === null) return false;
    for (let b = 0; b < a; b++) if (proposals[b]!.year === proposals[a]!.year) return false;
  }
  return true;
}

const coverage = (p: IndexedProposal, matched: number): number => (p.key.length === 0 ? 0 : matched / p.key.length);

/**
 * `windowStamp[stemId] === stamp` when a word with that stem is in the window last marked. Sized for the some tens of
 * thousands of stems a corpus has, so that it seldom grows (each growth first met makes V8 drop optimised code).
 */
let windowStamp = new Int32Array(1 << 15);
let stamp = 0;

/** Notes the stems of the window's words, so that a candidate's key words are each looked up rather than searched for. */
function markWindowStems({ text, windowFrom, windowTo }: MatchContext): void {
  if (++stamp === 0x7fffffff) {
    windowStamp.fill(0);
    stamp = 1;
  }
  for (let i = windowFrom; i < windowTo; i++) {
    const stemId = text.table.stemId[text.word[i]!]!;
    if (stemId >= windowStamp.length) {
      const grown = new Int32Array(Math.max(stemId + 1, windowStamp.length * 2));
      grown.set(windowStamp);
      windowStamp = grown;
    }
    windowStamp[stemId] = stamp;
  }
}

/** Is a word with this stem (`WordTable.stemIdOf`) in the window last marked? */
const inWindow = (stemId: number): boolean => stemId < windowStamp.length && windowStamp[stemId] === stamp;

function anyInWindow(stemIds: Int32Array): boolean {
  for (const k of stemIds) if (inWindow(k)) return true;
  return false;
}

/**
 * Are these editions of one program (one series, or each with its period), or proposals whose phrase is a platform
 * each names in its title's brackets?
 */
function oneProgram(pool: readonly IndexedProposal[], phrase: NamePhrase | undefined): boolean {
  // Proposals that share a name and each name their period are editions, even when their titles differ.
  if (pool.every((p) => p.period !== null)) return true;
  return pool.every((p) => p.series === pool[0]!.series) || (phrase !== undefined && phrase.targets.every((x) => x.role === 'team' && x.platform));
}

const LINK_LEAD_DAYS = 30;

const existsByDates = new WeakMap<IndexedProposal, string | null>();

/**
 * The date a proposal surely existed by (null when unknown), worked out once per indexed proposal. A proposal dated
 * only by the first meeting that linked it may have gone up some weeks earlier.
 */
function existsBy(p: IndexedProposal): string | null {
  let date = existsByDates.get(p);
  if (date === undefined) {
    date = p.startsAt === null ? null : p.anchorIsBound && p.startsAt === p.anchor ? shiftDays(p.startsAt, -LINK_LEAD_DAYS) : p.startsAt;
    existsByDates.set(p, date);
  }
  return date;
}

function shiftDays(date: string, days: number): string {
  return new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10);
}

const UPCOMING_DAYS = 90;

function daysBetween(from: string, to: string): number {
  return (timeOf(to) - timeOf(from)) / 86_400_000;
}

/**
 * "The 2025 community support proposal" when the community-support proposals stop at 2024: the program's next
 * edition may carry a new title. Pick the one proposal of that year whose title shares a word with the name said.
 */
function successorForYear(pool: IndexedProposal[], years: Set<number>, ctx: MatchContext, index: ProposalIndex): number | null {
  const said = new Set<string>();
  for (let i = ctx.from; i < ctx.to; i++) said.add(stemAt(ctx.text, i)!);
  const poolNumbers = new Set(pool.map((p) => p.number));
  const found = index.proposals.filter(
    (p) => p.year !== null && years.has(p.year) && !poolNumbers.has(p.number) && p.titleStems.some((s) => said.has(s)),
  );
  return found.length === 1 ? found[0]!.number : null;
}
