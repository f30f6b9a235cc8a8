/**
 * Under an issue clicked in the roll-up's issue list: where its row was typed — for a row that
 * came inside a district's roll-up, the unit's own file, sheet and row and the district file it
 * came in (core/rollup/trace.ts). Nothing for an issue on no row (a file's, the roster's).
 */
import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang } from '../../core/definitions/types';
import type { Issue } from '../../core/issues/issue';
import { traceIssue } from '../../core/rollup/trace';
import type { RollupResult } from '../../core/rollup/types';

const useStyles = makeStyles({
  note: {
    display: 'block',
    color: tokens.colorNeutralForeground2,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    paddingLeft: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalXXS,
  },
});

export interface TraceNoteProps {
  lang: Lang;
  result: Pick<RollupResult, 'rows'>;
  issue: Issue;
}

export function TraceNote({ lang, result, issue }: TraceNoteProps) {
  const styles = useStyles();
  const text = traceIssue(result, issue, lang);
  if (text === undefined) return null;
  return (
    <Caption1 className={styles.note} role="note" data-testid="trace-note">
      {text}
    </Caption1>
  );
}
