/** 'view' jobs (the picture the investigator is looking at) go before grid thumbnails. */
export type JobPriority = 'view' | 'thumb';

/**
 * FIFO per priority; `take` serves every queued view job before any thumbnail.
 * A third lane holds jobs that must run alone in a worker (a worker died with them and
 * others in flight): the pool serves it first, to an empty worker. `remove` lets a caller
 * that lost interest withdraw its job from any lane.
 */
export class JobQueue<T> {
  private readonly lanes: Record<JobPriority | 'alone', T[]> = { alone: [], view: [], thumb: [] };

  /** Jobs waiting in every lane. */
  get size(): number {
    return this.lanes.alone.length + this.lanes.view.length + this.lanes.thumb.length;
  }

  /** Jobs waiting to run alone. */
  get aloneCount(): number {
    return this.lanes.alone.length;
  }

  push(item: T, priority: JobPriority): void {
    this.lanes[priority].push(item);
  }

  /** Puts a job back at the head of its lane (its worker vanished before taking it). */
  pushFront(item: T, priority: JobPriority | 'alone'): void {
    this.lanes[priority].unshift(item);
  }

  pushAlone(item: T): void {
    this.lanes.alone.push(item);
  }

  take(): T | undefined {
    return this.lanes.view.shift() ?? this.lanes.thumb.shift();
  }

  takeAlone(): T | undefined {
    return this.lanes.alone.shift();
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

  /** Empties the queue, returning what was in it: jobs to run alone, then views, then thumbnails. */
  drain(): T[] {
    const all = [...this.lanes.alone, ...this.lanes.view, ...this.lanes.thumb];
    this.lanes.alone = [];
    this.lanes.view = [];
    this.lanes.thumb = [];
    return all;
  }
}
