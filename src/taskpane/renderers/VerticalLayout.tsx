/** Vertical (and horizontal) layouts: their elements one under (beside) another, no frame. */

import { or, rankWith, uiTypeIs, type Layout, type LayoutProps, type RankedTester } from '@jsonforms/core';
import { withJsonFormsLayoutProps } from '@jsonforms/react';
import { LayoutChildren } from './common';

export function VerticalLayoutRenderer({ uischema, schema, path, enabled, visible, renderers, cells, direction }: LayoutProps) {
  if (!visible) return null;
  return (
    <LayoutChildren
      elements={(uischema as Layout).elements ?? []}
      schema={schema}
      path={path}
      enabled={enabled}
      renderers={renderers}
      cells={cells}
      direction={direction}
    />
  );
}

export const verticalLayoutTester: RankedTester = rankWith(1, or(uiTypeIs('VerticalLayout'), uiTypeIs('HorizontalLayout')));
export const VerticalLayout = withJsonFormsLayoutProps(VerticalLayoutRenderer);
