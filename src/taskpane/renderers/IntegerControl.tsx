/** An integer: typed as text (so `１２` or a stray `人` can be typed and explained), stored as a number. */

import { isIntegerControl, rankWith, type ControlProps, type RankedTester } from '@jsonforms/core';
import { withJsonFormsControlProps } from '@jsonforms/react';
import { NumericControl } from './numeric';

export function IntegerControlRenderer(props: ControlProps) {
  return <NumericControl {...props} integer />;
}

export const integerControlTester: RankedTester = rankWith(2, isIntegerControl);
export const IntegerControl = withJsonFormsControlProps(IntegerControlRenderer);
