// The scoring settings: the write mode and the rulebook, locked while work runs.
import * as React from 'react';
import { Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { WRITE_MODES, getPreset, presetNames, type WriteMode } from '../../core';
import type { Messages } from '../../ui-text';
import type { Pick } from '../types';

const useStyles = makeStyles({
  settings: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    border: 'none',
    margin: 0,
    padding: 0,
    minWidth: 0,
  },
  legend: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)' },
});

function rulebookLabel(id: string, m: Messages): string {
  if (m.rulebookNames[id]) return m.rulebookNames[id];
  try {
    return getPreset(id).name;
  } catch {
    return id;
  }
}

export interface SettingsProps {
  mode: WriteMode;
  rulebook: string;
  disabled: boolean;
  m: Messages;
  onMode: Pick;
  onRulebook: Pick;
}

export function Settings({
  mode,
  rulebook,
  disabled,
  m,
  onMode,
  onRulebook,
}: SettingsProps): React.ReactElement {
  const styles = useStyles();
  const rulebooks = React.useMemo(() => presetNames(), []);
  return (
    <fieldset className={styles.settings} disabled={disabled}>
      <legend className={styles.legend}>{m.settingsGroup}</legend>
      <Field label={m.mode} hint={m.modeHints[mode]} size="small">
        <Select value={mode} disabled={disabled} onChange={(_e, d) => onMode(d.value)}>
          {WRITE_MODES.map((v) => (
            <option key={v} value={v}>
              {m.modes[v]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={m.rulebook} size="small">
        <Select value={rulebook} disabled={disabled} onChange={(_e, d) => onRulebook(d.value)}>
          {rulebooks.map((id) => (
            <option key={id} value={id}>
              {rulebookLabel(id, m)}
            </option>
          ))}
        </Select>
      </Field>
    </fieldset>
  );
}
