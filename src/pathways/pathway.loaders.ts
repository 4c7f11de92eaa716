import { LoaderKey } from '../common/loaders/loader-key';
import { PathwayStepObject } from './pathway-step.object';
import { PathwayObject } from './pathway.object';

/** What a saved pathway looks like when read: computed from its steps, its job and its candidate now. */
export interface PathwayView {
  steps: PathwayStepObject[];
  startScore: number;
  projectedScore: number;
  totalHours: number;
  totalCost: number;
  progress: number;
  mermaid: string;
}

/** A saved pathway's computed view, per request, batched; keyed by the pathway object itself. */
export const PATHWAY_VIEW = new LoaderKey<PathwayObject, PathwayView>('pathwayView');
