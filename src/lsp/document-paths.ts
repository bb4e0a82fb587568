import { isAbsolute, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The file a document URI names, or undefined for documents that are not files (`untitled:`). */
export function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

/** How a recipe is named in messages: relative to the workspace folder that holds it, as a run from there names it. */
export function displayPath(path: string, folders: readonly string[]): string {
  for (const folder of folders) {
    const inside = relative(folder, path);
    if (inside !== '' && !inside.startsWith('..') && !isAbsolute(inside)) return inside.split(sep).join('/');
  }
  return path;
}
