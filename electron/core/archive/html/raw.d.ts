// Vite (build and vitest) imports a file's text with `?raw`: the export inlines the panel's own CSS.
declare module '*.css?raw' {
  const text: string;
  export default text;
}
