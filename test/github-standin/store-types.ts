/** The in-memory shapes the stand-in serves. Times are epoch milliseconds. */

export type CommentAuthorAssociation =
  | 'COLLABORATOR'
  | 'CONTRIBUTOR'
  | 'FIRST_TIMER'
  | 'FIRST_TIME_CONTRIBUTOR'
  | 'MANNEQUIN'
  | 'MEMBER'
  | 'NONE'
  | 'OWNER';

export type ReactionContent =
  | 'THUMBS_UP'
  | 'THUMBS_DOWN'
  | 'LAUGH'
  | 'HOORAY'
  | 'CONFUSED'
  | 'HEART'
  | 'ROCKET'
  | 'EYES';

export type DiscussionStateReason = 'DUPLICATE' | 'OUTDATED' | 'REOPENED' | 'RESOLVED';
export type DiscussionCloseReason = Exclude<DiscussionStateReason, 'REOPENED'>;
export type MinimizedReason = 'abuse' | 'off-topic' | 'outdated' | 'resolved' | 'duplicate' | 'spam';

export interface StoreActor {
  __typename: 'User' | 'Bot' | 'Organization';
  login: string;
}

export interface StoreCategory {
  __typename: 'DiscussionCategory';
  id: string;
  repository: StoreRepository;
  name: string;
  slug: string;
  emoji: string;
  description: string | null;
  isAnswerable: boolean;
  createdAt: number;
}

export interface StoreLabel {
  __typename: 'Label';
  id: string;
  name: string;
  color: string;
  description: string | null;
}

/** One version of a body. `diff` holds the full text of that version (see README.md). */
export interface StoreEdit {
  __typename: 'UserContentEdit';
  id: string;
  editedAt: number;
  diff: string;
  editor: string | null;
  deletedAt: number | null;
}

export interface StoreComment {
  __typename: 'DiscussionComment';
  id: string;
  databaseId: number;
  discussion: StoreDiscussion;
  replyTo: StoreComment | null;
  body: string;
  author: string | null;
  authorAssociation: CommentAuthorAssociation;
  createdAt: number;
  updatedAt: number;
  lastEditedAt: number | null;
  deletedAt: number | null;
  isMinimized: boolean;
  minimizedReason: MinimizedReason | null;
  upvoteCount: number;
  reactions: Map<ReactionContent, number>;
  /** Oldest first; served newest first. */
  edits: StoreEdit[];
  /** Oldest first. Only top-level comments have replies. */
  replies: StoreComment[];
}

export interface StoreDiscussion {
  __typename: 'Discussion';
  id: string;
  databaseId: number;
  number: number;
  repository: StoreRepository;
  category: StoreCategory;
  title: string;
  body: string;
  author: string | null;
  authorAssociation: CommentAuthorAssociation;
  createdAt: number;
  updatedAt: number;
  lastEditedAt: number | null;
  closed: boolean;
  closedAt: number | null;
  stateReason: DiscussionStateReason | null;
  locked: boolean;
  upvoteCount: number;
  reactions: Map<ReactionContent, number>;
  labels: StoreLabel[];
  /** Oldest first; served newest first. */
  edits: StoreEdit[];
  /** Oldest first, including tombstones of deleted comments that still have replies. */
  comments: StoreComment[];
  answer: StoreComment | null;
  answerChosenAt: number | null;
}

export interface StoreRepository {
  __typename: 'Repository';
  id: string;
  databaseId: number;
  owner: string;
  name: string;
  hasDiscussionsEnabled: boolean;
  categories: StoreCategory[];
  labels: Map<string, StoreLabel>;
  discussions: Map<number, StoreDiscussion>;
  nextNumber: number;
}

export type StoreNode = StoreRepository | StoreDiscussion | StoreComment | StoreCategory | StoreLabel | StoreEdit;
