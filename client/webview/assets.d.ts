/** esbuild bundles imported CSS into dist/webview/main.css next to the script. */
declare module '*.css';
