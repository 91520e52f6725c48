import { fileURLToPath } from 'node:url';

/**
 * A file the server reads beside its code (src/ under tsx, dist/ compiled), by its path from there. Worked
 * out from this module's place, which is the code's top folder, rather than from each module's: the
 * server `serve` runs is one bundle at dist/clusterbridge.js, whose modules all share its import.meta.url,
 * so a path relative to the module that reads it would point elsewhere once bundled.
 */
export const codeFile = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
