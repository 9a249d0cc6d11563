import { RuleProvider } from '../rules/ruleProvider';
import { DraftInput, ScreeningResult } from '../screening/types';
import { isBehind, RuleVersions, Screener } from './Screener';

/**
 * Screens on the calling thread (SCREENING_THREADS=0): no start-up cost and one copy of the
 * lists, but the event loop stops for as long as a draft takes.
 */
export class InProcessScreener implements Screener {
  private constructor(private readonly rules: RuleProvider) {}

  static async start(): Promise<InProcessScreener> {
    const rules = new RuleProvider('database');
    await rules.watch();
    await rules.current(); // compile the lists before the first job, not during it
    return new InProcessScreener(rules);
  }

  async screen(input: DraftInput, atLeast: RuleVersions): Promise<ScreeningResult> {
    const engine = await this.rules.current();
    return (isBehind(engine.listVersions, atLeast) ? await this.rules.fresh() : engine).screen(input);
  }

  async close(): Promise<void> {
    await this.rules.close();
  }
}
