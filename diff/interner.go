package diff

import (
	"math"
	"strings"
	"unsafe"
)

// interner maps matching forms to dense ids shared by both sides. It is an
// open-addressing hash table (keyHash). A key of up to seven bytes (most
// words) is packed into the slot with its length and hashed from that
// packed form, which the tokenizer builds in one load, so that finding it
// takes one memory access and no comparison of strings; a longer key is
// hashed by FNV-1a.
type interner struct {
	keys   []string
	hashes []uint32
	slots  []islot
	mask   uint32
	buf    []byte
	// arena holds the keys' bytes one after another; a full arena is
	// left as it is (keys point into it) and a new one started.
	arena []byte
	// byteIDs caches the ids of one-byte keys (punctuation) plus one; 0
	// when not yet known.
	byteIDs [128]int32
}

// idByte interns a one-byte ASCII key.
func (in *interner) idByte(c byte) int32 {
	if v := in.byteIDs[c]; v != 0 {
		return v - 1
	}
	id := in.id(string([]byte{c}))
	in.byteIDs[c] = id + 1
	return id
}

// islot is one slot of the table: hid is hash<<32 | id+1 (0 for an empty
// slot); pk is the packed key for short keys, 0 for longer ones.
type islot struct {
	hid uint64
	pk  uint64
}

const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
	// maxPacked is the longest key packed into a slot: seven bytes and the
	// length in the eighth.
	maxPacked = 7
)

func fnvString(s string) uint32 {
	h := uint32(fnvOffset)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * fnvPrime
	}
	return h
}

// pack packs a key of at most maxPacked bytes with its length; 0 for a
// longer key.
func pack(key string) uint64 {
	if len(key) > maxPacked {
		return 0
	}
	pk := uint64(len(key)) << 56
	for k := 0; k < len(key); k++ {
		pk |= uint64(key[k]) << (8 * k)
	}
	return pk
}

// unpack gives back the key that pack packed.
func unpack(pk uint64) string {
	n := int(pk >> 56)
	var b [maxPacked]byte
	for k := 0; k < n; k++ {
		b[k] = byte(pk >> (8 * k))
	}
	return string(b[:n])
}

func newInterner() *interner { return newInternerFor(0) }

// newInternerFor makes an interner sized for about textLen bytes of text,
// so that a text does not grow the table (and copy it) on the way: at most
// half the slots used by the distinct keys expected, which grow about as
// the square root of a text's length (ten for each square root of its
// bytes: 3,000 in 100 KB) and, in a long text, by about one for each 128
// bytes.
func newInternerFor(textLen int) *interner {
	keys := max(textLen/128, 10*int(math.Sqrt(float64(textLen))))
	size := 1 << 12
	for size < 2*keys && size < 1<<17 {
		size <<= 1
	}
	in := &interner{slots: writtenFirst[islot](size), mask: uint32(size - 1),
		keys: make([]string, 0, size/2), hashes: make([]uint32, 0, size/2)}
	in.id(paraKey) // id 0 is the paragraph break
	return in
}

// id interns a key.
func (in *interner) id(key string) int32 { return in.idHash(key, keyHash(key)) }

// keyHash is the hash the table files a key under: for a short key a mix
// of its packed form (the tokenizer has it in a register), for a longer
// one FNV-1a.
func keyHash(key string) uint32 {
	if len(key) <= maxPacked {
		return packedHash(pack(key))
	}
	return fnvString(key)
}

// packedHash hashes a packed short key: one multiplication, the high bits
// kept.
func packedHash(pk uint64) uint32 { return uint32((pk * 0x9e3779b97f4a7c15) >> 32) }

// fnvBytes is fnvString of a scratch buffer's bytes (a folded long word).
func fnvBytes(b []byte) uint32 {
	h := uint32(fnvOffset)
	for _, c := range b {
		h = (h ^ uint32(c)) * fnvPrime
	}
	return h
}

// idHash interns a key whose hash (keyHash) is h.
func (in *interner) idHash(key string, h uint32) int32 {
	if len(key) <= maxPacked {
		return in.idPacked(pack(key), h)
	}
	return in.idLong(key, h)
}

// idLong interns a key longer than maxPacked whose FNV-1a hash is h.
func (in *interner) idLong(key string, h uint32) int32 {
	for i := h & in.mask; ; i = (i + 1) & in.mask {
		v := in.slots[i].hid
		if v == 0 {
			return in.insert(key, h, 0, i)
		}
		if uint32(v>>32) == h {
			if id := int32(uint32(v)) - 1; in.keys[id] == key {
				return id
			}
		}
	}
}

// idPacked interns a short key given packed (pk, which holds the key
// whole) and hashed (h).
func (in *interner) idPacked(pk uint64, h uint32) int32 {
	for i := h & in.mask; ; i = (i + 1) & in.mask {
		sl := in.slots[i]
		if sl.hid == 0 {
			return in.insert(unpack(pk), h, pk, i)
		}
		if sl.pk == pk && uint32(sl.hid>>32) == h {
			return int32(uint32(sl.hid)) - 1
		}
	}
}

// idBytes interns a key held in a scratch buffer, copying it only when new.
func (in *interner) idBytes(key []byte, h uint32) int32 {
	if len(key) <= maxPacked {
		pk := uint64(len(key)) << 56
		for k := 0; k < len(key); k++ {
			pk |= uint64(key[k]) << (8 * k)
		}
		return in.idPacked(pk, packedHash(pk))
	}
	for i := h & in.mask; ; i = (i + 1) & in.mask {
		v := in.slots[i].hid
		if v == 0 {
			return in.insert(string(key), h, 0, i)
		}
		if uint32(v>>32) == h {
			if id := int32(uint32(v)) - 1; in.keys[id] == string(key) {
				return id
			}
		}
	}
}

func (in *interner) insert(key string, h uint32, pk uint64, slot uint32) int32 {
	id := int32(len(in.keys))
	// A copy, so that the keys sit together in memory rather than
	// scattered over the texts: lookups of long keys compare with one.
	in.keys = append(in.keys, in.store(key))
	in.hashes = append(in.hashes, h)
	in.slots[slot] = islot{uint64(h)<<32 | uint64(id+1), pk}
	if 2*len(in.keys) > len(in.slots) {
		in.grow()
	}
	return id
}

// arenaSize is the size of each of the interner's arenas of key bytes.
const arenaSize = 32 << 10

// store copies key into the arena: keys then lie one after another in
// memory, and interning a text's few thousand distinct words costs a few
// allocations, not one each.
func (in *interner) store(key string) string {
	if len(key) > arenaSize/8 {
		return strings.Clone(key)
	}
	if len(in.arena)+len(key) > cap(in.arena) {
		in.arena = make([]byte, 0, arenaSize)
	}
	off := len(in.arena)
	in.arena = append(in.arena, key...)
	// The bytes at off are never written again: later keys go after
	// them, or into a new arena.
	return unsafe.String(unsafe.SliceData(in.arena[off:]), len(key))
}

func (in *interner) grow() {
	n := 2 * len(in.slots)
	in.slots = writtenFirst[islot](n)
	in.mask = uint32(n - 1)
	for id, h := range in.hashes {
		i := h & in.mask
		for in.slots[i].hid != 0 {
			i = (i + 1) & in.mask
		}
		in.slots[i] = islot{uint64(h)<<32 | uint64(id+1), pack(in.keys[id])}
	}
}

// lookup finds the id of a key without adding it.
func (in *interner) lookup(key string) (int32, bool) {
	h := keyHash(key)
	for i := h & in.mask; ; i = (i + 1) & in.mask {
		v := in.slots[i].hid
		if v == 0 {
			return 0, false
		}
		if id := int32(uint32(v)) - 1; uint32(v>>32) == h && in.keys[id] == key {
			return id, true
		}
	}
}
