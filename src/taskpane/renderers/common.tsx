/** What every control shares: its Fluent `Field` (label, required mark, help as hint, message) and when messages show. */

import { useCallback, useState } from 'react';
import { makeStyles, tokens, type FieldProps } from '@fluentui/react-components';
import type {
  ControlProps,
  JsonFormsCellRendererRegistryEntry,
  JsonFormsRendererRegistryEntry,
  JsonSchema,
  UISchemaElement,
} from '@jsonforms/core';
import { JsonFormsDispatch } from '@jsonforms/react';
import { useRendererTexts } from './texts';

/**
 * Our keys in JSON Forms' `config` (merged with its defaults: `hideRequiredAsterisk`, …).
 * `showErrors`: show every field's message, touched or not — set after the first 保存 attempt.
 */
export interface FluentRendererConfig {
  showErrors?: boolean;
  hideRequiredAsterisk?: boolean;
}

/** The data attribute each control's input carries, so a form can find and focus the first field in error. */
export const PATH_ATTRIBUTE = 'data-jsonforms-path';

/** JSON Forms joins a field's messages with `\n`; show each once. */
export function joinMessages(errors: string, separator: string): string {
  return Array.from(
    new Set(
      errors
        .split('\n')
        .map((m) => m.trim())
        .filter(Boolean),
    ),
  ).join(separator);
}

export interface ControlField {
  /** Spread onto the Fluent `Field`. */
  field: Pick<FieldProps, 'label' | 'required' | 'hint' | 'validationState' | 'validationMessage'>;
  /** Call from the control's `onBlur`: from then on its message shows. */
  touch: () => void;
  /** Spread onto the input: `data-jsonforms-path`. */
  pathProps: Record<string, string>;
}

/**
 * The Field props of a control: label (already translated by JSON Forms' i18n), the required mark,
 * the description as the hint, and the message once the field was left or a submit was attempted.
 */
export function useControlField(props: ControlProps, hint?: string): ControlField {
  const texts = useRendererTexts();
  const [touched, setTouched] = useState(false);
  const touch = useCallback(() => setTouched(true), []);
  const config = (props.config ?? {}) as FluentRendererConfig;
  const show = (touched || config.showErrors === true) && props.errors.length > 0;
  return {
    field: {
      label: props.label || undefined,
      required: props.required === true && config.hideRequiredAsterisk !== true,
      hint: hint ?? (props.description || undefined),
      validationState: show ? 'error' : 'none',
      validationMessage: show ? joinMessages(props.errors, texts.messageSeparator) : undefined,
    },
    touch,
    pathProps: { [PATH_ATTRIBUTE]: props.path },
  };
}

export const useLayoutStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  row: { display: 'flex', flexDirection: 'row', columnGap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  rowItem: { flex: '1 1 12rem', minWidth: 0 },
});

export interface ChildrenProps {
  elements: UISchemaElement[];
  schema: JsonSchema;
  path: string;
  enabled: boolean;
  renderers?: JsonFormsRendererRegistryEntry[];
  cells?: JsonFormsCellRendererRegistryEntry[];
  direction?: 'row' | 'column';
}

/** A layout's elements, each dispatched to its renderer. */
export function LayoutChildren({ elements, schema, path, enabled, renderers, cells, direction = 'column' }: ChildrenProps) {
  const styles = useLayoutStyles();
  return (
    <div className={direction === 'row' ? styles.row : styles.column}>
      {elements.map((element, index) => (
        <div key={`${path}-${index}`} className={direction === 'row' ? styles.rowItem : undefined}>
          <JsonFormsDispatch uischema={element} schema={schema} path={path} enabled={enabled} renderers={renderers} cells={cells} />
        </div>
      ))}
    </div>
  );
}
