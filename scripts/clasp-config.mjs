// First step of `npm run deploy`: the script id is the deployer's own, so .clasp.json is not tracked (.gitignore).
// It is written here from CLASP_SCRIPT_ID, or kept from an earlier deploy; without either, says what to run.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const CLASP_JSON = '.clasp.json';
/** Script ids are long URL-safe strings (Project Settings › IDs); the old template's placeholder is not one. */
const SCRIPT_ID = /^(?!REPLACE)[A-Za-z0-9_-]{20,}$/;

function existingScriptId() {
  if (!existsSync(CLASP_JSON)) return undefined;
  try {
    return JSON.parse(readFileSync(CLASP_JSON, 'utf8')).scriptId;
  } catch {
    return undefined;
  }
}

const given = process.env.CLASP_SCRIPT_ID?.trim();
const scriptId = given || existingScriptId();
if (!scriptId) {
  console.error(
    "No Apps Script project to push to. Copy the script id from your sheet's Extensions › Apps Script › " +
      'Project Settings, then run:\n  CLASP_SCRIPT_ID=<script id> npm run deploy',
  );
  process.exit(1);
}
if (typeof scriptId !== 'string' || !SCRIPT_ID.test(scriptId)) {
  console.error(
    `${given ? 'CLASP_SCRIPT_ID' : CLASP_JSON} holds "${scriptId}", which is not an Apps Script script id ` +
      '(Project Settings › IDs › Script ID: letters, digits, - and _).',
  );
  process.exit(1);
}
writeFileSync(CLASP_JSON, `${JSON.stringify({ scriptId, rootDir: 'dist' }, null, 2)}\n`);
console.log(`Deploying to Apps Script project ${scriptId} once typecheck, lint and tests pass.`);
