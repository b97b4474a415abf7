package trends_test

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/techschau/techschau/analyze/trends"
	"github.com/techschau/techschau/internal/trendsgen"
)

// state returns the aggregate's wire bytes and its report's JSON.
func state(t *testing.T, a *trends.Aggregator) (string, string) {
	t.Helper()
	b, err := a.MarshalBinary()
	require.NoError(t, err)
	j, err := a.Report().JSON()
	require.NoError(t, err)
	return string(b), string(j)
}

// TestMergeLaw checks aggregate(A ∪ B ∪ …) == merge(aggregate(A), aggregate(B), …) over
// random corpora, random splits into parts, random document orders, random merge trees
// and wire round trips, with capacities small enough that the tables sample.
func TestMergeLaw(t *testing.T) {
	runs := 120
	if testing.Short() {
		runs = 30
	}
	estimated := 0
	for run := range runs {
		rng := rand.New(rand.NewPCG(uint64(run), 7))
		g := trendsgen.New(uint64(run), 400, 0.2)
		g.Days = 20 + rng.IntN(200)
		g.Dups = run%3 == 0
		docs := make([]trendsgen.Doc, 50+rng.IntN(400))
		for i := range docs {
			docs[i] = g.Next(i)
		}
		period := []trends.Period{trends.Day, trends.Week, trends.Month}[run%3]
		capacity := []int{1, 3, 16, 64, 256, 1 << 16}[rng.IntN(6)]
		opts := []trends.Option{trends.WithPeriod(period), trends.WithCapacity(capacity),
			trends.WithDocumentIDs(rng.IntN(6)), trends.WithPairEntities(rng.IntN(12)), trends.WithTop(1 + rng.IntN(8))}
		newAgg := func() *trends.Aggregator {
			a, err := trends.New(opts...)
			require.NoError(t, err)
			return a
		}

		whole := newAgg()
		for _, i := range rng.Perm(len(docs)) {
			whole.Add(docs[i].ID, docs[i].Date, docs[i].Document)
		}
		wantState, wantReport := state(t, whole)

		// Split into k parts, each aggregated in its own order.
		k := 1 + rng.IntN(7)
		parts := make([]*trends.Aggregator, k)
		for i := range parts {
			parts[i] = newAgg()
		}
		for _, i := range rng.Perm(len(docs)) {
			parts[rng.IntN(k)].Add(docs[i].ID, docs[i].Date, docs[i].Document)
		}
		// Some parts travel through the wire format, as Beam accumulators do.
		for i, p := range parts {
			if rng.IntN(2) == 0 {
				b, err := p.MarshalBinary()
				require.NoError(t, err)
				parts[i] = &trends.Aggregator{}
				require.NoError(t, parts[i].UnmarshalBinary(b))
			}
		}
		// Merge in a random tree: pick two, merge one into the other, until one is left.
		for len(parts) > 1 {
			i, j := rng.IntN(len(parts)), rng.IntN(len(parts)-1)
			if j >= i {
				j++
			}
			require.NoError(t, parts[i].Merge(parts[j]))
			parts = append(parts[:j], parts[j+1:]...)
		}
		gotState, gotReport := state(t, parts[0])
		if !assert.Equal(t, wantState, gotState, "run %d: state differs (%d docs, %d parts, capacity %d, %s)", run, len(docs), k, capacity, period) ||
			!assert.Equal(t, wantReport, gotReport, "run %d: report differs", run) {
			return
		}
		if len(whole.Report().Estimated) > 0 {
			estimated++
		}
	}
	// The law must also have been checked where the tables sample.
	assert.Greater(t, estimated, runs/3, "runs with sampled tables")
}

// TestMergeEmpty: merging empty aggregates changes nothing; a zero Aggregator is an empty
// one with the default settings.
func TestMergeEmpty(t *testing.T) {
	g := trendsgen.New(1, 100, 0.1)
	a, err := trends.New()
	require.NoError(t, err)
	for i := range 50 {
		d := g.Next(i)
		a.Add(d.ID, d.Date, d.Document)
	}
	wantState, wantReport := state(t, a)
	require.NoError(t, a.Merge(&trends.Aggregator{}))
	e, err := trends.New()
	require.NoError(t, err)
	require.NoError(t, a.Merge(e))
	gotState, gotReport := state(t, a)
	assert.Equal(t, wantState, gotState)
	assert.Equal(t, wantReport, gotReport)

	var z trends.Aggregator
	require.NoError(t, z.Merge(a))
	gotState, _ = state(t, &z)
	assert.Equal(t, wantState, gotState)
}

// TestMergeSelf: a.Merge(a) counts every document twice, like adding them twice.
func TestMergeSelf(t *testing.T) {
	g := trendsgen.New(2, 100, 0.1)
	a, twice := &trends.Aggregator{}, &trends.Aggregator{}
	for i := range 80 {
		d := g.Next(i)
		a.Add(d.ID, d.Date, d.Document)
		twice.Add(d.ID, d.Date, d.Document)
		twice.Add(d.ID, d.Date, d.Document)
	}
	require.NoError(t, a.Merge(a))
	want, _ := state(t, twice)
	got, _ := state(t, a)
	assert.Equal(t, want, got)
}

func TestMergeMismatch(t *testing.T) {
	for _, opt := range []trends.Option{trends.WithPeriod(trends.Month), trends.WithCapacity(10), trends.WithPairEntities(3), trends.WithDocumentIDs(1)} {
		a, err := trends.New()
		require.NoError(t, err)
		b, err := trends.New(opt)
		require.NoError(t, err)
		b.Add("x", testDate, nil)
		before, _ := state(t, a)
		err = a.Merge(b)
		require.ErrorIs(t, err, trends.ErrMismatch)
		after, _ := state(t, a)
		assert.Equal(t, before, after, "a failed Merge leaves the aggregate unchanged")
	}
	// Report settings may differ; the receiver's are kept.
	a, err := trends.New(trends.WithTop(2))
	require.NoError(t, err)
	b, err := trends.New(trends.WithTop(5), trends.WithSurge(4, 2, 1), trends.WithMinSupport(1))
	require.NoError(t, err)
	assert.NoError(t, a.Merge(b))
}

func ExampleAggregator_Merge() {
	day := func(d int) time.Time { return time.Date(2025, 3, d, 12, 0, 0, 0, time.UTC) }
	shard1, shard2 := &trends.Aggregator{}, &trends.Aggregator{}
	shard1.Add("a", day(3), doc([]string{"nvidia", "china"}, "export_controls"))
	shard2.Add("b", day(4), doc([]string{"china", "usa"}, "export_controls"))
	shard2.Add("c", day(10), doc([]string{"sap"}))
	if err := shard1.Merge(shard2); err != nil {
		fmt.Println(err)
		return
	}
	r := shard1.Report()
	for _, p := range r.Periods {
		fmt.Println(p.Start, p.Documents, p.Themes["export_controls"].Documents)
	}
	fmt.Println(r.Entities[0].ID, r.Entities[0].Documents)
	// Output:
	// 2025-03-03 2 2
	// 2025-03-10 1 0
	// china 2
}
