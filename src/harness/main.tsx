// The harness page in its main role: draw the harness.
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { Harness } from './Harness';

export function mount(bundleUrl: string): void {
  let el = document.getElementById('harness');
  if (!el) {
    el = document.createElement('div');
    el.id = 'harness';
    document.body.appendChild(el);
  }
  createRoot(el).render(<Harness bundleUrl={bundleUrl} />);
}
