// Stands in for ajv in the built app: scripts/build.mjs bundles conf and points its two ajv imports
// here. conf uses ajv only to compile a JSON schema, and the core gives it none (settings.json is checked
// with zod: core/settings/validated-store.ts), so the ≈100 modules of ajv need not load at every start.
const refuse = (): never => {
  throw new Error('conf was given a JSON schema, but ajv is left out of this build: check the values with zod (core/settings/validated-store.ts) instead.');
};

/** conf's `import { Ajv2020 as Ajv } from 'ajv/dist/2020.js'`. */
export class Ajv2020 {
  constructor() {
    refuse();
  }
}

/** conf's `import ajvFormatsModule from 'ajv-formats'`, used as `ajvFormatsModule.default`. */
export default { default: refuse };
