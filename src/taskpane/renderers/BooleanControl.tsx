/** Yes/no: a Fluent `Checkbox` carrying the label, inside a `Field` for the hint and message. */

import { Checkbox, Field } from '@fluentui/react-components';
import { isBooleanControl, rankWith, type ControlProps, type RankedTester } from '@jsonforms/core';
import { withJsonFormsControlProps } from '@jsonforms/react';
import { useControlField } from './common';

export function BooleanControlRenderer(props: ControlProps) {
  const { field, touch, pathProps } = useControlField(props);
  if (!props.visible) return null;
  // The Checkbox carries the label itself (Fluent's pattern for a checkbox in a Field).
  const { label: _label, required, ...rest } = field;
  return (
    <Field {...rest}>
      <Checkbox
        label={props.label || undefined}
        required={required}
        checked={props.data === true}
        disabled={!props.enabled}
        onBlur={touch}
        onChange={(_, d) => {
          touch();
          props.handleChange(props.path, d.checked === true);
        }}
        {...pathProps}
      />
    </Field>
  );
}

export const booleanControlTester: RankedTester = rankWith(2, isBooleanControl);
export const BooleanControl = withJsonFormsControlProps(BooleanControlRenderer);
