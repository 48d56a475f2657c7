import type { AppConfig } from './config.ts';
import type { Db } from './db/database.ts';
import type { Clock } from './shared/clock.ts';
import type { RuleSet } from './rules/rule-set.loader.ts';
import type { CprVault } from './shared/crypto.ts';

/** What route plugins hand to services. Built once in buildApp. */
export interface AppDeps {
  db: Db;
  vault: CprVault;
  clock: Clock;
  config: AppConfig;
  /** Every loaded rule set; services pick the one valid on the decision date. */
  ruleSets: readonly RuleSet[];
}
