import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { packAnnotations, unpackAnnotationsSteps } from '../../src/core/sidecar/packedAnnotations';
import { sameValues, type StoredAnnotation } from '../../src/core/sidecar/model';
import { runAtOnce } from '../../src/core/util/sliced';
import { sidecarsOf, tricky } from './sidecarArbitraries';

/** The annotation as a reader gives it: fields left undefined are not there at all. */
const asRead = (a: StoredAnnotation) => Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined));

describe('annotations packed for another thread', () => {
  it('unpack to the same values, null and absent apart, whatever the texts hold', () => {
    fc.assert(
      fc.property(sidecarsOf(tricky), fc.nat(1), (sidecar, copies) => {
        // Several slices' worth now and then.
        const annotations = Array.from({ length: copies * 160 + 1 }, () => sidecar.annotations).flat();
        const back = runAtOnce(unpackAnnotationsSteps(packAnnotations(annotations)));
        assert.equal(back.length, annotations.length);
        for (let i = 0; i < back.length; i++) {
          assert.ok(sameValues(back[i]!, annotations[i]!), `annotation ${i}`);
          assert.deepStrictEqual(back[i], asRead(annotations[i]!));
          // In the order the readers give the fields: what is written from them is compared as text.
          assert.deepEqual(Object.keys(back[i]!), Object.keys(asRead(annotations[i]!)).sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b)));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('refuses an annotation of a kind or status the sidecar does not know, rather than sending another', () => {
    const odd = { id: 'a', kind: 'planet', start: 0, end: 1, exact: 'x', prefix: '', suffix: '', status: 'accepted' } as unknown as StoredAnnotation;
    assert.throws(() => packAnnotations([odd]), /no kind, status or quote kind/);
  });
});

const ORDER = ['id', 'kind', 'start', 'end', 'exact', 'prefix', 'suffix', 'status', 'entity', 'name', 'quoteKind', 'speaker', 'speakerEntity', 'note'];
