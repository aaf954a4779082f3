// One form's findings, grouped by severity (错误 / 警告 / 提示); each finding with a cell is a button that
// selects that cell in the sheet.
import * as React from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  makeStyles,
  tokens,
  type AccordionToggleEventHandler,
} from '@fluentui/react-components';
import type { Finding, FormReport, Severity } from '../../core';
import type { Messages, UiLang } from '../../ui-text';
import type { SelectCell } from '../types';

export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];

const SEVERITY_COLOUR: Record<Severity, string> = {
  error: tokens.colorPaletteRedForeground1,
  warning: tokens.colorPaletteDarkOrangeForeground1,
  info: tokens.colorPaletteBlueForeground2,
};

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: '2px',
  },
  item: {
    display: 'grid',
    gridTemplateColumns: '3.5em 1fr',
    columnGap: tokens.spacingHorizontalS,
    width: '100%',
    textAlign: 'start',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid transparent`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
    ':active': { backgroundColor: tokens.colorSubtleBackgroundPressed },
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '1px',
    },
  },
  static: { cursor: 'default', ':hover': { backgroundColor: 'transparent' } },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  message: { overflowWrap: 'anywhere', whiteSpace: 'normal' },
  header: { fontSize: tokens.fontSizeBase300 },
  none: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, margin: 0 },
});

export interface FindingListProps {
  form: FormReport;
  m: Messages;
  lang: UiLang;
  onSelect: SelectCell;
}

export function FindingList({ form, m, lang, onSelect }: FindingListProps): React.ReactElement {
  const styles = useStyles();
  const groups = SEVERITY_ORDER.map((severity) => ({
    severity,
    findings: form.findings.filter((f) => f.severity === severity),
  })).filter((g) => g.findings.length > 0);
  const [open, setOpen] = React.useState<Severity[]>(() =>
    groups.filter((g) => g.severity !== 'info').map((g) => g.severity),
  );
  const onToggle: AccordionToggleEventHandler<Severity> = (_e, data) => setOpen(data.openItems);

  if (groups.length === 0) return <p className={styles.none}>{m.noFindings}</p>;
  return (
    <Accordion multiple collapsible openItems={open} onToggle={onToggle}>
      {groups.map(({ severity, findings }) => (
        <AccordionItem key={severity} value={severity}>
          <AccordionHeader size="small" className={styles.header}>
            <span style={{ color: SEVERITY_COLOUR[severity] }}>{m.severities[severity]}</span>
            &nbsp;({findings.length})
          </AccordionHeader>
          <AccordionPanel>
            <ul className={styles.list} aria-label={`${m.findings}: ${m.severities[severity]}`}>
              {findings.map((f, i) => (
                <li key={`${f.code}-${f.cell ?? ''}-${i}`}>
                  <FindingItem finding={f} sheet={form.sheet} m={m} lang={lang} onSelect={onSelect} />
                </li>
              ))}
            </ul>
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}

function FindingItem(props: {
  finding: Finding;
  sheet: string;
  m: Messages;
  lang: UiLang;
  onSelect: SelectCell;
}): React.ReactElement {
  const { finding, sheet, m, lang, onSelect } = props;
  const styles = useStyles();
  const message = lang === 'en' ? finding.messageEn : finding.message;
  const label = m.findingLabel(finding.severity, finding.cell, message);
  const cell = finding.cell;
  if (!cell) {
    return (
      <div className={`${styles.item} ${styles.static}`} aria-label={label}>
        <span className={styles.cell}>{m.noCell}</span>
        <span className={styles.message}>{message}</span>
      </div>
    );
  }
  return (
    <button
      type="button"
      className={styles.item}
      aria-label={label}
      title={m.goToCell(cell)}
      data-cell={cell}
      onClick={() => onSelect(sheet, cell)}
    >
      <span className={styles.cell}>{cell}</span>
      <span className={styles.message}>{message}</span>
    </button>
  );
}
