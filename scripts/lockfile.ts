/**
 * `npm run lockfile`: makes package-lock.json installable with `npm ci` on
 * machines whose registry serves only this platform's optional binaries.
 *
 * npm records an optional dependency in the lockfile only when it can fetch
 * its metadata; for platform packages the registry here does not serve
 * (`@pagefind/darwin-x64`, `@astrojs/compiler-binding-win32-x64-msvc` …) it
 * records nothing, and `npm ci` then refuses the lockfile as out of sync.
 * This adds an entry for each missing one, with the os/cpu its name says, so
 * `npm ci` skips it as not for this platform. Run it after `npm install`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { commandLine } from './lib/args.ts';

interface LockEntry {
  version?: string;
  dev?: boolean;
  optional?: boolean;
  os?: string[];
  cpu?: string[];
  libc?: string[];
  optionalDependencies?: Record<string, string>;
}

/** Returns the platform a binary package's name says: `darwin-arm64`, `win32-x64-msvc`, `linux-arm64-musl`, `wasm32-wasi`. */
export function platformOf(name: string): Pick<LockEntry, 'os' | 'cpu' | 'libc'> {
  const base = name.split('/').at(-1) ?? name;
  const os = /(darwin|linux|win32|freebsd|android|openbsd|netbsd|sunos|aix)/u.exec(base)?.[1];
  const cpu = /(x64|arm64|ia32|arm|riscv64|s390x|ppc64|loong64|wasm32)/u.exec(base)?.[1];
  const out: Pick<LockEntry, 'os' | 'cpu' | 'libc'> = {};
  if (os) out.os = [os];
  if (cpu) out.cpu = [cpu];
  if (/musl/u.test(base)) out.libc = ['musl'];
  else if (/gnu/u.test(base)) out.libc = ['glibc'];
  return out;
}

commandLine({ usage: 'usage: npm run lockfile', options: {} });
const file = 'package-lock.json';
const lock = JSON.parse(readFileSync(file, 'utf8')) as { packages: Record<string, LockEntry> };
const added: string[] = [];
for (const entry of Object.values(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (lock.packages[key]) continue;
    lock.packages[key] = { version, dev: true, optional: true, ...platformOf(name) };
    added.push(name);
  }
}
const sorted: Record<string, LockEntry> = {};
for (const key of Object.keys(lock.packages).sort((a, b) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0))) {
  const entry = lock.packages[key];
  if (entry) sorted[key] = entry;
}
lock.packages = sorted;
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
process.stdout.write(added.length > 0 ? `lockfile: added ${added.length} platform entries: ${added.join(', ')}\n` : 'lockfile: nothing to add\n');
