const FRONT_MATTER = /^\uFEFF?---\r?\n(?:[\s\S]*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** The card's text without its YAML front matter: the page shows those fields already. */
export function withoutFrontMatter(readme: string): string {
  const match = readme.match(FRONT_MATTER);
  return match ? readme.slice(match[0].length) : readme;
}
