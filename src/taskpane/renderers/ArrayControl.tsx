/** An array of objects: one framed row per item (its fields by the item's uischema), 删除 per row, 添加一行 below. */

import { Body1Strong, Button, Caption1, Card, Subtitle2, makeStyles, tokens, useId } from '@fluentui/react-components';
import {
  composePaths,
  createDefaultValue,
  findUISchema,
  isObjectArrayControl,
  rankWith,
  type ArrayControlProps,
  type RankedTester,
} from '@jsonforms/core';
import { JsonFormsDispatch, withJsonFormsArrayControlProps } from '@jsonforms/react';
import { useMemo } from 'react';
import { joinMessages, type FluentRendererConfig } from './common';
import { useRendererTexts } from './texts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  required: { color: tokens.colorPaletteRedForeground3, paddingLeft: tokens.spacingHorizontalXS },
  hint: { color: tokens.colorNeutralForeground3 },
  rowHeader: { display: 'flex', alignItems: 'center', justifyContent: 'space-between' },
  actions: { display: 'flex' },
  error: { color: tokens.colorPaletteRedForeground1 },
});

export function ArrayControlRenderer(props: ArrayControlProps) {
  const {
    data,
    path,
    schema,
    rootSchema,
    uischema,
    uischemas,
    renderers,
    cells,
    enabled,
    visible,
    label,
    description,
    required,
    errors,
    config,
  } = props;
  const styles = useStyles();
  const texts = useRendererTexts();
  const headingId = useId('array-');
  const detail = useMemo(
    () => findUISchema(uischemas ?? [], schema, uischema.scope, path, undefined, uischema, rootSchema),
    [uischemas, schema, uischema, path, rootSchema],
  );
  if (!visible) return null;
  const rows: unknown[] = Array.isArray(data) ? data : [];
  const showErrors = (config as FluentRendererConfig | undefined)?.showErrors === true && errors.length > 0;
  return (
    <section className={styles.root} role="group" aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        {label}
        {required ? (
          <span className={styles.required} aria-hidden="true">
            *
          </span>
        ) : null}
      </Subtitle2>
      {description ? <Caption1 className={styles.hint}>{description}</Caption1> : null}
      {rows.length === 0 ? <Caption1 className={styles.hint}>{texts.noRows}</Caption1> : null}
      {rows.map((_, index) => {
        const rowPath = composePaths(path, String(index));
        return (
          <Card key={rowPath} appearance="filled-alternative" aria-label={`${label} ${texts.row(index + 1)}`}>
            <div className={styles.rowHeader}>
              <Body1Strong>{texts.row(index + 1)}</Body1Strong>
              <Button
                size="small"
                appearance="subtle"
                disabled={!enabled || !props.removeItems}
                aria-label={`${texts.removeRow} ${texts.row(index + 1)}`}
                onClick={() => props.removeItems?.(path, [index])()}
              >
                {texts.removeRow}
              </Button>
            </div>
            <JsonFormsDispatch schema={schema} uischema={detail} path={rowPath} enabled={enabled} renderers={renderers} cells={cells} />
          </Card>
        );
      })}
      <div className={styles.actions}>
        <Button disabled={!enabled} onClick={() => props.addItem(path, createDefaultValue(schema, rootSchema))()}>
          {texts.addRow}
        </Button>
      </div>
      {showErrors ? (
        <Caption1 role="alert" className={styles.error}>
          {joinMessages(errors, texts.messageSeparator)}
        </Caption1>
      ) : null}
    </section>
  );
}

export const arrayControlTester: RankedTester = rankWith(4, isObjectArrayControl);
export const ArrayControl = withJsonFormsArrayControlProps(ArrayControlRenderer);
