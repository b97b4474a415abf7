package wordtab

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCachePutGet(t *testing.T) {
	var c Cache[int] // the zero Cache works
	m := map[string]int{}
	for i := range 5000 { // grows several times
		k := "w" + strconv.Itoa(i*7919)
		if i%3 == 0 {
			k += "-langes-wort"
		}
		require.True(t, c.Put(k, i))
		m[k] = i
	}
	require.Equal(t, len(m), c.Len())
	for k, v := range m {
		got, ok := c.Get(k)
		require.True(t, ok, "%q", k)
		require.Equal(t, v, got)
		got, ok = c.GetBytes([]byte(k))
		require.True(t, ok)
		require.Equal(t, v, got)
	}
	for _, k := range []string{"", "w", "w1", "x-langes-wort", "w0-langes-wor"} {
		_, ok := c.Get(k)
		assert.False(t, ok, "%q", k)
	}
	c.Clear()
	assert.Zero(t, c.Len())
	_, ok := c.Get("w0")
	assert.False(t, ok)
}

func TestCacheRef(t *testing.T) {
	c := NewCache[int](WithCapacity(10))
	for _, w := range []string{"der", "die", "der", "Donaudampfschiff", "der", "Donaudampfschiff"} {
		p, _ := c.Ref(Hash(w), w)
		*p++
	}
	v, _ := c.Get("der")
	assert.Equal(t, 3, v)
	v, _ = c.Get("Donaudampfschiff")
	assert.Equal(t, 2, v)
	p, found := c.RefBytes(Hash("die"), []byte("die"))
	assert.True(t, found)
	assert.Equal(t, 1, *p)
}

func TestCacheUint64Keys(t *testing.T) {
	var c Cache[int32]
	for i := range uint64(3000) {
		p, found := c.RefUint64(i * 0x9e3779b97f4a7c15)
		require.False(t, found)
		*p = int32(i)
	}
	for i := range uint64(3000) {
		v, ok := c.GetUint64(i * 0x9e3779b97f4a7c15)
		require.True(t, ok)
		require.Equal(t, int32(i), v)
	}
	_, ok := c.GetUint64(1)
	assert.False(t, ok)
	// an integer key is the string of its 8 little-endian bytes
	v, ok := c.Get("\x15\x7c\x4a\x7f\xb9\x79\x37\x9e")
	assert.True(t, ok)
	assert.Equal(t, int32(1), v)
}

// TestCacheCopiesKeys changes the caller's buffer after Put: the cache must
// have kept its own copy.
func TestCacheCopiesKeys(t *testing.T) {
	var c Cache[int]
	buf := []byte("abhängigkeiten")
	c.PutHashedBytes(Hash(buf), buf, 1)
	copy(buf, "xxxxxxxxxxxxxxxx")
	v, ok := c.Get("abhängigkeiten")
	assert.True(t, ok)
	assert.Equal(t, 1, v)
}

// TestCacheLimit checks the bound: keys beyond the limit are refused, and
// Renew starts over once four times the limit were refused.
func TestCacheLimit(t *testing.T) {
	c := NewCache[int](WithLimit(10))
	for i := range 10 {
		require.True(t, c.Put("k"+strconv.Itoa(i), i))
	}
	require.True(t, c.Put("k3", 33), "a stored key takes a new value when full")
	for i := range 38 {
		require.False(t, c.Put("new"+strconv.Itoa(i), i), "refused %d", i)
	}
	p, _ := c.Ref(Hash("other"), "other")
	require.Nil(t, p, "the 39th refusal")
	assert.False(t, c.Renew(), "39 refusals are not enough")
	assert.Equal(t, 10, c.Len())
	v, ok := c.Get("k3")
	assert.True(t, ok, "the first keys stay")
	assert.Equal(t, 33, v)
	require.False(t, c.Put("fresh", 1), "the 40th refusal")
	assert.True(t, c.Renew())
	assert.Zero(t, c.Len())
	require.True(t, c.Put("fresh", 1))
	assert.False(t, c.Renew())
	var unbounded Cache[int]
	unbounded.Put("a", 1)
	assert.False(t, unbounded.Renew())
}

func TestCacheLookupsDoNotAllocate(t *testing.T) {
	var c Cache[int]
	for i := range 1000 {
		c.Put("wort"+strconv.Itoa(i)+"-lang", i)
	}
	k1, k2 := []byte("wort5-lang"), []byte("kurz")
	hs := []uint64{Hash(k1), Hash(k2)}
	allocs := testing.AllocsPerRun(100, func() {
		c.GetBytes(k1)
		c.GetBytes(k2)
		c.Get("wort77-lang")
		c.Prefetch(hs)
		p, _ := c.RefBytes(hs[0], k1)
		*p++
		c.GetUint64(42)
		q, _ := c.RefUint64(42)
		*q++
	})
	assert.Zero(t, allocs)
}

// FuzzCache runs operations read from the fuzzer's bytes on a cache and a
// Go map: puts, gets, increments, clears, with a limit or none.
func FuzzCache(f *testing.F) {
	f.Add([]byte("\x01der\x00\x02der\x00\x01donaudampfschiff\x00\x03donaudampfschiff\x00\x04\x02der\x00"), uint8(0))
	f.Add([]byte("\x01a\x00\x01b\x00\x01c\x00\x01d\x00\x02a\x00"), uint8(2))
	f.Fuzz(func(t *testing.T, ops []byte, limit uint8) {
		c := NewCache[int](WithLimit(int(limit)))
		m := map[string]int{}
		refused := 0
		// admit is the cache's bound policy on the model: whether a key is
		// stored, clearing the model when the cache starts over
		admit := func(had bool) bool {
			if had || limit == 0 || len(m) < int(limit) {
				return true
			}
			refused++
			return false
		}
		for len(ops) > 0 {
			op := ops[0] % 7
			ops = ops[1:]
			var k string
			if op < 4 {
				i := 0
				for i < len(ops) && ops[i] != 0 {
					i++
				}
				k = string(ops[:i])
				ops = ops[min(i+1, len(ops)):]
			}
			_, had := m[k]
			switch op {
			case 0, 1: // put
				v := len(m) + 1
				ok := c.Put(k, v)
				require.Equal(t, admit(had), ok, "put %q", k)
				if ok {
					m[k] = v
				}
			case 2: // get
				want, wok := m[k]
				got, ok := c.GetBytes([]byte(k))
				require.Equal(t, wok, ok, "get %q", k)
				require.Equal(t, want, got, "get %q", k)
			case 3: // increment
				p, found := c.Ref(Hash(k), k)
				if !admit(had) {
					require.Nil(t, p, "ref %q", k)
					continue
				}
				require.NotNil(t, p, "ref %q", k)
				require.Equal(t, had, found, "ref %q", k)
				*p++
				m[k]++
			case 4:
				c.Clear()
				clear(m)
				refused = 0
			case 5:
				c.Reset(len(ops))
				clear(m)
				refused = 0
			case 6:
				renew := limit > 0 && refused >= 4*int(limit)
				require.Equal(t, renew, c.Renew())
				if renew {
					clear(m)
					refused = 0
				}
			}
			require.Equal(t, len(m), c.Len())
		}
	})
}

// TestCacheReset shrinks and regrows the table between "documents" of
// different sizes: every document's keys, and only they, are found.
func TestCacheReset(t *testing.T) {
	var c Cache[int]
	for doc, n := range []int{3000, 5, 200, 0, 4000, 17} {
		c.Reset(n)
		for i := range n {
			k := "k" + strconv.Itoa(doc) + "-" + strconv.Itoa(i)
			p, found := c.Ref(Hash(k), k)
			require.False(t, found)
			*p = i
		}
		require.Equal(t, n, c.Len())
		for i := range n {
			k := "k" + strconv.Itoa(doc) + "-" + strconv.Itoa(i)
			v, ok := c.GetBytes([]byte(k))
			require.True(t, ok, "%s", k)
			require.Equal(t, i, v)
		}
		_, ok := c.Get("k0-1")
		assert.Equal(t, doc == 0 && n > 1, ok, "doc %d", doc)
	}
}
