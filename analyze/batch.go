package analyze

import (
	"context"
	"iter"

	"github.com/techschau/techschau/internal/ordered"
)

// Batch analyses the texts of a sequence with a bounded pool of workers
// (WithWorkers, default GOMAXPROCS) and yields one (Document, error) pair
// per text, in input order. At most 2×workers texts are in flight, so memory
// stays bounded on an unbounded input. Batch stops when yield returns false
// or when ctx is cancelled (it then yields ctx.Err() once and stops). The
// returned sequence is single-use.
func (a *Analyzer) Batch(ctx context.Context, texts iter.Seq[string]) iter.Seq2[*Document, error] {
	return ordered.Map(ctx, a.opt.workers, texts, a.Analyze)
}
