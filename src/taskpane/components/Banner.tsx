// A problem shown as a Fluent MessageBar: what went wrong and what to do about it.
import * as React from 'react';
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { Messages } from '../../ui-text';
import { bannerText, type Problem } from '../problems';

const useStyles = makeStyles({
  bar: { alignItems: 'flex-start' },
  body: { whiteSpace: 'normal', overflowWrap: 'anywhere' },
});

export function Banner(props: { problem: Problem; m: Messages; onDismiss?: () => void }): React.ReactElement {
  const { problem, m, onDismiss } = props;
  const styles = useStyles();
  const text = bannerText(problem, m);
  return (
    <MessageBar
      intent={text.intent}
      layout="multiline"
      className={styles.bar}
      role="alert"
      data-testid="banner"
      data-kind={problem.kind}
    >
      <MessageBarBody className={styles.body}>
        <MessageBarTitle>{text.title}</MessageBarTitle>
        <div>{text.body}</div>
      </MessageBarBody>
      {onDismiss ? <DismissAction label={m.dismiss} onDismiss={onDismiss} /> : null}
    </MessageBar>
  );
}

/** The close button in a MessageBar's corner. */
export function DismissAction(props: { label: string; onDismiss: () => void }): React.ReactElement {
  return (
    <MessageBarActions
      containerAction={
        <Button
          appearance="transparent"
          size="small"
          icon={<DismissRegular />}
          aria-label={props.label}
          onClick={props.onDismiss}
        />
      }
    />
  );
}
