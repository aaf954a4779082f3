// The demo's status bar: "就绪" and the API level a finance user reads; the stand-in's Excel.run / context.sync
// counters, which only a developer wants, behind a "详情 / Details" toggle.
import * as React from 'react';
import type { HarnessText } from '../ui-text';

export function StatusBar(props: {
  stats: Record<string, number> | null;
  api: string;
  t: HarnessText;
}): React.ReactElement {
  const { stats, api, t } = props;
  const [open, setOpen] = React.useState(false);
  return (
    <footer className="hx-status" data-testid="status-bar">
      <span>
        {t.stats(null)}
        {stats ? (
          <button
            type="button"
            className="hx-status-toggle"
            aria-expanded={open}
            onClick={() => setOpen((o) => !o)}
            data-testid="stats-toggle"
          >
            {t.details}
          </button>
        ) : null}
        {stats && open ? (
          <span className="hx-status-details" data-testid="stats">
            {t.stats(stats)}
          </span>
        ) : null}
      </span>
      <span className="hx-status-api">{api}</span>
    </footer>
  );
}
