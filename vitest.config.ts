import { relative } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import react from '@vitejs/plugin-react';
import { seededRandom } from './test/fixtures/seeded-random.js';

/**
 * The files that take longest (project:path), longest first. On a fresh clone (CI) Vitest has
 * no timings, so it runs each project's files in turn, larger files first: a long file that is
 * short in lines (the workspace ones open a SQLite worker per test) started near the end and
 * left one core idle while it finished alone. `breaks-and-limits` waits a minute of real
 * viewing, so it starts first and overlaps the rest. Measured by file durations (see
 * docs/decisions/suite-speed.md); a file missing here only runs in Vitest's usual order.
 */
const LONGEST_FIRST = [
  'e2e:test/e2e/breaks-and-limits.test.ts',
  'unit:test/unit/workspace/workspace-service.test.ts',
  'unit:test/unit/workspace/workspace-decisions.test.ts',
  'unit:test/unit/workspace/workspace-notes.test.ts',
  'unit:test/unit/workspace/workspace-durability.test.ts',
  'unit:test/unit/reliability/hostile-media-import.test.ts',
  'e2e:test/e2e/accessibility-audit.test.ts',
  'unit:test/unit/scripts/team-stats.test.ts',
  'component:test/component/features/decisions/category-keys.test.tsx',
  'e2e:test/e2e/french-and-large-case.test.ts',
  'unit:test/unit/reliability/worker-crash-import.test.ts',
  'e2e:test/e2e/veiled-viewing.test.ts',
  'unit:test/unit/electron/services/review/review-service.test.ts',
  'unit:test/unit/electron/services/ledger/ledger-crash.test.ts',
  'component:test/component/features/team-stats/team-stats-dialog.test.tsx',
  'unit:test/unit/electron/services/known/near-index-worker.test.ts',
  'unit:test/unit/electron/media-worker/derive-image.test.ts',
  'e2e:test/e2e/viewer-room.test.ts',
];

/**
 * Vitest's order (timings of earlier runs when it has them), with the known longest files first.
 * With `--sequence.shuffle` the files run in a random order instead (seeded by `--sequence.seed`),
 * as with Vitest's own sequencer: a custom sequencer otherwise turns off the shuffling of files,
 * which is how a file that leaks state into the next (the component project shares modules
 * between files) would be caught.
 */
class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const { shuffle, seed } = this.ctx.config.sequence;
    if (shuffle) {
      const random = seededRandom(seed);
      const order = new Map(files.map((spec) => [spec, random()]));
      return [...files].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    }
    const rank = (spec: TestSpecification): number => {
      const index = LONGEST_FIRST.indexOf(`${spec.project.name}:${relative(spec.project.config.root, spec.moduleId)}`);
      return index === -1 ? LONGEST_FIRST.length : index;
    };
    // Array sort is stable: the files not listed keep Vitest's order.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  plugins: [react()],
  test: {
    // Vitest's default in a run is one worker fewer than the cores: one worker on our 2-core
    // machines, which made the suite serial. Most files wait on child processes, disk or
    // Chromium, so two workers fill both cores.
    maxWorkers: 2,
    sequence: { sequencer: LongestFirstSequencer },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts'],
          setupFiles: ['test/unit/setup-electron-mock.ts'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'jsdom',
          // The files share one module graph and one jsdom per worker (see
          // docs/decisions/suite-speed.md): importing React, Testing Library and the app again
          // for every file was more than half of this project's CPU time. It is safe because
          // the renderer keeps no state in modules (each render makes its own client and i18n
          // instance) and setup.ts cleans up the screen, timers, mocks and stubbed globals
          // after each test (run it with --sequence.shuffle to look for a file leaking into another).
          isolate: false,
          include: ['test/component/**/*.test.tsx'],
          setupFiles: ['test/component/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Each file starts its own host (own port, data folder and case) and its own Chromium,
          // so files can share the two workers with the other projects: the minute of real
          // viewing in breaks-and-limits no longer holds a core idle.
        },
      },
    ],
  },
});
