/**
 * What the roll-up's pickers (the roster, last year's roll-up) share: a list of this workbook's
 * sheets with a "none" choice — the one picked kept in the list even once it is gone from the
 * workbook, so that the pick shows — and a hidden input for choosing one file.
 */
import type { Ref } from 'react';
import { Field, Select, makeStyles } from '@fluentui/react-components';
import { RETURN_ACCEPT, readChosenFiles } from '../fileIO';
import type { RollupFile } from '../rollup/protocol';

const useStyles = makeStyles({ hidden: { display: 'none' } });

export interface SheetSelectProps {
  label: string;
  /** The sheet picked, if any. */
  value: string | undefined;
  sheets: readonly string[];
  none: string;
  /** '' for none. */
  onChange: (sheet: string) => void;
  testId: string;
}

export function SheetSelect({ label, value, sheets, none, onChange, testId }: SheetSelectProps) {
  return (
    <Field label={label}>
      <Select value={value ?? ''} onChange={(_, d) => onChange(d.value)} data-testid={testId}>
        <option value="">{none}</option>
        {[...new Set([...(value ? [value] : []), ...sheets])].map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </Select>
    </Field>
  );
}

export interface OneFileInputProps {
  inputRef: Ref<HTMLInputElement>;
  testId: string;
  onChoose: (file: RollupFile | undefined) => void;
}

/** A hidden file input (clicked through a button) giving the one file chosen. */
export function OneFileInput({ inputRef, testId, onChoose }: OneFileInputProps) {
  const styles = useStyles();
  return (
    <input
      ref={inputRef}
      className={styles.hidden}
      type="file"
      accept={RETURN_ACCEPT}
      data-testid={testId}
      onChange={(e) => void readChosenFiles(e.target.files).then(([f]) => onChoose(f))}
    />
  );
}
