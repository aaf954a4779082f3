// A pane with only a banner: opened outside Excel, or the host could not start.
import * as React from 'react';
import { FluentProvider, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { messages, type UiLang } from '../../ui-text';
import type { Problem } from '../problems';
import { Banner } from './Banner';

const useStyles = makeStyles({
  root: {
    padding: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  body: { margin: 0, fontSize: tokens.fontSizeBase300 },
});

/** `problem` null: the page was opened outside Excel; `officeJsMissing`: office.js did not load at all. */
export function Standalone(props: {
  lang: UiLang;
  problem: Problem | null;
  officeJsMissing?: boolean;
}): React.ReactElement {
  const m = messages(props.lang);
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme} lang={m.htmlLang}>
      <main className={styles.root}>
        <h1 className={styles.title}>{m.title}</h1>
        {props.problem ? (
          <Banner problem={props.problem} m={m} />
        ) : (
          <div role="alert" data-testid="not-in-excel">
            <h2 className={styles.title}>
              {props.officeJsMissing ? m.banner.officeJsTitle : m.banner.notInExcelTitle}
            </h2>
            <p className={styles.body}>
              {props.officeJsMissing ? m.banner.officeJsBody : m.banner.notInExcelBody}
            </p>
          </div>
        )}
      </main>
    </FluentProvider>
  );
}
