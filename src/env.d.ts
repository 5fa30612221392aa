/// <reference types="astro/client" />

interface ImportMetaEnv {
  /** True when pages are served by `astro dev` (npm run cms); set by src/integrations/security-headers.ts. */
  readonly MODUS_DEV_SERVER: boolean;
}
