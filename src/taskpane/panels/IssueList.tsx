/**
 * Issues as the pane lists them: grouped (by row when checking a sheet, by file after a
 * roll-up), with error and warning counts; clicking one selects its cell when a handler is given.
 */
import { useMemo, type ReactNode } from 'react';
import { Badge, Caption1, CounterBadge, Link, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang } from '../../core/definitions/types';
import type { Issue } from '../../core/issues/issue';
import { panelStrings } from './strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  counts: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'center' },
  group: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  groupTitle: { display: 'block', marginTop: tokens.spacingVerticalS },
  item: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'baseline' },
  text: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start' },
  badge: { flexShrink: 0 },
  message: { textAlign: 'left' },
});

/** More than this and the pane would stall: the rest is in the workbook's 问题清单. */
const SHOWN = 500;

export interface IssueListProps {
  lang: Lang;
  issues: readonly Issue[];
  groupBy: 'row' | 'file';
  onSelect?: (issue: Issue, index: number) => void;
  /** Shown under an issue (where its row was typed, once it is clicked); nothing where it gives null. */
  detail?: (issue: Issue, index: number) => ReactNode;
}

export function IssueList({ lang, issues, groupBy, onSelect, detail }: IssueListProps) {
  const styles = useStyles();
  const t = panelStrings[lang].issues;
  const groups = useMemo(() => {
    const map = new Map<string, { issue: Issue; index: number }[]>();
    issues.slice(0, SHOWN).forEach((issue, index) => {
      const key = groupBy === 'file' ? (issue.file ?? t.roster) : issue.row !== undefined ? t.row(issue.row, issue.sheet) : t.wholeTable;
      map.set(key, [...(map.get(key) ?? []), { issue, index }]);
    });
    return [...map.entries()];
  }, [issues, groupBy, t]);
  const errors = issues.filter((i) => i.severity === 'error').length;

  if (issues.length === 0) return <Text>{t.none}</Text>;
  return (
    <div className={styles.root} data-testid="issue-list">
      <div className={styles.counts}>
        <Subtitle2>{t.heading}</Subtitle2>
        <CounterBadge count={errors} color="danger" showZero aria-label={t.errors(errors)} />
        <CounterBadge count={issues.length - errors} color="important" showZero aria-label={t.warnings(issues.length - errors)} />
      </div>
      {groups.map(([title, items]) => (
        <section key={title} aria-label={title}>
          <Caption1 className={styles.groupTitle}>{title}</Caption1>
          <ul className={styles.group}>
            {items.map(({ issue, index }) => (
              <li key={index} className={styles.item}>
                <Badge className={styles.badge} size="small" appearance="tint" color={issue.severity === 'error' ? 'danger' : 'warning'}>
                  {issue.severity === 'error' ? t.error : t.warning}
                </Badge>
                {/* After a roll-up every issue has its own row in 问题清单; on a sheet, only cells can be selected. */}
                <div className={styles.text}>
                  {onSelect && (groupBy === 'file' || issue.cell) ? (
                    <Link as="button" className={styles.message} onClick={() => onSelect(issue, index)}>
                      {issue.message}
                    </Link>
                  ) : (
                    <Text>{issue.message}</Text>
                  )}
                  {detail?.(issue, index)}
                </div>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {issues.length > SHOWN && <Caption1>{t.more(issues.length - SHOWN)}</Caption1>}
    </div>
  );
}
