import { ensureEmbeddedTemplate } from '../../src/db/embedded-template.ts';

/**
 * Before any test file starts: the embedded database's template for the current migrations, so
 * each file's new PGlite database is a copy rather than a new cluster (src/db/embedded-template.ts).
 * `npm install` has usually made it already; after a new migration it is made here, once.
 */
export default async function setup(): Promise<void> {
  await ensureEmbeddedTemplate();
}
