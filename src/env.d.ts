/// <reference types="astro/client" />

interface ImportMetaEnv {
  /** True when pages are served by `astro dev` (npm run cms); set by src/integrations/security-headers.ts. */
  readonly MODUS_DEV_SERVER: boolean;
}

/** The build's settings, read once by astro.config.mjs and served by src/integrations/settings.ts. */
declare module 'virtual:modus/settings' {
  const settings: import('./settings.ts').Settings;
  export default settings;
}
