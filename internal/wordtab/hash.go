package wordtab

import "math/bits"

// Hash returns the 64-bit hash of the bytes of b. A string and a byte slice
// with the same bytes hash alike, so a table built from strings is looked
// up with a caller's byte buffer without converting it.
//
// Words are short (most German words have 2 to 12 bytes), so the hash reads
// a word of up to 8 bytes with at most two overlapping loads and folds it
// in with one 64×64→128-bit multiplication; longer words cost one more
// multiplication per 8 bytes. It is not keyed and no defence against chosen
// collisions, which cost a table only probes: every table checks the key on
// a hash match. All bits are usable: tables take their slot from the low
// bits and their tag and filter bits from the high ones.
//
// The values are stable (they are the same in every process and on every
// platform) but are no file format: nothing may store them.
func Hash[T ~string | ~[]byte](b T) uint64 {
	n := len(b)
	h := uint64(hashSeed0)
	var x uint64
	switch {
	case n > 8:
		for i := 0; i+8 < n; i += 8 {
			h = mum(h^Load64(b, i), hashSeed1)
		}
		x = Load64(b, n-8)
	case n >= 4:
		x = uint64(Load32(b, 0))<<32 | uint64(Load32(b, n-4))
	case n > 0:
		x = uint64(b[0])<<16 | uint64(b[n>>1])<<8 | uint64(b[n-1])
	}
	return mum(h^x, hashSeed2^uint64(n))
}

// HashUint64 hashes an integer key (packed ids, a hash from elsewhere): it
// is Hash of the key's 8 bytes in little-endian order, so a table may hold
// integer keys as 8-byte strings.
func HashUint64(x uint64) uint64 {
	return mum(hashSeed0^bits.RotateLeft64(x, 32), hashSeed2^8)
}

// hashRef is Hash written plainly: the same 8-byte words, read byte by
// byte.
func hashRef(b []byte) uint64 {
	n := len(b)
	word := func(i, k int) uint64 { // k bytes from b[i], little-endian
		var x uint64
		for j := range k {
			x |= uint64(b[i+j]) << (8 * j)
		}
		return x
	}
	h := uint64(hashSeed0)
	var x uint64
	switch {
	case n > 8:
		i := 0
		for ; n-i > 8; i += 8 {
			h = mum(h^word(i, 8), hashSeed1)
		}
		x = word(n-8, 8)
	case n >= 4:
		x = word(0, 4)<<32 | word(n-4, 4)
	case n == 3:
		x = uint64(b[0])<<16 | uint64(b[1])<<8 | uint64(b[2])
	case n == 2:
		x = uint64(b[0])<<16 | uint64(b[1])<<8 | uint64(b[1])
	case n == 1:
		x = uint64(b[0])<<16 | uint64(b[0])<<8 | uint64(b[0])
	}
	return mum(h^x, hashSeed2^uint64(n))
}

// Constants of Hash: odd, with about half of their bits set.
const (
	hashSeed0 = 0xa0761d6478bd642f
	hashSeed1 = 0xe7037ed1a0b428db
	hashSeed2 = 0x8ebc6af09c88c6e3
)

// mum multiplies a and b into 128 bits and folds the halves together with
// xor: every bit of the result depends on every bit of a and b.
func mum(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	return hi ^ lo
}
