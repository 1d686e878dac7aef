import path from 'node:path';
import { defineConfig, type ProxyOptions } from 'vite';
import react from '@vitejs/plugin-react';

const root = import.meta.dirname;
const repo = path.resolve(root, '../..');
/** Where `vite` (dev / preview) forwards API, webhook and Socket.IO calls; API_URL overrides. */
const api: ProxyOptions = { target: process.env.API_URL ?? 'http://localhost:3000', changeOrigin: false };
const proxy: Record<string, ProxyOptions> = {
  '/api': api,
  '/webhooks': api,
  '/health': api,
  '/socket.io': { ...api, ws: true },
};

export default defineConfig({
  root,
  plugins: [react()],
  resolve: {
    alias: [{ find: /^@bluetick\/contracts$/, replacement: path.join(repo, 'libs/contracts/src/index.ts') }],
  },
  build: {
    outDir: path.join(repo, 'dist/web'),
    emptyOutDir: true,
    sourcemap: true,
  },
  server: { port: 4200, proxy, fs: { allow: [repo] } },
  preview: { port: 4200, proxy },
});
