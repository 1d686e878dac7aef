import fs from 'node:fs';

export default async function globalTeardown() {
  const handle = globalThis.__BLUETICK_PG__;
  if (!handle) return;
  await handle.server.stop();
  fs.rmSync(handle.dir, { recursive: true, force: true });
}
