/**
 * The host's side of the core's own process: a {@link Dispatch} and an {@link EventBus} that
 * transports (IPC, HTTP/SSE) use as if the core ran in the host, over messages to a child process.
 * If the child dies, the calls it had not answered get an error envelope with a sentence, a new
 * child is started (within a {@link RestartLimit}) and `app:core-restarted` tells the renderer. A
 * run that was going is marked interrupted by the new core at start (sync/interrupted-runs.ts);
 * the journal makes the next run safe. The core process may also ask the host for what only the
 * host can do (the desktop app's safeStorage and update flow): its `host-call`s are answered from
 * the host's {@link HostServices}. Plain Node: the spawn function comes in from the host.
 */
import type { Envelope } from '../../../shared/api/envelope.ts';
import type { EventChannel, EventPayload } from '../../../shared/api/contract.ts';
import { eventContract } from '../../../shared/api/contract.ts';
import type { Dispatch } from '../api/dispatcher.ts';
import type { EventBus } from '../api/event-bus.ts';
import { createEventBus } from '../api/event-bus.ts';
import { AppError } from '../errors.ts';
import type { Logger } from '../logging/logger.ts';
import type { CoreChild, SpawnCore } from './core-child.ts';
import { answerHostCall } from './host-answers.ts';
import type { HostServices } from './host-services.ts';
import type { CoreReadyInfo } from './messages.ts';
import { isFromCoreMessage } from './messages.ts';
import type { RestartLimit } from './restart-budget.ts';
import { DEFAULT_RESTART_LIMIT, createRestartBudget } from './restart-budget.ts';

/** The answer of a call the engine's process was working on when it died. */
export const CORE_RESTARTED_TEXT = "ReqBridge's engine stopped and was restarted; try again.";
/** The notice the renderer shows after a restart. */
export const CORE_RESTARTED_NOTICE =
  "ReqBridge's engine stopped unexpectedly and was restarted. A run that was going is marked interrupted; start it again.";

/** What the client needs. */
export interface CoreProcessOptions {
  spawn: SpawnCore;
  logger: Logger;
  /** Milliseconds clock of the restart bound and the notices; default `Date.now`. */
  now?: () => number;
  restartLimit?: RestartLimit;
  /** How long `close()` waits for the core to stop its work before it is killed; default 60 s. */
  stopTimeoutMs?: number;
  /** How long a start may take before the process is killed and the start fails; default 60 s. */
  startTimeoutMs?: number;
  /**
   * What the core process may ask of this host (the desktop app: safeStorage, the update flow);
   * default none, so every `host-call` is answered that the service is not offered.
   */
  hostServices?: HostServices;
}

/** A running core process, as the host's transports use it. */
export interface CoreProcess {
  dispatch: Dispatch;
  /** The core's events, and the client's own `app:core-restarted` / `app:core-stopped`. */
  events: EventBus;
  /** What the first start said (data folder, Sandbox addresses). */
  ready: CoreReadyInfo;
  /** What the running core said at its start; null while it restarts or when it stays down. */
  current(): CoreReadyInfo | null;
  /** Ask the core to stop (background work, Sandbox, databases) and wait for its exit. */
  close(): Promise<void>;
}

type Answer = (envelope: Envelope<unknown>) => void;
interface Running {
  child: CoreChild;
  info: CoreReadyInfo;
  exited: Promise<void>;
}
const failure = (code: string, message: string): Envelope<unknown> => ({ ok: false, error: { code, message } });
const isEventChannel = (name: string): name is EventChannel => Object.hasOwn(eventContract, name);

/**
 * Start the core process and resolve once it is ready. A start-up failure rejects with the
 * sentence the core process sent (an AppError, so `startupFailureText` shows it as it is).
 */
export async function startCoreProcess(options: CoreProcessOptions): Promise<CoreProcess> {
  const now = options.now ?? Date.now;
  const budget = createRestartBudget(options.restartLimit ?? DEFAULT_RESTART_LIMIT, now);
  const events = createEventBus((error) => options.logger.error('An event listener failed', error));
  const pending = new Map<number, Answer>();
  let nextId = 1;
  let current = null as Running | null;
  let starting: Promise<unknown> | null = null;
  let down: string | null = null;
  let closing = false;

  const answerAll = (envelope: Envelope<unknown>) => {
    const answers = [...pending.values()];
    pending.clear();
    for (const answer of answers) answer(envelope);
  };

  function launch(): Promise<void> {
    const child = options.spawn();
    let markExited = () => {};
    const exited = new Promise<void>((resolve) => (markExited = resolve));
    // A process that never says ready is ended; its exit then fails the start.
    const startTimer = setTimeout(() => child.kill(), options.startTimeoutMs ?? 60_000);
    return new Promise((resolve, reject) => {
      child.onMessage((message) => {
        if (!isFromCoreMessage(message)) return;
        if (message.type === 'ready') {
          clearTimeout(startTimer);
          const { type: _type, ...info } = message;
          current = { child, info, exited };
          resolve();
        } else if (message.type === 'failed') {
          reject(new AppError('core.startup_failed', message.text));
        } else if (message.type === 'answer') {
          pending.get(message.id)?.(message.envelope);
          pending.delete(message.id);
        } else if (message.type === 'host-call') {
          void answerHostCall(options.hostServices ?? {}, message, options.logger).then((answer) => child.send(answer));
        } else if (isEventChannel(message.event)) {
          events.emit(message.event, message.payload as EventPayload<typeof message.event>);
        }
      });
      child.onExit((code, signal) => {
        clearTimeout(startTimer);
        markExited();
        if (current?.child !== child)
          return reject(new Error(`ReqBridge's engine ended (code ${code}, signal ${signal}) before it was ready.`));
        current = null;
        if (closing) return answerAll(failure('core.stopping', 'ReqBridge is stopping.'));
        options.logger.error(`ReqBridge's engine stopped unexpectedly (code ${code}, signal ${signal}).`);
        answerAll(failure('core.restarted', CORE_RESTARTED_TEXT));
        restart();
      });
    });
  }

  function stayDown(text: string): void {
    down = text;
    options.logger.error(text);
    events.emit('app:core-stopped', { at: new Date(now()).toISOString(), message: text });
  }

  function restart(): void {
    if (!budget.take()) {
      const limit = options.restartLimit ?? DEFAULT_RESTART_LIMIT;
      return stayDown(
        `ReqBridge's engine stopped more than ${limit.max} times in ${Math.round(limit.windowMs / 1000)} seconds, so it was not started again. ` +
          'Quit ReqBridge and start it again; if it keeps stopping, the details are in the log.',
      );
    }
    starting = launch().then(
      () => {
        options.logger.warn("ReqBridge's engine was restarted.");
        events.emit('app:core-restarted', { at: new Date(now()).toISOString(), message: CORE_RESTARTED_NOTICE });
      },
      (error: unknown) =>
        stayDown(`ReqBridge's engine stopped and could not be started again: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  await launch();
  const ready = current!.info;

  const dispatch: Dispatch = async (channel, input, context) => {
    if (!current && !down && !closing) await starting;
    if (closing) return failure('core.stopping', 'ReqBridge is stopping.');
    if (down || !current) return failure('core.stopped', down ?? CORE_RESTARTED_TEXT);
    const id = nextId++;
    const { child } = current;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      child.send({ type: 'call', id, channel, input, context });
    });
  };

  return {
    dispatch,
    events,
    ready,
    current: () => current?.info ?? null,
    async close() {
      closing = true;
      await starting;
      const running = current;
      if (!running) return;
      running.child.send({ type: 'stop' });
      const timer = setTimeout(() => running.child.kill(), options.stopTimeoutMs ?? 60_000);
      await running.exited;
      clearTimeout(timer);
    },
  };
}
