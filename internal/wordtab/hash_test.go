package wordtab

import (
	"encoding/binary"
	"math/bits"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestHashMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for n := range 70 {
		for range 200 {
			b := make([]byte, n)
			for i := range b {
				b[i] = byte(r.Uint32())
			}
			want := hashRef(b)
			require.Equal(t, want, Hash(b), "%q", b)
			require.Equal(t, want, Hash(string(b)), "%q", b)
		}
	}
}

func TestHashUint64IsHashOfBytes(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for _, x := range []uint64{0, 1, 0xff, 1 << 63, ^uint64(0), r.Uint64(), r.Uint64()} {
		var b [8]byte
		binary.LittleEndian.PutUint64(b[:], x)
		assert.Equal(t, Hash(b[:]), HashUint64(x), "%#x", x)
	}
}

// TestHashSpread hashes keys that differ little (numbered words, words one
// byte apart, every length) and checks that the low and the high bits that
// the tables use spread them like random numbers: the largest bucket of
// 2^12 stays near the mean, and no two keys share their 64 bits.
func TestHashSpread(t *testing.T) {
	var keys []string
	for i := range 50000 {
		keys = append(keys, "wort"+strconv.Itoa(i))
	}
	for c := range 256 {
		for n := 1; n <= 24; n++ {
			b := make([]byte, n)
			for i := range b {
				b[i] = 'e'
			}
			b[n-1] = byte(c)
			keys = append(keys, string(b))
		}
	}
	seen := make(map[uint64]string, len(keys))
	var low, high [1 << 12]int
	for _, k := range keys {
		h := Hash(k)
		if o, ok := seen[h]; ok && o != k {
			t.Fatalf("%q and %q collide: %#x", o, k, h)
		}
		seen[h] = k
		low[h&(1<<12-1)]++
		high[h>>52]++
	}
	mean := float64(len(seen)) / (1 << 12)
	for name, b := range map[string]*[1 << 12]int{"low": &low, "high": &high} {
		most := 0
		for _, n := range b {
			most = max(most, n)
		}
		// for ~56,000 keys in 4096 buckets (mean ~14) a random hash's
		// fullest bucket holds about 30
		assert.Less(t, float64(most), 3*mean, "%s bits: fullest bucket %d, mean %.1f", name, most, mean)
	}
}

// TestHashAvalanche flips each input bit of short words and checks that
// about half of the output bits change on average.
func TestHashAvalanche(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for _, n := range []int{1, 3, 4, 7, 8, 9, 16, 23} {
		total, flips := 0, 0
		for range 300 {
			b := make([]byte, n)
			for i := range b {
				b[i] = 'a' + byte(r.IntN(26))
			}
			h := Hash(b)
			for bit := range 8 * n {
				b[bit/8] ^= 1 << (bit % 8)
				total += bits.OnesCount64(h ^ Hash(b))
				flips++
				b[bit/8] ^= 1 << (bit % 8)
			}
		}
		avg := float64(total) / float64(flips)
		assert.InDelta(t, 32, avg, 2, "length %d: %.2f bits change per flipped input bit", n, avg)
	}
}
