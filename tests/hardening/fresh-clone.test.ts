/**
 * A clone without ../shared: a test that reads it is skipped with one loud line, and under
 * REQUIRE_SHARED=1 (CI) it fails instead. Runs the probe in a child vitest, as a fresh clone would.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const probe = (env: Record<string, string>) => {
  const run = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/vitest/vitest.mjs'),
      'run',
      '--config',
      'tests/hardening/shared-probe/vitest.probe.config.ts',
    ],
    { cwd: ROOT, env: { ...process.env, REQUIRE_SHARED: '', ...env }, encoding: 'utf8', timeout: 60_000 },
  );
  return { status: run.status, out: stripVTControlCharacters(`${run.stdout}\n${run.stderr}`) };
};

describe('tests that read ../shared on a clone without it', () => {
  it('skip, each with one loud line, and the run passes', () => {
    const { status, out } = probe({});
    expect(out).toMatch(
      /SKIPPED \(no \.\.\/shared beside the checkout\): "reads a shared capture inside the test" needs shared\/fixtures\/never\/there-1\.html/,
    );
    expect(out).toMatch(
      /SKIPPED \(no \.\.\/shared beside the checkout\): "a describe that parses a shared capture while collecting"/,
    );
    expect(out).toMatch(/1 passed \| 2 skipped/);
    expect(status).toBe(0);
  }, 90_000);

  it('fail under REQUIRE_SHARED=1, as .ci/run sets it', () => {
    const { status, out } = probe({ REQUIRE_SHARED: '1' });
    expect(out).toMatch(/REQUIRE_SHARED=1 but shared\/fixtures\/never\/there-[12]\.(html|json) is missing/);
    expect(status).not.toBe(0);
  }, 90_000);
});
