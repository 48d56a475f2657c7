/**
 * Makes the embedded database's template for this installation (run by `npm install`; see
 * src/db/embedded-template.ts). A failure here only means new databases are created the slow
 * way, so it is reported and the installation goes on.
 */
import { ensureEmbeddedTemplate } from '../src/db/embedded-template.ts';

const started = performance.now();
try {
  const { folder, made } = await ensureEmbeddedTemplate();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    made
      ? `Embedded database template made in ${seconds} s: ${folder}`
      : `Embedded database template is current: ${folder}`,
  );
} catch (error) {
  console.warn(
    `The embedded database template could not be made; new databases are created without it. ${String(error)}`,
  );
}
