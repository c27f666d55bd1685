import { readdirSync, readFileSync } from 'node:fs';

/** A running process whose parent is one of `parents` and whose command line contains `command` (Linux /proc). */
export function findChildProcess(parents: number[], command: string): { pid: number; parent: number } | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // "pid (name) state ppid …": the name may hold spaces and parentheses, so read after the last ")".
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parents.includes(parent) && readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(command)) {
        return { pid: Number(entry), parent };
      }
    } catch {
      // the process ended while we looked
    }
  }
  return undefined;
}
