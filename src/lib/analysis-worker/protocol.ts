// Messages between the map page and the analysis worker. Plain data only: they cross `postMessage`.
import type {
  AnalysisOverridesInput,
  AnalysisParamsInput,
  AnalysisReport,
  Situation,
} from '$lib/domain/schemas';

export type AnalysisWorkerRequest =
  /** Builds the road network of a situation once; every later `analyze` reuses it. */
  | { type: 'load'; situation: Situation }
  | {
      type: 'analyze';
      /** Increasing per page: answers carry it back so the page can drop stale ones. */
      id: number;
      asOf: string;
      params?: AnalysisParamsInput;
      overrides?: AnalysisOverridesInput;
    };

export type AnalysisWorkerResponse =
  | { type: 'loaded'; ms: number }
  | {
      type: 'report';
      id: number;
      report: AnalysisReport;
      /** Time the analysis itself took in the worker. */
      ms: number;
    }
  | { type: 'error'; id: number | null; message: string };
