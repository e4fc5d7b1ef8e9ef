import type { CliCommand } from '../io';
import { assessCommand } from './assess';
import { contentCheckCommand } from './content-check';
import { findingsCommand } from './findings';
import { graphImportCommand, graphPullCommand } from './graph';
import { inventoryPullCommand } from './inventory-pull';
import { reportCommand } from './report';
import { slaCommand } from './sla';
import { templateCheckCommand } from './template-check';

/**
 * Every `demarc` command. A command lives in its own file under `cli/commands/` and is
 * listed here; names with a space (`content check`) are matched on the first words.
 */
export const commands: CliCommand[] = [
  inventoryPullCommand,
  graphPullCommand,
  graphImportCommand,
  contentCheckCommand,
  findingsCommand,
  assessCommand,
  reportCommand,
  slaCommand,
  templateCheckCommand,
];
