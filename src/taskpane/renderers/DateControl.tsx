/** A date (`format: date`): `<input type="date">`, whose value is already `YYYY-MM-DD`; empty → no value. */

import { Field, Input } from '@fluentui/react-components';
import { isDateControl, rankWith, type ControlProps, type RankedTester } from '@jsonforms/core';
import { withJsonFormsControlProps } from '@jsonforms/react';
import { useControlField } from './common';

export function DateControlRenderer(props: ControlProps) {
  const { field, touch, pathProps } = useControlField(props);
  if (!props.visible) return null;
  return (
    <Field {...field}>
      <Input
        type="date"
        value={typeof props.data === 'string' ? props.data : ''}
        disabled={!props.enabled}
        onBlur={touch}
        onChange={(_, d) => props.handleChange(props.path, d.value === '' ? undefined : d.value)}
        {...pathProps}
      />
    </Field>
  );
}

export const dateControlTester: RankedTester = rankWith(2, isDateControl);
export const DateControl = withJsonFormsControlProps(DateControlRenderer);
