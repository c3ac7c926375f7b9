/*
 * redact_file: redacts a transcript with tuomin's stream API and writes it
 * to standard output, reading 4 KiB at a time. The output is the same as
 * that of `tuomin redact FILE`.
 *
 *   cargo build --release && make -C examples/c
 *   examples/c/redact_file examples/chat.txt
 *
 * Usage: redact_file [FILE]   (no FILE, or "-", reads standard input)
 */

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "tuomin.h"

enum { PIECE = 4096 };

static int fail(const char *what, tuomin_result res) {
  fprintf(stderr, "redact_file: %s: %s\n", what, tuomin_result_message(res));
  return 1;
}

/* Feeds one piece (all of it) and writes what comes out. */
static int feed(tuomin_stream *s, const uint8_t *src, size_t len, bool last) {
  static uint8_t out[PIECE];
  for (;;) {
    size_t read = 0, written = 0;
    tuomin_result res = tuomin_stream_feed(s, src, len, last, out, sizeof out, &read, &written);
    if (res != TUOMIN_RESULT_OK && res != TUOMIN_RESULT_OUTPUT_FULL) return fail("redacting", res);
    if (fwrite(out, 1, written, stdout) != written) {
      perror("redact_file: writing");
      return 1;
    }
    src += read;
    len -= read;
    if (res == TUOMIN_RESULT_OK) return 0; /* all of src read */
    /* TUOMIN_RESULT_OUTPUT_FULL: `out` was full; go on with the rest. */
  }
}

int main(int argc, char **argv) {
  if (argc > 2) {
    fprintf(stderr, "usage: redact_file [FILE]\n");
    return 2;
  }
  FILE *in = stdin;
  if (argc == 2 && strcmp(argv[1], "-") != 0) {
    in = fopen(argv[1], "rb");
    if (in == NULL) {
      fprintf(stderr, "redact_file: cannot read %s: ", argv[1]);
      perror(NULL);
      return 2;
    }
  }

  /* One redactor per process (shareable between threads), one stream per
     text. The stream keeps the redactor alive, so it can go right away. */
  tuomin_redactor *r = NULL;
  tuomin_result res = tuomin_redactor_new_default(&r);
  if (res != TUOMIN_RESULT_OK) return fail("creating the redactor", res);
  tuomin_stream *s = NULL;
  res = tuomin_stream_new(r, &s);
  tuomin_redactor_free(r);
  if (res != TUOMIN_RESULT_OK) return fail("creating a stream", res);

  static uint8_t piece[PIECE];
  int status = 0;
  bool last = false;
  while (status == 0 && !last) {
    size_t n = fread(piece, 1, sizeof piece, in);
    if (n < sizeof piece) {
      if (ferror(in)) {
        perror("redact_file: reading");
        status = 1;
        break;
      }
      last = true; /* end of file: the stream flushes what it held back */
    }
    status = feed(s, piece, n, last);
  }
  tuomin_stream_free(s);
  if (in != stdin) fclose(in);
  if (fflush(stdout) != 0) {
    perror("redact_file: writing");
    status = 1;
  }
  return status;
}
