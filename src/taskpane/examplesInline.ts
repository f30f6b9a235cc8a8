/**
 * The example district's files built into the pane, for when it is opened from a folder
 * (file://) and fetch cannot read them. Loaded only then: its chunk holds the bytes.
 */
export function inlineExample(path: string): Uint8Array | undefined {
  const data = typeof HUIZONG_EXAMPLE_DATA === 'undefined' ? undefined : HUIZONG_EXAMPLE_DATA[path];
  if (data === undefined) return undefined;
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
