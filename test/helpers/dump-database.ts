import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

/**
 * Everything the sync stored, without surrogate ids and bookkeeping times, in a stable order:
 * two databases that hold the same data give equal dumps, row for row.
 */
export async function dumpStoredDiscussions(db: Db) {
  const discussions = await sql<Record<string, unknown>>`
    select s.key, d.node_id, d.database_id, d.number, d.title, d.body, d.url, d.author_login, c.node_id as category,
           d.created_at, d.updated_at, d.last_edited_at, d.closed, d.closed_at, d.state_reason, d.is_answered,
           d.answer_node_id, d.locked, d.upvote_count, d.comment_count, d.removed_reason, d.raw,
           (select coalesce(array_agg(l.name order by l.name), '{}') from discussion_labels dl join labels l on l.id = dl.label_id where dl.discussion_id = d.id) as labels
    from discussions d join sources s on s.id = d.source_id left join categories c on c.id = d.category_id
    order by s.key, d.number`.execute(db);
  const comments = await sql<Record<string, unknown>>`
    select d.number, cm.node_id, cm.database_id, cm.parent_node_id, cm.author_login, cm.body, cm.url, cm.created_at, cm.updated_at,
           cm.last_edited_at, cm.is_answer, cm.is_minimized, cm.minimized_reason, cm.upvote_count, cm.deleted_at,
           cm.removed_at is not null as removed, cm.raw
    from comments cm join discussions d on d.id = cm.discussion_id
    order by cm.node_id`.execute(db);
  const edits = await sql<Record<string, unknown>>`
    select d.number, e.node_id, e.edited_at, e.editor_login, e.diff, e.deleted_at, e.raw
    from edits e join discussions d on d.id = e.discussion_id order by e.node_id`.execute(db);
  const authors = await sql<Record<string, unknown>>`select login, type from authors order by login`.execute(db);
  const categories = await sql<Record<string, unknown>>`select node_id, name, slug, is_answerable from categories order by node_id`.execute(db);
  const labels = await sql<Record<string, unknown>>`select name, color from labels order by name`.execute(db);
  return { discussions: discussions.rows, comments: comments.rows, edits: edits.rows, authors: authors.rows, categories: categories.rows, labels: labels.rows };
}
