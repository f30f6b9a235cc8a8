/**
 * A small Fluent UI v9 renderer set for JSON Forms, modelled on `@jsonforms/vanilla-renderers`:
 * each control is chosen by a ranked tester, wraps its input in a Fluent `Field` (label, required
 * mark, the description as hint, the Ajv message once touched or after a submit attempt).
 *
 * Ranks follow the vanilla set: plain strings 1; integer, number, enum, boolean, date 2 (they are
 * also strings/numbers, so they must outrank the text control); arrays of objects 4; layouts 1.
 */

import type { JsonFormsRendererRegistryEntry } from '@jsonforms/core';
import { ArrayControl, arrayControlTester } from './ArrayControl';
import { BooleanControl, booleanControlTester } from './BooleanControl';
import { CategorizationLayout, categorizationLayoutTester } from './CategorizationLayout';
import { DateControl, dateControlTester } from './DateControl';
import { EnumControl, enumControlTester } from './EnumControl';
import { GroupLayout, groupLayoutTester } from './GroupLayout';
import { IntegerControl, integerControlTester } from './IntegerControl';
import { NumberControl, numberControlTester } from './NumberControl';
import { TextControl, textControlTester } from './TextControl';
import { VerticalLayout, verticalLayoutTester } from './VerticalLayout';

export const fluentRenderers: JsonFormsRendererRegistryEntry[] = [
  { tester: textControlTester, renderer: TextControl },
  { tester: integerControlTester, renderer: IntegerControl },
  { tester: numberControlTester, renderer: NumberControl },
  { tester: enumControlTester, renderer: EnumControl },
  { tester: booleanControlTester, renderer: BooleanControl },
  { tester: dateControlTester, renderer: DateControl },
  { tester: arrayControlTester, renderer: ArrayControl },
  { tester: verticalLayoutTester, renderer: VerticalLayout },
  { tester: groupLayoutTester, renderer: GroupLayout },
  { tester: categorizationLayoutTester, renderer: CategorizationLayout },
];

export { PATH_ATTRIBUTE, joinMessages, type FluentRendererConfig } from './common';
export { parseNumberText } from './numeric';
export { langOfLocale, rendererTexts, type RendererTexts } from './texts';
export {
  ArrayControl,
  BooleanControl,
  CategorizationLayout,
  DateControl,
  EnumControl,
  GroupLayout,
  IntegerControl,
  NumberControl,
  TextControl,
  VerticalLayout,
};
