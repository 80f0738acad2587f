// Preloaded into a build (NODE_OPTIONS=--require) to prove it never reaches another host:
// any fetch or socket to an address outside loopback throws.
const net = require("node:net");
const loopback = (host) => !host || host === "localhost" || host.startsWith("127.") || host === "::1";
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const options = typeof args[0] === "object" ? args[0] : { port: args[0], host: typeof args[1] === "string" ? args[1] : undefined };
  if (options.path === undefined && !loopback(options.host)) throw new Error(`network access during build: ${options.host}:${options.port}`);
  return connect.apply(this, args);
};
const originalFetch = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const url = new URL(typeof input === "string" || input instanceof URL ? input : input.url);
  if (!loopback(url.hostname)) throw new Error(`network access during build: ${url.href}`);
  return originalFetch(input, init);
};
