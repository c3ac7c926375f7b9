// Checks that include/tuomin.h works from C++ (extern "C" linkage, the
// enums, the structs) and shows a small RAII wrapper over the handles.
//
// Built and run by tests/ffi.rs against the shared library:
//
//   g++ -std=c++17 -Wall -Wextra -Werror -Iinclude tests/c/test.cpp
//       -Ltarget/debug -ltuomin -Wl,-rpath,target/debug -o test_cpp

#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "tuomin.h"

namespace {

struct RedactorFree {
  void operator()(tuomin_redactor *r) const { tuomin_redactor_free(r); }
};
struct StreamFree {
  void operator()(tuomin_stream *s) const { tuomin_stream_free(s); }
};
struct BuilderFree {
  void operator()(tuomin_builder *b) const { tuomin_builder_free(b); }
};
using Redactor = std::unique_ptr<tuomin_redactor, RedactorFree>;
using Stream = std::unique_ptr<tuomin_stream, StreamFree>;
using Builder = std::unique_ptr<tuomin_builder, BuilderFree>;

const uint8_t *bytes(std::string_view s) { return reinterpret_cast<const uint8_t *>(s.data()); }

// Redacts `text`, growing the output to the size the library asks for.
std::string redact(const tuomin_redactor *r, std::string_view text) {
  std::string out(text.size(), '\0');
  size_t len = 0;
  tuomin_result res = tuomin_redact(r, bytes(text), text.size(), reinterpret_cast<uint8_t *>(out.data()),
                                    out.size(), &len);
  if (res == TUOMIN_RESULT_INSUFFICIENT_SIZE) {
    out.resize(len);
    res = tuomin_redact(r, bytes(text), text.size(), reinterpret_cast<uint8_t *>(out.data()), out.size(), &len);
  }
  if (res != TUOMIN_RESULT_OK) return "<" + std::string(tuomin_result_message(res)) + ">";
  out.resize(len);
  return out;
}

// Redacts `text` through a stream, `piece` bytes at a time, into a small
// buffer.
std::string stream_redact(const tuomin_redactor *r, std::string_view text, size_t piece) {
  tuomin_stream *raw = nullptr;
  if (tuomin_stream_new(r, &raw) != TUOMIN_RESULT_OK) return "<stream_new failed>";
  Stream s(raw);
  std::string out;
  uint8_t dst[3];
  size_t pos = 0;
  for (;;) {
    size_t n = std::min(piece, text.size() - pos);
    bool last = pos + n == text.size();
    std::string_view rest = text.substr(pos, n);
    for (;;) {
      size_t read = 0, written = 0;
      tuomin_result res =
          tuomin_stream_feed(s.get(), bytes(rest), rest.size(), last, dst, sizeof dst, &read, &written);
      if (res != TUOMIN_RESULT_OK && res != TUOMIN_RESULT_OUTPUT_FULL) return "<feed failed>";
      out.append(reinterpret_cast<const char *>(dst), written);
      rest.remove_prefix(read);
      if (res == TUOMIN_RESULT_OK) break;
    }
    pos += n;
    if (last) return out;
  }
}

int passed = 0;
int failed = 0;

#define CHECK(cond)                                                        \
  do {                                                                     \
    if (!(cond)) {                                                         \
      std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
      return false;                                                        \
    }                                                                      \
  } while (0)

constexpr std::string_view kChat = "手机13812345678，身份证11010519491231002X，卡号6222020200112345679";
constexpr std::string_view kMasked = "手机138****5678，身份证1***************2X，卡号622202*********5679";

bool test_header_in_cpp() {
  static_assert(TUOMIN_RESULT_OK == 0, "result values are fixed");
  static_assert(TUOMIN_RESULT_PANIC == 5, "result values are fixed");
  static_assert(TUOMIN_KIND_ADDRESS == 4, "kind values are fixed");
  static_assert(sizeof(tuomin_result) == 4, "tuomin_result is 32 bits");
  static_assert(TUOMIN_VERSION_NUMBER ==
                    ((TUOMIN_VERSION_MAJOR << 16) | (TUOMIN_VERSION_MINOR << 8) | TUOMIN_VERSION_PATCH),
                "composite version");
  std::string expected = std::to_string(TUOMIN_VERSION_MAJOR) + "." + std::to_string(TUOMIN_VERSION_MINOR) +
                         "." + std::to_string(TUOMIN_VERSION_PATCH);
  CHECK(expected == tuomin_version());
  CHECK(std::string_view(tuomin_result_message(TUOMIN_RESULT_INSUFFICIENT_SIZE)).size() > 0);
  return true;
}

bool test_redact_and_scan() {
  tuomin_redactor *raw = nullptr;
  CHECK(tuomin_redactor_new_default(&raw) == TUOMIN_RESULT_OK);
  Redactor r(raw);
  CHECK(redact(r.get(), kChat) == kMasked);

  std::vector<tuomin_match> matches(1);
  size_t count = 0;
  CHECK(tuomin_scan(r.get(), bytes(kChat), kChat.size(), matches.data(), matches.size(), &count) ==
        TUOMIN_RESULT_INSUFFICIENT_SIZE);
  CHECK(count == 3);
  matches.resize(count);
  CHECK(tuomin_scan(r.get(), bytes(kChat), kChat.size(), matches.data(), matches.size(), &count) ==
        TUOMIN_RESULT_OK);
  CHECK(matches[0].kind == TUOMIN_KIND_PHONE);
  CHECK(matches[1].kind == TUOMIN_KIND_ID_CARD);
  CHECK(matches[2].kind == TUOMIN_KIND_BANK_CARD);
  CHECK(kChat.substr(matches[0].start, matches[0].end - matches[0].start) == "13812345678");
  CHECK(std::string_view(tuomin_kind_name(matches[2].kind)) == "bank_card");
  return true;
}

bool test_builder_and_stream() {
  tuomin_builder *braw = nullptr;
  CHECK(tuomin_builder_new(&braw) == TUOMIN_RESULT_OK);
  Builder b(braw);
  CHECK(tuomin_builder_set_kinds(b.get(), "phone,bank_card") == TUOMIN_RESULT_OK);
  CHECK(tuomin_builder_set_policy(b.get(), TUOMIN_KIND_BANK_CARD, "tag:[卡号]") == TUOMIN_RESULT_OK);
  CHECK(tuomin_builder_set_policy(b.get(), TUOMIN_KIND_PHONE, "sometimes") == TUOMIN_RESULT_INVALID_PARAMETER);
  tuomin_redactor *raw = nullptr;
  CHECK(tuomin_builder_build(b.get(), &raw) == TUOMIN_RESULT_OK);
  Redactor r(raw);
  const std::string expected = "手机138****5678，身份证11010519491231002X，卡号[卡号]";
  CHECK(redact(r.get(), kChat) == expected);
  for (size_t piece : {1, 2, 5, 100}) CHECK(stream_redact(r.get(), kChat, piece) == expected);
  return true;
}

bool test_threads() {
  tuomin_redactor *raw = nullptr;
  CHECK(tuomin_redactor_new_default(&raw) == TUOMIN_RESULT_OK);
  Redactor r(raw);
  std::vector<std::thread> threads;
  std::vector<int> ok(8, 0);
  for (size_t i = 0; i < ok.size(); i++) {
    threads.emplace_back([&, i] {
      bool good = true;
      for (int round = 0; round < 20; round++) {
        good = good && redact(r.get(), kChat) == kMasked && stream_redact(r.get(), kChat, 1 + i) == kMasked;
      }
      ok[i] = good;
    });
  }
  for (auto &t : threads) t.join();
  for (int good : ok) CHECK(good);
  return true;
}

}  // namespace

int main() {
  struct {
    const char *name;
    bool (*run)();
  } const cases[] = {
      {"test_header_in_cpp", test_header_in_cpp},
      {"test_redact_and_scan", test_redact_and_scan},
      {"test_builder_and_stream", test_builder_and_stream},
      {"test_threads", test_threads},
  };
  for (const auto &c : cases) {
    bool ok = c.run();
    std::printf("%s %s\n", ok ? "ok    " : "FAILED", c.name);
    (ok ? passed : failed)++;
  }
  std::printf("%d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}
