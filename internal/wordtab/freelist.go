package wordtab

import "sync"

// FreeList keeps scratch objects (caches, buffers) between the calls of an
// immutable, shared object: Get takes one, Put gives it back. It is the one
// free-list policy of the project:
//
//   - bounded: it keeps at most keep objects; Put drops the ones beyond for
//     the garbage collector, so memory follows the peak concurrency, not
//     the number of calls;
//   - kept across garbage collections, unlike a sync.Pool, which empties
//     itself at every cycle: a warm word cache takes thousands of sentences
//     to fill, and a pool lost it several times a second;
//   - last in, first out: the object returned last is the likeliest to be
//     in the CPU caches still;
//   - a mutex, held for a slice append or truncation (an uncontended lock
//     costs some 20 ns, next to the microseconds of a document).
//
// A sync.Pool remains right for small buffers that are cheap to refill.
// FreeList is safe for concurrent use.
type FreeList[T any] struct {
	mu    sync.Mutex
	items []T
	keep  int      // most items kept
	fresh func() T // makes an item when none is kept
}

// NewFreeList returns a free list that keeps up to keep objects and makes
// a new one with fresh when it is empty.
func NewFreeList[T any](keep int, fresh func() T) *FreeList[T] {
	return &FreeList[T]{keep: keep, fresh: fresh}
}

// Get returns the object put back last, or a new one.
func (l *FreeList[T]) Get() T {
	l.mu.Lock()
	if n := len(l.items); n > 0 {
		x := l.items[n-1]
		var zero T
		l.items[n-1] = zero
		l.items = l.items[:n-1]
		l.mu.Unlock()
		return x
	}
	l.mu.Unlock()
	return l.fresh()
}

// Put gives x back for a later Get, or drops it when the list is full.
func (l *FreeList[T]) Put(x T) {
	l.mu.Lock()
	if len(l.items) < l.keep {
		l.items = append(l.items, x)
	}
	l.mu.Unlock()
}

// Len returns the number of objects kept.
func (l *FreeList[T]) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.items)
}
