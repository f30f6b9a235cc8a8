/** A `Group`: a Fluent `Card` (role group) named by its label, the elements inside. */

import { Card, CardHeader, Subtitle2, makeStyles, tokens, useId } from '@fluentui/react-components';
import { rankWith, uiTypeIs, type GroupLayout as GroupElement, type LayoutProps, type RankedTester } from '@jsonforms/core';
import { withJsonFormsLayoutProps } from '@jsonforms/react';
import { LayoutChildren } from './common';

const useStyles = makeStyles({
  card: { rowGap: tokens.spacingVerticalM },
  heading: { margin: 0 },
});

export function GroupLayoutRenderer({ uischema, schema, path, enabled, visible, renderers, cells, label }: LayoutProps) {
  const styles = useStyles();
  const headingId = useId('group-');
  if (!visible) return null;
  const group = uischema as GroupElement;
  return (
    <Card appearance="outline" className={styles.card} aria-labelledby={label ? headingId : undefined}>
      {label ? (
        <CardHeader
          header={
            <Subtitle2 as="h3" id={headingId} className={styles.heading}>
              {label}
            </Subtitle2>
          }
        />
      ) : null}
      <LayoutChildren elements={group.elements ?? []} schema={schema} path={path} enabled={enabled} renderers={renderers} cells={cells} />
    </Card>
  );
}

export const groupLayoutTester: RankedTester = rankWith(1, uiTypeIs('Group'));
export const GroupLayout = withJsonFormsLayoutProps(GroupLayoutRenderer);
