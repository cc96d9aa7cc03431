/**
 * Errors from the model runtime in the interface language: a failed load (ModelLoadError, why as a code) and a worker
 * that stopped (WorkerCrashedError). Other errors keep their own text. The technical cause follows in English where
 * there is one.
 */
import { msg, str } from '@lit/localize';
import { mayPassOnRetry, ModelLoadError, WorkerCrashedError, type LoadProblem } from '../runtime/worker-client';
import { modelName } from './model-name';

function problemText(problem: LoadProblem): string {
  switch (problem.code) {
    case 'hub-unreachable': {
      const host = problem.host;
      return msg(str`the model hub at ${host} cannot be reached (offline?); hub models need it until they are stored in this browser`, { id: 'ui.load.hub-unreachable' });
    }
    case 'hub-blocked': {
      const host = problem.host;
      return msg(str`this build's Content-Security-Policy does not allow connections to ${host}; build the app with MLWB_HUB_HOSTS naming that host to use it`, { id: 'ui.load.hub-blocked' });
    }
    case 'hub-file-missing': {
      const file = problem.file;
      return msg(str`the model hub has no file ${file} for this model (check the model id and dtype)`, { id: 'ui.load.hub-file-missing' });
    }
    case 'local-file-missing': {
      const file = problem.file;
      return msg(str`${file} is no longer stored in this browser; open the model folder again`, { id: 'ui.load.local-file-missing' });
    }
    case 'local-file-damaged': {
      const file = problem.file;
      return msg(str`the copy of ${file} in this browser is damaged; open the model folder again`, { id: 'ui.load.local-file-damaged' });
    }
    case 'not-in-build': {
      const path = problem.path;
      return msg(str`${path} is not part of this build of the app`, { id: 'ui.load.not-in-build' });
    }
    case 'bad-json': {
      const cause = problem.cause;
      return msg(str`a settings file of the model (config.json or a tokenizer file) is damaged and cannot be read (${cause})`, { id: 'ui.load.bad-json' });
    }
    case 'other':
      return problem.cause;
  }
}

/** Why a load failed as data, for callers that word a known cause differently; undefined for any other error. */
export function loadProblemOf(error: unknown): LoadProblem | undefined {
  return error instanceof ModelLoadError ? error.problem : undefined;
}

/** Whether trying the same load again may help (a crashed worker, no answer, an unknown cause); not for absent or damaged files. */
export function retryMayHelp(error: unknown): boolean {
  return error instanceof ModelLoadError ? mayPassOnRetry(error.problem) : true;
}

/** Why a model did not load or run, without naming the model: for messages that name it themselves. */
export function loadCauseText(error: unknown): string {
  if (error instanceof ModelLoadError) return problemText(error.problem);
  return errorText(error);
}

/** An error from the runtime as a whole message in the interface language (any other error: its own text). */
export function errorText(error: unknown): string {
  if (error instanceof ModelLoadError) {
    const { modelId, dtype, device, hubHost, source, fromBytes } = error.load;
    const name = modelName(modelId);
    // One sentence with its own full stop: a library's cause may bring one.
    const why = problemText(error.problem).replace(/[.。]$/, '');
    return source === 'hub' && !fromBytes
      ? msg(str`Could not load ${name} (${dtype}, ${device}) from ${hubHost}: ${why}.`, { id: 'ui.load.failed-from' })
      : msg(str`Could not load ${name} (${dtype}, ${device}): ${why}.`, { id: 'ui.load.failed' });
  }
  if (error instanceof WorkerCrashedError) {
    const crash = error.crash;
    return crash
      ? msg(str`The model stopped unexpectedly (${crash}). It was restarted; please try again.`, { id: 'ui.worker.crashed' })
      : msg('The model was restarted while this was running; please try again.', { id: 'ui.worker.restarted' });
  }
  return error instanceof Error ? error.message : String(error);
}
