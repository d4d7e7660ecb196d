#include "CWordScan.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <immintrin.h>
#define HAVE_AVX512_READER 1
#endif

#if !defined(__BYTE_ORDER__) || __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "The word scanner reads eight bytes as one number, the first in the low byte."
#endif

// ---------------------------------------------------------------------------
// The rules (SiteKit's SearchText and SearchTests.wordsByTheRules say them
// in Swift): a word is a run of ASCII letters and digits and of the Latin-1
// letters U+00C0…U+00FF, lower-cased; Latin-1 letters lose their marks (ß
// becomes ss); an e after a, o or u is dropped unless a vowel or q comes
// before that letter (ae, oe, ue are ä, ö, ü), looking at the letters as
// written. In HTML a tag is skipped to its `>` and a character reference
// (`&amp;`) ends a word and is skipped. Folded words of 2…64 bytes count.
//
// How: the text is read in windows of 64 bytes. For a window, a few
// comparisons of all its bytes at once give one bit per byte for each
// thing that matters (letter or digit, `<`, `>`, `&`, the lead byte of
// a Latin-1 letter, an e the rule drops). The words are then found with
// bit arithmetic, and a plain ASCII word is taken as one or two numbers of
// eight bytes: hashed, looked up and counted without a loop over its
// letters. A branch that goes one way or the other by the text costs more
// than the rest of a word's work, so there are few. A word with a Latin-1
// letter is read a run at a time (its ASCII eight bytes at a time, its
// Latin-1 letters by a table).
//
// Where the processor compresses bytes (AVX-512 VBMI2), `scan_folding`
// folds all words of a window at once instead: no word is read twice, and
// plain words, words with umlauts and words the e rule shortens take the
// same way (a word's branches cost more than its folding).
// ---------------------------------------------------------------------------

#define ONES 0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL
#define LOWER_BITS 0x2020202020202020ULL
/// A word as written, in chunks of eight bytes: 128 bytes (a longer one folds
/// to more than the maximum) and one chunk of zeros.
#define CHUNKS 17
#define WINDOW 64

static inline uint64_t load8(const uint8_t *p) {
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
}

/// Eight bytes from `p`, or the `available` that are left followed by zeros
/// (a zero ends a word), never reading past the text.
static inline uint64_t load_at_most(const uint8_t *p, size_t available) {
    if (available >= 8) return load8(p);
    uint64_t v = 0;
    memcpy(&v, p, available);
    return v;
}

static inline unsigned lowest(uint64_t bits) { return (unsigned)__builtin_ctzll(bits); }

/// Bits `from` and above (`from` below 64).
static inline uint64_t from_bit(unsigned from) { return ~0ULL << from; }

// --- Eight bytes as one number: the high bit of each byte that passes -----

/// Bytes at least `floor` (for bytes below 0x80).
static inline uint64_t at_least(uint64_t x, uint8_t floor) { return ((x | HIGHS) - floor * ONES) & HIGHS; }

/// Bytes equal to `byte`.
static inline uint64_t equal(uint64_t x, uint8_t byte) {
    uint64_t v = x ^ (byte * ONES);
    return ~(((v & ~HIGHS) + ~HIGHS) | v) & HIGHS;
}

/// ASCII letters and digits.
static inline uint64_t letters_and_digits(uint64_t x) {
    uint64_t lower = x | LOWER_BITS;
    uint64_t letters = at_least(lower, 'a') & ~at_least(lower, 'z' + 1);
    uint64_t digits = at_least(x, '0') & ~at_least(x, '9' + 1);
    return (letters | digits) & ~(x & HIGHS);
}

/// The high bits of the eight bytes as the low eight bits, the first byte's lowest.
static inline uint64_t gather(uint64_t highs) { return ((highs >> 7) * 0x0102040810204080ULL) >> 56; }

// --- Tables -----------------------------------------------------------------

/// What a byte is to the byte-wise reader: a letter or digit as its
/// lower-case self (at least '0'), or one of these.
enum { SEPARATOR = 0, LATIN1_LEAD = 3, LETTER = '0' };

static uint8_t byte_class[256];
/// The e rule's view of a letter as written: 1 for a, o, u (an e after it may
/// be dropped), 2 for a vowel or q (the e after a, o, u that follows it stays).
static uint8_t byte_rule[256];
/// U+00C0…U+00FF by their second UTF-8 byte less 0x80: one or two letters
/// (the first in the low byte), 0 for the signs and letters without a
/// decomposition (Æ, Ø, Þ, ×), which end a word.
static uint16_t latin1_letter[64];
#if HAVE_AVX512_READER
/// Whether this processor reads a window with AVX-512 (BW).
static bool has_avx512;
/// Whether this processor compresses bytes (AVX-512 VBMI2): then every word
/// of a window is folded at once (`scan_folding`).
static bool has_vbmi2;
/// A Latin-1 letter by its second byte (its low six bits): the letter, or
/// 0 for a sign; ß is s (its second byte is the second s).
static uint8_t latin1_single[64];
#endif

static void make_tables(void) {
#if HAVE_AVX512_READER
    has_avx512 = __builtin_cpu_supports("avx512bw");
    has_vbmi2 = has_avx512 && __builtin_cpu_supports("avx512vbmi") && __builtin_cpu_supports("avx512vbmi2")
                && __builtin_cpu_supports("bmi2") && __builtin_cpu_supports("popcnt");
#endif
    for (int b = 0; b < 256; b++) {
        uint8_t c = SEPARATOR;
        if ((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')) c = (uint8_t)b;
        else if (b >= 'A' && b <= 'Z') c = (uint8_t)(b | 0x20);
        else if (b == 0xC3) c = LATIN1_LEAD;
        byte_class[b] = c;
        byte_rule[b] = (b == 'a' || b == 'o' || b == 'u') ? 3 : (b == 'e' || b == 'i' || b == 'q') ? 2 : 0;
    }
    // One letter per code point, À to ß then à to ÿ; _ ends a word, S is ß.
    const char *table = "aaaaaa_ceeeeiiii_nooooo__uuuuy_S"
                        "aaaaaa_ceeeeiiii_nooooo__uuuuy_y";
    for (int i = 0; i < 64; i++) {
        char letter = table[i];
        latin1_letter[i] = letter == '_' ? 0 : letter == 'S' ? (uint16_t)('s' | 's' << 8) : (uint16_t)letter;
#if HAVE_AVX512_READER
        latin1_single[i] = (uint8_t)latin1_letter[i];
#endif
    }
}

static inline void ensure_tables(void) {
    // Written once, before any reader: every reader passes here first.
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, make_tables);
}

static inline bool is_latin1_letter(const uint8_t *text, size_t length, size_t at) {
    return text[at] == 0xC3 && at + 1 < length && text[at + 1] >= 0x80 && text[at + 1] <= 0xBF
           && latin1_letter[text[at + 1] - 0x80] != 0;
}

// --- A window's bits ----------------------------------------------------------

struct window {
    uint64_t plain; // ASCII letters and digits
    uint64_t lead;  // 0xC3, the lead byte of U+00C0…U+00FF
    uint64_t open;  // `<` (HTML only)
    uint64_t close; // `>` (HTML only)
    uint64_t ref;   // `&` (HTML only)
    uint64_t drop;  // an e the rule drops (a word with one is folded byte by byte, by the rule itself)
};

/// The rule's bits from those of e, of a, o, u (back) and of the vowels and q.
/// The bytes before the window are none of these: a window starts at a word
/// or outside one, and a word's first letter has no letter before it.
static inline uint64_t dropped_es(uint64_t e, uint64_t back, uint64_t vowel) { return e & (back << 1) & ~(vowel << 2); }

static inline void window_portable(const uint8_t *w, bool html, struct window *m) {
    uint64_t plain = 0, lead = 0, open = 0, close = 0, ref = 0, e = 0, back = 0, vowel = 0;
    for (unsigned k = 0; k < WINDOW / 8; k++) {
        uint64_t x = load8(w + 8 * k);
        uint64_t lower = x | LOWER_BITS;
        unsigned at = 8 * k;
        plain |= gather(letters_and_digits(x)) << at;
        lead |= gather(equal(x, 0xC3)) << at;
        if (html) {
            open |= gather(equal(x, '<')) << at;
            close |= gather(equal(x, '>')) << at;
            ref |= gather(equal(x, '&')) << at;
        }
        uint64_t ee = equal(lower, 'e');
        uint64_t bb = equal(lower, 'a') | equal(lower, 'o') | equal(lower, 'u');
        e |= gather(ee) << at;
        back |= gather(bb) << at;
        vowel |= gather(bb | ee | equal(lower, 'i') | equal(lower, 'q')) << at;
    }
    *m = (struct window){plain, lead, open, close, ref, dropped_es(e, back, vowel)};
}

#if defined(__SSE2__)
static inline void window_sse2(const uint8_t *w, bool html, struct window *m) {
    uint64_t plain = 0, lead = 0, open = 0, close = 0, ref = 0, e = 0, back = 0, vowel = 0;
    for (unsigned k = 0; k < WINDOW / 16; k++) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(w + 16 * k));
        __m128i lower = _mm_or_si128(x, _mm_set1_epi8(0x20));
        // Unsigned ranges as signed comparisons: shifted so that the range starts at -128.
        __m128i letters = _mm_cmplt_epi8(_mm_add_epi8(lower, _mm_set1_epi8((char)(128 - 'a'))), _mm_set1_epi8(-128 + 26));
        __m128i digits = _mm_cmplt_epi8(_mm_add_epi8(x, _mm_set1_epi8((char)(128 - '0'))), _mm_set1_epi8(-128 + 10));
        unsigned at = 16 * k;
#define BITS(v) ((uint64_t)(uint16_t)_mm_movemask_epi8(v) << at)
        plain |= BITS(_mm_or_si128(letters, digits));
        lead |= BITS(_mm_cmpeq_epi8(x, _mm_set1_epi8((char)0xC3)));
        if (html) {
            open |= BITS(_mm_cmpeq_epi8(x, _mm_set1_epi8('<')));
            close |= BITS(_mm_cmpeq_epi8(x, _mm_set1_epi8('>')));
            ref |= BITS(_mm_cmpeq_epi8(x, _mm_set1_epi8('&')));
        }
        __m128i ee = _mm_cmpeq_epi8(lower, _mm_set1_epi8('e'));
        __m128i bb = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(lower, _mm_set1_epi8('a')), _mm_cmpeq_epi8(lower, _mm_set1_epi8('o'))),
                                  _mm_cmpeq_epi8(lower, _mm_set1_epi8('u')));
        __m128i vv = _mm_or_si128(_mm_or_si128(bb, ee), _mm_or_si128(_mm_cmpeq_epi8(lower, _mm_set1_epi8('i')),
                                                                     _mm_cmpeq_epi8(lower, _mm_set1_epi8('q'))));
        e |= BITS(ee);
        back |= BITS(bb);
        vowel |= BITS(vv);
#undef BITS
    }
    *m = (struct window){plain, lead, open, close, ref, dropped_es(e, back, vowel)};
}
#endif

#if HAVE_AVX512_READER
/// All 64 bytes at once, where the processor has AVX-512 (chosen when the
/// first text is read; the same bits as the others).
__attribute__((target("avx512bw"))) static void window_avx512(const uint8_t *w, bool html, struct window *m) {
    __m512i x = _mm512_loadu_si512((const void *)w);
    __m512i lower = _mm512_or_si512(x, _mm512_set1_epi8(0x20));
    uint64_t letters = _mm512_cmplt_epu8_mask(_mm512_sub_epi8(lower, _mm512_set1_epi8('a')), _mm512_set1_epi8(26));
    uint64_t digits = _mm512_cmplt_epu8_mask(_mm512_sub_epi8(x, _mm512_set1_epi8('0')), _mm512_set1_epi8(10));
    uint64_t open = 0, close = 0, ref = 0;
    if (html) {
        open = _mm512_cmpeq_epi8_mask(x, _mm512_set1_epi8('<'));
        close = _mm512_cmpeq_epi8_mask(x, _mm512_set1_epi8('>'));
        ref = _mm512_cmpeq_epi8_mask(x, _mm512_set1_epi8('&'));
    }
    uint64_t e = _mm512_cmpeq_epi8_mask(lower, _mm512_set1_epi8('e'));
    uint64_t back = _mm512_cmpeq_epi8_mask(lower, _mm512_set1_epi8('a')) | _mm512_cmpeq_epi8_mask(lower, _mm512_set1_epi8('o'))
                    | _mm512_cmpeq_epi8_mask(lower, _mm512_set1_epi8('u'));
    uint64_t vowel = back | e | _mm512_cmpeq_epi8_mask(lower, _mm512_set1_epi8('i')) | _mm512_cmpeq_epi8_mask(lower, _mm512_set1_epi8('q'));
    *m = (struct window){letters | digits, _mm512_cmpeq_epi8_mask(x, _mm512_set1_epi8((char)0xC3)), open, close, ref,
                         dropped_es(e, back, vowel)};
}

#endif

static inline __attribute__((always_inline)) void window_bits(const uint8_t *w, bool html, int reader, struct window *m) {
#if HAVE_AVX512_READER
    if ((reader == SITEGEN_READER_BEST || reader == SITEGEN_READER_AVX512) && has_avx512) {
        window_avx512(w, html, m);
        return;
    }
#endif
#if defined(__SSE2__)
    if (reader != SITEGEN_READER_PORTABLE) {
        window_sse2(w, html, m);
        return;
    }
#endif
    window_portable(w, html, m);
}

// --- The table ----------------------------------------------------------------
// Open addressing with linear probing. A slot holds what a word met again
// needs: its first 16 bytes, 24 bits of its hash with its length (0 for a
// free slot), its number and its counts for the current document. So a
// word is found, compared and counted in one place in memory: a chain of
// lookups (slot, then number, then bytes, then counts) cost more than all
// the reading. Longer words are compared on from their chunks, kept with
// the bytes of all words (chunks of eight padded with zeros, at least two).

struct sitegen_word_slot {
    uint64_t c0, c1;
    uint32_t tag;
    uint32_t id;
    /// The number of the document these counts are for, above eight bits of
    /// the body's count (which stops at 255: only its first few count).
    uint32_t seen;
    int32_t weighted;
};

static inline uint64_t hash_step(uint64_t h, uint64_t chunk) {
    uint64_t m = (h ^ chunk) * 0x9E3779B97F4A7C15ULL;
    return m ^ (m >> 31);
}

static inline uint64_t hash_finish(uint64_t h) {
    uint64_t mixed = (h ^ (h >> 29)) * 0xBF58476D1CE4E5B9ULL;
    return mixed ^ (mixed >> 32);
}

/// A word of at most 16 bytes: two multiplications side by side, not one
/// after the other (the hash is on the way from every word to its slot).
static inline uint64_t hash2(uint64_t c0, uint64_t c1, size_t length) {
    uint64_t h = (c0 ^ length) * 0x9E3779B97F4A7C15ULL + c1 * 0xBF58476D1CE4E5B9ULL;
    return h ^ (h >> 32);
}

/// Chunks a word of `length` bytes is kept in.
static inline size_t chunk_count(size_t length) { return length <= 16 ? 2 : (length + 7) / 8; }

static inline uint64_t hash_chunks(const uint64_t *chunks, size_t length) {
    if (length <= 16) return hash2(chunks[0], chunks[1], length);
    uint64_t h = 0xcbf29ce484222325ULL ^ length;
    for (size_t k = 0; k < chunk_count(length); k++) h = hash_step(h, chunks[k]);
    return hash_finish(h);
}

static inline uint32_t slot_tag(uint64_t hash, size_t length) { return (uint32_t)(hash >> 40) << 8 | (uint32_t)length; }

static void *grown(void *memory, size_t size) {
    void *result = realloc(memory, size);
    if (!result && size) abort();
    return result;
}

static struct sitegen_word_slot *slot_array(size_t count) {
    struct sitegen_word_slot *slots = calloc(count, sizeof(struct sitegen_word_slot));
    if (!slots) abort();
    return slots;
}

sitegen_words *sitegen_words_create(uint32_t capacity) {
    sitegen_words *table = calloc(1, sizeof *table);
    if (!table) abort();
    if (capacity < 16) capacity = 16;
    size_t slots = 16;
    while (slots < (size_t)capacity * 2) slots <<= 1;
    table->slots = slot_array(slots);
    table->mask = slots - 1;
    table->capacity = capacity;
    table->touched = grown(NULL, capacity * sizeof(uint32_t));
    table->stem_of = grown(NULL, capacity * sizeof(int32_t));
    table->length = grown(NULL, capacity);
    table->first_chunk = grown(NULL, capacity * sizeof(uint32_t));
    table->chunks_capacity = (size_t)capacity * 3;
    table->chunks = grown(NULL, table->chunks_capacity * sizeof(uint64_t));
    // Document 0 is none: a new word's counts start with the current one.
    table->current = 1;
    return table;
}

void sitegen_words_destroy(sitegen_words *table) {
    if (!table) return;
    free(table->slots);
    free(table->touched);
    free(table->stem_of);
    free(table->stem_score);
    free(table->stems_touched);
    free(table->stem_documents);
    free(table->entries);
    free(table->length);
    free(table->first_chunk);
    free(table->chunks);
    free(table);
}

static void grow_words(sitegen_words *table) {
    uint32_t capacity = table->capacity * 2;
    table->touched = grown(table->touched, capacity * sizeof(uint32_t));
    table->stem_of = grown(table->stem_of, capacity * sizeof(int32_t));
    table->length = grown(table->length, capacity);
    table->first_chunk = grown(table->first_chunk, capacity * sizeof(uint32_t));
    table->capacity = capacity;
}

/// Doubles the slots; returns where the one at `kept` went.
static size_t grow_slots(sitegen_words *table, size_t kept) {
    size_t size = (table->mask + 1) * 2;
    struct sitegen_word_slot *slots = slot_array(size);
    // Where each slot went, for the words the current document has so far.
    uint32_t *moved = grown(NULL, (table->mask + 1) * sizeof(uint32_t));
    size_t mask = size - 1;
    for (size_t old = 0; old <= table->mask; old++) {
        struct sitegen_word_slot entry = table->slots[old];
        if (!entry.tag) continue;
        size_t slot = hash_chunks(table->chunks + table->first_chunk[entry.id], entry.tag & 0xFF) & mask;
        while (slots[slot].tag) slot = (slot + 1) & mask;
        slots[slot] = entry;
        moved[old] = (uint32_t)slot;
    }
    for (uint32_t k = 0; k < table->touched_count; k++) table->touched[k] = moved[table->touched[k]];
    kept = moved[kept];
    free(moved);
    free(table->slots);
    table->slots = slots;
    table->mask = mask;
    return kept;
}

/// Adds the word in `chunks` (padded with zeros to `chunk_count`) at
/// `slot`, the free one its probe ended on; returns where it now is.
static struct sitegen_word_slot *add(sitegen_words *table, const uint64_t *chunks, size_t length, size_t slot, uint32_t tag) {
    size_t n = chunk_count(length);
    uint32_t id = table->count;
    // One more than the words: `count` writes a word to `touched` before it knows whether it is new there.
    if (id + 1 >= table->capacity) grow_words(table);
    if (table->chunks_used + n > table->chunks_capacity) {
        table->chunks_capacity = table->chunks_capacity * 2 + n;
        table->chunks = grown(table->chunks, table->chunks_capacity * sizeof(uint64_t));
    }
    memcpy(table->chunks + table->chunks_used, chunks, n * sizeof(uint64_t));
    table->first_chunk[id] = (uint32_t)table->chunks_used;
    table->chunks_used += n;
    table->length[id] = (uint8_t)length;
    table->slots[slot] = (struct sitegen_word_slot){chunks[0], chunks[1], tag, id, 0, 0};
    table->stem_of[id] = -1;
    table->count = id + 1;
    if ((size_t)table->count * 4 > (table->mask + 1) * 3) slot = grow_slots(table, slot);
    return table->slots + slot;
}

/// The slot of a word of at most 16 bytes, given as two chunks.
static inline struct sitegen_word_slot *intern2(sitegen_words *table, uint64_t c0, uint64_t c1, size_t length) {
    uint64_t hash = hash2(c0, c1, length);
    uint32_t tag = slot_tag(hash, length);
    size_t slot = hash & table->mask;
    for (;;) {
        struct sitegen_word_slot *entry = table->slots + slot;
        if (((entry->c0 ^ c0) | (entry->c1 ^ c1) | (entry->tag ^ tag)) == 0) return entry;
        if (!entry->tag) break;
        slot = (slot + 1) & table->mask;
    }
    uint64_t chunks[2] = {c0, c1};
    return add(table, chunks, length, slot, tag);
}

/// The slot of a word of any length, in chunks padded with zeros.
static inline struct sitegen_word_slot *intern(sitegen_words *table, const uint64_t *chunks, size_t length) {
    if (length <= 16) return intern2(table, chunks[0], chunks[1], length);
    size_t n = chunk_count(length);
    uint64_t hash = hash_chunks(chunks, length);
    uint32_t tag = slot_tag(hash, length);
    size_t slot = hash & table->mask;
    for (;;) {
        struct sitegen_word_slot *entry = table->slots + slot;
        if (!entry->tag) break;
        if (entry->tag == tag && entry->c0 == chunks[0] && entry->c1 == chunks[1]) {
            const uint64_t *stored = table->chunks + table->first_chunk[entry->id];
            size_t k = 2;
            while (k < n && stored[k] == chunks[k]) k++;
            if (k == n) return entry;
        }
        slot = (slot + 1) & table->mask;
    }
    return add(table, chunks, length, slot, tag);
}

/// Counts a word for the current document, without a branch on whether
/// the document had it before.
static inline void count(sitegen_words *table, struct sitegen_word_slot *word, int32_t weight, uint32_t body) {
    bool fresh = word->seen >> 8 != table->current;
    table->touched[table->touched_count] = (uint32_t)(word - table->slots);
    table->touched_count += fresh;
    uint32_t in_body = (fresh ? 0 : word->seen & 0xFF) + body;
    word->seen = table->current << 8 | (in_body > 0xFF ? 0xFF : in_body);
    word->weighted = (fresh ? 0 : word->weighted) + weight;
}

// --- Where the words go -------------------------------------------------------

/// A table to count into, or a callback (`table` NULL).
struct sink {
    sitegen_words *table;
    int32_t weight, body;
    sitegen_word_sink callback;
    void *context;
};

/// A folded word in `chunks`, padded with zeros to `chunk_count`.
static inline __attribute__((always_inline)) void emit(const struct sink *sink, const uint64_t *chunks, size_t length) {
    if (length < SITEGEN_WORD_MINIMUM || length > SITEGEN_WORD_MAXIMUM) return;
    if (sink->table) count(sink->table, intern(sink->table, chunks, length), sink->weight, (uint32_t)sink->body);
    else sink->callback(sink->context, (const uint8_t *)chunks, length);
}

/// A folded word of 2…16 bytes as two chunks.
static inline __attribute__((always_inline)) void emit2(const struct sink *sink, uint64_t c0, uint64_t c1, size_t length) {
    if (sink->table) {
        count(sink->table, intern2(sink->table, c0, c1, length), sink->weight, (uint32_t)sink->body);
    } else {
        uint64_t chunks[2] = {c0, c1};
        sink->callback(sink->context, (const uint8_t *)chunks, length);
    }
}

// --- Words read one byte or one chunk at a time -------------------------------

/// Zeros after a word's `length` bytes in `chunks`, as far as `chunk_count`
/// reads (`chunks` has room for one chunk past the word's last).
static inline void pad_with_zeros(uint64_t *chunks, size_t length) {
    size_t last = length >> 3;
    chunks[last] &= (length & 7) ? ~0ULL >> (64 - 8 * (length & 7)) : 0;
    chunks[last + 1] = 0;
}

/// Applies the e rule byte by byte to `length` bytes as written in `from`,
/// into `to` (padded with zeros); returns the folded length. Every byte
/// is written and the count moves on unless it is dropped: no branch.
static size_t drop_es(const uint8_t *from, size_t length, uint64_t *to) {
    uint8_t *out = (uint8_t *)to;
    size_t kept = 0;
    uint8_t previous = 0, before_previous = 0;
    for (size_t i = 0; i < length; i++) {
        uint8_t byte = from[i];
        unsigned dropped = (byte == 'e') & byte_rule[previous] & ~(byte_rule[before_previous] >> 1);
        out[kept] = byte;
        kept += 1 - dropped;
        before_previous = previous;
        previous = byte;
    }
    if (kept <= 2 * SITEGEN_WORD_MAXIMUM) pad_with_zeros(to, kept);
    return kept;
}

/// Whether the e rule drops a letter of the `length` bytes as written in
/// `chunks`: the window's test, on a word's chunks with the two letters
/// before each carried over. Most words keep all their letters and are
/// then not copied again.
static inline bool drops_an_e(const uint64_t *chunks, size_t length) {
    uint64_t back_before = 0, vowel_before = 0;
    for (size_t k = 0; k * 8 < length; k++) {
        uint64_t in_word = length - k * 8 >= 8 ? ~0ULL : ~0ULL >> (64 - 8 * (length - k * 8));
        uint64_t lower = chunks[k] & in_word;
        uint64_t e = equal(lower, 'e');
        uint64_t back = equal(lower, 'a') | equal(lower, 'o') | equal(lower, 'u');
        uint64_t vowel = back | e | equal(lower, 'i') | equal(lower, 'q');
        if (e & (back << 8 | back_before) & ~(vowel << 16 | vowel_before)) return true;
        back_before = back >> 56;
        vowel_before = vowel >> 48;
    }
    return false;
}

/// A word with a Latin-1 letter, from `start`: runs of ASCII letters and
/// digits eight bytes at a time, the Latin-1 letters between them by the
/// table. Returns where reading goes on: at the byte that ended the word,
/// or past a Latin-1 sign that did (its two bytes are one character).
static size_t read_mixed_word(const uint8_t *text, size_t length, size_t start, const struct sink *sink) {
    // As written (the e rule looks at the letters before any is dropped), with
    // room for a chunk stored whole at the last place a letter is kept.
    uint64_t written_chunks[CHUNKS + 1], folded[CHUNKS + 1];
    uint8_t *written = (uint8_t *)written_chunks;
    size_t count = 0;
    size_t i = start;
    for (;;) {
        uint64_t x = load_at_most(text + i, length - i);
        uint64_t ends = ~letters_and_digits(x) & HIGHS;
        size_t run = ends ? lowest(ends) >> 3 : 8;
        if (count <= CHUNKS * 8 - 8) memcpy(written + count, &(uint64_t){x | LOWER_BITS}, 8);
        count += run;
        i += run;
        if (run == 8) continue;
        if (i + 1 < length && text[i] == 0xC3 && text[i + 1] >= 0x80 && text[i + 1] <= 0xBF) {
            uint16_t letter = latin1_letter[text[i + 1] - 0x80];
            i += 2;
            if (letter == 0) break;
            if (count < CHUNKS * 8 - 8) written[count] = (uint8_t)letter;
            count++;
            if (letter > 0xFF) {
                if (count < CHUNKS * 8 - 8) written[count] = (uint8_t)(letter >> 8);
                count++;
            }
            continue;
        }
        break;
    }
    if (count <= SITEGEN_WORD_MAXIMUM && !drops_an_e(written_chunks, count)) {
        pad_with_zeros(written_chunks, count);
        emit(sink, written_chunks, count);
    } else if (count <= 2 * SITEGEN_WORD_MAXIMUM) {
        // Folding at most halves a word, so one of over twice the maximum is dropped whatever it holds.
        emit(sink, folded, drop_es(written, count, folded));
    }
    return i;
}

/// A word of any length from `start`, whose first byte is an ASCII letter
/// or digit, a chunk at a time. Returns where the word ends.
static size_t read_long_word(const uint8_t *text, size_t length, size_t start, const struct sink *sink) {
    uint64_t chunks[CHUNKS], folded[CHUNKS + 1];
    size_t i = start;
    size_t k = 0;
    for (;;) {
        uint64_t x = load_at_most(text + i, length - i);
        uint64_t ends = ~letters_and_digits(x) & HIGHS;
        size_t run = ends ? lowest(ends) >> 3 : 8;
        uint64_t in_run = run == 8 ? ~0ULL : (1ULL << (8 * run)) - 1;
        if (k < CHUNKS - 1) chunks[k++] = (x | LOWER_BITS) & in_run;
        i += run;
        if (run < 8) break;
    }
    if (i < length && is_latin1_letter(text, length, i)) return read_mixed_word(text, length, start, sink);
    size_t count = i - start;
    if (count <= 2 * SITEGEN_WORD_MAXIMUM) emit(sink, folded, drop_es((const uint8_t *)chunks, count, folded));
    return i;
}

/// Past a character reference's name and `;`, ten bytes at most, from the byte after `&`.
static size_t skip_reference(const uint8_t *text, size_t length, size_t i) {
    for (int left = 10; left > 0 && i < length; left--) {
        uint8_t next = text[i];
        if (next == ';') return i + 1;
        uint8_t lower = next | 0x20;
        if (!((lower >= 'a' && lower <= 'z') || (next >= '0' && next <= '9') || next == '#')) break;
        i++;
    }
    return i;
}

// --- The reader ---------------------------------------------------------------

/// The bytes of the tags that close in a window, from `<` to `>`: taken out
/// of it at once, so that the words are met one after the other, not the
/// tags. A `<` inside a tag is part of it; a tag that does not close in the
/// window is in it to the window's end, and `unclosed` has its `<`.
static inline uint64_t tags_in_window(uint64_t open, uint64_t close, uint64_t *unclosed) {
    uint64_t in_tags = 0;
    *unclosed = 0;
    for (uint64_t opens = open; opens;) {
        unsigned o = lowest(opens);
        uint64_t closes = o + 1 < WINDOW ? close & from_bit(o + 1) : 0;
        if (!closes) {
            *unclosed = 1ULL << o;
            in_tags |= from_bit(o);
            break;
        }
        unsigned c = lowest(closes);
        uint64_t beyond = c + 1 < WINDOW ? from_bit(c + 1) : 0;
        in_tags |= from_bit(o) & ~beyond;
        opens &= beyond;
    }
    return in_tags;
}

/// Past the `>` of a tag that goes on past the window at `pos`, or the text's end.
static size_t past_tag(const uint8_t *text, size_t length, size_t pos) {
    size_t from = pos + WINDOW < length ? pos + WINDOW : length;
    const uint8_t *close = from < length ? memchr(text + from, '>', length - from) : NULL;
    return close ? (size_t)(close - text) + 1 : length;
}

/// A plain ASCII word of at most 64 bytes at `w + s` (16 bytes past it
/// readable), `count` long; `drops` has the bits of the es the rule drops.
static inline __attribute__((always_inline)) void take_word(
    const uint8_t *w, unsigned s, size_t count, bool drops, const struct sink *sink) {
    if (count <= 16 && !drops) {
        // Letters and digits have the 0x20 bit set in lower case: one OR lowers the word.
        size_t first = count < 8 ? count : 8, second = count - first;
        uint64_t c0 = (load8(w + s) | LOWER_BITS) & (~0ULL >> (64 - 8 * first));
        uint64_t c1 = second ? (load8(w + s + 8) | LOWER_BITS) & (~0ULL >> (64 - 8 * second)) : 0;
        if (count >= SITEGEN_WORD_MINIMUM) emit2(sink, c0, c1, count);
        return;
    }
    // Chunk by chunk, the last one masked: the window has 16 bytes to spare past its end.
    uint64_t chunks[CHUNKS + 1], folded[CHUNKS + 1];
    size_t n = (count + 7) / 8;
    for (size_t k = 0; k < n; k++) chunks[k] = load8(w + s + 8 * k) | LOWER_BITS;
    pad_with_zeros(chunks, count);
    if (drops) emit(sink, folded, drop_es((const uint8_t *)chunks, count, folded));
    else emit(sink, chunks, count);
}

static inline __attribute__((always_inline)) void scan(
    const uint8_t *text, size_t length, bool html, int reader, const struct sink *sink) {
    ensure_tables();
    // The last window of the text is read from a copy with zeros after it.
    uint8_t tail[WINDOW + 32];
    size_t pos = 0;
    while (pos < length) {
        const uint8_t *w = text + pos;
        if (length - pos < WINDOW + 16) {
            memcpy(tail, text + pos, length - pos);
            memset(tail + (length - pos), 0, sizeof tail - (length - pos));
            w = tail;
        }
        struct window m;
        window_bits(w, html, reader, &m);
        // A tag that does not close in the window is met below.
        uint64_t unclosed;
        uint64_t in_tags = tags_in_window(m.open, m.close, &unclosed);
        // Where something starts: a plain word, a reference, a Latin-1 letter, a tag that goes on.
        uint64_t events = (((m.plain & ~(m.plain << 1)) | m.lead | m.ref) & ~in_tags) | unclosed;
        size_t next = pos + WINDOW;
        while (events) {
            unsigned s = lowest(events);
            uint64_t bit = 1ULL << s;
            if (m.plain & bit) {
                uint64_t after = ~m.plain & from_bit(s);
                if (!after) {
                    // It runs past the window: read again from its start, or a chunk at a time when it is that long.
                    next = s > 0 ? pos + s : read_long_word(text, length, pos, sink);
                    break;
                }
                unsigned e = lowest(after);
                if (w[e] != 0xC3) {
                    uint64_t in_word = from_bit(s) & ~from_bit(e);
                    take_word(w, s, e - s, (m.drop & in_word) != 0, sink);
                    events &= from_bit(e);
                    continue;
                }
                // A Latin-1 letter may go on with it: read below.
            } else if (unclosed & bit) {
                next = past_tag(text, length, pos);
                break;
            } else if (m.ref & bit) {
                // After a reference the next word may start in the middle of a run of letters.
                next = skip_reference(text, length, pos + s + 1);
                break;
            } else if (!is_latin1_letter(text, length, pos + s)) {
                // 0xC3 before a sign, or alone: it separates.
                events &= ~bit;
                continue;
            }
            // A word with a Latin-1 letter, from its first byte, read from the text.
            size_t end = read_mixed_word(text, length, pos + s, sink);
            if (end - pos >= WINDOW) {
                next = end;
                break;
            }
            events &= from_bit((unsigned)(end - pos));
        }
        pos = next;
    }
}


#if HAVE_AVX512_READER

/// Words 64 bytes at a time, all folded at once: a window's bytes as
/// written (a Latin-1 letter as its ASCII letter, its second byte left out)
/// are compressed together, the e rule is applied to them as bits, and the
/// es it drops are compressed out. Each word is then a run of the folded
/// bytes, found by where words start. Gives the same words as `scan`.
__attribute__((target("avx512bw,avx512vbmi,avx512vbmi2,bmi2,popcnt"))) static void scan_folding(
    const uint8_t *text, size_t length, bool html, const struct sink *sink) {
    // The folded words of a window, with zeros after them for the loads of eight bytes.
    uint8_t folded[WINDOW + 32];
    memset(folded + WINDOW, 0, 32);
    const __m512i letters_table = _mm512_loadu_si512((const void *)latin1_single);
    size_t pos = 0;
    while (pos < length) {
        // The window and the bytes one further; at the text's end, zeros past it
        // (a masked load reads nothing past the end: no copy, most fields are short).
        const uint8_t *w = text + pos;
        size_t left = length - pos;
        __m512i x, following;
        if (left > WINDOW) {
            x = _mm512_loadu_si512((const void *)w);
            following = _mm512_loadu_si512((const void *)(w + 1));
        } else {
            uint64_t present = left == WINDOW ? ~0ULL : (1ULL << left) - 1;
            x = _mm512_maskz_loadu_epi8(present, w);
            following = _mm512_maskz_loadu_epi8(present >> 1, w + 1);
        }
        __m512i lower = _mm512_or_si512(x, _mm512_set1_epi8(0x20));
        uint64_t plain = _mm512_cmplt_epu8_mask(_mm512_sub_epi8(lower, _mm512_set1_epi8('a')), _mm512_set1_epi8(26))
                         | _mm512_cmplt_epu8_mask(_mm512_sub_epi8(x, _mm512_set1_epi8('0')), _mm512_set1_epi8(10));
        // A lead byte 0xC3 whose second byte (0x80…0xBF) makes a letter.
        __m512i letter = _mm512_permutexvar_epi8(following, letters_table);
        uint64_t latin1 = _mm512_cmpeq_epi8_mask(x, _mm512_set1_epi8((char)0xC3))
                          & _mm512_cmplt_epi8_mask(following, _mm512_set1_epi8(-64)) & _mm512_test_epi8_mask(letter, letter);
        uint64_t sharp_s = latin1 & _mm512_cmpeq_epi8_mask(following, _mm512_set1_epi8((char)0x9F));
        uint64_t in_tags = 0, unclosed = 0, refs = 0;
        if (html) {
            uint64_t open = _mm512_cmpeq_epi8_mask(x, _mm512_set1_epi8('<'));
            uint64_t close = _mm512_cmpeq_epi8_mask(x, _mm512_set1_epi8('>'));
            refs = _mm512_cmpeq_epi8_mask(x, _mm512_set1_epi8('&'));
            in_tags = tags_in_window(open, close, &unclosed);
        }
        uint64_t word = (plain | latin1 | latin1 << 1) & ~in_tags;
        // Where reading word by word stops: a reference, a tag that goes on, a word that may.
        uint64_t stops = (refs & ~in_tags) | unclosed;
        unsigned limit = stops ? lowest(stops) : WINDOW;
        if (word >> 63) {
            unsigned start = word == ~0ULL ? 0 : 64 - (unsigned)__builtin_clzll(~word);
            if (start < limit) limit = start;
        }
        if (limit < WINDOW) word &= ~from_bit(limit);
        uint64_t starts = word & ~(word << 1);
        // As written: a letter a byte (ß two), in lower case.
        uint64_t written = word & ~((latin1 & ~sharp_s) << 1);
        __m512i bytes = _mm512_mask_blend_epi8(latin1, lower, letter);
        bytes = _mm512_mask_blend_epi8(sharp_s << 1, bytes, _mm512_set1_epi8('s'));
        __m512i as_written = _mm512_maskz_compress_epi8(written, bytes);
        uint64_t count = (uint64_t)__builtin_popcountll(written);
        uint64_t first = _pext_u64(starts, written);
        // The e rule on the letters as written, within each word.
        uint64_t e = _mm512_cmpeq_epi8_mask(as_written, _mm512_set1_epi8('e'));
        uint64_t back = _mm512_cmpeq_epi8_mask(as_written, _mm512_set1_epi8('a')) | _mm512_cmpeq_epi8_mask(as_written, _mm512_set1_epi8('o'))
                        | _mm512_cmpeq_epi8_mask(as_written, _mm512_set1_epi8('u'));
        uint64_t vowel = back | e | _mm512_cmpeq_epi8_mask(as_written, _mm512_set1_epi8('i'))
                         | _mm512_cmpeq_epi8_mask(as_written, _mm512_set1_epi8('q'));
        uint64_t dropped = e & (back << 1) & ~first & ~(vowel << 2 & ~(first << 1));
        uint64_t kept = (count == 64 ? ~0ULL : (1ULL << count) - 1) & ~dropped;
        _mm512_storeu_si512((void *)folded, _mm512_maskz_compress_epi8(kept, as_written));
        uint64_t total = (uint64_t)__builtin_popcountll(kept);
        uint64_t begins = _pext_u64(first, kept);
        while (begins) {
            unsigned s = lowest(begins);
            begins &= begins - 1;
            unsigned end = begins ? lowest(begins) : (unsigned)total;
            size_t n = end - s;
            if (n <= 16) {
                uint64_t c0 = load8(folded + s) & (n >= 8 ? ~0ULL : ~(~0ULL << (8 * n)));
                uint64_t c1 = n <= 8 ? 0 : load8(folded + s + 8) & (n >= 16 ? ~0ULL : ~(~0ULL << (8 * (n - 8))));
                if (n >= SITEGEN_WORD_MINIMUM) emit2(sink, c0, c1, n);
            } else {
                uint64_t chunks[CHUNKS + 1];
                for (size_t k = 0; k < (n + 7) / 8; k++) chunks[k] = load8(folded + s + 8 * k);
                pad_with_zeros(chunks, n);
                emit(sink, chunks, n);
            }
        }
        size_t next = pos + WINDOW;
        if (limit < WINDOW) {
            uint64_t bit = 1ULL << limit;
            if (unclosed & bit) {
                next = past_tag(text, length, pos);
            } else if (refs & bit) {
                next = skip_reference(text, length, pos + limit + 1);
            } else if (limit > 0) {
                next = pos + limit;
            } else if (plain & 1) {
                next = read_long_word(text, length, pos, sink);
            } else {
                next = read_mixed_word(text, length, pos, sink);
            }
        }
        pos = next;
    }
}
#endif

/// Reads `text` into `sink` the way `reader` says (`SITEGEN_READER_…`).
static void read_words(const uint8_t *text, size_t length, bool html, int reader, const struct sink *sink) {
#if HAVE_AVX512_READER
    ensure_tables();
    if (reader == SITEGEN_READER_BEST && has_vbmi2) {
        scan_folding(text, length, html, sink);
        return;
    }
#endif
    if (reader == SITEGEN_READER_PORTABLE) scan(text, length, html, SITEGEN_READER_PORTABLE, sink);
    else if (reader == SITEGEN_READER_SSE2) scan(text, length, html, SITEGEN_READER_SSE2, sink);
    else scan(text, length, html, SITEGEN_READER_AVX512, sink);
}

void sitegen_scan_words(const uint8_t *text, size_t length, int html, int reader, sitegen_word_sink callback, void *context) {
    struct sink sink = {NULL, 0, 0, callback, context};
    read_words(text, length, html != 0, reader, &sink);
}

void sitegen_words_count(sitegen_words *table, const uint8_t *text, size_t length, int html, int32_t weight, int is_body) {
    struct sink sink = {table, is_body ? 0 : weight, is_body ? 1 : 0, NULL, NULL};
    read_words(text, length, html != 0, SITEGEN_READER_BEST, &sink);
}

void sitegen_words_set_stem(sitegen_words *table, uint32_t id, int32_t stem) {
    table->stem_of[id] = stem;
    if (stem >= 0 && (size_t)stem >= table->stem_capacity) {
        size_t capacity = table->stem_capacity ? table->stem_capacity : 1024;
        while ((size_t)stem >= capacity) capacity *= 2;
        table->stem_score = grown(table->stem_score, capacity * sizeof(int32_t));
        memset(table->stem_score + table->stem_capacity, 0, (capacity - table->stem_capacity) * sizeof(int32_t));
        table->stems_touched = grown(table->stems_touched, capacity * sizeof(uint32_t));
        table->stem_documents = grown(table->stem_documents, capacity * sizeof(int32_t));
        memset(table->stem_documents + table->stem_capacity, 0, (capacity - table->stem_capacity) * sizeof(int32_t));
        table->stem_capacity = capacity;
    }
}

void sitegen_words_end_document(sitegen_words *table, int32_t body_cap) {
    size_t stems = 0;
    for (uint32_t k = 0; k < table->touched_count; k++) {
        const struct sitegen_word_slot *word = table->slots + table->touched[k];
        int32_t stem = table->stem_of[word->id];
        if (stem < 0) continue;
        int32_t in_body = (int32_t)(word->seen & 0xFF);
        // Every word counts at least once, so a stem with no score yet is new to the document.
        if (table->stem_score[stem] == 0) table->stems_touched[stems++] = (uint32_t)stem;
        table->stem_score[stem] += word->weighted + (in_body < body_cap ? in_body : body_cap);
    }
    if (table->entry_count + stems > table->entry_capacity) {
        table->entry_capacity = (table->entry_capacity + stems) * 2;
        table->entries = grown(table->entries, table->entry_capacity * 2 * sizeof(int32_t));
    }
    int32_t *out = table->entries + 2 * table->entry_count;
    for (size_t k = 0; k < stems; k++) {
        uint32_t stem = table->stems_touched[k];
        out[2 * k] = (int32_t)stem;
        out[2 * k + 1] = table->stem_score[stem];
        table->stem_score[stem] = 0;
        table->stem_documents[stem]++;
    }
    table->entry_count += stems;
    table->touched_count = 0;
    table->current++;
    if (table->current == 1u << 24) {
        // After sixteen million documents: no word may look counted in the next.
        for (size_t slot = 0; slot <= table->mask; slot++) table->slots[slot].seen = 0;
        table->current = 1;
    }
}

const uint8_t *sitegen_words_bytes(const sitegen_words *table, uint32_t id) {
    return (const uint8_t *)(table->chunks + table->first_chunk[id]);
}

size_t sitegen_words_length(const sitegen_words *table, uint32_t id) { return table->length[id]; }
