// The harness's title bar and toolbar: open, sample, download, the Excel version and display language the pane
// runs in, the grid's zoom, reopen the pane.
import * as React from 'react';
import { Button, Select, Spinner, Tooltip } from '@fluentui/react-components';
import {
  ArrowDownloadRegular,
  ArrowSyncRegular,
  DocumentTableRegular,
  FolderOpenRegular,
} from '@fluentui/react-icons';
import { API_LEVELS, DISPLAY_LANGUAGES, PANE_KINDS } from './bridge';
import type { HarnessHandlers } from './handlers';
import type { HarnessState } from './state';
import { ZOOMS } from './state';
import type { HarnessText } from '../ui-text';
import { SAMPLE_PATH } from './workbook';

export function TitleBar(props: { name: string | null; t: HarnessText }): React.ReactElement {
  return (
    <header className="hx-titlebar">
      <DocumentTableRegular fontSize={18} />
      <span className="hx-filename" data-testid="file-name">
        {props.name ?? '—'}
      </span>
      <span className="hx-apptitle">{props.t.title}</span>
    </header>
  );
}

function FileButtons(props: {
  state: HarnessState;
  t: HarnessText;
  on: HarnessHandlers;
}): React.ReactElement {
  const { state, t, on } = props;
  const fileInput = React.useRef<HTMLInputElement>(null);
  return (
    <>
      <Tooltip content={t.openHint} relationship="description">
        <Button icon={<FolderOpenRegular />} onClick={() => fileInput.current?.click()} data-testid="open">
          {t.open}
        </Button>
      </Tooltip>
      <input
        ref={fileInput}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        hidden
        data-testid="open-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) on.openFile(file);
          e.target.value = '';
        }}
      />
      <Tooltip content={t.sampleHint} relationship="description">
        <Button appearance="subtle" onClick={() => on.openUrl(SAMPLE_PATH)} data-testid="open-sample">
          {t.sample}
        </Button>
      </Tooltip>
      <Tooltip content={t.downloadHint} relationship="description">
        <Button
          icon={state.saving ? <Spinner size="tiny" /> : <ArrowDownloadRegular />}
          disabled={!state.loaded || state.saving}
          onClick={on.download}
          data-testid="download"
        >
          {t.download}
        </Button>
      </Tooltip>
    </>
  );
}

function Choices(props: { state: HarnessState; t: HarnessText; on: HarnessHandlers }): React.ReactElement {
  const { state, t, on } = props;
  return (
    <>
      <label className="hx-field">
        <span>{t.apiLevel}</span>
        <Select
          size="small"
          value={state.api}
          title={t.apiHints[state.api]}
          data-testid="api-level"
          onChange={(_e, d) => on.chooseApi(d.value)}
        >
          {API_LEVELS.map((v) => (
            <option key={v} value={v}>
              {t.apiLevels[v]}
            </option>
          ))}
        </Select>
      </label>
      <label className="hx-field">
        <span>{t.language}</span>
        <Select
          size="small"
          value={state.lang}
          data-testid="display-language"
          onChange={(_e, d) => on.chooseLang(d.value)}
        >
          {DISPLAY_LANGUAGES.map((v) => (
            <option key={v} value={v}>
              {t.displayLanguages[v]}
            </option>
          ))}
        </Select>
      </label>
      <label className="hx-field">
        <span>{t.paneKind}</span>
        <Select
          size="small"
          value={state.pane}
          title={t.paneKindHints[state.pane]}
          data-testid="pane-kind"
          onChange={(_e, d) => on.choosePane(d.value)}
        >
          {PANE_KINDS.map((v) => (
            <option key={v} value={v}>
              {t.paneKinds[v]}
            </option>
          ))}
        </Select>
      </label>
      <label className="hx-field">
        <span>{t.zoom}</span>
        <Select
          size="small"
          value={String(state.zoom)}
          data-testid="zoom"
          onChange={(_e, d) => on.chooseZoom(Number(d.value))}
        >
          {ZOOMS.map((z) => (
            <option key={z} value={String(z)}>
              {Math.round(z * 100)}%
            </option>
          ))}
        </Select>
      </label>
    </>
  );
}

export function Toolbar(props: {
  state: HarnessState;
  t: HarnessText;
  on: HarnessHandlers;
}): React.ReactElement {
  const { state, t, on } = props;
  return (
    <div className="hx-toolbar" role="toolbar" aria-label={t.title}>
      <FileButtons {...props} />
      <span className="hx-sep" />
      <Choices {...props} />
      <span className="hx-sep" />
      <Tooltip content={t.reopenHint} relationship="description">
        <Button
          appearance="subtle"
          icon={<ArrowSyncRegular />}
          disabled={!state.loaded}
          onClick={on.reopenPane}
          data-testid="reopen"
        >
          {t.reopen}
        </Button>
      </Tooltip>
    </div>
  );
}
