// The two buttons (score, clear marks) and the live status line that says which one is running.
import * as React from 'react';
import { Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowUndoRegular, CheckmarkCircleRegular } from '@fluentui/react-icons';
import type { Messages } from '../../ui-text';
import type { Work } from '../state';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: '6px' },
  grow: { flexGrow: 1, minWidth: '8em' },
  // Always in the page for screen readers; out of the flow (and of the column gap) while empty.
  status: { ':empty': { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden' } },
});

export interface ActionsProps {
  busy: Work | null;
  m: Messages;
  onScore: () => void;
  onRestore: () => void;
}

export function Actions({ busy, m, onScore, onRestore }: ActionsProps): React.ReactElement {
  const styles = useStyles();
  return (
    <>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          className={styles.grow}
          icon={busy === 'score' || busy === 'preview' ? <Spinner size="tiny" /> : <CheckmarkCircleRegular />}
          disabled={busy !== null}
          onClick={onScore}
          title={m.scoreHint}
        >
          {m.score}
        </Button>
        <Button
          icon={busy === 'restore' ? <Spinner size="tiny" /> : <ArrowUndoRegular />}
          disabled={busy !== null}
          onClick={onRestore}
          title={m.restoreHint}
        >
          {m.restore}
        </Button>
      </div>

      <div className={styles.status} role="status" aria-live="polite">
        {busy ? (
          <Spinner
            size="extra-small"
            labelPosition="after"
            label={busy === 'restore' ? m.restoring : busy === 'preview' ? m.planning : m.scoring}
          />
        ) : null}
      </div>
    </>
  );
}
