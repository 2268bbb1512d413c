import fc from 'fast-check';
import { checkRecipe, recipeProperty, writeCounterexample, type RecipeSpec } from '../../../api/index.js';

const pmemPersist: RecipeSpec = { name: 'pmem_persist', steps: [{ op: 'clwb' }, { op: 'sfence' }] };
fc.assert(recipeProperty({ mode: 'fsdax-mapsync', platform: 'adr', recipe: pmemPersist }));

const flushOnly: RecipeSpec = { name: 'pmem_flush', steps: [{ op: 'clwb' }] };
const verdict = checkRecipe({ mode: 'fsdax-mapsync', platform: 'adr', recipe: flushOnly });
if (verdict.verdict === 'lost') writeCounterexample(verdict.counterexample, 'counterexamples');
