import { distance } from 'fastest-levenshtein';
import { normalizePersonName, stripAffiliation } from './normalize-person-name.js';
import type { CommitteeMemberInput, MeetingInput } from './types.js';

export interface RosterMember {
  name: string;
  login: string | null;
  /** Normalised full name, aliases and login. */
  keys: string[];
  firstName: string;
}

export interface CommitteeRoster {
  members: RosterMember[];
  /** First names that belong to exactly one member, so "Anil" alone can stand for Anil Murty. */
  uniqueFirstNames: Map<string, RosterMember>;
}

const FUZZY_MIN_LENGTH = 8;
const FUZZY_MAX_EDITS = 2;

function memberFrom(input: CommitteeMemberInput): RosterMember {
  const name = stripAffiliation(input.name) || input.name.trim();
  const keys = [name, ...input.aliases, ...(input.login ? [input.login] : [])].map(normalizePersonName).filter((key) => key !== '');
  return { name, login: input.login, keys: [...new Set(keys)], firstName: normalizePersonName(name).split(' ')[0] ?? '' };
}

function fuzzyFind(members: readonly RosterMember[], key: string): RosterMember | null {
  if (key.length < FUZZY_MIN_LENGTH || !key.includes(' ')) return null;
  for (const member of members) {
    for (const candidate of member.keys) {
      if (candidate.includes(' ') && candidate.length >= FUZZY_MIN_LENGTH && distance(candidate, key) <= FUZZY_MAX_EDITS) return member;
    }
  }
  return null;
}

/**
 * The committee for one proposal: members from the config plus the names in its meetings'
 * Committee sections, merged when they are the same person (speech-to-text spellings included).
 */
export function extractCommitteeRoster(config: readonly CommitteeMemberInput[], meetings: readonly MeetingInput[]): CommitteeRoster {
  const members = config.filter((member) => member.name.trim() !== '').map(memberFrom);
  for (const meeting of meetings) {
    for (const listed of meeting.committee) {
      const name = stripAffiliation(listed);
      const key = normalizePersonName(name);
      if (key === '') continue;
      if (members.some((member) => member.keys.includes(key)) || fuzzyFind(members, key)) continue;
      members.push(memberFrom({ name, login: null, aliases: [] }));
    }
  }
  const firstNameCounts = new Map<string, number>();
  for (const member of members) firstNameCounts.set(member.firstName, (firstNameCounts.get(member.firstName) ?? 0) + 1);
  const uniqueFirstNames = new Map<string, RosterMember>();
  for (const member of members) if (firstNameCounts.get(member.firstName) === 1 && member.firstName !== '') uniqueFirstNames.set(member.firstName, member);
  return { members, uniqueFirstNames };
}

/** The member a speaker name, comment login or alias refers to, or null. */
export function findCommitteeMember(roster: CommitteeRoster, nameOrLogin: string | null): RosterMember | null {
  if (!nameOrLogin) return null;
  const key = normalizePersonName(stripAffiliation(nameOrLogin.replace(/^@/u, '')) || nameOrLogin);
  if (key === '') return null;
  const exact = roster.members.find((member) => member.keys.includes(key));
  if (exact) return exact;
  if (!key.includes(' ')) return roster.uniqueFirstNames.get(key) ?? null;
  return fuzzyFind(roster.members, key);
}

function containsWords(haystack: string, needle: string): boolean {
  if (needle === '') return false;
  return ` ${haystack} `.includes(` ${needle} `);
}

/** Members named anywhere in a text (full name, alias, @login, or a first name only one member has). */
export function findMembersNamedIn(roster: CommitteeRoster, text: string): RosterMember[] {
  const haystack = normalizePersonName(text);
  return roster.members.filter(
    (member) => member.keys.some((key) => containsWords(haystack, key)) || (roster.uniqueFirstNames.get(member.firstName) === member && containsWords(haystack, member.firstName)),
  );
}
