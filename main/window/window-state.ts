import { z } from 'zod';

/** The window as the user left it: its normal (unmaximised) bounds and whether it was maximised. */
export const WindowStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The smallest window the layout is made for (the pages never scroll sideways from 820 px up). */
export const MIN_WINDOW = { width: 820, height: 560 } as const;
export const DEFAULT_WINDOW = { width: 1280, height: 820 } as const;

/** How much of the window's top strip (where the title bar is) must lie on a display for it to be grabbable. */
const GRAB = { width: 120, height: 32 };

/**
 * Where the window opens: the saved bounds if their title bar is still on a connected display's work area (a
 * monitor unplugged since leaves them off-screen, and a window nobody can reach is worse than a default one);
 * otherwise the default size, centred by the OS. The size is kept within the minimum and the display.
 */
export function windowBoundsToRestore(
  saved: WindowState | undefined,
  workAreas: readonly Rectangle[],
): { bounds: Partial<Rectangle> & { width: number; height: number }; maximized: boolean } {
  if (!saved) return { bounds: { ...DEFAULT_WINDOW }, maximized: false };
  const titleBar = { x: saved.x, y: saved.y, width: saved.width, height: GRAB.height };
  const display = workAreas.find((area) => {
    const overlap = intersection(titleBar, area);
    return overlap.width >= Math.min(GRAB.width, saved.width) && overlap.height >= GRAB.height;
  });
  if (!display) {
    return { bounds: { ...DEFAULT_WINDOW }, maximized: saved.maximized };
  }
  const width = clamp(saved.width, MIN_WINDOW.width, Math.max(MIN_WINDOW.width, display.width));
  const height = clamp(saved.height, MIN_WINDOW.height, Math.max(MIN_WINDOW.height, display.height));
  return { bounds: { x: saved.x, y: saved.y, width, height }, maximized: saved.maximized };
}

function intersection(a: Rectangle, b: Rectangle): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), max);
