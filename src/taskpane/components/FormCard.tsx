// One form of the report: its key figures as the report states them (computed beside printed), the counts of
// findings and the findings themselves.
import * as React from 'react';
import { Badge, Card, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { FormReport, Severity } from '../../core';
import type { WrittenValue } from '../../app/score-flow';
import type { Messages, UiLang } from '../../ui-text';
import { groupDigits, orDash, percent } from '../format';
import { FindingList, SEVERITY_ORDER } from './FindingList';
import type { SelectCell, Show } from '../types';

const BADGE_COLOUR: Record<Severity, 'danger' | 'warning' | 'informative'> = {
  error: 'danger',
  warning: 'warning',
  info: 'informative',
};

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
  sheet: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, margin: 0 },
  figures: {
    display: 'grid',
    gridTemplateColumns: 'minmax(5.5em, auto) 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    fontSize: tokens.fontSizeBase300,
  },
  term: { color: tokens.colorNeutralForeground2, margin: 0 },
  value: { margin: 0, overflowWrap: 'anywhere', fontVariantNumeric: 'tabular-nums' },
  main: { fontWeight: tokens.fontWeightSemibold },
  printed: { display: 'block', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorPaletteBlueForeground2 },
  cleared: { opacity: 0.6 },
  counts: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: '4px' },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

export interface FormCardProps {
  form: FormReport;
  index: number;
  m: Messages;
  lang: UiLang;
  onSelect: SelectCell;
  /** Values the last scoring wrote on this form's sheet: a figure shows what its cell holds now. */
  written?: WrittenValue[];
  /** 清除标记 put the workbook back: the findings are shown as no longer marked. */
  cleared?: boolean;
}

export function FormCard(props: FormCardProps): React.ReactElement {
  const { form, index, m, lang, onSelect, written = [], cleared = false } = props;
  const styles = useStyles();
  const headingId = `form-${index}-heading`;
  const severityAt = (cell: string | null): Severity | null => {
    if (!cell) return null;
    const here = form.findings.filter((f) => f.cell === cell).map((f) => f.severity);
    return SEVERITY_ORDER.find((s) => here.includes(s)) ?? null;
  };
  const unit = form.unit ? m.unit(form.unit) : '';
  const money = (v: string | null): string => orDash(v, groupDigits);

  const compared = (
    computed: string | null,
    printed: string | null,
    cell: string | null,
    show: Show,
    testId: string,
    hideEmptyPrinted = false,
  ): React.ReactElement => {
    const sev = severityAt(cell);
    // 填写 / 改正 wrote this cell: it holds the new value now, the old one said beside it.
    const now = cell ? written.find((w) => w.cell === cell) : undefined;
    const printedLine = now ? (
      <span className={styles.printed} data-written="true">
        {m.printed} {now.afterText}
        {m.writtenWas(now.beforeText)}
      </span>
    ) : printed === null && hideEmptyPrinted ? null : (
      <span className={mergeClasses(styles.printed, sev ? styles[sev] : undefined)}>
        {m.printed} {printed === null ? m.empty : show(printed)}
      </span>
    );
    return (
      <dd className={styles.value} data-testid={testId}>
        <span className={styles.hidden}>{m.computed} </span>
        <span className={styles.main}>{orDash(computed, show)}</span>
        {printedLine}
      </dd>
    );
  };

  const counts = SEVERITY_ORDER.map((s) => ({ s, n: form.findings.filter((f) => f.severity === s).length }));

  return (
    <Card className={styles.card} appearance="outline" role="region" aria-labelledby={headingId}>
      <div>
        <h2 className={styles.heading} id={headingId}>
          {m.formHeading(index, form.project)}
        </h2>
        <p className={styles.sheet}>
          {m.sheet}: {form.sheet}
          {form.range ? ` (${form.range})` : ''}
        </p>
      </div>
      <dl className={styles.figures}>
        <dt className={styles.term}>
          {m.annualBudget}
          {unit}
        </dt>
        <dd className={styles.value} data-testid="annual-budget">
          {money(form.funds.annualBudget)}
        </dd>
        <dt className={styles.term}>
          {m.executed}
          {unit}
        </dt>
        <dd className={styles.value} data-testid="executed">
          {money(form.funds.executed)}
        </dd>
        <dt className={styles.term}>{m.rate}</dt>
        {compared(form.funds.rate.computed, form.funds.rate.printed, form.funds.rate.cell, percent, 'rate')}
        <dt className={styles.term}>{m.rateScore}</dt>
        {compared(
          form.funds.score.computed,
          form.funds.score.printed,
          form.funds.score.cell,
          String,
          'rate-score',
        )}
        <dt className={styles.term}>{m.total}</dt>
        {compared(form.total.computed, form.total.printed, form.total.cell, String, 'total')}
        <dt className={styles.term}>{m.grade}</dt>
        {compared(form.grade.computed, form.grade.printed, null, String, 'grade', true)}
      </dl>
      <div className={styles.counts} role="group" aria-label={m.findings}>
        {counts.map(({ s, n }) => (
          <Badge
            key={s}
            appearance={n > 0 ? 'filled' : 'outline'}
            color={n > 0 ? BADGE_COLOUR[s] : 'informative'}
            data-testid={`count-${s}`}
          >
            {m.severityCount(s, n)}
          </Badge>
        ))}
      </div>
      <div className={cleared ? styles.cleared : undefined} data-cleared={cleared ? 'true' : undefined}>
        <FindingList form={form} m={m} lang={lang} onSelect={onSelect} />
      </div>
    </Card>
  );
}
