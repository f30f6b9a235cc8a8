/** npm run validate: manifest.xml against the Office add-in XSDs, offline. Exit 1 when invalid. */
import fs from 'fs';
import path from 'path';
import { MAIN_SCHEMA, SCHEMA_DIR, haveManifestSchemas, validateManifest } from './manifestSchema';

async function main(): Promise<number> {
  if (!haveManifestSchemas()) {
    console.error(`The schemas are not at ${SCHEMA_DIR}: cannot validate manifest.xml.`);
    return 2;
  }
  const file = path.resolve(__dirname, '../manifest.xml');
  const result = await validateManifest(fs.readFileSync(file, 'utf8'));
  if (result.valid) {
    console.log(`manifest.xml is valid against ${MAIN_SCHEMA}.`);
    return 0;
  }
  for (const error of result.errors) console.error(error.rawMessage);
  return 1;
}

main().then((code) => (process.exitCode = code));
