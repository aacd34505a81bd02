// Finding CSV fields' ends many bytes at a time. In C because Swift's SIMD types have no way to
// turn a comparison into a bit mask in one instruction (SSE2's movemask); without it, the
// portable searches in ChunkScanner and FieldCursor are the faster ones.
#include <stdint.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#define LOCKSTEP_HAS_SSE2 1
// Bit i is set when byte i of the sixteen at `bytes` is a comma, a line feed or a carriage return.
static inline uint32_t lockstep_field_stops16(const uint8_t *bytes) {
    __m128i block = _mm_loadu_si128((const __m128i *)bytes);
    __m128i stops = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(block, _mm_set1_epi8(',')), _mm_cmpeq_epi8(block, _mm_set1_epi8('\n'))),
        _mm_cmpeq_epi8(block, _mm_set1_epi8('\r')));
    return (uint32_t)_mm_movemask_epi8(stops);
}
#else
#define LOCKSTEP_HAS_SSE2 0
static inline uint32_t lockstep_field_stops16(const uint8_t *bytes) {
    uint32_t mask = 0;
    for (int i = 0; i < 16; i++) {
        if (bytes[i] == ',' || bytes[i] == '\n' || bytes[i] == '\r') mask |= 1u << i;
    }
    return mask;
}
#endif

// The structure of sixty-four bytes of CSV: bit i of each mask is set when byte i is a quote,
// a comma, or a line break (line feed or carriage return).
typedef struct {
    uint64_t quotes, commas, breaks;
} lockstep_csv_masks;

static inline lockstep_csv_masks lockstep_csv_masks64(const uint8_t *bytes) {
    lockstep_csv_masks masks = {0, 0, 0};
#if defined(__SSE2__)
    for (int part = 0; part < 4; part++) {
        __m128i block = _mm_loadu_si128((const __m128i *)(bytes + 16 * part));
        uint64_t quotes = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(block, _mm_set1_epi8('"')));
        uint64_t commas = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(block, _mm_set1_epi8(',')));
        uint64_t breaks = (uint32_t)_mm_movemask_epi8(
            _mm_or_si128(_mm_cmpeq_epi8(block, _mm_set1_epi8('\n')), _mm_cmpeq_epi8(block, _mm_set1_epi8('\r'))));
        masks.quotes |= quotes << (16 * part);
        masks.commas |= commas << (16 * part);
        masks.breaks |= breaks << (16 * part);
    }
#else
    for (int i = 0; i < 64; i++) {
        uint64_t bit = (uint64_t)1 << i;
        if (bytes[i] == '"') masks.quotes |= bit;
        if (bytes[i] == ',') masks.commas |= bit;
        if (bytes[i] == '\n' || bytes[i] == '\r') masks.breaks |= bit;
    }
#endif
    return masks;
}
