import { runAdsEvaluation } from './ads';
import { runCscEvaluation } from './csc';
import { runCscSensitiveEvaluation } from './cscSensitive';
import { runCuratedInContextEvaluation } from './curatedInContext';
import { runGovCleanEvaluation } from './govClean';
import { runPackageTriageEvaluation } from './packageTriage';

/**
 * `npm run eval`: quality figures on the public corpora in ../shared/corpus (read at run time,
 * never copied into the repository), and what the triage's ordinary-word rules take from the
 * package lists. One line per evaluation; add a new one here.
 */
const evaluations: Array<{ name: string; run: () => string[] | Promise<string[]> }> = [
  { name: 'gov_clean (false alarms on government prose)', run: runGovCleanEvaluation },
  { name: 'ads (spam and normal messages)', run: runAdsEvaluation },
  { name: 'csc (typo detector)', run: runCscEvaluation },
  { name: 'csc corrected sentences (sensitive-term false alarms on ordinary prose)', run: runCscSensitiveEvaluation },
  { name: 'package triage (what the ordinary-word rules change)', run: runPackageTriageEvaluation },
  { name: 'curated terms in everyday sentences (recall of the curated lists)', run: runCuratedInContextEvaluation },
];

async function main(): Promise<void> {
  for (const evaluation of evaluations) {
    console.log(`== ${evaluation.name}`);
    for (const line of await evaluation.run()) console.log(line);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
