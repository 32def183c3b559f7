/**
 * The `/collab/<docName>` endpoint: takes authorised upgrades from the upgrade router,
 * keeps a registry of rooms (load on first join, messages wait while loading, unload after
 * the last member leaves), enforces connection limits, closes sockets whose session ended
 * or whose access went away, and flushes everything on shutdown.
 *
 * With several instances (services.cluster), rooms of the same document talk to each other
 * (room.ts, RoomPeers), connection limits are counted across instances, and whole-document
 * work (derivation, compaction, automatic versions) runs on one instance at a time.
 */
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import * as Y from "yjs";
import type { Services } from "../services";
import { refuseUpgrade, type CollabUpgradeHandler } from "../upgrade-router";
import { LATER, Room, type RoomPeers } from "./room";
import { FlushScheduler } from "./flush-scheduler";
import { Connection } from "./connection";
import { createDocumentStore, type DocumentStore } from "./document-store";
import { deriveContent } from "./derive";
import { noteDerivationFailed, noteDerivationSucceeded } from "./derivation-health";
import { accessFor, type GateResult } from "./gate";
import type { DocumentTypes, ResolvedDocument } from "#server/documents/document-type";
import { resolveDocument } from "#server/documents/registry";
import { sourceNameOf } from "#shared/collab/doc-names";
import { ACK_PARAM, COLLAB_CLOSE, COLLAB_LIMITS } from "#shared/collab/protocol";
import { colourFor } from "#shared/collab/user-colour";
import { sessionStillValid } from "../domain/auth/sessions";
import { loadActor } from "../domain/auth/actor";
import { DEFAULT_COLLAB_LIMITS, type CollabLimits } from "./limits";
import { SendAllowance } from "./token-bucket";

export interface CollabOptions {
  maxSocketsPerUser: number;
  maxSocketsPerDocument: number;
  /** How often every open connection's session and access are checked again. */
  recheckEveryMs: number;
  /** A changed document that stays untouched this long gets an automatic version. */
  idleAfterMs: number;
  /** What one connection, person and document may cost (limits.ts). */
  limits: Partial<CollabLimits>;
}

export const DEFAULT_COLLAB_OPTIONS: CollabOptions = {
  maxSocketsPerUser: 20,
  maxSocketsPerDocument: 300,
  recheckEveryMs: 30_000,
  idleAfterMs: 10 * 60_000,
  limits: {},
};

/**
 * Opening a connection costs as much as this many messages from the person's allowance: a
 * client that is closed for flooding cannot start over at full speed by reconnecting.
 */
const CONNECT_COST_MESSAGES = 20;

/**
 * How long one instance keeps whole-document work once it did it (renewed each time): long
 * enough that two instances never derive or compact the same document at once, short enough
 * that a survivor takes over soon after the holder died.
 */
const DERIVE_LEASE_MS = 15_000;
const COMPACT_LEASE_MS = 30_000;
const IDLE_LEASE_MS = 60_000;
/** Connections counted across instances expire unless their instance renews them this often. */
const COUNT_TTL_MS = 30_000;
const COUNT_REFRESH_MS = 10_000;

export type IdleListener = (name: string, doc: Y.Doc, contributors: ReadonlySet<string>) => Promise<void>;

/** How domain code (versions, restore, exports) reaches documents, open or not. */
export interface DocumentAccess {
  /** A private copy of the current content: the live room's when open (unsaved edits included), else the stored one. */
  read(name: string): Promise<Y.Doc>;
  /**
   * Applies a change to the live document as one update that every editor sees and that is
   * stored like any other. `contributorId` null: the caller records the change in the history
   * itself (restore), so it must not also count towards the next automatic version.
   */
  change(name: string, contributorId: string | null, change: (doc: Y.Doc) => void): Promise<void>;
  /** Who changed the document since the last version, handed over (and reset) for a version made now. */
  takeContributors(name: string): ReadonlySet<string>;
  /** Subscribes to "changed, then idle" (and "last editor left"). */
  onIdle(listener: IdleListener): () => void;
  /**
   * Re-checks every connection to the document against the policy now and resolves once
   * those who lost a right are closed: after a document is frozen, nothing a writer sends
   * later reaches it (a version taken afterwards is what stands).
   */
  recheckAccess(name: string): Promise<void>;
}

export interface CollabServer extends DocumentAccess {
  handleUpgrade: CollabUpgradeHandler;
  store: DocumentStore;
  /** Open rooms by document name (tests and benchmarks look inside). */
  rooms: ReadonlyMap<string, Room>;
  connectionCount(): number;
  /** Stores every pending update and derived text, closes all sockets. */
  close(): Promise<void>;
}

type Grant = Extract<GateResult, { ok: true }>;

/** Origin of server-side changes that are recorded in the history by their caller. */
const SERVER_CHANGE = Symbol("server-change");

export function createCollabServer(services: Services, types: DocumentTypes, options: Partial<CollabOptions> = {}): CollabServer {
  const limits = { ...DEFAULT_COLLAB_OPTIONS, ...options };
  const costs: CollabLimits = { ...DEFAULT_COLLAB_LIMITS, ...options.limits };
  const { cluster } = services;
  /** Since when other people's unstored edits may be handed back: this start, or the last instance that died. */
  let recoverySince = Date.now();
  const offPeerLost = cluster.onPeerLost(() => {
    recoverySince = Date.now();
  });
  const offReconnect = cluster.onReconnect(() => {
    // Redis was away: each room tells its peers what it has and gets what it missed.
    for (const room of rooms.values()) room.syncWithPeers();
  });
  const peersOf = (name: string): RoomPeers => {
    const channel = `collab:${name}`;
    return {
      instanceId: cluster.instanceId,
      shared: cluster.shared,
      subscribe: (handler) => cluster.subscribe(channel, handler),
      publish: (message) => cluster.publish(channel, message),
      unsubscribe: () => cluster.unsubscribe(channel),
    };
  };
  /** Each person's allowance across all their connections; forgotten once refilled and unused. */
  const allowances = new Map<string, SendAllowance>();
  const allowanceOf = (userId: string) => {
    let allowance = allowances.get(userId);
    if (!allowance) {
      allowance = new SendAllowance(costs.messagesPerSecondPerPerson, costs.bytesPerSecondPerPerson, costs.burstSeconds);
      allowances.set(userId, allowance);
    }
    return allowance;
  };  const store = createDocumentStore(services);
  const flusher = new FlushScheduler(store, COLLAB_LIMITS.flushWindowMs, services.log);
  const wss = new WebSocketServer({ noServer: true, maxPayload: COLLAB_LIMITS.maxMessageBytes, perMessageDeflate: false });
  const rooms = new Map<string, Room>();
  const unloading = new Map<string, Promise<void>>();
  const connections = new Set<Connection>();
  const perUser = new Map<string, number>();
  /** Each connection's entry in the person's and the document's cross-instance counts. */
  const counted = new Map<Connection, string>();
  let nextConnection = 0;
  const personSet = (userId: string) => `collab:person:${userId}`;
  const documentSet = (name: string) => `collab:document:${name}`;
  const idleListeners = new Set<IdleListener>();
  let closing = false;

  async function roomFor(document: ResolvedDocument): Promise<Room> {
    const { name, type, id } = document;
    const leaving = unloading.get(name);
    if (leaving) await leaving;
    let room = rooms.get(name);
    if (!room) {
      // A language version is text only: the source type's projections (a work programme's
      // activity rows) are made from the source and must not be overwritten by a version's.
      const docType = document.version ? undefined : types.get(type);
      room = new Room(
        name,
        document.owner,
        store,
        {
          async derive(doc) {
            if (!(await cluster.claimOnce(`derive:${name}`, DERIVE_LEASE_MS))) return LATER;
            try {
              try {
                const { json, text } = deriveContent(doc, document.layout.contentField);
                await store.saveDerived(name, text, JSON.stringify(json));
                await docType?.afterDerive?.(services, id, doc);
              } catch (error) {
                // Logged once and listed for admins (/admin/documents); the next change tries again.
                await noteDerivationFailed(services, name, error);
                return;
              }
              await noteDerivationSucceeded(services, name);
            } finally {
              await cluster.release(`derive:${name}`);
            }
          },
          async idle(doc, contributors) {
            if (!(await cluster.claimOnce(`idle:${name}`, IDLE_LEASE_MS))) return LATER;
            // Released when done: an instance whose people go on editing after this one's left
            // must be able to record their version too (a second one with equal content is skipped).
            try {
              for (const listener of idleListeners) await listener(name, doc, contributors);
            } finally {
              await cluster.release(`idle:${name}`);
            }
          },
          idleAfterMs: limits.idleAfterMs,
          async compact() {
            // The store's row lock keeps two compactions apart anyway; the lease saves the second one the work.
            if (!(await cluster.claimOnce(`compact:${name}`, COMPACT_LEASE_MS))) return LATER;
            const result = await store.compact(name).finally(() => cluster.release(`compact:${name}`));
            return { foldedRows: result.before, foldedBytes: result.foldedBytes, snapshotBytes: result.snapshotBytes };
          },
          inRecoveryWindow: () => Date.now() - recoverySince < costs.recoveryWindowMs,
          retryHandBackLater: cluster.shared,
        },
        services.log,
        flusher,
        costs,
        peersOf(name),
      );
      rooms.set(name, room);
    }
    return room;
  }

  async function unloadIfEmpty(room: Room) {
    if (room.members.size > 0 || rooms.get(room.name) !== room) return;
    const done = (async () => {
      try {
        await room.settle();
        if (room.wantsCompaction) await room.compact();
      } catch (error) {
        services.log.error(`[collab] unloading ${room.name} failed`, error);
      } finally {
        // Someone may have joined while we stored; keep the room for them.
        if (room.members.size === 0) {
          rooms.delete(room.name);
          room.destroy();
        }
        unloading.delete(room.name);
      }
    })();
    unloading.set(room.name, done);
    await done;
  }

  const handleUpgrade: CollabUpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer, grant: Grant) => {
    if (closing) {
      socket.destroy();
      return;
    }
    // A person over their allowance (say, a client reconnecting as fast as it is closed) is
    // refused before the WebSocket handshake: no socket, no room, nearly no cost.
    if (!allowanceOf(grant.auth.user.id).take(0, CONNECT_COST_MESSAGES)) {
      refuseUpgrade(socket, 429);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      // First of all: a frame the client sends meanwhile may be invalid, and an 'error'
      // without a listener ends the process (ws closes the socket itself after one).
      ws.on("error", () => undefined);
      accept(ws, req, grant).catch((error: unknown) => {
        services.log.error(`[collab] accepting a connection to ${grant.name} failed`, error);
        ws.terminate();
      });
    });
  };

  async function accept(ws: import("ws").WebSocket, req: IncomingMessage, grant: Grant) {
    const userId = grant.auth.user.id;
    const personAllowance = allowanceOf(userId);
    const room = await roomFor(grant.document).catch((error: unknown) => {
      services.log.error(`[collab] loading ${grant.name} failed`, error);
      return null;
    });
    if (!room) return ws.close(COLLAB_CLOSE.shuttingDown, "document unavailable");
    const wantsAck = new URLSearchParams((req.url ?? "").split("?")[1] ?? "").get(ACK_PARAM) === "1";
    const connection = new Connection(
      ws,
      room,
      {
        userId,
        sessionId: grant.auth.session.id,
        user: { id: userId, name: grant.auth.user.name, color: colourFor(userId) },
        access: grant.access,
        wantsAck,
        allowances: [new SendAllowance(costs.messagesPerSecondPerConnection, costs.bytesPerSecondPerConnection, costs.burstSeconds), personAllowance],
      },
      (closed) => {
        connections.delete(closed);
        const entry = counted.get(closed);
        if (entry) {
          counted.delete(closed);
          void cluster.removeCounted(personSet(userId), entry);
          void cluster.removeCounted(documentSet(closed.room.name), entry);
        }
        perUser.set(userId, (perUser.get(userId) ?? 1) - 1);
        if (perUser.get(userId) === 0) perUser.delete(userId);
        void unloadIfEmpty(closed.room);
      },
    );
    connections.add(connection);
    perUser.set(userId, (perUser.get(userId) ?? 0) + 1);
    const entry = String(nextConnection++);
    counted.set(connection, entry);
    // Across instances when Redis answers; this instance's own count when it does not.
    const [acrossPerson, acrossDocument] = await Promise.all([
      cluster.addCounted(personSet(userId), entry, COUNT_TTL_MS),
      cluster.addCounted(documentSet(room.name), entry, COUNT_TTL_MS),
    ]);
    const personCount = Math.max(perUser.get(userId) ?? 0, acrossPerson ?? 0);
    const documentCount = Math.max(room.members.size + 1, acrossDocument ?? 0);
    if (personCount > limits.maxSocketsPerUser || documentCount > limits.maxSocketsPerDocument) {
      return connection.close(COLLAB_CLOSE.tooManyConnections, "too many connections");
    }
    try {
      await room.ready;
    } catch (error) {
      services.log.error(`[collab] loading ${grant.name} failed`, error);
      rooms.delete(room.name);
      return connection.close(COLLAB_CLOSE.shuttingDown, "document unavailable");
    }
    connection.start();
  }

  /**
   * Re-evaluates connections after access may have changed: no access closes for good; a
   * different access closes with a code the client reconnects after (and then gets the new
   * rights), so the editor can tell its user instead of silently dropping their edits.
   */
  async function recheck(which: (connection: Connection) => boolean) {
    const affected = [...connections].filter(which);
    // Many connections share a person or a room: look each up once per re-check.
    const actors = new Map<string, Awaited<ReturnType<typeof loadActor>>>();
    const documents = new Map<string, ResolvedDocument | null>();
    for (const connection of affected) {
      const { userId } = connection.info;
      if (!actors.has(userId)) actors.set(userId, await loadActor(services.db, userId));
      const name = connection.room.name;
      if (!documents.has(name)) documents.set(name, await resolveDocument(services, name, types));
      const document = documents.get(name);
      const access = document ? accessFor(actors.get(userId)!, document) : null;
      if (!access) connection.close(COLLAB_CLOSE.accessRevoked, "access revoked");
      else if (access !== connection.info.access) connection.close(COLLAB_CLOSE.accessChanged, "access changed");
    }
  }
  const recheckUser = (userId: string) => recheck((c) => c.info.userId === userId);

  const offRevoked = services.events.on("sessions.revoked", ({ sessionIds }) => {
    const ended = new Set(sessionIds);
    for (const connection of connections) if (ended.has(connection.info.sessionId)) connection.close(COLLAB_CLOSE.sessionEnded, "session ended");
  });
  const offMembership = services.events.on("membership.changed", ({ userId }) => {
    void recheckUser(userId).catch((error: unknown) => services.log.error("[collab] access re-check failed", error));
  });
  const offRights = services.events.on("document.rightsChanged", ({ docName }) => {
    // A document's language versions follow its rights (sourceNameOf: see shared/collab/doc-names.ts).
    void recheck((c) => sourceNameOf(c.room.name) === docName).catch((error: unknown) => services.log.error("[collab] access re-check failed", error));
  });
  const offNetworkRights = services.events.on("network.rightsChanged", ({ networkId }) => {
    // Commons documents too: whether someone writes there depends on their networks being open.
    void recheck((c) => c.room.owner.kind === "commons" || c.room.owner.networkId === networkId).catch((error: unknown) => services.log.error("[collab] access re-check failed", error));
  });

  // Catches what no event announces: expired sessions, disabled accounts, platform-role changes.
  const sweep = setInterval(() => {
    void (async () => {
      const users = new Set<string>();
      const checked = new Map<string, boolean>();
      for (const connection of connections) {
        const { sessionId } = connection.info;
        if (!checked.has(sessionId)) checked.set(sessionId, await sessionStillValid(services, sessionId));
        if (!checked.get(sessionId)) connection.close(COLLAB_CLOSE.sessionEnded, "session ended");
        else users.add(connection.info.userId);
      }
      // One pass over everyone still signed in: each person and each document is looked up
      // once, not once per person (the same check as recheckUser for each of them).
      if (users.size > 0) await recheck((c) => users.has(c.info.userId));
      for (const [userId, allowance] of allowances) if (!perUser.has(userId) && allowance.full) allowances.delete(userId);
    })().catch((error: unknown) => services.log.error("[collab] periodic re-check failed", error));
  }, limits.recheckEveryMs);
  sweep.unref();

  const keepAlive = setInterval(() => {
    for (const connection of connections) connection.ping();
  }, 30_000);
  keepAlive.unref();

  // Our connections stay counted across instances only while we say so: a killed instance's expire.
  const renewCounts = cluster.shared
    ? setInterval(() => {
        const entries = [...counted].flatMap(([connection, member]) => [
          { set: personSet(connection.info.userId), member },
          { set: documentSet(connection.room.name), member },
        ]);
        void cluster.refreshCounted(entries, COUNT_TTL_MS);
      }, COUNT_REFRESH_MS)
    : null;
  renewCounts?.unref();

  async function roomByName(name: string): Promise<Room> {
    const document = await resolveDocument(services, name, types);
    if (!document) throw new Error(`unknown document ${name}`);
    const room = await roomFor(document);
    await room.ready;
    return room;
  }

  return {
    handleUpgrade,
    store,
    async read(name) {
      const copy = new Y.Doc();
      const room = rooms.get(name);
      if (room && !unloading.has(name)) {
        await room.ready;
        Y.applyUpdate(copy, Y.encodeStateAsUpdate(room.doc));
      } else {
        await unloading.get(name);
        await store.loadInto(name, copy);
      }
      return copy;
    },
    async change(name, contributorId, change) {
      const room = await roomByName(name);
      try {
        room.claimForServer();
        Y.transact(room.doc, () => change(room.doc), contributorId ? { contributorId } : SERVER_CHANGE);
        await room.flush();
      } finally {
        void unloadIfEmpty(room);
      }
    },
    takeContributors(name) {
      return rooms.get(name)?.takeContributors() ?? new Set();
    },
    onIdle(listener) {
      idleListeners.add(listener);
      return () => idleListeners.delete(listener);
    },
    recheckAccess: (name) => recheck((c) => c.room.name === name),
    rooms,
    connectionCount: () => connections.size,
    async close() {
      closing = true;
      clearInterval(sweep);
      clearInterval(keepAlive);
      if (renewCounts) clearInterval(renewCounts);
      offPeerLost();
      offReconnect();
      offRevoked();
      offMembership();
      offRights();
      offNetworkRights();
      for (const connection of connections) connection.close(COLLAB_CLOSE.shuttingDown, "server restarting");
      await Promise.all([...unloading.values()]);
      await Promise.all(
        [...rooms.values()].map(async (room) => {
          await room.settle();
          room.destroy();
        }),
      );
      rooms.clear();
      wss.close();
    },
  };
}
