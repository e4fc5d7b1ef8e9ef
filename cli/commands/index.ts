import type { CliCommand } from '../io';
import { inventoryPullCommand } from './inventory-pull';

/**
 * Every `demarc` command. A command lives in its own file under `cli/commands/` and is
 * listed here; names with a space (`content check`) are matched on the first words.
 */
export const commands: CliCommand[] = [inventoryPullCommand];
