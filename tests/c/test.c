/*
 * Tests of the C API in include/tuomin.h, one function per case.
 *
 * Built and run by tests/ffi.rs (against the static and the shared
 * library, and under sanitizers or valgrind when asked):
 *
 *   gcc -std=c99 -Wall -Wextra -Werror -Iinclude tests/c/test.c \
 *       target/debug/libtuomin.a -lpthread -ldl -lm -o test_c
 *
 * Every number here is made up: 13812345678 is a well-formed mobile
 * number, 11010519491231002X has a valid check character and
 * 6222020200112345679 passes the Luhn check.
 */

#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <unistd.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tuomin.h"

/* ---------------------------------------------------------------- helpers */

#define CHECK(cond)                                                          \
  do {                                                                       \
    if (!(cond)) {                                                           \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
      return false;                                                          \
    }                                                                        \
  } while (0)

#define CHECK_RESULT(call, expected)                                         \
  do {                                                                       \
    tuomin_result r_ = (call);                                               \
    if (r_ != (expected)) {                                                  \
      fprintf(stderr, "%s:%d: %s returned %u (%s), expected %s\n", __FILE__, \
              __LINE__, #call, (unsigned)r_, tuomin_result_message(r_),      \
              #expected);                                                    \
      return false;                                                          \
    }                                                                        \
  } while (0)

#define CHECK_OK(call) CHECK_RESULT(call, TUOMIN_RESULT_OK)

/* Compares a byte buffer with a NUL-terminated expectation. */
#define CHECK_BYTES(buf, len, expected)                                      \
  do {                                                                       \
    if ((len) != strlen(expected) || memcmp((buf), (expected), (len)) != 0) { \
      fprintf(stderr, "%s:%d: got \"%.*s\", expected \"%s\"\n", __FILE__,    \
              __LINE__, (int)(len), (const char *)(buf), (expected));        \
      return false;                                                          \
    }                                                                        \
  } while (0)

static const uint8_t *bytes(const char *s) { return (const uint8_t *)s; }

static const char CHAT[] =
    "客户：我的手机是13812345678，身份证11010519491231002X，"
    "卡号6222020200112345679，地址是北京市朝阳区建国路88号。";
static const char CHAT_MASKED[] =
    "客户：我的手机是138****5678，身份证1***************2X，"
    "卡号622202*********5679，地址是北京市朝阳区＊＊＊**＊。";
static const char CHAT_TAGGED[] =
    "客户：我的手机是[PHONE]，身份证[ID_CARD]，"
    "卡号[BANK_CARD]，地址是[ADDRESS]。";

/* Offset of `needle` in CHAT. */
static size_t offset_of(const char *needle) {
  const char *at = strstr(CHAT, needle);
  return at ? (size_t)(at - CHAT) : (size_t)-1;
}

static tuomin_redactor *build(const char *preset) {
  tuomin_builder *b = NULL;
  tuomin_redactor *r = NULL;
  if (tuomin_builder_new(&b) != TUOMIN_RESULT_OK) return NULL;
  if (tuomin_builder_set_preset(b, preset) != TUOMIN_RESULT_OK ||
      tuomin_builder_build(b, &r) != TUOMIN_RESULT_OK) {
    r = NULL;
  }
  tuomin_builder_free(b);
  return r;
}

/* One-shot redaction into a fresh buffer (NUL-terminated); NULL on error. */
static char *redact_alloc(const tuomin_redactor *r, const char *text) {
  size_t need = 0;
  tuomin_result res = tuomin_redact(r, bytes(text), strlen(text), NULL, 0, &need);
  if (res != TUOMIN_RESULT_OK && res != TUOMIN_RESULT_INSUFFICIENT_SIZE) return NULL;
  char *out = malloc(need + 1);
  if (!out) return NULL;
  size_t len = 0;
  if (tuomin_redact(r, bytes(text), strlen(text), (uint8_t *)out, need, &len) != TUOMIN_RESULT_OK ||
      len != need) {
    free(out);
    return NULL;
  }
  out[len] = '\0';
  return out;
}

/*
 * Streams `text` through a new stream in pieces of `piece` input bytes into
 * a `dst` of `dst_cap` bytes, appending everything written to `out`
 * (capacity `out_cap`). Returns the bytes written, or (size_t)-1 on error.
 */
static size_t stream_pieces(const tuomin_redactor *r, const char *text, size_t piece,
                            size_t dst_cap, char *out, size_t out_cap) {
  tuomin_stream *s = NULL;
  if (tuomin_stream_new(r, &s) != TUOMIN_RESULT_OK) return (size_t)-1;
  uint8_t dst[64];
  if (dst_cap > sizeof dst) dst_cap = sizeof dst;
  size_t len = strlen(text), pos = 0, total = 0;
  bool done = false;
  while (!done) {
    size_t n = len - pos < piece ? len - pos : piece;
    bool last = pos + n == len;
    const uint8_t *src = bytes(text) + pos;
    size_t left = n;
    for (;;) {
      size_t read = 0, written = 0;
      tuomin_result res = tuomin_stream_feed(s, src, left, last, dst, dst_cap, &read, &written);
      if ((res != TUOMIN_RESULT_OK && res != TUOMIN_RESULT_OUTPUT_FULL) || read > left ||
          written > dst_cap || total + written > out_cap) {
        tuomin_stream_free(s);
        return (size_t)-1;
      }
      memcpy(out + total, dst, written);
      total += written;
      src += read;
      left -= read;
      if (res == TUOMIN_RESULT_OK) break;
    }
    pos += n;
    done = last;
  }
  tuomin_stream_free(s);
  return total;
}

/* ------------------------------------------------------------------ tests */

static bool test_version(void) {
  char expected[64];
  snprintf(expected, sizeof expected, "%d.%d.%d", TUOMIN_VERSION_MAJOR, TUOMIN_VERSION_MINOR,
           TUOMIN_VERSION_PATCH);
  CHECK(tuomin_version() != NULL);
  CHECK(strcmp(tuomin_version(), expected) == 0);
  CHECK(TUOMIN_VERSION_NUMBER ==
        ((TUOMIN_VERSION_MAJOR << 16) | (TUOMIN_VERSION_MINOR << 8) | TUOMIN_VERSION_PATCH));
  return true;
}

static bool test_result_messages(void) {
  const tuomin_result all[] = {
      TUOMIN_RESULT_OK,          TUOMIN_RESULT_NULL_PARAMETER,       TUOMIN_RESULT_INSUFFICIENT_SIZE,
      TUOMIN_RESULT_OUTPUT_FULL, TUOMIN_RESULT_INVALID_PARAMETER,    TUOMIN_RESULT_PANIC,
      TUOMIN_RESULT_NOT_LENGTH_PRESERVING, TUOMIN_RESULT_ALREADY_FINISHED,
      TUOMIN_RESULT_INVALID_ENCODING, TUOMIN_RESULT_NOT_SUPPORTED,
  };
  /* The values are part of the ABI. */
  CHECK(TUOMIN_RESULT_OK == 0 && TUOMIN_RESULT_NULL_PARAMETER == 1);
  CHECK(TUOMIN_RESULT_INSUFFICIENT_SIZE == 2 && TUOMIN_RESULT_OUTPUT_FULL == 3);
  CHECK(TUOMIN_RESULT_INVALID_PARAMETER == 4 && TUOMIN_RESULT_PANIC == 5);
  CHECK(TUOMIN_RESULT_NOT_LENGTH_PRESERVING == 6 && TUOMIN_RESULT_ALREADY_FINISHED == 7);
  CHECK(TUOMIN_RESULT_INVALID_ENCODING == 8 && TUOMIN_RESULT_NOT_SUPPORTED == 9);
  CHECK(sizeof(tuomin_result) == 4);
  for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
    const char *m = tuomin_result_message(all[i]);
    CHECK(m != NULL && m[0] != '\0');
    for (size_t j = 0; j < i; j++) CHECK(strcmp(m, tuomin_result_message(all[j])) != 0);
  }
  CHECK(strcmp(tuomin_result_message((tuomin_result)999), "unknown result code") == 0);
  return true;
}

static bool test_kind_names(void) {
  CHECK(TUOMIN_KIND_PHONE == 1 && TUOMIN_KIND_ID_CARD == 2);
  CHECK(TUOMIN_KIND_BANK_CARD == 3 && TUOMIN_KIND_ADDRESS == 4);
  CHECK(strcmp(tuomin_kind_name(TUOMIN_KIND_PHONE), "phone") == 0);
  CHECK(strcmp(tuomin_kind_name(TUOMIN_KIND_ID_CARD), "id_card") == 0);
  CHECK(strcmp(tuomin_kind_name(TUOMIN_KIND_BANK_CARD), "bank_card") == 0);
  CHECK(strcmp(tuomin_kind_name(TUOMIN_KIND_ADDRESS), "address") == 0);
  CHECK(tuomin_kind_name(0) == NULL);
  CHECK(strcmp(tuomin_kind_name(TUOMIN_KIND_EMAIL), "email") == 0);
  CHECK(strcmp(tuomin_kind_name(TUOMIN_KIND_NAME), "name") == 0);
  CHECK(strcmp(tuomin_kind_name(TUOMIN_KIND_CUSTOM), "custom") == 0);
  CHECK(tuomin_kind_name(22) == NULL);
  return true;
}

static bool test_redact(void) {
  tuomin_redactor *r = NULL;
  CHECK_OK(tuomin_redactor_new_default(&r));
  CHECK(r != NULL);
  uint8_t dst[512];
  size_t len = 0;
  CHECK_OK(tuomin_redact(r, bytes(CHAT), strlen(CHAT), dst, sizeof dst, &len));
  CHECK_BYTES(dst, len, CHAT_MASKED);
  /* The default masks keep the length. */
  CHECK(len == strlen(CHAT));

  /* Text without personal information comes back unchanged. */
  const char *plain = "您好，订单号2807849093905763990，11月22号下的单";
  CHECK_OK(tuomin_redact(r, bytes(plain), strlen(plain), dst, sizeof dst, &len));
  CHECK_BYTES(dst, len, plain);

  /* Bytes that are not UTF-8 pass through; the number is still masked. */
  const char broken[] = "\xff\xfe手机13812345678\xc3";
  const char broken_masked[] = "\xff\xfe手机138****5678\xc3";
  CHECK_OK(tuomin_redact(r, bytes(broken), strlen(broken), dst, sizeof dst, &len));
  CHECK_BYTES(dst, len, broken_masked);
  tuomin_redactor_free(r);
  return true;
}

static bool test_redact_insufficient_size(void) {
  tuomin_redactor *r = build("tag-en");
  CHECK(r != NULL);
  size_t need = strlen(CHAT_TAGGED);

  /* (NULL, 0) as dst asks for the size. */
  size_t len = 0;
  CHECK_RESULT(tuomin_redact(r, bytes(CHAT), strlen(CHAT), NULL, 0, &len),
               TUOMIN_RESULT_INSUFFICIENT_SIZE);
  CHECK(len == need);

  /* One byte short: the size needed, and dst untouched. */
  uint8_t dst[512];
  memset(dst, 0xAA, sizeof dst);
  len = 0;
  CHECK_RESULT(tuomin_redact(r, bytes(CHAT), strlen(CHAT), dst, need - 1, &len),
               TUOMIN_RESULT_INSUFFICIENT_SIZE);
  CHECK(len == need);
  for (size_t i = 0; i < sizeof dst; i++) CHECK(dst[i] == 0xAA);

  /* Exactly enough. */
  CHECK_OK(tuomin_redact(r, bytes(CHAT), strlen(CHAT), dst, need, &len));
  CHECK_BYTES(dst, len, CHAT_TAGGED);
  CHECK(dst[need] == 0xAA);

  /* An empty result fits in an empty buffer. */
  CHECK_OK(tuomin_redact(r, bytes(""), 0, NULL, 0, &len));
  CHECK(len == 0);
  tuomin_redactor_free(r);
  return true;
}

static bool test_scan(void) {
  tuomin_redactor *r = NULL;
  CHECK_OK(tuomin_redactor_new_default(&r));
  tuomin_match m[8];
  size_t count = 0;
  CHECK_OK(tuomin_scan(r, bytes(CHAT), strlen(CHAT), m, 8, &count));
  CHECK(count == 4);
  CHECK(m[0].kind == TUOMIN_KIND_PHONE);
  CHECK(m[0].start == offset_of("13812345678") && m[0].end == m[0].start + 11);
  CHECK(m[0].evidence == TUOMIN_EVIDENCE_PATTERN && m[0].action == TUOMIN_ACTION_MASK);
  CHECK(m[1].kind == TUOMIN_KIND_ID_CARD);
  CHECK(m[1].evidence == TUOMIN_EVIDENCE_CHECKSUM && m[1].action == TUOMIN_ACTION_MASK);
  CHECK(m[1].start == offset_of("11010519491231002X") && m[1].end == m[1].start + 18);
  CHECK(m[2].kind == TUOMIN_KIND_BANK_CARD);
  CHECK(m[2].start == offset_of("6222020200112345679") && m[2].end == m[2].start + 19);
  CHECK(m[3].kind == TUOMIN_KIND_ADDRESS);
  CHECK(m[3].start == offset_of("北京市") && m[3].end == offset_of("。"));

  const char *plain = "没有号码的一句话";
  CHECK_OK(tuomin_scan(r, bytes(plain), strlen(plain), m, 8, &count));
  CHECK(count == 0);
  tuomin_redactor_free(r);
  return true;
}

static bool test_scan_insufficient_size(void) {
  tuomin_redactor *r = NULL;
  CHECK_OK(tuomin_redactor_new_default(&r));
  size_t count = 0;

  /* (NULL, 0) counts. */
  CHECK_RESULT(tuomin_scan(r, bytes(CHAT), strlen(CHAT), NULL, 0, &count),
               TUOMIN_RESULT_INSUFFICIENT_SIZE);
  CHECK(count == 4);

  /* Two slots: the first two matches, the total count, nothing beyond. */
  tuomin_match m[3];
  memset(m, 0xAB, sizeof m);
  count = 0;
  CHECK_RESULT(tuomin_scan(r, bytes(CHAT), strlen(CHAT), m, 2, &count),
               TUOMIN_RESULT_INSUFFICIENT_SIZE);
  CHECK(count == 4);
  CHECK(m[0].kind == TUOMIN_KIND_PHONE && m[0].start == offset_of("13812345678"));
  CHECK(m[1].kind == TUOMIN_KIND_ID_CARD && m[1].start == offset_of("11010519491231002X"));
  CHECK(m[2].kind == 0xABABABABu);
  tuomin_redactor_free(r);
  return true;
}

static bool test_null_arguments(void) {
  tuomin_redactor *r = NULL;
  CHECK_OK(tuomin_redactor_new_default(&r));
  uint8_t buf[16] = {0};
  size_t n = 0, m = 0;
  tuomin_match match;
  const uint8_t *src = bytes("13812345678");

  CHECK_RESULT(tuomin_redactor_new_default(NULL), TUOMIN_RESULT_NULL_PARAMETER);
  CHECK_RESULT(tuomin_redact(NULL, src, 11, buf, 16, &n), TUOMIN_RESULT_NULL_PARAMETER);
  CHECK_RESULT(tuomin_redact(r, NULL, 11, buf, 16, &n), TUOMIN_RESULT_NULL_PARAMETER);
  CHECK_RESULT(tuomin_redact(r, src, 11, NULL, 16, &n), TUOMIN_RESULT_NULL_PARAMETER);
  CHECK_RESULT(tuomin_redact(r, src, 11, buf, 16, NULL), TUOMIN_RESULT_NULL_PARAMETER);
  CHECK_RESULT(tuomin_redact_in_place(NULL, buf, 16), TUOMIN_RESULT_NULL_PARAMETER);
  CHECK_RESULT(tuomin_redact_in_place(r, NULL, 16), TUOMIN_RESULT_NULL_PARAMETER);
  CHECK_RESULT(tuomin_scan(NULL, src, 11, &match, 1, &n), TUOMIN_RESULT_NULL_PARAMETER);
  CHECK_RESULT(tuomin_scan(r, NULL, 11, &match, 1, &n), TUOMIN_RESULT_NULL_PARAMETER);
  CHECK_RESULT(tuomin_scan(r, src, 11, NULL, 1, &n), TUOMIN_RESULT_NULL_PARAMETER);
  CHECK_RESULT(tuomin_scan(r, src, 11, &match, 1, NULL), TUOMIN_RESULT_NULL_PARAMETER);

  tuomin_stream *s = NULL;
  CHECK_RESULT(tuomin_stream_new(NULL, &s), TUOMIN_RESULT_NULL_PARAMETER);
  CHECK_RESULT(tuomin_stream_new(r, NULL), TUOMIN_RESULT_NULL_PARAMETER);
  CHECK_OK(tuomin_stream_new(r, &s));
  CHECK_RESULT(tuomin_stream_feed(NULL, src, 11, false, buf, 16, &n, &m), TUOMIN_RESULT_NULL_PARAMETER);
  CHECK_RESULT(tuomin_stream_feed(s, NULL, 11, false, buf, 16, &n, &m), TUOMIN_RESULT_NULL_PARAMETER);
  CHECK_RESULT(tuomin_stream_feed(s, src, 11, false, NULL, 16, &n, &m), TUOMIN_RESULT_NULL_PARAMETER);
  CHECK_RESULT(tuomin_stream_feed(s, src, 11, false, buf, 16, NULL, &m), TUOMIN_RESULT_NULL_PARAMETER);
  CHECK_RESULT(tuomin_stream_feed(s, src, 11, false, buf, 16, &n, NULL), TUOMIN_RESULT_NULL_PARAMETER);
  CHECK_RESULT(tuomin_stream_end_message(NULL, buf, 16, &n), TUOMIN_RESULT_NULL_PARAMETER);
  CHECK_RESULT(tuomin_stream_end_message(s, NULL, 16, &n), TUOMIN_RESULT_NULL_PARAMETER);
  CHECK_RESULT(tuomin_stream_end_message(s, buf, 16, NULL), TUOMIN_RESULT_NULL_PARAMETER);
  CHECK_RESULT(tuomin_stream_max_output_len(NULL, 11, &n), TUOMIN_RESULT_NULL_PARAMETER);
  CHECK_RESULT(tuomin_stream_max_output_len(s, 11, NULL), TUOMIN_RESULT_NULL_PARAMETER);

  tuomin_builder *b = NULL;
  CHECK_RESULT(tuomin_builder_new(NULL), TUOMIN_RESULT_NULL_PARAMETER);
  CHECK_OK(tuomin_builder_new(&b));
  CHECK_RESULT(tuomin_builder_set_kinds(NULL, "phone"), TUOMIN_RESULT_NULL_PARAMETER);
  CHECK_RESULT(tuomin_builder_set_kinds(b, NULL), TUOMIN_RESULT_NULL_PARAMETER);
  CHECK_RESULT(tuomin_builder_set_preset(NULL, "full"), TUOMIN_RESULT_NULL_PARAMETER);
  CHECK_RESULT(tuomin_builder_set_preset(b, NULL), TUOMIN_RESULT_NULL_PARAMETER);
  CHECK_RESULT(tuomin_builder_set_policy(NULL, TUOMIN_KIND_PHONE, "full"), TUOMIN_RESULT_NULL_PARAMETER);
  CHECK_RESULT(tuomin_builder_set_policy(b, TUOMIN_KIND_PHONE, NULL), TUOMIN_RESULT_NULL_PARAMETER);
  CHECK_RESULT(tuomin_builder_set_context_window(NULL, 8), TUOMIN_RESULT_NULL_PARAMETER);
  tuomin_redactor *built = NULL;
  CHECK_RESULT(tuomin_builder_build(NULL, &built), TUOMIN_RESULT_NULL_PARAMETER);
  CHECK_RESULT(tuomin_builder_build(b, NULL), TUOMIN_RESULT_NULL_PARAMETER);
  CHECK(built == NULL);

  /* Freeing NULL does nothing. */
  tuomin_builder_free(NULL);
  tuomin_stream_free(NULL);
  tuomin_redactor_free(NULL);

  tuomin_builder_free(b);
  tuomin_stream_free(s);
  tuomin_redactor_free(r);
  return true;
}

static bool test_empty_input(void) {
  tuomin_redactor *r = NULL;
  CHECK_OK(tuomin_redactor_new_default(&r));
  uint8_t dst[8];
  size_t n = 99, m = 99;
  tuomin_match match;

  CHECK_OK(tuomin_redact(r, NULL, 0, dst, sizeof dst, &n));
  CHECK(n == 0);
  n = 99;
  CHECK_OK(tuomin_redact(r, NULL, 0, NULL, 0, &n));
  CHECK(n == 0);
  CHECK_OK(tuomin_redact_in_place(r, NULL, 0));
  n = 99;
  CHECK_OK(tuomin_scan(r, NULL, 0, &match, 1, &n));
  CHECK(n == 0);
  n = 99;
  CHECK_OK(tuomin_scan(r, NULL, 0, NULL, 0, &n));
  CHECK(n == 0);

  tuomin_stream *s = NULL;
  CHECK_OK(tuomin_stream_new(r, &s));
  CHECK_OK(tuomin_stream_feed(s, NULL, 0, false, NULL, 0, &n, &m));
  CHECK(n == 0 && m == 0);
  CHECK_OK(tuomin_stream_end_message(s, NULL, 0, &m));
  CHECK(m == 0);
  CHECK_OK(tuomin_stream_feed(s, NULL, 0, true, dst, sizeof dst, &n, &m));
  CHECK(n == 0 && m == 0);
  tuomin_stream_free(s);
  tuomin_redactor_free(r);
  return true;
}

static bool test_overlapping_buffers(void) {
  tuomin_redactor *r = NULL;
  CHECK_OK(tuomin_redactor_new_default(&r));
  uint8_t buf[32];
  memcpy(buf, "13812345678", 11);
  size_t n = 0, m = 0;
  CHECK_RESULT(tuomin_redact(r, buf, 11, buf, sizeof buf, &n), TUOMIN_RESULT_INVALID_PARAMETER);
  CHECK_RESULT(tuomin_redact(r, buf, 11, buf + 5, 16, &n), TUOMIN_RESULT_INVALID_PARAMETER);
  /* Adjacent is fine. */
  CHECK_OK(tuomin_redact(r, buf, 11, buf + 11, 16, &n));
  CHECK_BYTES(buf + 11, n, "138****5678");

  /* A refused call sets no output and leaves the stream as it was. */
  tuomin_stream *s = NULL;
  CHECK_OK(tuomin_stream_new(r, &s));
  n = 99, m = 99;
  CHECK_RESULT(tuomin_stream_feed(s, buf, 11, true, buf + 4, 16, &n, &m), TUOMIN_RESULT_INVALID_PARAMETER);
  CHECK(n == 99 && m == 99);
  CHECK_OK(tuomin_stream_feed(s, buf, 11, true, buf + 11, 16, &n, &m));
  CHECK(n == 11);
  CHECK_BYTES(buf + 11, m, "138****5678");
  tuomin_stream_free(s);

  /* Scanning and counting write arrays; those must not overlap the text
     either. */
  tuomin_match matches[4];
  memcpy(matches, "13812345678", 11);
  n = 99;
  CHECK_RESULT(tuomin_scan(r, (const uint8_t *)matches, 11, matches, 4, &n), TUOMIN_RESULT_INVALID_PARAMETER);
  CHECK(n == 99);
  CHECK(memcmp(matches, "13812345678", 11) == 0);
  tuomin_kind_counts counts[4];
  memcpy(counts, "13812345678", 11);
  CHECK_RESULT(tuomin_count(r, (const uint8_t *)counts, 11, counts, 4), TUOMIN_RESULT_INVALID_PARAMETER);
  CHECK(memcmp(counts, "13812345678", 11) == 0);
  tuomin_redactor_free(r);
  return true;
}

static bool test_redact_in_place(void) {
  tuomin_redactor *r = NULL;
  CHECK_OK(tuomin_redactor_new_default(&r));
  char buf[sizeof CHAT];
  memcpy(buf, CHAT, sizeof CHAT);
  CHECK_OK(tuomin_redact_in_place(r, (uint8_t *)buf, strlen(buf)));
  CHECK(strcmp(buf, CHAT_MASKED) == 0);
  tuomin_redactor_free(r);

  /* A tag changes the length: refused, and the buffer is left alone. */
  tuomin_builder *b = NULL;
  CHECK_OK(tuomin_builder_new(&b));
  CHECK_OK(tuomin_builder_set_policy(b, TUOMIN_KIND_BANK_CARD, "tag"));
  CHECK_OK(tuomin_builder_build(b, &r));
  tuomin_builder_free(b);
  memcpy(buf, CHAT, sizeof CHAT);
  CHECK_RESULT(tuomin_redact_in_place(r, (uint8_t *)buf, strlen(buf)),
               TUOMIN_RESULT_NOT_LENGTH_PRESERVING);
  CHECK(strcmp(buf, CHAT) == 0);
  tuomin_redactor_free(r);

  r = build("remove");
  CHECK(r != NULL);
  CHECK_RESULT(tuomin_redact_in_place(r, (uint8_t *)buf, strlen(buf)),
               TUOMIN_RESULT_NOT_LENGTH_PRESERVING);
  CHECK(strcmp(buf, CHAT) == 0);
  tuomin_redactor_free(r);
  return true;
}

static bool test_builder(void) {
  tuomin_builder *b = NULL;
  tuomin_redactor *r = NULL;
  char *out = NULL;

  /* Only phones and ID numbers; phones fully masked, IDs tagged. */
  CHECK_OK(tuomin_builder_new(&b));
  CHECK_OK(tuomin_builder_set_kinds(b, "phone, id_card"));
  CHECK_OK(tuomin_builder_set_policy(b, TUOMIN_KIND_PHONE, "full"));
  CHECK_OK(tuomin_builder_set_policy(b, TUOMIN_KIND_ID_CARD, "tag:<身份证>"));
  CHECK_OK(tuomin_builder_build(b, &r));
  out = redact_alloc(r, CHAT);
  CHECK(out != NULL);
  CHECK(strcmp(out,
               "客户：我的手机是***********，身份证<身份证>，"
               "卡号6222020200112345679，地址是北京市朝阳区建国路88号。") == 0);
  free(out);
  tuomin_redactor_free(r);

  /* The builder is unchanged by build and can build again, after more
     settings; a policy overrides the preset whichever came first. */
  CHECK_OK(tuomin_builder_set_kinds(b, "all"));
  CHECK_OK(tuomin_builder_set_policy(b, TUOMIN_KIND_BANK_CARD, "keep:0:4"));
  CHECK_OK(tuomin_builder_set_preset(b, "tag"));
  CHECK_OK(tuomin_builder_set_context_window(b, 64));
  CHECK_OK(tuomin_builder_build(b, &r));
  tuomin_builder_free(b);
  out = redact_alloc(r, CHAT);
  CHECK(out != NULL);
  CHECK(strcmp(out,
               "客户：我的手机是***********，身份证<身份证>，"
               "卡号***************5679，地址是[地址]。") == 0);
  free(out);
  tuomin_redactor_free(r);

  /* "tag" alone is the Chinese tag for the kind. */
  CHECK_OK(tuomin_builder_new(&b));
  CHECK_OK(tuomin_builder_set_policy(b, TUOMIN_KIND_PHONE, "tag"));
  CHECK_OK(tuomin_builder_set_policy(b, TUOMIN_KIND_ADDRESS, "remove"));
  CHECK_OK(tuomin_builder_set_policy(b, TUOMIN_KIND_ID_CARD, "conventional"));
  CHECK_OK(tuomin_builder_build(b, &r));
  tuomin_builder_free(b);
  out = redact_alloc(r, CHAT);
  CHECK(out != NULL);
  CHECK(strcmp(out,
               "客户：我的手机是[电话号码]，身份证1***************2X，"
               "卡号622202*********5679，地址是。") == 0);
  free(out);
  tuomin_redactor_free(r);

  /* The presets. */
  r = build("tag-en");
  CHECK(r != NULL);
  out = redact_alloc(r, CHAT);
  CHECK(out != NULL && strcmp(out, CHAT_TAGGED) == 0);
  free(out);
  tuomin_redactor_free(r);
  r = build("conventional");
  CHECK(r != NULL);
  out = redact_alloc(r, CHAT);
  CHECK(out != NULL && strcmp(out, CHAT_MASKED) == 0);
  free(out);
  tuomin_redactor_free(r);
  return true;
}

static bool test_rules(void) {
  tuomin_builder *b = NULL;
  CHECK_OK(tuomin_builder_new(&b));
  tuomin_rule *member = NULL;
  CHECK_OK(tuomin_rule_new("member_id", &member));
  CHECK_OK(tuomin_rule_add(member, TUOMIN_RULE_PART_PATTERN, "M[0-9]{8}"));
  CHECK_OK(tuomin_rule_set(member, "policy", "tag"));
  char err[128];
  CHECK_OK(tuomin_builder_add_rule(b, member, err, sizeof err));
  tuomin_rule *hotline = NULL;
  CHECK_OK(tuomin_rule_new("vip_word", &hotline));
  CHECK_OK(tuomin_rule_add(hotline, TUOMIN_RULE_PART_LITERAL, "Gold Member"));
  CHECK_OK(tuomin_rule_set(hotline, "case_insensitive", "true"));
  CHECK_OK(tuomin_rule_set(hotline, "policy", "full"));
  CHECK_OK(tuomin_builder_add_rule(b, hotline, NULL, 0));
  tuomin_rule_free(hotline);

  /* Errors name the rule and what is wrong; the builder is unchanged. */
  const tuomin_result invalid = TUOMIN_RESULT_INVALID_PARAMETER;
  CHECK_RESULT(tuomin_builder_add_rule(b, member, err, sizeof err), invalid);
  CHECK(strstr(err, "member_id") != NULL && strstr(err, "same name") != NULL);
  tuomin_rule *bad = NULL;
  CHECK_OK(tuomin_rule_new("order_no", &bad));
  CHECK_OK(tuomin_rule_add(bad, TUOMIN_RULE_PART_PATTERN, "[0-9]+"));
  CHECK_RESULT(tuomin_builder_add_rule(b, bad, err, sizeof err), invalid);
  CHECK(strstr(err, "order_no") != NULL && strstr(err, "256 bytes") != NULL);
  char tiny[4];
  CHECK_RESULT(tuomin_builder_add_rule(b, bad, tiny, sizeof tiny), invalid);
  CHECK(strlen(tiny) == 3);
  tuomin_rule_free(bad);
  /* A rule that could never match says why. */
  CHECK_OK(tuomin_rule_new("order_no", &bad));
  CHECK_OK(tuomin_rule_add(bad, TUOMIN_RULE_PART_PATTERN, "[^\\s\\S]"));
  CHECK_RESULT(tuomin_builder_add_rule(b, bad, err, sizeof err), invalid);
  CHECK(strstr(err, "order_no") != NULL && strstr(err, "can never match") != NULL);
  tuomin_rule_free(bad);
  CHECK_OK(tuomin_rule_new("order_no", &bad));
  CHECK_OK(tuomin_rule_add(bad, TUOMIN_RULE_PART_PATTERN, "[0-9]{6}"));
  CHECK_OK(tuomin_rule_add(bad, TUOMIN_RULE_PART_CONTEXT, "订单号"));
  CHECK_OK(tuomin_rule_set(bad, "context_window", "0"));
  CHECK_RESULT(tuomin_builder_add_rule(b, bad, err, sizeof err), invalid);
  CHECK(strstr(err, "order_no") != NULL && strstr(err, "could never match") != NULL);
  tuomin_rule_free(bad);
  CHECK_OK(tuomin_rule_new("Bad Name", &bad));
  CHECK_OK(tuomin_rule_add(bad, TUOMIN_RULE_PART_LITERAL, "x"));
  CHECK_RESULT(tuomin_builder_add_rule(b, bad, NULL, 0), invalid);
  /* A NULL message buffer is no buffer, whatever its capacity says. */
  CHECK_RESULT(tuomin_builder_add_rule(b, bad, NULL, 64), invalid);
  CHECK_RESULT(tuomin_rule_add(bad, 9, "x"), invalid);
  CHECK_RESULT(tuomin_rule_set(bad, "validator", "crc32"), invalid);
  CHECK_RESULT(tuomin_rule_set(bad, "context_window", "65"), invalid);
  CHECK_RESULT(tuomin_rule_set(bad, "colour", "red"), invalid);
  tuomin_rule_free(bad);
  tuomin_rule_free(member);

  tuomin_redactor *r = NULL;
  CHECK_OK(tuomin_builder_build(b, &r));
  const char *text = "会员号M12345678，gold member，电话13812345678";
  char *out = redact_alloc(r, text);
  CHECK(out != NULL && strcmp(out, "会员号[MEMBER_ID]，**** ******，电话138****5678") == 0);
  free(out);
  tuomin_match m[4];
  size_t count = 0;
  CHECK_OK(tuomin_scan(r, (const uint8_t *)text, strlen(text), m, 4, &count));
  CHECK(count == 3);
  CHECK(m[0].kind == TUOMIN_KIND_CUSTOM && m[0].rule == 0);
  CHECK(m[1].kind == TUOMIN_KIND_CUSTOM && m[1].rule == 1);
  CHECK(m[2].kind == TUOMIN_KIND_PHONE && m[2].rule == UINT32_MAX);
  tuomin_redactor_free(r);
  tuomin_builder_free(b);
  return true;
}

/* Writes `text` to a new temporary file; its path goes to `path`. */
static bool write_temp(char path[32], const char *text) {
  strcpy(path, "/tmp/tuomin-config-XXXXXX");
  int fd = mkstemp(path);
  if (fd < 0) {
    return false;
  }
  size_t len = strlen(text);
  bool ok = write(fd, text, len) == (ssize_t)len;
  return close(fd) == 0 && ok;
}

static bool test_redactor_from_config(void) {
  char path[32];
  CHECK(write_temp(path, "kinds = \"phone\"\n"
                         "[policy]\n"
                         "phone = \"full\"\n"
                         "[[rule]]\n"
                         "name = \"member_id\"\n"
                         "patterns = ['M[0-9]{8}']\n"
                         "policy = \"tag\"\n"));
  tuomin_redactor *r = NULL;
  char err[160];
  tuomin_result first = tuomin_redactor_new_from_config(path, &r, err, sizeof err);
  if (first != TUOMIN_RESULT_OK) {
    fprintf(stderr, "config: %s\n", err);
  }
  CHECK(first == TUOMIN_RESULT_OK);
  char *out = redact_alloc(r, "会员M12345678，手机13812345678");
  CHECK(out != NULL && strcmp(out, "会员[MEMBER_ID]，手机***********") == 0);
  free(out);
  tuomin_redactor_free(r);
  unlink(path);

  CHECK(write_temp(path, "kinds = \"phone\"\n\n[policy]\nphone = \"blur\"\n"));
  r = NULL;
  CHECK_RESULT(tuomin_redactor_new_from_config(path, &r, err, sizeof err), TUOMIN_RESULT_INVALID_PARAMETER);
  CHECK(r == NULL);
  CHECK(strncmp(err, "line 4, column 9: unknown policy", 32) == 0);
  CHECK_RESULT(tuomin_redactor_new_from_config(path, &r, NULL, 0), TUOMIN_RESULT_INVALID_PARAMETER);
  CHECK_RESULT(tuomin_redactor_new_from_config(path, &r, NULL, sizeof err), TUOMIN_RESULT_INVALID_PARAMETER);
  CHECK(r == NULL);
  unlink(path);
  CHECK_RESULT(tuomin_redactor_new_from_config(path, &r, err, sizeof err), TUOMIN_RESULT_INVALID_PARAMETER);
  CHECK(strstr(err, "cannot read") != NULL);
  CHECK_RESULT(tuomin_redactor_new_from_config(NULL, &r, err, sizeof err), TUOMIN_RESULT_NULL_PARAMETER);
  return true;
}

static bool test_builder_errors(void) {
  tuomin_builder *b = NULL;
  CHECK_OK(tuomin_builder_new(&b));
  const tuomin_result invalid = TUOMIN_RESULT_INVALID_PARAMETER;

  CHECK_RESULT(tuomin_builder_set_kinds(b, "phone,pasport"), invalid);
  CHECK_RESULT(tuomin_builder_set_kinds(b, ""), invalid);
  CHECK_RESULT(tuomin_builder_set_kinds(b, " , "), invalid);
  CHECK_RESULT(tuomin_builder_set_kinds(b, "phone\xff"), invalid);
  CHECK_RESULT(tuomin_builder_set_preset(b, "blur"), invalid);
  CHECK_RESULT(tuomin_builder_set_preset(b, "Full"), invalid);
  CHECK_RESULT(tuomin_builder_set_preset(b, "\xe6\x89"), invalid);
  CHECK_RESULT(tuomin_builder_set_policy(b, 0, "full"), invalid);
  CHECK_RESULT(tuomin_builder_set_policy(b, 22, "full"), invalid);
  CHECK_RESULT(tuomin_builder_set_policy(b, TUOMIN_KIND_PHONE, "blur"), invalid);
  CHECK_RESULT(tuomin_builder_set_policy(b, TUOMIN_KIND_PHONE, "keep:3"), invalid);
  CHECK_RESULT(tuomin_builder_set_policy(b, TUOMIN_KIND_PHONE, "keep:3:256"), invalid);
  CHECK_RESULT(tuomin_builder_set_policy(b, TUOMIN_KIND_PHONE, "keep:-1:4"), invalid);
  CHECK_RESULT(tuomin_builder_set_policy(b, TUOMIN_KIND_PHONE, ""), invalid);
  CHECK_RESULT(tuomin_builder_set_policy(b, TUOMIN_KIND_PHONE, "tag:\xc3"), invalid);
  char long_tag[80];
  memset(long_tag, 'x', sizeof long_tag - 1);
  long_tag[sizeof long_tag - 1] = '\0';
  memcpy(long_tag, "tag:", 4);
  CHECK_RESULT(tuomin_builder_set_policy(b, TUOMIN_KIND_PHONE, long_tag), invalid);
  long_tag[4 + 64] = '\0'; /* exactly 64 bytes of tag is accepted */
  CHECK_OK(tuomin_builder_set_policy(b, TUOMIN_KIND_PHONE, long_tag));
  CHECK_RESULT(tuomin_builder_set_context_window(b, 65), invalid);
  CHECK_RESULT(tuomin_builder_set_context_window(b, (size_t)-1), invalid);

  /* Rejected settings left the builder as it was. */
  tuomin_redactor *r = NULL;
  CHECK_OK(tuomin_builder_set_policy(b, TUOMIN_KIND_PHONE, "conventional"));
  CHECK_OK(tuomin_builder_build(b, &r));
  char *out = redact_alloc(r, CHAT);
  CHECK(out != NULL && strcmp(out, CHAT_MASKED) == 0);
  free(out);
  tuomin_redactor_free(r);
  tuomin_builder_free(b);
  return true;
}

static bool test_counts(void) {
  tuomin_redactor *r = NULL;
  CHECK_OK(tuomin_redactor_new_default(&r));
  tuomin_kind_counts counts[TUOMIN_COUNTS_LEN + 2];
  memset(counts, 0xff, sizeof counts);
  CHECK_OK(tuomin_count(r, bytes(CHAT), strlen(CHAT), counts, TUOMIN_COUNTS_LEN + 2));
  CHECK(counts[0].found == 4 && counts[0].masked == 4 && counts[0].reported == 0 && counts[0].allowed == 0);
  CHECK(counts[TUOMIN_KIND_PHONE].found == 1 && counts[TUOMIN_KIND_PHONE].masked == 1);
  CHECK(counts[TUOMIN_KIND_ID_CARD].masked == 1);
  CHECK(counts[TUOMIN_KIND_BANK_CARD].masked == 1);
  CHECK(counts[TUOMIN_KIND_ADDRESS].masked == 1);
  CHECK(counts[TUOMIN_KIND_EMAIL].found == 0);
  /* Entries past the kinds this version knows are zeroed. */
  CHECK(counts[TUOMIN_COUNTS_LEN].found == 0 && counts[TUOMIN_COUNTS_LEN + 1].masked == 0);

  /* A short array gets the kinds that fit; the totals still count all. */
  tuomin_kind_counts two[2];
  CHECK_OK(tuomin_count(r, bytes(CHAT), strlen(CHAT), two, 2));
  CHECK(two[0].found == 4 && two[TUOMIN_KIND_PHONE].found == 1);
  CHECK_OK(tuomin_count(r, bytes(CHAT), strlen(CHAT), NULL, 0));
  CHECK_RESULT(tuomin_count(r, bytes(CHAT), strlen(CHAT), NULL, 1), TUOMIN_RESULT_NULL_PARAMETER);
  CHECK_RESULT(tuomin_count(NULL, bytes(CHAT), strlen(CHAT), counts, 1), TUOMIN_RESULT_NULL_PARAMETER);

  /* A stream's counts, fed one byte at a time, equal the one-shot counts. */
  tuomin_stream *s = NULL;
  CHECK_OK(tuomin_stream_new(r, &s));
  uint8_t dst[256];
  size_t len = strlen(CHAT);
  for (size_t i = 0; i < len; i++) {
    size_t read = 0, written = 0;
    CHECK_OK(tuomin_stream_feed(s, bytes(CHAT) + i, 1, i + 1 == len, dst, sizeof dst, &read, &written));
    CHECK(read == 1);
  }
  tuomin_kind_counts streamed[TUOMIN_COUNTS_LEN];
  CHECK_OK(tuomin_stream_counts(s, streamed, TUOMIN_COUNTS_LEN));
  CHECK(memcmp(streamed, counts, sizeof streamed) == 0);
  CHECK_RESULT(tuomin_stream_counts(NULL, streamed, 1), TUOMIN_RESULT_NULL_PARAMETER);
  tuomin_stream_free(s);
  tuomin_redactor_free(r);
  return true;
}

static bool test_actions_and_thresholds(void) {
  tuomin_builder *b = NULL;
  tuomin_redactor *r = NULL;
  CHECK_OK(tuomin_builder_new(&b));
  CHECK_OK(tuomin_builder_set_action(b, TUOMIN_KIND_PHONE, TUOMIN_ACTION_REPORT));
  /* Bank cards need a checksum to be masked (this one passes Luhn). */
  CHECK_OK(tuomin_builder_set_mask_threshold(b, TUOMIN_KIND_BANK_CARD, TUOMIN_EVIDENCE_CHECKSUM));
  /* Addresses are never stronger than a pattern: reported. */
  CHECK_OK(tuomin_builder_set_mask_threshold(b, TUOMIN_KIND_ADDRESS, TUOMIN_EVIDENCE_CHECKSUM));
  CHECK_RESULT(tuomin_builder_set_action(b, TUOMIN_KIND_PHONE, 0), TUOMIN_RESULT_INVALID_PARAMETER);
  CHECK_RESULT(tuomin_builder_set_action(b, 0, TUOMIN_ACTION_MASK), TUOMIN_RESULT_INVALID_PARAMETER);
  CHECK_RESULT(tuomin_builder_set_mask_threshold(b, TUOMIN_KIND_PHONE, 4), TUOMIN_RESULT_INVALID_PARAMETER);
  CHECK_RESULT(tuomin_builder_set_action(NULL, TUOMIN_KIND_PHONE, TUOMIN_ACTION_MASK),
               TUOMIN_RESULT_NULL_PARAMETER);
  CHECK_OK(tuomin_builder_build(b, &r));
  tuomin_builder_free(b);
  char *out = redact_alloc(r, CHAT);
  CHECK(out != NULL);
  CHECK(strcmp(out,
               "客户：我的手机是13812345678，身份证1***************2X，"
               "卡号622202*********5679，地址是北京市朝阳区建国路88号。") == 0);
  free(out);
  tuomin_match m[8];
  size_t count = 0;
  CHECK_OK(tuomin_scan(r, bytes(CHAT), strlen(CHAT), m, 8, &count));
  CHECK(count == 4);
  CHECK(m[0].action == TUOMIN_ACTION_REPORT && m[1].action == TUOMIN_ACTION_MASK);
  CHECK(m[2].action == TUOMIN_ACTION_MASK && m[3].action == TUOMIN_ACTION_REPORT);
  tuomin_kind_counts counts[TUOMIN_COUNTS_LEN];
  CHECK_OK(tuomin_count(r, bytes(CHAT), strlen(CHAT), counts, TUOMIN_COUNTS_LEN));
  CHECK(counts[0].found == 4 && counts[0].masked == 2 && counts[0].reported == 2);
  CHECK(counts[TUOMIN_KIND_PHONE].reported == 1 && counts[TUOMIN_KIND_ADDRESS].reported == 1);
  tuomin_redactor_free(r);
  return true;
}

static bool test_allow_lists(void) {
  tuomin_builder *b = NULL;
  tuomin_redactor *r = NULL;
  CHECK_OK(tuomin_builder_new(&b));
  /* The same number written another way. */
  CHECK_OK(tuomin_builder_add_allow_value(b, "138 1234 5678"));
  CHECK_OK(tuomin_builder_add_allow_pattern(b, TUOMIN_KIND_BANK_CARD, "6222\\d{15}"));
  CHECK_RESULT(tuomin_builder_add_allow_pattern(b, TUOMIN_KIND_ID_CARD, "(unclosed"),
               TUOMIN_RESULT_INVALID_PARAMETER);
  CHECK_RESULT(tuomin_builder_add_allow_pattern(b, 0, "\\d+"), TUOMIN_RESULT_INVALID_PARAMETER);
  CHECK_RESULT(tuomin_builder_add_allow_value(b, "\xff"), TUOMIN_RESULT_INVALID_PARAMETER);
  CHECK_RESULT(tuomin_builder_add_allow_value(b, NULL), TUOMIN_RESULT_NULL_PARAMETER);
  CHECK_OK(tuomin_builder_build(b, &r));
  tuomin_builder_free(b);
  char *out = redact_alloc(r, CHAT);
  CHECK(out != NULL);
  CHECK(strcmp(out,
               "客户：我的手机是13812345678，身份证1***************2X，"
               "卡号6222020200112345679，地址是北京市朝阳区＊＊＊**＊。") == 0);
  free(out);
  tuomin_match m[8];
  size_t count = 0;
  CHECK_OK(tuomin_scan(r, bytes(CHAT), strlen(CHAT), m, 8, &count));
  CHECK(count == 4 && m[0].action == TUOMIN_ACTION_ALLOW && m[2].action == TUOMIN_ACTION_ALLOW);
  tuomin_kind_counts counts[TUOMIN_COUNTS_LEN];
  CHECK_OK(tuomin_count(r, bytes(CHAT), strlen(CHAT), counts, TUOMIN_COUNTS_LEN));
  CHECK(counts[0].allowed == 2 && counts[0].masked == 2);
  CHECK(counts[TUOMIN_KIND_PHONE].allowed == 1 && counts[TUOMIN_KIND_BANK_CARD].allowed == 1);
  tuomin_redactor_free(r);
  return true;
}

static tuomin_redactor *build_hashing(const char *key) {
  tuomin_builder *b = NULL;
  tuomin_redactor *r = NULL;
  if (tuomin_builder_new(&b) != TUOMIN_RESULT_OK) return NULL;
  if (tuomin_builder_set_kinds(b, "phone,id_card") != TUOMIN_RESULT_OK ||
      tuomin_builder_set_policy(b, TUOMIN_KIND_PHONE, "hash") != TUOMIN_RESULT_OK ||
      tuomin_builder_set_policy(b, TUOMIN_KIND_ID_CARD, "hash") != TUOMIN_RESULT_OK ||
      tuomin_builder_set_hash_key(b, bytes(key), strlen(key)) != TUOMIN_RESULT_OK ||
      tuomin_builder_build(b, &r) != TUOMIN_RESULT_OK) {
    r = NULL;
  }
  tuomin_builder_free(b);
  return r;
}

static bool test_hash_policy(void) {
  /* HMAC-SHA-256(key, "phone\0" "13812345678"), first 8 bytes in hex, as
     any HMAC implementation computes it. */
  const char *key = "0123456789abcdef-demo-key";
  tuomin_redactor *r = build_hashing(key);
  CHECK(r != NULL);
  char *out = redact_alloc(r, "手机 138 1234 5678，身份证11010519491231002X");
  CHECK(out != NULL);
  CHECK(strcmp(out, "手机 [PHONE:1cfe20ec3903d206]，身份证[ID_CARD:767add8137790156]") == 0);
  free(out);
  /* Another redactor with the same key agrees; another key does not. */
  tuomin_redactor *same = build_hashing(key);
  tuomin_redactor *other = build_hashing("a different key, 32 bytes long..");
  CHECK(same != NULL && other != NULL);
  char *a = redact_alloc(same, "13812345678");
  char *b = redact_alloc(other, "13812345678");
  CHECK(a != NULL && b != NULL);
  CHECK(strcmp(a, "[PHONE:1cfe20ec3903d206]") == 0);
  CHECK(strncmp(b, "[PHONE:", 7) == 0 && strcmp(a, b) != 0);
  free(a);
  free(b);
  /* Not length-preserving. */
  char buf[] = "13812345678";
  CHECK_RESULT(tuomin_redact_in_place(r, (uint8_t *)buf, strlen(buf)), TUOMIN_RESULT_NOT_LENGTH_PRESERVING);
  tuomin_redactor_free(r);
  tuomin_redactor_free(same);
  tuomin_redactor_free(other);

  /* A hash policy needs a key of at least 16 bytes. */
  tuomin_builder *bl = NULL;
  tuomin_redactor *none = NULL;
  CHECK_OK(tuomin_builder_new(&bl));
  CHECK_OK(tuomin_builder_set_preset(bl, "hash"));
  CHECK_RESULT(tuomin_builder_build(bl, &none), TUOMIN_RESULT_INVALID_PARAMETER);
  CHECK(none == NULL);
  CHECK_RESULT(tuomin_builder_set_hash_key(bl, bytes("too short"), 9), TUOMIN_RESULT_INVALID_PARAMETER);
  CHECK_RESULT(tuomin_builder_set_hash_key(bl, NULL, 16), TUOMIN_RESULT_NULL_PARAMETER);
  CHECK_RESULT(tuomin_builder_build(bl, &none), TUOMIN_RESULT_INVALID_PARAMETER);
  CHECK_OK(tuomin_builder_set_hash_key(bl, bytes("exactly 16 bytes"), 16));
  CHECK_OK(tuomin_builder_build(bl, &none));
  tuomin_redactor_free(none);
  tuomin_builder_free(bl);

  /* Fakes keep the length, so they work in place: a mobile number becomes
     one from the unallocated 154 segment, the same for the same key. */
  CHECK_OK(tuomin_builder_new(&bl));
  CHECK_OK(tuomin_builder_set_policy(bl, TUOMIN_KIND_PHONE, "fake"));
  CHECK_OK(tuomin_builder_set_hash_key(bl, bytes(key), strlen(key)));
  CHECK_OK(tuomin_builder_build(bl, &r));
  tuomin_builder_free(bl);
  char first[] = "手机138-1234-5678";
  char second[] = "手机13812345678";
  CHECK_OK(tuomin_redact_in_place(r, (uint8_t *)first, strlen(first)));
  CHECK_OK(tuomin_redact_in_place(r, (uint8_t *)second, strlen(second)));
  CHECK(strncmp(first, "手机154-", strlen("手机154-")) == 0 && first[strlen("手机154-1234")] == '-');
  CHECK(strncmp(second, "手机154", strlen("手机154")) == 0);
  /* The same digits, with and without dashes. */
  CHECK(memcmp(first + strlen("手机154-"), second + strlen("手机154"), 4) == 0);
  CHECK(strcmp(first + strlen("手机154-1234-"), second + strlen("手机1541234")) == 0);
  tuomin_redactor_free(r);
  return true;
}

static bool test_stream_matches_one_shot(void) {
  const char *presets[] = {"conventional", "tag", "remove"};
  static char out[4096];
  for (size_t p = 0; p < sizeof presets / sizeof presets[0]; p++) {
    tuomin_redactor *r = build(presets[p]);
    CHECK(r != NULL);
    char *expected = redact_alloc(r, CHAT);
    CHECK(expected != NULL);
    /* One byte in, one byte out; then a few other sizes. */
    const size_t pieces[] = {1, 2, 3, 7, 64, 4096};
    const size_t dsts[] = {1, 1, 2, 5, 3, 64};
    for (size_t i = 0; i < sizeof pieces / sizeof pieces[0]; i++) {
      size_t n = stream_pieces(r, CHAT, pieces[i], dsts[i], out, sizeof out);
      if (n == (size_t)-1 || n != strlen(expected) || memcmp(out, expected, n) != 0) {
        fprintf(stderr, "preset %s, pieces of %zu, dst of %zu: got \"%.*s\"\n", presets[p], pieces[i],
                dsts[i], n == (size_t)-1 ? 0 : (int)n, out);
        free(expected);
        tuomin_redactor_free(r);
        return false;
      }
    }
    free(expected);
    tuomin_redactor_free(r);
  }
  return true;
}

static bool test_stream_output_full(void) {
  tuomin_redactor *r = build("tag-en");
  CHECK(r != NULL);
  tuomin_stream *s = NULL;
  CHECK_OK(tuomin_stream_new(r, &s));
  uint8_t dst[4];
  size_t read = 0, written = 0;
  /* The whole chat at once into four bytes: the stream stops when dst is
     full, having read only part of the input. */
  CHECK_RESULT(tuomin_stream_feed(s, bytes(CHAT), strlen(CHAT), true, dst, sizeof dst, &read, &written),
               TUOMIN_RESULT_OUTPUT_FULL);
  CHECK(written == sizeof dst);
  CHECK(read < strlen(CHAT));
  CHECK(memcmp(dst, CHAT_TAGGED, 4) == 0);
  /* A zero-capacity dst makes no progress but is not an error. */
  size_t read2 = 99, written2 = 99;
  tuomin_result res =
      tuomin_stream_feed(s, bytes(CHAT) + read, strlen(CHAT) - read, true, NULL, 0, &read2, &written2);
  CHECK(res == TUOMIN_RESULT_OUTPUT_FULL && written2 == 0);
  tuomin_stream_free(s);
  tuomin_redactor_free(r);
  return true;
}

static bool test_stream_finish_and_end_message(void) {
  tuomin_redactor *r = NULL;
  CHECK_OK(tuomin_redactor_new_default(&r));
  tuomin_stream *s = NULL;
  CHECK_OK(tuomin_stream_new(r, &s));
  uint8_t dst[256];
  size_t read = 0, written = 0, total = 0;

  /* Message one ends in a number, which the stream holds back until the
     message ends. */
  const char *one = "我的手机是1381234";
  CHECK_OK(tuomin_stream_feed(s, bytes(one), strlen(one), false, dst, sizeof dst, &read, &written));
  CHECK(read == strlen(one));
  CHECK(written < read);
  total = written;
  CHECK_OK(tuomin_stream_end_message(s, dst + total, sizeof dst - total, &written));
  total += written;
  CHECK_BYTES(dst, total, one); /* seven digits are not a phone number */

  /* Message two starts afresh: "5678" does not complete the number. */
  const char *two = "5678，身份证11010519491231002X";
  CHECK_OK(tuomin_stream_feed(s, bytes(two), strlen(two), false, dst, sizeof dst, &read, &written));
  total = written;
  /* end_message with a one-byte dst: OUTPUT_FULL until done. */
  for (;;) {
    tuomin_result res = tuomin_stream_end_message(s, dst + total, 1, &written);
    CHECK(res == TUOMIN_RESULT_OK || res == TUOMIN_RESULT_OUTPUT_FULL);
    CHECK(written <= 1);
    total += written;
    if (res == TUOMIN_RESULT_OK) break;
  }
  CHECK_BYTES(dst, total, "5678，身份证1***************2X");

  /* Ending the stream; afterwards it is finished. */
  CHECK_OK(tuomin_stream_feed(s, bytes("13812345678"), 11, true, dst, sizeof dst, &read, &written));
  CHECK_BYTES(dst, written, "138****5678");
  CHECK_RESULT(tuomin_stream_feed(s, bytes("x"), 1, false, dst, sizeof dst, &read, &written),
               TUOMIN_RESULT_ALREADY_FINISHED);
  CHECK_RESULT(tuomin_stream_feed(s, NULL, 0, true, dst, sizeof dst, &read, &written),
               TUOMIN_RESULT_ALREADY_FINISHED);
  CHECK_RESULT(tuomin_stream_end_message(s, dst, sizeof dst, &written), TUOMIN_RESULT_ALREADY_FINISHED);
  tuomin_stream_free(s);
  tuomin_redactor_free(r);
  return true;
}

static bool test_stream_max_output_len(void) {
  const char *presets[] = {"conventional", "tag"};
  for (size_t p = 0; p < 2; p++) {
    tuomin_redactor *r = build(presets[p]);
    CHECK(r != NULL);
    tuomin_stream *s = NULL;
    CHECK_OK(tuomin_stream_new(r, &s));
    size_t bound = 0;
    CHECK_OK(tuomin_stream_max_output_len(s, 0, &bound));
    CHECK(bound == 0);
    /* Feed a prefix that ends inside a number (so bytes are held back),
       then size dst for the rest with max_output_len: one call finishes. */
    size_t half = offset_of("13812345678") + 5;
    static uint8_t head[1024];
    size_t read = 0, written = 0;
    CHECK_OK(tuomin_stream_feed(s, bytes(CHAT), half, false, head, sizeof head, &read, &written));
    CHECK(read == half && written < half);
    size_t head_len = written;
    CHECK_OK(tuomin_stream_max_output_len(s, strlen(CHAT) - half, &bound));
    CHECK(bound >= strlen(CHAT) - half + (half - head_len));
    uint8_t *dst = malloc(head_len + bound);
    CHECK(dst != NULL);
    memcpy(dst, head, head_len);
    tuomin_result res = tuomin_stream_feed(s, bytes(CHAT) + half, strlen(CHAT) - half, true, dst + head_len,
                                           bound, &read, &written);
    size_t total = head_len + written;
    char *expected = redact_alloc(r, CHAT);
    bool same = res == TUOMIN_RESULT_OK && expected != NULL && total == strlen(expected) &&
                memcmp(dst, expected, total) == 0;
    free(expected);
    free(dst);
    CHECK(same);
    CHECK_OK(tuomin_stream_max_output_len(s, (size_t)-1, &bound));
    CHECK(bound == (size_t)-1); /* SIZE_MAX: does not fit */
    tuomin_stream_free(s);
    tuomin_redactor_free(r);
  }
  return true;
}

static bool test_free_redactor_before_stream(void) {
  tuomin_redactor *r = build("tag-en");
  CHECK(r != NULL);
  tuomin_stream *s = NULL;
  CHECK_OK(tuomin_stream_new(r, &s));
  tuomin_redactor_free(r);
  static char out[1024];
  uint8_t dst[16];
  size_t len = strlen(CHAT), pos = 0, total = 0;
  while (pos < len) {
    size_t n = len - pos < 5 ? len - pos : 5;
    bool last = pos + n == len;
    size_t left = n;
    const uint8_t *src = bytes(CHAT) + pos;
    for (;;) {
      size_t read = 0, written = 0;
      tuomin_result res = tuomin_stream_feed(s, src, left, last, dst, sizeof dst, &read, &written);
      CHECK(res == TUOMIN_RESULT_OK || res == TUOMIN_RESULT_OUTPUT_FULL);
      CHECK(total + written <= sizeof out);
      memcpy(out + total, dst, written);
      total += written;
      src += read;
      left -= read;
      if (res == TUOMIN_RESULT_OK) break;
    }
    pos += n;
  }
  tuomin_stream_free(s);
  CHECK_BYTES(out, total, CHAT_TAGGED);
  return true;
}

/* ---------------------------------------------------------------- GB18030 */

/*
 * GB18030 text, written byte by byte: 我的手机是13812345678，谢谢 and its
 * masked form. A hex escape takes every hex digit after it, so the strings
 * are split where digits follow a multi-byte character.
 */
static const char GB_CHAT[] =
    "\xCE\xD2\xB5\xC4\xCA\xD6\xBB\xFA\xCA\xC7" "13812345678" "\xA3\xAC\xD0\xBB\xD0\xBB";
static const char GB_CHAT_MASKED[] =
    "\xCE\xD2\xB5\xC4\xCA\xD6\xBB\xFA\xCA\xC7" "138****5678" "\xA3\xAC\xD0\xBB\xD0\xBB";

static bool test_redact_gb18030(void) {
  tuomin_redactor *r = NULL;
  CHECK_OK(tuomin_redactor_new_default(&r));
  uint8_t dst[256];
  size_t len = 0;
  CHECK_OK(tuomin_redact_gb18030(r, bytes(GB_CHAT), strlen(GB_CHAT), dst, sizeof dst, &len));
  CHECK_BYTES(dst, len, GB_CHAT_MASKED);
  CHECK(len == strlen(GB_CHAT));

  /* 手机 (GB18030) right before the number: the context word is read as
     text, not as bytes. */
  const char gbk_only[] = "\xCA\xD6\xBB\xFA" "13812345678";
  const char gbk_only_masked[] = "\xCA\xD6\xBB\xFA" "138****5678";
  CHECK_OK(tuomin_redact_gb18030(r, bytes(gbk_only), strlen(gbk_only), dst, sizeof dst, &len));
  CHECK_BYTES(dst, len, gbk_only_masked);

  /* Text without personal information comes back unchanged, byte for byte,
     including a four-byte GB18030 sequence (U+00A5 is 81 30 84 36). */
  const char plain[] = "\xC4\xFA\xBA\xC3" "\x81\x30\x84\x36" "ok";
  CHECK_OK(tuomin_redact_gb18030(r, bytes(plain), strlen(plain), dst, sizeof dst, &len));
  CHECK_BYTES(dst, len, plain);

  /* An empty input is an empty output. */
  CHECK_OK(tuomin_redact_gb18030(r, NULL, 0, NULL, 0, &len));
  CHECK(len == 0);
  tuomin_redactor_free(r);
  return true;
}

static bool test_redact_gb18030_tags(void) {
  /* Chinese tags are written in GB18030: [电话号码]. */
  tuomin_redactor *r = build("tag");
  CHECK(r != NULL);
  const char tagged[] = "\xCE\xD2\xB5\xC4\xCA\xD6\xBB\xFA\xCA\xC7"
                        "[\xB5\xE7\xBB\xB0\xBA\xC5\xC2\xEB]"
                        "\xA3\xAC\xD0\xBB\xD0\xBB";
  uint8_t dst[256];
  size_t len = 0;
  CHECK_OK(tuomin_redact_gb18030(r, bytes(GB_CHAT), strlen(GB_CHAT), dst, sizeof dst, &len));
  CHECK_BYTES(dst, len, tagged);
  tuomin_redactor_free(r);
  return true;
}

static bool test_redact_gb18030_malformed(void) {
  tuomin_redactor *r = NULL;
  CHECK_OK(tuomin_redactor_new_default(&r));
  uint8_t dst[256];
  memset(dst, 0xAA, sizeof dst);
  size_t len = 0;

  /* 0xFF starts no GB18030 character: the offset of the bad byte, and
     nothing written (not even the masked number before it). */
  const char bad[] = "\xCA\xD6\xBB\xFA" "13812345678" "\xFF" "\xA3\xAC";
  CHECK_RESULT(tuomin_redact_gb18030(r, bytes(bad), strlen(bad), dst, sizeof dst, &len),
               TUOMIN_RESULT_INVALID_ENCODING);
  CHECK(len == 15);
  for (size_t i = 0; i < sizeof dst; i++) CHECK(dst[i] == 0xAA);

  /* A lead byte with a trail byte that cannot follow it. */
  const char bad_pair[] = "ok\x81\x7F";
  CHECK_RESULT(tuomin_redact_gb18030(r, bytes(bad_pair), strlen(bad_pair), dst, sizeof dst, &len),
               TUOMIN_RESULT_INVALID_ENCODING);
  CHECK(len == 2);

  /* A character cut off at the end. */
  const char cut[] = "\xCA\xD6\xBB";
  CHECK_RESULT(tuomin_redact_gb18030(r, bytes(cut), strlen(cut), dst, sizeof dst, &len),
               TUOMIN_RESULT_INVALID_ENCODING);
  CHECK(len == 2);
  for (size_t i = 0; i < sizeof dst; i++) CHECK(dst[i] == 0xAA);
  CHECK(strstr(tuomin_result_message(TUOMIN_RESULT_INVALID_ENCODING), "GB18030") != NULL);
  tuomin_redactor_free(r);
  return true;
}

static bool test_redact_gb18030_insufficient_size(void) {
  tuomin_redactor *r = build("tag-en");
  CHECK(r != NULL);
  const char tagged[] = "\xCE\xD2\xB5\xC4\xCA\xD6\xBB\xFA\xCA\xC7"
                        "[PHONE]"
                        "\xA3\xAC\xD0\xBB\xD0\xBB";
  size_t need = strlen(tagged);

  /* (NULL, 0) as dst asks for the size. */
  size_t len = 0;
  CHECK_RESULT(tuomin_redact_gb18030(r, bytes(GB_CHAT), strlen(GB_CHAT), NULL, 0, &len),
               TUOMIN_RESULT_INSUFFICIENT_SIZE);
  CHECK(len == need);

  /* One byte short: the size needed, and dst untouched. */
  uint8_t dst[256];
  memset(dst, 0xAA, sizeof dst);
  len = 0;
  CHECK_RESULT(tuomin_redact_gb18030(r, bytes(GB_CHAT), strlen(GB_CHAT), dst, need - 1, &len),
               TUOMIN_RESULT_INSUFFICIENT_SIZE);
  CHECK(len == need);
  for (size_t i = 0; i < sizeof dst; i++) CHECK(dst[i] == 0xAA);

  /* Exactly enough. */
  CHECK_OK(tuomin_redact_gb18030(r, bytes(GB_CHAT), strlen(GB_CHAT), dst, need, &len));
  CHECK_BYTES(dst, len, tagged);
  CHECK(dst[need] == 0xAA);
  tuomin_redactor_free(r);
  return true;
}

static bool test_redact_gb18030_arguments(void) {
  tuomin_redactor *r = NULL;
  CHECK_OK(tuomin_redactor_new_default(&r));
  uint8_t buf[64] = "\xCA\xD6\xBB\xFA";
  size_t len = 0;
  CHECK_RESULT(tuomin_redact_gb18030(NULL, bytes(GB_CHAT), strlen(GB_CHAT), buf, sizeof buf, &len),
               TUOMIN_RESULT_NULL_PARAMETER);
  CHECK_RESULT(tuomin_redact_gb18030(r, bytes(GB_CHAT), strlen(GB_CHAT), buf, sizeof buf, NULL),
               TUOMIN_RESULT_NULL_PARAMETER);
  CHECK_RESULT(tuomin_redact_gb18030(r, NULL, 4, buf, sizeof buf, &len), TUOMIN_RESULT_NULL_PARAMETER);
  CHECK_RESULT(tuomin_redact_gb18030(r, bytes(GB_CHAT), strlen(GB_CHAT), NULL, 8, &len),
               TUOMIN_RESULT_NULL_PARAMETER);
  /* Overlapping buffers. */
  CHECK_RESULT(tuomin_redact_gb18030(r, buf, 4, buf + 2, 8, &len), TUOMIN_RESULT_INVALID_PARAMETER);
  tuomin_redactor_free(r);
  return true;
}

/* The GB18030 stream unpacks its buffers as tuomin_stream_feed does. */
static bool test_gb18030_stream_arguments(void) {
  tuomin_redactor *r = NULL;
  CHECK_OK(tuomin_redactor_new_default(&r));
  tuomin_gb18030_stream *s = NULL;
  CHECK_OK(tuomin_gb18030_stream_new(r, &s));
  uint8_t buf[64];
  memcpy(buf, "13812345678", 11);
  size_t read = 99, written = 99;

  /* NULL with a length, and NULL out-parameters, are refused; nothing is
     read, written or set. */
  const tuomin_result null = TUOMIN_RESULT_NULL_PARAMETER;
  CHECK_RESULT(tuomin_gb18030_stream_feed(s, NULL, 11, false, buf + 16, 16, &read, &written), null);
  CHECK_RESULT(tuomin_gb18030_stream_feed(s, buf, 11, false, NULL, 16, &read, &written), null);
  CHECK_RESULT(tuomin_gb18030_stream_feed(s, buf, 11, false, buf + 16, 16, NULL, &written), null);
  CHECK_RESULT(tuomin_gb18030_stream_feed(s, buf, 11, false, buf + 16, 16, &read, NULL), null);
  CHECK(read == 99 && written == 99);

  /* Overlapping buffers, even by one byte, are refused; touching ones are
     not. */
  const tuomin_result invalid = TUOMIN_RESULT_INVALID_PARAMETER;
  CHECK_RESULT(tuomin_gb18030_stream_feed(s, buf, 11, false, buf + 4, 16, &read, &written), invalid);
  CHECK_RESULT(tuomin_gb18030_stream_feed(s, buf, 11, false, buf + 10, 16, &read, &written), invalid);
  CHECK(read == 99 && written == 99);

  /* (NULL, 0) is empty on both sides. */
  CHECK_OK(tuomin_gb18030_stream_feed(s, NULL, 0, false, NULL, 0, &read, &written));
  CHECK(read == 0 && written == 0);

  /* None of that changed the stream. */
  CHECK_OK(tuomin_gb18030_stream_feed(s, buf, 11, true, buf + 11, 32, &read, &written));
  CHECK(read == 11);
  CHECK_BYTES(buf + 11, written, "138****5678");
  tuomin_gb18030_stream_free(s);
  tuomin_redactor_free(r);
  return true;
}

/*
 * Feeds `text` (`len` bytes) to a new GB18030 stream in pieces of `piece`
 * bytes into a `dst` of `dst_cap` bytes, appending what is written to
 * `out` (capacity `out_cap`). Returns the result that stopped it (OK when
 * the stream finished) and sets *out_len to the bytes written.
 */
static tuomin_result gb_stream(const tuomin_redactor *r, const char *text, size_t len, size_t piece,
                               size_t dst_cap, uint8_t *out, size_t out_cap, size_t *out_len) {
  tuomin_gb18030_stream *s = NULL;
  tuomin_result res = tuomin_gb18030_stream_new(r, &s);
  *out_len = 0;
  if (res != TUOMIN_RESULT_OK) return res;
  uint8_t dst[64];
  size_t at = 0;
  for (;;) {
    size_t n = len - at < piece ? len - at : piece;
    bool last = at + n == len;
    size_t read = 0, written = 0;
    res = tuomin_gb18030_stream_feed(s, bytes(text) + at, n, last, dst, dst_cap, &read, &written);
    if (res != TUOMIN_RESULT_OK && res != TUOMIN_RESULT_OUTPUT_FULL && res != TUOMIN_RESULT_INVALID_ENCODING) break;
    if (*out_len + written > out_cap) {
      res = TUOMIN_RESULT_INSUFFICIENT_SIZE;
      break;
    }
    memcpy(out + *out_len, dst, written);
    *out_len += written;
    if (res == TUOMIN_RESULT_INVALID_ENCODING) break;
    at += read;
    if (res == TUOMIN_RESULT_OK && last) break;
  }
  if (res == TUOMIN_RESULT_OK) {
    /* A finished stream takes nothing more. */
    size_t read = 0, written = 0;
    if (tuomin_gb18030_stream_feed(s, NULL, 0, true, dst, sizeof dst, &read, &written) !=
        TUOMIN_RESULT_ALREADY_FINISHED) {
      res = TUOMIN_RESULT_PANIC;
    }
  }
  tuomin_gb18030_stream_free(s);
  return res;
}

static bool test_gb18030_stream(void) {
  tuomin_redactor *r = build("tag");
  CHECK(r != NULL);
  uint8_t whole[256];
  size_t whole_len = 0;
  CHECK_OK(tuomin_redact_gb18030(r, bytes(GB_CHAT), strlen(GB_CHAT), whole, sizeof whole, &whole_len));
  /* Every piece size (cutting inside characters) and tiny output buffers
     give the one-shot output. */
  const size_t caps[] = {1, 2, 5, 64};
  for (size_t piece = 1; piece <= strlen(GB_CHAT); piece++) {
    for (size_t c = 0; c < sizeof caps / sizeof caps[0]; c++) {
      uint8_t out[256];
      size_t len = 0;
      CHECK_OK(gb_stream(r, GB_CHAT, strlen(GB_CHAT), piece, caps[c], out, sizeof out, &len));
      CHECK(len == whole_len && memcmp(out, whole, len) == 0);
    }
  }
  tuomin_redactor_free(r);
  return true;
}

static bool test_gb18030_stream_malformed(void) {
  tuomin_redactor *r = NULL;
  CHECK_OK(tuomin_redactor_new_default(&r));
  uint8_t out[256];
  size_t len = 0;
  /* A bad byte in the third piece: what came before it in earlier pieces
     and was already decided may have been written, nothing after it. */
  const char bad[] = "\xCA\xD6\xBB\xFA" "13812345678" "\xFF" "\xA3\xAC";
  CHECK_RESULT(gb_stream(r, bad, strlen(bad), 6, 64, out, sizeof out, &len), TUOMIN_RESULT_INVALID_ENCODING);
  CHECK(len <= 15);
  CHECK(memcmp(out, "\xCA\xD6\xBB\xFA" "138****5678", len) == 0);

  /* The text ends inside a character: found at the last call. */
  const char cut[] = "\xCA\xD6\xBB\xFA\xCA";
  CHECK_RESULT(gb_stream(r, cut, strlen(cut), 2, 64, out, sizeof out, &len), TUOMIN_RESULT_INVALID_ENCODING);

  /* After the error the stream refuses more input. */
  tuomin_gb18030_stream *s = NULL;
  CHECK_OK(tuomin_gb18030_stream_new(r, &s));
  uint8_t dst[64];
  size_t read = 0, written = 0;
  CHECK_RESULT(tuomin_gb18030_stream_feed(s, bytes("\xFF"), 1, false, dst, sizeof dst, &read, &written),
               TUOMIN_RESULT_INVALID_ENCODING);
  CHECK(written == 0);
  CHECK_RESULT(tuomin_gb18030_stream_feed(s, bytes("ok"), 2, true, dst, sizeof dst, &read, &written),
               TUOMIN_RESULT_INVALID_ENCODING);
  tuomin_gb18030_stream_free(s);

  /* NULL arguments. */
  CHECK_RESULT(tuomin_gb18030_stream_new(NULL, &s), TUOMIN_RESULT_NULL_PARAMETER);
  CHECK_RESULT(tuomin_gb18030_stream_feed(NULL, NULL, 0, true, dst, sizeof dst, &read, &written),
               TUOMIN_RESULT_NULL_PARAMETER);
  tuomin_gb18030_stream_free(NULL);
  tuomin_redactor_free(r);
  return true;
}

/* ---------------------------------------------------------------- threads */

#define THREADS 8
#define ROUNDS 50

static const char *const THREAD_TEXTS[] = {
    CHAT,
    "客服：请提供您的手机号 138 1234 5678 和身份证号码",
    "卡号 6222 0202 0011 2345 679，寄到北京市朝阳区建国路88号院3号楼2单元1102",
    "电话：0755-86001234 转 8001；备用１３８１２３４５６７８",
    "没有任何个人信息的一句话。",
};
#define TEXT_COUNT (sizeof THREAD_TEXTS / sizeof THREAD_TEXTS[0])

struct thread_job {
  const tuomin_redactor *r;
  char *expected[TEXT_COUNT];
  int index;
  bool ok;
};

static void *thread_main(void *arg) {
  struct thread_job *job = arg;
  static char out_buf[THREADS][4096];
  char *out = out_buf[job->index];
  job->ok = true;
  for (int round = 0; round < ROUNDS && job->ok; round++) {
    size_t t = (size_t)(round + job->index) % TEXT_COUNT;
    const char *text = THREAD_TEXTS[t];
    size_t need = strlen(job->expected[t]);
    size_t len = 0;
    if (tuomin_redact(job->r, bytes(text), strlen(text), (uint8_t *)out, 4096, &len) != TUOMIN_RESULT_OK ||
        len != need || memcmp(out, job->expected[t], len) != 0) {
      job->ok = false;
    }
    /* Each thread's own stream over the shared redactor. */
    len = stream_pieces(job->r, text, (size_t)(1 + round % 7), (size_t)(1 + job->index), out, 4096);
    if (len != need || memcmp(out, job->expected[t], len) != 0) job->ok = false;
  }
  return NULL;
}

static bool test_threads_share_a_redactor(void) {
  tuomin_redactor *r = NULL;
  CHECK_OK(tuomin_redactor_new_default(&r));
  struct thread_job jobs[THREADS];
  pthread_t threads[THREADS];
  /* Expected results, computed on this thread first. */
  char *expected[TEXT_COUNT];
  for (size_t t = 0; t < TEXT_COUNT; t++) {
    expected[t] = redact_alloc(r, THREAD_TEXTS[t]);
    CHECK(expected[t] != NULL);
  }
  CHECK(strcmp(expected[0], CHAT_MASKED) == 0);
  for (int i = 0; i < THREADS; i++) {
    jobs[i].r = r;
    jobs[i].index = i;
    jobs[i].ok = false;
    memcpy(jobs[i].expected, expected, sizeof expected);
    CHECK(pthread_create(&threads[i], NULL, thread_main, &jobs[i]) == 0);
  }
  bool ok = true;
  for (int i = 0; i < THREADS; i++) {
    if (pthread_join(threads[i], NULL) != 0 || !jobs[i].ok) ok = false;
  }
  for (size_t t = 0; t < TEXT_COUNT; t++) free(expected[t]);
  tuomin_redactor_free(r);
  CHECK(ok);
  return true;
}

/* ------------------------------------------------------------------- main */

struct test_case {
  const char *name;
  bool (*run)(void);
};

#define TEST(name) {#name, name}

int main(void) {
  const struct test_case cases[] = {
      TEST(test_version),
      TEST(test_result_messages),
      TEST(test_kind_names),
      TEST(test_redact),
      TEST(test_redact_insufficient_size),
      TEST(test_scan),
      TEST(test_scan_insufficient_size),
      TEST(test_null_arguments),
      TEST(test_empty_input),
      TEST(test_overlapping_buffers),
      TEST(test_redact_in_place),
      TEST(test_builder),
      TEST(test_builder_errors),
      TEST(test_rules),
      TEST(test_redactor_from_config),
      TEST(test_counts),
      TEST(test_actions_and_thresholds),
      TEST(test_allow_lists),
      TEST(test_hash_policy),
      TEST(test_redact_gb18030),
      TEST(test_redact_gb18030_tags),
      TEST(test_redact_gb18030_malformed),
      TEST(test_redact_gb18030_insufficient_size),
      TEST(test_redact_gb18030_arguments),
      TEST(test_gb18030_stream),
      TEST(test_gb18030_stream_malformed),
      TEST(test_gb18030_stream_arguments),
      TEST(test_stream_matches_one_shot),
      TEST(test_stream_output_full),
      TEST(test_stream_finish_and_end_message),
      TEST(test_stream_max_output_len),
      TEST(test_free_redactor_before_stream),
      TEST(test_threads_share_a_redactor),
  };
  int passed = 0, failed = 0;
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    bool ok = cases[i].run();
    printf("%s %s\n", ok ? "ok    " : "FAILED", cases[i].name);
    if (ok) {
      passed++;
    } else {
      failed++;
    }
  }
  printf("%d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}
