/** 'view' jobs (the picture the investigator is looking at) go before grid thumbnails. */
export type JobPriority = 'view' | 'thumb';

/**
 * FIFO per priority; `take` serves every queued view job before any thumbnail.
 * `remove` lets a caller that lost interest withdraw its job.
 */
export class JobQueue<T> {
  private readonly lanes: Record<JobPriority, T[]> = { view: [], thumb: [] };

  get size(): number {
    return this.lanes.view.length + this.lanes.thumb.length;
  }

  push(item: T, priority: JobPriority): void {
    this.lanes[priority].push(item);
  }

  /** Puts a job back at the head of its lane (its worker vanished before taking it). */
  pushFront(item: T, priority: JobPriority): void {
    this.lanes[priority].unshift(item);
  }

  take(): T | undefined {
    return this.lanes.view.shift() ?? this.lanes.thumb.shift();
  }

  /** True when the item was still queued. */
  remove(item: T): boolean {
    for (const lane of Object.values(this.lanes)) {
      const index = lane.indexOf(item);
      if (index >= 0) {
        lane.splice(index, 1);
        return true;
      }
    }
    return false;
  }

  /** Empties the queue, returning what was in it, views first. */
  drain(): T[] {
    const all = [...this.lanes.view, ...this.lanes.thumb];
    this.lanes.view = [];
    this.lanes.thumb = [];
    return all;
  }
}
