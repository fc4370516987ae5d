// Copyright 2026 The hubperm Authors.

#include "policy/load/case_sets.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "policy/common/suggest.h"
#include "policy/model/vocabulary.h"

namespace hubperm {
namespace {

// The names `patterns` match among `names` (in their order), each once; an error per pattern that matches
// none. `what` is "token" or "repo"; `keep(i)` says whether names[i] may be matched at all.
template <typename Keep>
std::vector<size_t> Match(const std::vector<Name>& patterns, const std::vector<absl::string_view>& names,
                          absl::string_view what, absl::string_view case_name, Keep&& keep, Diagnostics* d) {
  std::vector<bool> taken(names.size(), false);
  for (const Name& pattern : patterns) {
    bool any = false;
    for (size_t i = 0; i < names.size(); ++i) {
      if (!keep(i)) continue;
      const bool match = pattern.text == "all" || (IsGlob(pattern.text) ? GlobMatch(pattern.text, names[i])
                                                                         : pattern.text == names[i]);
      if (!match) continue;
      any = true;
      taken[i] = true;
    }
    if (any) continue;
    if (pattern.text == "all") {
      d->Error(pattern.pos, absl::StrCat("case '", case_name, "': the world has no ", what, " for 'all' to name"));
    } else if (IsGlob(pattern.text)) {
      d->Error(pattern.pos, absl::StrCat("case '", case_name, "': '", pattern.text, "' matches no ", what,
                                         " of the world; the nearest: ",
                                         absl::StrJoin(NearestNames(pattern.text, names, 3), ", ")));
    } else {
      d->Error(pattern.pos, absl::StrCat("case '", case_name, "': no ", what, " '", pattern.text, "'",
                                         DidYouMean(pattern.text, names)));
    }
  }
  std::vector<size_t> out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (taken[i]) out.push_back(i);
  }
  return out;
}

}  // namespace

void ExpandCaseSets(World* world, Diagnostics* diagnostics) {
  std::vector<absl::string_view> token_names, repo_names;
  for (const Token& t : world->tokens) token_names.push_back(t.name.text);
  for (const Repo& r : world->repos) repo_names.push_back(r.id.text);
  for (Case& c : world->cases) {
    if (c.token_rule()) {
      std::vector<bool> excluded(token_names.size(), false);
      for (const Name& name : c.all_except) {
        bool found = false;
        for (size_t i = 0; i < token_names.size(); ++i) {
          if (token_names[i] == name.text) excluded[i] = found = true;
        }
        if (!found) {
          diagnostics->Error(name.pos, absl::StrCat("case '", c.name.text, "': 'all_except' names no token '", name.text,
                                                    "'", DidYouMean(name.text, token_names)));
        }
      }
      const std::vector<size_t> matched =
          Match(c.token_patterns, token_names, "token", c.name.text, [](size_t) { return true; }, diagnostics);
      c.tokens.clear();
      for (size_t i : matched) {
        if (!excluded[i]) c.tokens.push_back(Name{std::string(token_names[i]), c.token_patterns[0].pos});
      }
      if (c.tokens.empty() && !matched.empty()) {
        diagnostics->Error(c.all_except_pos, absl::StrCat("case '", c.name.text, "': 'all_except' leaves no token"));
      }
    }
    if (c.repo_rule()) {
      const absl::optional<RepoType> type = c.repo_type;
      const std::vector<size_t> matched = Match(
          c.repo_patterns, repo_names, type.has_value() ? absl::StrCat(NameOf(*type), " repo") : std::string("repo"),
          c.name.text, [&](size_t i) { return !type.has_value() || world->repos[i].type == *type; }, diagnostics);
      c.repos.clear();
      c.repo_types.clear();
      for (size_t i : matched) {
        c.repos.push_back(Name{world->repos[i].id.text, c.repo_patterns[0].pos});
        c.repo_types.push_back(world->repos[i].type);
      }
    }
  }
}

}  // namespace hubperm
