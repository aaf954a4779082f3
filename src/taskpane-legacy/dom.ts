// The few DOM helpers the legacy pane is built with. Plain DOM Level 2 (createElement, setAttribute,
// appendChild, addEventListener): what Internet Explorer 11 has, so that nothing needs a polyfill here.

export type Child = Node | string | null | undefined | false;

/** Attributes as strings; `null`/`false` leaves one out, `true` sets it empty ("disabled"). */
export type Attrs = Record<string, string | number | boolean | null | undefined>;

/** An element with attributes and children (strings become text nodes). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  children?: Child[] | Child,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (attrs) {
    for (const name in attrs) {
      if (!Object.prototype.hasOwnProperty.call(attrs, name)) continue;
      const value = attrs[name];
      if (value === null || value === undefined || value === false) continue;
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(node, children);
  return node;
}

export function append(parent: Node, children?: Child[] | Child): void {
  const list = Array.isArray(children) ? children : [children];
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  }
}

/** Removes every child (IE11 has no Element.replaceChildren / remove()). */
export function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

/** Replaces a container's content. */
export function fill(node: Node, children: Child[] | Child): void {
  clear(node);
  append(node, children);
}

/** A button that runs `onPress` on a click (Enter and Space on a focused <button> are clicks too). */
export function button(attrs: Attrs, children: Child[] | Child, onPress: () => void): HTMLButtonElement {
  const b = el('button', Object.assign({ type: 'button' }, attrs), children);
  b.addEventListener('click', onPress);
  return b;
}
