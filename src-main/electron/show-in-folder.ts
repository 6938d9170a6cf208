/** Shows a finished export in the operating system's file manager (Dialogs.showInFolder). */
import { shell } from 'electron';

export async function showInFolder(target: { path: string; folder: boolean }): Promise<void> {
  // A file is selected in its folder; a dataset folder is opened itself.
  if (!target.folder) return shell.showItemInFolder(target.path);
  const problem = await shell.openPath(target.path);
  if (problem) throw new Error(problem);
}
