export const REPO_NAME_MAX_LENGTH = 96;

/**
 * Hugging Face's rules for a namespace or a repository name, so every Vetted model id is also a
 * valid Hub repo id. Returns why the name is invalid, or undefined when it is valid.
 */
export function repoNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'must not be empty';
  if (name.length > REPO_NAME_MAX_LENGTH) return `must be at most ${REPO_NAME_MAX_LENGTH} characters`;
  if (!/^[A-Za-z0-9._-]+$/.test(name)) return 'may contain only letters, digits, "-", "_" and "."';
  if (name.includes('--') || name.includes('..')) return 'must not contain "--" or ".."';
  if (/^[-.]|[-.]$/.test(name)) return 'must not start or end with "-" or "."';
  return undefined;
}
