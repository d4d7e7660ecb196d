#ifndef SITEGEN_CWORDSCAN_H
#define SITEGEN_CWORDSCAN_H

// The search index's word reader: splits text (HTML or plain) into folded
// words by the rules of SiteKit's `SearchText` and counts them per
// document. It reads every byte of every page, so it is written for speed
// in C; `SearchTests.scanAgreesWithTheRulesWordByWord` holds it to the
// rules written out word by word in Swift.

#include <stddef.h>
#include <stdint.h>

/// Words at least this long (folded) are reported; shorter ones are not.
#define SITEGEN_WORD_MINIMUM 2
/// Words longer than this (folded) are not reported.
#define SITEGEN_WORD_MAXIMUM 64

/// Called with each folded word and its length; the bytes are valid
/// during the call only.
typedef void (*sitegen_word_sink)(void *context, const uint8_t *word, size_t length);

/// How text is read: the best way this processor has, or one of the
/// others, for the tests that hold each to the rules. Best is all words of
/// 64 bytes folded at once where the processor compresses bytes (AVX-512
/// VBMI2), else the AVX512 reader. The others find the words one by one in
/// a window whose bytes are classified with AVX-512 (or SSE2 where there is
/// none), SSE2 sixteen bytes at a time, or plain C eight at a time as on
/// machines without either.
enum { SITEGEN_READER_BEST = 0, SITEGEN_READER_SSE2 = 1, SITEGEN_READER_PORTABLE = 2, SITEGEN_READER_AVX512 = 3 };

/// Calls `sink` with each folded word of `text` in order. With `html`,
/// tags are skipped and character references end a word.
void sitegen_scan_words(const uint8_t *text, size_t length, int html, int reader, sitegen_word_sink sink, void *context);

/// Distinct words numbered from 0 in the order first met, how often each
/// occurs in the document being read, and the scores of the stems of each
/// document read. The caller gives each new word its stem's number.
typedef struct sitegen_words {
    /// Words known; word `id`'s bytes are `sitegen_words_bytes(table, id)`.
    uint32_t count;
    /// Pairs of a stem's number and its score, each document's after the
    /// one's before (`sitegen_words_end_document`), `entry_count` pairs.
    int32_t *entries;
    size_t entry_count;
    /// How many documents have each stem (its pairs in `entries`), by its
    /// number, for every number given to `sitegen_words_set_stem`.
    int32_t *stem_documents;

    // Private to the table.
    uint32_t capacity;
    uint32_t current;
    uint32_t touched_count;
    uint32_t *touched;
    int32_t *stem_of;
    uint8_t *length;
    uint32_t *first_chunk;
    uint64_t *chunks;
    size_t chunks_used, chunks_capacity;
    struct sitegen_word_slot *slots;
    size_t mask;
    int32_t *stem_score;
    uint32_t *stems_touched;
    size_t stem_capacity;
    size_t entry_capacity;
} sitegen_words;

/// A table for about `capacity` distinct words (it grows past that).
/// Aborts when memory runs out, as Swift does.
sitegen_words *sitegen_words_create(uint32_t capacity);
void sitegen_words_destroy(sitegen_words *table);

/// Reads the words of `text` into the current document: each counts
/// `weight` towards the score of its stem, or, with `is_body`, one more
/// occurrence in the body.
void sitegen_words_count(sitegen_words *table, const uint8_t *text, size_t length, int html, int32_t weight, int is_body);

/// The bytes of word `id` (`sitegen_words_length` of them).
const uint8_t *sitegen_words_bytes(const sitegen_words *table, uint32_t id);
size_t sitegen_words_length(const sitegen_words *table, uint32_t id);

/// Word `id`'s stem, by the caller's number (at least 0), or -1 for a word
/// that is left out (a stop word). Given once for each word, before the
/// document that met it first ends.
void sitegen_words_set_stem(sitegen_words *table, uint32_t id, int32_t stem);

/// Ends the current document: appends to `entries` each stem of its words
/// once, in the order first met, with its score, the sum over its words of
/// their weights outside the body and of how often the body has them, the
/// body counting at most `body_cap` times per word. The next word counted
/// starts from zero.
void sitegen_words_end_document(sitegen_words *table, int32_t body_cap);

#endif
