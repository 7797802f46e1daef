// Browser tests drive Debian's chromium (never a downloaded browser). On a fresh machine the test command
// installs it when it can (root with apt-get), and otherwise says exactly what to run.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
const INSTALL = 'apt-get update && apt-get install -y chromium';

if (!existsSync(CHROMIUM)) {
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) {
    console.error(
      `The browser tests need Debian's chromium at ${CHROMIUM}. Install it with:\n  sudo sh -c '${INSTALL}'`,
    );
    process.exit(1);
  }
  console.log(`Installing Debian's chromium for the browser tests (${INSTALL})…`);
  try {
    execFileSync('sh', ['-c', `(${INSTALL}) >/tmp/chromium-install.log 2>&1`], { stdio: 'inherit' });
  } catch {
    console.error(`Installing chromium failed; see /tmp/chromium-install.log, or run:\n  ${INSTALL}`);
    process.exit(1);
  }
}
