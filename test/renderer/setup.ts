import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';

afterEach(() => cleanup());

// jsdom lacks the Web Animations API that Designsystemet's components use to sync animations.
if (!('getAnimations' in document)) {
  Object.defineProperty(document, 'getAnimations', { value: () => [], configurable: true });
}

// jsdom has <dialog> but not its modal methods, which Designsystemet's Dialog calls to open and close.
if (typeof HTMLDialogElement !== 'undefined' && !HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.open = false;
  };
}
