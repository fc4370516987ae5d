// Copyright 2026 The hubperm Authors.

#include "fetch/link_header.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace hubperm {
namespace {

// Splits `header` at the commas that separate links (not those inside <...> or "...").
std::vector<absl::string_view> Links(absl::string_view header) {
  std::vector<absl::string_view> links;
  bool in_target = false, in_quotes = false;
  size_t start = 0;
  for (size_t i = 0; i < header.size(); ++i) {
    const char c = header[i];
    if (in_quotes) {
      if (c == '\\') ++i;
      else if (c == '"') in_quotes = false;
    } else if (in_target) {
      if (c == '>') in_target = false;
    } else if (c == '<') {
      in_target = true;
    } else if (c == '"') {
      in_quotes = true;
    } else if (c == ',') {
      links.push_back(header.substr(start, i - start));
      start = i + 1;
    }
  }
  links.push_back(header.substr(start));
  return links;
}

}  // namespace

absl::optional<std::string> NextLink(absl::string_view header) {
  for (absl::string_view link : Links(header)) {
    link = absl::StripAsciiWhitespace(link);
    if (!absl::ConsumePrefix(&link, "<")) continue;
    const size_t close = link.find('>');
    if (close == absl::string_view::npos) continue;
    const absl::string_view target = link.substr(0, close);
    for (absl::string_view param : absl::StrSplit(link.substr(close + 1), ';')) {
      param = absl::StripAsciiWhitespace(param);
      const size_t eq = param.find('=');
      if (eq == absl::string_view::npos) continue;
      if (!absl::EqualsIgnoreCase(absl::StripAsciiWhitespace(param.substr(0, eq)), "rel")) continue;
      absl::string_view value = absl::StripAsciiWhitespace(param.substr(eq + 1));
      if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
      for (absl::string_view rel : absl::StrSplit(value, ' ', absl::SkipEmpty())) {
        if (absl::EqualsIgnoreCase(rel, "next")) return std::string(target);
      }
    }
  }
  return absl::nullopt;
}

std::string Origin(absl::string_view url) {
  const size_t scheme_end = url.find("://");
  if (scheme_end == absl::string_view::npos) return "";
  const std::string scheme = absl::AsciiStrToLower(url.substr(0, scheme_end));
  if (scheme != "http" && scheme != "https") return "";
  const absl::string_view rest = url.substr(scheme_end + 3);
  const absl::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
  if (authority.empty() || authority.find('@') != absl::string_view::npos) return "";  // no user:password@
  return absl::StrCat(scheme, "://", absl::AsciiStrToLower(authority));
}

std::string ResolveLink(absl::string_view base, absl::string_view target) {
  if (absl::StartsWith(target, "/") && !absl::StartsWith(target, "//")) {
    const std::string origin = Origin(base);
    return origin.empty() ? "" : absl::StrCat(origin, target);
  }
  return Origin(target).empty() ? "" : std::string(target);
}

absl::optional<int> RetryAfterSeconds(absl::string_view value) {
  value = absl::StripAsciiWhitespace(value);
  int seconds = 0;
  if (value.empty() || value.size() > 9 || !absl::SimpleAtoi(value, &seconds) || seconds < 0) return absl::nullopt;
  for (char c : value) {
    if (c < '0' || c > '9') return absl::nullopt;
  }
  return seconds;
}

}  // namespace hubperm
