package analyze

import (
	"context"
	"iter"
)

// Batch analyses the texts of a sequence with a bounded pool of workers
// (WithWorkers, default GOMAXPROCS) and yields one (Document, error) pair
// per text, in input order. At most 2×workers texts are in flight, so memory
// stays bounded on an unbounded input. Batch stops when yield returns false
// or when ctx is cancelled (it then yields ctx.Err() once and stops). The
// returned sequence is single-use.
func (a *Analyzer) Batch(ctx context.Context, texts iter.Seq[string]) iter.Seq2[*Document, error] {
	return func(yield func(*Document, error) bool) {
		workers := max(1, a.opt.workers)
		window := 2 * workers
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()

		type result struct {
			doc *Document
			err error
		}
		type job struct {
			text string
			out  chan result
		}
		jobs := make(chan job)
		pending := make(chan chan result, window) // in input order
		done := make(chan struct{})
		for range workers {
			go func() {
				for j := range jobs {
					d, err := a.Analyze(ctx, j.text)
					j.out <- result{d, err}
				}
			}()
		}
		// feeder
		go func() {
			defer close(pending)
			defer close(jobs)
			for t := range texts {
				out := make(chan result, 1)
				select {
				case pending <- out:
				case <-ctx.Done():
					return
				case <-done:
					return
				}
				select {
				case jobs <- job{t, out}:
				case <-ctx.Done():
					out <- result{nil, ctx.Err()}
					return
				case <-done:
					return
				}
			}
		}()
		defer close(done)
		for out := range pending {
			var r result
			select {
			case r = <-out:
			case <-ctx.Done():
				yield(nil, ctx.Err())
				return
			}
			if r.err != nil && ctx.Err() != nil {
				yield(nil, ctx.Err())
				return
			}
			if !yield(r.doc, r.err) {
				return
			}
		}
		if err := ctx.Err(); err != nil {
			yield(nil, err)
		}
	}
}
