import { Clock, toEpochMs, type TimeInput } from './clock.js';
import type {
  CommentAuthorAssociation,
  DiscussionCloseReason,
  MinimizedReason,
  ReactionContent,
  StoreCategory,
  StoreComment,
  StoreDiscussion,
  StoreEdit,
  StoreLabel,
  StoreNode,
  StoreRepository,
} from './store-types.js';

export interface StoreOptions {
  /** Start of the controllable clock (default 2024-01-01T00:00:00Z). */
  start?: TimeInput;
  /** Whether adding, editing or deleting a comment or reply bumps the discussion's updatedAt (default true). */
  commentActivityBumpsDiscussionUpdatedAt?: boolean;
  /** Whether moving a discussion to another category bumps its updatedAt (default false). */
  categoryMoveBumpsDiscussionUpdatedAt?: boolean;
}

export interface CategoryInput {
  name: string;
  slug?: string;
  emoji?: string;
  description?: string | null;
  isAnswerable?: boolean;
}

export interface DiscussionInput {
  title: string;
  body: string;
  author: string | null;
  /** Category name or slug. */
  category: string;
  number?: number;
  authorAssociation?: CommentAuthorAssociation;
  labels?: string[];
  upvoteCount?: number;
  reactions?: Partial<Record<ReactionContent, number>>;
  at?: TimeInput;
}

export interface CommentInput {
  body: string;
  author: string | null;
  authorAssociation?: CommentAuthorAssociation;
  upvoteCount?: number;
  reactions?: Partial<Record<ReactionContent, number>>;
  at?: TimeInput;
}

export interface EditInput {
  body?: string;
  title?: string;
  editor?: string | null;
  at?: TimeInput;
}

const LABEL_COLORS = ['0e8a16', 'd93f0b', '1d76db', 'fbca04', '5319e7', 'b60205', 'c5def5'];

function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Opaque ids in GitHub's "new" format look: a type prefix plus base64 of something we can look up. */
function makeNodeId(prefix: string, kind: string, databaseId: number): string {
  return `${prefix}_kwDO${Buffer.from(`${kind}:${databaseId}`).toString('base64url')}`;
}

/**
 * A mutable GitHub-like store. Every helper changes data the way GitHub would, stamping times from
 * `clock` (or from an explicit `at`).
 */
export class Store {
  readonly clock: Clock;
  readonly options: Required<Omit<StoreOptions, 'start'>>;
  private readonly repositories = new Map<string, StoreRepository>();
  private readonly nodes = new Map<string, StoreNode>();
  private nextDatabaseId = 1000;

  constructor(options: StoreOptions = {}) {
    this.clock = new Clock(options.start);
    this.options = {
      commentActivityBumpsDiscussionUpdatedAt: options.commentActivityBumpsDiscussionUpdatedAt ?? true,
      categoryMoveBumpsDiscussionUpdatedAt: options.categoryMoveBumpsDiscussionUpdatedAt ?? false,
    };
  }

  now(): Date {
    return this.clock.now();
  }

  private stamp(at: TimeInput | undefined): number {
    return at === undefined ? this.clock.nowMs() : toEpochMs(at);
  }

  private newDatabaseId(): number {
    return this.nextDatabaseId++;
  }

  private register<T extends StoreNode>(node: T): T {
    this.nodes.set(node.id, node);
    return node;
  }

  // ---- lookups -------------------------------------------------------------------------------

  findRepository(nameWithOwner: string): StoreRepository | undefined {
    return this.repositories.get(nameWithOwner.toLowerCase());
  }

  repository(nameWithOwner: string): StoreRepository {
    const repo = this.findRepository(nameWithOwner);
    if (!repo) throw new Error(`No repository ${nameWithOwner} in the store`);
    return repo;
  }

  findDiscussion(nameWithOwner: string, number: number): StoreDiscussion | undefined {
    return this.findRepository(nameWithOwner)?.discussions.get(number);
  }

  discussion(nameWithOwner: string, number: number): StoreDiscussion {
    const found = this.findDiscussion(nameWithOwner, number);
    if (!found) throw new Error(`No discussion ${nameWithOwner}#${number} in the store`);
    return found;
  }

  findNode(id: string): StoreNode | undefined {
    return this.nodes.get(id);
  }

  listRepositories(): StoreRepository[] {
    return [...this.repositories.values()];
  }

  // ---- repositories and categories -----------------------------------------------------------

  addRepository(input: { owner: string; name: string; categories?: CategoryInput[]; hasDiscussionsEnabled?: boolean }): StoreRepository {
    const key = `${input.owner}/${input.name}`.toLowerCase();
    if (this.repositories.has(key)) throw new Error(`Repository ${key} already exists`);
    const databaseId = this.newDatabaseId();
    const repo: StoreRepository = this.register({
      __typename: 'Repository',
      id: makeNodeId('R', 'Repository', databaseId),
      databaseId,
      owner: input.owner,
      name: input.name,
      hasDiscussionsEnabled: input.hasDiscussionsEnabled ?? true,
      categories: [],
      labels: new Map(),
      discussions: new Map(),
      nextNumber: 1,
    });
    this.repositories.set(key, repo);
    for (const category of input.categories ?? []) this.addCategory(repo, category);
    return repo;
  }

  addCategory(repo: StoreRepository, input: CategoryInput): StoreCategory {
    const databaseId = this.newDatabaseId();
    const category: StoreCategory = this.register({
      __typename: 'DiscussionCategory',
      id: makeNodeId('DIC', 'DiscussionCategory', databaseId),
      repository: repo,
      name: input.name,
      slug: input.slug ?? slugify(input.name),
      emoji: input.emoji ?? ':speech_balloon:',
      description: input.description ?? null,
      isAnswerable: input.isAnswerable ?? false,
      createdAt: this.clock.nowMs(),
    });
    repo.categories.push(category);
    return category;
  }

  category(repo: StoreRepository, nameOrSlug: string): StoreCategory {
    const wanted = nameOrSlug.toLowerCase();
    const found = repo.categories.find((c) => c.slug === wanted || c.name.toLowerCase() === wanted);
    if (!found) throw new Error(`No category "${nameOrSlug}" in ${repo.owner}/${repo.name}`);
    return found;
  }

  private label(repo: StoreRepository, name: string, color?: string): StoreLabel {
    const existing = repo.labels.get(name.toLowerCase());
    if (existing) return existing;
    const databaseId = this.newDatabaseId();
    const label: StoreLabel = this.register({
      __typename: 'Label',
      id: makeNodeId('LA', 'Label', databaseId),
      name,
      color: color ?? LABEL_COLORS[repo.labels.size % LABEL_COLORS.length] ?? 'ededed',
      description: null,
    });
    repo.labels.set(name.toLowerCase(), label);
    return label;
  }

  // ---- discussions ---------------------------------------------------------------------------

  addDiscussion(repoRef: StoreRepository | string, input: DiscussionInput): StoreDiscussion {
    const repo = typeof repoRef === 'string' ? this.repository(repoRef) : repoRef;
    const number = input.number ?? repo.nextNumber;
    if (repo.discussions.has(number)) throw new Error(`Discussion number ${number} is taken in ${repo.owner}/${repo.name}`);
    repo.nextNumber = Math.max(repo.nextNumber, number + 1);
    const at = this.stamp(input.at);
    const databaseId = this.newDatabaseId();
    const discussion: StoreDiscussion = this.register({
      __typename: 'Discussion',
      id: makeNodeId('D', 'Discussion', databaseId),
      databaseId,
      number,
      repository: repo,
      category: this.category(repo, input.category),
      title: input.title,
      body: input.body,
      author: input.author,
      authorAssociation: input.authorAssociation ?? 'NONE',
      createdAt: at,
      updatedAt: at,
      lastEditedAt: null,
      closed: false,
      closedAt: null,
      stateReason: null,
      locked: false,
      upvoteCount: input.upvoteCount ?? 0,
      reactions: new Map(Object.entries(input.reactions ?? {}) as [ReactionContent, number][]),
      labels: (input.labels ?? []).map((name) => this.label(repo, name)),
      edits: [],
      comments: [],
      answer: null,
      answerChosenAt: null,
    });
    repo.discussions.set(number, discussion);
    return discussion;
  }

  editDiscussion(discussion: StoreDiscussion, input: EditInput): void {
    const at = this.stamp(input.at);
    if (input.title !== undefined) discussion.title = input.title;
    if (input.body !== undefined && input.body !== discussion.body) {
      this.pushEdit(discussion, input.body, input.editor === undefined ? discussion.author : input.editor, at);
      discussion.body = input.body;
      discussion.lastEditedAt = at;
    }
    discussion.updatedAt = at;
  }

  deleteDiscussion(discussion: StoreDiscussion): void {
    discussion.repository.discussions.delete(discussion.number);
    this.nodes.delete(discussion.id);
    for (const comment of discussion.comments) {
      this.nodes.delete(comment.id);
      for (const reply of comment.replies) this.nodes.delete(reply.id);
    }
  }

  /** Moves a discussion to another repository. It gets a new number, node id and databaseId there. */
  transferDiscussion(discussion: StoreDiscussion, toRepoRef: StoreRepository | string, options: { category?: string; at?: TimeInput } = {}): StoreDiscussion {
    const target = typeof toRepoRef === 'string' ? this.repository(toRepoRef) : toRepoRef;
    const at = this.stamp(options.at);
    const categoryName = options.category ?? discussion.category.name;
    const category = target.categories.find((c) => c.name === categoryName) ?? target.categories[0];
    if (!category) throw new Error(`Repository ${target.owner}/${target.name} has no categories to transfer into`);
    this.deleteDiscussion(discussion);
    const databaseId = this.newDatabaseId();
    const number = target.nextNumber++;
    const moved: StoreDiscussion = this.register({
      ...discussion,
      id: makeNodeId('D', 'Discussion', databaseId),
      databaseId,
      number,
      repository: target,
      category,
      labels: discussion.labels.map((l) => this.label(target, l.name, l.color)),
      updatedAt: at,
    });
    target.discussions.set(number, moved);
    for (const comment of moved.comments) {
      comment.discussion = moved;
      this.register(comment);
      for (const reply of comment.replies) {
        reply.discussion = moved;
        this.register(reply);
      }
    }
    return moved;
  }

  moveCategory(discussion: StoreDiscussion, category: string, options: { at?: TimeInput } = {}): void {
    discussion.category = this.category(discussion.repository, category);
    if (this.options.categoryMoveBumpsDiscussionUpdatedAt) discussion.updatedAt = this.stamp(options.at);
  }

  closeDiscussion(discussion: StoreDiscussion, reason: DiscussionCloseReason = 'RESOLVED', options: { at?: TimeInput } = {}): void {
    const at = this.stamp(options.at);
    discussion.closed = true;
    discussion.closedAt = at;
    discussion.stateReason = reason;
    discussion.updatedAt = at;
  }

  reopenDiscussion(discussion: StoreDiscussion, options: { at?: TimeInput } = {}): void {
    discussion.closed = false;
    discussion.closedAt = null;
    discussion.stateReason = 'REOPENED';
    discussion.updatedAt = this.stamp(options.at);
  }

  lockDiscussion(discussion: StoreDiscussion, locked = true, options: { at?: TimeInput } = {}): void {
    discussion.locked = locked;
    discussion.updatedAt = this.stamp(options.at);
  }

  addLabel(discussion: StoreDiscussion, name: string, options: { color?: string; at?: TimeInput } = {}): void {
    if (discussion.labels.some((l) => l.name.toLowerCase() === name.toLowerCase())) return;
    discussion.labels.push(this.label(discussion.repository, name, options.color));
    discussion.updatedAt = this.stamp(options.at);
  }

  removeLabel(discussion: StoreDiscussion, name: string, options: { at?: TimeInput } = {}): void {
    discussion.labels = discussion.labels.filter((l) => l.name.toLowerCase() !== name.toLowerCase());
    discussion.updatedAt = this.stamp(options.at);
  }

  markAnswer(comment: StoreComment, options: { at?: TimeInput } = {}): void {
    const discussion = comment.discussion;
    if (!discussion.category.isAnswerable) {
      throw new Error(`Category ${discussion.category.name} does not accept answers`);
    }
    const at = this.stamp(options.at);
    discussion.answer = comment;
    discussion.answerChosenAt = at;
    discussion.updatedAt = at;
  }

  unmarkAnswer(discussion: StoreDiscussion, options: { at?: TimeInput } = {}): void {
    discussion.answer = null;
    discussion.answerChosenAt = null;
    discussion.updatedAt = this.stamp(options.at);
  }

  // ---- comments and replies ------------------------------------------------------------------

  private newComment(discussion: StoreDiscussion, replyTo: StoreComment | null, input: CommentInput): StoreComment {
    const at = this.stamp(input.at);
    const databaseId = this.newDatabaseId();
    return this.register({
      __typename: 'DiscussionComment',
      id: makeNodeId('DC', 'DiscussionComment', databaseId),
      databaseId,
      discussion,
      replyTo,
      body: input.body,
      author: input.author,
      authorAssociation: input.authorAssociation ?? 'NONE',
      createdAt: at,
      updatedAt: at,
      lastEditedAt: null,
      deletedAt: null,
      isMinimized: false,
      minimizedReason: null,
      upvoteCount: input.upvoteCount ?? 0,
      reactions: new Map(Object.entries(input.reactions ?? {}) as [ReactionContent, number][]),
      edits: [],
      replies: [],
    });
  }

  private commentActivity(discussion: StoreDiscussion, at: number): void {
    if (this.options.commentActivityBumpsDiscussionUpdatedAt) discussion.updatedAt = Math.max(discussion.updatedAt, at);
  }

  addComment(discussion: StoreDiscussion, input: CommentInput): StoreComment {
    const comment = this.newComment(discussion, null, input);
    discussion.comments.push(comment);
    this.commentActivity(discussion, comment.createdAt);
    return comment;
  }

  addReply(parent: StoreComment, input: CommentInput): StoreComment {
    if (parent.replyTo) throw new Error('GitHub threads are one level deep: reply to the top-level comment instead');
    const reply = this.newComment(parent.discussion, parent, input);
    parent.replies.push(reply);
    this.commentActivity(parent.discussion, reply.createdAt);
    return reply;
  }

  editComment(comment: StoreComment, input: { body: string; editor?: string | null; at?: TimeInput }): void {
    const at = this.stamp(input.at);
    if (input.body === comment.body) return;
    this.pushEdit(comment, input.body, input.editor === undefined ? comment.author : input.editor, at);
    comment.body = input.body;
    comment.lastEditedAt = at;
    comment.updatedAt = at;
    this.commentActivity(comment.discussion, at);
  }

  /**
   * A top-level comment that still has replies stays as a tombstone (`deletedAt` set, empty body);
   * anything else disappears. Deleting the chosen answer unmarks it.
   */
  deleteComment(comment: StoreComment, options: { at?: TimeInput } = {}): void {
    const at = this.stamp(options.at);
    const discussion = comment.discussion;
    if (discussion.answer === comment) {
      discussion.answer = null;
      discussion.answerChosenAt = null;
    }
    if (comment.replyTo) {
      const parent = comment.replyTo;
      parent.replies = parent.replies.filter((r) => r !== comment);
      this.nodes.delete(comment.id);
      if (parent.deletedAt !== null && parent.replies.length === 0) this.removeTopLevel(parent);
    } else if (comment.replies.length > 0) {
      comment.deletedAt = at;
      comment.body = '';
      comment.updatedAt = at;
    } else {
      this.removeTopLevel(comment);
    }
    this.commentActivity(discussion, at);
  }

  deleteReply(reply: StoreComment, options: { at?: TimeInput } = {}): void {
    if (!reply.replyTo) throw new Error('deleteReply needs a reply; use deleteComment for top-level comments');
    this.deleteComment(reply, options);
  }

  private removeTopLevel(comment: StoreComment): void {
    const discussion = comment.discussion;
    discussion.comments = discussion.comments.filter((c) => c !== comment);
    this.nodes.delete(comment.id);
  }

  minimizeComment(comment: StoreComment, reason: MinimizedReason): void {
    comment.isMinimized = true;
    comment.minimizedReason = reason;
  }

  /** Reactions and upvotes: whether GitHub bumps updatedAt for them is unknown, so this never does. */
  react(target: StoreDiscussion | StoreComment, content: ReactionContent, count = 1): void {
    target.reactions.set(content, (target.reactions.get(content) ?? 0) + count);
  }

  upvote(target: StoreDiscussion | StoreComment, count = 1): void {
    target.upvoteCount += count;
  }

  private pushEdit(target: StoreDiscussion | StoreComment, newBody: string, editor: string | null, at: number): void {
    if (target.edits.length === 0) target.edits.push(this.newEdit(target.body, target.author, target.createdAt));
    target.edits.push(this.newEdit(newBody, editor, at));
  }

  private newEdit(diff: string, editor: string | null, at: number): StoreEdit {
    const databaseId = this.newDatabaseId();
    return this.register({
      __typename: 'UserContentEdit',
      id: makeNodeId('UCE', 'UserContentEdit', databaseId),
      editedAt: at,
      diff,
      editor,
      deletedAt: null,
    });
  }
}
