// How the catalogue is written: every string (or string-making function) with its Chinese and English side by
// side, so that a key cannot lack one of them; pick() turns a side-by-side tree into one language's object.

import type { Lang } from '../core';

/** The languages of the pane and the harness: Chinese (the form's own) and English, as the report has them. */
export type UiLang = Lang;

/** One entry in both languages. */
export interface Pair<T> {
  readonly 'zh-CN': T;
  readonly en: T;
}

type Text = string | ((...args: never[]) => string);

/** The side-by-side form of a text interface: each string a Pair, each group of strings a group of Pairs. */
export type SideBySide<T> = {
  readonly [K in keyof T]: T[K] extends Text ? Pair<T[K]> : SideBySide<T[K]>;
};

function isPair(v: unknown): v is Pair<unknown> {
  return typeof v === 'object' && v !== null && 'zh-CN' in v && 'en' in v && Object.keys(v).length === 2;
}

/** One language's texts from the side-by-side tree. */
export function pick<T>(text: SideBySide<T>, lang: UiLang): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(text as Record<string, unknown>)) {
    out[key] = isPair(value) ? value[lang] : pick(value as SideBySide<unknown>, lang);
  }
  return out as T;
}

/** pick() for each language once, on first use (the same object every time after). */
export function byLang<T>(text: SideBySide<T>): (lang: UiLang) => T {
  const cache: Partial<Record<UiLang, T>> = {};
  return (lang) => (cache[lang] ??= pick(text, lang));
}

/** English when the display language is English ("en-US", "en-GB" …), Chinese otherwise. */
export function langFromDisplayLanguage(displayLanguage: string | null | undefined): UiLang {
  return typeof displayLanguage === 'string' && /^en\b/i.test(displayLanguage) ? 'en' : 'zh-CN';
}
