// Preloaded into Doyensec's electronegativity by scripts/electronegativity.mjs. The tool fetches its
// translations and Electron's release list with got; here (loopback only) the translation request's
// 1 s timeout and got's retry threw from a timer ("The `onCancel` handler was attached after the promise
// settled"), killing the scan before it wrote its report (CI failed twice in a row on it). Every request
// now fails at once, as offline: the tool goes on without them, as its own catch blocks intend.
const Module = process.getBuiltinModule('node:module');

const offline = () => Promise.reject(Object.assign(new Error('offline: the security scan runs without network'), { code: 'ENOTFOUND' }));
const got = Object.assign(offline, { head: offline, get: offline });
got.default = got;

const load = Module._load;
Module._load = function (request, parent, isMain) {
  return request === 'got' ? got : load.call(this, request, parent, isMain);
};
