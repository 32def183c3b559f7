/**
 * A token bucket: `rate` tokens a second, holding at most `capacity`. Synchronous and
 * allocation-free, because it runs for every message on the collab hot path (a promise per
 * message, as general-purpose rate-limit libraries return, would cost more than the relay).
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly rate: number,
    private readonly capacity: number,
    private readonly now: () => number = performance.now.bind(performance),
  ) {
    this.tokens = capacity;
    this.last = this.now();
  }

  /** Takes `cost` tokens if there are enough; otherwise takes nothing and says no. */
  take(cost: number): boolean {
    this.refill();
    if (this.tokens < cost) return false;
    this.tokens -= cost;
    return true;
  }

  /** Whether the bucket has refilled completely (nothing to remember about its owner). */
  get full(): boolean {
    this.refill();
    return this.tokens >= this.capacity;
  }

  private refill() {
    const now = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
  }
}

/** Messages and bytes, for one connection or one person. */
export class SendAllowance {
  private readonly messages: TokenBucket;
  private readonly bytes: TokenBucket;

  constructor(messagesPerSecond: number, bytesPerSecond: number, burstSeconds: number, now?: () => number) {
    this.messages = new TokenBucket(messagesPerSecond, messagesPerSecond * burstSeconds, now);
    this.bytes = new TokenBucket(bytesPerSecond, bytesPerSecond * burstSeconds, now);
  }

  /** Charges `size` bytes and `messages` messages; false when either budget is spent. */
  take(size: number, messages: number): boolean {
    return (messages === 0 || this.messages.take(messages)) && (size === 0 || this.bytes.take(size));
  }

  get full(): boolean {
    return this.messages.full && this.bytes.full;
  }
}
