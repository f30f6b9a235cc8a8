import { useEffect, useState } from 'react';
import {
  Body1Strong,
  Caption1,
  Card,
  CardHeader,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Text,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { shippedForms } from '../core/definitions/shipped';
import type { Lang } from '../core/definitions/types';
import { detectHost, langFromTag, type HostInfo } from '../excel/host';
import { strings } from './strings';

/** How long to wait for Office.onReady before treating the pane as running outside Excel. */
const HOST_TIMEOUT_MS = 3000;

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    maxWidth: '640px',
  },
  header: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  title: { margin: 0 },
  subtitle: { color: tokens.colorNeutralForeground3 },
  sectionHeading: { display: 'block', margin: `0 0 ${tokens.spacingVerticalS}` },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  meta: { color: tokens.colorNeutralForeground3 },
});

export interface AppProps {
  /** How the host is found; tests pass their own. */
  detect?: () => Promise<HostInfo>;
}

export function App({ detect = () => detectHost(HOST_TIMEOUT_MS) }: AppProps) {
  const styles = useStyles();
  const [host, setHost] = useState<HostInfo | null>(null);

  useEffect(() => {
    let live = true;
    detect().then(
      (info) => live && setHost(info),
      () => live && setHost({ inExcel: false, lang: langFromTag(navigator.language) }),
    );
    return () => {
      live = false;
    };
  }, []); // once, on mount

  const lang: Lang = host?.lang ?? langFromTag(typeof navigator === 'undefined' ? undefined : navigator.language);
  const t = strings[lang];

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Title3 as="h1" className={styles.title}>{t.appTitle}</Title3>
        <Text className={styles.subtitle}>{t.appSubtitle}</Text>
      </header>

      {host === null ? (
        <Spinner size="tiny" labelPosition="after" label={t.detecting} />
      ) : (
        !host.inExcel && (
          <MessageBar intent="warning">
            <MessageBarBody>
              <MessageBarTitle>{t.noExcelTitle}</MessageBarTitle>
              {t.noExcelBody}
            </MessageBarBody>
          </MessageBar>
        )
      )}

      <section aria-labelledby="forms-heading">
        <Subtitle2 as="h2" id="forms-heading" className={styles.sectionHeading}>
          {t.formsHeading}
        </Subtitle2>
        <ul className={styles.list}>
          {shippedForms.map((form) => (
            <li key={form.id}>
              <Card size="small" appearance="outline">
                <CardHeader
                  header={
                    <Body1Strong lang="zh-CN">
                      {form.title['zh-CN']}
                      {lang === 'en' && form.title.en ? (
                        <Text weight="regular" lang="en">{` — ${form.title.en}`}</Text>
                      ) : null}
                    </Body1Strong>
                  }
                  description={
                    <Caption1 className={styles.meta}>
                      {t.formMeta(form.id, form.version, Object.keys(form.fields).length)}
                    </Caption1>
                  }
                />
              </Card>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
