/** A string: Fluent `Input`, or `Textarea` when the uischema says `options.multi` (JSON Forms' multi-line convention). */

import { Field, Input, Textarea } from '@fluentui/react-components';
import { isStringControl, rankWith, type ControlProps, type RankedTester } from '@jsonforms/core';
import { withJsonFormsControlProps } from '@jsonforms/react';
import { useControlField } from './common';
import { useRendererTexts } from './texts';

/** Empty text is no value: the key is removed, so `required` (not `minLength`) speaks. */
export function textValue(text: string): string | undefined {
  return text === '' ? undefined : text;
}

export function TextControlRenderer(props: ControlProps) {
  const texts = useRendererTexts();
  const text = typeof props.data === 'string' ? props.data : props.data == null ? '' : String(props.data);
  const multi = props.uischema.options?.multi === true || props.config?.multi === true;
  const maxLength = typeof props.schema.maxLength === 'number' ? props.schema.maxLength : undefined;
  const hint =
    multi && maxLength !== undefined
      ? [props.description, texts.counter(Array.from(text).length, maxLength)].filter(Boolean).join(' ')
      : undefined;
  const { field, touch, pathProps } = useControlField(props, hint);
  if (!props.visible) return null;
  const common = {
    value: text,
    disabled: !props.enabled,
    onBlur: touch,
    ...pathProps,
  };
  return (
    <Field {...field}>
      {multi ? (
        <Textarea {...common} resize="vertical" rows={4} onChange={(_, d) => props.handleChange(props.path, textValue(d.value))} />
      ) : (
        <Input
          {...common}
          type={props.schema.format === 'email' ? 'email' : 'text'}
          onChange={(_, d) => props.handleChange(props.path, textValue(d.value))}
        />
      )}
    </Field>
  );
}

export const textControlTester: RankedTester = rankWith(1, isStringControl);
export const TextControl = withJsonFormsControlProps(TextControlRenderer);
