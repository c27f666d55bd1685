import { spawn } from 'node:child_process';

/**
 * Runs `script` (an ES module's text) in a fresh Node process whose module resolver refuses every specifier
 * that starts with one of `refused`: the import fails with "refused import: <specifier>". Tells which packages
 * a code path loads, for the start-up cuts in bench/startup.mjs. Resolves with the exit code and the output.
 */
export function runRefusingImports(refused: string[], script: string): Promise<{ code: number | null; output: string }> {
  const hooks = `const refused = ${JSON.stringify(refused)};
export async function resolve(specifier, context, next) {
  if (refused.some((prefix) => specifier.startsWith(prefix))) throw new Error('refused import: ' + specifier);
  return next(specifier, context);
}`;
  const program = `import { register } from 'node:module';
register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});
await import(${JSON.stringify(`data:text/javascript,${encodeURIComponent(script)}`)});`;
  const child = spawn(process.execPath, ['--no-warnings', '--input-type=module', '-e', program], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}
