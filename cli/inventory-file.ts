/** Reading one Resource Graph inventory file, and the matrix option, for the commands that take them. */
import { readFileSync } from 'node:fs';
import type { ContentPack } from '../core/content/types';
import { readInventory, serviceModelLookup } from '../core/inventory/normalise';
import { InventoryParseError } from '../core/inventory/parse';
import { reservedKeysNote } from '../core/inventory/reserved-keys';
import type { CliIo } from './io';
import { CliUsageError } from './io';
import { userPath } from './pack';

/** Reads and normalises an inventory file, turning parse errors into user errors that name the file. */
export function loadInventoryFile(file: string, pack: ContentPack, io: CliIo): ReturnType<typeof readInventory> {
  let text: string;
  try {
    text = readFileSync(userPath(file, io), 'utf8');
  } catch (e) {
    throw new CliUsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 1);
  }
  try {
    const inventory = readInventory(text, serviceModelLookup(pack.serviceModels));
    const note = reservedKeysNote(inventory.droppedKeys);
    if (note) io.stderr(`${file}: ${note}\n`);
    return inventory;
  } catch (e) {
    if (e instanceof InventoryParseError) throw new CliUsageError(`${file}: ${e.message}`, 1);
    throw e;
  }
}

/** Resolves the matrix option against the pack. */
export function matrixFrom(pack: ContentPack, id: string | undefined) {
  const matrixId = id ?? pack.header.defaultMatrix;
  const matrix = pack.matrices.get(matrixId);
  if (!matrix) throw new CliUsageError(`unknown matrix '${matrixId}' (known: ${[...pack.matrices.keys()].join(', ')})`);
  return matrix;
}
