/**
 * Bookkeeping of sent and received tagged updates. Writers and receivers share this
 * process, so send and receipt times come from one monotonic clock (performance.now()).
 */
import { performance } from "node:perf_hooks";
import type { LeanClient } from "./clients";

export interface StepStats {
  sent: number;
  /** Sum over sent updates of the receivers in the writer's room (everyone but the writer). */
  expected: number;
  /** Distinct receipts in per-writer order. */
  delivered: number;
  /** Receipts of a sequence number already seen by that client. */
  duplicates: number;
  /** Receipts that skipped sequence numbers of a writer (updates lost or reordered). */
  gaps: number;
  /** The writer's own update sent back to it (y-websocket-server does this); not a delivery. */
  echoes: number;
  /** Receipts after the step's drain window closed: not lost, but too late to count as delivered. */
  late: number;
  /** Fan-out latency of each delivery, ms. */
  latenciesMs: number[];
  /** False once the step is over; the figures above are final then (except `late`). */
  open: boolean;
}

const emptyStats = (): StepStats => ({ sent: 0, expected: 0, delivered: 0, duplicates: 0, gaps: 0, echoes: 0, late: 0, latenciesMs: [], open: true });

export class DeliveryTracker {
  private readonly sendAt: number[][] = [];
  private readonly stepOf: StepStats[][] = [];
  private readonly receivers: number[] = [];
  /** Receipts of updates sent outside any measured step (bootstrap) land here and are ignored. */
  private current: StepStats = emptyStats();

  /** Registers a writer whose updates `receivers` other clients should get; returns its global id. */
  addWriter(client: LeanClient, receivers: number): number {
    const id = this.sendAt.length;
    this.sendAt.push([]);
    this.stepOf.push([]);
    this.receivers.push(receivers);
    client.writerId = id;
    return id;
  }

  private readonly steps: StepStats[] = [];

  beginStep(): StepStats {
    this.current = emptyStats();
    this.steps.push(this.current);
    return this.current;
  }

  /** Deliveries of measured steps that have not arrived yet, in time or late. */
  outstanding(): number {
    return this.steps.reduce((sum, s) => sum + s.expected - s.delivered - s.late, 0);
  }

  endStep(): void {
    this.current.open = false;
    this.current = emptyStats();
  }

  /** Records a send and returns the sequence number to put in the tag. */
  nextSend(writer: number): number {
    const times = this.sendAt[writer]!;
    const seq = times.length;
    times.push(performance.now());
    this.stepOf[writer]!.push(this.current);
    this.current.sent++;
    this.current.expected += this.receivers[writer]!;
    return seq;
  }

  readonly onTag = (receiver: LeanClient, writer: number, seq: number, at: number): void => {
    const stats = this.stepOf[writer]?.[seq];
    const sentAt = this.sendAt[writer]?.[seq];
    if (!stats || sentAt === undefined) return; // not one of ours (cannot happen) — ignore rather than crash
    if (receiver.writerId === writer) {
      stats.echoes++;
      return;
    }
    const last = receiver.lastSeq.get(writer) ?? -1;
    if (seq <= last) {
      stats.duplicates++;
      return;
    }
    receiver.lastSeq.set(writer, seq);
    if (!stats.open) {
      stats.late++;
      return;
    }
    if (seq !== last + 1) stats.gaps++;
    stats.delivered++;
    stats.latenciesMs.push(at - sentAt);
  };
}
