// Copyright 2026 The hubperm Authors.

#include "policy/model/names.h"

#include <array>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "policy/common/escape.h"
#include "policy/common/utf8.h"

namespace hubperm {
namespace {

constexpr absl::string_view kAccountSource =
    "the Hub's OpenAPI description: userName has 2 to 42 characters, pattern "
    "^\\b(?!\\d+$)(?![0-9a-fA-F]{24}$)([a-zA-Z0-9]|-(?!-))+\\b$";
constexpr absl::string_view kRepoSource =
    "huggingface_hub's validate_repo_id: \"Repo id must use alphanumeric chars or '-', '_', '.', '--' and "
    "'..' are forbidden, '-' and '.' cannot start or end the name, max length is 96\"";

constexpr std::array<NameRule, 6> kRules = {{
    {NameKind::kUser, "a user name", 2, 42, Alphabet::kAccount, Evidence::kDoc, kAccountSource},
    {NameKind::kOrg, "an org name", 2, 42, Alphabet::kAccount, Evidence::kAssumed,
     "assumed: organizations share the namespace of users, so hubperm applies the user name rule"},
    {NameKind::kRepoName, "a repo name", 1, 96, Alphabet::kRepoName, Evidence::kSeen, kRepoSource},
    {NameKind::kResourceGroup, "a resource group name", 1, 100, Alphabet::kPrintable, Evidence::kAssumed,
     "assumed: the Hub documents no rule; hubperm asks for printable text of at most 100 characters"},
    {NameKind::kToken, "a token name", 1, 100, Alphabet::kPrintable, Evidence::kAssumed,
     "assumed: the Hub documents no rule; hubperm asks for printable text of at most 100 characters"},
    {NameKind::kCase, "a case name", 1, 500, Alphabet::kPrintable, Evidence::kAssumed,
     "hubperm's own: printable, so that no case name can forge a line of `hubperm test`'s output"},
}};

constexpr bool RowsInEnumOrder() {
  for (size_t i = 0; i < kRules.size(); ++i) {
    if (static_cast<size_t>(kRules[i].kind) != i) return false;
  }
  return true;
}
static_assert(RowsInEnumOrder(), "kRules rows must follow the NameKind enum's order");

bool IsAsciiAlnum(char c) { return absl::ascii_isalnum(static_cast<unsigned char>(c)); }

std::string AccountProblem(absl::string_view name, absl::string_view what) {
  for (char c : name) {
    if (!IsAsciiAlnum(c) && c != '-') {
      return absl::StrCat(what, " holds only ASCII letters, digits and single hyphens");
    }
  }
  if (name.front() == '-' || name.back() == '-') return absl::StrCat(what, " cannot start or end with '-'");
  if (absl::StrContains(name, "--")) return absl::StrCat(what, " cannot hold '--'");
  bool digits = true, hex = name.size() == 24;
  for (char c : name) {
    digits = digits && absl::ascii_isdigit(static_cast<unsigned char>(c));
    hex = hex && absl::ascii_isxdigit(static_cast<unsigned char>(c));
  }
  if (digits) return absl::StrCat(what, " cannot be only digits");
  if (hex) return absl::StrCat(what, " cannot be 24 hexadecimal digits (the form of the Hub's ids)");
  return "";
}

std::string RepoNameProblem(absl::string_view name, absl::string_view what) {
  for (char c : name) {
    if (!IsAsciiAlnum(c) && c != '-' && c != '_' && c != '.') {
      return absl::StrCat(what, " holds only ASCII letters, digits, '-', '_' and '.'");
    }
  }
  if (absl::StrContains(name, "--") || absl::StrContains(name, "..")) {
    return absl::StrCat(what, " cannot hold '--' or '..'");
  }
  const char first = name.front(), last = name.back();
  if (first == '-' || first == '.' || last == '-' || last == '.') {
    return absl::StrCat(what, " cannot start or end with '-' or '.'");
  }
  return "";
}

}  // namespace

absl::Span<const NameRule> NameRules() { return kRules; }

const NameRule& RuleOf(NameKind kind) { return kRules[static_cast<size_t>(kind)]; }

std::string NameProblem(NameKind kind, absl::string_view name) {
  const NameRule& rule = RuleOf(kind);
  // Counted up to one past the maximum: a name of 50 MB costs no more than one a character too long.
  int characters = 0;
  for (size_t i = 0; i < name.size() && characters <= rule.max_length; ++characters) {
    const size_t length = Utf8SequenceLength(name, i);
    i += length == 0 ? 1 : length;
  }
  if (characters < rule.min_length || characters > rule.max_length) {
    const std::string count = characters > rule.max_length ? absl::StrCat("more than ", rule.max_length)
                                                           : absl::StrCat(characters);
    return absl::StrCat("it has ", count, characters == 1 ? " character" : " characters", "; ", rule.what, " has ",
                        rule.min_length, " to ", rule.max_length);
  }
  switch (rule.alphabet) {
    case Alphabet::kAccount:
      return AccountProblem(name, rule.what);
    case Alphabet::kRepoName:
      return RepoNameProblem(name, rule.what);
    case Alphabet::kPrintable:
      if (HasUnsafeCharacter(name)) {
        return absl::StrCat("it holds a control or format character; ", rule.what, " must be printable");
      }
      if (absl::StripAsciiWhitespace(name).empty()) return absl::StrCat("it is blank; ", rule.what, " must show");
      return "";
  }
  return "";
}

std::string RepoIdProblem(absl::string_view id) {
  const size_t slash = id.find('/');
  if (slash == absl::string_view::npos) return "a repo id is namespace/name, with one '/'";
  if (id.find('/', slash + 1) != absl::string_view::npos) return "a repo id has one '/', between namespace and name";
  const absl::string_view space = id.substr(0, slash), name = id.substr(slash + 1);
  if (std::string problem = NameProblem(NameKind::kUser, space); !problem.empty()) {
    return absl::StrCat("its namespace: ", problem);
  }
  if (std::string problem = NameProblem(NameKind::kRepoName, name); !problem.empty()) {
    return absl::StrCat("its name: ", problem);
  }
  return "";
}

}  // namespace hubperm
