// Finding a CSV field's end sixteen bytes at a time. In C because Swift's SIMD types have no
// way to turn a comparison into a bit mask in one instruction (SSE2's movemask); without it, the
// portable eight-byte search in ChunkScanner is the faster one.
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
