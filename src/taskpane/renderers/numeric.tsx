/** Integer and number controls share one input: text while typing, a number in the data. */

import { useState } from 'react';
import { Field, Input } from '@fluentui/react-components';
import type { ControlProps } from '@jsonforms/core';
import { useControlField } from './common';

const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * What typed text means: `''` → undefined (no value), a number (full-width digits and
 * thousands commas allowed: `１２`, `1,200`) → that number; anything else stays the text, so
 * Ajv reports it (`12人`, `abc`) rather than it being silently dropped. Whether it is a whole
 * number is Ajv's to say (`1.5` gives 1.5 and an "integer" message).
 */
export function parseNumberText(text: string): number | string | undefined {
  const folded = text.normalize('NFKC').trim();
  if (folded === '') return undefined;
  const plain = GROUPED_NUMBER.test(folded) ? folded.replace(/,/g, '') : folded;
  if (PLAIN_NUMBER.test(plain)) {
    const n = Number(plain);
    if (Number.isFinite(n)) return n;
  }
  return text;
}

function display(data: unknown): string {
  return data === undefined || data === null ? '' : String(data);
}

export function NumericControl({ integer, ...props }: ControlProps & { integer: boolean }) {
  const { field, touch, pathProps } = useControlField(props);
  // What the person typed, kept while it still means the data (so `1.50` or `1,200` stay as typed);
  // when the data changed from outside (清空, another row), the data's own text is shown.
  const [typed, setTyped] = useState(() => display(props.data));
  const text = Object.is(parseNumberText(typed), props.data) ? typed : display(props.data);
  if (!props.visible) return null;
  return (
    <Field {...field}>
      <Input
        type="text"
        inputMode={integer ? 'numeric' : 'decimal'}
        autoComplete="off"
        value={text}
        disabled={!props.enabled}
        onBlur={touch}
        onChange={(_, d) => {
          setTyped(d.value);
          props.handleChange(props.path, parseNumberText(d.value));
        }}
        {...pathProps}
      />
    </Field>
  );
}
