// Preloaded into a process or worker under test: every way out to the network throws.
"use strict";
const refuse = (what) => function () { throw new Error(`network use refused: ${what}`); };
for (const name of ["net", "tls", "http", "https", "http2", "dgram"]) {
  const mod = require(name);
  for (const fn of ["connect", "createConnection", "request", "get", "createSocket", "createServer"]) {
    if (typeof mod[fn] === "function") mod[fn] = refuse(`${name}.${fn}`);
  }
}
require("net").Socket.prototype.connect = refuse("net.Socket.connect");
const dns = require("dns");
for (const fn of Object.keys(dns)) if (typeof dns[fn] === "function" && /^(lookup|resolve)/.test(fn)) dns[fn] = refuse(`dns.${fn}`);
for (const fn of Object.keys(dns.promises)) if (typeof dns.promises[fn] === "function") dns.promises[fn] = refuse(`dns.promises.${fn}`);
globalThis.fetch = refuse("fetch");
globalThis.WebSocket = refuse("WebSocket");
