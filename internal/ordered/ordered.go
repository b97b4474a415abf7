// Package ordered runs a function over a stream with a bounded pool of
// workers and yields the results in input order. It is the engine of
// analyze.Analyzer.Batch and of analyze/jsonl.Run.
package ordered

import (
	"context"
	"iter"
)

// Map calls fn on every item of in with workers goroutines (at least one)
// and yields (result, error) pairs in input order. At most 2×workers items
// are in flight, so memory stays bounded on an unbounded input. Map stops
// when yield returns false, or when ctx is done: it then yields the zero
// Out and ctx.Err() once. A result whose error came with ctx done is
// reported as ctx.Err(). The returned sequence is single-use; in is
// pulled from a goroutine of its own.
func Map[In, Out any](ctx context.Context, workers int, in iter.Seq[In], fn func(context.Context, In) (Out, error)) iter.Seq2[Out, error] {
	return func(yield func(Out, error) bool) {
		workers := max(1, workers)
		window := 2 * workers
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()

		type result struct {
			out Out
			err error
		}
		type job struct {
			item In
			out  chan result
		}
		var zero Out
		jobs := make(chan job)
		pending := make(chan chan result, window) // in input order
		done := make(chan struct{})
		for range workers {
			go func() {
				for j := range jobs {
					o, err := fn(ctx, j.item)
					j.out <- result{o, err}
				}
			}()
		}
		// feeder
		go func() {
			defer close(pending)
			defer close(jobs)
			for t := range in {
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
					out <- result{zero, ctx.Err()}
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
				yield(zero, ctx.Err())
				return
			}
			if r.err != nil && ctx.Err() != nil {
				yield(zero, ctx.Err())
				return
			}
			if !yield(r.out, r.err) {
				return
			}
		}
		if err := ctx.Err(); err != nil {
			yield(zero, err)
		}
	}
}
