/** A `Categorization`: a Fluent `TabList`, one tab per `Category`, the selected category's elements below. */

import { useState } from 'react';
import { Tab, TabList, makeStyles, tokens, useId } from '@fluentui/react-components';
import {
  and,
  categorizationHasCategory,
  defaultTranslator,
  deriveLabelForUISchemaElement,
  rankWith,
  uiTypeIs,
  type Categorization,
  type Category,
  type LayoutProps,
  type RankedTester,
} from '@jsonforms/core';
import { useJsonForms, withJsonFormsLayoutProps } from '@jsonforms/react';
import { LayoutChildren } from './common';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
});

export function CategorizationLayoutRenderer({ uischema, schema, path, enabled, visible, renderers, cells }: LayoutProps) {
  const styles = useStyles();
  const ctx = useJsonForms();
  const [selected, setSelected] = useState(0);
  const idPrefix = useId('category-');
  if (!visible) return null;
  const categories = ((uischema as Categorization).elements ?? []).filter((e): e is Category => e.type === 'Category');
  const t = ctx.i18n?.translate ?? defaultTranslator;
  const index = Math.min(selected, categories.length - 1);
  const current = categories[index];
  return (
    <div className={styles.root}>
      <TabList selectedValue={String(selected)} onTabSelect={(_, d) => setSelected(Number(d.value))}>
        {categories.map((category, i) => (
          <Tab key={String(i)} id={`${idPrefix}${i}`} value={String(i)}>
            {deriveLabelForUISchemaElement(category, t) ?? String(i + 1)}
          </Tab>
        ))}
      </TabList>
      {current ? (
        <div role="tabpanel" aria-labelledby={`${idPrefix}${index}`}>
          <LayoutChildren
            elements={current.elements ?? []}
            schema={schema}
            path={path}
            enabled={enabled}
            renderers={renderers}
            cells={cells}
          />
        </div>
      ) : null}
    </div>
  );
}

export const categorizationLayoutTester: RankedTester = rankWith(1, and(uiTypeIs('Categorization'), categorizationHasCategory));
export const CategorizationLayout = withJsonFormsLayoutProps(CategorizationLayoutRenderer);
