package wordtab

import (
	"encoding/binary"
	"maps"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sampleWords are keys of every length and some bytes a text may hold.
var sampleWords = []string{"", "a", "ab", "abc", "abcd", "abcdefg", "abcdefgh", "abcdefghi", "der", "die", "das",
	"abhängigkeit", "huawei", "huawei-chips", "nvidia", "ß", "\xff", "\x00", "a\x00", "\x00a", "straße", "strasse",
	"donaudampfschifffahrtsgesellschaft"}

func TestTableGet(t *testing.T) {
	m := map[string]int{}
	for i, w := range sampleWords {
		m[w] = i
	}
	for _, opts := range [][]Option{nil, {WithFilter(16)}, {WithFilter(1)}} {
		tab := FromMap(m, opts...)
		require.Equal(t, len(m), tab.Len())
		for k, v := range m {
			got, ok := tab.Get(k)
			require.True(t, ok, "%q", k)
			assert.Equal(t, v, got, "%q", k)
			got, ok = tab.GetBytes([]byte(k))
			require.True(t, ok, "%q", k)
			assert.Equal(t, v, got)
			got, ok = tab.GetHashed(Hash(k), k)
			require.True(t, ok)
			assert.Equal(t, v, got)
			assert.True(t, tab.MayHave(Hash(k)), "no false negatives: %q", k)
		}
		for _, k := range []string{"x", "abcde", "abcdefghij", "Der", "huawei-", "stras", "\x00\x00"} {
			_, ok := tab.Get(k)
			assert.False(t, ok, "%q", k)
			_, ok = tab.GetBytes([]byte(k))
			assert.False(t, ok, "%q", k)
		}
		assert.Equal(t, m, maps.Collect(tab.All()))
	}
}

func TestTableRepeatedKeyKeepsLast(t *testing.T) {
	tab := New(func(yield func(string, int) bool) {
		_ = yield("a", 1) && yield("b", 2) && yield("a", 3)
	})
	assert.Equal(t, 2, tab.Len())
	v, ok := tab.Get("a")
	assert.True(t, ok)
	assert.Equal(t, 3, v)
	var keys []string
	for k := range tab.All() {
		keys = append(keys, k)
	}
	assert.Equal(t, []string{"a", "b"}, keys, "order of first appearance")
}

func TestTableZeroAndEmpty(t *testing.T) {
	var zero Table[int]
	_, ok := zero.Get("a")
	assert.False(t, ok)
	assert.True(t, zero.MayHave(1))
	assert.Zero(t, zero.Len())
	empty := FromMap(map[string]int{}, WithFilter(16))
	_, ok = empty.GetBytes(nil)
	assert.False(t, ok)
	_, ok = empty.GetUint64(7)
	assert.False(t, ok)
}

func TestTableUint64(t *testing.T) {
	m := map[string]uint32{}
	var keys []uint64
	r := rand.New(rand.NewPCG(9, 10))
	for i := range 1000 {
		x := r.Uint64()
		keys = append(keys, x)
		var b [8]byte
		binary.LittleEndian.PutUint64(b[:], x)
		m[string(b[:])] = uint32(i)
	}
	tab := FromMap(m)
	for i, x := range keys {
		v, ok := tab.GetUint64(x)
		require.True(t, ok)
		require.Equal(t, uint32(i), v)
	}
	_, ok := tab.GetUint64(12345)
	assert.False(t, ok)
}

func TestTableLookupsDoNotAllocate(t *testing.T) {
	m := map[string]int32{}
	for i := range 500 {
		m["wort"+strconv.Itoa(i)] = int32(i)
	}
	tab := FromMap(m, WithFilter(16))
	key, miss := []byte("wort123"), []byte("wörter")
	allocs := testing.AllocsPerRun(100, func() {
		tab.GetBytes(key)
		tab.GetBytes(miss)
		tab.Get("wort7")
		tab.GetHashedBytes(Hash(key), key)
		tab.GetUint64(99)
	})
	assert.Zero(t, allocs)
}

// TestFilterFalsePositives measures how many absent hashes pass a filter
// of 16 bits per key.
func TestFilterFalsePositives(t *testing.T) {
	const n = 5000
	f := NewFilter(n, 16)
	for i := range n {
		f.Add(Hash("key" + strconv.Itoa(i)))
	}
	pass := 0
	const tries = 100000
	for i := range tries {
		if f.Has(Hash("miss" + strconv.Itoa(i))) {
			pass++
		}
	}
	rate := float64(pass) / tries
	t.Logf("false positives: %.2f %% at 16 bits per key (%d bytes)", 100*rate, f.Bytes())
	assert.Less(t, rate, 0.03)
	var zero Filter
	zero.Add(1)
	assert.False(t, zero.Has(1))
}

// FuzzTable builds a table from keys cut out of the fuzzer's bytes and
// checks every lookup against a Go map, with and without a filter.
func FuzzTable(f *testing.F) {
	f.Add([]byte("der\x00die\x00das\x00abcdefghij\x00\x00x"), []byte("die\x00dies\x00"))
	f.Add([]byte("a\x00a\x00b"), []byte("a\x00c"))
	f.Fuzz(func(t *testing.T, keyBytes, queryBytes []byte) {
		m := map[string]int{}
		for i, k := range splitNUL(keyBytes) {
			m[k] = i
		}
		queries := append(splitNUL(queryBytes), slices.Collect(maps.Keys(m))...)
		for _, tab := range []*Table[int]{FromMap(m), FromMap(m, WithFilter(8))} {
			for _, q := range queries {
				want, wok := m[q]
				got, ok := tab.Get(q)
				require.Equal(t, wok, ok, "%q", q)
				require.Equal(t, want, got, "%q", q)
				got, ok = tab.GetBytes([]byte(q))
				require.Equal(t, wok, ok, "%q", q)
				require.Equal(t, want, got, "%q", q)
			}
		}
	})
}

// splitNUL cuts b at NUL bytes (keys may be empty).
func splitNUL(b []byte) []string {
	var out []string
	for len(b) > 0 {
		i := slices.Index(b, 0)
		if i < 0 {
			out = append(out, string(b))
			break
		}
		out = append(out, string(b[:i]))
		b = b[i+1:]
	}
	return out
}
