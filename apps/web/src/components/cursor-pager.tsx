/** The cursors of the pages seen so far, the first page's being `undefined`. */
export type PageCursors = (string | undefined)[];

/** Previous / Next over a cursor-paged list; shown only when there is more than one page. */
export function CursorPager({
  label,
  cursors,
  nextCursor,
  onChange,
}: {
  label: string;
  cursors: PageCursors;
  nextCursor: string | null | undefined;
  onChange: (cursors: PageCursors) => void;
}) {
  if (cursors.length === 1 && !nextCursor) return null;
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" className="button-secondary" disabled={cursors.length === 1} onClick={() => onChange(cursors.slice(0, -1))}>
        Previous
      </button>
      <span>Page {cursors.length}</span>
      <button
        type="button"
        className="button-secondary"
        disabled={!nextCursor}
        onClick={() => onChange([...cursors, nextCursor ?? undefined])}
      >
        Next
      </button>
    </nav>
  );
}
