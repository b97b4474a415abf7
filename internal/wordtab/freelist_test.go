package wordtab

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFreeListLIFOAndBound(t *testing.T) {
	made := 0
	l := NewFreeList(2, func() *int { made++; x := made; return &x })
	a, b, c := l.Get(), l.Get(), l.Get()
	assert.Equal(t, 3, made)
	l.Put(a)
	l.Put(b)
	l.Put(c) // beyond the bound: dropped
	assert.Equal(t, 2, l.Len())
	assert.Same(t, b, l.Get(), "last in, first out")
	assert.Same(t, a, l.Get())
	assert.Equal(t, 3, made)
	l.Get()
	assert.Equal(t, 4, made, "empty: a new one")
}

func TestFreeListConcurrent(t *testing.T) {
	l := NewFreeList(4, func() *Cache[int] { return new(Cache[int]) })
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 1000 {
				c := l.Get()
				c.Put("w", g*i)
				c.Clear()
				l.Put(c)
			}
		})
	}
	wg.Wait()
	assert.LessOrEqual(t, l.Len(), 4)
}
