import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/**
 * User-written markdown (proposal bodies, comments, meeting notes) is hostile. Two layers:
 * markdown-it with raw HTML off (so `<script>` stays text), then sanitize-html with a strict
 * allow-list as the net under it, should a markdown-it rule ever emit something unexpected.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: false, typographer: false });

const SAFE_SCHEMES = ['http', 'https', 'mailto'];
/** Headings in user content sit below the page's own h1/h2, so the outline stays intact. */
const HEADING_SHIFT: Record<string, string> = { h1: 'h3', h2: 'h4', h3: 'h5', h4: 'h6', h5: 'h6', h6: 'h6' };

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'hr', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code', 'em', 'strong', 's', 'del',
    'ul', 'ol', 'li', 'a', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title', 'loading'],
    ol: ['start'],
    th: ['align'],
    td: ['align'],
    code: ['class'],
  },
  allowedClasses: { code: [/^language-[\w-]+$/] },
  allowedSchemes: SAFE_SCHEMES,
  allowedSchemesByTag: { img: ['https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    ...Object.fromEntries(Object.entries(HEADING_SHIFT).map(([from, to]) => [from, to])),
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'nofollow noopener noreferrer' } }),
    img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, loading: 'lazy' } }),
  },
};

/**
 * Rendered texts, most recently used last. Bodies and comments rarely change while pages showing
 * them are read many times; the bound keeps memory flat (at most CACHE_ENTRIES texts of at most
 * CACHE_MAX_LENGTH characters each).
 */
const CACHE_ENTRIES = 2000;
const CACHE_MAX_LENGTH = 20_000;
const rendered = new Map<string, string>();

/** Markdown to HTML that is safe to insert into a page with `<%- %>`. */
export function renderMarkdown(text: string | null | undefined): string {
  if (!text) return '';
  const cached = rendered.get(text);
  if (cached !== undefined) {
    rendered.delete(text);
    rendered.set(text, cached);
    return cached;
  }
  const html = sanitizeHtml(markdown.render(text), SANITIZE_OPTIONS);
  if (text.length <= CACHE_MAX_LENGTH) {
    rendered.set(text, html);
    if (rendered.size > CACHE_ENTRIES) rendered.delete(rendered.keys().next().value as string);
  }
  return html;
}

/** Plain text with URLs turned into safe links: for one-line snippets such as excerpts. */
export function renderInlineMarkdown(text: string | null | undefined): string {
  if (!text) return '';
  return sanitizeHtml(markdown.renderInline(text), SANITIZE_OPTIONS);
}
