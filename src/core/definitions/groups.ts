import type { UiSchemaElement } from './types';

/** Field id → the label of the innermost uischema Group holding its Control (templates' and roll-ups' group row). */
export function groupOfField(uischema: UiSchemaElement): Map<string, string> {
  const groups = new Map<string, string>();
  const walk = (element: UiSchemaElement, group: string | undefined) => {
    const here = element.type === 'Group' && element.label ? element.label : group;
    if (element.type === 'Control' && typeof element.scope === 'string') {
      const match = /^#\/properties\/([^/]+)$/.exec(element.scope);
      if (match && here !== undefined && !groups.has(match[1]!)) groups.set(match[1]!, here);
    }
    for (const child of element.elements ?? []) walk(child, here);
  };
  walk(uischema, undefined);
  return groups;
}
