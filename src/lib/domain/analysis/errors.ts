/** A request the analysis cannot carry out (e.g. an override naming an unknown crossing). */
export class AnalysisInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AnalysisInputError';
  }
}
