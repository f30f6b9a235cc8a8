/**
 * The form proposed from the chosen files' headers: "根据所选文件的表头，建议使用：《…》（12 个文件
 * 中 11 个匹配）", the files that are another form or none, and a button back to the proposed
 * form when the person chose another one.
 */
import { Button, Caption1, MessageBar, MessageBarActions, MessageBarBody, makeStyles } from '@fluentui/react-components';
import type { FormDefinition, Lang } from '../../core/definitions/types';
import type { ProposalState } from '../rollup/useFormProposal';
import { panelStrings } from './strings';

const useStyles = makeStyles({ line: { display: 'block' } });

export interface ProposalBarProps {
  lang: Lang;
  state: ProposalState;
  definitions: readonly FormDefinition[];
  formId: string;
  onUse?: (formId: string) => void;
}

export function ProposalBar({ lang, state, definitions, formId, onUse }: ProposalBarProps) {
  const styles = useStyles();
  const t = panelStrings[lang].rollup;
  const title = (id: string) => {
    const def = definitions.find((d) => d.id === id);
    return def ? (lang === 'en' && def.title.en) || def.title['zh-CN'] : id;
  };
  if (state.pending) return <Caption1>{t.peeking}</Caption1>;
  const { proposal } = state;
  if (!proposal) return null;
  if (!proposal.form) {
    return (
      <MessageBar intent="warning" data-testid="form-proposal">
        <MessageBarBody>{t.noProposal}</MessageBarBody>
      </MessageBar>
    );
  }
  const differs = proposal.others.length > 0 || proposal.unmatched.length > 0;
  return (
    <MessageBar intent={differs ? 'warning' : 'info'} layout="multiline" data-testid="form-proposal">
      <MessageBarBody>
        <span className={styles.line}>{t.proposal(title(proposal.form), proposal.matching.length, proposal.total, state.withSheets)}</span>
        {state.looked < state.chosen && <span className={styles.line}>{t.proposalSampled(state.looked, state.chosen)}</span>}
        {differs && <span className={styles.line}>{t.proposalDiffers}</span>}
        {proposal.others.map((other) => (
          <span key={other.form} className={styles.line}>
            {t.proposalOther(title(other.form), other.sources)}
          </span>
        ))}
        {proposal.unmatched.length > 0 && <span className={styles.line}>{t.proposalNone(proposal.unmatched)}</span>}
      </MessageBarBody>
      {onUse && proposal.form !== formId && (
        <MessageBarActions>
          <Button size="small" onClick={() => onUse(proposal.form!)}>
            {t.useProposed(title(proposal.form))}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
