/** Atom 1.0 (RFC 4287) feeds as strings; every text is XML-escaped and stripped of characters XML forbids. */

export interface AtomEntry {
  id: string;
  title: string;
  link: string;
  updated: Date;
  summary?: string | null;
  author?: string | null;
}

export interface AtomFeed {
  id: string;
  title: string;
  /** Absolute URL of the HTML page the feed follows. */
  link: string;
  /** Absolute URL of the feed itself. */
  self: string;
  entries: AtomEntry[];
}

// XML 1.0 allows tab, newline, carriage return and everything from U+0020 except surrogates and U+FFFE/U+FFFF.
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXml(text: string): string {
  return text.replace(FORBIDDEN, '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

export function renderAtomFeed(feed: AtomFeed): string {
  const updated = feed.entries.reduce((latest, e) => (e.updated > latest ? e.updated : latest), new Date(0));
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${escapeXml(feed.id)}</id>`,
    `  <title>${escapeXml(feed.title)}</title>`,
    `  <updated>${(feed.entries.length ? updated : new Date(0)).toISOString()}</updated>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.link)}"/>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.self)}"/>`,
    '  <author><name>Proposal Tracker</name></author>',
  ];
  for (const entry of feed.entries) {
    lines.push(
      '  <entry>',
      `    <id>${escapeXml(entry.id)}</id>`,
      `    <title type="text">${escapeXml(entry.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(entry.link)}"/>`,
      `    <updated>${entry.updated.toISOString()}</updated>`,
    );
    if (entry.author) lines.push(`    <author><name>${escapeXml(entry.author)}</name></author>`);
    if (entry.summary) lines.push(`    <summary type="text">${escapeXml(entry.summary)}</summary>`);
    lines.push('  </entry>');
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
