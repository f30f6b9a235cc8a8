/** One of a list (`enum`): Fluent `Dropdown` with an `Option` per value; clearable when not required. */

import { Dropdown, Field, Option } from '@fluentui/react-components';
import { isEnumControl, rankWith, type ControlProps, type EnumOption, type OwnPropsOfEnum, type RankedTester } from '@jsonforms/core';
import { withJsonFormsEnumProps } from '@jsonforms/react';
import { useControlField } from './common';
import { useRendererTexts } from './texts';

export function EnumControlRenderer(props: ControlProps & OwnPropsOfEnum) {
  const texts = useRendererTexts();
  const { field, touch, pathProps } = useControlField(props);
  const options: EnumOption[] = props.options ?? [];
  // Options are keyed by position, so values that are not strings (numbers, booleans) round-trip.
  const selected = options.findIndex((o) => o.value === props.data);
  if (!props.visible) return null;
  return (
    <Field {...field}>
      <Dropdown
        placeholder={texts.selectPlaceholder}
        value={selected >= 0 ? options[selected]?.label : props.data == null ? '' : String(props.data)}
        selectedOptions={selected >= 0 ? [String(selected)] : []}
        clearable={!props.required}
        disabled={!props.enabled}
        onBlur={touch}
        onOptionSelect={(_, d) => {
          const index = d.optionValue === undefined || d.selectedOptions.length === 0 ? -1 : Number(d.optionValue);
          props.handleChange(props.path, options[index]?.value);
        }}
        {...pathProps}
      >
        {options.map((option, index) => (
          <Option key={String(index)} value={String(index)}>
            {option.label}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

export const enumControlTester: RankedTester = rankWith(2, isEnumControl);
export const EnumControl = withJsonFormsEnumProps(EnumControlRenderer);
