// The question asked before 改正 overwrites values, once each time the workbook is opened: how many values it
// changes, with a yes and a no (in the pane, not a browser dialog: Office add-ins may not open one).
import * as React from 'react';
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
} from '@fluentui/react-components';
import type { Messages } from '../../ui-text';
import type { CorrectConfirm } from '../state';

const useStyles = makeStyles({
  body: { whiteSpace: 'normal', overflowWrap: 'anywhere' },
});

export function ConfirmCorrect(props: {
  confirm: CorrectConfirm;
  m: Messages;
  onConfirm: () => void;
  onCancel: () => void;
}): React.ReactElement {
  const { confirm, m, onConfirm, onCancel } = props;
  const styles = useStyles();
  return (
    <MessageBar intent="warning" layout="multiline" role="alertdialog" data-testid="confirm-correct">
      <MessageBarBody className={styles.body}>
        <MessageBarTitle>{m.confirmCorrectTitle}</MessageBarTitle>
        <div>{m.confirmCorrectBody(confirm.changes)}</div>
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" size="small" onClick={onConfirm} data-testid="confirm-yes">
          {m.confirmCorrectYes}
        </Button>
        <Button size="small" onClick={onCancel} data-testid="confirm-no">
          {m.confirmCorrectNo}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
