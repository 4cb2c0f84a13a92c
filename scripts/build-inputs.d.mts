// Types of build-inputs.mjs, which the updater (electron/core/update/release.ts) shares with the build script.
export declare const MANIFEST: string;
export declare const FORMAT: number;
export declare const RESOLVABLE: RegExp;
export declare const ENV_FILE: RegExp;
export declare function listing(cwd: string, dir: string): string | null;
export declare function inputHash(key: string, data: Buffer): string;
export declare function buildEnvOf(env: NodeJS.ProcessEnv, rootNames: readonly string[]): unknown;
export declare function inputsManifest(cwd: string, moduleIds: readonly string[], outputs: readonly string[], env?: NodeJS.ProcessEnv): unknown;
export declare function whyNotReusable(cwd: string, prevBuildDir: string, env?: NodeJS.ProcessEnv): string | null;
export declare function linkOutputs(prevBuildDir: string, outDir: string): number;
export declare function writeIdentity(outDir: string, cwd: string, commit: string | null): void;
