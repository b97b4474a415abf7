package ordered

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func count(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := range n {
			if !yield(i) {
				return
			}
		}
	}
}

// TestMapOrder: results come in input order whatever the workers' timing,
// errors included; a stopped consumer stops the feeder.
func TestMapOrder(t *testing.T) {
	boom := errors.New("boom")
	for _, workers := range []int{0, 1, 3, 8} {
		var got []int
		var errs int
		for v, err := range Map(context.Background(), workers, count(50), func(_ context.Context, i int) (int, error) {
			time.Sleep(time.Duration((i*7)%5) * time.Millisecond)
			if i%10 == 3 {
				return -i, boom
			}
			return i * i, nil
		}) {
			if err != nil {
				require.ErrorIs(t, err, boom)
				errs++
			}
			got = append(got, v)
		}
		require.Len(t, got, 50)
		for i, v := range got {
			if i%10 == 3 {
				assert.Equal(t, -i, v)
			} else {
				assert.Equal(t, i*i, v)
			}
		}
		assert.Equal(t, 5, errs)
	}
	var first []int
	for v := range Map(context.Background(), 2, count(1000), func(_ context.Context, i int) (int, error) { return i, nil }) {
		first = append(first, v)
		if len(first) == 3 {
			break
		}
	}
	assert.Equal(t, []int{0, 1, 2}, first)
}

// TestMapCancel: a cancelled context ends the sequence with its error,
// once.
func TestMapCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var errs []error
	n := 0
	for _, err := range Map(ctx, 2, count(1<<30), func(ctx context.Context, i int) (int, error) {
		time.Sleep(time.Millisecond)
		return i, ctx.Err()
	}) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if n++; n == 5 {
			cancel()
		}
	}
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], context.Canceled)
	assert.False(t, slices.Contains(errs, nil))
}
