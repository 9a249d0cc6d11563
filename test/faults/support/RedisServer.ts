import { freePort, isListening, eventually } from './freePort';
import { ManagedProcess } from './ManagedProcess';

/**
 * A redis-server of the test's own, on a free port, without persistence: stopping and starting it
 * again is a Redis that restarted empty. The shared Redis of the machine is never touched.
 */
export class RedisServer {
  private process?: ManagedProcess;
  private starts = 0;

  private constructor(
    readonly port: number,
    private readonly extraArgs: string[],
  ) {}

  static async start(extraArgs: string[] = []): Promise<RedisServer> {
    const server = new RedisServer(await freePort(), extraArgs);
    await server.start();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (this.process?.running) return;
    this.starts++;
    this.process = new ManagedProcess(`redis-${this.port}-${this.starts}`, 'redis-server', [
      '--port', String(this.port),
      '--bind', '127.0.0.1',
      '--save', '',
      '--appendonly', 'no',
      '--daemonize', 'no',
      ...this.extraArgs,
    ]);
    await this.process.waitFor(/Ready to accept connections/, 20_000);
  }

  /** SIGKILL: a crash, every key lost. */
  async crash(): Promise<void> {
    await this.process?.stop('SIGKILL');
    await eventually('redis port closed', async () => !(await isListening(this.port)), 10_000, 50);
  }

  /** SIGSTOP / SIGCONT: Redis hangs (connections stay open, nothing answers), then carries on with its data. */
  freeze(): void {
    this.process?.signal('SIGSTOP');
  }

  thaw(): void {
    this.process?.signal('SIGCONT');
  }

  async stop(): Promise<void> {
    this.thaw();
    await this.process?.stop('SIGTERM', 10_000);
  }
}
