// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Viewer } from '$lib/server/auth/roles';

declare global {
  namespace App {
    interface Locals {
      /** The signed-in account, or null for an anonymous visitor. */
      viewer: Viewer;
    }
  }
}

export {};
