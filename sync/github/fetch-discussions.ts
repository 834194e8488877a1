import type { GraphQLClient } from './client.js';
import { PartialGraphQLResult } from './client.js';
import { CategoryNotFoundError, DiscussionsDisabledError, QueryTooLargeError, RepositoryNotFoundError } from './errors.js';
import {
  COMMENT_REPLIES_QUERY,
  DISCUSSION_BY_NUMBER_QUERY,
  DISCUSSION_COMMENTS_QUERY,
  DISCUSSION_EDITS_QUERY,
  DISCUSSION_LABELS_QUERY,
  DISCUSSIONS_PAGE_QUERY,
  REPOSITORY_QUERY,
} from './queries.js';
import {
  commentsPageSchema,
  discussionByNumberSchema,
  discussionsPageSchema,
  editsPageSchema,
  labelsPageSchema,
  parseResponse,
  repliesPageSchema,
  repositoryInfoSchema,
  type CategoryNode,
  type CommentNode,
  type DiscussionNode,
  type EditNode,
  type LabelNode,
  type ReplyNode,
} from './response-schemas.js';

export interface PageSizes {
  discussions: number;
  comments: number;
  replies: number;
  edits: number;
}

/** 50 discussions × 50 comments × 20 replies: about 27 points and 54,000 nodes a page. */
export const DEFAULT_PAGE_SIZES: PageSizes = { discussions: 50, comments: 50, replies: 20, edits: 10 };
const MIN_PAGE_SIZES: PageSizes = { discussions: 5, comments: 10, replies: 5, edits: 5 };

export interface RepositoryInfo {
  id: string;
  nameWithOwner: string;
  categories: CategoryNode[];
}

export async function fetchRepositoryInfo(client: GraphQLClient, owner: string, name: string): Promise<RepositoryInfo> {
  const raw = await client.query<unknown>(REPOSITORY_QUERY, { owner, name });
  const data = raw instanceof PartialGraphQLResult ? raw.data : raw;
  const { repository } = parseResponse(repositoryInfoSchema, data, `the repository ${owner}/${name}`);
  if (!repository) throw new RepositoryNotFoundError(`${owner}/${name}`);
  if (!repository.hasDiscussionsEnabled) throw new DiscussionsDisabledError(repository.nameWithOwner);
  return { id: repository.id, nameWithOwner: repository.nameWithOwner, categories: repository.discussionCategories.nodes };
}

/** Resolves configured category names (or slugs) to ids, case-insensitively. */
export function resolveCategories(repo: RepositoryInfo, wanted: string[] | undefined): CategoryNode[] | null {
  if (!wanted) return null;
  return wanted.map((name) => {
    const key = name.trim().toLowerCase();
    const found = repo.categories.find((c) => c.name.toLowerCase() === key || c.slug.toLowerCase() === key);
    if (!found) throw new CategoryNotFoundError(repo.nameWithOwner, name, repo.categories.map((c) => c.name));
    return found;
  });
}

export interface DiscussionsPage {
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null;
  discussions: DiscussionNode[];
}

export interface PageRequest {
  owner: string;
  name: string;
  cursor: string | null;
  categoryId: string | null;
  order: 'UPDATED_AT' | 'CREATED_AT';
  direction: 'ASC' | 'DESC';
}

export async function fetchDiscussionsPage(client: GraphQLClient, request: PageRequest, sizes: PageSizes): Promise<DiscussionsPage> {
  const raw = await client.query<unknown>(DISCUSSIONS_PAGE_QUERY, {
    owner: request.owner,
    name: request.name,
    cursor: request.cursor,
    categoryId: request.categoryId,
    field: request.order,
    direction: request.direction,
    page: sizes.discussions,
    commentPage: sizes.comments,
    replyPage: sizes.replies,
    editPage: sizes.edits,
  });
  const data = raw instanceof PartialGraphQLResult ? raw.data : raw;
  const page = parseResponse(discussionsPageSchema, data, `the discussions of ${request.owner}/${request.name}`);
  if (!page.repository) throw new RepositoryNotFoundError(`${request.owner}/${request.name}`);
  const { discussions } = page.repository;
  return {
    totalCount: discussions.totalCount,
    hasNextPage: discussions.pageInfo.hasNextPage,
    endCursor: discussions.pageInfo.endCursor,
    discussions: discussions.nodes.filter((d): d is DiscussionNode => d !== null),
  };
}

/** A discussion with every connection paged to its end. */
export interface CompleteDiscussion {
  discussion: DiscussionNode;
  comments: (CommentNode & { allReplies: ReplyNode[] })[];
  edits: EditNode[];
  labels: LabelNode[];
}

async function followConnection<N>(
  first: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: N[] },
  fetchMore: (cursor: string) => Promise<{ pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: N[] } | null>,
): Promise<N[]> {
  const all = [...first.nodes];
  let pageInfo = first.pageInfo;
  while (pageInfo.hasNextPage && pageInfo.endCursor) {
    const next = await fetchMore(pageInfo.endCursor);
    if (!next) break; // the parent was deleted meanwhile; the next run sees it
    all.push(...next.nodes);
    pageInfo = next.pageInfo;
  }
  return all;
}

/** Follows comments, replies, edits and labels beyond the first page of the list query. */
export async function completeDiscussion(client: GraphQLClient, discussion: DiscussionNode, sizes: PageSizes): Promise<CompleteDiscussion> {
  const comments = await followConnection(discussion.comments, async (cursor) => {
    const data = await client.query<unknown>(DISCUSSION_COMMENTS_QUERY, {
      id: discussion.id,
      cursor,
      commentPage: 100,
      replyPage: Math.min(sizes.replies, 50),
    });
    return parseResponse(commentsPageSchema, data, `the comments of discussion #${discussion.number}`).node?.comments ?? null;
  });
  const withReplies = [];
  for (const comment of comments) {
    const allReplies = await followConnection(comment.replies, async (cursor) => {
      const data = await client.query<unknown>(COMMENT_REPLIES_QUERY, { id: comment.id, cursor, replyPage: 100 });
      return parseResponse(repliesPageSchema, data, `the replies of a comment on #${discussion.number}`).node?.replies ?? null;
    });
    withReplies.push({ ...comment, allReplies });
  }
  const edits = await followConnection(discussion.userContentEdits, async (cursor) => {
    const data = await client.query<unknown>(DISCUSSION_EDITS_QUERY, { id: discussion.id, cursor, editPage: 100 });
    return parseResponse(editsPageSchema, data, `the edits of discussion #${discussion.number}`).node?.userContentEdits ?? null;
  });
  const labels = await followConnection(discussion.labels, async (cursor) => {
    const data = await client.query<unknown>(DISCUSSION_LABELS_QUERY, { id: discussion.id, cursor });
    return parseResponse(labelsPageSchema, data, `the labels of discussion #${discussion.number}`).node?.labels ?? null;
  });
  return { discussion, comments: withReplies, edits, labels };
}

/** Looks one discussion up by number: null when GitHub no longer has it there (deleted or transferred). */
export async function fetchDiscussionLocation(
  client: GraphQLClient,
  owner: string,
  name: string,
  number: number,
): Promise<{ id: string; category: CategoryNode | null } | null> {
  const raw = await client.query<unknown>(DISCUSSION_BY_NUMBER_QUERY, { owner, name, number });
  const data = raw instanceof PartialGraphQLResult ? raw.data : raw;
  const parsed = parseResponse(discussionByNumberSchema, data, `discussion #${number}`);
  if (!parsed.repository) throw new RepositoryNotFoundError(`${owner}/${name}`);
  return parsed.repository.discussion;
}

/** Halves page sizes after GitHub says a query was too expensive or too slow, down to a floor. */
export function shrinkPageSizes(sizes: PageSizes): PageSizes | null {
  const next: PageSizes = {
    discussions: Math.max(MIN_PAGE_SIZES.discussions, Math.floor(sizes.discussions / 2)),
    comments: Math.max(MIN_PAGE_SIZES.comments, Math.floor(sizes.comments / 2)),
    replies: Math.max(MIN_PAGE_SIZES.replies, Math.floor(sizes.replies / 2)),
    edits: Math.max(MIN_PAGE_SIZES.edits, Math.floor(sizes.edits / 2)),
  };
  const same = (Object.keys(next) as (keyof PageSizes)[]).every((k) => next[k] === sizes[k]);
  return same ? null : next;
}

export async function withShrinkingPages<T>(
  sizes: PageSizes,
  run: (sizes: PageSizes) => Promise<T>,
  onShrink: (next: PageSizes, error: QueryTooLargeError) => void,
): Promise<{ result: T; sizes: PageSizes }> {
  let current = sizes;
  for (;;) {
    try {
      return { result: await run(current), sizes: current };
    } catch (error) {
      if (!(error instanceof QueryTooLargeError)) throw error;
      const next = shrinkPageSizes(current);
      if (!next) throw error;
      onShrink(next, error);
      current = next;
    }
  }
}
