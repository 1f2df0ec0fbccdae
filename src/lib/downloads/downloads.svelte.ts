/** A download menu's state: which download is being made (its button is busy), and why the last one failed. */
export class Downloads {
  busy = $state<string | null>(null);
  error = $state<string | null>(null);

  /** Makes one download, `key` marking its button busy; a failure shows `failed`. */
  async run(key: string, failed: string, make: () => Promise<void>): Promise<void> {
    this.busy = key;
    this.error = null;
    try {
      await make();
    } catch {
      this.error = failed;
    } finally {
      this.busy = null;
    }
  }
}
