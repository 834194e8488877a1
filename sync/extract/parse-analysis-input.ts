import { z } from 'zod';
import type { AnalysisInput } from './types.js';

const Text = z.string().nullish().transform((value) => value ?? '');
const When = z.string().refine((value) => Number.isFinite(Date.parse(value)), { message: 'expected an ISO 8601 date' });
const Status = z.enum(['new', 'under_discussion', 'presented', 'awaiting_proposer', 'on_chain', 'passed', 'rejected', 'closed', 'withdrawn']);

const Reply = z.object({
  id: z.string(), url: z.string(), author: z.string().nullable(), body: Text, createdAt: When, deleted: z.boolean().default(false),
});

const AnalysisInputSchema = z.object({
  proposal: z.object({
    owner: z.string(), repo: z.string(), number: z.number().int(), title: Text, body: Text, url: z.string(),
    author: z.string().nullable(), authorName: z.string().nullish(), createdAt: When, updatedAt: When,
    closed: z.boolean(), closedAt: When.nullable(), stateReason: z.string().nullable(),
    labels: z.array(z.string()).default([]), category: z.string().nullable(),
  }),
  edits: z.array(z.object({ editedAt: When, editor: z.string().nullable(), body: Text })).default([]),
  comments: z.array(Reply.extend({ replies: z.array(Reply).default([]) })).default([]),
  meetings: z.array(z.object({
    meetingId: z.string(), path: z.string(), title: Text, group: Text,
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, 'expected YYYY-MM-DD'),
    committee: z.array(z.string()).default([]),
    passages: z.array(z.object({
      kind: z.enum(['note', 'transcript']), heading: z.string().nullable(), speaker: z.string().nullable(),
      timestamp: z.string().nullable(), text: Text, url: z.string().optional(),
    })).default([]),
    actionItems: z.array(z.object({ owner: z.string().nullable(), text: Text, related: z.boolean().optional() })).default([]),
  })).default([]),
  committee: z.array(z.object({ name: z.string(), login: z.string().nullable(), aliases: z.array(z.string()).default([]) })).default([]),
  override: z.object({ status: Status, reason: z.string(), by: z.string(), at: When }).nullish(),
});

export class InvalidAnalysisInput extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid analysis input: ${problems.join('; ')}`);
    this.name = 'InvalidAnalysisInput';
  }
}

/** Checks untyped data (a stored row, a JSON file) and lists every problem at once. */
export function parseAnalysisInput(data: unknown): AnalysisInput {
  const result = AnalysisInputSchema.safeParse(data);
  if (!result.success) {
    throw new InvalidAnalysisInput(result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`));
  }
  const parsed: AnalysisInput = result.data;
  return parsed;
}
