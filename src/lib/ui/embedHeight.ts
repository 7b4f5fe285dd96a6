import { HEIGHT_MESSAGE_KEY } from '$lib/map/embedSnippet';

/**
 * Tells the parent page the height of `element` now and whenever it changes. Nothing is sent when the page
 * is not framed. Returns the function that stops it.
 */
export function postHeightToParent(element: HTMLElement): () => void {
  if (window.parent === window) return () => {};
  let last = -1;
  const send = () => {
    const height = Math.ceil(element.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    // Any page may frame an embed, and the height is no secret: '*' is the target origin.
    window.parent.postMessage({ [HEIGHT_MESSAGE_KEY]: height }, '*');
  };
  const observer = new ResizeObserver(send);
  observer.observe(element);
  send();
  return () => observer.disconnect();
}
