/**
 * Compile-time only: src/index.ts must export every function of SidebarServer, each accepting what
 * the sidebars send and returning what they expect. `npm run typecheck` fails on any drift.
 */
import type * as Server from './index';
import type { SidebarServer } from './sidebar-contract';

type Exports = typeof Server;
type Conforms<T extends SidebarServer> = T;
export type CheckedSidebarServer = Conforms<Pick<Exports, keyof SidebarServer>>;
