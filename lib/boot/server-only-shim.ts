// Node processes started outside Next (the launcher, the standalone worker, scripts) load the
// same lib/ modules as the app. Those start with `import "server-only"`, whose plain entry throws
// by design; in these processes nothing can reach a browser, so it is answered with an empty module.
import Module from "node:module";

const resolved = require.resolve("server-only");
const stub = new Module(resolved);
stub.loaded = true;
stub.exports = {};
require.cache[resolved] = stub;
