// Copyright 2026 The hubperm Authors.
//
// who-can against brute force on random worlds: for random requests (huggingface_hub methods on random
// repos, creates in random namespaces, org settings), every token is asked the same request through the
// batch (`hubperm check --batch`, one JSON line per token, a path of its own), and who-can must agree
// token by token: allowed, status, and the sides that deny. Its users must be consistent with the
// tokens: the owner of an allowed token is among them, and so is every owner whose token the user side
// did not refuse; the owner of a token the user side refused is not.

#include <algorithm>
#include <iostream>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gtest/gtest.h"
#include "policy/hubperm.h"
#include "policy/load/world_writer.h"
#include "policy/testing/random_world.h"

namespace hubperm {
namespace {

struct Asked {
  RequestInput input;
  std::string json;  // the same request's keys, for a batch line (without the token)
};

std::string Quoted(const std::string& s) { return JsonQuote(s); }

Asked RandomRequest(const World& world, std::mt19937* rng) {
  static constexpr const char* kRepoMethods[] = {"repo_info", "delete_repo", "update_repo_settings", "create_branch",
                                                 "create_commit", "hf_hub_download"};
  Asked a;
  a.input.target.dialect = Dialect::kJsonKeys;
  const int kind = static_cast<int>((*rng)() % 8);
  if (kind < 6 && !world.repos.empty()) {
    const Repo& repo = world.repos[(*rng)() % world.repos.size()];
    a.input.operation = kRepoMethods[kind];
    a.input.target.repo = repo.id.text;
    a.input.target.repo_type = repo.type;
    a.json = absl::StrCat("\"operation\": ", Quoted(a.input.operation), ", \"repo\": ", Quoted(repo.id.text),
                          ", \"repo_type\": ", Quoted(std::string(NameOf(repo.type))));
  } else if (kind == 6 && !world.orgs.empty()) {
    a.input.operation = "list_organization_members";
    a.input.target.org = world.orgs[(*rng)() % world.orgs.size()].name.text;
    a.json = absl::StrCat("\"operation\": \"list_organization_members\", \"org\": ", Quoted(a.input.target.org));
  } else {
    const std::string ns = !world.orgs.empty() && (*rng)() % 2 == 0 ? world.orgs[(*rng)() % world.orgs.size()].name.text
                                                                     : world.users[(*rng)() % world.users.size()].text;
    a.input.operation = "create_repo";
    a.input.target.repo = absl::StrCat(ns, "/who-can-new");
    a.json = absl::StrCat("\"operation\": \"create_repo\", \"repo\": ", Quoted(a.input.target.repo));
  }
  return a;
}

// What the batch answered for one token: allowed, the status, and (for a single request, whose result is
// a decision) the sides that deny, as "user,token"; "?" for a client method of several requests.
struct Brute {
  bool allowed;
  int status;
  std::string denied_by;
};

// The value after "KEY": in one answer line, up to `end`.
std::string Field(const std::string& line, const std::string& key, char end, size_t from = 0) {
  const size_t at = line.find(absl::StrCat("\"", key, "\": "), from);
  if (at == std::string::npos) return "";
  const size_t start = at + key.size() + 4;
  return line.substr(start, line.find(end, start) - start);
}

Brute BruteOf(const std::string& line) {
  Brute b;
  b.allowed = Field(line, "verdict", ',') == "\"allow\"";
  const size_t result = line.find("\"result\": {");
  b.status = std::stoi(Field(line, "status", ',', result));
  const std::string decision = "\"result\": {\"schema\": \"hubperm.decision/v1\"";
  if (line.compare(result, decision.size(), decision) == 0) {
    std::string sides = Field(line, "denied_by", ']', result);
    sides.erase(std::remove_if(sides.begin(), sides.end(), [](char c) { return c == '[' || c == '"' || c == ' '; }),
                sides.end());
    b.denied_by = sides;
  } else {
    b.denied_by = "?";
  }
  return b;
}

TEST(WhoCanProperty, AgreesWithEveryTokenAskedThroughTheBatch) {
  int requests = 0, allowed_tokens = 0, one_side = 0, users_seen = 0, decisions_compared = 0, owners_checked = 0;
  for (uint32_t seed = 1; seed <= 80; ++seed) {
    const World world = RandomWorld(seed, RandomWorldShape());
    LoadResult loaded = Engine::LoadTexts({{"world.yaml", WriteFixture(world)}});
    ASSERT_TRUE(loaded.ok()) << loaded.RenderIssues();
    const Engine& engine = *loaded.engine;
    std::mt19937 rng(seed);
    for (int r = 0; r < 4; ++r) {
      const Asked asked = RandomRequest(engine.world(), &rng);
      const absl::StatusOr<WhoCanResult> who = engine.WhoCan(asked.input);
      ASSERT_TRUE(who.ok()) << who.status() << " seed " << seed << " " << asked.json;
      ++requests;

      // Brute force: every token through the batch, one JSON line each.
      std::string lines;
      for (const Token& t : engine.world().tokens) lines += absl::StrCat("{\"token\": ", Quoted(t.name.text), ", ", asked.json, "}\n");
      std::istringstream in(lines);
      std::ostringstream out, err;
      engine.RunBatch(in, BatchOptions(), out, err);
      std::vector<Brute> brute;
      std::istringstream answers(out.str());
      for (std::string line; std::getline(answers, line);) {
        ASSERT_EQ(line.find("\"verdict\": \"error\""), std::string::npos) << line;
        brute.push_back(BruteOf(line));
      }
      ASSERT_EQ(brute.size(), who->tokens.size()) << asked.json;

      // who->tokens are by name; the batch answered in the world's order.
      std::map<std::string, size_t> line_of;
      std::map<std::string, TokenKind> kinds;
      for (size_t i = 0; i < engine.world().tokens.size(); ++i) {
        line_of[engine.world().tokens[i].name.text] = i;
        kinds[engine.world().tokens[i].name.text] = engine.world().tokens[i].kind;
      }

      const std::set<std::string> users(who->users.begin(), who->users.end());
      for (size_t i = 0; i < who->tokens.size(); ++i) {
        const TokenAnswer& t = who->tokens[i];
        ASSERT_EQ(line_of.count(t.token), 1u) << t.token;
        const Brute& b = brute[line_of[t.token]];
        EXPECT_EQ(t.allowed, b.allowed) << t.token << " " << asked.json << " seed " << seed;
        EXPECT_EQ(t.status, b.status) << t.token << " " << asked.json << " seed " << seed;
        EXPECT_EQ(t.allowed, t.denied_by.empty()) << t.token;
        if (b.denied_by != "?") {
          std::vector<std::string> sides;
          for (Side side : t.denied_by) sides.emplace_back(NameOf(side));
          EXPECT_EQ(absl::StrJoin(sides, ","), b.denied_by) << t.token << " " << asked.json;
          ++decisions_compared;
        }
        const bool user_refused = std::count(t.denied_by.begin(), t.denied_by.end(), Side::kUser) > 0;
        // The owner may make such a token unless the user side refused this one (a user access token's
        // user side is its owner's; a trusted publisher's is the publisher's own, §4c).
        if (kinds[t.token] == TokenKind::kUser) {
          EXPECT_EQ(users.count(t.owner), user_refused ? 0u : 1u) << t.owner << " " << t.token << " " << asked.json;
          ++owners_checked;
        }
        allowed_tokens += t.allowed;
        one_side += t.denied_by.size() == 1;
      }
      users_seen += static_cast<int>(users.size());
    }
  }
  EXPECT_EQ(requests, 320);
  EXPECT_GT(allowed_tokens, 200);
  EXPECT_GT(one_side, 200);
  EXPECT_GT(users_seen, 200);
  EXPECT_GT(decisions_compared, 1000);
  EXPECT_GT(owners_checked, 1000);
  std::cout << requests << " requests, " << decisions_compared << " decisions compared, " << owners_checked
            << " owners checked, " << allowed_tokens << " tokens allowed, " << one_side << " denied by one side\n";
}

}  // namespace
}  // namespace hubperm
