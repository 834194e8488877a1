import { z } from 'zod';

/**
 * What we rely on in GitHub's answers. Parsing with these turns a changed or broken answer
 * into a clear error instead of half-stored rows. Unknown fields pass through (kept as raw JSON).
 */
const actor = z.looseObject({ login: z.string(), __typename: z.string().optional() }).nullable();
const pageInfo = z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() });
const connection = <T extends z.ZodType>(node: T) =>
  z.looseObject({ totalCount: z.number().int(), pageInfo, nodes: z.array(node.nullable()).transform((n) => n.filter((x) => x !== null) as z.output<T>[]) });

export const replySchema = z.looseObject({
  id: z.string(),
  databaseId: z.number().nullable().optional(),
  url: z.string().nullable().optional(),
  body: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastEditedAt: z.string().nullable().optional(),
  deletedAt: z.string().nullable().optional(),
  isMinimized: z.boolean().optional(),
  minimizedReason: z.string().nullable().optional(),
  upvoteCount: z.number().optional(),
  author: actor,
});

export const commentSchema = replySchema.extend({
  isAnswer: z.boolean().optional(),
  replies: connection(replySchema),
});

export const editSchema = z.looseObject({
  id: z.string(),
  editedAt: z.string(),
  deletedAt: z.string().nullable().optional(),
  diff: z.string().nullable().optional(),
  editor: actor.optional(),
});

export const labelSchema = z.looseObject({ name: z.string(), color: z.string().nullable().optional() });

export const categorySchema = z.looseObject({ id: z.string(), name: z.string(), slug: z.string(), isAnswerable: z.boolean().optional() });

export const discussionSchema = z.looseObject({
  id: z.string(),
  databaseId: z.number().nullable().optional(),
  number: z.number().int(),
  title: z.string(),
  body: z.string(),
  url: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastEditedAt: z.string().nullable().optional(),
  closed: z.boolean(),
  closedAt: z.string().nullable().optional(),
  stateReason: z.string().nullable().optional(),
  isAnswered: z.boolean().nullable().optional(),
  locked: z.boolean().optional(),
  upvoteCount: z.number().optional(),
  answer: z.object({ id: z.string() }).nullable().optional(),
  author: actor,
  category: categorySchema.nullable(),
  labels: connection(labelSchema),
  userContentEdits: connection(editSchema),
  comments: connection(commentSchema),
});

export const rateLimitSchema = z.object({ cost: z.number(), limit: z.number(), remaining: z.number(), resetAt: z.string() });

export const repositoryInfoSchema = z.object({
  repository: z
    .object({
      id: z.string(),
      nameWithOwner: z.string(),
      hasDiscussionsEnabled: z.boolean(),
      discussionCategories: z.object({ nodes: z.array(categorySchema) }),
    })
    .nullable(),
});

export const discussionsPageSchema = z.object({
  repository: z
    .object({
      discussions: z.object({ totalCount: z.number(), pageInfo, nodes: z.array(discussionSchema.nullable()) }),
    })
    .nullable(),
  rateLimit: rateLimitSchema.optional(),
});

export const commentsPageSchema = z.object({ node: z.object({ comments: connection(commentSchema) }).nullable() });
export const repliesPageSchema = z.object({ node: z.object({ replies: connection(replySchema) }).nullable() });
export const editsPageSchema = z.object({ node: z.object({ userContentEdits: connection(editSchema) }).nullable() });
export const labelsPageSchema = z.object({ node: z.object({ labels: connection(labelSchema) }).nullable() });
export const discussionByNumberSchema = z.object({
  repository: z.object({ discussion: z.object({ id: z.string(), number: z.number(), url: z.string(), category: categorySchema.nullable() }).nullable() }).nullable(),
});

export type DiscussionNode = z.output<typeof discussionSchema>;
export type CommentNode = z.output<typeof commentSchema>;
export type ReplyNode = z.output<typeof replySchema>;
export type EditNode = z.output<typeof editSchema>;
export type LabelNode = z.output<typeof labelSchema>;
export type CategoryNode = z.output<typeof categorySchema>;

/** Parses an answer; a mismatch becomes a readable error naming the field. */
export function parseResponse<S extends z.ZodType>(schema: S, data: unknown, what: string): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  const where = first ? first.path.join('.') : '';
  throw new UnexpectedAnswerError(`GitHub's answer to ${what} does not have the expected shape at "${where}": ${first?.message ?? 'unknown problem'}`);
}

export class UnexpectedAnswerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnexpectedAnswerError';
  }
}
