import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const REPOSITORY_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A variable reference in the compose file, as `${NAME}`, `${NAME:-default}`, `${NAME:?error}`… */
export interface VariableUse {
  name: string;
  /** `-`/`:-` (default), `?`/`:?` (required), `+`/`:+` (alternative), or none. */
  operator: string | undefined;
  /** The default, error text or alternative after the operator. */
  argument: string | undefined;
}

const REFERENCE = /\$(?:\$|\{([^}]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g;
const BRACED = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])(.*))?$/s;

/** docker-compose.yml as compose reads it: YAML with merge keys, before interpolation. */
export function readComposeFile(): Record<string, unknown> {
  return parse(readFileSync(`${REPOSITORY_ROOT}docker-compose.yml`, 'utf8'), { merge: true }) as Record<string, unknown>;
}

/** .env.example's assignments, in order. */
export function readEnvExample(): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of readFileSync(`${REPOSITORY_ROOT}.env.example`, 'utf8').split('\n')) {
    const assignment = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (assignment) values.set(assignment[1]!, assignment[2]!);
  }
  return values;
}

/** Every variable reference in the strings of a parsed compose file. */
export function variableUses(node: unknown): VariableUse[] {
  if (typeof node === 'string') {
    return [...node.matchAll(REFERENCE)].flatMap((match) => {
      if (match[2]) return [{ name: match[2], operator: undefined, argument: undefined }];
      if (match[1] === undefined) return []; // `$$`: a literal dollar
      const braced = BRACED.exec(match[1]);
      if (!braced) throw new Error(`Not a variable reference compose understands: ${match[0]}`);
      return [{ name: braced[1]!, operator: braced[2], argument: braced[3] }];
    });
  }
  if (Array.isArray(node)) return node.flatMap(variableUses);
  if (node && typeof node === 'object')
    return Object.entries(node).flatMap(([key, value]) => [...variableUses(key), ...variableUses(value)]);
  return [];
}

/** The compose file with its variables replaced as compose replaces them from `env`. */
export function interpolate<T>(node: T, env: ReadonlyMap<string, string>): T {
  if (typeof node === 'string') return interpolateText(node, env) as T;
  if (Array.isArray(node)) return node.map((item: unknown) => interpolate(item, env)) as T;
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [interpolateText(key, env), interpolate(value, env)])) as T;
  }
  return node;
}

function interpolateText(text: string, env: ReadonlyMap<string, string>): string {
  return text.replace(REFERENCE, (whole, braced: string | undefined, bare: string | undefined) => {
    if (bare) return env.get(bare) ?? '';
    if (braced === undefined) return '$';
    const [, name, operator, argument = ''] = BRACED.exec(braced) ?? [];
    if (!name) throw new Error(`Not a variable reference compose understands: ${whole}`);
    const value = env.get(name);
    const set = operator?.startsWith(':') ? value !== undefined && value !== '' : value !== undefined;
    switch (operator?.replace(':', '')) {
      case '-':
        return set ? value! : argument;
      case '?':
        if (!set) throw new Error(`${name}: ${argument}`);
        return value!;
      case '+':
        return set ? argument : '';
      default:
        return value ?? '';
    }
  });
}
