import DOMPurify from 'dompurify';
import { marked } from 'marked';
import { withoutFrontMatter } from './front-matter';

// Links in cards open outside the app and tell the target nothing about it.
DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A' && node.getAttribute('href')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

/** A model card's Markdown as HTML with everything executable or styling removed. */
export function renderMarkdown(markdown: string): string {
  const html = marked.parse(withoutFrontMatter(markdown), { async: false, gfm: true });
  return DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe'],
    FORBID_ATTR: ['style', 'class', 'id'],
  });
}
