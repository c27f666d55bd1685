import { useMemo } from 'react';
import { renderMarkdown } from './render-markdown';

/** The README of a version; loaded on demand (the Markdown and sanitising code is its own chunk). */
export default function ModelCard({ readme }: { readme: string }) {
  const html = useMemo(() => renderMarkdown(readme), [readme]);
  // Sanitised by DOMPurify in renderMarkdown: scripts, handlers, forms and styles are gone.
  return <div className="markdown" dangerouslySetInnerHTML={{ __html: html }} />;
}
