/** A number (decimals allowed): typed as text, stored as a number. */

import { isNumberControl, rankWith, type ControlProps, type RankedTester } from '@jsonforms/core';
import { withJsonFormsControlProps } from '@jsonforms/react';
import { NumericControl } from './numeric';

export function NumberControlRenderer(props: ControlProps) {
  return <NumericControl {...props} integer={false} />;
}

export const numberControlTester: RankedTester = rankWith(2, isNumberControl);
export const NumberControl = withJsonFormsControlProps(NumberControlRenderer);
