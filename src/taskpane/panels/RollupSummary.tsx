/** A roll-up at a glance: the counts of `summarizeRollup`, then each rejected file and why. */
import { Caption1, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang } from '../../core/definitions/types';
import { summarizeRollup } from '../../core/rollup/summary';
import type { RollupResult } from '../../core/rollup/types';
import { panelStrings } from './strings';

const useStyles = makeStyles({
  counts: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(110px, 1fr))', gap: tokens.spacingVerticalS },
  count: { display: 'flex', flexDirection: 'column' },
});

export function RollupSummary({ lang, result }: { lang: Lang; result: RollupResult }) {
  const styles = useStyles();
  const t = panelStrings[lang].rollup;
  const summary = summarizeRollup(result);
  const counts: [string, number][] = [
    [t.accepted, summary.accepted],
    [t.rejected, summary.rejected],
    [t.rowsCounted, summary.rows],
  ];
  if (summary.units.total)
    counts.push(
      [t.reported, summary.units.reported],
      [t.late, summary.units.late],
      [t.missing, summary.units.missing],
      [t.notOnRoster, summary.notOnRoster],
    );
  return (
    <>
      <div className={styles.counts} data-testid="rollup-counts">
        {counts.map(([label, value]) => (
          <div key={label} className={styles.count}>
            <Text size={600} weight="semibold">
              {value}
            </Text>
            <Caption1>{label}</Caption1>
          </div>
        ))}
      </div>
      {result.files
        .filter((f) => f.status === 'rejected')
        .map((f) => (
          <MessageBar key={f.file} intent="warning">
            <MessageBarBody>
              <MessageBarTitle>{f.file}</MessageBarTitle>
              {f.reason}
            </MessageBarBody>
          </MessageBar>
        ))}
    </>
  );
}
