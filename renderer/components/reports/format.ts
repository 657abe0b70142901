/** The last part of a path (Windows or POSIX), for showing; the full path goes in a title. */
export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}
