import { distance } from 'fastest-levenshtein';

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];

/** Month from a word: full names, 3-letter prefixes ("Sept", "Nov") and one-typo spellings ("Feburary", "Ocober"). */
export function parseMonthWord(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return null;
  for (let i = 0; i < MONTHS.length; i++) {
    const month = MONTHS[i]!;
    if (month === w || (w.length >= 3 && month.startsWith(w))) return i + 1;
  }
  if (w.length < 5) return null;
  for (let i = 0; i < MONTHS.length; i++) {
    const month = MONTHS[i]!;
    if (Math.abs(month.length - w.length) <= 2 && distance(month, w) <= 2 && month[0] === w[0]) return i + 1;
  }
  return null;
}

export function toIsoDate(year: number, month: number, day: number): string | null {
  if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Reads one calendar date out of free text: "Thursday, August 29th, 2024", "July 9, 2026", "2024-08-29",
 * "2023, January 25 09:00AM", "29 August 2024", "Tuesday, November, 14 2023", "8/29/2024" (US order).
 * Returns null when no valid date is present.
 */
export function parseDateText(text: string): string | null {
  const iso = /(?<!\d)((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/.exec(text);
  if (iso) {
    const found = toIsoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (found) return found;
  }

  const words = text.match(/[A-Za-z]+\.?|\d+(?:st|nd|rd|th)?/g) ?? [];
  let month: number | null = null;
  let monthIndex = -1;
  for (let i = 0; i < words.length; i++) {
    const m = /^[A-Za-z]/.test(words[i]!) ? parseMonthWord(words[i]!) : null;
    if (m !== null) {
      month = m;
      monthIndex = i;
      break;
    }
  }
  if (month !== null) {
    const numbers: { value: number; index: number; ordinal: boolean }[] = [];
    words.forEach((w, index) => {
      const n = /^(\d+)(st|nd|rd|th)?$/.exec(w);
      if (n) numbers.push({ value: Number(n[1]), index, ordinal: n[2] !== undefined });
    });
    const year = numbers.find((n) => n.value >= 1990 && n.value <= 2100 && !n.ordinal);
    const dayCandidates = numbers.filter((n) => n !== year && n.value >= 1 && n.value <= 31);
    // Prefer the number closest to the month word ("August 29th", "29 August").
    dayCandidates.sort((a, b) => Math.abs(a.index - monthIndex) - Math.abs(b.index - monthIndex));
    const day = dayCandidates[0];
    if (year && day) {
      const found = toIsoDate(year.value, month, day.value);
      if (found) return found;
    }
  }

  const us = /\b(\d{1,2})\/(\d{1,2})\/((?:19|20)\d\d)\b/.exec(text);
  if (us) return toIsoDate(Number(us[3]), Number(us[1]), Number(us[2]));
  return null;
}
