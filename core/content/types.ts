import type { ProviderCommitments } from '../commitments/schema';
import type { NotificationClocks } from './notification-clocks-schema';
import type { RatingFactors } from './rating-factors';
import type { ThemesFile } from './themes';
import type { Check, Framework, InterviewFile, Matrix, PackHeader, Playbook, Question, RiskMatrix, RiskTemplate, TemplateMigration } from './schemas';
import type { FrameworkKey, ServiceModel } from './vocabulary';

/** One file of a content pack, read by the host (CLI, main process) and handed to core. */
export interface PackFile {
  /** Path relative to the pack folder, with forward slashes: `checks/storage.yaml`. */
  path: string;
  text: string;
}

/** A content problem: the file, the path inside it (`checks[2].failWhen.field`), and what is wrong. */
export interface ContentError {
  file: string;
  path: string;
  message: string;
}

/** A domain with its questions, in interview order. */
export interface Domain {
  id: string;
  title: string;
  order: number;
  description?: string;
  visibleWhen?: InterviewFile['domain']['visibleWhen'];
  file: string;
  questions: Question[];
}

/** Rows a check must pass and fail, from `checks/fixtures/<ID>.{pass,fail}.json`. */
export interface CheckFixtures {
  pass?: Record<string, unknown>[];
  fail?: Record<string, unknown>[];
}

/** A loaded, validated content pack. Everything the engine needs, indexed. */
export interface ContentPack {
  header: PackHeader;
  matrices: Map<string, Matrix>;
  riskMatrix: RiskMatrix;
  /** lower-case ARM type -> service model */
  serviceModels: Map<string, ServiceModel>;
  frameworks: Partial<Record<FrameworkKey, Framework>>;
  domains: Domain[];
  questions: Map<string, Question>;
  /** question id -> domain id */
  questionDomain: Map<string, string>;
  riskTemplates: Map<string, RiskTemplate>;
  /** retired template id -> the migration that names the template absorbing it (`template-migrations.yaml`) */
  templateMigrations: Map<string, TemplateMigration>;
  checks: Check[];
  fixtures: Map<string, CheckFixtures>;
  playbooks: Playbook[];
  /** how ratings follow the stakes and the exposure (`rating-factors.yaml`); none: baseline ratings */
  ratingFactors?: RatingFactors;
  /** report themes, person-day ranges and fix dependencies (`themes.yaml`); none: the report groups by category */
  themes?: ThemesFile;
  /** what the provider commits to (SLA table, support plans, tolerance readings, other providers); absent when the pack has none */
  commitments?: ProviderCommitments;
  /** regulatory notification clocks (`notification-clocks.yaml`); absent when the pack has none */
  notificationClocks?: NotificationClocks;
}

export type { Check, Framework, Matrix, PackHeader, Playbook, Question, RiskMatrix, RiskTemplate, TemplateMigration };
