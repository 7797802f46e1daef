/** Globals from the libraries build.mjs inlines with <!-- @vendor … --> (jQuery/select2 are typed by @types). */
import type { FlatpickrFn } from 'flatpickr/dist/types/instance';

declare global {
  const flatpickr: FlatpickrFn;
}
