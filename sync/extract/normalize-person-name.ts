/** Case-, accent- and punctuation-insensitive form of a name or login: "José  O'Neil" → "jose o neil". */
export function normalizePersonName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** "Anil Murty, Overclock Labs" or "Anil Murty (Overclock)" → "Anil Murty". */
export function stripAffiliation(name: string): string {
  return name.split(/\s*(?:,|\(|\s[-–—|]\s)/u)[0]?.replace(/[*_`]/gu, '').trim() ?? '';
}
