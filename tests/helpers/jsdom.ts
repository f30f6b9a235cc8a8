/**
 * What jsdom lacks and the pane's components use: Fluent's popups and positioning look for
 * matchMedia and ResizeObserver, its lists scroll items into view, and the file readers take a
 * picked file's bytes with Blob.arrayBuffer and decode them with TextDecoder.
 */
import { TextDecoder, TextEncoder } from 'util';

export function installJsdomShims(): void {
  if (!window.matchMedia) {
    Object.defineProperty(window, 'matchMedia', {
      configurable: true,
      writable: true,
      value: (query: string) => ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => {},
        removeListener: () => {},
        addEventListener: () => {},
        removeEventListener: () => {},
        dispatchEvent: () => false,
      }),
    });
  }
  if (!('ResizeObserver' in window)) {
    // writable: Fluent's positioning assigns its own stand-in when NODE_ENV is 'test'
    Object.defineProperty(window, 'ResizeObserver', {
      configurable: true,
      writable: true,
      value: class {
        observe() {}
        unobserve() {}
        disconnect() {}
      },
    });
  }
  if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => {};
  if (!Blob.prototype.arrayBuffer) {
    Blob.prototype.arrayBuffer = function (this: Blob) {
      return new Promise<ArrayBuffer>((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result as ArrayBuffer);
        reader.onerror = () => reject(reader.error);
        reader.readAsArrayBuffer(this);
      });
    };
  }
  const g = globalThis as unknown as Record<string, unknown>;
  g.TextDecoder ??= TextDecoder;
  g.TextEncoder ??= TextEncoder;
}
