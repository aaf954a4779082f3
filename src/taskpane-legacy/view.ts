// What the legacy pane shows, built with plain DOM from the same state, texts and helpers the modern pane uses
// (src/taskpane/state.ts, problems.ts, format.ts; src/ui-text): the banners, the notice, and one block per
// form with its figures (computed beside printed) and its findings. Each function returns new nodes; pane.ts
// decides when to rebuild which part.
import type { Finding, FormReport, Report, Severity } from '../core';
import type { HostCapabilities } from '../app/host';
import type { Messages, UiLang } from '../ui-text';
import { groupDigits, orDash, percent } from '../taskpane/format';
import { bannerText, type Problem } from '../taskpane/problems';
import type { Notice } from '../taskpane/state';
import { button, el, type Child } from './dom';

export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];

/** A problem as a bar: what went wrong and what to do (the modern pane's Banner). */
export function bannerView(problem: Problem, m: Messages, onDismiss?: () => void): HTMLElement {
  const text = bannerText(problem, m);
  return el(
    'div',
    {
      class: `lp-bar lp-bar-${text.intent}`,
      role: 'alert',
      'data-testid': 'banner',
      'data-kind': problem.kind,
    },
    [
      el('p', { class: 'lp-bar-title' }, text.title),
      el('div', null, text.body),
      onDismiss ? dismissButton(m, onDismiss) : null,
    ],
  );
}

function dismissButton(m: Messages, onDismiss: () => void): HTMLButtonElement {
  return button({ class: 'lp-dismiss', 'aria-label': m.dismiss, title: m.dismiss }, '\u00d7', onDismiss);
}

/** What the last piece of work did (the modern pane's NoticeBar). */
export function noticeView(notice: Notice, m: Messages, onDismiss: () => void): HTMLElement {
  let lines: string[];
  if (notice.kind === 'scored') {
    const a = notice.outcome.applied;
    lines = [m.applied(a.cellsMarked, a.valuesWritten), m.explanationLine(a.explanation)];
    if (a.cleared && a.cleared.restored > 0) lines.unshift(m.clearedFirst(a.cleared.restored));
    // Every value written (填写 / 改正): cell, old → new.
    const written = a.written || [];
    if (written.length > 0) {
      lines.push(m.writtenTitle(written.length));
      for (let i = 0; i < written.length; i++) {
        const w = written[i];
        lines.push(m.writtenLine(w.cell, w.beforeText, w.afterText));
      }
    }
  } else {
    const r = notice.result;
    lines = [r.restored === 0 && r.kept === 0 ? m.nothingToRestore : m.restored(r.restored, r.kept)];
  }
  const kind = notice.kind === 'scored' ? 'success' : 'info';
  const children: Child[] = lines.map((l) => el('div', null, l));
  children.push(dismissButton(m, onDismiss));
  return el('div', { class: `lp-bar lp-bar-${kind}`, 'data-testid': 'notice', role: 'status' }, children);
}

/** 改正 asks first: how many values it will change, with 改正 / 取消 (the modern pane's question, in plain DOM). */
export function confirmView(changes: number, m: Messages, onYes: () => void, onNo: () => void): HTMLElement {
  return el(
    'div',
    { class: 'lp-bar lp-bar-warning', 'data-testid': 'confirm-correct', role: 'alertdialog' },
    [
      el('div', { class: 'lp-title' }, m.confirmCorrectTitle),
      el('div', null, m.confirmCorrectBody(changes)),
      button({ class: 'lp-button lp-primary', 'data-testid': 'confirm-yes' }, m.confirmCorrectYes, onYes),
      button({ class: 'lp-button', 'data-testid': 'confirm-no' }, m.confirmCorrectNo, onNo),
    ],
  );
}

/** The report's workbook-level notes; "no form" has a banner of its own. */
export function workbookNotesView(report: Report | null, m: Messages, lang: UiLang): HTMLElement | null {
  const errors = (report ? report.errors : []).filter((e) => e.code !== 'FORM_NOT_FOUND');
  if (errors.length === 0) return null;
  return el('div', { class: 'lp-bar lp-bar-warning', 'data-testid': 'workbook-notes' }, [
    el('p', { class: 'lp-bar-title' }, m.workbookNotes),
    el(
      'ul',
      { class: 'lp-bar-list' },
      errors.map((e) =>
        el('li', null, (e.sheet ? `${e.sheet}: ` : '') + (lang === 'en' ? e.messageEn : e.message)),
      ),
    ),
  ]);
}

export interface FormHandlers {
  onSelect: (sheet: string, cell: string) => void;
  /** Whether the group of a severity is open (errors and warnings are, information is not, until toggled). */
  isOpen: (formIndex: number, severity: Severity) => boolean;
  onToggle: (formIndex: number, severity: Severity) => void;
}

/** Every form of the report, or nothing when there is none. */
export function formsView(
  report: Report | null,
  m: Messages,
  lang: UiLang,
  h: FormHandlers,
): HTMLElement | null {
  if (!report || report.forms.length === 0) return null;
  const title = m.formsFound(report.forms.length);
  return el('section', { class: 'lp-forms', role: 'region', 'aria-label': title }, [
    el('p', { class: 'lp-forms-title' }, title),
    ...report.forms.map((form, i) => formView(form, i + 1, m, lang, h)),
  ]);
}

function severityAt(form: FormReport, cell: string | null): Severity | null {
  if (!cell) return null;
  const here = form.findings.filter((f) => f.cell === cell).map((f) => f.severity);
  for (const s of SEVERITY_ORDER) if (here.indexOf(s) >= 0) return s;
  return null;
}

function formView(form: FormReport, index: number, m: Messages, lang: UiLang, h: FormHandlers): HTMLElement {
  const headingId = `lp-form-${index}-heading`;
  const unit = form.unit ? m.unit(form.unit) : '';
  const money = (v: string | null): string => orDash(v, groupDigits);

  const compared = (
    computed: string | null,
    printed: string | null,
    cell: string | null,
    show: (v: string) => string,
    testId: string,
    hideEmptyPrinted = false,
  ): HTMLElement => {
    const sev = severityAt(form, cell);
    const printedLine =
      printed === null && hideEmptyPrinted
        ? null
        : el(
            'span',
            { class: `lp-printed${sev ? ` lp-${sev}` : ''}` },
            `${m.printed} ${printed === null ? m.empty : show(printed)}`,
          );
    return el('dd', { 'data-testid': testId }, [
      el('span', { class: 'lp-hidden' }, `${m.computed} `),
      el('span', { class: 'lp-main' }, orDash(computed, show)),
      printedLine,
    ]);
  };

  const counts = SEVERITY_ORDER.map((s) => {
    const n = form.findings.filter((f) => f.severity === s).length;
    return el(
      'span',
      { class: `lp-count${n > 0 ? ` lp-count-${s}` : ''}`, 'data-testid': `count-${s}` },
      m.severityCount(s, n),
    );
  });

  return el('div', { class: 'lp-form', role: 'region', 'aria-labelledby': headingId }, [
    el('h2', { class: 'lp-form-heading', id: headingId }, m.formHeading(index, form.project)),
    el('p', { class: 'lp-sheet' }, `${m.sheet}: ${form.sheet}${form.range ? ` (${form.range})` : ''}`),
    el('dl', { class: 'lp-figures' }, [
      el('dt', null, m.annualBudget + unit),
      el('dd', { 'data-testid': 'annual-budget' }, money(form.funds.annualBudget)),
      el('dt', null, m.executed + unit),
      el('dd', { 'data-testid': 'executed' }, money(form.funds.executed)),
      el('dt', null, m.rate),
      compared(form.funds.rate.computed, form.funds.rate.printed, form.funds.rate.cell, percent, 'rate'),
      el('dt', null, m.rateScore),
      compared(
        form.funds.score.computed,
        form.funds.score.printed,
        form.funds.score.cell,
        String,
        'rate-score',
      ),
      el('dt', null, m.total),
      compared(form.total.computed, form.total.printed, form.total.cell, String, 'total'),
      el('dt', null, m.grade),
      compared(form.grade.computed, form.grade.printed, null, String, 'grade', true),
    ]),
    el('div', { class: 'lp-counts', role: 'group', 'aria-label': m.findings }, counts),
    findingsView(form, index, m, lang, h),
  ]);
}

/** The findings grouped by severity; each group's header opens and closes it (aria-expanded). */
function findingsView(
  form: FormReport,
  index: number,
  m: Messages,
  lang: UiLang,
  h: FormHandlers,
): HTMLElement {
  const groups = SEVERITY_ORDER.map((severity) => ({
    severity,
    findings: form.findings.filter((f) => f.severity === severity),
  })).filter((g) => g.findings.length > 0);
  if (groups.length === 0) return el('p', { class: 'lp-none' }, m.noFindings);
  return el(
    'div',
    { class: 'lp-groups' },
    groups.map(({ severity, findings }) => {
      const open = h.isOpen(index, severity);
      const listId = `lp-form-${index}-${severity}`;
      return el('div', { class: 'lp-group' }, [
        button(
          {
            class: 'lp-group-toggle',
            'aria-expanded': open ? 'true' : 'false',
            'aria-controls': listId,
            'data-severity': severity,
          },
          [
            el('span', { 'aria-hidden': 'true' }, open ? '\u25be ' : '\u25b8 '),
            el('span', { class: `lp-${severity}` }, m.severities[severity]),
            ` (${findings.length})`,
          ],
          () => h.onToggle(index, severity),
        ),
        open
          ? el(
              'ul',
              { class: 'lp-findings', id: listId, 'aria-label': `${m.findings}: ${m.severities[severity]}` },
              findings.map((f) => el('li', null, findingView(f, form.sheet, m, lang, h))),
            )
          : null,
      ]);
    }),
  );
}

/** A finding with a cell is a real <button>: a click, Enter or Space selects its cell in the sheet. */
function findingView(
  finding: Finding,
  sheet: string,
  m: Messages,
  lang: UiLang,
  h: FormHandlers,
): HTMLElement {
  const message = lang === 'en' ? finding.messageEn : finding.message;
  const label = m.findingLabel(finding.severity, finding.cell, message);
  const cell = finding.cell;
  if (!cell) {
    return el('div', { class: 'lp-finding lp-static', 'aria-label': label }, [
      el('span', { class: 'lp-cell' }, m.noCell),
      el('span', { class: 'lp-message' }, message),
    ]);
  }
  return button(
    { class: 'lp-finding', 'aria-label': label, title: m.goToCell(cell), 'data-cell': cell },
    [el('span', { class: 'lp-cell' }, cell), el('span', { class: 'lp-message' }, message)],
    () => h.onSelect(sheet, cell),
  );
}

/** The About line: the Excel API level and how cells are explained. */
export function aboutView(caps: HostCapabilities | null, m: Messages): HTMLElement | null {
  return caps
    ? el('p', { class: 'lp-about', 'data-testid': 'about' }, m.about(caps.excelApi, caps.explanation))
    : null;
}
