/** Rough stand-ins for GitHub's rendered forms of a markdown body. Neither is a faithful renderer. */

export function extractBodyText(markdown: string): string {
  return markdown
    .replace(/<[^>]*>/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}#{1,6}\s+/gm, '')
    .replace(/[*_`~]+/g, '')
    .replace(/\r\n/g, '\n')
    .trim();
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escaped paragraphs: the stand-in never returns live markup, so consumers must render `body` themselves. */
export function renderBodyHtml(markdown: string): string {
  return markdown
    .split(/\n{2,}/)
    .filter((p) => p.trim() !== '')
    .map((p) => `<p>${p.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c)}</p>`)
    .join('\n');
}
