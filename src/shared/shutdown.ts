/**
 * Stops the server on SIGTERM (a service manager, a container orchestrator) and SIGINT (Ctrl-C):
 * `stop` stops taking new connections, lets requests in flight finish, and closes the database;
 * the process then exits 0. When `stop` takes longer than the grace period the process exits 1,
 * cutting what is left.
 *
 * Ctrl-C under `npm start` reaches the server twice: from the terminal and forwarded by npm. A
 * repeat within a second is that same request; a later one means "now", and exits at once.
 */
export function stopOnSignals(options: {
  graceSeconds: number;
  stop: (signal: NodeJS.Signals) => Promise<void>;
  log: { info(message: string): void; error(object: object, message: string): void };
}): void {
  let stoppingSince: number | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stoppingSince !== undefined) {
      if (Date.now() - stoppingSince < 1000) return;
      options.log.error({ signal }, 'stopping at once on a second signal; requests in flight are cut');
      process.exit(1);
    }
    stoppingSince = Date.now();
    options.log.info(`${signal}: stopping; requests in flight may take up to ${options.graceSeconds} s`);
    const deadline = setTimeout(() => {
      options.log.error(
        { graceSeconds: options.graceSeconds },
        'requests still in flight after the grace period; exiting',
      );
      process.exit(1);
    }, options.graceSeconds * 1000);
    deadline.unref();
    options.stop(signal).then(
      () => {
        options.log.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        options.log.error({ err: error }, 'stopping failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
