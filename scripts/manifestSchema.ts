/**
 * manifest.xml checked offline against the Office add-in XSDs in ../shared (the online
 * `office-addin-manifest validate` service cannot be reached from here). Shared by
 * `npm run validate` and tests/addin/manifest.test.ts.
 */
import fs from 'fs';
import path from 'path';
import { validateXML, type XMLValidationResult } from 'xmllint-wasm';

export const SCHEMA_DIR = path.resolve(__dirname, '../../shared/office-manifest-schemas');
export const MAIN_SCHEMA = 'OfficeAppManifestV1_1.xsd';

export function haveManifestSchemas(): boolean {
  return fs.existsSync(path.join(SCHEMA_DIR, MAIN_SCHEMA));
}

/** Validates against the main schema with every other XSD of the folder preloaded. */
export function validateManifest(xml: string): Promise<XMLValidationResult> {
  const files = fs.readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.xsd'));
  const read = (fileName: string) => ({ fileName, contents: fs.readFileSync(path.join(SCHEMA_DIR, fileName), 'utf8') });
  return validateXML({
    xml: { fileName: 'manifest.xml', contents: xml },
    schema: read(MAIN_SCHEMA),
    preload: files.filter((f) => f !== MAIN_SCHEMA).map(read),
  });
}
