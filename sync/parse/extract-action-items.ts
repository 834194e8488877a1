import type { ActionItem } from './types.js';
import type { Line } from './split-lines.js';
import { cleanInline } from './extract-headings.js';

const BULLET = /^(\s*)(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?(.*)$/;
const LABELLED = /^\*\*([^*]{1,60}?)\s*(?::\*\*|\*\*\s*:)\s*(.*)$/;
const PLAIN_LABEL = /^([A-Z@][\w.'’@-]*(?:\s+(?:[A-Z][\w.'’-]*|&|and))*)\s*:\s+(.+)$/;
const SUBJECT_VERB = /^(@?[A-Z@][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|&|the|team|\([^)]*\))){0,6})\s+(?:to|will|should|needs? to|is going to|are going to|shall|must)\s+\S/;

/** Owner of one action-item bullet: "**Name:** do X", "Name: do X", "Name to do X", "@handle will do X". */
export function extractActionOwner(text: string): string | null {
  const labelled = LABELLED.exec(text.trim());
  if (labelled) return cleanInline(labelled[1]!);
  const clean = cleanInline(text);
  const plain = PLAIN_LABEL.exec(clean);
  if (plain && plain[1]!.split(/\s+/).length <= 5) return plain[1]!.replace(/^@/, '');
  const subject = SUBJECT_VERB.exec(clean);
  if (subject) return subject[1]!.replace(/^@/, '').trim();
  return null;
}

/** Does a heading look like a person's name ("### Tyler Wright", "#### @robert")? */
export function looksLikePersonHeading(text: string): boolean {
  const words = text.split(/\s+/);
  if (words.length === 0 || words.length > 4) return false;
  return words.every((w) => /^@?[A-Z][\w.'’-]*$/.test(w)) && !/action|item|next|step|todo|follow/i.test(text);
}

/** Bullets of an action-items region, with owners from per-person sub-headings or from the bullet itself. */
export function extractActionItems(
  lines: Line[],
  from: number,
  to: number,
  ownerHeadingAt: (lineIndex: number) => string | null,
): ActionItem[] {
  const items: ActionItem[] = [];
  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    const bullet = BULLET.exec(line.text);
    if (!bullet) continue;
    const body = bullet[2]!.trim();
    const text = cleanInline(body);
    if (text === '') continue;
    const headingOwner = ownerHeadingAt(i);
    const bulletOwner = extractActionOwner(body);
    const owner = headingOwner ?? bulletOwner;
    items.push({
      text,
      owner,
      ownerSource: headingOwner ? 'heading' : bulletOwner ? 'bullet' : null,
      span: [line.start, line.end],
      line: line.number,
    });
  }
  return items;
}
