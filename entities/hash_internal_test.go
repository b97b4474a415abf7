package entities

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestScratchTableGrows: a table reset for fewer keys than it gets grows
// and keeps every key and value, also across reset and release.
func TestScratchTableGrows(t *testing.T) {
	var tab scratchTable
	for _, n := range []int{1, 7, 100, 5000} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			tab.reset(1)
			keys := make([]string, n)
			for i := range keys {
				keys[i] = fmt.Sprintf("Wort%d", i)
				s, ok := tab.slot(wordHash(keys[i]), keys[i])
				require.False(t, ok)
				s.val = int32(i)
			}
			assert.LessOrEqual(t, 2*n, len(tab.slots), "at most half full")
			for i, k := range keys {
				v, ok := tab.get(wordHash(k), k)
				require.True(t, ok, k)
				assert.Equal(t, int32(i), v)
				s, ok := tab.slot(wordHash(k), k)
				require.True(t, ok)
				assert.Equal(t, int32(i), s.val)
			}
			_, ok := tab.get(wordHash("fehlt"), "fehlt")
			assert.False(t, ok)
			tab.release()
		})
	}
}
