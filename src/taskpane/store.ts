// A reducer's state held by a React component, readable at once: `get()` returns the state as of the last
// dispatch, before React re-renders, so that a second click in the same tick sees the first one's work, and
// callbacks that outlive a render (a frame bridge, an awaited promise) read the current state without a ref of
// their own. After the component unmounts, dispatch does nothing.
import * as React from 'react';

export interface Store<S, A> {
  state: S;
  /** Applies the action; returns the new state (the same object when the reducer refused the action). */
  dispatch: (action: A) => S;
  get: () => S;
}

export function useStore<S, A>(reducer: (state: S, action: A) => S, init: () => S): Store<S, A> {
  const [state, setState] = React.useState<S>(init);
  const current = React.useRef<S>(state);
  const mounted = React.useRef(true);
  React.useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const dispatch = React.useCallback(
    (action: A): S => {
      if (!mounted.current) return current.current;
      const next = reducer(current.current, action);
      if (next !== current.current) {
        current.current = next;
        setState(next);
      }
      return next;
    },
    [reducer],
  );
  const get = React.useCallback(() => current.current, []);
  return { state, dispatch, get };
}
