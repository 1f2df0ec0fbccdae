import { defineConfig } from 'vitest/config';

// End-to-end tests: real headless Chromium against the built atlas. One file at a time: SwiftShader
// renders WebGL on the CPU and these machines have two cores.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
    environment: 'node',
  },
});
