import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';

afterEach(() => cleanup());

// jsdom lacks the Web Animations API that Designsystemet's components use to sync animations.
if (!('getAnimations' in document)) {
  Object.defineProperty(document, 'getAnimations', { value: () => [], configurable: true });
}
