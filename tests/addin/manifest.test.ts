/**
 * manifest.xml: schema-valid (offline, against the XSDs in ../shared), Chinese by default with
 * English overrides, ExcelApi 1.9 declared, a Home-tab button, and icons that exist at the
 * pixel sizes the manifest promises.
 */
import fs from 'fs';
import path from 'path';
import { JSDOM } from 'jsdom';
import { MAIN_SCHEMA, SCHEMA_DIR, haveManifestSchemas, validateManifest } from '../../scripts/manifestSchema';

const root = path.resolve(__dirname, '../..');
const schemaDir = SCHEMA_DIR;
const mainSchema = MAIN_SCHEMA;
const haveSchemas = haveManifestSchemas();

const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  ov: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};
const ORIGIN = 'https://localhost:3000';
const HAN = /[\u4e00-\u9fff]/;

const manifestText = fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8');
const doc = new new JSDOM('').window.DOMParser().parseFromString(manifestText, 'application/xml');

function all(ns: string, name: string, within: Element | Document = doc): Element[] {
  return Array.from(within.getElementsByTagNameNS(ns, name));
}
function one(ns: string, name: string, within: Element | Document = doc): Element {
  const found = all(ns, name, within);
  expect(found).toHaveLength(1);
  return found[0];
}
/** Direct children only (the app namespace reuses names such as Description inside VersionOverrides). */
function child(parent: Element, ns: string, name: string): Element {
  const found = Array.from(parent.children).filter((el) => el.namespaceURI === ns && el.localName === name);
  expect(found).toHaveLength(1);
  return found[0];
}
function xsiType(el: Element): string | null {
  return el.getAttributeNS(NS.xsi, 'type');
}
function enUsOverride(el: Element, ns: string): string | undefined {
  const override = Array.from(el.children).find(
    (c) => c.namespaceURI === ns && c.localName === 'Override' && c.getAttribute('Locale') === 'en-US',
  );
  return override?.getAttribute('Value') ?? undefined;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature) || bytes.toString('ascii', 12, 16) !== 'IHDR') {
    throw new Error(`${file} is not a PNG`);
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
/** The file in assets/ that a https://localhost:3000/assets/… URL serves. */
function assetFile(url: string): string {
  expect(url.startsWith(`${ORIGIN}/assets/`)).toBe(true);
  return path.join(root, 'assets', url.slice(`${ORIGIN}/assets/`.length));
}

const validate = validateManifest;

if (!haveSchemas) {
  console.warn(`[manifest.test] ${schemaDir} not found: XSD validation of manifest.xml is SKIPPED.`);
}
const schemaTest = haveSchemas ? test : test.skip;

describe('manifest.xml', () => {
  test('is well-formed XML (an OfficeApp task pane app)', () => {
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.documentElement.namespaceURI).toBe(NS.app);
    expect(doc.documentElement.localName).toBe('OfficeApp');
    expect(xsiType(doc.documentElement)).toBe('TaskPaneApp');
  });

  schemaTest(
    haveSchemas
      ? `validates against ${mainSchema} (other XSDs preloaded)`
      : `validates against ${mainSchema} — SKIPPED: ../shared/office-manifest-schemas is absent`,
    async () => {
      const result = await validate(manifestText);
      expect(result.errors.map((e) => e.rawMessage)).toEqual([]);
      expect(result.valid).toBe(true);

      // The validator really checks: a non-GUID Id and an unknown element are refused.
      const broken = manifestText.replace(/<Id>[^<]*<\/Id>/, '<Id>not-a-guid</Id>').replace('<Permissions>', '<Unknown/><Permissions>');
      const refused = await validate(broken);
      expect(refused.valid).toBe(false);
      expect(refused.errors.length).toBeGreaterThanOrEqual(1);
    },
  );

  test('targets Excel and declares ExcelApi >= 1.9', () => {
    const host = one(NS.app, 'Host');
    expect(host.getAttribute('Name')).toBe('Workbook');
    const excel = all(NS.app, 'Set').find((s) => s.getAttribute('Name') === 'ExcelApi');
    expect(excel).toBeDefined();
    const [major, minor] = (excel!.getAttribute('MinVersion') ?? '').split('.').map(Number);
    expect(major > 1 || (major === 1 && minor >= 9)).toBe(true);
  });

  test('is Chinese by default, with en-US overrides on DisplayName and Description', () => {
    expect(one(NS.app, 'DefaultLocale').textContent).toBe('zh-CN');
    for (const name of ['DisplayName', 'Description']) {
      const el = child(doc.documentElement, NS.app, name);
      expect(el.getAttribute('DefaultValue')).toMatch(HAN);
      const en = enUsOverride(el, NS.app);
      expect(en).toBeTruthy();
      expect(en).not.toMatch(HAN);
    }
    expect(child(doc.documentElement, NS.app, 'DisplayName').getAttribute('DefaultValue')).toBe('汇总 · 女职工维权行动月报表');
  });

  test('every string and URL resource has an en-US override', () => {
    const resources = [...all(NS.bt, 'String'), ...all(NS.bt, 'Url')];
    expect(resources.length).toBeGreaterThanOrEqual(4);
    for (const res of resources) {
      expect({ id: res.getAttribute('id'), en: Boolean(enUsOverride(res, NS.bt)) }).toEqual({ id: res.getAttribute('id'), en: true });
    }
  });

  test('every resid points at a defined resource', () => {
    const defined = new Set(
      [...all(NS.bt, 'Image'), ...all(NS.bt, 'Url'), ...all(NS.bt, 'String')]
        .map((el) => el.getAttribute('id'))
        .filter((id): id is string => Boolean(id)),
    );
    const referenced = Array.from(doc.getElementsByTagName('*'))
      .map((el) => el.getAttribute('resid'))
      .filter((id): id is string => Boolean(id));
    expect(referenced.length).toBeGreaterThan(0);
    expect(referenced.filter((id) => !defined.has(id))).toEqual([]);
  });

  test('uses only https://localhost:3000 URLs, and the task pane is taskpane.html', () => {
    // Every attribute value and element text that is a URL (namespace declarations aside).
    const served = Array.from(doc.getElementsByTagName('*'))
      .flatMap((el) => [
        ...Array.from(el.attributes)
          .filter((attr) => attr.prefix !== 'xmlns' && attr.name !== 'xmlns')
          .map((attr) => attr.value),
        ...(el.children.length === 0 ? [el.textContent ?? ''] : []),
      ])
      .filter((value) => /^[a-z]+:\/\//i.test(value.trim()));
    expect(served.length).toBeGreaterThan(0);
    expect(served.filter((u) => !u.startsWith(`${ORIGIN}/`) && u !== ORIGIN)).toEqual([]);
    expect(one(NS.app, 'SourceLocation').getAttribute('DefaultValue')).toBe(`${ORIGIN}/taskpane.html`);
    expect(one(NS.app, 'Permissions').textContent).toBe('ReadWriteDocument');
  });

  test('the icon URLs are files in assets/ with the promised pixel sizes', () => {
    const expectSquare = (url: string, size: number) => {
      const file = assetFile(url);
      expect(fs.existsSync(file)).toBe(true);
      expect({ url, ...pngSize(file) }).toEqual({ url, width: size, height: size });
    };
    expectSquare(one(NS.app, 'IconUrl').getAttribute('DefaultValue')!, 32);
    expectSquare(one(NS.app, 'HighResolutionIconUrl').getAttribute('DefaultValue')!, 64);

    const imageUrl = new Map(
      all(NS.bt, 'Image')
        .filter((el) => el.hasAttribute('id'))
        .map((el) => [el.getAttribute('id')!, el.getAttribute('DefaultValue')!]),
    );
    const refs = all(NS.bt, 'Image').filter((el) => el.hasAttribute('resid'));
    const sizes = new Set(refs.map((el) => Number(el.getAttribute('size'))));
    for (const required of [16, 32, 80]) expect(sizes.has(required)).toBe(true);
    for (const ref of refs) {
      const url = imageUrl.get(ref.getAttribute('resid')!);
      expect(url).toBeDefined();
      expectSquare(url!, Number(ref.getAttribute('size')));
    }
  });

  test('the Home tab has a button, labelled in Chinese, that opens the task pane', () => {
    const tab = all(NS.ov, 'OfficeTab').find((el) => el.getAttribute('id') === 'TabHome');
    expect(tab).toBeDefined();
    const button = all(NS.ov, 'Control', tab!).find((el) => xsiType(el) === 'Button');
    expect(button).toBeDefined();

    const strings = new Map(all(NS.bt, 'String').map((el) => [el.getAttribute('id'), el]));
    const label = strings.get(child(button!, NS.ov, 'Label').getAttribute('resid'));
    expect(label?.getAttribute('DefaultValue')).toMatch(HAN);
    expect(enUsOverride(label!, NS.bt)).toBeTruthy();
    const tooltip = strings.get(child(child(button!, NS.ov, 'Supertip'), NS.ov, 'Description').getAttribute('resid'));
    expect(tooltip?.getAttribute('DefaultValue')).toMatch(HAN);

    const action = child(button!, NS.ov, 'Action');
    expect(xsiType(action)).toBe('ShowTaskpane');
    const urls = new Map(all(NS.bt, 'Url').map((el) => [el.getAttribute('id'), el.getAttribute('DefaultValue')]));
    expect(urls.get(child(action, NS.ov, 'SourceLocation').getAttribute('resid'))).toBe(`${ORIGIN}/taskpane.html`);
  });
});
