// The map page draws with WebGL in the browser: nothing to render on the server.
export const ssr = false;
