// What the last piece of work did (NoticeBar) and what the report says about the workbook as a whole.
import * as React from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles } from '@fluentui/react-components';
import type { Report } from '../../core';
import type { Messages, UiLang } from '../../ui-text';
import type { Notice } from '../state';
import { DismissAction } from './Banner';

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: '1.2em' },
});

export function NoticeBar(props: { notice: Notice; m: Messages; onDismiss: () => void }): React.ReactElement {
  const { notice, m, onDismiss } = props;
  const styles = useStyles();
  let lines: string[];
  let written: string[] = [];
  if (notice.kind === 'scored') {
    const a = notice.outcome.applied;
    lines = [m.applied(a.cellsMarked, a.valuesWritten), m.explanationLine(a.explanation)];
    if (a.cleared && a.cleared.restored > 0) lines.unshift(m.clearedFirst(a.cleared.restored));
    // Every value written, cell by cell (the sheet named when values went to more than one).
    const sheets = new Set(a.written.map((w) => w.sheet));
    written = a.written.map((w) =>
      m.writtenLine(sheets.size > 1 ? `${w.sheet}!${w.cell}` : w.cell, w.beforeText, w.afterText),
    );
  } else {
    const r = notice.result;
    lines = [r.restored === 0 && r.kept === 0 ? m.nothingToRestore : m.restored(r.restored, r.kept)];
  }
  return (
    <MessageBar
      intent={notice.kind === 'scored' ? 'success' : 'info'}
      layout="multiline"
      data-testid="notice"
    >
      <MessageBarBody>
        {lines.map((l, i) => (
          <div key={i}>{l}</div>
        ))}
        {written.length > 0 ? (
          <>
            <div>{m.writtenTitle(written.length)}</div>
            <ul className={styles.list} data-testid="written">
              {written.map((l, i) => (
                <li key={i}>{l}</li>
              ))}
            </ul>
          </>
        ) : null}
      </MessageBarBody>
      <DismissAction label={m.dismiss} onDismiss={onDismiss} />
    </MessageBar>
  );
}

/** The report's workbook-level notes (a form that could not be read …); "no form" has a banner of its own. */
export function WorkbookNotes(props: {
  report: Report | null;
  m: Messages;
  lang: UiLang;
}): React.ReactElement | null {
  const { report, m, lang } = props;
  const styles = useStyles();
  const errors = (report?.errors ?? []).filter((e) => e.code !== 'FORM_NOT_FOUND');
  if (errors.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{m.workbookNotes}</MessageBarTitle>
        <ul className={styles.list}>
          {errors.map((e, i) => (
            <li key={i}>
              {e.sheet ? `${e.sheet}: ` : ''}
              {lang === 'en' ? e.messageEn : e.message}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
