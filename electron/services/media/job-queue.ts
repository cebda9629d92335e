/**
 * 'view' jobs (the picture the investigator is looking at) go before grid thumbnails, and
 * 'background' jobs (the PDQ pass over pictures nobody asked to see yet) after both.
 */
export type JobPriority = 'view' | 'thumb' | 'background';

/**
 * FIFO per priority; `take` serves every queued view job before any thumbnail, and every
 * thumbnail before any background job. A further lane holds jobs that must run alone in a
 * worker (a worker died with them and others in flight): the pool serves it first, to an
 * empty worker. `remove` lets a caller that lost interest withdraw its job from any lane.
 */
export class JobQueue<T> {
  private readonly lanes: Record<JobPriority | 'alone', T[]> = { alone: [], view: [], thumb: [], background: [] };

  /** Jobs waiting in every lane. */
  get size(): number {
    return this.lanes.alone.length + this.lanes.view.length + this.lanes.thumb.length + this.lanes.background.length;
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

  /** The next job by priority; background jobs only when `allowBackground` (the pool keeps room for the others). */
  take(allowBackground = true): T | undefined {
    return this.lanes.view.shift() ?? this.lanes.thumb.shift() ?? (allowBackground ? this.lanes.background.shift() : undefined);
  }

  takeAlone(): T | undefined {
    return this.lanes.alone.shift();
  }

  /** Queued jobs, in every lane, that pass `test`. */
  countWhere(test: (item: T) => boolean): number {
    return Object.values(this.lanes).reduce((sum, lane) => sum + lane.filter(test).length, 0);
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

  /** Empties the queue, returning what was in it: jobs to run alone, then views, thumbnails and background jobs. */
  drain(): T[] {
    const all = [...this.lanes.alone, ...this.lanes.view, ...this.lanes.thumb, ...this.lanes.background];
    this.lanes.alone = [];
    this.lanes.view = [];
    this.lanes.thumb = [];
    this.lanes.background = [];
    return all;
  }
}
