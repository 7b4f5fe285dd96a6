import { describe, expect, it } from 'vitest';
import { AnalysisClient, type AnalysisResult, type WorkerLike } from '$lib/analysis-worker/AnalysisClient';
import { createAnalysisHandler } from '$lib/analysis-worker/analysisHandler';
import type { AnalysisWorkerRequest, AnalysisWorkerResponse } from '$lib/analysis-worker/protocol';
import type { AnalysisReport } from '$lib/domain/schemas';
import { situation } from './map-fixture';

/** A worker that holds each request until the test answers it, so the order of answers is the test's. */
class FakeWorker implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  received: AnalysisWorkerRequest[] = [];
  terminated = false;
  postMessage(message: AnalysisWorkerRequest): void {
    this.received.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(message: AnalysisWorkerResponse): void {
    this.onmessage?.({ data: message } as MessageEvent<AnalysisWorkerResponse>);
  }
  /** Answers an analyze request with a report that only carries its date. */
  answerReport(id: number, ms = 5): void {
    const request = this.received.find((r) => r.type === 'analyze' && r.id === id);
    if (request?.type !== 'analyze') throw new Error(`no request ${id}`);
    this.answer({ type: 'report', id, report: { asOf: request.asOf } as AnalysisReport, ms });
  }
  analyzed(): string[] {
    return this.received.flatMap((r) => (r.type === 'analyze' ? [r.asOf] : []));
  }
}

function setup() {
  const worker = new FakeWorker();
  const results: AnalysisResult[] = [];
  const errors: string[] = [];
  let clock = 1000;
  const client = new AnalysisClient(worker, {
    onresult: (r) => results.push(r),
    onerror: (m) => errors.push(m),
    now: () => clock,
  });
  return { worker, client, results, errors, tick: (ms: number) => (clock += ms) };
}

describe('AnalysisClient', () => {
  it('sends the latest date only while one analysis runs, and passes on only the latest answer', () => {
    const { worker, client, results } = setup();
    client.analyze('2024-05-01');
    client.analyze('2024-05-02');
    client.analyze('2024-05-03');
    // One in flight, the others wait: only the first has been sent.
    expect(worker.analyzed()).toEqual(['2024-05-01']);

    worker.answerReport(1);
    // The answer for a superseded date is dropped; the latest waiting date goes next, the middle one never.
    expect(results).toEqual([]);
    expect(worker.analyzed()).toEqual(['2024-05-01', '2024-05-03']);

    worker.answerReport(3);
    expect(results.map((r) => r.report.asOf)).toEqual(['2024-05-03']);
  });

  it('reports the time from the request to the answer, and the worker time, marking the first after a load', () => {
    const { worker, client, results, tick } = setup();
    client.load(situation());
    client.analyze('2024-05-01');
    tick(120);
    worker.answerReport(1, 30);
    client.analyze('2024-08-20');
    tick(25);
    worker.answerReport(2, 9);
    expect(
      results.map(({ totalMs, engineMs, includesLoad }) => ({ totalMs, engineMs, includesLoad })),
    ).toEqual([
      { totalMs: 120, engineMs: 30, includesLoad: true },
      { totalMs: 25, engineMs: 9, includesLoad: false },
    ]);
    expect(worker.received[0]).toMatchObject({ type: 'load' });
  });

  it('passes on errors of the latest request and of loading, and stops the worker when destroyed', () => {
    const { worker, client, results, errors } = setup();
    client.analyze('2024-05-01');
    client.analyze('2024-05-02');
    worker.answer({ type: 'error', id: 1, message: 'stale failure' });
    worker.answer({ type: 'error', id: 2, message: 'bad date' });
    worker.answer({ type: 'error', id: null, message: 'bad situation' });
    expect(errors).toEqual(['bad date', 'bad situation']);
    expect(results).toEqual([]);
    client.destroy();
    expect(worker.terminated).toBe(true);
    expect(worker.onmessage).toBeNull();
  });
});

describe('the analysis worker handler', () => {
  it('builds the analyzer once and answers each date with its report', () => {
    let clock = 0;
    const handle = createAnalysisHandler(() => (clock += 2));
    expect(handle({ type: 'analyze', id: 1, asOf: '2024-05-01' })).toEqual({
      type: 'error',
      id: 1,
      message: 'no situation loaded yet',
    });
    expect(handle({ type: 'load', situation: situation() })).toEqual({ type: 'loaded', ms: 2 });
    const may = handle({ type: 'analyze', id: 2, asOf: '2024-05-01' });
    expect(may.type).toBe('report');
    if (may.type !== 'report') return;
    expect(may.id).toBe(2);
    expect(may.ms).toBe(2);
    expect(may.report.asOf).toBe('2024-05-01');
    expect(may.report.corridors.find((c) => c.id === 'c_adre')?.status).toBe('blocked');
  });

  it('answers bad input with the analysis error, naming what is wrong', () => {
    const handle = createAnalysisHandler();
    handle({ type: 'load', situation: situation() });
    const bad = handle({ type: 'analyze', id: 7, asOf: '1 May 2024' });
    expect(bad).toMatchObject({ type: 'error', id: 7 });
    expect(bad.type === 'error' && bad.message).toMatch(/1 May 2024/);
  });
});
