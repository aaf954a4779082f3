// The legacy pane's page: the controls, built once in the order the keyboard reaches them (mode, rulebook,
// 评分, 清除标记, then the findings), and the containers pane.ts fills as the state changes.
import { WRITE_MODES, getPreset, presetNames } from '../core';
import type { HostCapabilities } from '../app/host';
import type { Messages } from '../ui-text';
import { BUILD_LABEL } from '../taskpane/build-info';
import { button, el } from './dom';
import { aboutView } from './view';

export interface ShellHandlers {
  onMode: (value: string) => void;
  onRulebook: (value: string) => void;
  onScore: () => void;
  onRestore: () => void;
}

export interface Shell {
  main: HTMLElement;
  mode: { select: HTMLSelectElement; hint: HTMLElement };
  rulebook: { select: HTMLSelectElement; hint: HTMLElement };
  scoreButton: HTMLButtonElement;
  restoreButton: HTMLButtonElement;
  /** The live line that says which piece of work runs. */
  status: HTMLElement;
  banners: HTMLElement;
  notices: HTMLElement;
  forms: HTMLElement;
}

function rulebookLabel(id: string, m: Messages): string {
  if (m.rulebookNames[id]) return m.rulebookNames[id];
  try {
    return getPreset(id).name;
  } catch {
    return id;
  }
}

function select(
  id: string,
  label: string,
  values: readonly string[],
  text: (v: string) => string,
  onChange: (v: string) => void,
): { field: HTMLElement; select: HTMLSelectElement; hint: HTMLElement } {
  const sel = el(
    'select',
    { id, class: 'lp-select' },
    values.map((v) => el('option', { value: v }, text(v))),
  );
  sel.addEventListener('change', () => onChange(sel.value));
  const hint = el('p', { class: 'lp-hint', id: `${id}-hint` });
  const field = el('div', { class: 'lp-field' }, [
    el('label', { class: 'lp-label', for: id }, label),
    sel,
    hint,
  ]);
  return { field, select: sel, hint };
}

export function buildShell(m: Messages, caps: HostCapabilities | null, h: ShellHandlers): Shell {
  const mode = select('lp-mode', m.mode, WRITE_MODES, (v) => m.modes[v as keyof Messages['modes']], h.onMode);
  const rulebook = select('lp-rulebook', m.rulebook, presetNames(), (v) => rulebookLabel(v, m), h.onRulebook);
  mode.select.setAttribute('aria-describedby', 'lp-mode-hint');
  const settings = el('fieldset', { class: 'lp-settings' }, [
    el('legend', { class: 'lp-legend' }, m.settingsGroup),
    mode.field,
    rulebook.field,
  ]);
  const scoreButton = button({ class: 'lp-button lp-primary', title: m.scoreHint }, m.score, h.onScore);
  const restoreButton = button({ class: 'lp-button', title: m.restoreHint }, m.restore, h.onRestore);
  const status = el('div', { class: 'lp-status', role: 'status', 'aria-live': 'polite' });
  const banners = el('div', { class: 'lp-banners' });
  const notices = el('div', { class: 'lp-notices' });
  const forms = el('div', { class: 'lp-forms-area' });
  const main = el(
    'main',
    { class: 'lp-root', lang: m.htmlLang, 'aria-busy': 'false', 'data-pane': 'legacy' },
    [
      el('header', null, [
        el('h1', { class: 'lp-title' }, m.title),
        el('p', { class: 'lp-subtitle' }, m.subtitle),
      ]),
      settings,
      el('div', { class: 'lp-actions' }, [scoreButton, restoreButton]),
      status,
      banners,
      notices,
      forms,
      aboutView(caps, m),
      el('p', { class: 'lp-about', 'data-testid': 'build' }, BUILD_LABEL),
      el('p', { class: 'lp-about' }, [
        el('a', { href: 'help.html#codes', target: '_blank', 'data-testid': 'help-link' }, m.helpLink),
      ]),
      el('p', { class: 'lp-about' }, [
        el('a', { href: 'selftest.html', 'data-testid': 'selftest-link' }, m.selftestLink),
      ]),
    ],
  );
  return { main, mode, rulebook, scoreButton, restoreButton, status, banners, notices, forms };
}
